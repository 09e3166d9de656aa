/**
 * "Add a theatre slot not in the record": a what-if event for this session only (React state; never stored, never
 * in the URL). The date is read in the facility zone; without a time it counts from 00:00 that day.
 */
import { useId, useState, type FormEvent } from 'react';
import type { RuleEvent } from '../../domain/rules';
import { WHAT_IF_TYPES, whatIfEvent, type WhatIfField, type WhatIfInput } from '../../domain/rules/whatIf';
import { useMessages } from '../messages/MessagesProvider';
import { whatIfErrors, whatIfReadBack, whatIfTypeLabel } from './whatIfViewModel';

export interface WhatIfFormProps {
  zone: string;
  /** Called with a valid event (enteredHere: true). */
  onAdd: (event: RuleEvent) => void;
  /** Makes ids unique across added events. */
  nextId: () => string;
}

const EMPTY: WhatIfInput = { eventClass: 'caesarean', date: '', time: '', label: '' };

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="what-if__error" id={id}>
      {text}
    </p>
  );
}

export function WhatIfForm({ zone, onAdd, nextId }: WhatIfFormProps) {
  const m = useMessages();
  const uid = useId();
  const [values, setValues] = useState<WhatIfInput>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<WhatIfField, string>>>({});
  const ids = { type: `${uid}-type`, date: `${uid}-date`, time: `${uid}-time`, label: `${uid}-label`, hint: `${uid}-hint` };
  const errId = (k: string) => `${uid}-${k}-error`;
  const set = (k: keyof WhatIfInput) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));

  function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const r = whatIfEvent(values, zone, nextId(), (t) => whatIfTypeLabel(t, m));
    if (!r.ok) {
      setErrors(whatIfErrors(r.errors, m));
      const first = (['eventClass', 'date', 'time'] as const).find((k) => r.errors[k]);
      const target = first === 'eventClass' ? ids.type : first === 'time' ? ids.time : ids.date;
      document.getElementById(target)?.focus();
      return;
    }
    setErrors({});
    setValues(EMPTY);
    onAdd(r.event);
  }

  const describedBy = (k: WhatIfField, extra?: string) => [extra, errors[k] ? errId(k) : undefined].filter(Boolean).join(' ') || undefined;
  const readBack = whatIfReadBack(values, zone, m);

  return (
    <form className="what-if no-print" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{m.t('whatIf.title')}</h3>
      <p className="hint" id={ids.hint}>
        {m.t('whatIf.hint', { zone })}
      </p>
      <div className="what-if__fields">
        <div className="what-if__field">
          <label htmlFor={ids.type}>{m.t('whatIf.type')}</label>
          <select id={ids.type} value={values.eventClass} onChange={set('eventClass')} aria-invalid={errors.eventClass ? true : undefined} aria-describedby={describedBy('eventClass')}>
            {WHAT_IF_TYPES.map((t) => (
              <option key={t} value={t}>
                {whatIfTypeLabel(t, m)}
              </option>
            ))}
          </select>
          <FieldError id={errId('eventClass')} text={errors.eventClass} />
        </div>
        <div className="what-if__field">
          <label htmlFor={ids.date}>{m.t('whatIf.date')}</label>
          <input id={ids.date} type="date" required value={values.date} onChange={set('date')} aria-invalid={errors.date ? true : undefined} aria-describedby={describedBy('date')} />
          <FieldError id={errId('date')} text={errors.date} />
        </div>
        <div className="what-if__field">
          <label htmlFor={ids.time}>{m.t('whatIf.time')}</label>
          <input id={ids.time} type="time" value={values.time} onChange={set('time')} aria-invalid={errors.time ? true : undefined} aria-describedby={describedBy('time', ids.hint)} />
          <FieldError id={errId('time')} text={errors.time} />
        </div>
        <div className="what-if__field">
          <label htmlFor={ids.label}>{m.t('whatIf.label')}</label>
          <input id={ids.label} type="text" value={values.label} onChange={set('label')} placeholder={m.t('whatIf.labelPlaceholder')} />
        </div>
      </div>
      <p className="what-if__readback" aria-live="polite">
        {readBack ? (
          <>
            {m.t('whatIf.readBack')} <strong>{readBack}</strong>
          </>
        ) : null}
      </p>
      <button type="submit">{m.t('whatIf.submit')}</button>
    </form>
  );
}
