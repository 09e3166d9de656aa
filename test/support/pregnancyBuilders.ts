/** Small FHIR builders for the pregnancy tests (not part of the app). */
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';

/** An Observation with a LOINC code and the given fields. */
export function obs(id: string, code: string, fields: Partial<fhir4.Observation> = {}): fhir4.Observation {
  return { resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: LOINC, code }] }, ...fields };
}

/** An EDD Observation (11778-8 by default). */
export function edd(id: string, value: string, recorded?: string, code = '11778-8'): fhir4.Observation {
  return obs(id, code, { valueDateTime: value, ...(recorded ? { effectiveDateTime: recorded } : {}) });
}

/** An LMP Observation (8665-2). */
export function lmp(id: string, value: string, recorded?: string): fhir4.Observation {
  return obs(id, '8665-2', { valueDateTime: value, ...(recorded ? { effectiveDateTime: recorded } : {}) });
}

/** A gestational-age Observation in weeks (optionally with a 49052-4 days component). */
export function ga(id: string, code: string, weeks: number, at: string, days?: number): fhir4.Observation {
  return obs(id, code, {
    effectiveDateTime: at,
    valueQuantity: { value: weeks, unit: 'wk', system: 'http://unitsofmeasure.org', code: 'wk' },
    ...(days !== undefined
      ? { component: [{ code: { coding: [{ system: LOINC, code: '49052-4' }] }, valueQuantity: { value: days, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' } }] }
      : {}),
  });
}

/** A completed embryo-transfer Procedure (SNOMED 75456002 by default). */
export function transfer(id: string, performed: string, fields: Partial<fhir4.Procedure> = {}): fhir4.Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p' },
    code: { coding: [{ system: SCT, code: '75456002', display: 'Embryo transfer' }] },
    performedDateTime: performed,
    ...fields,
  };
}

/** An embryo-age Observation (local IVF code) linked to a transfer Procedure. */
export function embryoAge(id: string, procedureId: string, days: number, unit = 'd'): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'https://lmwh-monitor.example/fhir/CodeSystem/ivf', code: 'embryo-age-at-transfer' }], text: 'Embryo age at transfer' },
    partOf: [{ reference: `Procedure/${procedureId}` }],
    valueQuantity: { value: days, unit, code: unit, system: 'http://unitsofmeasure.org' },
  };
}

/** A completed birth Procedure (caesarean 11466000 by default). */
export function birth(id: string, performed: string, code = '11466000'): fhir4.Procedure {
  return { resourceType: 'Procedure', id, status: 'completed', subject: { reference: 'Patient/p' }, code: { coding: [{ system: SCT, code }] }, performedDateTime: performed };
}

/** Epoch ms of a wall-clock time in UTC. */
export const utc = (iso: string): number => Date.parse(iso);
