/** The cautions panel's words: each caution's wording and record data, and the checks not made with the reason. Pure. */
import type { CautionFinding, CautionsResult } from '../../domain/rules';
import { ruleById } from '../../domain/rules';
import type { Messages } from '../messages/translator';
import { ruleWording, sourceLabel } from '../stop-criteria/ruleLineViewModel';

export interface CautionView {
  key: string;
  finding: CautionFinding;
  wording: string;
  detail: string;
  evidenceLabel: string;
}

export interface NotCheckedView {
  key: string;
  text: string;
  /** The rule that could not be checked: its short source label and its wording (shown on request). */
  rule?: { source: string; wording: string };
}

export interface CautionsView {
  empty?: string;
  cautions: CautionView[];
  notChecked: NotCheckedView[];
}

/** "No creatinine clearance is recorded." -> "no creatinine clearance is recorded." (acronyms kept). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? `${s[0]!.toLowerCase()}${s.slice(1)}` : s);

export function buildCautionsView(result: CautionsResult, m: Messages): CautionsView {
  const v: CautionsView = {
    cautions: result.cautions.map((c, i) => ({
      key: `${c.ruleId}-${i}`,
      finding: c,
      wording: ruleWording(c.ruleId, m),
      detail: m.reason(c.detail),
      evidenceLabel: c.evidence.length > 1 ? m.t('cautions.records', { n: c.evidence.length }) : m.t('cautions.record'),
    })),
    notChecked: result.notChecked.map((n, i) => {
      const rule = ruleById(n.ruleId);
      const item: NotCheckedView = { key: `${n.ruleId}-${i}`, text: m.t('cautions.notCheckedItem', { reason: lowerFirst(m.reason(n.reason)) }) };
      if (rule) item.rule = { source: sourceLabel(rule.source, m), wording: ruleWording(rule.id, m) };
      return item;
    }),
  };
  if (result.cautions.length === 0) v.empty = m.t('cautions.empty', { someNotChecked: result.notChecked.length > 0 });
  return v;
}
