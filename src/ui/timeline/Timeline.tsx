/**
 * The D-dimer and LMWH timeline of one patient: pregnancy picker (when there is more than one), the dating
 * statement, the chart, the LMWH and event lanes on the same axis, and the table twin directly below.
 * Zone and "now" come from the record (record.zone, record.nowMs). The exclusions report ("#exclusions") is a
 * separate component (ExclusionsReport) that the page renders once.
 */
import { useId, useMemo, useState } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import type { DdimerDisplayUnit } from '../../domain/labs';
import { gestationalAge, pregnancyLabel } from '../../domain/pregnancy';
import { buildTimeline, selectedPregnancyIndex, type EventMark } from '../../domain/timeline';
import { Provenance } from '../common/Provenance';
import { DdimerChart } from './DdimerChart';
import { DdimerTable } from './DdimerTable';
import { EventLane, LmwhLane } from './Lanes';
import './timeline.css';

export interface TimelineProps {
  record: ClinicalRecord;
}

export function Timeline({ record }: TimelineProps) {
  const id = useId();
  const [unit, setUnit] = useState<DdimerDisplayUnit>('ng/mL');
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const pregnancyIndex = selectedPregnancyIndex(record, picked);
  const data = useMemo(() => buildTimeline(record, { pregnancyIndex, unit }), [record, pregnancyIndex, unit]);
  const pregnancies = record.pregnancy.pregnancies;
  const zone = record.zone;
  const pregnancy = data.axis.kind === 'ga' ? data.axis.pregnancy : undefined;
  const gaOf = (e: EventMark) => {
    if (!pregnancy) return undefined;
    const ga = gestationalAge(pregnancy, e.atMs, zone);
    return ga.known ? ga.value.text : undefined;
  };

  return (
    <section className="timeline" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>D-dimer and LMWH timeline</h2>

      {pregnancies.length > 1 && (
        <div className="timeline-controls">
          <label htmlFor={`${id}-pregnancy`}>Pregnancy</label>
          <select id={`${id}-pregnancy`} value={pregnancyIndex ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
            {pregnancies.map((p, i) => (
              <option key={p.id} value={i}>
                {pregnancyLabel(p)}
                {i === record.pregnancy.currentIndex ? (record.pregnancy.isCurrent ? ' — current' : ' — most recent') : ' — earlier'}
              </option>
            ))}
          </select>
        </div>
      )}

      {data.dating ? (
        <div className="timeline-dating">
          <div>
            Gestational age from: {data.dating.statement} <Provenance sources={data.dating.source} label="Dating source" />
          </div>
          {data.dating.alternatives.length > 0 && (
            <ul aria-label="Dating that disagrees">
              {data.dating.alternatives.map((a, i) => (
                <li key={i}>
                  Disagrees{a.disagreementDays !== undefined ? ` by ${Math.abs(a.disagreementDays)} days (${a.disagreementDays > 0 ? 'later' : 'earlier'} EDD)` : ''}: {a.description}{' '}
                  <Provenance sources={a.source} />
                </li>
              ))}
            </ul>
          )}
          {[...data.dating.notes, ...data.dating.warnings].map((n, i) => (
            <p key={`note-${i}`} className="timeline-note">
              {n}
            </p>
          ))}
        </div>
      ) : (
        <p className="timeline-dating timeline-dating--none">
          Gestational age cannot be shown: {data.axis.kind === 'calendar' ? data.axis.reason : 'no dating'}. The chart uses calendar dates.
        </p>
      )}

      <DdimerChart data={data} zone={zone} onUnitChange={setUnit} />
      <LmwhLane lane={data.lane} axis={data.axis} />
      <EventLane events={data.events} notPlaced={data.eventsNotPlaced} axis={data.axis} gaOf={gaOf} />
      <DdimerTable data={data} zone={zone} />
    </section>
  );
}
