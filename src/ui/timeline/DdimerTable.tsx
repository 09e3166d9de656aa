/**
 * The D-dimer table: the chart's twin, every result of the record as a row (plotted or not). Results of the selected
 * pregnancy first; results outside it in their own row group. DDU values stay in ng/mL DDU, labelled; results that
 * cannot be normalised say why.
 */
import { useId, useMemo, useState } from 'react';
import type { DdimerDisplayUnit } from '../../domain/labs';
import type { TimelineData } from '../../domain/timeline';
import { useMessages } from '../messages/MessagesProvider';
import { PERF_MARKS, useMarkOnce } from '../common/perfMarks';
import { Provenance } from '../common/Provenance';
import { UnknownValue } from '../common/UnknownValue';
import { buildDdimerTableView, type DdimerRowView, type TextOrUnknown } from './timelineViewModel';
import './timeline.css';

function Cell({ value }: { value: TextOrUnknown }) {
  return value.known ? <>{value.text}</> : <UnknownValue reason={value.reason} label={value.label} />;
}

function Row({ row, hidden = false }: { row: DdimerRowView; hidden?: boolean }) {
  const m = useMessages();
  return (
    <tr hidden={hidden}>
      <td>
        <time dateTime={m.iso(row.atMs)}>{row.when}</time>
      </td>
      <td>
        <Cell value={row.ga} />
      </td>
      <td title={row.asReportedExact}>
        {row.asReported}
        {row.dduMark}
        {row.range && <span className="range">{row.range}</span>}
      </td>
      <td>
        <Cell value={row.normalised} />
      </td>
      <td>{row.marked ? <span className="status-mark">{row.status}</span> : row.status}</td>
      <td>
        <Provenance sources={row.source} />
      </td>
    </tr>
  );
}

export interface DdimerTableProps {
  data: TimelineData;
  unit: DdimerDisplayUnit;
}

export function DdimerTable({ data, unit }: DdimerTableProps) {
  // Rendered from the record's D-dimer results (also when there are none): the bench's "table complete" mark.
  useMarkOnce(PERF_MARKS.ddimerTable);
  const m = useMessages();
  const view = useMemo(() => buildDdimerTableView(data, unit, m), [data, unit, m]);
  const id = useId();
  // The earlier pregnancy's results are one summary line until asked for (they are not this pregnancy's trend).
  const [outsideOpen, setOutsideOpen] = useState(false);
  if (view.empty !== undefined) return <p className="timeline-empty">{view.empty}</p>;
  return (
    <table className="timeline-table">
      <caption>{view.caption}</caption>
      <thead>
        <tr>
          {view.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody data-group="in-pregnancy">
        {view.inside.length === 0 ? (
          <tr>
            <td colSpan={6}>{view.noneInside}</td>
          </tr>
        ) : (
          view.inside.map((row) => <Row key={row.key} row={row} />)
        )}
      </tbody>
      {view.outside.length > 0 && (
        <tbody data-group="outside-pregnancy" id={`${id}-outside`}>
          <tr>
            <th scope="rowgroup" colSpan={3}>
              {view.outsideHeading}
            </th>
            <td colSpan={2}>{view.outsideSummary}</td>
            <td>
              <button type="button" aria-expanded={outsideOpen} aria-controls={`${id}-outside`} onClick={() => setOutsideOpen((o) => !o)}>
                {outsideOpen ? view.hideRows : view.showRows}
              </button>
            </td>
          </tr>
          {view.outside.map((row) => (
            <Row key={row.key} row={row} hidden={!outsideOpen} />
          ))}
        </tbody>
      )}
    </table>
  );
}
