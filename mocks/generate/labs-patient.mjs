// @ts-check
/**
 * A pregnant patient with a long laboratory record, for benchmarks of the record view: N D-dimer results, N
 * coagulation results (platelets, INR, aPTT, PT, fibrinogen in turn) and 4N unrelated Observations (vital signs and
 * other laboratory results the app does not read), spread over the last 280 days, plus what the first screen shows
 * (enoxaparin order, pregnancy, EDD, a planned caesarean). Synthetic; deterministic from `seed` and relative to `nowMs`.
 */
import { SYS, CATEGORY, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, ONCE_DAILY, clock, cc, coding, qty, loinc, patient, patientRef, observation, edd, dosage, pregnancy } from '../data/lib.mjs';
import { seededRandom } from './random.mjs';

const DDIMER = loinc('48065-7', 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma', 'D-dimer');
const COAG = [
  { key: 'plt', code: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelets'), unit: '10*3/uL', value: (/** @type {number} */ r) => Math.round(180 + 120 * r) },
  { key: 'inr', code: loinc('6301-6', 'INR in Platelet poor plasma by Coagulation assay', 'INR'), unit: '{INR}', value: (/** @type {number} */ r) => Number((0.9 + 0.2 * r).toFixed(2)) },
  { key: 'aptt', code: loinc('14979-9', 'aPTT in Platelet poor plasma by Coagulation assay', 'APTT'), unit: 's', value: (/** @type {number} */ r) => Number((26 + 8 * r).toFixed(1)) },
  { key: 'pt', code: loinc('5902-2', 'Prothrombin time (PT)', 'PT'), unit: 's', value: (/** @type {number} */ r) => Number((11 + 2.5 * r).toFixed(1)) },
  { key: 'fib', code: loinc('3255-7', 'Fibrinogen [Mass/volume] in Platelet poor plasma by Coagulation assay', 'Fibrinogen'), unit: 'g/L', value: (/** @type {number} */ r) => Number((3.5 + 1.5 * r).toFixed(1)) },
];
/** Observations the app does not ask for (the noise every real record carries). */
const NOISE = [
  { key: 'hr', code: loinc('8867-4', 'Heart rate', 'Heart rate'), unit: '/min', category: CATEGORY.vitalSigns, value: (/** @type {number} */ r) => Math.round(64 + 30 * r) },
  { key: 'sbp', code: loinc('8480-6', 'Systolic blood pressure', 'Systolic BP'), unit: 'mm[Hg]', category: CATEGORY.vitalSigns, value: (/** @type {number} */ r) => Math.round(100 + 35 * r) },
  { key: 'rr', code: loinc('9279-1', 'Respiratory rate', 'Respiratory rate'), unit: '/min', category: CATEGORY.vitalSigns, value: (/** @type {number} */ r) => Math.round(12 + 8 * r) },
  { key: 'glu', code: loinc('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'Glucose'), unit: 'mg/dL', category: CATEGORY.laboratory, value: (/** @type {number} */ r) => Math.round(70 + 60 * r) },
];

/** Gestational age today of the benchmark pregnancy: 30 weeks 2 days. */
export const LABS_PATIENT_GA_TODAY_DAYS = 30 * 7 + 2;

/**
 * @param {{ n: number, nowMs: number, seed?: number, id?: string }} options
 * @returns {{ id: string, name: string, resources: any[] }}
 */
export function labsPatient({ n, nowMs, seed = 1, id = `bench-labs-${n}` }) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`labsPatient: n must be a positive integer, got ${n}`);
  const c = clock(nowMs);
  const rnd = seededRandom(seed * 7919 + n);
  const preg = pregnancy(LABS_PATIENT_GA_TODAY_DAYS);
  const pid = id;
  const pt = patient({ id: pid, given: ['Bench'], family: `Labs ${n}`, birthDate: c.birthDate(32, 40), mrn: `BENCH-${n}` });
  const span = 280 * 24 * 60; // minutes over which results are spread, ending yesterday
  /** @param {number} i @param {number} count */
  const when = (i, count) => {
    const minutesAgo = 24 * 60 + Math.floor(((count - i) / count) * span) + rnd.int(0, 59);
    return new Date(c.now.toMillis() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
  /** @type {any[]} */
  const obs = [];
  for (let i = 0; i < n; i++) {
    obs.push(observation({ id: `${pid}-dd-${i}`, pid, code: DDIMER, effective: when(i, n), value: { valueQuantity: qty(Number((0.3 + 2.2 * (i / n) + 0.2 * rnd.next()).toFixed(2)), 'mg/L') } }));
    const k = COAG[i % COAG.length];
    if (!k) throw new Error('unreachable');
    obs.push(observation({ id: `${pid}-${k.key}-${i}`, pid, code: k.code, effective: when(i, n), value: { valueQuantity: qty(k.value(rnd.next()), k.unit) } }));
  }
  for (let i = 0; i < 4 * n; i++) {
    const k = NOISE[i % NOISE.length];
    if (!k) throw new Error('unreachable');
    obs.push(observation({ id: `${pid}-${k.key}-${i}`, pid, code: k.code, category: k.category, effective: when(i, 4 * n), value: { valueQuantity: qty(k.value(rnd.next()), k.unit) } }));
  }
  const enox = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '854235', '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe')], 'Enoxaparin 40 mg/0.4 mL'),
    subject: patientRef(pid),
    authoredOn: c.at(preg.day(8), '12:00'),
    dosageInstruction: [dosage({ text: '40 mg subcutaneously once daily', dose: qty(40, 'mg'), timing: ONCE_DAILY, bounds: { start: c.at(preg.day(8), '18:00') } })],
  };
  const pregnancyCond = {
    resourceType: 'Condition',
    id: `${pid}-cond-pregnancy`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc([coding(SYS.snomed, '72892002', 'Normal pregnancy')]),
    subject: patientRef(pid),
    onsetDateTime: c.date(preg.lmp),
  };
  const caesarean = {
    resourceType: 'ServiceRequest',
    id: `${pid}-sr-caesarean`,
    status: 'active',
    intent: 'order',
    code: cc([coding(SYS.snomed, '11466000', 'Cesarean section (procedure)')], 'Elective caesarean section'),
    subject: patientRef(pid),
    authoredOn: c.at(-14, '10:00'),
    occurrenceDateTime: c.at(preg.day(39), '08:30'),
  };
  const eddObs = edd(`${pid}-obs-edd`, pid, c.at(preg.day(12, 2), '10:00'), c.date(preg.edd));
  return { id: pid, name: `Bench Labs ${n}`, resources: [pt, enox, pregnancyCond, caesarean, eddObs, ...obs] };
}
