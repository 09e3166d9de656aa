/**
 * Words of the rule views (stop criteria, stop-now banner, indications, cautions, copy to note) and the reasons the
 * rules module gives (`reason.rules.*`). Rule wording itself is in `ruleWording.ts`.
 */
import type { RulesReasonCode } from '../../../domain/rules/ruleTypes';
import type { WhatIfErrorCode } from '../../../domain/rules/whatIf';

const LIMIT = '{limit, select, event {the event} other {the deadline}}';
const INCOMPLETE = 'The medication search was incomplete or unavailable{hasWhy, select, true { ({why})} other {}}';

const rulesReasonsEn = {
  'reason.rules.anchor.no-date': 'the record gives no date for this event',
  'reason.rules.anchor.unreadable': 'the event date could not be read',
  'reason.rules.anchor.imprecise': 'the event date is known only to the {precision} ({original})',
  'reason.rules.order.ends-by': `ends {end}, at or before ${LIMIT}`,
  'reason.rules.order.ended-already': `{status} already (now is before ${LIMIT})`,
  'reason.rules.order.ended-when-unknown': `{status}, but the record does not show whether that was before ${LIMIT}`,
  'reason.rules.order.on-hold-before': `on hold since {since}, before ${LIMIT}`,
  'reason.rules.order.on-hold-after': `put on hold {since}, after ${LIMIT}`,
  'reason.rules.order.on-hold-now': `on hold now, before ${LIMIT} (since when is not recorded)`,
  'reason.rules.order.on-hold-since-unknown': 'on hold, but since when is not recorded',
  'reason.rules.order.active-no-end': `active with no end date: runs past ${LIMIT}`,
  'reason.rules.order.runs-until': `runs until {end}, past ${LIMIT}`,
  'reason.rules.order.status-unknown': 'the order status is not recorded',
  'reason.rules.order.reading': '{order}: {reading}',
  'reason.rules.join': '{a}; {b}',
  'reason.rules.status.runs-past': `{readings}.{incomplete, select, true { ${INCOMPLETE}, so further orders may be missing.} other {}}`,
  'reason.rules.status.search-incomplete': `${INCOMPLETE}: a stop cannot be confirmed and "no order" cannot be said.`,
  'reason.rules.status.no-order':
    'The medication search was complete and found no LMWH order.{plans, plural, =0 {} one { # LMWH plan or proposal is in the record: a plan or proposal is not an order.} other { # LMWH plans or proposals are in the record: a plan or proposal is not an order.}} No order found does not prove that no LMWH is taken.',
  'reason.rules.status.unknown-orders': '{readings}.',
  'reason.rules.status.documented': '{readings}.',
  'reason.rules.status.no-deadline': 'No deadline can be computed: {why}.',
  'reason.rules.status.against-event': 'Read against the event itself, since the source gives no interval. {status}',
  'reason.rules.deadline.none': 'No deadline: {why}.',
  'reason.rules.deadline.no-interval':
    'The source gives no interval: it says only "before any surgery". The guideline intervals for the dose class are shown beside it.',
  'reason.rules.interval.dose-class-unknown': 'Dose class unknown ({why}): the longest guideline interval ({hours} h) is used.',
  'reason.rules.interval.intermediate':
    'Intermediate dose ({why}): the verified reference gives intervals for prophylactic and therapeutic doses only, so the longest ({hours} h) is used.',
  'reason.rules.interval.dose-class': '{doseClass, select, prophylactic {Prophylactic} therapeutic {Therapeutic} other {{doseClass}}} dose ({why}).',
  'reason.rules.date-only.midnight':
    'The event has a date but no time ({day}): it counts from the start of that day in {zone} ({anchor}), so {hours} h before is {deadline} (00:00, {days} days before).',
  'reason.rules.date-only.clock-change':
    'The event has a date but no time ({day}): it counts from the start of that day in {zone} ({anchor}), so {hours} h before is {deadline}. The clocks change in between, so this is not midnight on the wall clock: the deadline is exactly {hours} h before.',
  'reason.rules.card.no-lmwh-order': 'No LMWH order found: no last-dose deadline is computed. Add a what-if event to see the intervals.',
  'reason.rules.dose-class.no-order': 'No current LMWH order with a dose class was found.',
  'reason.rules.dose-class.from-order': '{order}: {doseClass} dose{hasWhy, select, true { ({why})} other {}}.',
  'reason.rules.difference.source-no-interval':
    "The source gives no interval before surgery; ASRA 2018 gives {prophylactic} h/{therapeutic} h (prophylactic/therapeutic dose) before a neuraxial block; this card's guideline line uses {used} h for the dose class.",
  'reason.rules.difference.source-stricter':
    "The source's {source} h is stricter than ASRA 2018's {prophylactic} h/{therapeutic} h (prophylactic/therapeutic dose, before a neuraxial block); the ASRA line above uses {used} h. Both shown, not merged.",
  'reason.rules.not-applicable.embryo-transfer': 'Neither the source nor the guidelines used here give a stop rule before an embryo transfer.',
  'reason.rules.not-applicable.other': 'No stop rule here applies to this kind of event.',
  'reason.rules.platelets.latest': 'Latest platelet count {value} {unit} on {at}',
  'reason.rules.platelets.none': 'No platelet count found in the record',
  'reason.rules.heparin-days.unknown': 'Heparin duration before the event: unknown (no order start date)',
  'reason.rules.heparin-days.known': 'Heparin for {days} days before the event by the earliest order start{isOver, select, true { (more than {over} days)} other {}}',
  'reason.rules.platelets-before-block.detail': '{heparin}. {platelets}.',
  'reason.rules.delivery.aspirin-ordered': 'Aspirin ordered alongside: {orders}',
  'reason.rules.delivery.aspirin-none': 'No active aspirin order found',
  'reason.rules.delivery.aspirin-unknown': 'Aspirin: unknown (the medication search was incomplete)',
  'reason.rules.delivery.allergy-recorded': 'In the record: {facts}',
  'reason.rules.delivery.allergy-fact': '{label}{unclear, select, true { (unclear)} other {}}',
  'reason.rules.delivery.allergy-none': 'No heparin allergy or heparin-induced thrombocytopenia (HIT) recorded',
  'reason.rules.delivery.allergy-unknown': 'Heparin allergy / HIT: unknown (the allergy and condition search was incomplete)',
  'reason.rules.edd.applies-to-planned-birth': 'This applies to a planned caesarean section or childbirth; none with a date is in the record.',
  'reason.rules.stop-now.no-date': 'The record gives no date for it, so whether it belongs to the current pregnancy is unknown.',
  'reason.rules.stop-now.in-pregnancy': 'Recorded {at}, in the current pregnancy (from {from}).',
  'reason.rules.stop-now.not-placed': 'Recorded {at}; no current pregnancy and no order start date are recorded, so it could not be placed in time.',
  'reason.rules.stop-now.after-order-start': 'Recorded {at}, after the active LMWH order started (no current pregnancy is recorded).',
  'reason.rules.stop-now.labour-source-note': 'The source itself speaks of a planned birth (at least 2 days before), not of labour onset.',
  'reason.rules.anchor.estradiol-start': 'Estradiol started ({order})',
  'reason.rules.caution.long-before':
    "{order} starts {start}, {days} days before the {hasLabel, select, true {{anchor}} other {start of the current pregnancy}} ({anchorAt}); the app's threshold is {threshold} days.",
  'reason.rules.caution.dose-band':
    'Dose {direction, select, below {below} other {above}} the RCOG band for this booking weight. {order}: {daily} {unit}/day ({perKg} {unit}/kg/day by booking weight {kg} kg, {weighedAt}). The transcribed RCOG band for {band} ({doseClass}) lists {expected} {unit}/day; not verified against the primary.',
  'reason.rules.caution.renal': 'Creatinine clearance {value} {unit} on {at} (below {below} mL/min) with a current LMWH order: {orders}.',
  'reason.rules.caution.current-orders': 'Current LMWH order: {orders}.',
  'reason.rules.not-checked.no-start': 'No LMWH order with a start date was found.',
  'reason.rules.not-checked.no-anchor': 'No IVF protocol event or pregnancy start is recorded to compare with.',
  'reason.rules.not-checked.therapeutic': '{order}: therapeutic weight-based doses (RCOG 37b) are not verified here, so no band check is made.',
  'reason.rules.not-checked.dose-class-unknown': '{order}: dose class unknown, so no band check is made.',
  'reason.rules.not-checked.ingredient': '{order}: the table covers enoxaparin, dalteparin and tinzaparin only.',
  'reason.rules.not-checked.no-daily-dose': '{order}: the daily dose could not be read from the order.',
  'reason.rules.not-checked.no-weight': '{order}: no body weight is recorded.',
  'reason.rules.not-checked.non-booking-weight': '{order}: only a non-booking weight is recorded; the table uses the booking weight.',
  'reason.rules.not-checked.unit': '{order}: daily dose in {unit}, expected {expected} for {ingredient}.',
  'reason.rules.not-checked.intermediate-band': '{order}: the table gives a high-prophylactic (intermediate) dose for 50-90 kg only.',
  'reason.rules.not-checked.no-clearance': 'No creatinine clearance is recorded.',
} as const satisfies Record<`reason.${RulesReasonCode}`, string>;

const whatIfErrorsEn = {
  'reason.rules.what-if.type-missing': 'Choose the type of event.',
  'reason.rules.what-if.date-missing': 'Enter the date of the event.',
  'reason.rules.what-if.date-unreadable': 'The date could not be read: enter a full calendar date.',
  'reason.rules.what-if.time-unreadable': 'The time could not be read: enter hours and minutes (00:00 to 23:59), or leave it empty.',
  'reason.rules.what-if.time-nonexistent': 'This time does not exist on that day in the facility time zone (clock change): enter another time.',
} as const satisfies Record<`reason.${WhatIfErrorCode}`, string>;

/** Words shared by every rule view: source labels, verification, statuses, short spans. */
const ruleLinesEn = {
  'rules.status.stop-documented': 'Stop documented',
  'rules.status.stop-not-documented': 'Stop not documented',
  'rules.status.no-lmwh-order': 'No LMWH order found',
  'rules.status.unknown': 'Unknown',
  'rules.records': 'Records',
  'rules.search.problem': '{group}: {notRead, select, true {not read} other {{status}}}{hasReason, select, true { ({reason})} other {}}',
  'rules.search.problemSeparator': '; ',
} as const;

export const rulesEn = { ...rulesReasonsEn, ...whatIfErrorsEn, ...ruleLinesEn } as const;
