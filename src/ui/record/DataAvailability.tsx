/**
 * Partial data is said, never hidden: renders the data-availability view model (dataAvailabilityViewModel.ts).
 */
import { useMemo } from 'react';
import { useMessages } from '../messages/MessagesProvider';
import { buildDataAvailabilityView, type AvailabilitySlice } from './dataAvailabilityViewModel';
import './record.css';

/** A banner listing what could not be read completely; nothing when the whole record was read. */
export function DataAvailability({ record }: { record: AvailabilitySlice }) {
  const m = useMessages();
  const view = useMemo(() => buildDataAvailabilityView(record, m), [record, m]);
  if (!view) return null;
  return (
    <section className="data-availability" aria-labelledby="data-availability-heading">
      <h2 id="data-availability-heading">{view.heading}</h2>
      {view.intro && (
        <>
          <p>{view.intro}</p>
          <ul>
            {view.problems.map((p) => (
              <li key={p.key}>
                <strong>{p.group}</strong>: {p.status}
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
