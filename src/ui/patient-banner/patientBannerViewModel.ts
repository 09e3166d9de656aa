/**
 * The patient banner's view model, from a FHIR Patient: total functions, every missing field is "Unknown" (never
 * blank, never guessed). Words from the catalogue (`patientBanner.*`); dates from the translator ("3 Apr 1990", never
 * "03/04").
 */
import { DateTime } from 'luxon';
import { parseFhirDate } from '../../domain/time';
import type { Messages } from '../messages/translator';

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

/** The identifier chosen, as data: an MRN, or another identifier with its type text as written. */
export interface PatientIdentifier {
  isMrn: boolean;
  typeText: string | undefined;
  value: string;
  /** Assigner, else the system URI; undefined when neither is present. */
  issuer: string | undefined;
}

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** Identifiers never shown on screen or paper (national insurance / social security numbers). */
const HIDDEN_TYPES = new Set(['SS', 'SB', 'NI', 'NH']);
const HIDDEN_SYSTEMS = new Set(['http://hl7.org/fhir/sid/us-ssn']);

const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

/** The name as written: official, else usual, else the first one not marked old; text or given + family. */
export function patientName(patient: fhir4.Patient | undefined): string | undefined {
  const names = (patient?.name ?? []).filter((n) => n && (nonEmpty(n.text) || nonEmpty(n.family) || (n.given ?? []).some(nonEmpty)));
  const pick = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names.find((n) => n.use !== 'old') ?? names[0];
  if (!pick) return undefined;
  if (nonEmpty(pick.text)) return pick.text.trim();
  const parts = [...(pick.given ?? []).filter(nonEmpty), ...(nonEmpty(pick.family) ? [pick.family] : [])];
  return parts.length ? parts.join(' ') : undefined;
}

/** The name to show, or "Unknown". */
export const displayName = (patient: fhir4.Patient | undefined, m: Messages): string => patientName(patient) ?? m.t('common.unknown');

const SEXES = ['female', 'male', 'other'] as const;

/** Patient.gender (administrative) as a word; anything else is "Unknown". */
export function displaySex(patient: fhir4.Patient | undefined, m: Messages): string {
  const g = SEXES.find((s) => s === patient?.gender);
  return g ? m.t(`patientBanner.sex.${g}`) : m.t('common.unknown');
}

/** "3 Apr 1990"; a partial date keeps its precision ("Apr 1990", "1990"); malformed or absent: "Unknown". */
export function displayBirthDate(patient: fhir4.Patient | undefined, m: Messages): string {
  const d = parseFhirDate(patient?.birthDate, m.zone);
  if (!d) return m.t('common.unknown');
  return d.precision === 'day' ? m.date(d.start) : m.moment(d);
}

/** Completed years on `nowMs` in the zone ("34 years"); "Unknown" unless the birth date is a full, past date. */
export function displayAge(patient: fhir4.Patient | undefined, nowMs: number, m: Messages): string {
  const d = parseFhirDate(patient?.birthDate, m.zone);
  if (!d || d.precision !== 'day') return m.t('common.unknown');
  // d.start is 00:00 of the birth date in d.zone (the facility zone, validated): compare calendar dates there.
  const birth = DateTime.fromMillis(d.start, { zone: d.zone });
  const today = DateTime.fromMillis(nowMs, { zone: d.zone });
  if (birth.toMillis() > today.toMillis()) return m.t('common.unknown');
  const years = Math.floor(today.diff(birth, 'years').years);
  if (years >= 2) return m.t('patientBanner.age.years', { n: years });
  return m.t('duration.months', { n: Math.floor(today.diff(birth, 'months').months) });
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
export function patientIdentifier(patient: fhir4.Patient | undefined): PatientIdentifier | undefined {
  const ids = (patient?.identifier ?? []).filter((i) => i && nonEmpty(i.value) && !isHidden(i) && i.use !== 'old');
  const mr = ids.find(isMrType) ?? ids.find((i) => mrnSystem(i.system));
  const pick = mr ?? ids[0];
  if (!pick) return undefined;
  const typeText = pick.type?.text ?? pick.type?.coding?.find((c) => nonEmpty(c.display))?.display;
  const issuer = nonEmpty(pick.assigner?.display) ? pick.assigner.display : nonEmpty(pick.system) ? pick.system : undefined;
  return { isMrn: mr !== undefined, typeText: nonEmpty(typeText) ? typeText : undefined, value: (pick.value as string).trim(), issuer };
}

/** The label of an identifier: "MRN", its type as written, or "Identifier". */
export const identifierLabel = (id: PatientIdentifier, m: Messages): string =>
  id.isMrn ? m.t('patientBanner.mrn') : (id.typeText ?? m.t('patientBanner.identifier'));

/** The identifier to show with its label and issuer ("system not stated" when none). */
export function pickIdentifier(patient: fhir4.Patient | undefined, m: Messages): IdentifierSummary | undefined {
  const id = patientIdentifier(patient);
  if (!id) return undefined;
  return { label: identifierLabel(id, m), value: id.value, system: id.issuer ?? m.t('patientBanner.systemNotStated') };
}

/** Everything the banner and the print header show. */
export function summarisePatient(patient: fhir4.Patient | undefined, nowMs: number, m: Messages): PatientSummary {
  const s: PatientSummary = {
    name: displayName(patient, m),
    birthDate: displayBirthDate(patient, m),
    age: displayAge(patient, nowMs, m),
    sex: displaySex(patient, m),
    identifier: pickIdentifier(patient, m),
  };
  if (parseFhirDate(patient?.birthDate, m.zone)) s.birthDateIso = patient?.birthDate as string;
  return s;
}

/** The line printed at the top of every page: whose record, and when it was printed. */
export function printHeaderLine(summary: PatientSummary | undefined, printedAt: string, m: Messages): string {
  const unknown = m.t('common.unknown');
  return m.t('patientBanner.printLine', {
    name: summary?.name ?? unknown,
    birthDate: summary?.birthDate ?? unknown,
    idLabel: summary?.identifier?.label ?? m.t('patientBanner.mrn'),
    idValue: summary?.identifier?.value ?? unknown,
    printedAt,
  });
}
