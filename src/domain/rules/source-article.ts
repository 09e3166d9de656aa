/** The clinical source's rules (docs/source/clexane-article.txt), attributed, in concise own words. */
import { SOURCE_ARTICLE } from './sources';
import type { CautionRule, IndicationRule, NoteRule, StopBeforeEventRule, StopNowRule } from './ruleTypes';

export const SOURCE_STOP_GENITAL_BLEEDING: StopNowRule = {
  id: 'source.stop-now.genital-bleeding',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'stop-now',
  parameters: { triggers: ['genital-bleeding'] },
};

export const SOURCE_STOP_BEFORE_SURGERY: StopBeforeEventRule = {
  id: 'source.stop-before.any-surgery',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'stop-before-event',
  parameters: { eventClasses: ['other-surgery', 'oocyte-retrieval'], hoursBefore: null, doseClasses: 'any', anchor: 'event' },
};

export const SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH: StopBeforeEventRule = {
  id: 'source.stop-before.planned-birth-48h',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'stop-before-event',
  parameters: { eventClasses: ['caesarean', 'induction-or-planned-birth'], hoursBefore: 48, doseClasses: 'any', anchor: 'event' },
};

const indication = (id: string, parameters: IndicationRule['parameters']): IndicationRule => ({
  id,
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'indication',
  parameters,
});

export const SOURCE_INDICATIONS: readonly IndicationRule[] = [
  indication('source.indication.ohss', { indication: 'ohss' }),
  indication('source.indication.ohss-risk', { indication: 'ohss-risk' }),
  indication('source.indication.high-dose-estrogen', { indication: 'high-dose-estrogen' }),
  indication('source.indication.recurrent-miscarriage', { indication: 'recurrent-miscarriage' }),
  indication('source.indication.antiphospholipid-antibodies', { indication: 'antiphospholipid-antibodies' }),
  indication('source.indication.lupus-anticoagulant', { indication: 'lupus-anticoagulant' }),
  indication('source.indication.raised-d-dimer', { indication: 'raised-d-dimer' }),
  indication('source.indication.factor-v-leiden', { indication: 'factor-v-leiden' }),
  indication('source.indication.pregnancy-monitoring', { indication: 'ongoing-pregnancy-monitoring' }),
];

export const SOURCE_WORKS_ONLY_WHILE_INJECTED: CautionRule = {
  id: 'source.caution.works-only-while-injected',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'caution',
  parameters: { topic: 'started-long-before-protocol', appThresholdDays: 28 },
};

export const SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL: NoteRule = {
  id: 'source.note.dose-by-weight-panel-control',
  version: '1.0.0',
  source: SOURCE_ARTICLE,
  kind: 'note',
  parameters: { topic: 'dose-by-weight-under-panel-control' },
};

export const SOURCE_ARTICLE_RULES = [
  SOURCE_STOP_GENITAL_BLEEDING,
  SOURCE_STOP_BEFORE_SURGERY,
  SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH,
  ...SOURCE_INDICATIONS,
  SOURCE_WORKS_ONLY_WHILE_INJECTED,
  SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL,
] as const;
