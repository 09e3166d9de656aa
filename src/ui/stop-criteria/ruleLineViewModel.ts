/**
 * The words of an attributed rule line, shared by the stop criteria, stop-now, indications and cautions views: the
 * visible source label with its verification word, the rule's wording (catalogue key `rule.<id>`), the status words,
 * and short countdown spans ("2 d 22 h"). Pure.
 */
import type { InfoLine, RuleSource, StopStatus } from '../../domain/rules';
import type { SearchCompleteness } from '../../domain/rules/searchCompleteness';
import type { Messages } from '../messages/translator';
import { formatShortSpan } from '../format/displayTime';
import { groupLabel } from '../record/dataAvailabilityViewModel';
import type { MessageKey } from '../messages/catalogue';

export interface SourceLabelView {
  /** 'source' for the source article, 'guideline' for every other kind (the CSS class). */
  kind: 'source' | 'guideline';
  label: string;
  citation: string;
  verification: RuleSource['verification'];
  verificationText: string;
  verificationNote: string;
}

/** "Source article" / "Guideline: ASRA 2018" / "Product label: ..." — the source and each guideline never merged. */
export function sourceLabel(source: Pick<RuleSource, 'kind' | 'name'>, m: Messages): string {
  return m.t(`rules.source.${source.kind}` as MessageKey, { name: source.name });
}

export function sourceLabelView(source: RuleSource, m: Messages): SourceLabelView {
  const known = source.verification === 'verified' || source.verification === 'source-text';
  return {
    kind: source.kind === 'source-article' ? 'source' : 'guideline',
    label: sourceLabel(source, m),
    citation: source.citation,
    verification: source.verification,
    verificationText: m.t(`rules.verification.${known ? source.verification : 'partial'}` as MessageKey),
    verificationNote: source.verificationNote,
  };
}

/** The rule's attributed wording from the catalogue; a rule without wording shows its key (and fails the tests). */
export function ruleWording(ruleId: string, m: Messages): string {
  const key = `rule.${ruleId}`;
  return m.has(key) ? m.t(key) : `⟦${key}⟧`;
}

export interface InfoLineViewModel {
  ruleId: string;
  sourceKind: RuleSource['kind'];
  source: SourceLabelView;
  wording: string;
  detail?: string;
  evidence: InfoLine['evidence'];
}

export function infoLineView(line: InfoLine, m: Messages): InfoLineViewModel {
  const v: InfoLineViewModel = { ruleId: line.ruleId, sourceKind: line.source.kind, source: sourceLabelView(line.source, m), wording: ruleWording(line.ruleId, m), evidence: line.evidence };
  if (line.detail) v.detail = m.reason(line.detail);
  return v;
}

/** Each status with its words and a shape (never colour only). */
const STATUS_SHAPE: Record<StopStatus, { icon: string; cls: string }> = {
  'stop-documented': { icon: '✓', cls: 'documented' },
  'stop-not-documented': { icon: '▲', cls: 'not-documented' },
  'no-lmwh-order': { icon: '○', cls: 'no-order' },
  unknown: { icon: '?', cls: 'unknown' },
};

export interface StatusView {
  icon: string;
  cls: string;
  text: string;
}

export function statusView(status: StopStatus, m: Messages): StatusView {
  const known = STATUS_SHAPE[status] ? status : 'unknown';
  return { ...STATUS_SHAPE[known], text: m.t(`rules.status.${known}` as MessageKey) };
}

/** "in 2 d 22 h" / "8 h ago" / "now". */
export function countdownWords(ms: number, m: Messages): string {
  if (ms === 0) return m.t('rules.countdown.now');
  return m.t(ms > 0 ? 'rules.countdown.in' : 'rules.countdown.ago', { span: formatShortSpan(ms, m) });
}

/** "appointments: unavailable (server refused ...); encounters: not read". */
export function searchProblemsText(search: SearchCompleteness, m: Messages): string {
  return search.problems
    .map((p) => m.t('rules.search.problem', { group: groupLabel(p.group, m), status: p.status === 'not-read' ? '' : m.t('availability.status', { status: p.status }), notRead: p.status === 'not-read', hasReason: p.reason !== undefined, reason: p.reason ? m.reason(p.reason) : '' }))
    .join(m.t('rules.search.problemSeparator'));
}
