/**
 * The records of several patients read with one set of searches (`patient=a,b,c`), for the worklist on servers that
 * take a list of patients in one search (HAPI, Medplum, the SMART launcher's HAPI, the local sandbox):
 *
 * 1. The same searches as one patient's load (src/fhir/queries.ts, the CapabilityStatement's rules), each followed to
 *    its last `next` link under the same request rules (bound, timeout, retries: src/fhir/loadRecord.ts). The page
 *    limit grows with the number of patients, so every patient keeps the safety limit of a single load.
 * 2. The Patients from one `Patient?_id=a,b,c` search; any it leaves out are read one by one.
 * 3. Each search's entries are split per patient by the patient they name (src/fhir/ownership.ts); an `_include`d
 *    Medication goes to the patients whose orders reference it. Each patient's record is then assembled and checked
 *    exactly as a single load does (RecordAccumulator), and report members and Medications are read per patient.
 *    Entries that name none of the patients are left out and said so in the group's warnings.
 *
 * A first page refused with 400 means the server does not take patient lists (or not in this search): the load stops
 * with PatientListRefusedError and the caller reads those patients one at a time. Nothing is logged.
 */
import type { RecordInput } from '../domain/input';
import { isFatal, type FhirRequester } from './failures';
import { readReferencedMedications, readReportMembers } from './followReferences';
import { DEFAULT_MAX_PAGES, SESSION_ENDED_REASON, followOptions, loadRequester, planSearches, readPatient, type LoadRecordOptions } from './loadRecord';
import { patientIdsNamed } from './ownership';
import { searchAllPages, type PagedEntry, type SearchResult } from './paging';
import { GROUP_PRIORITY, type SearchSpec } from './queries';
import { RecordAccumulator } from './recordAccumulator';
import { parseReference } from './references';
import { fhirReason } from './fhirReasons';

/** The server refused a search naming several patients: read them one at a time instead. */
export class PatientListRefusedError extends Error {
  override name = 'PatientListRefusedError';
  constructor(readonly resourceType: string) {
    super(`the server refused a ${resourceType} search for several patients at once`);
  }
}

export interface SplitEntries {
  byPatient: Map<string, PagedEntry[]>;
  /** Entries naming none of the patients searched for (Medications referenced by nobody are not counted). */
  unmatched: number;
}

const MEDICATION_HOLDERS = new Set(['MedicationRequest', 'MedicationAdministration', 'MedicationStatement', 'MedicationDispense']);

/** Does `ref` point at this Medication entry (by id, on this server or any base, or by its fullUrl)? */
function refersTo(ref: string | undefined, medication: PagedEntry, serverUrl: string): boolean {
  if (!ref) return false;
  if (medication.fullUrl !== undefined && ref === medication.fullUrl) return true;
  const parsed = parseReference(ref, serverUrl);
  return (parsed.kind === 'local' || parsed.kind === 'foreign') && parsed.resourceType === 'Medication' && parsed.id === medication.resource.id;
}

/**
 * One search's entries per patient: every entry goes to each of `patientIds` it names; an `_include`d Medication to
 * each patient whose entries in this search reference it.
 */
export function splitByPatient(entries: readonly PagedEntry[], patientIds: readonly string[], serverUrl: string): SplitEntries {
  const wanted = new Set(patientIds);
  const byPatient = new Map<string, PagedEntry[]>(patientIds.map((id) => [id, []]));
  const medications: PagedEntry[] = [];
  let unmatched = 0;
  for (const entry of entries) {
    if (entry.resource.resourceType === 'Medication') {
      medications.push(entry);
      continue;
    }
    const owners = patientIdsNamed(entry.resource, serverUrl, entry.pageFullUrls).filter((id) => wanted.has(id));
    if (owners.length === 0) unmatched += 1;
    for (const id of owners) byPatient.get(id)!.push(entry);
  }
  for (const medication of medications) {
    for (const [, own] of byPatient) {
      const referenced = own.some((e) => MEDICATION_HOLDERS.has(e.resource.resourceType) && refersTo((e.resource as fhir4.MedicationRequest).medicationReference?.reference, medication, serverUrl));
      if (referenced) own.push(medication);
    }
  }
  return { byPatient, unmatched };
}

/** The part of a search of several patients that is one patient's: the same status and reason, only her entries. */
function resultFor(result: SearchResult, entries: PagedEntry[], unmatched: number, type: string): SearchResult {
  const warnings = unmatched > 0 ? [...result.warnings, `${unmatched} ${type} result(s) of a search for several patients named none of them; left out`] : result.warnings;
  const { total: _total, ...rest } = result;
  return { ...rest, entries, warnings };
}

/**
 * Reads the records of `patientIds` (one search per query for all of them) and returns each patient's RecordInput.
 * Throws PatientListRefusedError when the server refuses the patient list, a session end or abort as they come.
 */
export async function loadPatientRecords(requester: FhirRequester, patientIds: readonly string[], options: LoadRecordOptions): Promise<Map<string, RecordInput>> {
  if (options.signal?.aborted) throw options.signal.reason;
  const ids = [...new Set(patientIds)];
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const get = loadRequester(requester, options, controller);
  const accs = new Map(ids.map((id) => [id, new RecordAccumulator(id, requester.serverUrl, options.now)]));
  try {
    const specs = await planSearches(get, ids, options);
    await Promise.all([readPatients(get, accs, options), ...specs.map((spec) => runSearch(get, accs, spec, options))]);
    const follow = followOptions(options);
    await Promise.all([...accs.values()].map((acc) => Promise.all([readReportMembers(get, acc, follow), readReferencedMedications(get, acc, follow)])));
    return new Map(
      [...accs].map(([id, acc]) => {
        acc.loading.clear();
        return [id, acc.snapshot()];
      }),
    );
  } catch (error) {
    if (isFatal(error) && (error as Error).name === 'SessionExpiredError') for (const acc of accs.values()) acc.closeLoading(SESSION_ENDED_REASON);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    controller.abort(new DOMException('The record load has finished.', 'AbortError'));
  }
}

async function runSearch(get: FhirRequester, accs: Map<string, RecordAccumulator>, spec: SearchSpec, options: LoadRecordOptions): Promise<void> {
  if (!spec.offered) {
    for (const acc of accs.values()) acc.status(spec.group, 'unavailable', fhirReason('fhir.not-in-capabilities', { type: spec.resourceType }));
    return;
  }
  const n = accs.size;
  const result = await searchAllPages(get, spec.path, {
    resourceType: spec.resourceType,
    maxPages: (options.maxPagesPerSearch ?? DEFAULT_MAX_PAGES) * n,
    patients: n,
    scopeLooksMissing: options.scopeLooksMissing,
    priority: spec.priority,
    fallbackPaths: spec.fallbackPaths,
    newestFirst: spec.newestFirst,
  });
  if (result.status === 'unavailable' && result.refusedStatus === 400) throw new PatientListRefusedError(spec.resourceType);
  const split = splitByPatient(result.entries, [...accs.keys()], get.serverUrl);
  for (const [id, acc] of accs) acc.addSearch(spec, resultFor(result, split.byPatient.get(id) ?? [], split.unmatched, spec.resourceType));
}

/** One `Patient?_id=` search for all; the patients it does not return are read one by one (as a single load does). */
async function readPatients(get: FhirRequester, accs: Map<string, RecordAccumulator>, options: LoadRecordOptions): Promise<void> {
  const ids = [...accs.keys()];
  const result = await searchAllPages(get, `Patient?_id=${ids.map(encodeURIComponent).join(',')}&_count=${ids.length}`, {
    resourceType: 'Patient',
    maxPages: ids.length,
    scopeLooksMissing: options.scopeLooksMissing,
    priority: GROUP_PRIORITY.patient,
  });
  const found = new Set<string>();
  for (const entry of result.entries) {
    const acc = entry.resource.id ? accs.get(entry.resource.id) : undefined;
    if (entry.mode !== 'match' || entry.resource.resourceType !== 'Patient' || !acc || found.has(acc.patientId)) continue;
    acc.add(entry.resource, 'patient');
    acc.status('patient', 'complete');
    found.add(acc.patientId);
  }
  await Promise.all(ids.filter((id) => !found.has(id)).map((id) => readPatient(get, accs.get(id)!, options)));
}
