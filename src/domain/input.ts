/**
 * What the domain needs from the FHIR layer: every resource read for one patient (deduplicated by type and id), and
 * for each query group whether it is complete, incomplete (a page failed, a safety limit was hit, a foreign link) or
 * unavailable (not granted, 403, 400). The domain never claims "none" for a group that is not complete.
 * src/fhir produces this; src/domain/record.ts turns it into a ClinicalRecord.
 */
import type { Reason } from './reasons';

export const QUERY_GROUPS = [
  'patient',
  'observations-ddimer',
  'observations-coagulation',
  'observations-weight',
  'observations-pregnancy',
  'observations-findings',
  'diagnostic-reports',
  'medication-requests',
  'medication-administrations',
  'medication-statements',
  'medication-dispenses',
  'medications',
  'procedures',
  'service-requests',
  'appointments',
  'encounters',
  'conditions',
  'allergies',
] as const;
export type QueryGroup = (typeof QUERY_GROUPS)[number];

export type GroupStatus = 'complete' | 'incomplete' | 'unavailable';

export interface QueryGroupResult {
  group: QueryGroup;
  status: GroupStatus;
  /** Why it is incomplete or unavailable, as a reason code with parameters (the UI words it). */
  reason?: Reason;
  /** Warnings the server sent inside the Bundle (OperationOutcome entries), kept for display. */
  warnings: string[];
  /** How many resources this group contributed. */
  count: number;
}

/** A resource the FHIR layer dropped before it reached the domain (e.g. it belongs to another patient). */
export interface DroppedResource {
  resourceType: string;
  id: string | undefined;
  reason: Reason;
}

export interface RecordInput {
  /** The launch patient's id (from the SMART launch context). */
  patientId: string;
  /** All resources read for this patient, any type, deduplicated by resourceType/id. Medications included. */
  resources: fhir4.Resource[];
  groups: Record<QueryGroup, QueryGroupResult>;
  dropped: DroppedResource[];
  /** Epoch ms when the record was read (from the injected clock). */
  readAt: number;
  /**
   * Groups still being read while the load is in progress (their status meanwhile is 'incomplete'); empty or absent
   * once the load has finished.
   */
  loading?: QueryGroup[];
  /** The session ended during the load: what was read is kept, the groups not read are unavailable. */
  sessionExpired?: boolean;
}

/** Resources of one type from a RecordInput, typed. */
export function resourcesOfType<K extends fhir4.FhirResource['resourceType']>(
  input: Pick<RecordInput, 'resources'>,
  type: K,
): Extract<fhir4.FhirResource, { resourceType: K }>[] {
  return input.resources.filter((r) => r.resourceType === type) as Extract<fhir4.FhirResource, { resourceType: K }>[];
}
