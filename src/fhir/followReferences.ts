/**
 * Reads what the searches point to but did not return: Observations referenced by DiagnosticReport.result and
 * Observation.hasMember (panel members; kept when their LOINC code is one the app uses, up to three levels deep), and
 * Medications referenced by the medication resources and not `_include`d (each once). Individual reads, never a
 * batch or transaction. Failures leave the group incomplete with a reason.
 */
import { failureReason, isFatal, type FhirRequester } from './failures';
import { listParam, reasonParam } from '../domain/reasons';
import { fhirReason, type FhirReason } from './fhirReasons';
import { medicationReferences } from './medications';
import { checkOwnership } from './ownership';
import { GROUP_PRIORITY, hasWantedCode } from './queries';
import { typeIdKey, type RecordAccumulator } from './recordAccumulator';
import { parseReference } from './references';

const MAX_MEMBER_DEPTH = 3;

/** Distinct read failures as one list parameter. */
const reasonsParam = (failures: ReadonlyMap<string, FhirReason>) => listParam([...failures.values()].map(reasonParam));

type ReadResult = { ok: true; resource: fhir4.Resource } | { ok: false; reason: FhirReason };

export interface FollowOptions {
  scopeLooksMissing?: ((type: string) => boolean) | undefined;
  /** Individual reads of report/panel member Observations before the group is marked incomplete. */
  maxMemberReads: number;
}

export async function readOne(
  requester: FhirRequester,
  resourceType: string,
  id: string,
  scopeLooksMissing: ((type: string) => boolean) | undefined,
  priority = 0,
): Promise<ReadResult> {
  try {
    const json = await requester.get(`${resourceType}/${encodeURIComponent(id)}`, { priority });
    if (typeof json !== 'object' || json === null || (json as { resourceType?: unknown }).resourceType !== resourceType) {
      return { ok: false, reason: fhirReason('fhir.read-wrong-type', { type: resourceType }) };
    }
    return { ok: true, resource: json as fhir4.Resource };
  } catch (error) {
    if (isFatal(error)) throw error;
    return { ok: false, reason: failureReason(error, { resourceType, action: 'read', scopeLooksMissing }) };
  }
}

interface MemberTally {
  attempted: Set<string>;
  /** Distinct failure reasons, by their JSON. */
  failures: Map<string, FhirReason>;
  foreign: number;
  overLimit: number;
}

/** Local Observation ids referenced by `sources` that are neither loaded nor already attempted. */
function memberIdsToRead(sources: Iterable<fhir4.Resource>, acc: RecordAccumulator, tally: MemberTally, maxReads: number): string[] {
  const wanted: string[] = [];
  for (const r of sources) {
    const refs = r.resourceType === 'DiagnosticReport' ? ((r as fhir4.DiagnosticReport).result ?? []) : r.resourceType === 'Observation' ? ((r as fhir4.Observation).hasMember ?? []) : [];
    for (const ref of refs) {
      const parsed = parseReference(ref.reference, acc.serverUrl);
      if (parsed.kind === 'foreign') tally.foreign += 1;
      if (parsed.kind !== 'local' || parsed.resourceType !== 'Observation') continue;
      if (acc.byKey.has(typeIdKey('Observation', parsed.id)) || tally.attempted.has(parsed.id)) continue;
      if (tally.attempted.size >= maxReads) {
        tally.overLimit += 1;
        continue;
      }
      tally.attempted.add(parsed.id);
      wanted.push(parsed.id);
    }
  }
  return wanted;
}

/** Report results and panel members, level by level; the diagnostic-reports group counts the wanted ones. */
export async function readReportMembers(requester: FhirRequester, acc: RecordAccumulator, options: FollowOptions): Promise<void> {
  const tally: MemberTally = { attempted: new Set(), failures: new Map(), foreign: 0, overLimit: 0 };
  let sources: fhir4.Resource[] = [...acc.byKey.values()];
  for (let depth = 0; depth < MAX_MEMBER_DEPTH; depth++) {
    const wanted = memberIdsToRead(sources, acc, tally, options.maxMemberReads);
    if (wanted.length === 0) break;
    const reads = await Promise.all(wanted.map((id) => readOne(requester, 'Observation', id, options.scopeLooksMissing, GROUP_PRIORITY['diagnostic-reports'])));
    sources = [];
    for (const read of reads) {
      if (!read.ok) {
        tally.failures.set(JSON.stringify(read.reason), read.reason);
        continue;
      }
      const ownership = checkOwnership(read.resource, acc.patientId, acc.serverUrl);
      if (!ownership.ok) {
        acc.drop(read.resource, ownership.reason);
        continue;
      }
      sources.push(read.resource);
      if (hasWantedCode(read.resource as fhir4.Observation)) acc.add(read.resource, 'diagnostic-reports');
    }
  }
  reportMemberTally(acc, tally, options.maxMemberReads);
}

function reportMemberTally(acc: RecordAccumulator, tally: MemberTally, maxReads: number): void {
  const g = 'diagnostic-reports';
  if (tally.failures.size > 0) acc.status(g, 'incomplete', fhirReason('fhir.report-members-failed', { why: reasonsParam(tally.failures) }));
  if (tally.foreign > 0) acc.status(g, 'incomplete', fhirReason('fhir.report-members-foreign', { n: tally.foreign }));
  if (tally.overLimit > 0) acc.status(g, 'incomplete', fhirReason('fhir.report-members-limit', { max: maxReads }));
}

/** Medications referenced and not yet loaded, each read once; the medications group says what could not be. */
export async function readReferencedMedications(requester: FhirRequester, acc: RecordAccumulator, options: FollowOptions): Promise<void> {
  const resources = [...acc.byKey.values()];
  const loadedIds = new Set(resources.filter((r) => r.resourceType === 'Medication' && r.id).map((r) => r.id!));
  const refs = medicationReferences(resources, loadedIds, acc.serverUrl);
  const reads = await Promise.all(refs.toRead.map((id) => readOne(requester, 'Medication', id, options.scopeLooksMissing, GROUP_PRIORITY.medications)));
  const failures = new Map<string, FhirReason>();
  for (const read of reads) {
    if (read.ok) acc.add(read.resource, 'medications');
    else failures.set(JSON.stringify(read.reason), read.reason);
  }
  const g = 'medications';
  acc.status(g, failures.size > 0 || refs.foreign > 0 || refs.unresolvable > 0 ? 'incomplete' : 'complete');
  if (failures.size > 0) acc.status(g, 'incomplete', fhirReason('fhir.medications-failed', { why: reasonsParam(failures) }));
  if (refs.foreign > 0) acc.status(g, 'incomplete', fhirReason('fhir.medication-refs-foreign', { n: refs.foreign }));
  if (refs.unresolvable > 0) acc.status(g, 'incomplete', fhirReason('fhir.medication-refs-unresolvable', { n: refs.unresolvable }));
}
