/** The indications panel's words: each finding's title, status, attributed wording and evidence lines. Pure. */
import type { IndicationEvidence, IndicationFinding, RuleFactStatus } from '../../domain/rules';
import type { SearchCompleteness } from '../../domain/rules/searchCompleteness';
import type { SourceRef } from '../../domain/types';
import type { MessageKey } from '../messages/catalogue';
import type { Messages } from '../messages/translator';
import { ruleWording, searchProblemsText } from '../stop-criteria/ruleLineViewModel';

const STATUS_ICON: Record<RuleFactStatus, string> = { present: '●', 'tested-negative': '○', unclear: '?' };

export interface FactStatusView {
  status: RuleFactStatus;
  icon: string;
  text: string;
}

export function factStatusView(status: RuleFactStatus, m: Messages): FactStatusView {
  const s: RuleFactStatus = STATUS_ICON[status] ? status : 'unclear';
  return { status: s, icon: STATUS_ICON[s], text: m.t(`indications.status.${s}` as MessageKey) };
}

export interface EvidenceView {
  key: string;
  text: string;
  source: SourceRef;
}

export interface IndicationView {
  key: string;
  kind: IndicationFinding['kind'];
  title: string;
  status: FactStatusView;
  finding: IndicationFinding;
  wording: string;
  evidence: EvidenceView[];
}

/** "Lupus anticoagulant: detected (2 losses) [present], 3 Apr 2026 08:30 (UTC)", "Embryo transfer 1 Mar 2026 ...". */
function evidenceText(e: IndicationEvidence, m: Messages): string {
  if (e.kind === 'ongoing-pregnancy') return e.eddMs !== undefined ? m.t('indications.evidence.pregnancyEdd', { edd: m.instant(e.eddMs) }) : m.t('indications.evidence.pregnancy');
  if (e.kind === 'embryo-transfer') return e.atMs !== null ? m.t('indications.evidence.transfer', { at: m.instant(e.atMs) }) : m.t('indications.evidence.transferNoDate');
  const count = e.count !== undefined ? m.t('indications.evidence.losses', { n: e.count, fewer: e.fewerThanSourceCount === true }) : '';
  const text = m.t('indications.evidence.fact', { label: m.reason(e.label), count, status: e.status });
  return e.atMs !== undefined ? m.t('indications.evidence.at', { text, at: m.instant(e.atMs) }) : text;
}

export interface IndicationsView {
  incomplete?: string;
  empty?: string;
  findings: IndicationView[];
}

export function buildIndicationsView(slice: { findings: IndicationFinding[]; search: SearchCompleteness }, m: Messages): IndicationsView {
  const v: IndicationsView = {
    findings: slice.findings.map((f, i) => ({
      key: `${f.kind}-${i}`,
      kind: f.kind,
      title: m.t(`indications.kind.${f.kind}` as MessageKey),
      status: factStatusView(f.status, m),
      finding: f,
      wording: ruleWording(f.ruleId, m),
      evidence: f.evidence.map((e, j) => ({ key: `${e.source.id ?? j}-${j}`, text: evidenceText(e, m), source: e.source })),
    })),
  };
  if (!slice.search.complete) v.incomplete = m.t('indications.incomplete', { problems: searchProblemsText(slice.search, m) });
  if (slice.findings.length === 0) v.empty = m.t(slice.search.complete ? 'indications.empty' : 'indications.emptyIncomplete');
  return v;
}
