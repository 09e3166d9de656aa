/**
 * ACOG. Only the 2020 Practice Advisory item is VERIFIED (switching to UFH near 36 weeks is optional). The Practice
 * Bulletin 196 peripartum hour intervals (12 h / 24 h before delivery; resume 4-6 h / 6-12 h) are PARTIAL or
 * UNVERIFIED in docs/clinical-reference.md 8.5, so they are deliberately NOT rules: see OMITTED_ITEMS in omitted.ts.
 */
import { ACOG_ADVISORY_2020 } from './sources';
import type { NoteRule } from './ruleTypes';

export const ACOG_UFH_SWITCH_OPTIONAL: NoteRule = {
  id: 'acog2020.note.ufh-switch-optional',
  version: '1.0.0',
  source: ACOG_ADVISORY_2020,
  kind: 'note',
  parameters: { topic: 'ufh-switch-optional', eventClasses: ['caesarean', 'induction-or-planned-birth'] },
};

export const ACOG_RULES = [ACOG_UFH_SWITCH_OPTIONAL] as const;
