/**
 * The D-dimer table: the chart's twin, every result of the record as a row (plotted or not). Results of the selected
 * pregnancy first; results outside it in their own row group. DDU values stay in ng/mL DDU, labelled; results that
 * cannot be normalised say why.
 */
import { legacyReasonText } from '../../domain/reasons';
import type { DdimerRow, TimelineData } from '../../domain/timeline';
import { feuUnitLabel } from '../../domain/timeline';
import { PERF_MARKS, useMarkOnce } from '../common/perfMarks';
import { toIsoInZone } from '../../domain/time';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import './timeline.css';

function Row({ row, zone }: { row: DdimerRow; zone: string }) {
  const r = row.result;
  return (
    <tr>
      <td>
        <time dateTime={toIsoInZone(r.time.start, zone)}>{row.whenText}</time>
      </td>
      <td>{row.gaText.known ? row.gaText.value : row.inPregnancy ? <UnknownValue reason={row.gaText.reason} /> : legacyReasonText(row.gaText.reason)}</td>
      <td>
        {r.original.text}
        {r.unitType === 'DDU' ? ' (DDU)' : ''}
        {row.referenceRangeText && <span className="range">lab range: {row.referenceRangeText}</span>}
      </td>
      <td>{row.normalised.kind === 'none' ? <UnknownValue label="not normalised" reason={row.normalised.reason} /> : row.normalised.text}</td>
      <td>{row.statusText ? <span className="status-mark">{row.statusText}</span> : 'final'}</td>
      <td>
        <Provenance sources={r.source} />
      </td>
    </tr>
  );
}

export interface DdimerTableProps {
  data: TimelineData;
  zone: string;
}

export function DdimerTable({ data, zone }: DdimerTableProps) {
  // Rendered from the complete record (every D-dimer result); also when there are none.
  useMarkOnce(PERF_MARKS.ddimerTable);
  const inside = data.rows.filter((r) => r.inPregnancy);
  const outside = data.rows.filter((r) => !r.inPregnancy);
  const scope = data.axis.kind === 'ga' ? 'this pregnancy' : 'the record';
  if (data.rows.length === 0) return <p className="timeline-empty">No D-dimer results in the record.</p>;
  return (
    <table className="timeline-table">
      <caption>
        D-dimer results ({inside.length} in {scope}
        {outside.length > 0 ? `, ${outside.length} outside it` : ''}); normalised values in {feuUnitLabel(data.unit)}, DDU results in ng/mL DDU
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Gestational age</th>
          <th scope="col">Result (as reported)</th>
          <th scope="col">Normalised value ({feuUnitLabel(data.unit)})</th>
          <th scope="col">Status</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody data-group="in-pregnancy">
        {inside.length === 0 ? (
          <tr>
            <td colSpan={6}>No D-dimer results in {scope}.</td>
          </tr>
        ) : (
          inside.map((row, i) => <Row key={`${row.result.source.id ?? 'no-id'}-${i}`} row={row} zone={zone} />)
        )}
      </tbody>
      {outside.length > 0 && (
        <tbody data-group="outside-pregnancy">
          <tr>
            <th scope="rowgroup" colSpan={6}>
              Outside this pregnancy ({outside.length} result{outside.length > 1 ? 's' : ''}, not plotted)
            </th>
          </tr>
          {outside.map((row, i) => (
            <Row key={`out-${row.result.source.id ?? 'no-id'}-${i}`} row={row} zone={zone} />
          ))}
        </tbody>
      )}
    </table>
  );
}
