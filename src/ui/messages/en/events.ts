/**
 * How planned and past events were read (src/domain/events): records left out and why, notes on an event recorded
 * several ways, and the names of event kinds. Keys `reason.event.*`, `exclusions.view.event.*`.
 */
import type { EventReasonCode } from '../../../domain/events';

export const eventsEn = {
  'reason.event.class.caesarean': 'Caesarean section',
  'reason.event.class.induction-or-planned-birth': 'Induction of labour or planned birth',
  'reason.event.class.other-surgery': 'Surgery',
  'reason.event.class.embryo-transfer': 'Embryo transfer',
  'reason.event.class.oocyte-retrieval': 'Oocyte retrieval',
  'reason.event.class.hcg-test': 'hCG test',
  'reason.event.class.delivery': 'Delivery',
  'reason.event.class.other': 'Other procedure',
  'reason.event.classes-disagree': 'records disagree on the kind of event: {records}',
  'reason.event.record-class': '{record} {cls} ({matched})',
  'reason.event.dates-disagree': 'records give different dates: {records}; the earliest is used',
  'reason.event.record-date': '{record} {when}',
  'reason.event.record-note': '{record}: {note}',
  'reason.event.date-not-readable': "date {written, select, null {(not a date)} other {''{written}''}} could not be read as a date",
  'reason.event.do-not-perform': 'order says "do not perform"',
  'reason.event.on-hold': 'order on hold: not counted as planned',
  'reason.event.planned-date-passed': 'planned date {when} has passed and no completed procedure is recorded',
  'reason.event.status.entered-in-error': 'status {status}: entered in error',
  'reason.event.status.cancelled': 'status {status}: cancelled',
  'reason.event.status.revoked': 'status {status}: revoked',
  'reason.event.status.noshow': 'status {status}: patient did not attend (no-show)',
  'reason.event.status.not-done': 'status {status}: not done',
  'exclusions.view.event.planned': 'Planned events',
} as const satisfies Record<`reason.${EventReasonCode}`, string> & Record<'exclusions.view.event.planned', string>;
