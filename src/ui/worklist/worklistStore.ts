/**
 * The worklist's loading state, outside React: finds the cohort, loads the members' records several at a time and
 * keeps one row summary per patient. The store lives in the TanStack Query cache (useWorklist), so leaving for a
 * patient's view and coming back shows it at once, still loading if it was, with the same filters and scroll.
 */
import { sessionCapabilityCache, type CapabilityCache } from '../../fhir/capabilities';
import { DEFAULT_COHORT_REQUESTS, cohortMembers, createCohortLoading, loadCohortRow, loadCohortRows, type CohortLoadOptions, type CohortMembers, type CohortSource } from '../../fhir/cohort';
import { createLimiter } from '../../fhir/limit';
import type { FhirRequester } from '../../fhir/client';
import type { RecordInput } from '../../domain/input';
import { createTableConverter, loadUnitConverter, type UnitConverter } from '../../domain/labs';
import { worklistRowFromInput, type WorklistFilter, type WorklistRow } from '../../domain/worklist';
import type { WorklistEntry, WorklistSort } from './worklistViewModel';

export type WorklistPhase = 'finding' | 'loading' | 'done' | 'cancelled' | 'failed';

export interface WorklistState {
  phase: WorklistPhase;
  cohort: CohortMembers | undefined;
  entries: WorklistEntry[];
  /** The instant every row was computed at (the clock when the load started). */
  nowMs: number;
  error: unknown;
}

export interface WorklistUi {
  filter: WorklistFilter;
  sort: WorklistSort;
  scrollY: number;
}

export interface WorklistStore {
  getState(): WorklistState;
  subscribe(listener: () => void): () => void;
  cancel(): void;
  retry(patientId: string): void;
  /** What the screen last showed (filters, sort, scroll), kept for "Back to worklist". */
  ui: WorklistUi | undefined;
  rememberUi(ui: WorklistUi): void;
}

export interface WorklistStoreOptions {
  requester: FhirRequester;
  source: CohortSource;
  nowMs: number;
  zone: string;
  /** Requests in flight for the whole worklist (default 6). */
  concurrency?: number;
  /** Whether the server takes several patients per search (smart-config.json); absent: probed once. */
  patientBatch?: boolean;
  scopeLooksMissing?: (type: string) => boolean;
  /** The launch's per-server request timeout (smart-config.json); absent: the record loader's default. */
  requestTimeoutMs?: number;
  /** Where the server's CapabilityStatement is kept (default: read once for this worklist). */
  capabilityCache?: CapabilityCache;
}

let ucum: Promise<UnitConverter> | undefined;

/** The row of one record: the small unit table first; the UCUM library only when a unit falls outside it. */
async function summarise(input: RecordInput, nowMs: number, zone: string): Promise<WorklistRow> {
  const table = createTableConverter();
  const row = worklistRowFromInput(input, { nowMs, zone, units: table });
  if (!table.missed) return row;
  ucum ??= loadUnitConverter();
  return worklistRowFromInput(input, { nowMs, zone, units: await ucum });
}

/**
 * ms to wait before the next render while rows arrive, from what the last render took: one render per burst, not one
 * per row, and never more than about a fifth of the main thread (a render costs about the number of rows shown; 2,000
 * rows redrawn every 30 ms would starve the load itself). The first rows still show within 30 ms.
 */
export function publishDelayMs(lastRenderMs: number): number {
  return Math.min(3_000, Math.max(30, 4 * lastRenderMs));
}

/** Rows shown as soon as they settle, each on its own render: the first screen does not wait for a burst. */
export const IMMEDIATE_ROWS = 10;

/**
 * The state and its listeners: rows settle in bursts, so one render per burst, not one per row; except the first
 * IMMEDIATE_ROWS settled rows, published at once (after the current task's other updates, in one microtask).
 */
function createPublisher(nowMs: number) {
  const entries = new Map<string, WorklistEntry>();
  const listeners = new Set<() => void>();
  let state: WorklistState = { phase: 'finding', cohort: undefined, entries: [], nowMs, error: undefined };
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let immediate = false;
  let settled = 0;
  let lastRenderMs = 0;
  const publish = () => {
    scheduled = false;
    immediate = false;
    clearTimeout(timer);
    timer = undefined;
    state = { ...state, entries: [...entries.values()] };
    const start = performance.now();
    for (const l of listeners) l();
    // React renders the update before the next task runs: the gap to it is what the render cost.
    setTimeout(() => (lastRenderMs = performance.now() - start), 0);
  };
  return {
    entries,
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setEntry(entry: WorklistEntry) {
      const wasSettled = entries.get(entry.patientId)?.state;
      entries.set(entry.patientId, entry);
      const settles = (entry.state === 'done' || entry.state === 'failed') && wasSettled !== 'done' && wasSettled !== 'failed';
      if (settles && settled++ < IMMEDIATE_ROWS) {
        if (immediate) return;
        immediate = true;
        scheduled = true;
        queueMicrotask(() => immediate && publish());
        return;
      }
      if (scheduled) return;
      scheduled = true;
      timer = setTimeout(publish, publishDelayMs(lastRenderMs));
    },
    setPhase(phase: WorklistPhase, extra: Partial<WorklistState> = {}) {
      state = { ...state, ...extra, phase };
      publish();
    },
  };
}

type Publisher = ReturnType<typeof createPublisher>;

/** One request bound, one CapabilityStatement read and one batching decision for the first load and every retry. */
function cohortLoadOptions(options: WorklistStoreOptions, signal: AbortSignal, publisher: Publisher): CohortLoadOptions<WorklistRow> {
  return {
    now: options.nowMs,
    limiter: createLimiter(options.concurrency ?? DEFAULT_COHORT_REQUESTS),
    loading: createCohortLoading(options.patientBatch),
    signal,
    ...(options.scopeLooksMissing ? { scopeLooksMissing: options.scopeLooksMissing } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    capabilityCache: options.capabilityCache ?? sessionCapabilityCache(undefined),
    summarise: (input) => summarise(input, options.nowMs, options.zone),
    onUpdate: (s) => publisher.setEntry(s),
  };
}

/** Finds the cohort and loads its rows; patients found by the code search start while the broader search runs. */
async function runWorklist(options: WorklistStoreOptions, signal: AbortSignal, publisher: Publisher, loadOptions: CohortLoadOptions<WorklistRow>): Promise<void> {
  const started: Promise<void>[] = [];
  const loadNew = (ids: readonly string[]) => {
    const fresh = ids.filter((id) => !publisher.entries.has(id));
    if (fresh.length === 0) return;
    const loading = loadCohortRows(options.requester, fresh, loadOptions);
    loading.catch(() => undefined); // awaited below; marked handled in case the cohort search fails first
    started.push(loading);
  };
  const cohort = await cohortMembers(options.requester, options.source, options.nowMs, {
    signal,
    zone: options.zone,
    ...(loadOptions.capabilityCache ? { capabilityCache: loadOptions.capabilityCache } : {}),
    onFirstMembers: (first) => {
      publisher.setPhase('loading', { cohort: first });
      loadNew(first.patientIds);
    },
  });
  publisher.setPhase('loading', { cohort });
  loadNew(cohort.patientIds);
  await Promise.all(started);
  publisher.setPhase('done');
}

export function createWorklistStore(options: WorklistStoreOptions): WorklistStore {
  const controller = new AbortController();
  const publisher = createPublisher(options.nowMs);
  const loadOptions = cohortLoadOptions(options, controller.signal, publisher);
  runWorklist(options, controller.signal, publisher, loadOptions).catch((error: unknown) => publisher.setPhase(controller.signal.aborted ? 'cancelled' : 'failed', { error }));
  return {
    getState: publisher.getState,
    subscribe: publisher.subscribe,
    cancel() {
      controller.abort();
    },
    retry(patientId) {
      // A retry runs on its own signal: a cancelled load can still have single rows loaded again.
      const own = new AbortController();
      void loadCohortRow(options.requester, patientId, { ...loadOptions, signal: own.signal }).catch((error: unknown) => publisher.setPhase('failed', { error }));
    },
    ui: undefined,
    rememberUi(ui) {
      this.ui = ui;
    },
  };
}
