/** The clinical source's rules (docs/source/clexane-article.txt), attributed, in concise own words. */
import { SOURCE_ARTICLE } from './sources';
import type { CautionRule, IndicationRule, NoteRule, StopBeforeEventRule, StopNowRule } from './ruleTypes';

export const SOURCE_STOP_GENITAL_BLEEDING: StopNowRule = {
  id: 'source.stop-now.genital-bleeding',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'stop-now',
  parameters: { triggers: ['genital-bleeding'] },
  wording: 'The source advises stopping LMWH with bloody discharge from the genital tract.',
};

export const SOURCE_STOP_BEFORE_SURGERY: StopBeforeEventRule = {
  id: 'source.stop-before.any-surgery',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'stop-before-event',
  parameters: { eventClasses: ['other-surgery', 'oocyte-retrieval'], hoursBefore: null, doseClasses: 'any', anchor: 'event' },
  wording: 'The source advises stopping LMWH before any surgery. It gives no interval.',
};

export const SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH: StopBeforeEventRule = {
  id: 'source.stop-before.planned-birth-48h',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'stop-before-event',
  parameters: { eventClasses: ['caesarean', 'induction-or-planned-birth'], hoursBefore: 48, doseClasses: 'any', anchor: 'event' },
  wording: 'The source advises stopping LMWH at least 2 days before a planned caesarean section or childbirth, to avoid bleeding.',
};

const indication = (id: string, parameters: IndicationRule['parameters'], wording: string): IndicationRule => ({
  id,
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'indication',
  parameters,
  wording,
});

export const SOURCE_INDICATIONS: readonly IndicationRule[] = [
  indication(
    'source.indication.ohss',
    { indication: 'ohss' },
    'The source lists LMWH after embryo transfer during ovarian stimulation when there is a risk of ovarian hyperstimulation syndrome (OHSS) and the transfer could not be postponed.',
  ),
  indication(
    'source.indication.ohss-risk',
    { indication: 'ohss-risk' },
    'The source lists LMWH after embryo transfer during ovarian stimulation when there is a risk of ovarian hyperstimulation syndrome (OHSS) and the transfer could not be postponed.',
  ),
  indication(
    'source.indication.high-dose-estrogen',
    { indication: 'high-dose-estrogen' },
    'The source lists LMWH when the endometrium is prepared with high-dose estrogen hormone replacement (estrogens raise the risk of clots).',
  ),
  indication(
    'source.indication.recurrent-miscarriage',
    { indication: 'recurrent-miscarriage' },
    'The source lists LMWH in recurrent miscarriage (loss of 2 or more pregnancies), especially with findings that predispose to clotting.',
  ),
  indication(
    'source.indication.antiphospholipid-antibodies',
    { indication: 'antiphospholipid-antibodies' },
    'The source names antiphospholipid antibodies among the findings that strengthen the case for LMWH in recurrent miscarriage.',
  ),
  indication(
    'source.indication.lupus-anticoagulant',
    { indication: 'lupus-anticoagulant' },
    'The source names lupus anticoagulant among the findings that strengthen the case for LMWH in recurrent miscarriage.',
  ),
  indication(
    'source.indication.raised-d-dimer',
    { indication: 'raised-d-dimer' },
    'The source names a raised D-dimer among the findings that strengthen the case for LMWH in recurrent miscarriage.',
  ),
  indication(
    'source.indication.factor-v-leiden',
    { indication: 'factor-v-leiden' },
    'The source names the Factor V Leiden mutation among the findings that strengthen the case for LMWH in recurrent miscarriage.',
  ),
  indication(
    'source.indication.pregnancy-monitoring',
    { indication: 'ongoing-pregnancy-monitoring' },
    'The source says that during pregnancy D-dimer and the coagulation panel are monitored, and the decision to continue heparin is based on them (sometimes until the birth).',
  ),
];

export const SOURCE_WORKS_ONLY_WHILE_INJECTED: CautionRule = {
  id: 'source.caution.works-only-while-injected',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'caution',
  parameters: { topic: 'started-long-before-protocol', appThresholdDays: 28 },
  wording:
    'The source says heparins work only while they are injected, and advises against taking them for months before the protocol "to prepare". The app flags an LMWH order starting more than 28 days before the first IVF protocol event or the start of the pregnancy: 28 days is the app\'s threshold, not the source\'s.',
};

export const SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL: NoteRule = {
  id: 'source.note.dose-by-weight-panel-control',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'note',
  parameters: { topic: 'dose-by-weight-under-panel-control' },
  wording: "The source says the dose is chosen individually by the patient's weight, under strict control of the coagulation panel (hemostasiogram).",
};

export const SOURCE_ARTICLE_RULES = [
  SOURCE_STOP_GENITAL_BLEEDING,
  SOURCE_STOP_BEFORE_SURGERY,
  SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH,
  ...SOURCE_INDICATIONS,
  SOURCE_WORKS_ONLY_WHILE_INJECTED,
  SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL,
] as const;
