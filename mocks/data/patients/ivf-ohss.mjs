// Patient 1: IVF cycle, embryo transfer 10 days ago, OHSS risk, on prophylactic enoxaparin and high-dose estradiol;
// the serum hCG test is planned for tomorrow, so the pregnancy is not confirmed.
import {
  SYS, CATEGORY, INTERP, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, ONCE_DAILY, ROUTE_SC,
  cc, coding, qty, loinc, patient, patientRef, ref, observation, weight, pregnancyStatus, dosage,
} from '../lib.mjs';

export const ID = 'ivf-ohss';

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const pt = patient({ id: pid, given: ['Hannah'], family: 'Whitcombe', birthDate: c.birthDate(34, 73), mrn: 'DEMO-1001' });

  const retrieval = {
    resourceType: 'Procedure',
    id: `${pid}-proc-oocyte-retrieval`,
    status: 'completed',
    code: cc([coding(SYS.snomed, '177037000', 'Oocyte recovery (procedure)')], 'Transvaginal oocyte retrieval'),
    subject: patientRef(pid),
    performedDateTime: c.at(-15, '09:00'),
    note: [{ text: '14 oocytes retrieved.' }],
  };
  const transferTime = c.at(-10, '11:00');
  const transfer = {
    resourceType: 'Procedure',
    id: `${pid}-proc-embryo-transfer`,
    status: 'completed',
    code: cc([coding(SYS.snomed, '75456002', 'Embryo transfer (procedure)')], 'Embryo transfer'),
    subject: patientRef(pid),
    performedDateTime: transferTime,
    note: [{ text: 'Single blastocyst transfer (fresh cycle).' }],
  };
  const embryoAge = observation({
    id: `${pid}-obs-embryo-age`,
    pid,
    code: {
      coding: [{ system: SYS.ivf, code: 'embryo-age-at-transfer', display: 'Embryo age at transfer' }],
      text: 'Embryo age at transfer',
    },
    effective: transferTime,
    category: CATEGORY.exam,
    value: { valueQuantity: { value: 5, unit: 'days', system: SYS.ucum, code: 'd' } },
    extra: { partOf: [ref(transfer)] },
  });

  const ohss = {
    resourceType: 'Condition',
    id: `${pid}-cond-ohss`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc([coding(SYS.icd10cm, 'N98.1', 'Hyperstimulation of ovaries')], 'Ovarian hyperstimulation syndrome, mild; risk'),
    subject: patientRef(pid),
    onsetDateTime: c.at(-3, '14:00'),
    recordedDate: c.at(-3, '15:10'),
  };

  const enoxaparin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc(
      [coding(SYS.rxnorm, '854235', '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe')],
      'Clexane 40 mg/0.4 mL pre-filled syringe',
    ),
    subject: patientRef(pid),
    authoredOn: c.at(-10, '12:15'),
    reasonReference: [ref(ohss)],
    dosageInstruction: [
      dosage({
        text: '40 mg subcutaneously once daily from embryo transfer',
        dose: qty(40, 'mg'),
        timing: ONCE_DAILY,
        bounds: { start: transferTime, end: c.at(30, '11:00') },
      }),
    ],
  };
  const estradiol = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-estradiol`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc(
      [coding(SYS.rxnorm, '4083', 'estradiol'), coding(SYS.atc, 'G03CA03', 'estradiol')],
      'Estradiol 2 mg tablets (high dose)',
    ),
    subject: patientRef(pid),
    authoredOn: c.at(-15, '13:00'),
    dosageInstruction: [
      dosage({
        text: '2 mg by mouth three times daily',
        dose: qty(2, 'mg'),
        timing: { frequency: 3, period: 1, periodUnit: 'd' },
        route: { text: 'Oral' },
        bounds: { start: c.at(-15, '18:00') },
      }),
    ],
  };

  /** @type {Array<[number, string, number, boolean]>} day, time, pg/mL, high */
  const e2 = [
    [-18, '08:10', 2650, true],
    [-16, '08:05', 4120, true],
    [-8, '08:20', 1380, false],
    [-3, '16:40', 2240, true],
  ];
  const estradiolLabs = e2.map(([day, time, value, high]) =>
    observation({
      id: `${pid}-obs-estradiol-d${Math.abs(day)}`,
      pid,
      code: loinc('2243-4', 'Estradiol (E2) [Mass/volume] in Serum or Plasma', 'Oestradiol'),
      effective: c.at(day, time),
      value: { valueQuantity: qty(value, 'pg/mL') },
      extra: high ? { interpretation: INTERP.H } : {},
    }),
  );

  // Stimulation (follitropin alfa) day -26 to day -17, hCG trigger day -17 21:00 (36 h before the retrieval).
  const stimulation = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-follitropin`,
    status: 'completed',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03GA05', 'follitropin alfa')], 'Gonal-f 150 IU pen'),
    subject: patientRef(pid),
    authoredOn: c.at(-27, '15:00'),
    dosageInstruction: [
      dosage({ text: '150 IU subcutaneously once daily', dose: qty(150, 'IU', '[iU]'), timing: ONCE_DAILY, bounds: { start: c.at(-26, '20:00'), end: c.at(-17, '20:00') } }),
    ],
  };
  const triggerShot = {
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-trigger`,
    status: 'completed',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03GA08', 'choriogonadotropin alfa')], 'Ovitrelle 250 micrograms (trigger)'),
    subject: patientRef(pid),
    effectiveDateTime: c.at(-17, '21:00'),
    dosage: { route: ROUTE_SC, dose: qty(250, 'ug') },
  };
  const progesterone = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-progesterone`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03DA04', 'progesterone')], 'Utrogestan 200 mg vaginal capsules (luteal support)'),
    subject: patientRef(pid),
    authoredOn: c.at(-15, '12:00'),
    dosageInstruction: [
      dosage({ text: '200 mg vaginally three times daily', dose: qty(200, 'mg'), timing: { frequency: 3, period: 1, periodUnit: 'd' }, route: { text: 'Vaginal' }, bounds: { start: c.at(-15, '20:00') } }),
    ],
  };
  // The serum beta-hCG test is planned for tomorrow (11 days after the day-5 transfer): no result yet.
  const hcgPlanned = {
    resourceType: 'ServiceRequest',
    id: `${pid}-sr-hcg`,
    status: 'active',
    intent: 'order',
    code: loinc('21198-7', 'Choriogonadotropin.beta subunit [Units/volume] in Serum or Plasma', 'Serum beta-hCG (pregnancy test)'),
    subject: patientRef(pid),
    authoredOn: c.at(-10, '12:30'),
    occurrenceDateTime: c.at(1, '08:30'),
  };

  const bodyWeight = weight(`${pid}-obs-weight`, pid, c.at(-20, '10:30'), 68);
  const platelets = observation({
    id: `${pid}-obs-platelets-baseline`,
    pid,
    code: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelet count'),
    effective: c.at(-20, '10:45'),
    value: { valueQuantity: qty(262, '10*3/uL') },
    extra: { note: [{ text: 'Baseline before heparin.' }] },
  });
  const pregStatus = pregnancyStatus(`${pid}-obs-pregnancy-status`, pid, c.at(-1, '09:00'), 'LA4489-6', 'Unknown', {
    note: [{ text: 'hCG result pending: serum beta-hCG planned for tomorrow 08:30; no pregnancy test result yet.' }],
  });

  return {
    id: pid,
    name: 'Hannah Whitcombe',
    birthDate: pt.birthDate,
    scenario: 'IVF: embryo transfer 10 days ago (day-5 blastocyst), OHSS risk, enoxaparin 40 mg daily and high-dose estradiol; serum hCG planned tomorrow, pregnancy not confirmed.',
    resources: [
      pt, stimulation, triggerShot, retrieval, transfer, embryoAge, ohss, enoxaparin, estradiol, progesterone,
      ...estradiolLabs, bodyWeight, platelets, pregStatus, hcgPlanned,
    ],
  };
}
