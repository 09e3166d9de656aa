/**
 * Loading the worklist members' records and keeping one summary each.
 *
 * Each record is read by the patient view's loader and checked by the same rules: one patient at a time
 * (`loadPatientRecord`), or, where the server takes several patients in one search, a batch of patients with one set
 * of searches (`loadPatientRecords`, src/fhir/batchRecords.ts). Each record is summarised at once by the caller's
 * `summarise` and dropped: only the summary is kept.
 *
 * Batching per server (`CohortLoading`): on or off when the launch configuration says so (smart-config.json
 * `patientBatch`); otherwise probed once: after the first patient's own load, one search
 * `<Type>?_id=<one of her resources>&patient=<her>,<another member>` must return that resource. A server that refuses
 * the list (400) or reads it as one unknown id (no result) is read one patient at a time, so a server that ignores
 * the list can never make a record look empty. A batch the server refuses later is read again one patient at a time,
 * and batching stops for that server.
 *
 * Order: the first patient alone (first row soon), then batches growing from 2 to `maxBatchPatients` (default 40,
 * fewer when the ids are long: at most ~600 characters of ids per search). All loads share one request bound
 * (default 6 in flight) and an earlier load's requests go first, so rows arrive in order and follow-on pages are not
 * starved. A load that fails (not a session end or a cancel) marks its patients failed with a reason, never an
 * identifier; each can be loaded again alone. A session end or a cancel stops everything.
 */
import type { RecordInput } from '../domain/input';
import { PatientListRefusedError, loadPatientRecords } from './batchRecords';
import { readCapabilityStatement, sessionCapabilityCache, type CapabilityCache } from './capabilities';
import { failureReason, isFatal, type FhirRequester } from './failures';
import { createLimiter, type Limiter } from './limit';
import { loadPatientRecord, loadRequester, type LoadRecordOptions } from './loadRecord';
import { patientIdsNamed } from './ownership';
import { searchAllPages } from './paging';
import type { FhirReason } from './fhirReasons';

export type CohortRowState<R> =
  | { patientId: string; state: 'queued' | 'loading' }
  | { patientId: string; state: 'done'; row: R; incomplete: boolean }
  | { patientId: string; state: 'failed'; reason: FhirReason };

/** Whether the server takes several patients per search, and the order of loads, for one worklist. */
export interface CohortLoading {
  batching: 'on' | 'off' | 'unknown';
  /** Probes tried so far (a first record with nothing to probe with does not decide). */
  probes: number;
  probing?: Promise<void> | undefined;
  /** Loads started so far: an earlier load's requests go first. */
  loadsStarted: number;
  /** Size of the next batch once batching is on. */
  nextBatch: number;
}

/** `patientBatch` from the launch configuration: true or false decides; absent: probed once. */
export function createCohortLoading(patientBatch?: boolean): CohortLoading {
  return { batching: patientBatch === undefined ? 'unknown' : patientBatch ? 'on' : 'off', probes: 0, loadsStarted: 0, nextBatch: 2 };
}

export interface CohortLoadOptions<R> {
  /** Epoch ms from the injected clock (the loader's Appointment window and readAt). */
  now: number;
  signal?: AbortSignal;
  /** Record loads at once: single patients or batches (default 6). */
  concurrency?: number;
  /** The request bound shared by every load of the worklist (default: 6 in flight for this call). */
  limiter?: Limiter;
  scopeLooksMissing?: (type: string) => boolean;
  /** ms one request may take (the launch's per-server setting; default the record loader's). */
  requestTimeoutMs?: number;
  /** The server's CapabilityStatement, read once for every member (default: one in-memory cache per call). */
  capabilityCache?: CapabilityCache;
  /** Batching and load order shared by several calls (default: one per call, batching probed). */
  loading?: CohortLoading;
  /** Most patients per batch (default 40). */
  maxBatchPatients?: number;
  /** Turns a record into the kept summary; the record itself is dropped right after. */
  summarise: (input: RecordInput) => R | Promise<R>;
  onUpdate: (state: CohortRowState<R>) => void;
}

export const DEFAULT_COHORT_CONCURRENCY = 6;
export const DEFAULT_COHORT_REQUESTS = 6;
const DEFAULT_MAX_BATCH = 40;
/** Characters of patient ids per search: leaves most of a 2,000-character URL to the code lists. */
const MAX_BATCH_ID_CHARS = 600;
/** Priority distance between loads: every request of an earlier load goes ahead (query priorities span 0-4). */
const LOAD_PRIORITY_STEP = 10;
const MAX_PROBES = 3;

function recordOptions<R>(options: CohortLoadOptions<R>, priorityBase: number): LoadRecordOptions {
  return {
    now: options.now,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    priorityBase,
    ...(options.scopeLooksMissing ? { scopeLooksMissing: options.scopeLooksMissing } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.capabilityCache ? { capabilityCache: options.capabilityCache } : {}),
  };
}

const isIncomplete = (input: RecordInput) => Object.values(input.groups).some((g) => g.status !== 'complete');

async function settleRow<R>(patientId: string, input: RecordInput, options: CohortLoadOptions<R>): Promise<CohortRowState<R>> {
  const result: CohortRowState<R> = { patientId, state: 'done', row: await options.summarise(input), incomplete: isIncomplete(input) };
  options.onUpdate(result);
  return result;
}

function failRow<R>(patientId: string, error: unknown, options: CohortLoadOptions<R>): CohortRowState<R> {
  if (isFatal(error) || options.signal?.aborted) throw error;
  const result: CohortRowState<R> = { patientId, state: 'failed', reason: failureReason(error, { resourceType: 'Patient', action: 'read' }) };
  options.onUpdate(result);
  return result;
}

/** One member alone: her row and, for the batching probe, her record. */
async function loadAlone<R>(requester: FhirRequester, patientId: string, options: CohortLoadOptions<R>, priorityBase: number): Promise<RecordInput | undefined> {
  options.onUpdate({ patientId, state: 'loading' });
  let input: RecordInput;
  try {
    input = await loadPatientRecord(requester, patientId, recordOptions(options, priorityBase));
  } catch (error) {
    failRow(patientId, error, options);
    return undefined;
  }
  await settleRow(patientId, input, options);
  return input;
}

/** Loads one member's record and summarises it; failures (not a session end or a cancel) become a failed state. */
export async function loadCohortRow<R>(requester: FhirRequester, patientId: string, options: CohortLoadOptions<R>): Promise<void> {
  await loadAlone(requester, patientId, options, 0);
}

/** Several members with one set of searches; a refused patient list turns batching off and reads them one by one. */
async function loadBatch<R>(requester: FhirRequester, ids: string[], options: CohortLoadOptions<R>, state: CohortLoading, priorityBase: number): Promise<void> {
  for (const patientId of ids) options.onUpdate({ patientId, state: 'loading' });
  let records: Map<string, RecordInput>;
  try {
    records = await loadPatientRecords(requester, ids, recordOptions(options, priorityBase));
  } catch (error) {
    if (error instanceof PatientListRefusedError && !options.signal?.aborted) {
      state.batching = 'off';
      await Promise.all(ids.map((id) => loadAlone(requester, id, options, priorityBase)));
      return;
    }
    for (const id of ids) failRow(id, error, options);
    return;
  }
  for (const id of ids) await settleRow(id, records.get(id)!, options);
}

/**
 * Does the server read `patient=a,b` as a list? One search for a resource of `record` known to be hers, by its id and
 * both patients: it must come back. No resource to probe with: undecided (the next record is tried).
 */
async function probeBatching(requester: FhirRequester, record: RecordInput, other: string, options: LoadRecordOptions): Promise<'on' | 'off' | 'unknown'> {
  const own = record.resources.find((r) => r.id && r.resourceType !== 'Patient' && patientIdsNamed(r, requester.serverUrl).includes(record.patientId));
  if (!own?.id) return 'unknown';
  const controller = new AbortController();
  const stop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const path = `${own.resourceType}?_id=${encodeURIComponent(own.id)}&patient=${[record.patientId, other].map(encodeURIComponent).join(',')}`;
    const result = await searchAllPages(loadRequester(requester, options, controller), path, { resourceType: own.resourceType, maxPages: 1, priority: 0 });
    return result.entries.some((e) => e.mode === 'match' && e.resource.resourceType === own.resourceType && e.resource.id === own.id) ? 'on' : 'off';
  } finally {
    options.signal?.removeEventListener('abort', stop);
    controller.abort(new DOMException('The probe has finished.', 'AbortError'));
  }
}

function maybeProbe<R>(requester: FhirRequester, record: RecordInput | undefined, others: readonly string[], options: CohortLoadOptions<R>, state: CohortLoading): void {
  const other = others.find((id) => id !== record?.patientId);
  if (!record || other === undefined || state.batching !== 'unknown' || state.probing) return;
  state.probing = probeBatching(requester, record, other, recordOptions(options, 0))
    .then((verdict) => {
      state.probes += 1;
      state.batching = verdict === 'unknown' && state.probes >= MAX_PROBES ? 'off' : verdict;
    })
    .catch((error: unknown) => {
      if (isFatal(error)) throw error;
      state.batching = 'off';
    })
    .finally(() => (state.probing = undefined));
  state.probing.catch(() => undefined); // a session end surfaces through the loads themselves
}

/** The next load's patients: one while batching is off or undecided, else a growing batch bounded by id length. */
function takeNext(pending: string[], state: CohortLoading, maxBatch: number): string[] {
  if (state.batching !== 'on') return pending.splice(0, 1);
  let chars = 0;
  let n = 0;
  const limit = Math.min(state.nextBatch, maxBatch, pending.length);
  while (n < limit && (n === 0 || chars + encodeURIComponent(pending[n]!).length + 1 <= MAX_BATCH_ID_CHARS)) chars += encodeURIComponent(pending[n++]!).length + 1;
  state.nextBatch = Math.min(state.nextBatch * 2, maxBatch);
  return pending.splice(0, n);
}

/** Loads every member, a few loads at a time, reporting each row as it settles. Resolves when all settled. */
export async function loadCohortRows<R>(requester: FhirRequester, patientIds: readonly string[], options: CohortLoadOptions<R>): Promise<void> {
  // One read of the CapabilityStatement and one request bound for the whole cohort, not one per patient.
  const shared: CohortLoadOptions<R> = {
    ...options,
    capabilityCache: options.capabilityCache ?? sessionCapabilityCache(undefined),
    limiter: options.limiter ?? createLimiter(DEFAULT_COHORT_REQUESTS),
  };
  const state = options.loading ?? createCohortLoading();
  const pending = [...patientIds];
  for (const patientId of pending) options.onUpdate({ patientId, state: 'queued' });
  if (pending.length > 0) await readCapabilityStatement(requester, shared.capabilityCache);
  const worker = async () => {
    while (pending.length > 0) {
      options.signal?.throwIfAborted();
      const ids = takeNext(pending, state, options.maxBatchPatients ?? DEFAULT_MAX_BATCH);
      const priorityBase = state.loadsStarted++ * LOAD_PRIORITY_STEP;
      if (ids.length > 1) await loadBatch(requester, ids, shared, state, priorityBase);
      else maybeProbe(requester, await loadAlone(requester, ids[0]!, shared, priorityBase), [...pending, ...patientIds], shared, state);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? DEFAULT_COHORT_CONCURRENCY }, worker));
}
