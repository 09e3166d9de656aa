/**
 * A cited source in words, without the rule registry (so the worklist and the copied note can name a source without
 * loading every rule): its catalogue slug, short label, full name and the id of its row in "About the evidence".
 */
import type { RuleSource, RuleSourceName } from '../../domain/rules/ruleTypes';
import type { Messages } from '../messages/translator';
import type { MessageKey } from '../messages/catalogue';
import { RULE_SOURCE_ID } from '../../domain/rules/ruleSourceIds';

/** Catalogue slug of each source (keys `evidence.short.<slug>`, `evidence.name.<slug>`, `evidence.edition.<slug>`): the source's code. */
export const SOURCE_SLUG: Readonly<Record<RuleSourceName, string>> = RULE_SOURCE_ID;

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

/** The short label of a source given by its code (a reason's `rule-source` parameter); an unknown code is shown as it is. */
export function shortSourceLabelOfId(id: string, m: Messages): string {
  const key = `evidence.short.${id}`;
  return m.has(key) ? m.t(key) : id;
}

/** The full name, as a copied note and the worklist write it: "The source article (Clexane article)", "ASRA 2018". */
export function sourceFullName(name: string, m: Messages): string {
  const slug = SOURCE_SLUG[name as RuleSourceName];
  return slug ? m.t(`evidence.name.${slug}` as MessageKey) : name;
}
