/**
 * A test-only patient whose free-text fields carry script and HTML payloads (never a demo patient: the demo list is
 * what clinicians and testers browse). Written to a temporary file that the sandbox loads as SANDBOX_DATA would.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOSTILE_PATIENT_ID = 'hostile-text';

/** Each payload sets window.__pwned (or opens a dialog) if it ever runs as script. */
export const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=\'img\';alert(1)">',
  scriptClose: '</script><script>window.__pwned=\'script\'</script>',
  javascriptUrl: 'javascript:window.__pwned=\'url\';alert(2)',
  link: '<a href="javascript:window.__pwned=\'link\'">open</a>',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  /** Ends a CSS string with a form feed (a CSS newline), then hides the page if the print header's rule leaks. */
  cssBreakout: 'Q\f} } } main, [role="region"] { display: none !important } @media print { @page { @top-left { content: "',
} as const;

const ref = { reference: `Patient/${HOSTILE_PATIENT_ID}` };

/** The patient's resources, dated around the tests' fixed now (25 Nov 2026). */
export function hostileResources(): fhir4.Resource[] {
  return [
    {
      resourceType: 'Patient',
      id: HOSTILE_PATIENT_ID,
      name: [{ given: [`Ada ${PAYLOADS.img}`], family: `Hostile${PAYLOADS.scriptClose}${PAYLOADS.cssBreakout}` }],
      gender: 'female',
      birthDate: '1990-05-04',
      telecom: [{ system: 'url', value: PAYLOADS.javascriptUrl }],
    } as fhir4.Patient,
    {
      resourceType: 'MedicationRequest',
      id: 'hostile-text-medreq',
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854235', display: `enoxaparin ${PAYLOADS.svg}` }],
        text: `Enoxaparin 40 mg ${PAYLOADS.link}`,
      },
      subject: ref,
      authoredOn: '2026-11-01T10:00:00Z',
      dosageInstruction: [{ text: `40 mg once daily ${PAYLOADS.img}` }],
      note: [{ text: PAYLOADS.scriptClose }],
    } as fhir4.MedicationRequest,
    {
      resourceType: 'Condition',
      id: 'hostile-text-condition',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { text: `Deep vein thrombosis ${PAYLOADS.img}` },
      subject: ref,
      onsetDateTime: '2026-10-01T10:00:00Z',
    } as fhir4.Condition,
    {
      resourceType: 'Observation',
      id: 'hostile-text-ddimer',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }], text: `D-dimer ${PAYLOADS.svg}` },
      subject: ref,
      effectiveDateTime: '2026-11-20T09:00:00Z',
      valueQuantity: { value: 0.9, unit: `mg/L ${PAYLOADS.img}`, system: 'http://unitsofmeasure.org', code: 'mg/L' },
      note: [{ text: PAYLOADS.link }],
    } as fhir4.Observation,
    {
      resourceType: 'ServiceRequest',
      id: 'hostile-text-servicerequest',
      status: 'active',
      intent: 'order',
      code: { text: `Caesarean section ${PAYLOADS.javascriptUrl}` },
      subject: ref,
      occurrenceDateTime: '2026-11-30T08:30:00Z',
    } as fhir4.ServiceRequest,
  ];
}

/** Writes the patient as a collection Bundle to a temporary file and returns its path. */
export function writeHostileRecord(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lmwh-hostile-')), 'hostile-text.json');
  writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: hostileResources().map((resource) => ({ resource })) }));
  return file;
}
