/**
 * "Add a theatre slot not in the record": a what-if event for this session only (React state; never stored, never
 * in the URL). The date is read in the facility zone; without a time it counts from 00:00 that day.
 */
import { useId, useState, type FormEvent } from 'react';
import type { RuleEvent } from '../../domain/rules';
import { WHAT_IF_TYPES, whatIfEvent, type WhatIfInput } from '../../domain/rules/ui-helpers';
import { formatDate, formatDateTime } from '../../domain/time';

/**
 * The slot as the app reads it, written so it cannot be misread: the browser's date box follows the browser's
 * locale (a US-set browser shows 04/03/2026), so the chosen date is echoed as "3 Apr 2026 08:30 (UTC+01:00)".
 */
function readBack(values: WhatIfInput, zone: string): string | undefined {
  if (values.date === '') return undefined;
  const r = whatIfEvent(values, zone, 'preview');
  if (!r.ok || !r.event.when) return undefined;
  const m = r.event.when;
  return m.precision === 'day' ? `${formatDate(m.start, zone)} (date only: from 00:00)` : formatDateTime(m.start, zone);
}

export interface WhatIfFormProps {
  zone: string;
  /** Called with a valid event (enteredHere: true). */
  onAdd: (event: RuleEvent) => void;
  /** Makes ids unique across added events. */
  nextId: () => string;
}

const EMPTY: WhatIfInput = { eventClass: 'caesarean', date: '', time: '', label: '' };

export function WhatIfForm({ zone, onAdd, nextId }: WhatIfFormProps) {
  const uid = useId();
  const [values, setValues] = useState<WhatIfInput>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof WhatIfInput, string>>>({});
  const ids = { type: `${uid}-type`, date: `${uid}-date`, time: `${uid}-time`, label: `${uid}-label`, hint: `${uid}-hint` };
  const errId = (k: string) => `${uid}-${k}-error`;
  const set = (k: keyof WhatIfInput) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));

  function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const r = whatIfEvent(values, zone, nextId());
    if (!r.ok) {
      setErrors(r.errors);
      const first = (['eventClass', 'date', 'time'] as const).find((k) => r.errors[k]);
      const target = first === 'eventClass' ? ids.type : first === 'time' ? ids.time : ids.date;
      document.getElementById(target)?.focus();
      return;
    }
    setErrors({});
    setValues(EMPTY);
    onAdd(r.event);
  }

  const describedBy = (k: keyof WhatIfInput, extra?: string) => [extra, errors[k] ? errId(k) : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form className="what-if no-print" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>Add a theatre slot not in the record</h3>
      <p className="hint" id={ids.hint}>
        For this session only; it is not saved and not written to the record. Times are read in {zone}; without a time the date counts from 00:00 that day.
      </p>
      <div className="what-if__fields">
        <div className="what-if__field">
          <label htmlFor={ids.type}>Event type</label>
          <select id={ids.type} value={values.eventClass} onChange={set('eventClass')} aria-invalid={errors.eventClass ? true : undefined} aria-describedby={describedBy('eventClass')}>
            {WHAT_IF_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          {errors.eventClass && (
            <p className="what-if__error" id={errId('eventClass')}>
              {errors.eventClass}
            </p>
          )}
        </div>
        <div className="what-if__field">
          <label htmlFor={ids.date}>Date</label>
          <input id={ids.date} type="date" required value={values.date} onChange={set('date')} aria-invalid={errors.date ? true : undefined} aria-describedby={describedBy('date')} />
          {errors.date && (
            <p className="what-if__error" id={errId('date')}>
              {errors.date}
            </p>
          )}
        </div>
        <div className="what-if__field">
          <label htmlFor={ids.time}>Time (optional)</label>
          <input id={ids.time} type="time" value={values.time} onChange={set('time')} aria-invalid={errors.time ? true : undefined} aria-describedby={describedBy('time', ids.hint)} />
          {errors.time && (
            <p className="what-if__error" id={errId('time')}>
              {errors.time}
            </p>
          )}
        </div>
        <div className="what-if__field">
          <label htmlFor={ids.label}>Label (optional)</label>
          <input id={ids.label} type="text" value={values.label} onChange={set('label')} placeholder="e.g. Elective caesarean, list 2" />
        </div>
      </div>
      <p className="what-if__readback" aria-live="polite">
        {readBack(values, zone) ? <>Slot as read: <strong>{readBack(values, zone)}</strong></> : null}
      </p>
      <button type="submit">Add and show the stop criteria</button>
    </form>
  );
}
