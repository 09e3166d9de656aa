/**
 * The source's two IVF indications for LMWH, found or not found in the record with their evidence: (1) after the
 * transfer in a stimulated cycle when there is a risk of OHSS; (2) endometrial preparation with high-dose estrogens.
 * "High dose" is read only as written on the order: the app does not judge an estrogen dose.
 */
import type { RecordInput } from '../input';
import type { IndicationFact, RuleFactStatus } from '../rules/context';
import { HIGH_DOSE_TEXT } from './ivfCodes';
import { incompleteSearch, ivfReason } from './ivfRead';
import type { IvfCycle, IvfIndication, IvfReason, OhssRecord } from './ivfTypes';
import { allOf, byText, matchedData } from '../matchedBy';

/** Verification statuses that leave an OHSS record "unclear" rather than present. */
const NOT_CONFIRMED = new Set(['unconfirmed', 'provisional', 'differential']);

/** The indications panel's words for one OHSS record: the syndrome or a risk of it, and its severity or that none is recorded. */
export function ohssIndicationLabel(o: OhssRecord): IvfReason {
  return ivfReason('ivf.ohss-indication', {
    written: o.source.original ?? matchedData(o.matched),
    kind: o.kind,
    severity: o.severity.known ? o.severity.value.value : 'not-recorded',
    from: o.severity.known ? o.severity.value.from : 'none',
  });
}

/**
 * The OHSS facts the rules' indications panel reads, from the IVF cycle's OHSS model (the one home of the fact):
 * the syndrome as 'ohss', a risk of it as 'ohss-risk', each labelled with its severity or "severity not recorded".
 */
export function ohssIndicationFacts(cycle: Pick<IvfCycle, 'ohss'>): IndicationFact[] {
  return cycle.ohss.map((o) => {
    const status: RuleFactStatus = o.verificationStatus !== undefined && NOT_CONFIRMED.has(o.verificationStatus) ? 'unclear' : 'present';
    const fact: IndicationFact = { kind: o.kind === 'risk' ? 'ohss-risk' : 'ohss', status, label: ohssIndicationLabel(o), source: o.source };
    if (o.atMs !== undefined) fact.atMs = o.atMs;
    return fact;
  });
}

function ohssRiskAfterTransfer(cycle: IvfCycle, input: Pick<RecordInput, 'groups'>): IvfIndication {
  const kind = 'ohss-risk-after-transfer' as const;
  const ohss = cycle.ohss.filter((o) => o.clinicalStatus !== 'resolved' && o.clinicalStatus !== 'inactive');
  if (ohss.length === 0) {
    const incomplete = incompleteSearch(input, ['conditions']);
    return incomplete ? { kind, status: 'unknown', evidence: [], reason: incomplete } : { kind, status: 'not-found', evidence: [], reason: ivfReason('ivf.no-ohss-record') };
  }
  const evidence = ohss.map((o) => o.source);
  if (!cycle.transfer.known) return { kind, status: 'unclear', evidence, reason: ivfReason('ivf.no-transfer') };
  return { kind, status: 'found', evidence: [...evidence, cycle.transfer.value.source] };
}

function highDoseEstrogen(cycle: IvfCycle, input: Pick<RecordInput, 'groups'>): IvfIndication {
  const kind = 'high-dose-estrogen' as const;
  const estrogen = cycle.lutealSupport.filter((o) => o.drug === 'estradiol' && o.status !== 'entered-in-error' && o.status !== 'cancelled');
  if (estrogen.length === 0) {
    const incomplete = incompleteSearch(input, ['medication-requests']);
    return incomplete ? { kind, status: 'unknown', evidence: [], reason: incomplete } : { kind, status: 'not-found', evidence: [], reason: ivfReason('ivf.no-estrogen-order') };
  }
  const high = estrogen.filter((o) => HIGH_DOSE_TEXT.test(o.written));
  if (high.length) return { kind, status: 'found', evidence: high.map((o) => ({ ...o.source, matchedBy: allOf(...(o.source.matchedBy ? [o.source.matchedBy] : []), byText(HIGH_DOSE_TEXT.exec(o.written)?.[0] ?? o.written)) })) };
  return { kind, status: 'unclear', evidence: estrogen.map((o) => o.source), reason: ivfReason('ivf.estrogen-dose-not-judged') };
}

/** The source's IVF indications, each found / not found / unclear / unknown with its evidence. */
export function ivfIndications(cycle: IvfCycle, input: Pick<RecordInput, 'groups'>): IvfIndication[] {
  return [ohssRiskAfterTransfer(cycle, input), highDoseEstrogen(cycle, input)];
}
