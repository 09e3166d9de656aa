// Patient 4: about 9 weeks pregnant, vaginal bleeding since yesterday 21:15, on nadroparin (contained Medication,
// ATC and SNOMED only: nadroparin has no RxNorm concept).
import {
  SYS, CATEGORY, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_DIAGNOSIS, ONCE_DAILY, ROUTE_SC,
  cc, coding, qty, patient, patientRef, ref, weight, edd, dosage, pregnancy, observation, loinc,
} from '../lib.mjs';

export const ID = 'bleeding';

/** Gestational age today: 9 weeks 2 days. */
export const GA_TODAY_DAYS = 9 * 7 + 2;

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const preg = pregnancy(GA_TODAY_DAYS);
  const pt = patient({ id: pid, given: ['Sarah', 'Jane'], family: 'Okonkwo', birthDate: c.birthDate(29, 18), mrn: 'DEMO-1004' });

  const eddObs = edd(`${pid}-obs-edd`, pid, c.at(preg.day(7, 1), '14:30'), c.date(preg.edd));

  const bleeding = {
    resourceType: 'Condition',
    id: `${pid}-cond-vaginal-bleeding`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_DIAGNOSIS,
    code: cc([coding(SYS.snomed, '723665008', 'Vaginal bleeding complicating early pregnancy')], 'Vaginal bleeding in early pregnancy'),
    subject: patientRef(pid),
    onsetDateTime: c.at(-1, '21:15'),
    recordedDate: c.at(-1, '22:40'),
    note: [{ text: 'Fresh red bleeding since 21:15, light; attended early pregnancy unit.' }],
  };

  const nadroparin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-nadroparin`,
    contained: [
      {
        resourceType: 'Medication',
        id: 'med',
        code: cc([coding(SYS.atc, 'B01AB06', 'nadroparin'), coding(SYS.snomed, '699946002', 'Nadroparin')], 'Fraxiparine 2850 IU/0.3 mL'),
      },
    ],
    status: 'active',
    intent: 'order',
    medicationReference: { reference: '#med', display: 'Fraxiparine 2850 IU/0.3 mL' },
    subject: patientRef(pid),
    authoredOn: c.at(-21, '10:00'),
    dosageInstruction: [
      dosage({ text: '2850 IU (0.3 mL) subcutaneously once daily', dose: qty(2850, 'IU', '[iU]'), timing: ONCE_DAILY, bounds: { start: c.at(-21, '20:00') } }),
    ],
  };
  const lastDose = {
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-nadroparin-d1`,
    status: 'completed',
    medicationCodeableConcept: cc([coding(SYS.atc, 'B01AB06')], 'Fraxiparine'),
    subject: patientRef(pid),
    effectiveDateTime: c.at(-1, '20:00'),
    request: ref(nadroparin),
    dosage: { route: ROUTE_SC, dose: qty(2850, 'IU', '[iU]') },
  };
  const hb = observation({
    id: `${pid}-obs-hb`, pid,
    code: loinc('718-7', 'Hemoglobin [Mass/volume] in Blood', 'Haemoglobin'),
    effective: c.at(-1, '23:05'),
    value: { valueQuantity: qty(12.1, 'g/dL') },
    category: CATEGORY.laboratory,
  });

  return {
    id: pid,
    name: 'Sarah Jane Okonkwo',
    birthDate: pt.birthDate,
    scenario: 'About 9 weeks pregnant; vaginal bleeding since yesterday 21:15; on nadroparin (Fraxiparine) 2850 IU daily, coded by ATC/SNOMED only.',
    resources: [pt, eddObs, bleeding, nadroparin, lastDose, hb, weight(`${pid}-obs-weight`, pid, c.at(preg.day(7, 1), '14:00'), 59)],
  };
}
