/**
 * Partial data is said, never hidden: renders the data-availability view model (dataAvailabilityViewModel.ts).
 */
import { useMemo } from 'react';
import type { QueryGroup } from '../../domain/input';
import { useMessages } from '../messages/MessagesProvider';
import { buildDataAvailabilityView, type AvailabilitySlice } from './dataAvailabilityViewModel';
import './record.css';

/** A banner listing what could not be read completely; nothing when the whole record was read. */
export interface DataAvailabilityProps {
  record: AvailabilitySlice;
  /** Groups still being read: listed as such, not as problems. */
  loadingGroups?: readonly QueryGroup[];
  /** Reads one group again; each problem gets a "Try again" button when given. */
  onRetry?: (group: QueryGroup) => void;
}

export function DataAvailability({ record, loadingGroups = [], onRetry }: DataAvailabilityProps) {
  const m = useMessages();
  const view = useMemo(() => buildDataAvailabilityView(record, m, loadingGroups), [record, m, loadingGroups]);
  if (!view) return null;
  return (
    <section className="data-availability" aria-labelledby="data-availability-heading">
      <h2 id="data-availability-heading">{view.heading}</h2>
      {view.loading && (
        <p role="status" className="data-availability__loading">
          {view.loading}
        </p>
      )}
      {view.intro && (
        <>
          <p>{view.intro}</p>
          <ul>
            {view.problems.map((p) => (
              <li key={p.key}>
                <strong>{p.group}</strong>: {p.status}
                {onRetry && (
                  <button type="button" className="button data-availability__retry no-print" aria-label={p.retryLabel} onClick={() => onRetry(p.groupId)}>
                    {m.t('availability.retry')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.warnings && (
        <details>
          <summary>{view.warnings.summary}</summary>
          <ul>
            {view.warnings.items.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {view.dropped && <p>{view.dropped}</p>}
    </section>
  );
}
