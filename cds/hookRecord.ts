/**
 * The patient's record for one hook call, as the RecordInput the app's domain reads:
 * - from the prefetch when the EHR sent the medication orders (the part that decides whether a card is due): groups
 *   that are not in the prefetch are "unavailable" with that reason, never "none";
 * - else from the FHIR server with `fhirAuthorization`, through the app's own loader (src/fhir/record.ts: the same
 *   searches, paging, ownership checks and completeness as the patient view);
 * - else nothing: the caller answers 412.
 * The proposals (draft orders, proposed appointments) are added to the record, replacing a stored version.
 */
import { reason, type Reason } from '../src/domain/reasons';
import { QUERY_GROUPS, type QueryGroup, type QueryGroupResult, type RecordInput } from '../src/domain/input';
import { createFhirRequester } from '../src/fhir/client';
import { medicationReferences } from '../src/fhir/medications';
import { checkOwnership } from '../src/fhir/ownership';
import { loadPatientRecord } from '../src/fhir/loadRecord';
import { PREFETCH_GROUPS } from './definition';
import type { HookRequest } from './hookRequest';

export type RecordSource = { kind: 'prefetch' | 'fhir'; input: RecordInput } | { kind: 'none'; reason: string };

const NOT_PREFETCHED: Reason = reason('cds.not-prefetched');
const isNotPrefetched = (r: Reason | undefined) => r?.code === NOT_PREFETCHED.code;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Gives every proposal an id (the event id and the card uuid are built from it). */
export function proposalsWithIds(request: HookRequest): fhir4.Resource[] {
  return request.proposals.map((r, i) => (r.id ? r : { ...r, id: `${request.hookInstance}-${i}` }));
}

function emptyGroups(reason: Reason): Record<QueryGroup, QueryGroupResult> {
  const out = {} as Record<QueryGroup, QueryGroupResult>;
  for (const g of QUERY_GROUPS) out[g] = { group: g, status: 'unavailable', reason, warnings: [], count: 0 };
  return out;
}

/** The prefetch as a RecordInput, or undefined when the medication orders are not in it. */
export function recordFromPrefetch(request: HookRequest, nowMs: number, serverUrl: string): RecordInput | undefined {
  const prefetch = request.prefetch;
  if (!prefetch || !isObject(prefetch.medicationRequests)) return undefined;
  const patientId = request.patientId;
  const groups = emptyGroups(NOT_PREFETCHED);
  const byKey = new Map<string, fhir4.Resource>();
  const dropped: RecordInput['dropped'] = [];
  const add = (r: fhir4.Resource, g: QueryGroup): boolean => {
    const own = checkOwnership(r, patientId, serverUrl);
    if (!own.ok) {
      dropped.push({ resourceType: r.resourceType, id: r.id, reason: own.reason });
      return false;
    }
    byKey.set(`${r.resourceType}/${r.id ?? `#${byKey.size}`}`, r);
    groups[g].count += 1;
    return true;
  };

  for (const [key, group] of Object.entries(PREFETCH_GROUPS)) {
    const value = prefetch[key];
    if (value === undefined || value === null) {
      groups[group] = { group, status: 'unavailable', reason: reason('cds.no-prefetch', { key }), warnings: [], count: 0 };
      continue;
    }
    if (!isObject(value) || typeof value.resourceType !== 'string') {
      groups[group] = { group, status: 'unavailable', reason: reason('cds.prefetch-not-resource', { key }), warnings: [], count: 0 };
      continue;
    }
    groups[group] = { group, status: 'complete', warnings: [], count: 0 };
    if (value.resourceType !== 'Bundle') {
      add(value as unknown as fhir4.Resource, group);
      continue;
    }
    const bundle = value as unknown as fhir4.Bundle;
    if ((bundle.link ?? []).some((l) => l.relation === 'next')) {
      groups[group] = { ...groups[group], status: 'incomplete', reason: reason('cds.prefetch-paged', { key }) };
    }
    for (const e of bundle.entry ?? []) {
      const r = e.resource;
      if (!r) continue;
      if (r.resourceType === 'OperationOutcome') {
        groups[group].warnings.push('the EHR added an OperationOutcome to the prefetch');
        continue;
      }
      if (r.resourceType === 'Medication') {
        if (groups.medications.status !== 'complete' || isNotPrefetched(groups.medications.reason)) groups.medications = { group: 'medications', status: 'complete', warnings: [], count: 0 };
        add(r, 'medications');
      } else add(r, group);
    }
  }
  // Medications referenced but not included: the orders they belong to cannot be recognised.
  const loaded = new Set([...byKey.values()].filter((r) => r.resourceType === 'Medication').map((r) => r.id ?? ''));
  const refs = medicationReferences(byKey.values(), loaded, serverUrl);
  const missing = refs.toRead.length + refs.foreign + refs.unresolvable;
  if (missing > 0) groups.medications = { group: 'medications', status: 'incomplete', reason: reason('cds.medications-not-prefetched', { n: missing }), warnings: [], count: groups.medications.count };
  else if (isNotPrefetched(groups.medications.reason)) groups.medications = { group: 'medications', status: 'complete', warnings: [], count: 0 };

  return { patientId, resources: [...byKey.values()], groups, dropped, readAt: nowMs };
}

/** The record from the FHIR server with the authorization the EHR gave (the app's loader). */
export async function recordFromFhir(request: HookRequest, nowMs: number, fetchImpl: typeof fetch = fetch): Promise<RecordInput> {
  const auth = request.fhirAuthorization!;
  const client = {
    state: { serverUrl: request.fhirServer!, tokenResponse: { access_token: auth.accessToken } },
    // The EHR's token cannot be refreshed by the service: a 401 ends the read.
    refresh: () => Promise.reject(new Error('no refresh')),
  };
  const requester = createFhirRequester(client, { fetch: fetchImpl, now: () => nowMs });
  return loadPatientRecord(requester, request.patientId, { now: nowMs });
}

/** Adds the proposals to the record (a stored version with the same id is replaced). */
export function withProposals(input: RecordInput, proposals: fhir4.Resource[]): RecordInput {
  const keys = new Set(proposals.map((p) => `${p.resourceType}/${p.id}`));
  return { ...input, resources: [...input.resources.filter((r) => !keys.has(`${r.resourceType}/${r.id}`)), ...proposals] };
}

/**
 * Chooses the source: the prefetch when it is complete; else FHIR with authorization; else a partial prefetch that
 * holds the medication orders (the missing parts named as unavailable); else none (412).
 */
export async function recordForHook(request: HookRequest, nowMs: number, fetchImpl?: typeof fetch): Promise<RecordSource> {
  const fromPrefetch = recordFromPrefetch(request, nowMs, request.fhirServer ?? 'http://prefetch.invalid/fhir');
  const canRead = !!(request.fhirServer && request.fhirAuthorization);
  const complete = Object.keys(PREFETCH_GROUPS).every((k) => request.prefetch?.[k] !== undefined && request.prefetch?.[k] !== null);
  if (fromPrefetch && (complete || !canRead)) return { kind: 'prefetch', input: fromPrefetch };
  if (canRead) {
    try {
      return { kind: 'fhir', input: await recordFromFhir(request, nowMs, fetchImpl) };
    } catch {
      return { kind: 'none', reason: 'fhir-failed' };
    }
  }
  return { kind: 'none', reason: 'no-data' };
}
