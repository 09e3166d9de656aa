/**
 * Small pure helpers for the rule views (labels of sources and statuses, the what-if event built from a form,
 * whether the planned-event searches were complete). No React, no I/O.
 */
import { DateTime } from 'luxon';
import type { GroupStatus, QueryGroup, QueryGroupResult } from '../input';
import { parseFhirDate } from '../time';
import type { RuleEvent, RuleEventClass } from './context';
import type { RuleSource, Verification } from './ruleTypes';

/** The visible label of a rule's source: "Source article", "Guideline: ASRA 2018", ... never merged. */
export function ruleSourceLabel(source: Pick<RuleSource, 'kind' | 'name'>): string {
  switch (source.kind) {
    case 'source-article':
      return 'Source article';
    case 'guideline':
      return `Guideline: ${source.name}`;
    case 'study':
      return `Study: ${source.name}`;
    case 'product-label':
      return `Product label: ${source.name}`;
    default:
      return `General knowledge: ${source.name}`;
  }
}

const VERIFICATION_TEXT: Record<Verification, string> = { verified: 'verified', partial: 'partial', 'source-text': 'source text' };

/** "verified" / "partial" / "source text". */
export const verificationText = (v: Verification): string => VERIFICATION_TEXT[v] ?? 'partial';

/** The searches whose results make up the planned events. */
export const PLANNED_EVENT_GROUPS: readonly QueryGroup[] = ['procedures', 'service-requests', 'appointments', 'encounters'];

/**
 * Whether the planned-event searches were all complete; if not, which were not and why. A group missing from the
 * record counts as not read (never as complete).
 */
export function plannedEventSearch(groups: Partial<Record<QueryGroup, Pick<QueryGroupResult, 'status' | 'reason'>>>): { complete: boolean; reason?: string } {
  return searchesRead(groups, PLANNED_EVENT_GROUPS);
}

/** The searches an indication or caution is read from (conditions, finding and lab observations, orders). */
export const FINDING_GROUPS: readonly QueryGroup[] = ['conditions', 'observations-findings', 'observations-ddimer', 'observations-coagulation', 'medication-requests', 'medications'];

/** Whether every listed search was complete; if not, which were not and why (a group never read is not complete). */
export function searchesRead(
  groups: Partial<Record<QueryGroup, Pick<QueryGroupResult, 'status' | 'reason'>>>,
  list: readonly QueryGroup[],
): { complete: boolean; reason?: string } {
  const bad: string[] = [];
  for (const g of list) {
    const r = groups[g];
    const status: GroupStatus | 'not read' = r ? r.status : 'not read';
    if (status !== 'complete') bad.push(`${g}: ${status}${r?.reason ? ` (${r.reason})` : ''}`);
  }
  return bad.length === 0 ? { complete: true } : { complete: false, reason: bad.join('; ') };
}

/** The event types a clinician can enter as a what-if (the planned events with a stop rule). */
export const WHAT_IF_TYPES: readonly { value: Extract<RuleEventClass, 'caesarean' | 'induction-or-planned-birth' | 'other-surgery' | 'oocyte-retrieval'>; label: string }[] = [
  { value: 'caesarean', label: 'Caesarean section' },
  { value: 'induction-or-planned-birth', label: 'Induction / planned birth' },
  { value: 'other-surgery', label: 'Other surgery' },
  { value: 'oocyte-retrieval', label: 'Oocyte retrieval' },
];

export interface WhatIfInput {
  eventClass: string;
  /** "YYYY-MM-DD" as an <input type="date"> gives it. */
  date: string;
  /** "HH:mm" or "" (date only: counts from 00:00 that day in the facility zone). */
  time: string;
  label: string;
}

export type WhatIfResult =
  | { ok: true; event: RuleEvent }
  | { ok: false; errors: Partial<Record<'eventClass' | 'date' | 'time', string>> };

/**
 * A what-if RuleEvent from the form. The value is read without an offset, so in the facility zone. Total: bad input
 * gives error messages, never an exception or a guessed date.
 */
export function whatIfEvent(input: WhatIfInput, zone: string, id: string): WhatIfResult {
  const errors: Partial<Record<'eventClass' | 'date' | 'time', string>> = {};
  const type = WHAT_IF_TYPES.find((t) => t.value === input.eventClass);
  if (!type) errors.eventClass = 'Choose the type of event.';
  const date = input.date.trim();
  const time = input.time.trim();
  if (date === '') errors.date = 'Enter the date of the event.';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseFhirDate(date, zone)) errors.date = 'The date could not be read: enter a full calendar date.';
  if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.time = 'The time could not be read: enter hours and minutes (00:00 to 23:59), or leave it empty.';
  if (!type || Object.keys(errors).length > 0) return { ok: false, errors };
  const when = parseFhirDate(time === '' ? date : `${date}T${time}`, zone);
  const wall = when && time !== '' ? DateTime.fromMillis(when.start, { zone: when.zone }).toFormat('HH:mm') : time;
  if (!when || wall !== time) return { ok: false, errors: { time: 'This time does not exist on that day in the facility time zone (clock change): enter another time.' } };
  const label = input.label.trim() || type.label;
  return { ok: true, event: { id, class: type.value, label, when, sources: [], enteredHere: true } };
}
