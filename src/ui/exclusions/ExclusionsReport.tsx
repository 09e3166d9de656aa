/**
 * "Records left out": every record a view left out, with the reason, grouped by view with counts, and the resources
 * the FHIR layer dropped before reading (another patient's). Target of the "not plotted — see exclusions" links.
 */
import { legacyReasonText } from '../../domain/reasons';
import { useId } from 'react';
import type { DroppedResource } from '../../domain/input';
import type { Exclusion, SourceRef } from '../../domain/types';
import { Provenance, sourceLabel } from '../common/Provenance';
import '../timeline/timeline.css';

export const DROPPED_VIEW = 'Not read: belongs to another patient or was dropped by the FHIR layer';

export interface ExclusionsReportProps {
  exclusions: readonly Exclusion[];
  dropped: readonly DroppedResource[];
}

interface Item {
  view: string;
  reason: string;
  source: SourceRef;
}

/** Items grouped by view, in order of first appearance; dropped resources last. */
export function groupExclusions(exclusions: readonly Exclusion[], dropped: readonly DroppedResource[]): [string, Item[]][] {
  const groups = new Map<string, Item[]>();
  const add = (i: Item) => {
    const list = groups.get(i.view) ?? [];
    list.push(i);
    groups.set(i.view, list);
  };
  for (const e of exclusions) add({ view: e.view, reason: legacyReasonText(e.reason), source: e.source });
  for (const d of dropped) add({ view: DROPPED_VIEW, reason: d.reason, source: { resourceType: d.resourceType, id: d.id } });
  return [...groups.entries()];
}

export function ExclusionsReport({ exclusions, dropped }: ExclusionsReportProps) {
  const headingId = useId();
  const groups = groupExclusions(exclusions, dropped);
  const total = groups.reduce((n, [, items]) => n + items.length, 0);
  return (
    <section id="exclusions" aria-labelledby={headingId} className="exclusions-report">
      <h2 id={headingId}>Records left out</h2>
      {total === 0 ? (
        <p>Nothing was left out.</p>
      ) : (
        <table>
          <caption>
            {total} record{total > 1 ? 's' : ''} left out of {groups.length} view{groups.length > 1 ? 's' : ''}, with the reason
          </caption>
          <thead>
            <tr>
              <th scope="col">View</th>
              <th scope="col">Reason</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          {groups.map(([view, items]) => (
            <tbody key={view}>
              <tr>
                <th scope="rowgroup" colSpan={3}>
                  {view} ({items.length})
                </th>
              </tr>
              {items.map((i, k) => (
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
