/**
 * A small hand-built clinical dataset, the same for every sandbox flavour, so a test can check that the loader returns
 * the same clinical resources whatever the server's quirks. Only the medication shape differs per flavour (Epic:
 * reference to Medication, Oracle: contained Medication, HAPI/launcher: CodeableConcept).
 * Dates are computed from `now` so nothing depends on today.
 */

export const PATIENT_ID = 'p1';
export const OTHER_PATIENT_ID = 'p2';

export type MedicationShape = 'reference' | 'contained' | 'coded';

const DAY = 86_400_000;
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const OBS_CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';

export const ENOXAPARIN_CODE: fhir4.CodeableConcept = {
  coding: [{ system: RXNORM, code: '854235', display: 'enoxaparin sodium 40 MG in 0.4 ML Prefilled Syringe' }],
  text: 'Enoxaparin 40 mg/0.4 mL prefilled syringe',
};

const iso = (ms: number) => new Date(ms).toISOString();
const subject = (id = PATIENT_ID): fhir4.Reference => ({ reference: `Patient/${id}` });
const category = (code: string): fhir4.CodeableConcept[] => [{ coding: [{ system: OBS_CAT, code }] }];

function lab(id: string, code: string, display: string, value: number, unit: string, at: number, opts: { category?: boolean; patient?: string } = {}): fhir4.Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    ...(opts.category === false ? {} : { category: category('laboratory') }),
    code: { coding: [{ system: LOINC, code, display }] },
    subject: subject(opts.patient),
    effectiveDateTime: iso(at),
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

function medicationFields(shape: MedicationShape): Pick<fhir4.MedicationRequest, 'medicationReference' | 'medicationCodeableConcept' | 'contained'> {
  switch (shape) {
    case 'reference':
      return { medicationReference: { reference: 'Medication/med-enox', display: 'ENOXAPARIN 40 MG/0.4ML SC SOSY' } };
    case 'contained':
      return { contained: [{ resourceType: 'Medication', id: 'm1', code: ENOXAPARIN_CODE } as fhir4.Medication], medicationReference: { reference: '#m1' } };
    case 'coded':
      return { medicationCodeableConcept: ENOXAPARIN_CODE };
  }
}

/** The ids (Type/id) of the clinical resources every flavour must return for the launch patient (no Medication). */
export const EXPECTED_CLINICAL_KEYS = [
  'Patient/p1',
  'Observation/dd-1',
  'Observation/dd-2',
  'Observation/dd-3',
  'Observation/plt-1',
  'Observation/inr-1',
  'Observation/wt-1',
  'Observation/edd-1',
  'DiagnosticReport/dr-1',
  'MedicationRequest/mr-enox',
  'MedicationAdministration/ma-enox-1',
  'MedicationAdministration/ma-enox-2',
  'ServiceRequest/sr-cs',
  'Appointment/ap-1',
  'Encounter/enc-1',
  'Condition/cond-preg',
  'AllergyIntolerance/al-1',
  'Procedure/proc-1',
].sort();

export function buildDataset(options: { now: number; medicationShape: MedicationShape }): fhir4.FhirResource[] {
  const { now, medicationShape } = options;
  const med = medicationFields(medicationShape);
  const resources: fhir4.FhirResource[] = [
    { resourceType: 'Patient', id: PATIENT_ID, gender: 'female', birthDate: '1990-04-02', name: [{ family: 'Testpatient', given: ['Ann'] }] },
    { resourceType: 'Patient', id: OTHER_PATIENT_ID, gender: 'female', birthDate: '1985-01-01', name: [{ family: 'Otherpatient', given: ['Bea'] }] },
    // D-dimer results (three, to force paging at small page sizes), one coagulation result with a category.
    lab('dd-1', '48065-7', 'D-dimer FEU', 0.62, 'mg/L', now - 20 * DAY),
    lab('dd-2', '48065-7', 'D-dimer FEU', 0.9, 'mg/L', now - 10 * DAY),
    lab('dd-3', '48066-5', 'D-dimer DDU', 410, 'ng/mL', now - 2 * DAY),
    lab('inr-1', '6301-6', 'INR', 1.0, '{INR}', now - 2 * DAY),
    // Panel members without category: only reachable through DiagnosticReport.result.
    lab('plt-1', '777-3', 'Platelets', 231, '10*3/uL', now - 2 * DAY, { category: false }),
    lab('glu-1', '2345-7', 'Glucose', 5.1, 'mmol/L', now - 2 * DAY, { category: false }),
    // Another patient's D-dimer, wrongly referenced by this patient's report: must be dropped.
    lab('dd-foreign', '48065-7', 'D-dimer FEU', 3.2, 'mg/L', now - 2 * DAY, { patient: OTHER_PATIENT_ID }),
    {
      resourceType: 'DiagnosticReport',
      id: 'dr-1',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
      code: { coding: [{ system: LOINC, code: '57021-8', display: 'CBC W Auto Differential panel' }] },
      subject: subject(),
      effectiveDateTime: iso(now - 2 * DAY),
      result: [{ reference: 'Observation/dd-3' }, { reference: 'Observation/plt-1' }, { reference: 'Observation/glu-1' }, { reference: 'Observation/dd-foreign' }],
    },
    {
      resourceType: 'Observation',
      id: 'wt-1',
      status: 'final',
      category: category('vital-signs'),
      code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
      subject: subject(),
      effectiveDateTime: iso(now - 5 * DAY),
      valueQuantity: { value: 72, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    },
    {
      // Estimated delivery date, recorded without a category (exam/survey in some EHRs).
      resourceType: 'Observation',
      id: 'edd-1',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '11778-8', display: 'Delivery date Estimated' }] },
      subject: subject(),
      effectiveDateTime: iso(now - 100 * DAY),
      valueDateTime: iso(now + 60 * DAY).slice(0, 10),
    },
    // Another patient's weight: never returned by a patient=p1 search.
    {
      resourceType: 'Observation',
      id: 'wt-other',
      status: 'final',
      category: category('vital-signs'),
      code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
      subject: subject(OTHER_PATIENT_ID),
      effectiveDateTime: iso(now - 5 * DAY),
      valueQuantity: { value: 90, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    },
    {
      resourceType: 'MedicationRequest',
      id: 'mr-enox',
      status: 'active',
      intent: 'order',
      subject: subject(),
      authoredOn: iso(now - 30 * DAY).slice(0, 10),
      ...med,
      dosageInstruction: [{ text: '40 mg subcutaneously once daily' }],
    },
    ...[1, 2].map(
      (n): fhir4.MedicationAdministration => ({
        resourceType: 'MedicationAdministration',
        id: `ma-enox-${n}`,
        status: 'completed',
        subject: subject(),
        effectiveDateTime: iso(now - n * DAY),
        ...(med as Pick<fhir4.MedicationAdministration, 'medicationReference' | 'medicationCodeableConcept' | 'contained'>),
        request: { reference: 'MedicationRequest/mr-enox' },
      }),
    ),
    {
      resourceType: 'ServiceRequest',
      id: 'sr-cs',
      status: 'active',
      intent: 'order',
      code: { coding: [{ system: SNOMED, code: '11466000', display: 'Cesarean section' }] },
      subject: subject(),
      occurrenceDateTime: iso(now + 45 * DAY),
    },
    {
      resourceType: 'Appointment',
      id: 'ap-1',
      status: 'booked',
      start: iso(now + 45 * DAY),
      end: iso(now + 45 * DAY + 3_600_000),
      participant: [{ actor: subject(), status: 'accepted' }],
    },
    {
      // Outside the searched window (five years ago): not expected.
      resourceType: 'Appointment',
      id: 'ap-old',
      status: 'fulfilled',
      start: iso(now - 5 * 365 * DAY),
      end: iso(now - 5 * 365 * DAY + 3_600_000),
      participant: [{ actor: subject(), status: 'accepted' }],
    },
    { resourceType: 'Encounter', id: 'enc-1', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, subject: subject() },
    {
      resourceType: 'Condition',
      id: 'cond-preg',
      subject: subject(),
      code: { coding: [{ system: SNOMED, code: '77386006', display: 'Pregnancy' }] },
      onsetDateTime: iso(now - 150 * DAY),
    },
    { resourceType: 'AllergyIntolerance', id: 'al-1', patient: subject(), code: { text: 'Penicillin' } },
    {
      resourceType: 'Procedure',
      id: 'proc-1',
      status: 'completed',
      subject: subject(),
      code: { coding: [{ system: SNOMED, code: '268556000', display: 'Ultrasound scan for fetal viability' }] },
      performedDateTime: iso(now - 100 * DAY),
    },
  ];
  if (medicationShape === 'reference') {
    resources.push({ resourceType: 'Medication', id: 'med-enox', code: ENOXAPARIN_CODE });
  }
  return resources;
}
