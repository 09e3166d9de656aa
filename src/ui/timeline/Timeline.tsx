/**
 * The D-dimer and LMWH timeline of one patient: pregnancy picker (when there is more than one), the dating
 * statement, the chart, the LMWH and event lanes on the same axis, and the table twin directly below.
 * The timeline itself is built with the record (record.timelines); this renders its view model. The exclusions
 * report ("#exclusions") is a separate component (ExclusionsReport) that the page renders once.
 */
import { useId, useMemo, useState } from 'react';
import type { ClinicalRecord } from '../../domain/record';
import type { DdimerDisplayUnit } from '../../domain/labs';
import { focusWindow, selectedPregnancyIndex, timelineFor, windowTimeline, type TimelineData } from '../../domain/timeline';
import { useMessages } from '../messages/MessagesProvider';
import { DdimerChart } from './DdimerChart';
import { DdimerTable } from './DdimerTable';
import { EventLane, LmwhLane } from './Lanes';
import { DatingStatement, PregnancyPicker, WindowPicker } from './TimelineHeader';
import { buildTimelineHeaderView, type TimelineHeaderView } from './timelineViewModel';
import './timeline.css';

export interface TimelineProps {
  record: Pick<ClinicalRecord, 'pregnancy' | 'timelines'>;
}

/** The timeline shown: the picked pregnancy, framed on the focus window unless the whole span is asked for. */
function useTimelineState(record: TimelineProps['record']) {
  const m = useMessages();
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [whole, setWhole] = useState(false);
  const data = timelineFor(record, picked);
  const header = useMemo(() => (data ? buildTimelineHeaderView(data, record.pregnancy, m) : undefined), [data, record.pregnancy, m]);
  const focus = useMemo(() => (data ? focusWindow(data) : undefined), [data]);
  const frame = whole ? undefined : focus;
  const shown = useMemo(() => (data && frame ? windowTimeline(data, frame, m.zone) : data), [data, frame, m.zone]);
  return { data, header, focus, frame, shown, whole, setWhole, pregnancyIndex: selectedPregnancyIndex(record, picked), setPicked };
}

/** Nothing to draw: no D-dimer result (plotted or not), no LMWH order on or off the axis, no event. */
function isEmptyTimeline(d: TimelineData): boolean {
  const lane = d.lane;
  return d.rows.length === 0 && d.notPlotted.length === 0 && lane.segments.length === 0 && lane.notPlaced.length === 0 && d.events.length === 0 && d.eventsNotPlaced.length === 0;
}

/** One sentence instead of an empty chart, two empty lanes and an empty table. */
function EmptyTimeline({ id, header, data }: { id: string; header: TimelineHeaderView; data: TimelineData }) {
  const m = useMessages();
  return (
    <section className="timeline timeline--empty" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{header.heading}</h2>
      <p>{m.t('timeline.nothing', { ga: data.axis.kind === 'ga' ? 'yes' : 'no' })}</p>
    </section>
  );
}

export function Timeline({ record }: TimelineProps) {
  const id = useId();
  const [unit, setUnit] = useState<DdimerDisplayUnit>('ng/mL');
  const t = useTimelineState(record);
  if (!t.data || !t.shown || !t.header) return null;
  const { header } = t;
  if (isEmptyTimeline(t.data)) return <EmptyTimeline id={id} header={header} data={t.data} />;
  return (
    <section className="timeline" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{header.heading}</h2>
      {header.picker && <PregnancyPicker id={`${id}-pregnancy`} picker={header.picker} value={t.pregnancyIndex} onPick={t.setPicked} />}
      <DatingStatement dating={header.dating} picked={header.picker !== undefined} />
      {t.focus && header.window && <WindowPicker id={`${id}-window`} window={header.window} whole={t.whole} onWhole={t.setWhole} />}
      <DdimerChart data={t.data} unit={unit} onUnitChange={setUnit} window={t.frame} />
      <LmwhLane data={t.shown} />
      <EventLane data={t.shown} />
      <DdimerTable data={t.data} unit={unit} />
    </section>
  );
}
