/** The timeline's header controls and statement: the pregnancy picker, the dating statement, the time-window picker. */
import { Provenance } from '../common/Provenance';
import type { DatingView, PregnancyPickerView, TimelineHeaderView } from './timelineViewModel';

export function PregnancyPicker({ id, picker, value, onPick }: { id: string; picker: PregnancyPickerView; value: number | undefined; onPick: (i: number) => void }) {
  return (
    <div className="timeline-controls">
      <label htmlFor={id}>{picker.label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onPick(Number(e.target.value))}>
        {picker.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Why there is no dating (the chart then uses calendar dates), or the dating that disagrees and its notes. The current
 * pregnancy's dating is stated once, with its source, in the summary above ("Gestation today ... dated by ..."); it is
 * stated here only when a pregnancy can be picked (an earlier one is not in the summary).
 */
export function DatingStatement({ dating, picked }: { dating: DatingView; picked: boolean }) {
  if (dating.kind !== 'dated') return <p className="timeline-dating timeline-dating--none">{dating.text}</p>;
  if (!picked && dating.alternatives.length === 0 && dating.notes.length === 0) return null;
  return (
    <div className="timeline-dating">
      {picked && (
        <div>
          {dating.text} <Provenance sources={dating.source} label={dating.sourceLabel} />
        </div>
      )}
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
  );
}

export function WindowPicker({ id, window, whole, onWhole }: { id: string; window: TimelineHeaderView['window']; whole: boolean; onWhole: (whole: boolean) => void }) {
  return (
    <div className="timeline-controls timeline-window">
      <label htmlFor={id}>{window.label}</label>
      <select id={id} value={whole ? 'whole' : 'focus'} onChange={(e) => onWhole(e.target.value === 'whole')}>
        <option value="focus">{window.focus}</option>
        <option value="whole">{window.whole}</option>
      </select>
    </div>
  );
}
