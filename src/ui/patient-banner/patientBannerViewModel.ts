/**
 * The patient banner's text, from a FHIR Patient: total functions, every missing field is "Unknown" (never blank,
 * never guessed). Dates use src/domain/time.ts ("3 Apr 1990", never "03/04").
 */
import { DateTime } from 'luxon';
import { formatDate, formatMoment, parseFhirDate } from '../../domain/time';

export const UNKNOWN = 'Unknown';

export interface IdentifierSummary {
  /** "MRN", or the identifier type's text, or "Identifier". */
  label: string;
  value: string;
  /** Who issued it: assigner, else the system URI; "system not stated" when neither is present. */
  system: string;
}

export interface PatientSummary {
  name: string;
  birthDate: string;
  /** The birth date as written, for <time dateTime>, when there is one. */
  birthDateIso?: string;
  age: string;
  sex: string;
  identifier: IdentifierSummary | undefined;
}

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** Identifiers never shown on screen or paper (national insurance / social security numbers). */
const HIDDEN_TYPES = new Set(['SS', 'SB', 'NI', 'NH']);
const HIDDEN_SYSTEMS = new Set(['http://hl7.org/fhir/sid/us-ssn']);

const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

/** The name to show: official, else usual, else the first one that is not marked old; text or given + family. */
export function displayName(patient: fhir4.Patient | undefined): string {
  const names = (patient?.name ?? []).filter((n) => n && (nonEmpty(n.text) || nonEmpty(n.family) || (n.given ?? []).some(nonEmpty)));
  const pick = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names.find((n) => n.use !== 'old') ?? names[0];
  if (!pick) return UNKNOWN;
  if (nonEmpty(pick.text)) return pick.text.trim();
  const parts = [...(pick.given ?? []).filter(nonEmpty), ...(nonEmpty(pick.family) ? [pick.family] : [])];
  return parts.length ? parts.join(' ') : UNKNOWN;
}

const SEX: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: UNKNOWN };

/** Patient.gender (administrative) as a word; anything else is "Unknown". */
export function displaySex(patient: fhir4.Patient | undefined): string {
  return SEX[patient?.gender ?? ''] ?? UNKNOWN;
}

/** "3 Apr 1990"; a partial date keeps its precision ("Apr 1990", "1990"); malformed or absent: "Unknown". */
export function displayBirthDate(patient: fhir4.Patient | undefined, zone: string): string {
  const m = parseFhirDate(patient?.birthDate, zone);
  if (!m) return UNKNOWN;
  return m.precision === 'day' ? formatDate(m.start, m.zone) : formatMoment(m, zone);
}

/** Completed years on `nowMs` in the zone ("34 years"); "Unknown" unless the birth date is a full, past date. */
export function displayAge(patient: fhir4.Patient | undefined, nowMs: number, zone: string): string {
  const m = parseFhirDate(patient?.birthDate, zone);
  if (!m || m.precision !== 'day') return UNKNOWN;
  // m.start is 00:00 of the birth date in m.zone (the facility zone, validated): compare calendar dates there.
  const birth = DateTime.fromMillis(m.start, { zone: m.zone });
  const today = DateTime.fromMillis(nowMs, { zone: m.zone });
  if (birth.toMillis() > today.toMillis()) return UNKNOWN;
  const years = Math.floor(today.diff(birth, 'years').years);
  if (years >= 2) return `${years} years`;
  const months = Math.floor(today.diff(birth, 'months').months);
  return months === 1 ? '1 month' : `${months} months`;
}

function isMrType(id: fhir4.Identifier): boolean {
  return (id.type?.coding ?? []).some((c) => c.code === 'MR' && (!c.system || c.system === V2_0203));
}

function isHidden(id: fhir4.Identifier): boolean {
  return (id.system !== undefined && HIDDEN_SYSTEMS.has(id.system)) || (id.type?.coding ?? []).some((c) => HIDDEN_TYPES.has(c.code ?? '') && (!c.system || c.system === V2_0203));
}

/** A system URI whose last path segment is "mrn" (e.g. https://hospital.example/sid/mrn). */
const mrnSystem = (system: string | undefined) => !!system && /(^|[/:.])mrn$/i.test(system.replace(/\/+$/, ''));

/**
 * The identifier to show: a medical record number (type MR, else a system named .../mrn), else the first other
 * usable identifier. Social security / national insurance numbers are never chosen.
 */
export function pickIdentifier(patient: fhir4.Patient | undefined): IdentifierSummary | undefined {
  const ids = (patient?.identifier ?? []).filter((i) => i && nonEmpty(i.value) && !isHidden(i) && i.use !== 'old');
  const mr = ids.find(isMrType) ?? ids.find((i) => mrnSystem(i.system));
  const pick = mr ?? ids[0];
  if (!pick) return undefined;
  const typeLabel = pick.type?.text ?? pick.type?.coding?.find((c) => nonEmpty(c.display))?.display;
  const label = mr ? 'MRN' : nonEmpty(typeLabel) ? typeLabel : 'Identifier';
  const system = nonEmpty(pick.assigner?.display) ? pick.assigner.display : nonEmpty(pick.system) ? pick.system : 'system not stated';
  return { label, value: (pick.value as string).trim(), system };
}

/** Everything the banner and the print header show. */
export function summarisePatient(patient: fhir4.Patient | undefined, nowMs: number, zone: string): PatientSummary {
  const s: PatientSummary = {
    name: displayName(patient),
    birthDate: displayBirthDate(patient, zone),
    age: displayAge(patient, nowMs, zone),
    sex: displaySex(patient),
    identifier: pickIdentifier(patient),
  };
  if (parseFhirDate(patient?.birthDate, zone)) s.birthDateIso = patient?.birthDate as string;
  return s;
}
