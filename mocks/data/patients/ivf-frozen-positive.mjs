// Patient 8: frozen transfer of a day-5 blastocyst 24 days ago, positive urine and serum hCG (pregnancy confirmed,
// 6w1d counted from the transfer), on enoxaparin; endometrium prepared with estradiol; estradiol results in pmol/L.
import {
  SYS, CATEGORY, INTERP, ONCE_DAILY, ROUTE_SC,
  cc, coding, qty, loinc, patient, patientRef, ref, observation, weight, pregnancyStatus, dosage,
} from '../lib.mjs';

export const ID = 'ivf-frozen-positive';

/** @param {string} pid @param {ReturnType<typeof import('../lib.mjs').clock>} c */
function cycle(pid, c) {
  const transferTime = c.at(-24, '10:30');
  const transfer = {
    resourceType: 'Procedure',
    id: `${pid}-proc-frozen-transfer`,
    status: 'completed',
    code: cc([coding(SYS.snomed, '236894009', 'Frozen embryo transfer')], 'Frozen embryo transfer'),
    subject: patientRef(pid),
    performedDateTime: transferTime,
    note: [{ text: 'Single vitrified-warmed blastocyst (day 5) transferred in a hormone-replacement cycle.' }],
  };
  const embryoAge = observation({
    id: `${pid}-obs-embryo-age`,
    pid,
    code: { coding: [{ system: SYS.ivf, code: 'embryo-age-at-transfer', display: 'Embryo age at transfer' }], text: 'Embryo age at transfer' },
    effective: transferTime,
    category: CATEGORY.exam,
    value: { valueQuantity: { value: 5, unit: 'days', system: SYS.ucum, code: 'd' } },
    extra: { partOf: [ref(transfer)] },
  });
  return { transfer, embryoAge };
}

/** @param {string} pid @param {ReturnType<typeof import('../lib.mjs').clock>} c */
function medications(pid, c) {
  const estradiol = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-estradiol`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03CA03', 'estradiol')], 'Estradiol valerate 2 mg tablets'),
    subject: patientRef(pid),
    authoredOn: c.at(-40, '11:00'),
    dosageInstruction: [
      dosage({ text: '2 mg by mouth three times daily', dose: qty(2, 'mg'), timing: { frequency: 3, period: 1, periodUnit: 'd' }, route: { text: 'Oral' }, bounds: { start: c.at(-40, '18:00') } }),
    ],
  };
  const progesterone = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-progesterone`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.atc, 'G03DA04', 'progesterone')], 'Progesterone 400 mg pessaries'),
    subject: patientRef(pid),
    authoredOn: c.at(-30, '11:00'),
    dosageInstruction: [
      dosage({ text: '400 mg vaginally twice daily', dose: qty(400, 'mg'), timing: { frequency: 2, period: 1, periodUnit: 'd' }, route: { text: 'Vaginal' }, bounds: { start: c.at(-29, '08:00') } }),
    ],
  };
  const enoxaparin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '854235', '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe')], 'Enoxaparin 40 mg/0.4 mL pre-filled syringe'),
    subject: patientRef(pid),
    authoredOn: c.at(-24, '11:30'),
    dosageInstruction: [
      dosage({ text: '40 mg subcutaneously once daily at 18:00 from the transfer', dose: qty(40, 'mg'), timing: { ...ONCE_DAILY, timeOfDay: ['18:00:00'] }, bounds: { start: c.at(-24, '18:00'), end: c.at(60, '18:00') } }),
    ],
  };
  const doses = [-2, -1].map((day) => ({
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-enoxaparin-d${Math.abs(day)}`,
    status: 'completed',
    medicationCodeableConcept: enoxaparin.medicationCodeableConcept,
    subject: patientRef(pid),
    effectiveDateTime: c.at(day, '18:00'),
    request: ref(enoxaparin),
    dosage: { route: ROUTE_SC, dose: qty(40, 'mg') },
  }));
  return [estradiol, progesterone, enoxaparin, ...doses];
}

/** @param {string} pid @param {ReturnType<typeof import('../lib.mjs').clock>} c */
function results(pid, c) {
  /** @type {Array<[number, string, number]>} day, time, pmol/L */
  const e2 = [[-30, '08:15', 850], [-26, '08:20', 1650]];
  const estradiolLabs = e2.map(([day, time, value]) =>
    observation({
      id: `${pid}-obs-estradiol-d${Math.abs(day)}`,
      pid,
      code: loinc('14715-7', 'Estradiol (E2) [Moles/volume] in Serum or Plasma', 'Oestradiol'),
      effective: c.at(day, time),
      value: { valueQuantity: qty(value, 'pmol/L') },
    }),
  );
  const urineHcg = observation({
    id: `${pid}-obs-hcg-urine`,
    pid,
    code: loinc('2106-3', 'Choriogonadotropin (pregnancy test) [Presence] in Urine', 'Urine pregnancy test'),
    effective: c.at(-14, '07:40'),
    value: { valueCodeableConcept: cc([coding(SYS.snomed, '10828004', 'Positive')], 'Positive') },
  });
  const serum = [[-13, '08:30', 312], [-11, '08:30', 780]].map(([day, time, value]) =>
    observation({
      id: `${pid}-obs-hcg-serum-d${Math.abs(Number(day))}`,
      pid,
      code: loinc('21198-7', 'Choriogonadotropin.beta subunit [Units/volume] in Serum or Plasma', 'Serum beta-hCG'),
      effective: c.at(Number(day), String(time)),
      value: { valueQuantity: qty(Number(value), 'mIU/mL', 'm[IU]/mL') },
      extra: { interpretation: INTERP.H, referenceRange: [{ high: qty(5, 'mIU/mL', 'm[IU]/mL'), text: 'Non-pregnant < 5 mIU/mL' }] },
    }),
  );
  const pregStatus = pregnancyStatus(`${pid}-obs-pregnancy-status`, pid, c.at(-11, '12:00'), 'LA15173-0', 'Pregnant', {
    note: [{ text: 'Positive serum beta-hCG 11 and 13 days after the frozen transfer.' }],
  });
  return [...estradiolLabs, urineHcg, ...serum, pregStatus];
}

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const pt = patient({ id: pid, given: ['Amara'], family: 'Okonkwo-Reid', birthDate: c.birthDate(37, 140), mrn: 'DEMO-1008' });
  const { transfer, embryoAge } = cycle(pid, c);
  const platelets = observation({
    id: `${pid}-obs-platelets-baseline`,
    pid,
    code: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelet count'),
    effective: c.at(-40, '10:00'),
    value: { valueQuantity: qty(251, '10*3/uL') },
  });
  return {
    id: pid,
    name: 'Amara Okonkwo-Reid',
    birthDate: pt.birthDate,
    scenario: 'IVF: frozen transfer of a day-5 blastocyst 24 days ago, positive urine and serum hCG (pregnancy confirmed), enoxaparin 40 mg daily; estradiol in pmol/L.',
    resources: [
      pt, transfer, embryoAge, ...medications(pid, c), ...results(pid, c),
      weight(`${pid}-obs-weight`, pid, c.at(-40, '09:50'), 64), platelets,
    ],
  };
}
