/**
 * A cited source in words, without the rule registry (so the worklist and the copied note can name a source without
 * loading every rule): its catalogue slug, short label, full name and the id of its row in "About the evidence".
 */
import type { RuleSource, RuleSourceName } from '../../domain/rules/ruleTypes';
import type { Messages } from '../messages/translator';
import type { MessageKey } from '../messages/catalogue';

/** Catalogue slug of each source (keys `evidence.short.<slug>`, `evidence.name.<slug>`, `evidence.edition.<slug>`). */
export const SOURCE_SLUG: Record<RuleSourceName, string> = {
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
};

export const evidenceAnchor = 'about-evidence';

/** The id of the source's row in "About the evidence" (a fragment link there opens the collapsed section). */
export function evidenceRowId(source: Pick<RuleSource, 'name'>): string {
  return `${evidenceAnchor}-${SOURCE_SLUG[source.name] ?? 'other'}`;
}

/** The short label a rule line shows: "Source article", "ASRA 2018", "RCOG 37a". */
export function shortSourceLabel(source: Pick<RuleSource, 'name'>, m: Messages): string {
  const slug = SOURCE_SLUG[source.name];
  return slug ? m.t(`evidence.short.${slug}` as MessageKey) : source.name;
}

/** The full name, as a copied note and the worklist write it: "The source article (Clexane article)", "ASRA 2018". */
export function sourceFullName(name: string, m: Messages): string {
  const slug = SOURCE_SLUG[name as RuleSourceName];
  return slug ? m.t(`evidence.name.${slug}` as MessageKey) : name;
}
