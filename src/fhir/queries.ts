/**
 * Exactly the searches the app needs, per query group, as paths relative to the FHIR base. Shapes that every sandbox
 * in docs/sandboxes.md accepts:
 * - `patient=<id>` on every search (Oracle requires patient/subject/_id; Epic accepts it).
 * - Observation searches always carry `code` (Epic: "Must have either code or category."); labs add
 *   `category=laboratory`, weight `category=vital-signs`. Pregnancy dating observations are searched by code only,
 *   because they are recorded as exam, survey or without category, and Epic rejects those categories.
 * - Long code lists are split so URLs stay modest (each code is system-qualified).
 * - Appointment carries a date range (Oracle: 400 "no supported search parameters provided" without one).
 * - `_include` only where the CapabilityStatement advertises it (Oracle refuses `_include`).
 */
import { OBSERVATION_QUERY_CODES } from '../domain/codes';
import type { QueryGroup } from '../domain/input';

export const LOINC = 'http://loinc.org';

export interface SearchSpec {
  group: QueryGroup;
  resourceType: string;
  /** Path relative to the FHIR base, e.g. `Observation?patient=1&category=laboratory&code=...`. */
  path: string;
}

export interface QueryPlanOptions {
  now: number;
  /** The server advertises `_include=MedicationRequest:medication`. */
  includeMedication: boolean;
  /** The server advertises `_include=DiagnosticReport:result`. */
  includeReportResults: boolean;
  /** Codes per Observation search (default 10: about 350 characters of query). */
  maxCodesPerSearch?: number;
}

const DAY = 86_400_000;
/** Appointment window: two years back (a recent caesarean, earlier plans) to one year ahead (planned delivery). */
export const APPOINTMENT_WINDOW = { backDays: 730, aheadDays: 365 } as const;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `ge`/`le` instants (second precision, UTC: Oracle wants a time component) for the Appointment search. */
export function appointmentDateRange(now: number): { from: string; to: string } {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { from: iso(now - APPOINTMENT_WINDOW.backDays * DAY), to: iso(now + APPOINTMENT_WINDOW.aheadDays * DAY) };
}

/** A token list: values encoded, commas (the OR separator) kept literal. */
function tokenList(system: string, codes: readonly string[]): string {
  return codes.map((c) => encodeURIComponent(`${system}|${c}`)).join(',');
}

function uniq(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

export function buildSearches(patientId: string, options: QueryPlanOptions): SearchSpec[] {
  const p = `patient=${encodeURIComponent(patientId)}`;
  const size = options.maxCodesPerSearch ?? 10;
  const specs: SearchSpec[] = [];
  const observations = (group: QueryGroup, codes: readonly string[], category?: string) => {
    for (const part of chunk(uniq(codes), size)) {
      const cat = category ? `&category=${category}` : '';
      specs.push({ group, resourceType: 'Observation', path: `Observation?${p}${cat}&code=${tokenList(LOINC, part)}` });
    }
  };
  observations('observations-ddimer', OBSERVATION_QUERY_CODES.ddimer, 'laboratory');
  observations('observations-coagulation', OBSERVATION_QUERY_CODES.coagulation, 'laboratory');
  observations('observations-findings', OBSERVATION_QUERY_CODES.findings, 'laboratory');
  observations('observations-weight', OBSERVATION_QUERY_CODES.weight, 'vital-signs');
  observations('observations-pregnancy', OBSERVATION_QUERY_CODES.pregnancy);

  const simple = (group: QueryGroup, resourceType: string, extra = '') => specs.push({ group, resourceType, path: `${resourceType}?${p}${extra}` });
  simple('diagnostic-reports', 'DiagnosticReport', `&category=LAB${options.includeReportResults ? '&_include=DiagnosticReport:result' : ''}`);
  simple('medication-requests', 'MedicationRequest', options.includeMedication ? '&_include=MedicationRequest:medication' : '');
  simple('medication-administrations', 'MedicationAdministration');
  simple('medication-statements', 'MedicationStatement');
  simple('medication-dispenses', 'MedicationDispense');
  simple('procedures', 'Procedure');
  simple('service-requests', 'ServiceRequest');
  const range = appointmentDateRange(options.now);
  simple('appointments', 'Appointment', `&date=ge${range.from}&date=le${range.to}`);
  simple('encounters', 'Encounter');
  simple('conditions', 'Condition');
  simple('allergies', 'AllergyIntolerance');
  return specs;
}

/** Does the CapabilityStatement advertise this `_include` for this type (`*` counts)? Absent statement: no. */
export function supportsInclude(capability: unknown, resourceType: string, include: string): boolean {
  if (typeof capability !== 'object' || capability === null) return false;
  const cs = capability as fhir4.CapabilityStatement;
  if (cs.resourceType !== 'CapabilityStatement') return false;
  return (cs.rest ?? [])
    .filter((r) => r.mode === 'server')
    .some((r) => (r.resource ?? []).some((res) => res.type === resourceType && (res.searchInclude ?? []).some((i) => i === '*' || i === include)));
}

/** Every LOINC code the app reads Observations for. */
export const WANTED_OBSERVATION_CODES: ReadonlySet<string> = new Set(Object.values(OBSERVATION_QUERY_CODES).flat());

export function hasWantedCode(observation: fhir4.Observation): boolean {
  return (observation.code?.coding ?? []).some((c) => c.system === LOINC && c.code !== undefined && WANTED_OBSERVATION_CODES.has(c.code));
}
