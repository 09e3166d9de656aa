/** Test support: proposals as an EHR sends them in `appointment-book` and `order-sign`. */
export const SNOMED = 'http://snomed.info/sct';

export const PROCEDURES = {
  caesarean: { code: '177141003', display: 'Elective cesarean section', text: 'Elective caesarean section' },
  induction: { code: '236958009', display: 'Induction of labour', text: 'Induction of labour' },
  surgery: { code: '73632009', display: 'Laparoscopy', text: 'Laparoscopy' },
  retrieval: { code: '177037000', display: 'Oocyte retrieval', text: 'Oocyte retrieval' },
  dental: { code: undefined, display: undefined, text: 'Dental check-up' },
} as const;
export type ProcedureKind = keyof typeof PROCEDURES;

function concept(kind: ProcedureKind): fhir4.CodeableConcept {
  const p = PROCEDURES[kind];
  return p.code ? { coding: [{ system: SNOMED, code: p.code, display: p.display }], text: p.text } : { text: p.text };
}

export function proposedAppointment(id: string, patientId: string, kind: ProcedureKind, start: string | undefined): fhir4.Appointment {
  return {
    resourceType: 'Appointment',
    id,
    status: 'proposed',
    serviceType: [concept(kind)],
    ...(start ? { start } : {}),
    participant: [{ actor: { reference: `Patient/${patientId}` }, status: 'needs-action' }],
  };
}

export function draftServiceRequest(id: string, patientId: string, kind: ProcedureKind, occurrence: string | undefined): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'draft',
    intent: 'order',
    code: concept(kind),
    subject: { reference: `Patient/${patientId}` },
    ...(occurrence ? { occurrenceDateTime: occurrence } : {}),
  };
}

export const bundleOf = (resources: fhir4.Resource[]): fhir4.Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource: resource as fhir4.FhirResource })),
});
