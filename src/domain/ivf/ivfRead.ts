/** Small total readers shared by the IVF files: drug groups, codes with labels, times, group completeness. */
import { reason } from '../reasons';
import { parseFhirDate, type FhirMoment } from '../time';
import { SYSTEMS, unknown, type Known, type SourceRef } from '../types';
import type { QueryGroup, RecordInput } from '../input';
import { codingsOf, isObject, str, textsOf, type SimpleCoding } from '../events/fhirRead';
import { recogniseOtherRelevant, resolveMedication, type MedicationUse } from '../medication';
import { CODE_LABEL, type DrugGroup } from './ivfCodes';
import type { IvfReason, IvfReasonCode, IvfRecognisedBy } from './ivfTypes';
import { byCode, byText, type MatchedBy } from '../matchedBy';

export const ivfReason = (code: IvfReasonCode, params?: Parameters<typeof reason>[1]): IvfReason => reason(code, params);
export const unknownBecause = <T>(code: IvfReasonCode, params?: Parameters<typeof reason>[1]): Known<T> => unknown(ivfReason(code, params));

export interface Match {
  recognisedBy: IvfRecognisedBy;
  matched: MatchedBy;
}

const BY: Readonly<Record<string, IvfRecognisedBy>> = {
  [SYSTEMS.snomed]: 'snomed',
  [SYSTEMS.loinc]: 'loinc',
  [SYSTEMS.atc]: 'atc',
  [SYSTEMS.rxnorm]: 'rxnorm',
  [SYSTEMS.icd10cm]: 'icd10',
  [SYSTEMS.icd10]: 'icd10',
};

/** The first coding in `system` whose code is in `codes`, as a labelled match. */
export function codeMatch(codings: SimpleCoding[], system: string, codes: readonly string[]): Match | undefined {
  const c = codings.find((x) => x.system === system && x.code !== undefined && codes.includes(x.code));
  if (!c?.code) return undefined;
  return { recognisedBy: BY[system] ?? 'text', matched: byCode(CODE_LABEL[system] ?? system, c.code) };
}

/** A text pattern over texts, as a labelled fallback match. */
export function textMatch(texts: readonly string[], pattern: RegExp): Match | undefined {
  for (const t of texts) {
    const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(t);
    if (m) return { recognisedBy: 'text', matched: byText(m[0]) };
  }
  return undefined;
}

/** The concept and Medication of a medication use, for matching. */
function medicationConcepts(resource: MedicationUse, medications: fhir4.Medication[]): { codings: SimpleCoding[]; texts: string[] } {
  const res = resolveMedication(resource, medications);
  if (!res.resolved) return { codings: [], texts: res.display ? [res.display] : [] };
  return { codings: codingsOf(res.concept, res.medication?.code), texts: textsOf(res.concept, res.medication?.code) };
}

/** Whether a MedicationRequest/Administration/Dispense is of a drug group: codes first, then text. */
export function drugMatch(resource: MedicationUse, medications: fhir4.Medication[], group: DrugGroup): Match | undefined {
  const { codings, texts } = medicationConcepts(resource, medications);
  return codeMatch(codings, SYSTEMS.atc, group.atc) ?? codeMatch(codings, SYSTEMS.rxnorm, group.rxnorm) ?? textMatch(texts, group.text);
}

/** Estradiol by the medication module's recognition (its codes and names), as a labelled match. */
export function estradiolMatch(resource: MedicationUse, medications: fhir4.Medication[]): Match | undefined {
  const res = resolveMedication(resource, medications);
  if (!res.resolved) return undefined;
  const rec = recogniseOtherRelevant(res.concept, res.medication);
  return rec?.drug === 'estradiol' ? { recognisedBy: rec.recognisedBy, matched: rec.matched } : undefined;
}

/** A matcher of medication records: a drug group of this module, or the medication module's estradiol. */
export type DrugMatcher = (resource: MedicationUse, medications: fhir4.Medication[]) => Match | undefined;
export const groupMatcher =
  (group: DrugGroup): DrugMatcher =>
  (resource, medications) =>
    drugMatch(resource, medications, group);

/** The first readable moment among candidate values. */
export function firstMoment(values: unknown[], zone: string): FhirMoment | undefined {
  for (const v of values) {
    const m = parseFhirDate(v, zone);
    if (m) return m;
  }
  return undefined;
}

/** When a Procedure was performed (performedDateTime, performedPeriod.start). */
export function performedMoment(p: Record<string, unknown>, zone: string): FhirMoment | undefined {
  const period = isObject(p.performedPeriod) ? p.performedPeriod : {};
  return firstMoment([p.performedDateTime, period.start], zone);
}

/** When an Observation was taken (effective[x]; issued only when there is no effective time). */
export function observedMoment(o: Record<string, unknown>, zone: string): FhirMoment | undefined {
  const period = isObject(o.effectivePeriod) ? o.effectivePeriod : {};
  const hasEffective = ['effectiveDateTime', 'effectiveInstant', 'effectivePeriod'].some((k) => o[k] !== undefined);
  return firstMoment([o.effectiveDateTime, o.effectiveInstant, period.start, period.end, ...(hasEffective ? [] : [o.issued])], zone);
}

/** The written date of a resource for its SourceRef. */
export function writtenDate(m: FhirMoment | undefined): string | undefined {
  return m?.original;
}

/** The first group among `groups` that is not complete, as a reason; undefined when all are complete. */
export function incompleteSearch(input: Pick<RecordInput, 'groups'>, groups: readonly QueryGroup[]): IvfReason | undefined {
  const bad = groups.find((g) => input.groups[g] !== undefined && input.groups[g].status !== 'complete');
  return bad ? ivfReason('ivf.search-incomplete', { group: bad, status: input.groups[bad].status }) : undefined;
}

/** A SourceRef with the match and original text. */
export function refOf(r: { resourceType?: unknown; id?: unknown }, date: string | undefined, original: string | undefined, matchedBy: MatchedBy | undefined): SourceRef {
  const ref: SourceRef = { resourceType: str(r.resourceType) ?? 'Unknown', id: str(r.id), ...(matchedBy ? { matchedBy } : {}) };
  if (date !== undefined) ref.date = date;
  if (original !== undefined) ref.original = original;
  return ref;
}
