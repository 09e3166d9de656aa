/** Notes that are neither the source's nor a guideline's: published studies, product labelling, general knowledge. */
import { DDIMER_STUDIES, ENOXAPARIN_LABEL, GENERAL_LAB_KNOWLEDGE } from './sources';
import type { CautionRule, NoteRule } from './ruleTypes';

export const DDIMER_RISES_IN_PREGNANCY: NoteRule = {
  id: 'studies.note.d-dimer-rises-in-pregnancy',
  version: '1.0.0',
  source: DDIMER_STUDIES,
  kind: 'note',
  parameters: { topic: 'd-dimer-rises-in-pregnancy' },
  wording:
    'Published studies: D-dimer rises through normal pregnancy; in the third trimester most healthy women are above the usual non-pregnant cut-off, so a raised D-dimer alone is expected in pregnancy.',
};

export const RENAL_CLEARANCE_BELOW_30: CautionRule = {
  id: 'label.caution.renal-clearance-below-30',
  version: '1.0.0',
  source: ENOXAPARIN_LABEL,
  kind: 'caution',
  parameters: { topic: 'renal-clearance', belowMlPerMin: 30 },
  wording:
    "Enoxaparin product labelling: below a creatinine clearance of 30 mL/min the dose is adjusted, because LMWH accumulates when renal clearance is reduced (the source's \"no cumulative effect\" does not hold here). Other LMWHs: local guidance.",
};

export const PT_APTT_NOT_FOR_LMWH: NoteRule = {
  id: 'general.note.pt-aptt-not-for-lmwh',
  version: '1.0.0',
  source: GENERAL_LAB_KNOWLEDGE,
  kind: 'note',
  parameters: { topic: 'pt-aptt-not-for-lmwh' },
  wording: 'PT/INR and aPTT do not measure the effect of LMWH; an LMWH effect is measured as anti-Xa (citation not verified here).',
};

export const OTHER_RULES = [DDIMER_RISES_IN_PREGNANCY, RENAL_CLEARANCE_BELOW_30, PT_APTT_NOT_FOR_LMWH] as const;
