/**
 * The patient's dose calendar, printable on one A4 page: renders the view model (doseCalendarViewModel.ts). Opened
 * from the patient view (its own chunk); the rule used for the last injection can be changed before printing.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../messages/MessagesProvider';
import type { ClinicalRecord } from '../../domain/record';
import { buildDoseCalendarView, type CalendarDay, type DoseCalendarView } from './doseCalendarViewModel';
import './dose-calendar.css';

function DayRow({ day }: { day: CalendarDay }) {
  return (
    <tr data-day={day.key}>
      <th scope="row">{day.label}</th>
      <td>
        <ul className="dose-calendar__entries">
          {day.entries.map((e, i) => (
            <li key={`${e.kind}-${i}`} className={`dose-calendar__entry dose-calendar__entry--${e.kind}`}>
              {e.iso ? <time dateTime={e.iso}>{e.text}</time> : e.text}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function Controls({ v, onClose, onRule }: { v: DoseCalendarView; onClose: () => void; onRule: (id: string) => void }) {
  const m = useMessages();
  const id = useId();
  return (
    <div className="dose-calendar__controls no-print">
      <button type="button" className="button" onClick={onClose}>
        {m.t('doseCalendar.back')}
      </button>
      {v.available && (
        <button type="button" className="button" onClick={() => window.print()}>
          {m.t('doseCalendar.print')}
        </button>
      )}
      {v.available && v.ruleChoices.length > 1 && (
        <span className="setting">
          <label htmlFor={`${id}-rule`}>{m.t('doseCalendar.ruleChoice')}</label>
          <select id={`${id}-rule`} value={v.ruleId} onChange={(e) => onRule(e.target.value)}>
            {v.ruleChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
}

function CalendarBody({ v }: { v: Extract<DoseCalendarView, { available: true }> }) {
  const m = useMessages();
  return (
    <>
      <p className="dose-calendar__plan">{v.plan}</p>
      <p className="dose-calendar__event">{v.event}</p>
      <p className="dose-calendar__rule">{v.rule}</p>
      {v.timeNote && <p className="dose-calendar__time-note">{v.timeNote}</p>}
      <table className="dose-calendar__table">
        <thead>
          <tr>
            <th scope="col">{m.t('doseCalendar.day')}</th>
            <th scope="col">{m.t('doseCalendar.what')}</th>
          </tr>
        </thead>
        <tbody>
          {v.days.map((d) => (
            <DayRow key={d.key} day={d} />
          ))}
        </tbody>
      </table>
      <p className="dose-calendar__restart">{v.restart}</p>
      <p className="dose-calendar__zone">{v.zone}</p>
      <p className="dose-calendar__follow">{m.t('doseCalendar.followTeam')}</p>
    </>
  );
}

export function DoseCalendar({ record, onClose }: { record: ClinicalRecord; onClose: () => void }) {
  const m = useMessages();
  const [ruleId, setRuleId] = useState<string | undefined>(undefined);
  const v = buildDoseCalendarView({ plan: record.plan, cards: record.rules.cards, nowMs: record.nowMs, zone: record.zone }, m, ruleId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a button: focus moves to the calendar's heading, so a keyboard or screen-reader user is in it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="dose-calendar" aria-labelledby="dose-calendar-heading" data-testid="dose-calendar">
      <Controls v={v} onClose={onClose} onRule={setRuleId} />
      <h2 id="dose-calendar-heading" ref={heading} tabIndex={-1}>
        {v.title}
      </h2>
      {v.available ? <CalendarBody v={v} /> : <p className="dose-calendar__unavailable">{v.why}</p>}
    </section>
  );
}
