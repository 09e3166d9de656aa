/**
 * Exactly the searches the app needs, per query group, as paths relative to the FHIR base. Shapes that every sandbox
 * in docs/sandboxes.md accepts:
 * - `patient=<id>` on every search (Oracle requires patient/subject/_id; Epic accepts it).
 * - Observation searches always carry `code` (Epic: "Must have either code or category."); labs add
 *   `category=laboratory`, weight `category=vital-signs`. Pregnancy dating observations are searched by code only,
 *   because they are recorded as exam, survey or without category, and Epic rejects those categories.
 * - Code lists are as long as a URL allows (about 2,000 characters with the base, measured), so few searches run.
 * - Newest first (`_sort=-<the type's date parameter>`) where the statement lists that parameter for the type, and
 *   `_count` as large as the loader asks (servers cap it); a 400 on the first page retries without both.
 * - No search of a type the CapabilityStatement leaves out; no `category` where the type does not list it.
 * - Appointment carries a date range (Oracle: 400 "no supported search parameters provided" without one).
 * - `_include` only where the CapabilityStatement advertises it (Oracle refuses `_include`).
 */
import { OBSERVATION_QUERY_CODES } from '../domain/codes';
import { EMBRYO_AGE_LOCAL_CODE, IVF_LOCAL_SYSTEM, IVF_OBSERVATION_LOINC } from '../domain/ivf/ivfCodes';
import { QUERY_GROUPS, type QueryGroup } from '../domain/input';
import { FIRST_SCREEN_READS } from '../domain/plan/firstScreenReads';
import type { ServerCapabilities } from './capabilities';

export const LOINC = 'http://loinc.org';

/**
 * The LOINC codes searched per Observation group. The IVF cycle's codes (hCG, pregnancy status, ultrasound dating,
 * estradiol) join the pregnancy group: they are recorded as laboratory, exam or without category.
 */
export const OBSERVATION_SEARCH_CODES: Readonly<Record<'ddimer' | 'coagulation' | 'findings' | 'weight' | 'pregnancy', readonly string[]>> = {
  ...OBSERVATION_QUERY_CODES,
  pregnancy: [...new Set([...OBSERVATION_QUERY_CODES.pregnancy, ...IVF_OBSERVATION_LOINC])],
};

/** Observation codes of other systems the app reads: the embryo age at transfer (the app's local IVF code). */
export const LOCAL_OBSERVATION_CODES: readonly { system: string; code: string }[] = [{ system: IVF_LOCAL_SYSTEM, code: EMBRYO_AGE_LOCAL_CODE }];

export interface SearchSpec {
  group: QueryGroup;
  resourceType: string;
  /** Path relative to the FHIR base, e.g. `Observation?patient=1&category=laboratory&code=...`. */
  path: string;
  /** Queue priority (lower first): what the first screen needs goes first. */
  priority: number;
  /** Plainer paths to try when the server answers the first page with 400 (without `_sort` and `_count`). */
  fallbackPaths: string[];
  /** The path asks for the newest first. */
  newestFirst: boolean;
  /** False when the CapabilityStatement says the server does not search this type: not sent. */
  offered: boolean;
}

export interface QueryPlanOptions {
  now: number;
  /** The server advertises `_include=MedicationRequest:medication`. */
  includeMedication: boolean;
  /** The server advertises `_include=DiagnosticReport:result`. */
  includeReportResults: boolean;
  /** An upper bound on codes per Observation search (default: only the URL length bounds it). */
  maxCodesPerSearch?: number;
  /** Longest URL, base included (default 2,000 characters). */
  maxUrlLength?: number;
  /** The FHIR base URL, to measure URL lengths (default: none, i.e. paths alone are measured). */
  baseUrl?: string;
  /** `_count` to ask for (default: none sent). */
  pageSize?: number;
  /** What the server's CapabilityStatement says (default: nothing known; no `_sort`). */
  capabilities?: ServerCapabilities;
}

const DAY = 86_400_000;
export const DEFAULT_MAX_URL_LENGTH = 2000;
/** Appointment window: two years back (a recent caesarean, earlier plans) to one year ahead (planned delivery). */
export const APPOINTMENT_WINDOW = { backDays: 730, aheadDays: 365 } as const;

/** Each type's date search parameter, used to ask for the newest first. */
export const DATE_PARAM: Readonly<Record<string, string>> = {
  Observation: 'date',
  DiagnosticReport: 'date',
  MedicationRequest: 'authoredon',
  MedicationAdministration: 'effective-time',
  MedicationStatement: 'effective',
  MedicationDispense: 'whenhandedover',
  Procedure: 'date',
  ServiceRequest: 'authored',
  Appointment: 'date',
  Encounter: 'date',
  Condition: 'recorded-date',
  AllergyIntolerance: 'date',
};

/**
 * Lower first: the Patient, then what the first screen reads (FIRST_SCREEN_READS: orders, doses, planned events,
 * dating, weight, conditions), then the lab results and allergies, then the lab report members (read after every
 * Observation search anyway).
 */
export const GROUP_PRIORITY: Readonly<Record<QueryGroup, number>> = Object.fromEntries(
  QUERY_GROUPS.map((g) => [g, g === 'patient' ? 0 : g === 'diagnostic-reports' ? 3 : FIRST_SCREEN_READS.includes(g) ? 1 : 2]),
) as Record<QueryGroup, number>;

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
/** `system|code` tokens joined as one OR list (commas literal, each token encoded). */
function tokenList(tokens: readonly string[]): string {
  return tokens.map((t) => encodeURIComponent(t)).join(',');
}

const loinc = (codes: readonly string[]): string[] => codes.map((c) => `${LOINC}|${c}`);

/**
 * Splits codes into runs whose URL (`urlFor(run)`, base included) stays within `maxLength`, each run at most
 * `maxCodes` long. A single code longer than the limit still gets its own search.
 */
export function packCodes(codes: readonly string[], urlFor: (run: readonly string[]) => string, maxLength: number, maxCodes = Infinity): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const code of new Set(codes)) {
    const candidate = [...run, code];
    if (run.length > 0 && (candidate.length > maxCodes || urlFor(candidate).length > maxLength)) {
      runs.push(run);
      run = [code];
    } else run = candidate;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

interface SpecShape {
  group: QueryGroup;
  resourceType: string;
  /** Filters (patient, category, code, date, _include), already encoded. */
  filters: string[];
}

/** Adds `_sort`/`_count` where they fit and the plain fallback. */
function finishSpec(shape: SpecShape, options: QueryPlanOptions): SearchSpec {
  const { resourceType: type } = shape;
  const caps = options.capabilities;
  const dateParam = DATE_PARAM[type];
  // Servers rarely list `_sort` itself; a listed date parameter is taken as sortable, and a 400 falls back.
  const newestFirst = !!dateParam && caps?.offersParam(type, dateParam) === true;
  const extras = [...(newestFirst ? [`_sort=-${dateParam}`] : []), ...(options.pageSize ? [`_count=${options.pageSize}`] : [])];
  const plain = `${type}?${shape.filters.join('&')}`;
  return {
    group: shape.group,
    resourceType: type,
    path: extras.length ? `${plain}&${extras.join('&')}` : plain,
    priority: GROUP_PRIORITY[shape.group],
    fallbackPaths: extras.length ? [plain] : [],
    newestFirst,
    offered: caps?.offersSearch(type) ?? true,
  };
}

/** `category=<code>` unless the statement lists the type's parameters without `category`. */
function categoryFilter(type: string, code: string | undefined, options: QueryPlanOptions): string[] {
  if (!code || options.capabilities?.offersParam(type, 'category') === false) return [];
  return [`category=${code}`];
}

function observationSpecs(patientFilter: string, options: QueryPlanOptions): SearchSpec[] {
  const maxLength = options.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH;
  const base = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/` : '';
  const specs: SearchSpec[] = [];
  const add = (group: QueryGroup, tokens: readonly string[], category?: string) => {
    const filters = (run: readonly string[]) => [patientFilter, ...categoryFilter('Observation', category, options), `code=${tokenList(run)}`];
    const urlFor = (run: readonly string[]) => base + finishSpec({ group, resourceType: 'Observation', filters: filters(run) }, options).path;
    for (const run of packCodes(tokens, urlFor, maxLength, options.maxCodesPerSearch)) {
      specs.push(finishSpec({ group, resourceType: 'Observation', filters: filters(run) }, options));
    }
  };
  add('observations-ddimer', loinc(OBSERVATION_SEARCH_CODES.ddimer), 'laboratory');
  add('observations-coagulation', loinc(OBSERVATION_SEARCH_CODES.coagulation), 'laboratory');
  add('observations-findings', loinc(OBSERVATION_SEARCH_CODES.findings), 'laboratory');
  add('observations-weight', loinc(OBSERVATION_SEARCH_CODES.weight), 'vital-signs');
  // The app's local IVF codes ride in the same OR list (a token list may mix systems): one search fewer.
  add('observations-pregnancy', [...loinc(OBSERVATION_SEARCH_CODES.pregnancy), ...LOCAL_OBSERVATION_CODES.map((c) => `${c.system}|${c.code}`)]);
  return specs;
}

/** `_include=<Type>:medication` where advertised (the MedicationRequest one follows `includeMedication`). */
function medicationInclude(type: string, options: QueryPlanOptions): string[] {
  return options.capabilities?.offersInclude(type, `${type}:medication`) ? [`_include=${type}:medication`] : [];
}

function otherSpecs(patientFilter: string, options: QueryPlanOptions): SearchSpec[] {
  const range = appointmentDateRange(options.now);
  const shape = (group: QueryGroup, resourceType: string, ...extra: string[]): SpecShape => ({ group, resourceType, filters: [patientFilter, ...extra] });
  const shapes: SpecShape[] = [
    shape('medication-requests', 'MedicationRequest', ...(options.includeMedication ? ['_include=MedicationRequest:medication'] : [])),
    shape('medication-administrations', 'MedicationAdministration', ...medicationInclude('MedicationAdministration', options)),
    shape('appointments', 'Appointment', `date=ge${range.from}`, `date=le${range.to}`),
    shape('service-requests', 'ServiceRequest'),
    shape('procedures', 'Procedure'),
    shape('diagnostic-reports', 'DiagnosticReport', ...categoryFilter('DiagnosticReport', 'LAB', options), ...(options.includeReportResults ? ['_include=DiagnosticReport:result'] : [])),
    shape('medication-statements', 'MedicationStatement', ...medicationInclude('MedicationStatement', options)),
    shape('medication-dispenses', 'MedicationDispense', ...medicationInclude('MedicationDispense', options)),
    shape('encounters', 'Encounter'),
    shape('conditions', 'Condition'),
    shape('allergies', 'AllergyIntolerance'),
  ];
  return shapes.map((s) => finishSpec(s, options));
}

/**
 * Every search of the record, in priority order (lowest number first). Several patients make one search for all of
 * them (`patient=a,b,c`: ids encoded, commas literal as the OR separator), for servers that accept such lists.
 */
export function buildSearches(patientId: string | readonly string[], options: QueryPlanOptions): SearchSpec[] {
  const p = `patient=${(typeof patientId === 'string' ? [patientId] : patientId).map(encodeURIComponent).join(',')}`;
  const specs = [...observationSpecs(p, options), ...otherSpecs(p, options)];
  return specs.sort((a, b) => a.priority - b.priority);
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
export const WANTED_OBSERVATION_CODES: ReadonlySet<string> = new Set(Object.values(OBSERVATION_SEARCH_CODES).flat());
const WANTED_LOCAL_CODINGS: ReadonlySet<string> = new Set(LOCAL_OBSERVATION_CODES.map((c) => `${c.system}|${c.code}`));

/** An Observation the app reads: a wanted LOINC code, or one of the local codes. */
export function hasWantedCode(observation: fhir4.Observation): boolean {
  return (observation.code?.coding ?? []).some(
    (c) => c.code !== undefined && ((c.system === LOINC && WANTED_OBSERVATION_CODES.has(c.code)) || WANTED_LOCAL_CODINGS.has(`${c.system ?? ''}|${c.code}`)),
  );
}
