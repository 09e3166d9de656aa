/**
 * "Records left out": renders the exclusions view model (exclusionsViewModel.ts). Target of the "not plotted — see
 * exclusions" links.
 */
import { useId, useMemo } from 'react';
import type { DroppedResource } from '../../domain/input';
import type { Exclusion } from '../../domain/types';
import { Provenance, sourceLabel } from '../common/Provenance';
import { useMessages } from '../messages/MessagesProvider';
import { buildExclusionsView } from './exclusionsViewModel';
import '../timeline/timeline.css';

export interface ExclusionsReportProps {
  exclusions: readonly Exclusion[];
  dropped: readonly DroppedResource[];
}

export function ExclusionsReport({ exclusions, dropped }: ExclusionsReportProps) {
  const headingId = useId();
  const m = useMessages();
  const view = useMemo(() => buildExclusionsView(exclusions, dropped, m), [exclusions, dropped, m]);
  return (
    <section id="exclusions" aria-labelledby={headingId} className="exclusions-report">
      <h2 id={headingId}>{view.heading}</h2>
      {view.empty !== undefined ? (
        <p>{view.empty}</p>
      ) : (
        <table>
          <caption>{view.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{view.headers.view}</th>
              <th scope="col">{view.headers.reason}</th>
              <th scope="col">{view.headers.record}</th>
            </tr>
          </thead>
          {view.groups.map((g) => (
            <tbody key={g.view}>
              <tr>
                <th scope="rowgroup" colSpan={3}>
                  {g.title}
                </th>
              </tr>
              {g.items.map((i, k) => (
                <tr key={`${sourceLabel(i.source)}-${k}`}>
                  <td>{i.view}</td>
                  <td>{i.reason}</td>
                  <td>
                    {sourceLabel(i.source)} <Provenance sources={i.source} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
