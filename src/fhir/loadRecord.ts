/**
 * The one place that loads a patient's record over FHIR R4 and turns it into a RecordInput.
 *
 * 1. The CapabilityStatement (`metadata`, cached per server when a cache is given) says which types, parameters and
 *    `_include`s the server offers (a failed read just means "not known").
 * 2. The Patient read and every search (src/fhir/queries.ts) are queued at once under one priority bound
 *    (src/fhir/limit.ts: what the first screen needs first); each search follows its `next` links to the end
 *    (src/fhir/paging.ts). Every request has a timeout and retries busy answers (src/fhir/requestPolicy.ts).
 * 3. Report results / panel members and referenced Medications are read individually (src/fhir/followReferences.ts)
 *    once the searches they depend on are in.
 * Each group is reported through `onProgress` as soon as it is in, so the view can show it before the rest.
 * Every resource is checked against the launch patient (src/fhir/ownership.ts); the others are reported as dropped.
 * A refused, failed or stalled search makes its group unavailable or incomplete, with a reason; the rest still loads.
 * When the session ends mid-load, the other requests stop and SessionExpiredError is thrown carrying what was read
 * (`partialRecordOf`); an abort by the caller propagates as is. Nothing is logged.
 */
import { QUERY_GROUPS, type QueryGroup, type RecordInput } from '../domain/input';
import { describeCapabilities, readCapabilityStatement, type CapabilityCache } from './capabilities';
import { isFatal, type FhirRequester } from './failures';
import { readOne, readReferencedMedications, readReportMembers } from './followReferences';
import { createLimiter, type Limiter } from './limit';
import { searchAllPages } from './paging';
import { buildSearches, GROUP_PRIORITY, type SearchSpec } from './queries';
import { RecordAccumulator, STILL_LOADING_REASON } from './recordAccumulator';
import { fhirReason } from './fhirReasons';
import { DEFAULT_REQUEST_POLICY, guardedRequester, type RequestPolicy } from './requestPolicy';

export interface LoadRecordOptions {
  /** Epoch ms from the injected clock: the Appointment window and RecordInput.readAt. */
  now: number;
  signal?: AbortSignal | undefined;
  /** Pages followed per search before it is marked incomplete (default 300: 5,000 results even at 20 a page). */
  maxPagesPerSearch?: number;
  /** Requests in flight at once (default 6, what browsers allow per origin over HTTP/1.1). */
  concurrency?: number;
  /** True when the granted scopes do not seem to cover a resource type; added to 403 reasons. */
  scopeLooksMissing?: ((type: string) => boolean) | undefined;
  /** Individual reads of report/panel member Observations before the group is marked incomplete (default 300). */
  maxMemberReads?: number;
  /** An upper bound on codes per Observation search (default: as many as fit in `maxUrlLength`). */
  maxCodesPerSearch?: number;
  /** Longest search URL, base included (default 2,000 characters). */
  maxUrlLength?: number;
  /** `_count` asked for on every search (default 200; servers cap it, a 400 falls back to the server's default). */
  pageSize?: number;
  /** ms one request may take (default 15,000). */
  requestTimeoutMs?: number;
  /** Retry policy for 429/503 (defaults in DEFAULT_REQUEST_POLICY). */
  retry?: Partial<Omit<RequestPolicy, 'timeoutMs'>>;
  /** A request bound shared with other loads (a worklist's); else one of `concurrency` for this load. */
  limiter?: Limiter | undefined;
  /** Added to every request's queue priority on a shared `limiter` (an earlier load's requests go first). */
  priorityBase?: number | undefined;
  /** Where the CapabilityStatement is kept between loads (default: read every load). */
  capabilityCache?: CapabilityCache | undefined;
  /** Called when groups are in, with everything read so far (groups still being read listed in `loading`). */
  onProgress?: ((partial: RecordInput) => void) | undefined;
  /** Groups coming in within this many ms of each other make one progress report (default 25; 0: one per group). */
  progressQuietMs?: number;
}

export const DEFAULT_PAGE_SIZE = 200;
const DEFAULT_PROGRESS_QUIET_MS = 25;
const MAX_PROGRESS_WAIT_MS = 150;
export const DEFAULT_MAX_PAGES = 300;
const DEFAULT_MAX_MEMBER_READS = 300;
export const SESSION_ENDED_REASON = fhirReason('fhir.session-ended');

/** The record read before the session ended, carried by the SessionExpiredError a load throws. */
export function partialRecordOf(error: unknown): RecordInput | undefined {
  const partial = (error as { partialRecord?: unknown } | null)?.partialRecord;
  return typeof partial === 'object' && partial !== null ? (partial as RecordInput) : undefined;
}

export async function loadPatientRecord(requester: FhirRequester, patientId: string, options: LoadRecordOptions): Promise<RecordInput> {
  const acc = new RecordAccumulator(patientId, requester.serverUrl, options.now);
  return runLoad(requester, acc, new Set(QUERY_GROUPS), options);
}

/**
 * Reads `groups` again (a retry of the parts that failed or stalled) and merges them into `previous`: the other
 * groups keep their results; resources already read stay. Medication details and lab report members are read again
 * with the groups they depend on.
 */
export async function reloadRecordGroups(requester: FhirRequester, previous: RecordInput, groups: readonly QueryGroup[], options: LoadRecordOptions): Promise<RecordInput> {
  const wanted = new Set(groups);
  if (groups.some((g) => g.startsWith('medication'))) wanted.add('medications');
  const acc = RecordAccumulator.continuing(previous, requester.serverUrl, previous.readAt, wanted);
  return runLoad(requester, acc, wanted, options);
}

async function runLoad(requester: FhirRequester, acc: RecordAccumulator, wanted: ReadonlySet<QueryGroup>, options: LoadRecordOptions): Promise<RecordInput> {
  if (options.signal?.aborted) throw options.signal.reason;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const get = loadRequester(requester, options, controller);
  try {
    await readGroups(get, acc, wanted, options);
    return acc.snapshot();
  } catch (error) {
    if (isFatal(error) && !options.signal?.aborted && typeof error === 'object' && error !== null && (error as Error).name === 'SessionExpiredError') {
      acc.closeLoading(SESSION_ENDED_REASON);
      throw Object.assign(error, { partialRecord: { ...acc.snapshot(), sessionExpired: true } });
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    controller.abort(new DOMException('The record load has finished.', 'AbortError'));
  }
}

/** The load's requester: bounded (its own limiter or the shared one, shifted by `priorityBase`), timeouts, retries. */
export function loadRequester(requester: FhirRequester, options: LoadRecordOptions, controller: AbortController): FhirRequester {
  const policy: RequestPolicy = { ...DEFAULT_REQUEST_POLICY, ...options.retry, timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_POLICY.timeoutMs };
  const bound = options.limiter ?? createLimiter(options.concurrency ?? 6);
  const base = options.priorityBase ?? 0;
  const limit: Limiter = base === 0 ? bound : <T>(task: () => Promise<T>, priority = 0) => bound(task, base + priority);
  return guardedRequester({ requester, limit, policy, controller });
}

/**
 * Counts what each group still waits for and reports progress when groups are in. Groups often come in a few ms
 * apart (the D-dimer and coagulation searches' last pages, then the lab reports read right after them): the report
 * waits until no group has come in for `quietMs` (at most `MAX_PROGRESS_WAIT_MS` after the first), so the view
 * builds the record once for them rather than once per group. A report never comes after the load has ended.
 */
class GroupProgress {
  private readonly remaining = new Map<QueryGroup, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingSince: number | undefined;
  constructor(
    private readonly acc: RecordAccumulator,
    private readonly onProgress: ((partial: RecordInput) => void) | undefined,
    private readonly quietMs: number,
  ) {}
  expect(g: QueryGroup): void {
    this.remaining.set(g, (this.remaining.get(g) ?? 0) + 1);
  }
  settle(g: QueryGroup): void {
    const left = (this.remaining.get(g) ?? 1) - 1;
    this.remaining.set(g, left);
    if (left > 0) return;
    this.acc.loading.delete(g);
    if (!this.onProgress || this.acc.loading.size === 0) return;
    if (this.quietMs <= 0) return this.report();
    const now = performance.now(); // a wait between reports, not a clinical time: no injected clock needed
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.report(), Math.max(0, Math.min(this.quietMs, this.pendingSince + MAX_PROGRESS_WAIT_MS - now)));
  }
  /** The load has ended: a report still waiting is dropped (the load's result replaces it). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
  private report(): void {
    this.timer = undefined;
    this.pendingSince = undefined;
    if (this.onProgress && this.acc.loading.size > 0) this.onProgress(this.acc.snapshot());
  }
}

async function readGroups(get: FhirRequester, acc: RecordAccumulator, wanted: ReadonlySet<QueryGroup>, options: LoadRecordOptions): Promise<void> {
  const specs = await planSearches(get, acc.patientId, options);
  const progress = new GroupProgress(acc, options.onProgress, options.progressQuietMs ?? DEFAULT_PROGRESS_QUIET_MS);
  try {
    await readAllGroups(get, acc, wanted, specs, progress, options);
  } finally {
    progress.close();
  }
}

async function readAllGroups(get: FhirRequester, acc: RecordAccumulator, wanted: ReadonlySet<QueryGroup>, specs: readonly SearchSpec[], progress: GroupProgress, options: LoadRecordOptions): Promise<void> {
  const chosen = specs.filter((s) => wanted.has(s.group));
  for (const g of wanted) progress.expect(g); // released once the group's tasks are queued
  const tasks: Promise<void>[] = [];
  if (wanted.has('patient')) tasks.push(readPatient(get, acc, options).then(() => progress.settle('patient')));
  const searched = new Map(chosen.map((spec) => [spec, runSearch(get, acc, spec, progress, options)]));
  const searchesOf = (test: (s: SearchSpec) => boolean) => Promise.all([...searched].filter(([s]) => test(s)).map(([, p]) => p));
  tasks.push(...searched.values());
  if (wanted.has('diagnostic-reports')) {
    progress.expect('diagnostic-reports');
    const inputs = searchesOf((s) => s.group === 'diagnostic-reports' || s.resourceType === 'Observation');
    tasks.push(followAfter(inputs, () => readReportMembers(get, acc, followOptions(options))).then(() => progress.settle('diagnostic-reports')));
  }
  if (wanted.has('medications')) {
    const inputs = searchesOf((s) => s.resourceType.startsWith('Medication'));
    tasks.push(followAfter(inputs, () => readReferencedMedications(get, acc, followOptions(options))).then(() => progress.settle('medications')));
  }
  for (const g of wanted) if (g !== 'patient' && g !== 'medications') progress.settle(g);
  await Promise.all(tasks);
}

export const followOptions = (options: LoadRecordOptions) => ({ scopeLooksMissing: options.scopeLooksMissing, maxMemberReads: options.maxMemberReads ?? DEFAULT_MAX_MEMBER_READS });

async function followAfter(inputs: Promise<unknown>, task: () => Promise<void>): Promise<void> {
  await inputs;
  await task();
}

/** The CapabilityStatement, then the searches it allows (one patient's, or one set of searches for several). */
export async function planSearches(get: FhirRequester, patientIds: string | readonly string[], options: LoadRecordOptions): Promise<SearchSpec[]> {
  const capabilities = describeCapabilities(await readCapabilityStatement(get, options.capabilityCache));
  return buildSearches(patientIds, {
    now: options.now,
    includeMedication: capabilities.offersInclude('MedicationRequest', 'MedicationRequest:medication'),
    includeReportResults: capabilities.offersInclude('DiagnosticReport', 'DiagnosticReport:result'),
    capabilities,
    baseUrl: get.serverUrl,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(options.maxUrlLength ? { maxUrlLength: options.maxUrlLength } : {}),
    ...(options.maxCodesPerSearch ? { maxCodesPerSearch: options.maxCodesPerSearch } : {}),
  });
}

async function runSearch(get: FhirRequester, acc: RecordAccumulator, spec: SearchSpec, progress: GroupProgress, options: LoadRecordOptions): Promise<void> {
  progress.expect(spec.group);
  if (!spec.offered) {
    acc.status(spec.group, 'unavailable', fhirReason('fhir.not-in-capabilities', { type: spec.resourceType }));
  } else {
    const result = await searchAllPages(get, spec.path, {
      resourceType: spec.resourceType,
      maxPages: options.maxPagesPerSearch ?? DEFAULT_MAX_PAGES,
      scopeLooksMissing: options.scopeLooksMissing,
      priority: spec.priority,
      fallbackPaths: spec.fallbackPaths,
      newestFirst: spec.newestFirst,
    });
    acc.addSearch(spec, result);
  }
  progress.settle(spec.group);
}

export async function readPatient(get: FhirRequester, acc: RecordAccumulator, options: Pick<LoadRecordOptions, 'scopeLooksMissing'>): Promise<void> {
  const read = await readOne(get, 'Patient', acc.patientId, options.scopeLooksMissing, GROUP_PRIORITY.patient);
  if (read.ok && read.resource.id === acc.patientId) {
    acc.add(read.resource, 'patient');
    acc.status('patient', 'complete');
  } else if (read.ok) {
    acc.status('patient', 'unavailable', fhirReason('fhir.other-patient-read'));
  } else {
    acc.status('patient', 'unavailable', read.reason);
  }
}

/** `input` with `groups` shown as being read again (status incomplete, "still being read"), for a retry in progress. */
export function markGroupsLoading(input: RecordInput, groups: readonly QueryGroup[]): RecordInput {
  const marked = { ...input.groups };
  for (const g of groups) marked[g] = { ...marked[g], status: 'incomplete', reason: STILL_LOADING_REASON };
  return { ...input, groups: marked, loading: [...new Set([...(input.loading ?? []), ...groups])] };
}
