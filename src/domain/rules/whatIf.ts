/**
 * A what-if event from the form ("a theatre slot not in the record"): validated and read in the facility zone.
 * Total: bad input gives error codes (the UI words them), never an exception or a guessed date.
 */
import { DateTime } from 'luxon';
import { parseFhirDate } from '../time';
import type { RuleEvent } from './context';
import type { PlannedEventClass } from './ruleTypes';

/** The event types a clinician can enter as a what-if (the planned events with a stop rule), in menu order. */
export const WHAT_IF_TYPES: readonly PlannedEventClass[] = ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval'];

export interface WhatIfInput {
  eventClass: string;
  /** "YYYY-MM-DD" as an <input type="date"> gives it. */
  date: string;
  /** "HH:mm" or "" (date only: counts from 00:00 that day in the facility zone). */
  time: string;
  label: string;
}

export type WhatIfField = 'eventClass' | 'date' | 'time';

export type WhatIfErrorCode =
  | 'rules.what-if.type-missing'
  | 'rules.what-if.date-missing'
  | 'rules.what-if.date-unreadable'
  | 'rules.what-if.time-unreadable'
  | 'rules.what-if.time-nonexistent';

export type WhatIfResult = { ok: true; event: RuleEvent } | { ok: false; errors: Partial<Record<WhatIfField, WhatIfErrorCode>> };

const isWhatIfType = (v: string): v is PlannedEventClass => (WHAT_IF_TYPES as readonly string[]).includes(v);

/**
 * A what-if RuleEvent from the form. The value is read without an offset, so in the facility zone. An empty label
 * takes `defaultLabel(type)` (the type's name in the reader's language).
 */
export function whatIfEvent(input: WhatIfInput, zone: string, id: string, defaultLabel: (type: PlannedEventClass) => string): WhatIfResult {
  const errors: Partial<Record<WhatIfField, WhatIfErrorCode>> = {};
  const type = isWhatIfType(input.eventClass) ? input.eventClass : undefined;
  if (!type) errors.eventClass = 'rules.what-if.type-missing';
  const date = input.date.trim();
  const time = input.time.trim();
  if (date === '') errors.date = 'rules.what-if.date-missing';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseFhirDate(date, zone)) errors.date = 'rules.what-if.date-unreadable';
  if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.time = 'rules.what-if.time-unreadable';
  if (!type || Object.keys(errors).length > 0) return { ok: false, errors };
  const when = parseFhirDate(time === '' ? date : `${date}T${time}`, zone);
  const wall = when && time !== '' ? DateTime.fromMillis(when.start, { zone: when.zone }).toFormat('HH:mm') : time;
  if (!when || wall !== time) return { ok: false, errors: { time: 'rules.what-if.time-nonexistent' } };
  const label = input.label.trim() || defaultLabel(type);
  return { ok: true, event: { id, class: type, name: { text: label }, when, sources: [], enteredHere: true } };
}
