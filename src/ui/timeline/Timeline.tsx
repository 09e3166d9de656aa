/**
 * The D-dimer and LMWH timeline of one patient: pregnancy picker (when there is more than one), the dating
 * statement, the chart, the LMWH and event lanes on the same axis, and the table twin directly below.
 * The timeline itself is built with the record (record.timelines); this renders its view model. The exclusions
 * report ("#exclusions") is a separate component (ExclusionsReport) that the page renders once.
 */
import { useId, useMemo, useState } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import type { DdimerDisplayUnit } from '../../domain/labs';
import { focusWindow, selectedPregnancyIndex, timelineFor, windowTimeline } from '../../domain/timeline';
import { useMessages } from '../messages/MessagesProvider';
import { Provenance } from '../common/Provenance';
import { DdimerChart } from './DdimerChart';
import { DdimerTable } from './DdimerTable';
import { EventLane, LmwhLane } from './Lanes';
import { buildTimelineHeaderView } from './timelineViewModel';
import './timeline.css';

export interface TimelineProps {
  record: Pick<ClinicalRecord, 'pregnancy' | 'timelines'>;
}

export function Timeline({ record }: TimelineProps) {
  const id = useId();
  const m = useMessages();
  const [unit, setUnit] = useState<DdimerDisplayUnit>('ng/mL');
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [whole, setWhole] = useState(false);
  const pregnancyIndex = selectedPregnancyIndex(record, picked);
  const data = timelineFor(record, picked);
  const header = useMemo(() => (data ? buildTimelineHeaderView(data, record.pregnancy, m) : undefined), [data, record.pregnancy, m]);
  const focus = useMemo(() => (data ? focusWindow(data) : undefined), [data]);
  const frame = whole ? undefined : focus;
  const shown = useMemo(() => (data && frame ? windowTimeline(data, frame, m.zone) : data), [data, frame, m.zone]);
  if (!data || !shown || !header) return null;
  const dating = header.dating;

  return (
    <section className="timeline" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{header.heading}</h2>

      {header.picker && (
        <div className="timeline-controls">
          <label htmlFor={`${id}-pregnancy`}>{header.picker.label}</label>
          <select id={`${id}-pregnancy`} value={pregnancyIndex ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
            {header.picker.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </select>
        </div>
      )}

      {dating.kind === 'dated' ? (
        <div className="timeline-dating">
          <div>
            {dating.text} <Provenance sources={dating.source} label={dating.sourceLabel} />
          </div>
          {dating.alternatives.length > 0 && (
            <ul aria-label={dating.alternativesLabel}>
              {dating.alternatives.map((a, i) => (
                <li key={i}>
                  {a.text} <Provenance sources={a.source} />
                </li>
              ))}
            </ul>
          )}
          {dating.notes.map((n, i) => (
            <p key={`note-${i}`} className="timeline-note">
              {n}
            </p>
          ))}
        </div>
      ) : (
        <p className="timeline-dating timeline-dating--none">{dating.text}</p>
      )}

      {focus && header.window && (
        <div className="timeline-controls timeline-window">
          <label htmlFor={`${id}-window`}>{header.window.label}</label>
          <select id={`${id}-window`} value={whole ? 'whole' : 'focus'} onChange={(e) => setWhole(e.target.value === 'whole')}>
            <option value="focus">{header.window.focus}</option>
            <option value="whole">{header.window.whole}</option>
          </select>
        </div>
      )}

      <DdimerChart data={data} unit={unit} onUnitChange={setUnit} window={frame} />
      <LmwhLane data={shown} />
      <EventLane data={shown} />
      <DdimerTable data={data} unit={unit} />
    </section>
  );
}
