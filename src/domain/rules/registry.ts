/** Every rule, in one list; ids are unique (tested). */
import { ACOG_RULES } from './acog';
import { ASH_2018_RULES } from './ash-2018';
import { ASRA_2018_RULES } from './asra-2018';
import { ESHRE_RULES } from './eshre-2022';
import { OTHER_RULES } from './other-notes';
import { RCOG_37A_RULES } from './rcog-37a';
import { SOAP_RULES } from './soap-2018';
import { SOURCE_ARTICLE_RULES } from './source-article';
import type { Rule } from './ruleTypes';

export const ALL_RULES: readonly Rule[] = [
  ...SOURCE_ARTICLE_RULES,
  ...ASRA_2018_RULES,
  ...RCOG_37A_RULES,
  ...ACOG_RULES,
  ...ASH_2018_RULES,
  ...ESHRE_RULES,
  ...SOAP_RULES,
  ...OTHER_RULES,
];

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** True when a rule's numbers may be used to compute a time: the source's own text, or a VERIFIED guideline number. */
export function numbersUsable(rule: Rule): boolean {
  return rule.source.verification === 'source-text' || rule.source.verification === 'verified';
}

