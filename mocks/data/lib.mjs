// Shared builders for the synthetic demo patients of the local sandbox EHR.
// Plain ESM JavaScript (Node 20, no TypeScript). Every date is derived from `nowMs` through `clock()`, so a fixed
// `nowMs` always gives the same data and the demo record is always "current".
import { DateTime } from 'luxon';

/** The facility time zone of the sandbox EHR: every dateTime is written with this zone's offset. */
export const DEMO_ZONE = 'Europe/London';

export const SYS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  v2_0074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  mrn: 'https://lmwh-monitor.example/fhir/sid/mrn',
  ivf: 'https://lmwh-monitor.example/fhir/CodeSystem/ivf',
};

/**
 * Calendar helpers anchored at `nowMs` in the facility zone.
 * @param {number} nowMs epoch milliseconds
 * @param {string} [zone] IANA zone the wall-clock times are written in (default DEMO_ZONE)
 */
export function clock(nowMs, zone = DEMO_ZONE) {
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) {
    throw new TypeError(`demoPatients(nowMs): nowMs must be a finite number of epoch milliseconds, got ${String(nowMs)}`);
  }
  const now = DateTime.fromMillis(nowMs, { zone });
  if (!now.isValid) throw new TypeError(`demoPatients: ${zone} is not an IANA time zone`);
  const today = now.startOf('day');
  /** @param {DateTime} dt */
  const iso = (dt) => /** @type {string} */ (dt.toISO({ suppressMilliseconds: true }));
  /**
   * Local wall-clock time `days` calendar days from today (negative = past), written with the zone's offset.
   * @param {number} days
   * @param {string} hhmm e.g. '08:30'
   */
  const at = (days, hhmm) => {
    const [h, m] = hhmm.split(':').map(Number);
    return iso(today.plus({ days }).set({ hour: h, minute: m, second: 0, millisecond: 0 }));
  };
  /** Date-only value `days` calendar days from today. @param {number} days */
  const date = (days) => /** @type {string} */ (today.plus({ days }).toISODate());
  /** Birth date that keeps the patient `years` old (and `days` past the birthday). @param {number} years @param {number} days */
  const birthDate = (years, days) => /** @type {string} */ (today.minus({ years, days }).toISODate());
  return { now, today, at, date, birthDate };
}

/**
 * A pregnancy dated by its gestational age today; converts gestational age to a day offset from today.
 * @param {number} gaTodayDays gestational age today in days (e.g. 35w3d = 248)
 */
export function pregnancy(gaTodayDays) {
  return {
    gaTodayDays,
    /** Day offset from today (negative = past) at which the pregnancy is `weeks`+`days` @param {number} weeks @param {number} [days] */
    day: (weeks, days = 0) => weeks * 7 + days - gaTodayDays,
    /** Day offset of the LMP (GA 0) */
    lmp: -gaTodayDays,
    /** Day offset of the EDD (GA 40w0d) */
    edd: 280 - gaTodayDays,
  };
}

/** @param {string} system @param {string} code @param {string} [display] */
export const coding = (system, code, display) => (display === undefined ? { system, code } : { system, code, display });

/**
 * @param {Array<ReturnType<typeof coding>>} codings
 * @param {string} [text]
 */
export const cc = (codings, text) => (text === undefined ? { coding: codings } : { coding: codings, text });

/** UCUM quantity. @param {number} value @param {string} unit human unit @param {string} [code] UCUM code (default = unit) */
export const qty = (value, unit, code = unit) => ({ value, unit, system: SYS.ucum, code });

/** @param {string} pid */
export const patientRef = (pid) => ({ reference: `Patient/${pid}` });

/** @param {{ resourceType: string, id: string }} r */
export const ref = (r) => ({ reference: `${r.resourceType}/${r.id}` });

export const CATEGORY = {
  laboratory: [cc([coding(SYS.obsCategory, 'laboratory', 'Laboratory')])],
  vitalSigns: [cc([coding(SYS.obsCategory, 'vital-signs', 'Vital Signs')])],
  socialHistory: [cc([coding(SYS.obsCategory, 'social-history', 'Social History')])],
  exam: [cc([coding(SYS.obsCategory, 'exam', 'Exam')])],
};

export const INTERP = {
  H: [cc([coding(SYS.interpretation, 'H', 'High')])],
  L: [cc([coding(SYS.interpretation, 'L', 'Low')])],
  N: [cc([coding(SYS.interpretation, 'N', 'Normal')])],
};

export const CLINICAL_ACTIVE = cc([coding(SYS.conditionClinical, 'active', 'Active')]);
export const VERIFICATION_CONFIRMED = cc([coding(SYS.conditionVerification, 'confirmed', 'Confirmed')]);
export const CONDITION_PROBLEM = [cc([coding(SYS.conditionCategory, 'problem-list-item', 'Problem List Item')])];
export const CONDITION_DIAGNOSIS = [cc([coding(SYS.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis')])];
export const ROUTE_SC = cc([coding(SYS.snomed, '34206005', 'Subcutaneous route')], 'Subcutaneous');

/** LOINC code with display, as a CodeableConcept. @param {string} code @param {string} display @param {string} [text] */
export const loinc = (code, display, text) => cc([coding(SYS.loinc, code, display)], text);

/**
 * @param {{ id: string, given: string[], family: string, birthDate: string, mrn: string }} p
 */
export function patient({ id, given, family, birthDate, mrn }) {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: SYS.mrn, value: mrn }],
    active: true,
    name: [{ use: 'official', family, given, text: `${given.join(' ')} ${family}` }],
    gender: 'female',
    birthDate,
  };
}

/**
 * A laboratory/vital-sign Observation. `value` is one of valueQuantity / valueCodeableConcept / valueDateTime /
 * valueString, given as an object spread in, e.g. `{ valueQuantity: qty(0.45, 'mg/L') }`.
 * @param {{ id: string, pid: string, code: object, effective: string, value?: object, status?: string,
 *   category?: object[], extra?: object }} o
 */
export function observation({ id, pid, code, effective, value = {}, status = 'final', category = CATEGORY.laboratory, extra = {} }) {
  return {
    resourceType: 'Observation',
    id,
    status,
    category,
    code,
    subject: patientRef(pid),
    effectiveDateTime: effective,
    ...value,
    ...extra,
  };
}

/** Body weight (vital signs, LOINC 29463-7, kg). @param {string} id @param {string} pid @param {string} effective @param {number} kg */
export const weight = (id, pid, effective, kg) =>
  observation({ id, pid, code: loinc('29463-7', 'Body weight', 'Weight'), effective, category: CATEGORY.vitalSigns, value: { valueQuantity: qty(kg, 'kg') } });

/** EDD Observation (LOINC 11778-8) with a date-only value. @param {string} id @param {string} pid @param {string} effective @param {string} eddDate */
export const edd = (id, pid, effective, eddDate) =>
  observation({ id, pid, code: loinc('11778-8', 'Delivery date Estimated'), effective, category: CATEGORY.exam, value: { valueDateTime: eddDate } });

/** LMP Observation (LOINC 8665-2) with a date-only value. @param {string} id @param {string} pid @param {string} effective @param {string} lmpDate */
export const lmp = (id, pid, effective, lmpDate) =>
  observation({ id, pid, code: loinc('8665-2', 'Last menstrual period start date'), effective, category: CATEGORY.socialHistory, value: { valueDateTime: lmpDate } });

/** Pregnancy status (LOINC 82810-3) with a LOINC answer. @param {string} id @param {string} pid @param {string} effective @param {string} answer @param {string} display @param {object} [extra] */
export const pregnancyStatus = (id, pid, effective, answer, display, extra = {}) =>
  observation({
    id,
    pid,
    code: loinc('82810-3', 'Pregnancy status'),
    effective,
    category: CATEGORY.socialHistory,
    value: { valueCodeableConcept: cc([coding(SYS.loinc, answer, display)], display) },
    extra,
  });

/**
 * Dosage with a UCUM dose, a timing and a route.
 * @param {{ text: string, dose: object, timing: object, route?: object, bounds?: object }} d
 */
export function dosage({ text, dose, timing, route = ROUTE_SC, bounds }) {
  const repeat = bounds ? { boundsPeriod: bounds, ...timing } : { ...timing };
  return { text, timing: { repeat }, route, doseAndRate: [{ doseQuantity: dose }] };
}

/** Once daily timing. */
export const ONCE_DAILY = { frequency: 1, period: 1, periodUnit: 'd' };

/** Recursively drop keys whose value is undefined, so the JSON is clean and validation sees no empty values. */
export function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clean(v);
    return out;
  }
  return value;
}
