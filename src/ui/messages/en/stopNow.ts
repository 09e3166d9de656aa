/** The stop-now banners, the indications panel and the cautions panel. Keys `stopNow.*`, `indications.*`, `cautions.*`. */
import type { IndicationKind, RuleFactStatus, StopNowTriggerKind } from '../../../domain/rules';

const stopNowTitlesEn = {
  'stopNow.title.genital-bleeding': 'Bleeding from the genital tract is recorded',
  'stopNow.title.labour-onset': 'Onset of labour is recorded',
} as const satisfies Record<`stopNow.title.${StopNowTriggerKind}`, string>;

const indicationKindsEn = {
  'indications.kind.ohss': 'Ovarian hyperstimulation syndrome (OHSS)',
  'indications.kind.ohss-risk': 'Risk of OHSS',
  'indications.kind.high-dose-estrogen': 'Estrogen (estradiol) therapy',
  'indications.kind.recurrent-miscarriage': 'Recurrent miscarriage',
  'indications.kind.antiphospholipid-antibodies': 'Antiphospholipid antibodies',
  'indications.kind.lupus-anticoagulant': 'Lupus anticoagulant',
  'indications.kind.raised-d-dimer': 'Raised D-dimer (flagged by the lab)',
  'indications.kind.factor-v-leiden': 'Factor V Leiden',
  'indications.kind.ongoing-pregnancy-monitoring': 'Ongoing pregnancy (monitoring)',
} as const satisfies Record<`indications.kind.${IndicationKind | 'ongoing-pregnancy-monitoring'}`, string>;

const factStatusEn = {
  'indications.status.present': 'present',
  'indications.status.tested-negative': 'tested negative',
  'indications.status.unclear': 'unclear',
} as const satisfies Record<`indications.status.${RuleFactStatus}`, string>;

export const stopNowEn = {
  ...stopNowTitlesEn,
  'stopNow.recorded': 'recorded',
  'stopNow.record': 'Record',
  'stopNow.dateNotRecorded': 'date not recorded',
  'stopNow.orders': '{n, plural, one {LMWH order} other {LMWH orders}} in the record:',
} as const;

export const indicationsEn = {
  ...indicationKindsEn,
  ...factStatusEn,
  'indications.heading': 'Indications the source lists, found in the record',
  'indications.disclaimer': 'These are facts found in the record, shown beside what the source and the guidelines say. They are not a recommendation to treat.',
  'indications.incomplete': 'The record could not be read completely ({problems}): findings may be missing.',
  'indications.empty': 'None found in the record.',
  'indications.emptyIncomplete': 'None found in what could be read.',
  'indications.found': 'Found in the record:',
  'indications.noRecord': 'No record is linked to this finding.',
  'indications.beside': 'Beside it, where the guidelines differ:',
  'indications.evidence.fact': '{label}{count} [{status}]',
  'indications.evidence.losses': " ({n, plural, one {# loss} other {# losses}}{fewer, select, true {: fewer than the source''s 2} other {}})",
  'indications.evidence.at': '{text}, {at}',
  'indications.evidence.pregnancy': 'Ongoing pregnancy',
  'indications.evidence.pregnancyEdd': 'Ongoing pregnancy, EDD {edd}',
  'indications.evidence.transfer': 'Embryo transfer {at}',
  'indications.evidence.transferNoDate': 'Embryo transfer (date not recorded)',
} as const;

export const cautionsEn = {
  'cautions.heading': 'Cautions',
  'cautions.empty': 'No caution applies to what the record shows{someNotChecked, select, true {; some checks could not be made (below)} other {}}.',
  'cautions.inRecord': 'In the record:',
  'cautions.beside': 'Guidelines beside it ({n})',
  'cautions.record': 'Record',
  'cautions.records': 'Records ({n})',
  'cautions.notChecked': 'Not checked',
  'cautions.notCheckedItem': 'Not checked: {reason}',
} as const;
