/** FHIR builders for the IVF domain tests (not part of the app). Times are fixed UTC instants. */
import { QUERY_GROUPS, type QueryGroup, type QueryGroupResult, type RecordInput } from '../../src/domain/input';

export const LOINC = 'http://loinc.org';
export const SCT = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const IVF = 'https://lmwh-monitor.example/fhir/CodeSystem/ivf';
export const ZONE = 'Europe/London';
/** A fixed "now": 15 Jan 2026 10:00 UTC (winter, London = UTC). */
export const NOW = Date.UTC(2026, 0, 15, 10, 0);
/** An ISO instant `days` days (and `hours` hours) from NOW. */
export const at = (days: number, hours = 0): string => new Date(NOW + days * 86_400_000 + hours * 3_600_000).toISOString();

export function record(resources: fhir4.Resource[], incomplete: QueryGroup[] = []): RecordInput {
  const groups = Object.fromEntries(
    QUERY_GROUPS.map((g): [QueryGroup, QueryGroupResult] => [g, { group: g, status: incomplete.includes(g) ? 'incomplete' : 'complete', warnings: [], count: 0 }]),
  ) as Record<QueryGroup, QueryGroupResult>;
  return { patientId: 'p1', resources, groups, dropped: [], readAt: NOW };
}

export function transfer(id: string, when: string, opts: { code?: string; text?: string; note?: string; status?: fhir4.Procedure['status'] } = {}): fhir4.Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: opts.status ?? 'completed',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: SCT, code: opts.code ?? '75456002' }], text: opts.text ?? 'Embryo transfer' },
    performedDateTime: when,
    ...(opts.note ? { note: [{ text: opts.note }] } : {}),
  };
}

export function retrieval(id: string, when: string): fhir4.Procedure {
  return { resourceType: 'Procedure', id, status: 'completed', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: SCT, code: '177037000' }] }, performedDateTime: when };
}

export function embryoAge(id: string, transferId: string, days: number, when: string): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: IVF, code: 'embryo-age-at-transfer' }] },
    effectiveDateTime: when,
    valueQuantity: { value: days, unit: 'days', system: UCUM, code: 'd' },
    partOf: [{ reference: `Procedure/${transferId}` }],
  };
}

export function lab(id: string, code: string, when: string, fields: Partial<fhir4.Observation> = {}): fhir4.Observation {
  return { resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: when, ...fields };
}

export const answer = (code: string, display: string): Partial<fhir4.Observation> => ({ valueCodeableConcept: { coding: [{ system: SCT, code, display }], text: display } });

export function condition(id: string, fields: Partial<fhir4.Condition>): fhir4.Condition {
  return { resourceType: 'Condition', id, subject: { reference: 'Patient/p1' }, ...fields };
}

/** Enoxaparin 40 mg (RxNorm 854235 syringe) once daily from `start` to `end`. */
export function enoxaparin(id: string, start: string, end?: string, status: fhir4.MedicationRequest['status'] = 'active'): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854235' }], text: 'Clexane 40 mg/0.4 mL' },
    authoredOn: start,
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsPeriod: { start, ...(end ? { end } : {}) } } },
        route: { coding: [{ system: SCT, code: '34206005' }] },
        doseAndRate: [{ doseQuantity: { value: 40, unit: 'mg', system: UCUM, code: 'mg' } }],
      },
    ],
  };
}

export function dispense(id: string, orderId: string, when: string, syringes: number, extra: Partial<fhir4.MedicationDispense> = {}): fhir4.MedicationDispense {
  return {
    resourceType: 'MedicationDispense',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854235' }] },
    authorizingPrescription: [{ reference: `MedicationRequest/${orderId}` }],
    quantity: { value: syringes, unit: 'syringe', system: UCUM, code: '{syringe}' },
    whenHandedOver: when,
    ...extra,
  };
}

export function medOrder(id: string, atc: string, text: string, start: string, dosageText: string): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: atc }], text },
    authoredOn: start,
    dosageInstruction: [{ text: dosageText, timing: { repeat: { boundsPeriod: { start } } } }],
  };
}

export function administration(id: string, atc: string, text: string, when: string): fhir4.MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: atc }], text },
    effectiveDateTime: when,
  };
}
