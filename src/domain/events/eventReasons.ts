/**
 * The events module's reason codes (records left out, notes on a merged event) and the name of the list it leaves
 * records out of. The UI words each code from its catalogue (`reason.<code>`, src/ui/messages/en/events.ts).
 */
import { dateParam, instantParam, reason, reasonParam, type Reason, type ReasonParam } from '../reasons';
import type { FhirMoment } from '../time';
import type { EventClass, EventName } from './eventTypes';

export type EventReasonCode =
  | 'event.classes-disagree'
  | 'event.class.caesarean'
  | 'event.class.induction-or-planned-birth'
  | 'event.class.other-surgery'
  | 'event.class.embryo-transfer'
  | 'event.class.oocyte-retrieval'
  | 'event.class.hcg-test'
  | 'event.class.delivery'
  | 'event.class.other'
  | 'event.date-not-readable'
  | 'event.dates-disagree'
  | 'event.do-not-perform'
  | 'event.on-hold'
  | 'event.planned-date-passed'
  | 'event.record-class'
  | 'event.record-date'
  | 'event.record-note'
  | 'event.status.entered-in-error'
  | 'event.status.cancelled'
  | 'event.status.revoked'
  | 'event.status.noshow'
  | 'event.status.not-done';

/** An events reason; the code is checked against the union above. */
export const eventReason = (code: EventReasonCode, params?: Readonly<Record<string, ReasonParam>>): Reason<EventReasonCode> => reason(code, params);

/** The list the events module leaves records out of (`exclusions.view.event.planned`). */
export const EVENTS_VIEW = 'event.planned';

/** A record's time at its own precision: a date for a day, the record's own text for a month or year, else an instant. */
export function momentParam(m: FhirMoment): ReasonParam {
  if (m.precision === 'day') return dateParam(m.start);
  if (m.precision === 'month' || m.precision === 'year') return m.original;
  return instantParam(m.start);
}

/** An event class's name as a reason (`reason.event.class.<class>`), worded by the catalogue. */
const CLASS_NAME: Record<EventClass, EventReasonCode> = {
  caesarean: 'event.class.caesarean',
  'induction-or-planned-birth': 'event.class.induction-or-planned-birth',
  'other-surgery': 'event.class.other-surgery',
  'embryo-transfer': 'event.class.embryo-transfer',
  'oocyte-retrieval': 'event.class.oocyte-retrieval',
  'hcg-test': 'event.class.hcg-test',
  delivery: 'event.class.delivery',
  other: 'event.class.other',
};
export const classNameReason = (cls: EventClass): Reason => eventReason(CLASS_NAME[cls]);

/** An event's name as a reason parameter: the record's text as written, or its class worded by the catalogue. */
export const eventNameParam = (n: EventName): ReasonParam => ('text' in n ? n.text : reasonParam(classNameReason(n.class)));

/** Statuses that remove a record from every event list, each with its reason (`reason.event.status.<status>`). */
export const EXCLUDED_STATUS_REASON: Readonly<Record<string, EventReasonCode>> = {
  'entered-in-error': 'event.status.entered-in-error',
  cancelled: 'event.status.cancelled',
  revoked: 'event.status.revoked',
  noshow: 'event.status.noshow',
  'not-done': 'event.status.not-done',
};
