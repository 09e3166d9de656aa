/**
 * Doses given or reported: MedicationAdministration (administered), MedicationStatement (patient-reported),
 * MedicationDispense (dispensed: not a proof of injection). Only recognised anticoagulants; bad records are excluded
 * with the reason. lastDosePerDrug picks the latest dose with a known time per drug.
 */
import { type Exclusion, type Known, known, type SourceRef, unknown } from '../types';
import { type FhirMoment, parseFhirDate } from '../time';
import { concentrationFromMedication, readDosageDose, readDoseQuantity } from './dosage';
import { recogniseUse } from './order';
import { arr, get, obj, str } from './safe';
import type { AnticoagulantDrug, DoseAmount, DoseKind, LastDose, RecordedDose, RecordedDoses } from './medicationTypes';
import { safeString } from '../text';
import { reasonParam } from '../reasons';
import { medReason, MEDICATION_VIEWS } from './medicationReasons';

const VIEW = MEDICATION_VIEWS.doses;

const KIND: Record<string, { kind: DoseKind; label: string; include: string[]; dateField: string }> = {
  MedicationAdministration: { kind: 'administered', label: 'administered', include: ['completed', 'in-progress'], dateField: 'effective' },
  MedicationStatement: { kind: 'reported', label: 'patient-reported', include: ['active', 'completed'], dateField: 'effective' },
  MedicationDispense: { kind: 'dispensed', label: 'dispensed, not a proof of injection', include: ['completed'], dateField: 'whenHandedOver' },
};

type Time = RecordedDose['time'];

function readTime(resource: unknown, resourceType: string, zone: string): Time {
  if (resourceType === 'MedicationDispense') {
    const raw = get(resource, 'whenHandedOver');
    const m = parseFhirDate(raw, zone);
    return m ? known({ ms: m.start, moment: m, from: 'whenHandedOver' }) : unknown(raw === undefined ? medReason('med.no-when-handed-over') : medReason('med.when-handed-over-not-readable', { value: safeString(raw) }));
  }
  const dtRaw = get(resource, 'effectiveDateTime');
  if (dtRaw !== undefined) {
    const m = parseFhirDate(dtRaw, zone);
    return m ? known({ ms: m.start, moment: m, from: 'effectiveDateTime' }) : unknown(medReason('med.effective-not-readable', { value: safeString(dtRaw) }));
  }
  const p = get(resource, 'effectivePeriod');
  if (obj(p)) {
    const s = parseFhirDate(get(p, 'start'), zone);
    const e = parseFhirDate(get(p, 'end'), zone);
    if (resourceType === 'MedicationStatement') {
      // A reported period: the end is the last dose the patient reports; an open period says nothing about the last dose.
      if (e) return known({ ms: e.start, moment: e, from: 'effectivePeriod.end' });
      return unknown(s ? medReason('med.reported-open-period', { since: s.original }) : medReason('med.effective-period-not-readable'));
    }
    if (s && e && e.end < s.start) return unknown(medReason('med.effective-period-reversed'));
    if (e) return known({ ms: e.start, moment: s ?? e, from: 'effectivePeriod.end', periodEnd: e });
    if (s) return known({ ms: s.start, moment: s, from: 'effectivePeriod.start' });
    return unknown(medReason('med.effective-period-not-readable'));
  }
  return unknown(medReason('med.no-effective-time'));
}

function readDose(resource: unknown, resourceType: string, medication: fhir4.Medication | undefined): Known<DoseAmount> {
  const conc = concentrationFromMedication(medication);
  if (resourceType === 'MedicationAdministration') {
    const dosage = get(resource, 'dosage');
    if (!obj(dosage)) return unknown(medReason('med.no-dosage'));
    return readDoseQuantity(get(dosage, 'dose'), conc);
  }
  const list = arr(get(resource, resourceType === 'MedicationStatement' ? 'dosage' : 'dosageInstruction')).filter((d) => obj(d));
  if (list.length === 0) return unknown(medReason('med.no-dosage'));
  return readDosageDose(list[0], conc);
}

function originalText(resource: unknown, resourceType: string): string | undefined {
  if (resourceType === 'MedicationAdministration') {
    const d = get(resource, 'dosage');
    return str(get(d, 'text')) ?? (obj(get(d, 'dose')) ? `${safeString(get(get(d, 'dose'), 'value') ?? '?')} ${safeString(get(get(d, 'dose'), 'unit') ?? get(get(d, 'dose'), 'code') ?? '')}`.trim() : undefined);
  }
  const list = arr(get(resource, resourceType === 'MedicationStatement' ? 'dosage' : 'dosageInstruction'));
  return str(get(list[0], 'text'));
}

function dateOf(resource: unknown, resourceType: string): string | undefined {
  if (resourceType === 'MedicationDispense') return str(get(resource, 'whenHandedOver'));
  return str(get(resource, 'effectiveDateTime')) ?? str(get(get(resource, 'effectivePeriod'), 'end')) ?? str(get(get(resource, 'effectivePeriod'), 'start'));
}

/** Recorded doses of anticoagulants from administrations, statements and dispenses, with exclusions. Never throws. */
export function recordedDoses(resources: fhir4.Resource[], medications: fhir4.Medication[], zone: string): RecordedDoses {
  const doses: RecordedDose[] = [];
  const exclusions: Exclusion[] = [];
  for (const r of arr(resources)) {
    const resourceType = str(get(r, 'resourceType'));
    if (!resourceType || !Object.prototype.hasOwnProperty.call(KIND, resourceType)) continue;
    const spec = KIND[resourceType]!;
    const date = dateOf(r, resourceType);
    const original = originalText(r, resourceType);
    const base: SourceRef = { resourceType, id: str(get(r, 'id')), ...(date ? { date } : {}), ...(original ? { original } : {}) };
    const use = recogniseUse(r as Parameters<typeof recogniseUse>[0], medications);
    if (!use.recognition) {
      if (use.unresolvedReason) exclusions.push({ source: base, view: VIEW, reason: medReason('med.not-identifiable', { why: reasonParam(use.unresolvedReason) }) });
      else if (!use.identifiable) exclusions.push({ source: base, view: VIEW, reason: medReason('med.no-code-no-text') });
      continue;
    }
    const source: SourceRef = { ...base, matchedBy: use.recognition.matched };
    const status = str(get(r, 'status'));
    if (!status || !spec.include.includes(status)) {
      exclusions.push({ source, view: VIEW, reason: status ? medReason('med.status-excluded', { status }) : medReason('med.no-status') });
      continue;
    }
    const dose = readDose(r, resourceType, use.medication);
    doses.push({
      kind: spec.kind,
      label: spec.label,
      drug: use.recognition.drug,
      drugClass: use.recognition.drugClass,
      recognition: use.recognition,
      status,
      time: readTime(r, resourceType, zone),
      dose,
      source: { ...source, ...(source.original ? {} : dose.known ? { original: dose.value.original } : {}) },
    });
  }
  return { doses, exclusions };
}

const KIND_RANK: Record<DoseKind, number> = { administered: 3, reported: 2, dispensed: 1 };

/** The last dose with a known time per drug (ties: administered before reported before dispensed), and the latest per kind. */
export function lastDosePerDrug(doses: RecordedDose[]): LastDose[] {
  const byDrug = new Map<AnticoagulantDrug, RecordedDose[]>();
  for (const d of arr(doses) as RecordedDose[]) {
    if (!obj(d) || typeof d.drug !== 'string') continue;
    byDrug.set(d.drug, [...(byDrug.get(d.drug) ?? []), d]);
  }
  const out: LastDose[] = [];
  for (const [drug, list] of byDrug) {
    const timed = list.filter((d): d is RecordedDose & { time: { known: true; value: { ms: number; moment: FhirMoment; from: string } } } => d.time?.known === true && Number.isFinite(d.time.value.ms));
    if (timed.length === 0) continue;
    const later = (a: RecordedDose, b: RecordedDose) => {
      const am = a.time.known ? a.time.value.ms : -Infinity;
      const bm = b.time.known ? b.time.value.ms : -Infinity;
      return am !== bm ? am > bm : KIND_RANK[a.kind] > KIND_RANK[b.kind];
    };
    let best = timed[0]!;
    const latestByKind: Partial<Record<DoseKind, RecordedDose>> = {};
    for (const d of timed) {
      if (later(d, best)) best = d;
      const cur = latestByKind[d.kind];
      if (!cur || later(d, cur)) latestByKind[d.kind] = d;
    }
    out.push({
      drug,
      drugClass: best.drugClass,
      kind: best.kind,
      ms: best.time.value.ms,
      dose: best,
      source: best.source,
      latestByKind,
      withoutTime: list.length - timed.length,
    });
  }
  return out.sort((a, b) => a.drug.localeCompare(b.drug));
}
