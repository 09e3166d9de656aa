/**
 * The words of an attributed rule line, shared by the stop criteria, stop-now, indications and cautions views: the
 * short source label (its edition and verification are listed once, in "About the evidence"), the rule's wording (catalogue key `rule.<id>`), the status words,
 * and countdowns in words ("in 2 days 22 hours"). Pure.
 */
import type { InfoLine, RuleSource, StopStatus } from '../../domain/rules';
import type { SearchCompleteness } from '../../domain/rules/searchCompleteness';
import type { Messages } from '../messages/translator';
import { groupLabel } from '../record/dataAvailabilityViewModel';
import type { MessageKey } from '../messages/catalogue';
import { evidenceRowId, shortSourceLabel, sourceFullName } from '../evidence/sourceLabels';

export interface SourceLabelView {
  /** 'source' for the source article, 'guideline' for every other kind (the CSS class). */
  kind: 'source' | 'guideline';
  label: string;
  /** The source's full name in the catalogue's words (shown on hover). */
  fullName: string;
  /** The source's row in "About the evidence" (edition, verification, citation). */
  href: string;
}

/** "Source article" / "ASRA 2018" / "RCOG 37a": the source and each guideline never merged. */
export function sourceLabel(source: Pick<RuleSource, 'kind' | 'name'>, m: Messages): string {
  return shortSourceLabel(source, m);
}

export function sourceLabelView(source: RuleSource, m: Messages): SourceLabelView {
  return {
    kind: source.kind === 'source-article' ? 'source' : 'guideline',
    label: sourceLabel(source, m),
    fullName: sourceFullName(source.name, m),
    href: `#${evidenceRowId(source)}`,
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

/** "in 2 days 22 hours" / "8 hours ago" / "now": the two largest units, in words a person uses. */
export function countdownWords(ms: number, m: Messages): string {
  if (ms === 0) return m.t('duration.now');
  return m.t(ms > 0 ? 'duration.in' : 'duration.ago', { span: m.duration(ms) });
}

/** "appointments: unavailable (server refused ...); encounters: not read". */
export function searchProblemsText(search: SearchCompleteness, m: Messages): string {
  return search.problems
    .map((p) => m.t('rules.search.problem', { group: groupLabel(p.group, m), status: p.status === 'not-read' ? '' : m.t('availability.status', { status: p.status }), notRead: p.status === 'not-read', hasReason: p.reason !== undefined, reason: p.reason ? m.reason(p.reason) : '' }))
    .join(m.t('rules.search.problemSeparator'));
}
