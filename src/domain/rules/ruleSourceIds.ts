/**
 * Each cited source's code. A source's name in the registry is English and fixed; a reason that names a source carries
 * this code instead, so the reader's language words it (the catalogue's `evidence.short.<code>` and `evidence.name.<code>`).
 */
import type { ReasonParam } from '../reasons';
import type { RuleSourceName } from './ruleTypes';

export const RULE_SOURCE_ID = {
  'The source article (Clexane article)': 'source-article',
  'ASRA 2018': 'asra-2018',
  'RCOG Green-top 37a (2015)': 'rcog-37a',
  'ACOG Practice Bulletin 196 (2018)': 'acog-pb196',
  'ACOG Practice Advisory 2020': 'acog-2020',
  'ASH 2018': 'ash-2018',
  'ESHRE 2022': 'eshre-2022',
  'SOAP 2018': 'soap-2018',
  'Published studies (D-dimer in pregnancy)': 'ddimer-studies',
  'Enoxaparin product labelling': 'enoxaparin-label',
  'General laboratory knowledge': 'general-lab',
} as const satisfies Record<RuleSourceName, string>;

/** A source's code: one per registry name, read off the map above. */
export type RuleSourceId = (typeof RULE_SOURCE_ID)[RuleSourceName];

/** A source as a reason parameter: its code, which the UI writes as the source's short label. */
export const ruleSourceParam = (name: RuleSourceName): ReasonParam => ({ kind: 'rule-source', id: RULE_SOURCE_ID[name] });
