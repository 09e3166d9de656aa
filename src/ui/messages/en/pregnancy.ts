/** Pregnancy dating and gestational age (src/domain/pregnancy): its reasons (`reason.pregnancy.*`) and labels. */
import type { PregnancyReasonCode } from '../../../domain/pregnancy';

const reasons = {
  'reason.pregnancy.dated-by': 'dated by {how}',
  'reason.pregnancy.dating-how': '{method}: {description}',
  'reason.pregnancy.dating-edd-only': 'EDD {edd}{sourceGiven, select, true {} other { (source not given)}}',
  'reason.pregnancy.dating.edd': 'EDD {edd} {hasRecorded, select, true {recorded {recorded}} other {recording date not given}}',
  'reason.pregnancy.dating.lmp': 'LMP {lmp} ({hasRecorded, select, true {recorded {recorded}} other {recording date not given}}): EDD {edd}',
  'reason.pregnancy.dating.ga':
    '{ultrasound, select, true {ultrasound gestational age} other {gestational age}} {weeks}w {days}d on {at} ({code}, {original}): EDD {edd}',
  'reason.pregnancy.dating.transfer':
    "embryo transfer {at}, day-{embryoDay} embryo{hasTextMatch, select, true { (embryo age from text match: ''{textMatch}'')} other {}}: EDD {edd}",
  'reason.pregnancy.no-usable-edd': 'no usable EDD',
  'reason.pregnancy.method.edd': 'recorded EDD',
  'reason.pregnancy.method.ivf-transfer': 'embryo transfer',
  'reason.pregnancy.method.ultrasound-ga': 'ultrasound gestational age',
  'reason.pregnancy.method.lmp': 'last menstrual period',
  'reason.pregnancy.method.ga-observation': 'recorded gestational age',
  'reason.pregnancy.no-dating': 'no EDD, LMP, transfer with embryo age or GA observation found{hasNotes, select, true {; {notes}} other {}}',
  'reason.pregnancy.transfer-undated': 'embryo transfer on {at} ({key}): {why}',
  'reason.pregnancy.transfer.ages-disagree': 'embryo-age records disagree ({days}); it cannot date the pregnancy',
  'reason.pregnancy.transfer.ages-ambiguous': 'its text names several embryo ages ({days}); it cannot date the pregnancy',
  'reason.pregnancy.transfer.no-age': 'no embryo age (day 3 / day 5 / day 6) recorded, so it cannot date the pregnancy',
  'reason.pregnancy.embryo-day': 'day {day}',
  'reason.pregnancy.birth-unmatched': 'birth on {at} ({source}) matches no dated pregnancy',
  'reason.pregnancy.basis.confirmed-transfer':
    'dated by the confirmed embryo transfer (transfer date + embryo age; ACOG Committee Opinion 700 for ART pregnancies), not the recorded EDD {edd}: that EDD is {direction, select, same {the same day} later {{days, plural, one {# day} other {# days}} later} other {{days, plural, one {# day} other {# days}} earlier}}{discrepancy, select, true { (more than {limit} days apart: review)} other {}}',
  'reason.pregnancy.datings-disagree': 'dating records disagree by more than 7 days: {items}',
  'reason.pregnancy.disagreeing-dating': '{description} ({days, number, ::sign-always} d)',
  'reason.pregnancy.status-not-pregnant-during': "pregnancy status ''not pregnant'' recorded {at}, during this pregnancy''s dates",
  'reason.pregnancy.ga.no-valid-time': 'no valid time given',
  'reason.pregnancy.ga.not-placeable': 'the time cannot be placed in the facility time zone',
  'reason.pregnancy.ga.before-start': 'before the start of this pregnancy ({start}, EDD - 280 days)',
  'reason.pregnancy.ga.after-delivery': 'after the recorded delivery on {delivery}',
  'reason.pregnancy.ga.beyond-45-weeks': 'more than 45 weeks after the start of this pregnancy: it has ended or the dating is wrong',
  'reason.pregnancy.excluded.observation-status': '{code}: status {status}',
  'reason.pregnancy.excluded.embryo-age-status': 'embryo age: status {status}',
  'reason.pregnancy.excluded.embryo-age-unlinked': 'embryo age not linked (partOf) to a transfer Procedure',
  'reason.pregnancy.excluded.embryo-age-unit': "{hasUnit, select, true {embryo age unit ''{unit}'' is not days} other {embryo age has no unit (days expected)}}",
  'reason.pregnancy.excluded.embryo-age-value': 'embryo age {value} d is not a whole number of days 1-7',
  'reason.pregnancy.excluded.status-answer':
    'pregnancy status answer not recognised (expected {expected})',
  'reason.pregnancy.excluded.date-unreadable': '{what, select, edd {EDD} other {LMP}} ({code}) has no readable valueDateTime',
  'reason.pregnancy.excluded.date-imprecise': "{what, select, edd {EDD} other {LMP}} ({code}) ''{original}'' is not precise to the day",
  'reason.pregnancy.excluded.date-unusable': '{what, select, edd {EDD} other {LMP}} date cannot be used',
  'reason.pregnancy.excluded.date-unplaceable': '{what, select, edd {EDD} other {LMP}} date cannot be placed in the facility time zone',
  'reason.pregnancy.excluded.ga-no-date': 'gestational age ({code}) has no effective date to anchor it',
  'reason.pregnancy.excluded.ga-date-imprecise': "gestational age ({code}) effective date ''{original}'' is not precise to the day",
  'reason.pregnancy.excluded.ga-value': 'gestational age ({code}): {why}',
  'reason.pregnancy.ga-value.no-number': 'no numeric gestational age',
  'reason.pregnancy.ga-value.days-component': 'gestational-age days component cannot be read',
  'reason.pregnancy.ga-value.unit': "{hasUnit, select, true {unit ''{unit}'' is not weeks or days} other {no unit (weeks or days expected)}}",
  'reason.pregnancy.ga-value.range': 'gestational age {original} is outside 0-45 weeks',
  'reason.pregnancy.excluded.procedure-status': '{what, select, transfer {embryo transfer} other {birth}}: status {status}',
  'reason.pregnancy.excluded.procedure-no-date': '{what, select, transfer {embryo transfer} other {birth}} ({matched}) has no readable performed date',
  'reason.pregnancy.excluded.transfer-date-imprecise': "embryo transfer date ''{original}'' is not precise to the day",
} as const satisfies Record<`reason.${PregnancyReasonCode}`, string>;

export const pregnancyEn = {
  ...reasons,
  'exclusions.view.pregnancy-dating': 'Pregnancy dating',
  'pregnancy.pickerLabel': 'EDD {edd} ({method})',
} as const;
