/**
 * Words of the coagulation panel and the monitoring reason codes (HIT pattern, anti-Xa timing). Keys `coag.*` and
 * `reason.hit.*`, `reason.antixa.*`.
 */
import type { AntiXaReasonCode, HitReasonCode } from '../../../domain/monitoring';

const hitReasons = {
  'reason.hit.no-heparin': 'No heparin order or recorded heparin dose in the record: the heparin-induced thrombocytopenia pattern is not checked.',
  'reason.hit.start-unknown': 'Heparin start is not known (orders without a start date and no recorded dose with a time): the pattern cannot be checked.',
  'reason.hit.no-baseline': 'No platelet count before heparin started ({start}): the pattern cannot be checked.',
  'reason.hit.baseline-unusable': 'The last platelet count before heparin ({original}) is not a usable value: the pattern cannot be checked.',
  'reason.hit.no-count-after-start': 'No platelet count since heparin started ({start}); pre-heparin baseline {baseline} ×10⁹/L on {baselineWhen}.',
  'reason.hit.pattern': 'Possible heparin-induced thrombocytopenia pattern: {fall} ({window}).',
  'reason.hit.fall':
    'Platelets {comparator}{value} ×10⁹/L on {when}: {atLeast, select, yes {at least } other {}}{percent}% below the pre-heparin baseline {baseline} ×10⁹/L, day {day} of heparin',
  'reason.hit.window': '{afterPrior, select, yes {days {from}–{to} of heparin (heparin given in the previous 100 days)} other {days {from}–{to} of heparin}}',
  'reason.hit.fall-outside-window':
    'Platelets fell by 50% or more from the pre-heparin baseline {baseline} ×10⁹/L on {baselineWhen}, but outside {window}: not the pattern; the fall is shown.',
  'reason.hit.no-fall': 'No fall of 50% or more from the pre-heparin baseline {baseline} ×10⁹/L on {baselineWhen} in {n} count(s) since heparin started ({start}).',
  'reason.hit.order-no-start': '{drug} order {ref} has no start date: heparin may have started earlier than shown',
  'reason.hit.count-straddles-start': 'platelet count dated {when} cannot be placed before or after heparin started ({start})',
  'reason.hit.other-course': 'heparin course from {start}: {statement}',
} as const satisfies Record<`reason.${HitReasonCode}`, string>;

const antiXaReasons = {
  'reason.antixa.sample-no-time': 'the sample has no time of day (recorded as {recorded}), so the time since the dose is not known',
  'reason.antixa.no-dose': 'no recorded dose (administration, patient report or dispensing) in the record',
  'reason.antixa.no-dose-before':
    'no recorded dose time before the sample: {why, select, after {every recorded dose with a time is after the sample{untimed, plural, =0 {} other { (# without a time)}}} other {no recorded dose has a time}}',
  'reason.antixa.dose-no-time': 'the last recorded dose before the sample has no time of day ({recorded}), so the time since the dose is not known',
  'reason.antixa.later-other-dose': 'a {kind, select, reported {patient-reported} dispensed {dispensed, not a proof of injection} other {administered}} dose at {at} is later than the last administration',
  'reason.antixa.not-lmwh': 'the last dose is {drug}, not LMWH: the 4 h peak applies to subcutaneous LMWH',
  'reason.antixa.untimed-doses': '{n} recorded dose(s) have no time and were not considered',
} as const satisfies Record<`reason.${AntiXaReasonCode}`, string>;

export const labsEn = {
  ...hitReasons,
  ...antiXaReasons,
  'coag.heading': 'Coagulation panel and safety labs',
  'coag.incomplete': 'Coagulation results may be incomplete: {reason}',
  'coag.notRun': 'the coagulation search was not run',
  'coag.searchStatus': 'search {status}',
  'coag.latest': 'Latest ',
  'coag.statusMark': ' ({status})',
  'coag.rangeLabel': 'Reference range (lab):',
  'coag.flagLabel': 'Lab flag:',
  'coag.noneGiven': 'none given',
  'coag.rangeFrom': 'from {low}{unit, select, none {} other { {unit}}}',
  'coag.rangeUpTo': 'up to {high}{unit, select, none {} other { {unit}}}',
  'coag.asReported': 'As reported: {original} ({conversion})',
  'coag.trendNone': 'no results',
  'coag.trend': '{n, plural, one {1 result, {first}} other {# results, {first} -> {last}}}',
  'coag.empty': 'No {label} results',
  'coag.noResultsFor': 'No results in the record for: {list}',
  'coag.leftOut': '{n} {label} {n, plural, one {result} other {results}} left out:',
  'coag.hide': 'Hide {label} results',
  'coag.showAll': 'Show all {n} {label} results',
  'coag.caption': '{label} results',
  'coag.col.date': 'Date',
  'coag.col.result': 'Result (as reported)',
  'coag.col.value': 'Value',
  'coag.col.valueUnit': 'Value ({unit})',
  'coag.col.range': 'Reference range',
  'coag.col.status': 'Status',
  'coag.col.sinceDose': 'Time since last recorded dose',
  'coag.col.source': 'Source',
  'coag.statusFlag': '{status}; lab flag: {flag}',
  'coag.sinceDoseUnknown': 'Time since the last recorded dose unknown',
  'coag.sampled':
    'sampled {since} after the dose {kind, select, reported {reported by the patient as taken} dispensed {dispensed (not a proof of injection)} other {given}} {at}',
  'coag.window': '{window, select, in {within the 3–5 h peak window} before {earlier than the 3–5 h peak window} other {later than the 3–5 h peak window}}',
  'coag.timing': '{sampled} ({window})',
  'coag.notAdministered':
    '{kind, select, reported {patient-reported} other {dispensed, not a proof of injection}} dose: no administration is recorded before the sample',
  'coag.peakNote': 'Read against the peak, 4 h (3–5 h) after a subcutaneous LMWH dose, at steady state (from the 3rd dose).',
  'coag.reference': 'Clinical reference {section}',
  'coag.doseSource': 'Dose source',
  'coag.hit.missed': 'Medication records could not be read completely ({reason}): heparin exposure may be missed.',
  'coag.hit.reasonNotGiven': 'reason not given',
  'coag.hit.headingPattern': 'Possible heparin-induced thrombocytopenia pattern',
  'coag.hit.heading': 'Heparin-induced thrombocytopenia pattern check',
  'coag.hit.counts': 'Counts',
  'coag.hit.attribution':
    'Pattern: a fall of 50% or more from the pre-heparin baseline in days 5–14 of heparin (earlier with heparin in the previous 100 days); pattern described in HIT literature; citation not verified here.',
  'coag.hit.outside': 'Falls of 50% or more outside the window (not the pattern):',
  'coag.hit.started': 'Heparin started {start} ({drugs}).',
  'coag.hit.startSource': 'Start source',
  'coag.hit.guidance.lmwh-only-obstetric': 'Obstetric patients on LMWH only: HIT risk below 0.1%; routine platelet monitoring is not recommended.',
  'coag.hit.guidance.ufh-obstetric': 'Obstetric patients on unfractionated heparin: HIT risk 0.1–1%; platelet count every 2–3 days from day 4 to day 14.',
  'coag.hit.guidance.prior-heparin-100-days': 'Heparin exposure within the last 100 days: platelet count at baseline and within 24 h of starting heparin.',
  'coag.hit.sourceLink': 'source',
} as const;
