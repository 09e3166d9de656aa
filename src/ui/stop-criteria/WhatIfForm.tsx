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

/** The date (required) or the time (optional) input, with its error. */
function DateTimeField(p: { kind: 'date' | 'time'; id: string; value: string; onChange: (ev: { target: { value: string } }) => void; error: string | undefined; errorId: string; describedBy: string | undefined }) {
  const m = useMessages();
  return (
    <div className="what-if__field">
      <label htmlFor={p.id}>{m.t(p.kind === 'date' ? 'whatIf.date' : 'whatIf.time')}</label>
      <input id={p.id} type={p.kind} required={p.kind === 'date'} value={p.value} onChange={p.onChange} aria-invalid={p.error ? true : undefined} aria-describedby={p.describedBy} />
      <FieldError id={p.errorId} text={p.error} />
    </div>
  );
}

/** Moves focus to the first field with an error (type, then date, then time). */
function focusFirstError(errors: Partial<Record<WhatIfField, unknown>>, ids: { type: string; date: string; time: string }): void {
  const first = (['eventClass', 'date', 'time'] as const).find((k) => errors[k]);
  document.getElementById(first === 'eventClass' ? ids.type : first === 'time' ? ids.time : ids.date)?.focus();
}

/** "Slot as read: ..." as the fields are filled, announced politely. */
function ReadBack({ text }: { text: string | undefined }) {
  const m = useMessages();
  return (
    <p className="what-if__readback" aria-live="polite">
      {text ? (
        <>
          {m.t('whatIf.readBack')} <strong>{text}</strong>
        </>
      ) : null}
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
      return focusFirstError(r.errors, ids);
    }
    setErrors({});
    setValues(EMPTY);
    onAdd(r.event);
  }

  const describedBy = (k: WhatIfField, extra?: string) => [extra, errors[k] ? errId(k) : undefined].filter(Boolean).join(' ') || undefined;
  const readBack = whatIfReadBack(values, zone, m);

  return (
    // Folded by default: a session-only tool, not part of what the record says.
    <details className="what-if-toggle no-print">
      <summary>
        <h3 id={`${uid}-title`}>{m.t('whatIf.title')}</h3>
      </summary>
    <form className="what-if" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
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
        <DateTimeField kind="date" id={ids.date} value={values.date} onChange={set('date')} error={errors.date} errorId={errId('date')} describedBy={describedBy('date')} />
        <DateTimeField kind="time" id={ids.time} value={values.time} onChange={set('time')} error={errors.time} errorId={errId('time')} describedBy={describedBy('time', ids.hint)} />
        <div className="what-if__field">
          <label htmlFor={ids.label}>{m.t('whatIf.label')}</label>
          <input id={ids.label} type="text" value={values.label} onChange={set('label')} placeholder={m.t('whatIf.labelPlaceholder')} />
        </div>
      </div>
      <ReadBack text={readBack} />
      <button type="submit">{m.t('whatIf.submit')}</button>
    </form>
    </details>
  );
}
