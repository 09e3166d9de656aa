/**
 * ESHRE recurrent pregnancy loss guideline: a qualitative note, no number. Wording seen in the 2017 edition; the 2022
 * update exists but this item was not checked in it (source.verification = 'partial').
 */
import { ESHRE_RPL } from './sources';
import type { NoteRule } from './ruleTypes';

export const ESHRE_INHERITED_THROMBOPHILIA_WITHOUT_APS: NoteRule = {
  id: 'eshre.note.inherited-thrombophilia-without-aps',
  version: '1.0.0',
  source: ESHRE_RPL,
  kind: 'note',
  parameters: { topic: 'inherited-thrombophilia-without-aps' },
};

export const ESHRE_RULES = [ESHRE_INHERITED_THROMBOPHILIA_WITHOUT_APS] as const;
