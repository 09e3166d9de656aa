/**
 * The sources the rules cite, once each: the short label a rule line shows ("ASRA 2018", "RCOG 37a") and, for the
 * "About the evidence" section, the edition, every verification level the rules use with what it covers, and the
 * citation. Read from the rule registry, so a source appears here exactly when a rule cites it. Pure.
 */
import { ALL_RULES } from '../../domain/rules/registry';
import type { RuleSource, RuleSourceName, Verification } from '../../domain/rules/ruleTypes';
import type { Messages } from '../messages/translator';
import type { MessageKey } from '../messages/catalogue';

/** Catalogue slug of each source (keys `evidence.short.<slug>`, `evidence.edition.<slug>`). */
const SLUG: Record<RuleSourceName, string> = {
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
  return `${evidenceAnchor}-${SLUG[source.name] ?? 'other'}`;
}

/** The short label a rule line shows: "Source article", "ASRA 2018", "RCOG 37a". */
export function shortSourceLabel(source: Pick<RuleSource, 'name'>, m: Messages): string {
  const slug = SLUG[source.name];
  return slug ? m.t(`evidence.short.${slug}` as MessageKey) : source.name;
}

export interface EvidenceLevelView {
  verification: Verification | 'unverified';
  /** "verified", "partly verified", "the source's own text", "citation not verified (UNVERIFIED)". */
  text: string;
  /** What exactly was (not) checked, as the rule registry records it. */
  note: string;
}

export interface EvidenceSourceView {
  slug: string;
  /** The row's id, the target of each rule line's source link. */
  id: string;
  label: string;
  name: string;
  edition: string;
  levels: EvidenceLevelView[];
  citation: string;
}

const ORDER: Verification[] = ['source-text', 'verified', 'partial'];

/** Each cited source once, in the registry's order, with every verification level its rules carry. */
export function evidenceSources(m: Messages): EvidenceSourceView[] {
  const byName = new Map<RuleSourceName, RuleSource[]>();
  for (const r of ALL_RULES) {
    const list = byName.get(r.source.name) ?? [];
    if (!list.some((s) => s.verification === r.source.verification && s.verificationNote === r.source.verificationNote)) list.push(r.source);
    byName.set(r.source.name, list);
  }
  return [...byName].map(([name, variants]) => {
    const slug = SLUG[name];
    // General knowledge has no checked citation: the reference calls that UNVERIFIED, and so does this list.
    const unverified = variants.every((v) => v.kind === 'general-knowledge');
    const levels = [...variants]
      .sort((a, b) => ORDER.indexOf(a.verification) - ORDER.indexOf(b.verification))
      .map((v) => {
        const level: EvidenceLevelView['verification'] = unverified ? 'unverified' : v.verification;
        return { verification: level, text: m.t(`evidence.level.${level}` as MessageKey), note: v.verificationNote };
      });
    return { slug, id: evidenceRowId({ name }), label: shortSourceLabel({ name }, m), name, edition: m.t(`evidence.edition.${slug}` as MessageKey), levels, citation: variants[0]!.citation };
  });
}
