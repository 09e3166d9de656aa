/** Notes that are neither the source's nor a guideline's: published studies, product labelling, general knowledge. */
import { DDIMER_STUDIES, ENOXAPARIN_LABEL, GENERAL_LAB_KNOWLEDGE } from './sources';
import type { CautionRule, NoteRule } from './ruleTypes';

export const DDIMER_RISES_IN_PREGNANCY: NoteRule = {
  id: 'studies.note.d-dimer-rises-in-pregnancy',
  version: '1.0.0',
  source: DDIMER_STUDIES,
  kind: 'note',
  parameters: { topic: 'd-dimer-rises-in-pregnancy' },
};

export const RENAL_CLEARANCE_BELOW_30: CautionRule = {
  id: 'label.caution.renal-clearance-below-30',
  version: '1.0.0',
  source: ENOXAPARIN_LABEL,
  kind: 'caution',
  parameters: { topic: 'renal-clearance', belowMlPerMin: 30 },
};

export const PT_APTT_NOT_FOR_LMWH: NoteRule = {
  id: 'general.note.pt-aptt-not-for-lmwh',
  version: '1.0.0',
  source: GENERAL_LAB_KNOWLEDGE,
  kind: 'note',
  parameters: { topic: 'pt-aptt-not-for-lmwh' },
};

export const OTHER_RULES = [DDIMER_RISES_IN_PREGNANCY, RENAL_CLEARANCE_BELOW_30, PT_APTT_NOT_FOR_LMWH] as const;
