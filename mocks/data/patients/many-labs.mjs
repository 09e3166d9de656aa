// Patient 6: a long record for paging. Two pregnancies: a previous one about 2 years ago ending in a caesarean, and the
// current one at about 24 weeks; weekly labs in both (>= 350 Observations), enoxaparin 60 mg daily (booking 105 kg).
import {
  SYS, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, ONCE_DAILY,
  cc, coding, qty, loinc, patient, patientRef, observation, weight, edd, dosage, pregnancy,
} from '../lib.mjs';

export const ID = 'many-labs';

/** Gestational age today in the current pregnancy: 24 weeks 1 day. */
export const GA_TODAY_DAYS = 24 * 7 + 1;
/** The previous pregnancy's EDD, in days from today. */
export const PREVIOUS_EDD_DAY = -730;
/** The previous caesarean, in days from today (EDD minus 10 days). */
export const PREVIOUS_CS_DAY = PREVIOUS_EDD_DAY - 10;

const CODES = {
  ddimer: loinc('48065-7', 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma', 'D-dimer'),
  platelets: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelets'),
  inr: loinc('6301-6', 'INR in Platelet poor plasma by Coagulation assay', 'INR'),
  aptt: loinc('14979-9', 'aPTT in Platelet poor plasma by Coagulation assay', 'APTT'),
  hb: loinc('718-7', 'Hemoglobin [Mass/volume] in Blood', 'Haemoglobin'),
  pt: loinc('5902-2', 'Prothrombin time (PT)', 'PT'),
  fibrinogen: loinc('3255-7', 'Fibrinogen [Mass/volume] in Platelet poor plasma by Coagulation assay', 'Fibrinogen'),
  creatinine: loinc('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'Creatinine'),
};

/** Deterministic small wiggle in [-1, 1] so the series does not look ruled. @param {number} i */
const wiggle = (i) => (((i * 37) % 11) - 5) / 5;
/** @param {number} x @param {number} dp */
const round = (x, dp) => Number(x.toFixed(dp));

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const current = pregnancy(GA_TODAY_DAYS);
  // The previous pregnancy, dated so that its EDD is PREVIOUS_EDD_DAY.
  const previous = pregnancy(280 - PREVIOUS_EDD_DAY);
  const pt = patient({ id: pid, given: ['Megan'], family: 'Abernethy-Clarke', birthDate: c.birthDate(33, 9), mrn: 'DEMO-1006' });

  /** @type {object[]} */
  const obs = [];
  /**
   * One weekly set of bloods.
   * @param {string} tag e.g. 'p1-w12' or 'pn-w3'
   * @param {number} day offset from today
   * @param {number} i index for the wiggle
   * @param {{ ddimer: number, platelets: number, inr: number, aptt: number, hb: number, pt: number }} v
   */
  const weekly = (tag, day, i, v) => {
    const effective = c.at(day, '08:40');
    const add = (/** @type {string} */ key, /** @type {object} */ valueQuantity) =>
      obs.push(observation({ id: `${pid}-obs-${key}-${tag}`, pid, code: CODES[/** @type {keyof typeof CODES} */ (key)], effective, value: { valueQuantity } }));
    add('ddimer', qty(round(v.ddimer + 0.04 * wiggle(i), 2), 'mg/L'));
    add('platelets', qty(Math.round(v.platelets + 6 * wiggle(i + 3)), '10*3/uL'));
    add('inr', qty(round(v.inr + 0.02 * wiggle(i + 5), 2), '{INR}'));
    add('aptt', qty(round(v.aptt + 0.6 * wiggle(i + 7), 1), 's'));
    add('hb', qty(round(v.hb + 0.15 * wiggle(i + 1), 1), 'g/dL'));
    add('pt', qty(round(v.pt + 0.2 * wiggle(i + 2), 1), 's'));
  };
  /** Four-weekly: fibrinogen, creatinine, weight. @param {string} tag @param {number} day @param {number} w @param {number} kg */
  const monthly = (tag, day, w, kg) => {
    obs.push(observation({ id: `${pid}-obs-fibrinogen-${tag}`, pid, code: CODES.fibrinogen, effective: c.at(day, '08:40'), value: { valueQuantity: qty(round(3.6 + 0.06 * (w - 6), 1), 'g/L') } }));
    obs.push(observation({ id: `${pid}-obs-creatinine-${tag}`, pid, code: CODES.creatinine, effective: c.at(day, '08:40'), value: { valueQuantity: qty(round(0.7 - 0.004 * (w - 6), 2), 'mg/dL') } }));
    obs.push(weight(`${pid}-obs-weight-${tag}`, pid, c.at(day, '08:30'), kg));
  };
  /** Typical values at gestational week w. @param {number} w */
  const atWeek = (w) => ({
    ddimer: 0.38 + 0.045 * (w - 6),
    platelets: 262 - 1.4 * (w - 6),
    inr: 1.0 - 0.002 * (w - 6),
    aptt: 31 - 0.08 * (w - 6),
    hb: 13.0 - 0.05 * (w - 6),
    pt: 12.4 - 0.03 * (w - 6),
  });

  // Previous pregnancy: weeks 6..38 (the caesarean was at 38+4), then 6 postnatal weeks.
  let i = 0;
  for (let w = 6; w <= 38; w++) {
    weekly(`p1-w${String(w).padStart(2, '0')}`, previous.day(w), i++, atWeek(w));
    if (w % 4 === 0) monthly(`p1-w${String(w).padStart(2, '0')}`, previous.day(w), w, 96 + 0.35 * (w - 8));
  }
  for (let k = 1; k <= 6; k++) {
    const v = atWeek(38);
    weekly(`p1-pn${k}`, PREVIOUS_CS_DAY + 7 * k, i++, { ...v, ddimer: Math.max(0.4, 2.3 - 0.32 * k), platelets: 240 + 5 * k, hb: 10.9 + 0.25 * k });
  }
  // Current pregnancy: weeks 6..24 (week 24 was yesterday).
  for (let w = 6; w <= 24; w++) {
    weekly(`p2-w${String(w).padStart(2, '0')}`, current.day(w), i++, atWeek(w));
    if (w % 4 === 0) monthly(`p2-w${String(w).padStart(2, '0')}`, current.day(w), w, w === 8 ? 105 : round(105 + 0.4 * (w - 8), 1));
  }

  const previousEdd = edd(`${pid}-obs-edd-p1`, pid, c.at(previous.day(12, 3), '10:10'), c.date(PREVIOUS_EDD_DAY));
  const currentEdd = edd(`${pid}-obs-edd-p2`, pid, c.at(current.day(12, 1), '11:50'), c.date(current.edd));
  const previousCs = {
    resourceType: 'Procedure',
    id: `${pid}-proc-caesarean-p1`,
    status: 'completed',
    code: cc([coding(SYS.snomed, '11466000', 'Cesarean section (procedure)')], 'Caesarean section'),
    subject: patientRef(pid),
    performedDateTime: c.at(PREVIOUS_CS_DAY, '09:00'),
  };
  const enox60 = cc([coding(SYS.rxnorm, '854238', '0.6 ML enoxaparin sodium 100 MG/ML Prefilled Syringe')], 'Enoxaparin 60 mg/0.6 mL');
  const previousEnox = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin-p1`,
    status: 'completed',
    intent: 'order',
    medicationCodeableConcept: enox60,
    subject: patientRef(pid),
    authoredOn: c.at(previous.day(8), '12:00'),
    dosageInstruction: [
      dosage({
        text: '60 mg subcutaneously once daily (weight 91-130 kg), until 6 weeks postnatal',
        dose: qty(60, 'mg'),
        timing: ONCE_DAILY,
        bounds: { start: c.at(previous.day(8), '18:00'), end: c.at(PREVIOUS_CS_DAY + 42, '18:00') },
      }),
    ],
  };
  const currentEnox = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin-p2`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: enox60,
    subject: patientRef(pid),
    authoredOn: c.at(current.day(8), '12:00'),
    note: [{ text: 'Weight-banded prophylactic dose: booking weight 105 kg.' }],
    dosageInstruction: [
      dosage({ text: '60 mg subcutaneously once daily (weight 91-130 kg)', dose: qty(60, 'mg'), timing: ONCE_DAILY, bounds: { start: c.at(current.day(8), '18:00') } }),
    ],
  };
  const pregnancyCond = {
    resourceType: 'Condition',
    id: `${pid}-cond-pregnancy-p2`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc([coding(SYS.snomed, '72892002', 'Normal pregnancy')]),
    subject: patientRef(pid),
    onsetDateTime: c.date(current.lmp),
  };

  return {
    id: pid,
    name: 'Megan Abernethy-Clarke',
    birthDate: pt.birthDate,
    scenario: 'About 24 weeks pregnant (second pregnancy; caesarean about 2 years ago); enoxaparin 60 mg daily (105 kg); weekly labs in both pregnancies, several hundred Observations (paging).',
    resources: [pt, currentEdd, previousEdd, previousCs, previousEnox, currentEnox, pregnancyCond, ...obs],
  };
}
