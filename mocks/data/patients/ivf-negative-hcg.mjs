// Patient 9: fresh IVF cycle, two day-3 embryos transferred 16 days ago, negative urine and serum hCG (not pregnant
// after this transfer), but the enoxaparin order is still active and the dispensed syringes run out before its end.
import {
  SYS, CATEGORY, INTERP, ONCE_DAILY, ROUTE_SC,
  cc, coding, qty, loinc, patient, patientRef, ref, observation, weight, pregnancyStatus, dosage,
} from '../lib.mjs';

export const ID = 'ivf-negative-hcg';

/** @param {string} pid @param {ReturnType<typeof import('../lib.mjs').clock>} c */
function cycle(pid, c) {
  const stimulation = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-menotropin`,
    status: 'completed',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03GA02', 'human menopausal gonadotrophin')], 'Menopur 225 IU'),
    subject: patientRef(pid),
    authoredOn: c.at(-31, '14:00'),
    dosageInstruction: [
      dosage({ text: '225 IU subcutaneously once daily', dose: qty(225, 'IU', '[iU]'), timing: ONCE_DAILY, bounds: { start: c.at(-30, '20:00'), end: c.at(-21, '20:00') } }),
    ],
  };
  const triggerShot = {
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-trigger`,
    status: 'completed',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03GA01', 'chorionic gonadotrophin')], 'Pregnyl 5000 IU (trigger)'),
    subject: patientRef(pid),
    effectiveDateTime: c.at(-21, '21:00'),
    dosage: { route: ROUTE_SC, dose: qty(5000, 'IU', '[iU]') },
  };
  const retrieval = {
    resourceType: 'Procedure',
    id: `${pid}-proc-oocyte-retrieval`,
    status: 'completed',
    code: cc([coding(SYS.snomed, '177037000', 'Oocyte recovery (procedure)')], 'Transvaginal oocyte retrieval'),
    subject: patientRef(pid),
    performedDateTime: c.at(-19, '09:00'),
  };
  const transferTime = c.at(-16, '11:00');
  const transfer = {
    resourceType: 'Procedure',
    id: `${pid}-proc-embryo-transfer`,
    status: 'completed',
    code: cc([coding(SYS.snomed, '75456002', 'Embryo transfer (procedure)')], 'Embryo transfer'),
    subject: patientRef(pid),
    performedDateTime: transferTime,
    note: [{ text: 'Fresh cycle: two day-3 embryos transferred.' }],
  };
  const embryoAge = observation({
    id: `${pid}-obs-embryo-age`,
    pid,
    code: { coding: [{ system: SYS.ivf, code: 'embryo-age-at-transfer', display: 'Embryo age at transfer' }], text: 'Embryo age at transfer' },
    effective: transferTime,
    category: CATEGORY.exam,
    value: { valueQuantity: { value: 3, unit: 'days', system: SYS.ucum, code: 'd' } },
    extra: { partOf: [ref(transfer)] },
  });
  const progesterone = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-progesterone`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03DA04', 'progesterone')], 'Crinone 8% vaginal gel (luteal support)'),
    subject: patientRef(pid),
    authoredOn: c.at(-19, '12:00'),
    dosageInstruction: [
      dosage({ text: '90 mg vaginally once daily', dose: qty(90, 'mg'), timing: ONCE_DAILY, route: { text: 'Vaginal' }, bounds: { start: c.at(-19, '20:00') } }),
    ],
  };
  return [stimulation, triggerShot, retrieval, transfer, embryoAge, progesterone];
}

/** @param {string} pid @param {ReturnType<typeof import('../lib.mjs').clock>} c */
function lmwh(pid, c) {
  const enoxaparin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '854235', '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe')], 'Clexane 40 mg/0.4 mL pre-filled syringe'),
    subject: patientRef(pid),
    authoredOn: c.at(-16, '11:45'),
    dosageInstruction: [
      dosage({ text: '40 mg subcutaneously once daily at 18:00 from the transfer', dose: qty(40, 'mg'), timing: { ...ONCE_DAILY, timeOfDay: ['18:00:00'] }, bounds: { start: c.at(-16, '18:00'), end: c.at(40, '18:00') } }),
    ],
  };
  // 20 syringes handed over free under the IVF programme: they last until day +4, the order runs to day +40.
  const dispense = {
    resourceType: 'MedicationDispense',
    id: `${pid}-meddisp-enoxaparin`,
    status: 'completed',
    medicationCodeableConcept: enoxaparin.medicationCodeableConcept,
    subject: patientRef(pid),
    authorizingPrescription: [ref(enoxaparin)],
    quantity: { value: 20, unit: 'pre-filled syringe', system: SYS.ucum, code: '{syringe}' },
    daysSupply: { value: 20, unit: 'days', system: SYS.ucum, code: 'd' },
    whenHandedOver: c.at(-16, '12:10'),
  };
  const doses = [-3, -2, -1].map((day) => ({
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-enoxaparin-d${Math.abs(day)}`,
    status: 'completed',
    medicationCodeableConcept: enoxaparin.medicationCodeableConcept,
    subject: patientRef(pid),
    effectiveDateTime: c.at(day, '18:00'),
    request: ref(enoxaparin),
    dosage: { route: ROUTE_SC, dose: qty(40, 'mg') },
  }));
  return [enoxaparin, dispense, ...doses];
}

/** @param {string} pid @param {ReturnType<typeof import('../lib.mjs').clock>} c */
function results(pid, c) {
  const estradiol = observation({
    id: `${pid}-obs-estradiol-d22`,
    pid,
    code: loinc('2243-4', 'Estradiol (E2) [Mass/volume] in Serum or Plasma', 'Oestradiol'),
    effective: c.at(-22, '08:10'),
    value: { valueQuantity: qty(1840, 'pg/mL') },
    extra: { interpretation: INTERP.H },
  });
  const serumHcg = observation({
    id: `${pid}-obs-hcg-serum`,
    pid,
    code: loinc('21198-7', 'Choriogonadotropin.beta subunit [Units/volume] in Serum or Plasma', 'Serum beta-hCG'),
    effective: c.at(-2, '08:30'),
    value: { valueQuantity: { ...qty(2, 'mIU/mL', 'm[IU]/mL'), comparator: '<' } },
    extra: { interpretation: INTERP.N, referenceRange: [{ high: qty(5, 'mIU/mL', 'm[IU]/mL'), text: 'Non-pregnant < 5 mIU/mL' }] },
  });
  const urineHcg = observation({
    id: `${pid}-obs-hcg-urine`,
    pid,
    code: loinc('2106-3', 'Choriogonadotropin (pregnancy test) [Presence] in Urine', 'Urine pregnancy test'),
    effective: c.at(-2, '07:50'),
    value: { valueCodeableConcept: cc([coding(SYS.snomed, '260385009', 'Negative')], 'Negative') },
  });
  const pregStatus = pregnancyStatus(`${pid}-obs-pregnancy-status`, pid, c.at(-1, '10:00'), 'LA26683-5', 'Not pregnant', {
    note: [{ text: 'Negative hCG 14 days after the transfer.' }],
  });
  return [estradiol, urineHcg, serumHcg, pregStatus];
}

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const pt = patient({ id: pid, given: ['Sofia'], family: 'Lindqvist', birthDate: c.birthDate(39, 52), mrn: 'DEMO-1009' });
  const platelets = observation({
    id: `${pid}-obs-platelets-baseline`,
    pid,
    code: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelet count'),
    effective: c.at(-31, '10:20'),
    value: { valueQuantity: qty(233, '10*3/uL') },
  });
  return {
    id: pid,
    name: 'Sofia Lindqvist',
    birthDate: pt.birthDate,
    scenario: 'IVF: fresh transfer of two day-3 embryos 16 days ago, negative hCG, enoxaparin order still active; the dispensed syringes run out before the order ends.',
    resources: [pt, ...cycle(pid, c), ...lmwh(pid, c), ...results(pid, c), weight(`${pid}-obs-weight`, pid, c.at(-31, '10:00'), 71), platelets],
  };
}
