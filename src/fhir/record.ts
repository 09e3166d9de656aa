/**
 * The one place that loads a patient's record over FHIR R4 and turns it into a RecordInput.
 *
 * 1. `metadata` is read once to learn which `_include`s the server supports (a failure just means "none").
 * 2. Patient read and every search (src/fhir/queries.ts) run in parallel under one concurrency bound; each search
 *    follows its `next` links to the end (src/fhir/paging.ts).
 * 3. Observations referenced by DiagnosticReport.result and Observation.hasMember that were not loaded yet are read
 *    individually (panel members) and kept when their LOINC code is one the app uses; Medications referenced by the
 *    medication resources and not `_include`d are read individually, each once. Never a batch or transaction.
 * Every resource is checked against the launch patient (src/fhir/ownership.ts); the others are reported as dropped.
 * A refused or failed search makes its group unavailable or incomplete, with a reason; the rest still loads.
 * SessionExpiredError and aborts stop the whole load and propagate (the UI offers a relaunch).
 * Nothing is logged.
 */
import { QUERY_GROUPS, type DroppedResource, type GroupStatus, type QueryGroup, type QueryGroupResult, type RecordInput } from '../domain/input';
import { failureReason, isFatal, type FhirRequester } from './failures';
import { createLimiter } from './limit';
import { medicationReferences } from './medications';
import { checkOwnership } from './ownership';
import { searchAllPages, type SearchResult } from './paging';
import { buildSearches, hasWantedCode, supportsInclude, type SearchSpec } from './queries';
import { parseReference } from './references';

export interface LoadRecordOptions {
  /** Epoch ms from the injected clock: the Appointment window and RecordInput.readAt. */
  now: number;
  signal?: AbortSignal;
  /** Pages followed per search before it is marked incomplete (default 50). */
  maxPagesPerSearch?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** True when the granted scopes do not seem to cover a resource type; added to 403 reasons. */
  scopeLooksMissing?: (type: string) => boolean;
  /** Individual reads of report/panel member Observations before the group is marked incomplete (default 300). */
  maxMemberReads?: number;
  /** Codes per Observation search (default 10). */
  maxCodesPerSearch?: number;
}

interface GroupState {
  statuses: GroupStatus[];
  reasons: string[];
  warnings: string[];
  keys: Set<string>;
}

const MAX_MEMBER_DEPTH = 3;

export async function loadPatientRecord(requester: FhirRequester, patientId: string, options: LoadRecordOptions): Promise<RecordInput> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) throw options.signal.reason;
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    return await load(requester, patientId, options, controller);
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function load(requester: FhirRequester, patientId: string, options: LoadRecordOptions, controller: AbortController): Promise<RecordInput> {
  const signal = controller.signal;
  const limit = createLimiter(options.concurrency ?? 4);
  const maxPages = options.maxPagesPerSearch ?? 50;
  const serverUrl = requester.serverUrl;

  // Every request goes through here: the bound, the shared abort, and the first fatal error stops the rest.
  const get = (urlOrPath: string): Promise<unknown> =>
    limit(async () => {
      signal.throwIfAborted();
      try {
        return await requester.get(urlOrPath, { signal });
      } catch (error) {
        if (isFatal(error) && !signal.aborted) controller.abort(error);
        throw error;
      }
    });
  // Paging runs its pages one after another, each page under the bound.
  const pagedRequester: FhirRequester = { serverUrl, get: (u) => get(u) };

  const groups = new Map<QueryGroup, GroupState>(QUERY_GROUPS.map((g) => [g, { statuses: [], reasons: [], warnings: [], keys: new Set() }]));
  const group = (g: QueryGroup) => groups.get(g)!;
  const byKey = new Map<string, fhir4.Resource>();
  const dropped: DroppedResource[] = [];
  let anonymous = 0;

  const keyOf = (r: fhir4.Resource) => (r.id ? `${r.resourceType}/${r.id}` : `${r.resourceType}/#anonymous-${++anonymous}`);
  const add = (resource: fhir4.Resource, g: QueryGroup, fullUrls?: ReadonlyMap<string, fhir4.Resource>) => {
    const ownership = checkOwnership(resource, patientId, serverUrl, fullUrls);
    if (!ownership.ok) {
      const key = `${resource.resourceType}/${resource.id ?? ''}`;
      if (!dropped.some((d) => `${d.resourceType}/${d.id ?? ''}` === key && d.reason === ownership.reason)) {
        dropped.push({ resourceType: resource.resourceType, id: resource.id, reason: ownership.reason });
      }
      return;
    }
    const key = keyOf(resource);
    const existing = byKey.get(key);
    if (!existing || isNewer(resource, existing)) byKey.set(key, resource);
    group(g).keys.add(key);
  };

  // 1. Capabilities.
  let capability: unknown;
  try {
    capability = await get('metadata');
  } catch (error) {
    if (isFatal(error)) throw error;
    capability = undefined;
  }
  const specs = buildSearches(patientId, {
    now: options.now,
    includeMedication: supportsInclude(capability, 'MedicationRequest', 'MedicationRequest:medication'),
    includeReportResults: supportsInclude(capability, 'DiagnosticReport', 'DiagnosticReport:result'),
    ...(options.maxCodesPerSearch ? { maxCodesPerSearch: options.maxCodesPerSearch } : {}),
  });

  // 2. Patient and searches.
  const patientRead = readOne(get, 'Patient', patientId, options.scopeLooksMissing);
  const searches = specs.map((spec) =>
    searchAllPages(pagedRequester, spec.path, { resourceType: spec.resourceType, maxPages, signal, scopeLooksMissing: options.scopeLooksMissing }),
  );
  const [patient, ...results] = await Promise.all([patientRead, ...searches]);

  if (patient!.ok && patient!.resource.id === patientId) {
    add(patient!.resource, 'patient');
    group('patient').statuses.push('complete');
  } else if (patient!.ok) {
    group('patient').statuses.push('unavailable');
    group('patient').reasons.push('the server answered the Patient read with a different patient');
  } else {
    group('patient').statuses.push('unavailable');
    group('patient').reasons.push(patient!.reason);
  }
  results.forEach((result, i) => collectSearch(specs[i]!, result as SearchResult));

  function collectSearch(spec: SearchSpec, result: SearchResult) {
    const state = group(spec.group);
    state.statuses.push(result.status);
    if (result.reason) state.reasons.push(result.reason);
    state.warnings.push(...result.warnings);
    for (const entry of result.entries) {
      const r = entry.resource;
      if (entry.mode === 'include') {
        if (r.resourceType === 'Medication') add(r, 'medications', entry.pageFullUrls);
        else if (r.resourceType === 'Observation' && hasWantedCode(r as fhir4.Observation)) add(r, spec.group, entry.pageFullUrls);
        continue;
      }
      if (r.resourceType !== spec.resourceType) {
        dropped.push({ resourceType: r.resourceType, id: r.id, reason: `returned by a ${spec.resourceType} search but not requested` });
        continue;
      }
      add(r, spec.group, entry.pageFullUrls);
    }
  }

  // 3. Panel members and Medications, in parallel under the same bound.
  const maxMemberReads = options.maxMemberReads ?? 300;
  const memberTask = async () => {
    const state = group('diagnostic-reports');
    const attempted = new Set<string>();
    let failures: string[] = [];
    let foreign = 0;
    let overLimit = 0;
    let lastRead: fhir4.Resource[] = [];
    for (let depth = 0; depth < MAX_MEMBER_DEPTH; depth++) {
      const wanted: string[] = [];
      const sources = depth === 0 ? [...byKey.values()] : lastRead;
      for (const r of sources) {
        const refs =
          r.resourceType === 'DiagnosticReport' ? ((r as fhir4.DiagnosticReport).result ?? []) : r.resourceType === 'Observation' ? ((r as fhir4.Observation).hasMember ?? []) : [];
        for (const ref of refs) {
          const parsed = parseReference(ref.reference, serverUrl);
          if (parsed.kind === 'foreign') foreign += 1;
          if (parsed.kind !== 'local' || parsed.resourceType !== 'Observation') continue;
          if (byKey.has(`Observation/${parsed.id}`) || attempted.has(parsed.id)) continue;
          if (attempted.size >= maxMemberReads) {
            overLimit += 1;
            continue;
          }
          attempted.add(parsed.id);
          wanted.push(parsed.id);
        }
      }
      if (wanted.length === 0) break;
      const reads = await Promise.all(wanted.map((id) => readOne(get, 'Observation', id, options.scopeLooksMissing)));
      const newlyRead: fhir4.Resource[] = [];
      for (const read of reads) {
        if (!read.ok) {
          failures.push(read.reason);
          continue;
        }
        const ownership = checkOwnership(read.resource, patientId, serverUrl);
        if (!ownership.ok) {
          dropped.push({ resourceType: 'Observation', id: read.resource.id, reason: ownership.reason });
          continue;
        }
        newlyRead.push(read.resource);
        if (hasWantedCode(read.resource as fhir4.Observation)) add(read.resource, 'diagnostic-reports');
      }
      lastRead = newlyRead;
    }
    failures = [...new Set(failures)];
    if (failures.length > 0) {
      state.statuses.push('incomplete');
      state.reasons.push(`some Observations referenced by lab reports could not be read: ${failures.join('; ')}`);
    }
    if (foreign > 0) {
      state.statuses.push('incomplete');
      state.reasons.push(`${foreign} lab report result reference(s) point to another server; not followed`);
    }
    if (overLimit > 0) {
      state.statuses.push('incomplete');
      state.reasons.push(`more than ${maxMemberReads} lab report result Observations to read; stopped at the safety limit`);
    }
  };

  const medicationTask = async () => {
    const state = group('medications');
    const loadedIds = new Set([...byKey.values()].filter((r) => r.resourceType === 'Medication' && r.id).map((r) => r.id!));
    const refs = medicationReferences(byKey.values(), loadedIds, serverUrl);
    const reads = await Promise.all(refs.toRead.map((id) => readOne(get, 'Medication', id, options.scopeLooksMissing)));
    const failures = new Set<string>();
    for (const read of reads) {
      if (read.ok) add(read.resource, 'medications');
      else failures.add(read.reason);
    }
    state.statuses.push(failures.size > 0 || refs.foreign > 0 || refs.unresolvable > 0 ? 'incomplete' : 'complete');
    if (failures.size > 0) state.reasons.push(`some Medications could not be read: ${[...failures].join('; ')}`);
    if (refs.foreign > 0) state.reasons.push(`${refs.foreign} medication reference(s) point to another server; not followed`);
    if (refs.unresolvable > 0) state.reasons.push(`${refs.unresolvable} medication reference(s) cannot be resolved`);
  };

  await Promise.all([memberTask(), medicationTask()]);

  const groupResults = Object.fromEntries(
    QUERY_GROUPS.map((g): [QueryGroup, QueryGroupResult] => {
      const s = group(g);
      const status = combine(s.statuses);
      const reasons = [...new Set(s.reasons)];
      return [
        g,
        {
          group: g,
          status,
          ...(status !== 'complete' && reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
          warnings: [...new Set(s.warnings)],
          count: s.keys.size,
        },
      ];
    }),
  ) as Record<QueryGroup, QueryGroupResult>;

  return { patientId, resources: [...byKey.values()], groups: groupResults, dropped, readAt: options.now };
}

/** All complete: complete. All unavailable: unavailable. Anything else (some data, some missing): incomplete. */
function combine(statuses: GroupStatus[]): GroupStatus {
  if (statuses.length === 0) return 'complete';
  if (statuses.every((s) => s === 'complete')) return 'complete';
  if (statuses.every((s) => s === 'unavailable')) return 'unavailable';
  return 'incomplete';
}

function isNewer(candidate: fhir4.Resource, existing: fhir4.Resource): boolean {
  const a = Date.parse(candidate.meta?.lastUpdated ?? '');
  const b = Date.parse(existing.meta?.lastUpdated ?? '');
  return Number.isFinite(a) && (!Number.isFinite(b) || a > b);
}

type ReadResult = { ok: true; resource: fhir4.Resource } | { ok: false; reason: string };

async function readOne(
  get: (path: string) => Promise<unknown>,
  resourceType: string,
  id: string,
  scopeLooksMissing: ((type: string) => boolean) | undefined,
): Promise<ReadResult> {
  try {
    const json = await get(`${resourceType}/${encodeURIComponent(id)}`);
    if (typeof json !== 'object' || json === null || (json as { resourceType?: unknown }).resourceType !== resourceType) {
      return { ok: false, reason: `the server did not answer a ${resourceType} read with a ${resourceType}` };
    }
    return { ok: true, resource: json as fhir4.Resource };
  } catch (error) {
    if (isFatal(error)) throw error;
    return { ok: false, reason: failureReason(error, { resourceType, action: 'read', scopeLooksMissing }) };
  }
}
