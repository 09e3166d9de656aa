/**
 * Total readers over possibly malformed Observations: codings, status, time, value, SourceRef. Shared by the D-dimer
 * and coagulation normalisers and by findings. Nothing here throws on wrong types; it answers undefined or unknown.
 */
import { parseFhirDate, type FhirMoment } from '../time';
import { SYSTEMS, known, unknown, type Known, type SourceRef } from '../types';
import type { Comparator, OriginalValue, ResultStatusMark } from './labTypes';
import { safeString } from '../text';
import type { Reason } from '../reasons';
import { labReason } from './labReasons';
import type { MatchedBy } from '../matchedBy';

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object elements of an array; [] for anything else. */
export function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** A non-empty trimmed string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Codes of a CodeableConcept in one system. */
export function codesIn(concept: unknown, system: string): string[] {
  if (!isRecord(concept)) return [];
  return records(concept.coding)
    .filter((c) => c.system === system)
    .map((c) => str(c.code))
    .filter((c): c is string => c !== undefined);
}

/** code.text and every coding display of a CodeableConcept, joined for a text match. */
export function conceptText(concept: unknown): string {
  if (!isRecord(concept)) return '';
  const parts = [str(concept.text), ...records(concept.coding).map((c) => str(c.display))];
  return parts.filter((p): p is string => p !== undefined).join(' | ');
}

/** Short readable label of a CodeableConcept: text, else first display, else first code. */
export function conceptLabel(concept: unknown): string | undefined {
  if (!isRecord(concept)) return undefined;
  const codings = records(concept.coding);
  return str(concept.text) ?? codings.map((c) => str(c.display)).find(Boolean) ?? codings.map((c) => str(c.code)).find(Boolean);
}

/** Observation status read for display; 'excluded' (with the reason) for entered-in-error and cancelled. */
export function readStatus(obs: Record<string, unknown>): { mark: ResultStatusMark } | { excluded: Reason } {
  const s = obs.status;
  if (s === 'entered-in-error' || s === 'cancelled') return { excluded: labReason('lab.status-excluded', { status: s }) };
  if (s === 'final' || s === 'preliminary' || s === 'amended' || s === 'corrected' || s === 'registered') return { mark: s };
  return { mark: 'unknown' };
}

/**
 * A result time taken from Observation.issued because the Observation has no effective[x]: the SourceRef says so
 * (`dateFrom: 'issued'`, labelled by the UI) and a result's notes say it with this reason.
 */
export const ISSUED_TIME_REASON: Reason = labReason('lab.time-from-issued');

/** True when the Observation carries any effective[x] element (readable or not). */
function hasEffective(obs: Record<string, unknown>): boolean {
  return Object.keys(obs).some((k) => k.startsWith('effective') && obs[k] !== undefined && obs[k] !== null);
}

/**
 * When the result was taken: effectiveDateTime, effectiveInstant or effectivePeriod.start (else .end), from
 * 'effective'. Only when the Observation has NO effective[x] at all, issued (the report time) is used instead, from
 * 'issued': callers label it (ISSUED_TIME_REASON, SourceRef.dateFrom). An effective[x] that is present but unreadable is not replaced.
 */
export function readResultTime(obs: Record<string, unknown>, zone: string): { time: FhirMoment; from: 'effective' | 'issued' } | undefined {
  const p = isRecord(obs.effectivePeriod) ? obs.effectivePeriod : undefined;
  for (const v of [obs.effectiveDateTime, obs.effectiveInstant, p?.start, p?.end]) {
    const m = parseFhirDate(v, zone);
    if (m) return { time: m, from: 'effective' };
  }
  if (hasEffective(obs)) return undefined;
  const issued = parseFhirDate(obs.issued, zone);
  return issued ? { time: issued, from: 'issued' } : undefined;
}

/** The clinically relevant time: effective[x], else (no effective[x] at all) issued; see readResultTime. */
export function readEffective(obs: Record<string, unknown>, zone: string): FhirMoment | undefined {
  return readResultTime(obs, zone)?.time;
}

/**
 * The effective date as written (for SourceRef.date), if it is a string; else, when the Observation has no
 * effective[x], issued as written (sourceOf then marks the source `dateFrom: 'issued'`).
 */
export function effectiveText(obs: Record<string, unknown>): string | undefined {
  const p = isRecord(obs.effectivePeriod) ? obs.effectivePeriod : undefined;
  const effective = [obs.effectiveDateTime, obs.effectiveInstant, p?.start, p?.end].map(str).find(Boolean);
  if (effective !== undefined || hasEffective(obs)) return effective;
  const issued = str(obs.issued);
  return issued;
}

/** SourceRef for any resource-like object. */
export function sourceOf(res: Record<string, unknown>, date: string | undefined, original: string | undefined, matchedBy?: MatchedBy): SourceRef {
  const ref: SourceRef = { resourceType: str(res.resourceType) ?? 'unknown', id: str(res.id) };
  if (date !== undefined) ref.date = date;
  if (date !== undefined && !hasEffective(res) && date === str(res.issued)) ref.dateFrom = 'issued';
  if (original !== undefined) ref.original = original;
  if (matchedBy !== undefined) ref.matchedBy = matchedBy;
  return ref;
}

const COMPARATORS: Record<string, Comparator> = { '<': '<', '<=': '<=', '>=': '>=', '>': '>', '≤': '<=', '≥': '>=' };

/** A numeric value read from valueQuantity, a numeric valueString or valueInteger. */
export interface ReadNumber {
  value: number;
  comparator?: Comparator;
  comparatorFrom?: 'quantity' | 'value-string';
  unitText?: string;
  unitCode?: string;
  unitSystem?: string;
  original: OriginalValue;
}

/** What an Observation's value[x] is. */
export type ReadValue =
  | { kind: 'number'; n: ReadNumber }
  | { kind: 'text'; text: string; original: OriginalValue }
  | { kind: 'coded'; concept: Record<string, unknown>; text: string; original: OriginalValue }
  | { kind: 'none'; reason: Reason };

const NUMERIC_STRING = /^\s*(<=|>=|<|>|≤|≥)?\s*([+-]?\d+(?:\.\d+)?)\s*(.*?)\s*$/;

function fmt(n: number): string {
  return safeString(n);
}

/** The readable unit parts of a valueQuantity, copied onto a target only when present. */
function withUnitParts<T extends { unit?: string; code?: string; system?: string }>(target: T, q: Record<string, unknown>): T {
  const unit = str(q.unit);
  const code = str(q.code);
  const system = str(q.system);
  if (unit !== undefined) target.unit = unit;
  if (code !== undefined) target.code = code;
  if (system !== undefined) target.system = system;
  return target;
}

/** valueQuantity: a finite value with a readable comparator, else 'none' with the reason. */
function readQuantity(q: Record<string, unknown>): ReadValue {
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    return { kind: 'none', reason: q.value === undefined ? labReason('lab.no-value') : labReason('lab.value-not-finite', { written: describe(q.value) }) };
  }
  const rawComp = q.comparator;
  const comparator = typeof rawComp === 'string' ? COMPARATORS[rawComp] : undefined;
  if (rawComp !== undefined && comparator === undefined) return { kind: 'none', reason: labReason('lab.comparator-not-readable', { written: describe(rawComp) }) };
  const shownUnit = str(q.unit) ?? str(q.code);
  const original = withUnitParts<OriginalValue>({ value: q.value, text: `${comparator ?? ''}${fmt(q.value)}${shownUnit ? ` ${shownUnit}` : ''}` }, q);
  const parts = withUnitParts<{ unit?: string; code?: string; system?: string }>({}, q);
  const n: ReadNumber = { value: q.value, original };
  if (comparator) {
    n.comparator = comparator;
    n.comparatorFrom = 'quantity';
  }
  if (parts.unit !== undefined) n.unitText = parts.unit;
  if (parts.code !== undefined) n.unitCode = parts.code;
  if (parts.system !== undefined) n.unitSystem = parts.system;
  return { kind: 'number', n };
}

/** valueString: a number with an optional comparator and unit ("<0.27 mg/L"), else the text itself. */
function readValueString(raw: string): ReadValue {
  const s = raw.trim();
  if (s === '') return { kind: 'none', reason: labReason('lab.no-value-empty-text') };
  const m = NUMERIC_STRING.exec(s);
  const value = m ? Number(m[2]) : NaN;
  if (!m || !Number.isFinite(value)) return { kind: 'text', text: s, original: { text: s } };
  const unit = str(m[3]);
  const original: OriginalValue = { value, text: s };
  if (unit !== undefined) original.unit = unit;
  const n: ReadNumber = { value, original };
  const comparator = m[1] ? COMPARATORS[m[1]] : undefined;
  if (comparator) {
    n.comparator = comparator;
    n.comparatorFrom = 'value-string';
  }
  if (unit !== undefined) n.unitText = unit;
  return { kind: 'number', n };
}

/** No readable value[x]: why (data absent with its reason, an unreadable value element, or nothing). */
function noValue(obs: Record<string, unknown>): ReadValue {
  if (obs.dataAbsentReason !== undefined) {
    const why = conceptLabel(obs.dataAbsentReason);
    return { kind: 'none', reason: why ? labReason('lab.no-value-data-absent', { why }) : labReason('lab.no-value') };
  }
  const other = Object.keys(obs).find((k) => k.startsWith('value'));
  return { kind: 'none', reason: other ? labReason('lab.no-value-element-not-readable', { element: other }) : labReason('lab.no-value') };
}

/** Reads value[x]; 'none' with a reason for dataAbsentReason, a missing value or an unreadable one. */
export function readValue(obs: Record<string, unknown>): ReadValue {
  if (isRecord(obs.valueQuantity)) return readQuantity(obs.valueQuantity);
  if (typeof obs.valueString === 'string') return readValueString(obs.valueString);
  if (typeof obs.valueInteger === 'number' && Number.isFinite(obs.valueInteger)) {
    return { kind: 'number', n: { value: obs.valueInteger, original: { value: obs.valueInteger, text: fmt(obs.valueInteger) } } };
  }
  if (isRecord(obs.valueCodeableConcept)) {
    const text = conceptLabel(obs.valueCodeableConcept);
    // A coded value with neither text, display nor code says nothing readable: no value, with that reason.
    if (text === undefined) return { kind: 'none', reason: labReason('lab.no-value-element-not-readable', { element: 'valueCodeableConcept' }) };
    return { kind: 'coded', concept: obs.valueCodeableConcept, text, original: { text } };
  }
  if (typeof obs.valueBoolean === 'boolean') return { kind: 'text', text: safeString(obs.valueBoolean), original: { text: safeString(obs.valueBoolean) } };
  return noValue(obs);
}

/** A short, safe description of an unexpected value for a reason text. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}...` : v}'`;
  if (typeof v === 'number') return safeString(v);
  if (v === null) return 'null';
  return typeof v;
}

/** A CodeableConcept rebuilt from its well-typed parts only (string system/code/display, string text). */
function cleanConcept(v: unknown): fhir4.CodeableConcept | undefined {
  if (!isRecord(v)) return undefined;
  const coding = records(v.coding).flatMap((c) => {
    const out: fhir4.Coding = {};
    if (typeof c.system === 'string') out.system = c.system;
    if (typeof c.code === 'string') out.code = c.code;
    if (typeof c.display === 'string') out.display = c.display;
    return Object.keys(out).length ? [out] : [];
  });
  const concept: fhir4.CodeableConcept = {};
  if (coding.length) concept.coding = coding;
  if (typeof v.text === 'string') concept.text = v.text;
  return Object.keys(concept).length ? concept : undefined;
}

/** A Quantity rebuilt from its well-typed parts only (a finite value; string unit, system, code, comparator). */
function cleanQuantity(v: unknown): fhir4.Quantity | undefined {
  if (!isRecord(v)) return undefined;
  const q: fhir4.Quantity = {};
  if (typeof v.value === 'number' && Number.isFinite(v.value)) q.value = v.value;
  if (typeof v.unit === 'string') q.unit = v.unit;
  if (typeof v.system === 'string') q.system = v.system;
  if (typeof v.code === 'string') q.code = v.code;
  if (v.comparator === '<' || v.comparator === '<=' || v.comparator === '>=' || v.comparator === '>') q.comparator = v.comparator;
  return Object.keys(q).length ? q : undefined;
}

/**
 * Reference ranges and interpretations, rebuilt from their well-typed parts: they travel to the UI with every
 * result, so a malformed element (a NaN, a number where a list belongs) must not reach it.
 */
export function rangesAndInterpretation(obs: Record<string, unknown>): {
  referenceRange: fhir4.ObservationReferenceRange[];
  interpretation: fhir4.CodeableConcept[];
} {
  const referenceRange = records(obs.referenceRange).flatMap((r) => {
    const out: fhir4.ObservationReferenceRange = {};
    const low = cleanQuantity(r.low);
    const high = cleanQuantity(r.high);
    const type = cleanConcept(r.type);
    const appliesTo = records(r.appliesTo).map(cleanConcept).filter((c): c is fhir4.CodeableConcept => c !== undefined);
    if (low) out.low = low;
    if (high) out.high = high;
    if (type) out.type = type;
    if (appliesTo.length) out.appliesTo = appliesTo;
    if (typeof r.text === 'string') out.text = r.text;
    return Object.keys(out).length ? [out] : [];
  });
  const interpretation = records(obs.interpretation).map(cleanConcept).filter((c): c is fhir4.CodeableConcept => c !== undefined);
  return { referenceRange, interpretation };
}

/** LOINC codes on Observation.code. */
export function loincCodes(obs: Record<string, unknown>): string[] {
  return codesIn(obs.code, SYSTEMS.loinc);
}

/** Known finite number, or unknown. */
export function finite(v: number, reason: Reason): Known<number> {
  return Number.isFinite(v) ? known(v) : unknown(reason);
}
