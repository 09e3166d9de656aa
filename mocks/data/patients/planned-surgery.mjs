// Patient 7: about 16 weeks pregnant, DVT this pregnancy on therapeutic enoxaparin 80 mg every 12 h, a laparoscopy
// planned in 5 days (Procedure in preparation, date-only), a draft cerclage order with no date, and CrCl 28 mL/min.
import {
  SYS, INTERP, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, ROUTE_SC,
  cc, coding, qty, loinc, patient, patientRef, ref, observation, weight, edd, dosage, pregnancy,
} from '../lib.mjs';

export const ID = 'planned-surgery';

/** Gestational age today: 16 weeks 2 days. */
export const GA_TODAY_DAYS = 16 * 7 + 2;

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const preg = pregnancy(GA_TODAY_DAYS);
  const pt = patient({ id: pid, given: ['Chloe'], family: 'Fairbairn', birthDate: c.birthDate(38, 111), mrn: 'DEMO-1007' });

  const eddObs = edd(`${pid}-obs-edd`, pid, c.at(preg.day(12, 4), '09:40'), c.date(preg.edd));
  const dvt = {
    resourceType: 'Condition',
    id: `${pid}-cond-dvt`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc([coding(SYS.snomed, '128053003', 'Deep venous thrombosis')], 'Left calf deep vein thrombosis'),
    subject: patientRef(pid),
    onsetDateTime: c.at(-23, '07:30'),
    recordedDate: c.at(-23, '13:10'),
  };
  const enoxaparin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '854241', '0.8 ML enoxaparin sodium 100 MG/ML Prefilled Syringe')], 'Enoxaparin 80 mg/0.8 mL'),
    subject: patientRef(pid),
    authoredOn: c.at(-23, '13:30'),
    reasonReference: [ref(dvt)],
    dosageInstruction: [
      dosage({
        text: '1 mg/kg (80 mg) subcutaneously every 12 hours (treatment dose, weight 80 kg)',
        dose: qty(80, 'mg'),
        timing: { frequency: 1, period: 12, periodUnit: 'h' },
        bounds: { start: c.at(-23, '14:00') },
      }),
    ],
  };
  const lastAdmin = {
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-enoxaparin-d2`,
    status: 'completed',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '854241')]),
    subject: patientRef(pid),
    effectiveDateTime: c.at(-2, '08:00'),
    request: ref(enoxaparin),
    dosage: { route: ROUTE_SC, dose: qty(80, 'mg') },
  };
  const laparoscopy = {
    resourceType: 'Procedure',
    id: `${pid}-proc-laparoscopy`,
    status: 'preparation',
    code: cc([coding(SYS.snomed, '73632009', 'Laparoscopy')], 'Laparoscopy'),
    subject: patientRef(pid),
    performedDateTime: c.date(5),
    note: [{ text: 'Listed for laparoscopy (adnexal mass); theatre time not yet fixed.' }],
  };
  const cerclage = {
    resourceType: 'ServiceRequest',
    id: `${pid}-sr-cerclage`,
    status: 'draft',
    intent: 'order',
    code: { text: 'Cervical cerclage' },
    subject: patientRef(pid),
    authoredOn: c.at(-4, '16:20'),
    note: [{ text: 'Date not set yet.' }],
  };
  const crcl = observation({
    id: `${pid}-obs-crcl`, pid,
    code: loinc('2164-2', 'Creatinine renal clearance in 24 hour Urine and Serum or Plasma', 'Creatinine clearance'),
    effective: c.at(-3, '10:00'),
    value: { valueQuantity: qty(28, 'mL/min') },
    extra: { interpretation: INTERP.L, referenceRange: [{ low: qty(90, 'mL/min'), text: '> 90 mL/min' }] },
  });
  const platelets = observation({
    id: `${pid}-obs-platelets`, pid,
    code: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelets'),
    effective: c.at(-23, '08:15'),
    value: { valueQuantity: qty(228, '10*3/uL') },
  });
  const allergy = {
    resourceType: 'AllergyIntolerance',
    id: `${pid}-allergy-penicillin`,
    clinicalStatus: cc([coding('http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'active', 'Active')]),
    verificationStatus: cc([coding('http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', 'confirmed', 'Confirmed')]),
    type: 'allergy',
    category: ['medication'],
    // Text only on purpose: a non-heparin allergy the app must not mistake for a heparin allergy.
    code: { text: 'Penicillin' },
    patient: patientRef(pid),
    recordedDate: c.at(-900, '11:00'),
    reaction: [{ manifestation: [{ text: 'Urticarial rash' }] }],
  };

  return {
    id: pid,
    name: 'Chloe Fairbairn',
    birthDate: pt.birthDate,
    scenario: 'About 16 weeks pregnant; DVT on enoxaparin 80 mg every 12 h; laparoscopy planned in 5 days (date only); cerclage order without a date; CrCl 28 mL/min.',
    resources: [pt, eddObs, dvt, enoxaparin, lastAdmin, laparoscopy, cerclage, crcl, platelets, allergy, weight(`${pid}-obs-weight`, pid, c.at(-23, '08:00'), 80)],
  };
}
