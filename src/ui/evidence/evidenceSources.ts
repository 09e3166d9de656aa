/**
 * The sources the rules cite, once each: the short label a rule line shows ("ASRA 2018", "RCOG 37a") and, for the
 * "About the evidence" section, the edition, every verification level the rules use with what it covers, and the
 * citation. Read from the rule registry, so a source appears here exactly when a rule cites it. Pure.
 */
import { ALL_RULES } from '../../domain/rules/registry';
import type { RuleSource, RuleSourceName, Verification } from '../../domain/rules/ruleTypes';
import type { Messages } from '../messages/translator';
import type { MessageKey } from '../messages/catalogue';
import { SOURCE_SLUG as SLUG, evidenceRowId, shortSourceLabel, sourceFullName } from './sourceLabels';

export { evidenceAnchor, evidenceRowId, shortSourceLabel } from './sourceLabels';

export interface EvidenceLevelView {
  verification: Verification | 'unverified';
  /** "verified", "partly verified", "the source's own text", "citation not verified (UNVERIFIED)". */
  text: string;
  /** What exactly was (not) checked (the catalogue's words for the rule registry's note id). */
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
  /** The citation: a published work's as published (in its own language), else the catalogue's description. */
  citation: { text: string; published: boolean };
}

const ORDER: Verification[] = ['source-text', 'verified', 'partial'];

/** Each cited source once, in the registry's order, with every verification level its rules carry. */
export function evidenceSources(m: Messages): EvidenceSourceView[] {
  const byName = new Map<RuleSourceName, RuleSource[]>();
  for (const r of ALL_RULES) {
    const list = byName.get(r.source.name) ?? [];
    if (!list.some((s) => s.verification === r.source.verification && s.noteId === r.source.noteId)) list.push(r.source);
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
        return { verification: level, text: m.t(`evidence.level.${level}` as MessageKey), note: m.t(`evidence.note.${v.noteId}` as MessageKey) };
      });
    const published = variants[0]!.citation;
    const citation = published !== null ? { text: published, published: true } : { text: m.t(`evidence.citation.${slug}` as MessageKey), published: false };
    return { slug, id: evidenceRowId({ name }), label: shortSourceLabel({ name }, m), name: sourceFullName(name, m), edition: m.t(`evidence.edition.${slug}` as MessageKey), levels, citation };
  });
}
