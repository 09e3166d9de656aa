/**
 * The worklist's cohort over FHIR R4, whichever way the server offers one:
 *
 * 1. A `List` or a `Group` of patients (Epic Patient Lists are `List`s; many servers keep `Group`s). `cohortChoices`
 *    reads the first page of each search, so a picker can offer them; a failed or refused search just offers none.
 * 2. Otherwise a search across patients for active LMWH orders:
 *    `MedicationRequest?status=active&code=<LMWH codes>` (RxNorm, ATC, SNOMED codes of the LMWH drugs, in chunks), with
 *    `_include=MedicationRequest:patient` where the CapabilityStatement advertises it; every page is followed.
 *    Trade-off: a code search is cheap and returns only LMWH orders, but it misses orders coded with a local code or
 *    only as text, and orders whose drug is a referenced `Medication` (the `code` parameter matches
 *    `medicationCodeableConcept` only, and chained `medication.code` is rarely supported). So, unless told not to
 *    (`broadSearch: false`), a broader search follows: every active MedicationRequest (with its Medications where
 *    `_include=MedicationRequest:medication` is advertised), recognised by the domain's own code and text rules, and
 *    the patients of both are joined. It catches those orders at the price of reading every active order on the
 *    server: fine for a unit's server, too much for a network (see docs/SCALE.md). A broad search the server refuses
 *    leaves the code search's patients and says the cohort may be incomplete.
 *
 * Then each member's record is read and summarised (src/fhir/cohortRows.ts). Nothing is logged.
 */
import type { GroupStatus } from '../domain/input';
import { DRUG_CLASS, RXNORM_ANTICOAGULANTS, ATC_ANTICOAGULANTS, SNOMED_ANTICOAGULANTS, normaliseOrders } from '../domain/medication';
import { readCapabilityStatement, type CapabilityCache } from './capabilities';
import { failureReason, isFatal, type FhirRequester } from './failures';
import { searchAllPages, type SearchResult } from './paging';
import { chunk, supportsInclude } from './queries';
import { parseReference } from './references';
import { fhirReason } from './fhirReasons';
import type { Reason } from '../domain/reasons';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ATC = 'http://www.whocc.no/atc';
const SNOMED = 'http://snomed.info/sct';

export interface CohortChoice {
  kind: 'list' | 'group';
  id: string;
  /** The List's title or the Group's name, as written (quoted data). */
  title: string | undefined;
  /** Number of members listed, when the resource lists them. */
  size: number | undefined;
}

export type CohortSource = { kind: 'list' | 'group'; id: string } | { kind: 'lmwh-orders'; broadSearch?: boolean };

export interface CohortMembers {
  patientIds: string[];
  status: GroupStatus;
  reason?: Reason;
  via: 'list' | 'group' | 'code-search' | 'code-and-broad-search';
  /** Patients returned by `_include=MedicationRequest:patient` (0 when the server does not advertise it). */
  includedPatients: number;
}

export interface CohortOptions {
  signal?: AbortSignal;
  /** Pages followed per search (default 200). */
  maxPages?: number;
  /** For the broad search: the zone dates are read in (does not change which orders are LMWH). */
  zone?: string;
  /** The CapabilityStatement kept for the worklist's record loads (default: read for this search alone). */
  capabilityCache?: CapabilityCache;
  /** Called with the code search's patients before the broader search starts, so loading can begin at once. */
  onFirstMembers?: (members: CohortMembers) => void;
}

/** Entries asked per cohort search page (servers cap it at their own maximum). */
const COHORT_PAGE_SIZE = 200;

/** The LMWH codes as `system|code` tokens (every code the medication module maps to an LMWH). */
export function lmwhCodeTokens(): string[] {
  const tokens = (system: string, table: Record<string, { drug: keyof typeof DRUG_CLASS }>) =>
    Object.entries(table)
      .filter(([, e]) => DRUG_CLASS[e.drug] === 'lmwh')
      .map(([code]) => `${system}|${code}`);
  return [...tokens(RXNORM, RXNORM_ANTICOAGULANTS), ...tokens(ATC, ATC_ANTICOAGULANTS), ...tokens(SNOMED, SNOMED_ANTICOAGULANTS)];
}

/** Lists and Groups the server offers (first page of each); none when the searches fail or are refused. */
export async function cohortChoices(requester: FhirRequester, options: CohortOptions = {}): Promise<CohortChoice[]> {
  const first = async (path: string): Promise<fhir4.Resource[]> => {
    const r = await searchAllPages(requester, path, { resourceType: path.split('?')[0]!, maxPages: 1, signal: options.signal });
    return r.entries.filter((e) => e.mode !== 'include').map((e) => e.resource);
  };
  const [lists, groups] = await Promise.all([first('List?_count=50'), first('Group?_count=50')]);
  const out: CohortChoice[] = [];
  for (const l of lists as fhir4.List[]) {
    if (l.id && patientEntries(l, requester.serverUrl).length > 0) out.push({ kind: 'list', id: l.id, title: l.title, size: patientEntries(l, requester.serverUrl).length });
  }
  for (const g of groups as fhir4.Group[]) {
    if (g.id && g.type === 'person') out.push({ kind: 'group', id: g.id, title: g.name, size: g.member?.length ?? g.quantity });
  }
  return out;
}

const patientIdOf = (reference: string | undefined, serverUrl: string): string | undefined => {
  const p = parseReference(reference, serverUrl);
  return p.kind === 'local' && p.resourceType === 'Patient' ? p.id : undefined;
};

function patientEntries(list: fhir4.List, serverUrl: string): string[] {
  return (list.entry ?? []).filter((e) => !e.deleted).flatMap((e) => patientIdOf(e.item?.reference, serverUrl) ?? []);
}

function groupMembers(group: fhir4.Group, nowMs: number, serverUrl: string): string[] {
  return (group.member ?? [])
    .filter((m) => !m.inactive && !(m.period?.end && Date.parse(m.period.end) < nowMs))
    .flatMap((m) => patientIdOf(m.entity?.reference, serverUrl) ?? []);
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The patients of a cohort source. */
export async function cohortMembers(requester: FhirRequester, source: CohortSource, nowMs: number, options: CohortOptions = {}): Promise<CohortMembers> {
  if (source.kind === 'lmwh-orders') return searchLmwhOrders(requester, source.broadSearch !== false, options);
  return readCollection(requester, source, nowMs, options);
}

async function readCollection(requester: FhirRequester, source: { kind: 'list' | 'group'; id: string }, nowMs: number, options: CohortOptions): Promise<CohortMembers> {
  const type = source.kind === 'list' ? 'List' : 'Group';
  try {
    const r = (await requester.get(`${type}/${encodeURIComponent(source.id)}`, options.signal ? { signal: options.signal } : undefined)) as fhir4.Resource;
    if (r?.resourceType !== type) return { patientIds: [], status: 'unavailable', reason: fhirReason('fhir.read-wrong-type', { type }), via: source.kind, includedPatients: 0 };
    const ids = type === 'List' ? patientEntries(r as fhir4.List, requester.serverUrl) : groupMembers(r as fhir4.Group, nowMs, requester.serverUrl);
    return { patientIds: unique(ids), status: 'complete', via: source.kind, includedPatients: 0 };
  } catch (error) {
    if (isFatal(error)) throw error;
    return { patientIds: [], status: 'unavailable', reason: failureReason(error, { resourceType: type, action: 'read' }), via: source.kind, includedPatients: 0 };
  }
}

async function searchLmwhOrders(requester: FhirRequester, broad: boolean, options: CohortOptions): Promise<CohortMembers> {
  const capability = await readCapabilityStatement(requester, options.capabilityCache);
  const includePatient = supportsInclude(capability, 'MedicationRequest', 'MedicationRequest:patient');
  const includeMedication = supportsInclude(capability, 'MedicationRequest', 'MedicationRequest:medication');
  const withPatient = includePatient ? '&_include=MedicationRequest:patient' : '';
  // Large pages: the cohort search is sequential and its pages are the first thing the worklist waits for.
  const paths = chunk(lmwhCodeTokens(), 20).map((part) => `MedicationRequest?status=active&code=${part.map(encodeURIComponent).join(',')}${withPatient}&_count=${COHORT_PAGE_SIZE}`);
  const maxPages = options.maxPages ?? 200;
  const search = (path: string) => searchAllPages(requester, path, { resourceType: 'MedicationRequest', maxPages, signal: options.signal });
  // The chunks at once: the first rows wait for all of them.
  const results: SearchResult[] = await Promise.all(paths.map(search));
  const codeMembers = collectOrders(results, false, includePatient, requester.serverUrl, options.zone ?? 'UTC');
  if (!broad) return codeMembers;
  options.onFirstMembers?.(codeMembers);
  const broadResult = await search(`MedicationRequest?status=active${withPatient}${includeMedication ? '&_include=MedicationRequest:medication' : ''}&_count=${COHORT_PAGE_SIZE}`);
  const broadMembers = collectOrders([broadResult], true, includePatient, requester.serverUrl, options.zone ?? 'UTC');
  const status: GroupStatus = codeMembers.status === 'unavailable' && broadMembers.status === 'unavailable' ? 'unavailable' : codeMembers.status === 'complete' && broadMembers.status === 'complete' ? 'complete' : 'incomplete';
  const reason = codeMembers.reason ?? broadMembers.reason;
  return {
    patientIds: unique([...codeMembers.patientIds, ...broadMembers.patientIds]),
    status,
    ...(reason ? { reason } : {}),
    via: 'code-and-broad-search',
    includedPatients: codeMembers.includedPatients + broadMembers.includedPatients,
  };
}

function collectOrders(results: SearchResult[], broad: boolean, includePatient: boolean, serverUrl: string, zone: string): CohortMembers {
  const ids: string[] = [];
  let included = 0;
  const medications = results.flatMap((r) => r.entries.filter((e) => e.resource.resourceType === 'Medication').map((e) => e.resource as fhir4.Medication));
  for (const r of results) {
    for (const e of r.entries) {
      if (e.resource.resourceType === 'Patient') {
        if (includePatient && e.mode === 'include') included += 1;
        continue;
      }
      if (e.resource.resourceType !== 'MedicationRequest') continue;
      const mr = e.resource as fhir4.MedicationRequest;
      if (broad && !normaliseOrders([mr], medications, zone).orders.some((o) => o.drugClass === 'lmwh')) continue;
      const id = patientIdOf(mr.subject?.reference, serverUrl);
      if (id) ids.push(id);
    }
  }
  const bad = results.find((r) => r.status !== 'complete');
  const status: GroupStatus = !bad ? 'complete' : results.every((r) => r.status === 'unavailable') ? 'unavailable' : 'incomplete';
  return { patientIds: unique(ids), status, ...(bad?.reason ? { reason: bad.reason } : {}), via: 'code-search', includedPatients: included };
}

// Loading the members' records: src/fhir/cohortRows.ts (re-exported here for the worklist).
export * from './cohortRows';
