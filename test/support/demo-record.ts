/**
 * Test support: a ClinicalRecord for a demo patient at a fixed instant, built exactly as the app builds it
 * (demo resources -> RecordInput with every group complete, unless told otherwise -> buildClinicalRecord).
 */
import { DateTime } from 'luxon';
import { demoPatients } from '../../mocks/data/index.mjs';
import { QUERY_GROUPS, type GroupStatus, type QueryGroup, type RecordInput } from '../../src/domain/input';
import { buildClinicalRecord, type ClinicalRecord } from '../../src/domain/record';
import { loadUnitConverter } from '../../src/domain/labs';
import { reason } from '../../src/domain/reasons';
import { OBSERVATION_QUERY_CODES } from '../../src/domain/codes';
import { AFTER_FIRST_SCREEN } from '../../src/domain/plan/firstScreenReads';

export const DEMO_TEST_ZONE = 'Europe/London';
/** 25 Nov 2026 10:00 London: the fixed "now" of UI tests. */
export const DEMO_TEST_NOW = DateTime.fromISO('2026-11-25T10:00:00', { zone: DEMO_TEST_ZONE }).toMillis();

export type DemoPatientId =
  | 'ivf-ohss'
  | 'third-trimester'
  | 'recurrent-miscarriage'
  | 'bleeding'
  | 'no-lmwh'
  | 'many-labs'
  | 'planned-surgery'
  | 'ivf-frozen-positive'
  | 'ivf-negative-hcg';

/** The raw demo resources of one patient at `now`. */
export function demoResources(id: DemoPatientId, now = DEMO_TEST_NOW): fhir4.FhirResource[] {
  const p = (demoPatients(now) as { id: string; resources: fhir4.FhirResource[] }[]).find((d) => d.id === id);
  if (!p) throw new Error(`no demo patient ${id}`);
  return p.resources;
}

/** A RecordInput for resources; groups listed in `statuses` get that status (with a reason), the rest are complete. */
export function recordInputFor(resources: fhir4.Resource[], patientId: string, statuses: Partial<Record<QueryGroup, GroupStatus>> = {}, now = DEMO_TEST_NOW): RecordInput {
  const groups = Object.fromEntries(
    QUERY_GROUPS.map((g) => {
      const status = statuses[g] ?? 'complete';
      return [g, { group: g, status, reason: status === 'complete' ? undefined : reason('fhir.search-failed', { type: g, why: `test: ${g} ${status}` }), warnings: [], count: 0 }];
    }),
  ) as unknown as RecordInput['groups'];
  return { patientId, resources, groups, dropped: [], readAt: now };
}

/** The ClinicalRecord of a demo patient at `now` in Europe/London. */
export async function demoRecord(id: DemoPatientId, options: { now?: number; statuses?: Partial<Record<QueryGroup, GroupStatus>> } = {}): Promise<ClinicalRecord> {
  const now = options.now ?? DEMO_TEST_NOW;
  const units = await loadUnitConverter();
  return buildClinicalRecord(recordInputFor(demoResources(id, now), id, options.statuses, now), { nowMs: now, zone: DEMO_TEST_ZONE, units });
}

const LATER_CODES = new Set<string>([...OBSERVATION_QUERY_CODES.ddimer, ...OBSERVATION_QUERY_CODES.coagulation, ...OBSERVATION_QUERY_CODES.findings]);

/** What the searches read after the first screen's return: lab results (D-dimer, coagulation, work-up), lab reports, allergies. */
export const isReadAfterFirstScreen = (r: fhir4.Resource): boolean =>
  r.resourceType === 'DiagnosticReport' ||
  r.resourceType === 'AllergyIntolerance' ||
  (r.resourceType === 'Observation' && ((r as fhir4.Observation).code.coding ?? []).some((c) => c.code !== undefined && LATER_CODES.has(c.code)));

/** A demo patient's record as it stands when the first screen's searches are in and the rest are still being read. */
export async function demoRecordAtFirstScreen(id: DemoPatientId, now = DEMO_TEST_NOW): Promise<ClinicalRecord> {
  const units = await loadUnitConverter();
  const statuses = Object.fromEntries(AFTER_FIRST_SCREEN.map((g) => [g, 'incomplete' as const]));
  const input = { ...recordInputFor(demoResources(id, now).filter((r) => !isReadAfterFirstScreen(r)), id, statuses, now), loading: [...AFTER_FIRST_SCREEN] };
  return buildClinicalRecord(input, { nowMs: now, zone: DEMO_TEST_ZONE, units });
}
