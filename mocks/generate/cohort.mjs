// @ts-check
/**
 * A cohort of patients on LMWH, for benchmarks of a worklist over many patients: each patient has an LMWH order and
 * one of: an ongoing pregnancy (dated by an EDD), an IVF cycle at a given stage (retrieval done, transfer planned or
 * done), or a planned procedure (with a date, or listed without one); a few D-dimer and platelet results. Most have
 * a body weight (some none: "missing weight"), a few pregnant ones a recent vaginal bleeding, and some planned events
 * an order that ends before them (a documented stop), the others an order running past them. Synthetic;
 * deterministic from `seed` and relative to `nowMs`.
 */
import { SYS, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, CONDITION_DIAGNOSIS, ONCE_DAILY, clock, cc, coding, qty, loinc, patient, patientRef, observation, edd, dosage, pregnancy, weight } from '../data/lib.mjs';
import { seededRandom } from './random.mjs';

const LMWH = [
  { code: '854235', display: '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe', text: 'Enoxaparin 40 mg/0.4 mL', dose: qty(40, 'mg') },
  { code: '854238', display: '0.6 ML enoxaparin sodium 100 MG/ML Prefilled Syringe', text: 'Enoxaparin 60 mg/0.6 mL', dose: qty(60, 'mg') },
  { code: '854241', display: '0.8 ML enoxaparin sodium 100 MG/ML Prefilled Syringe', text: 'Enoxaparin 80 mg/0.8 mL', dose: qty(80, 'mg') },
  { code: '67109', display: 'dalteparin', text: 'Dalteparin 5000 units', dose: { value: 5000, unit: 'IU', system: SYS.ucum, code: '[iU]' } },
];
const PROCEDURES = [
  { code: '11466000', display: 'Cesarean section (procedure)', text: 'Elective caesarean section' },
  { code: '236958009', display: 'Induction of labor (procedure)', text: 'Induction of labour' },
  { code: '73632009', display: 'Laparoscopy', text: 'Laparoscopy' },
  { code: '177037000', display: 'Oocyte recovery (procedure)', text: 'Transvaginal oocyte retrieval' },
  { code: '75456002', display: 'Embryo transfer (procedure)', text: 'Embryo transfer' },
];
const GIVEN = ['Amelia', 'Grace', 'Isla', 'Freya', 'Ava', 'Sophia', 'Lily', 'Emily', 'Mia', 'Ella', 'Zara', 'Priya', 'Aisha', 'Chloe', 'Ruby'];
const FAMILY = ['Ashworth', 'Bennett', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Gallagher', 'Hughes', 'Iqbal', 'Jenkins', 'Khan', 'Lawson', 'Morgan', 'Nolan', 'Owusu'];
const DDIMER = loinc('48065-7', 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma', 'D-dimer');
const PLATELETS = loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelets');

/** @typedef {'pregnant' | 'ivf-retrieved' | 'ivf-transfer-planned' | 'ivf-transferred' | 'procedure-dated' | 'procedure-undated'} CohortStage */
const STAGES = /** @type {const} */ (['pregnant', 'pregnant', 'pregnant', 'ivf-retrieved', 'ivf-transfer-planned', 'ivf-transferred', 'procedure-dated', 'procedure-undated']);

/**
 * @param {{ size: number, nowMs: number, seed?: number, idPrefix?: string }} options
 * @returns {{ id: string, name: string, stage: CohortStage, resources: any[] }[]}
 */
export function cohort({ size, nowMs, seed = 1, idPrefix = 'cohort' }) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`cohort: size must be a positive integer, got ${size}`);
  const c = clock(nowMs);
  const rnd = seededRandom(seed);
  const out = [];
  for (let i = 0; i < size; i++) {
    const pid = `${idPrefix}-${String(i + 1).padStart(5, '0')}`;
    const given = rnd.pick(GIVEN);
    const family = rnd.pick(FAMILY);
    const pt = patient({ id: pid, given: [given], family, birthDate: c.birthDate(rnd.int(24, 44), rnd.int(0, 364)), mrn: `COHORT-${i + 1}` });
    const stage = rnd.pick(STAGES);
    const drug = rnd.pick(LMWH);
    const startDay = -rnd.int(3, 200);
    /** @type {any[]} */
    const resources = [pt];
    resources.push({
      resourceType: 'MedicationRequest',
      id: `${pid}-medreq-lmwh`,
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: cc([coding(SYS.rxnorm, drug.code, drug.display)], drug.text),
      subject: patientRef(pid),
      authoredOn: c.at(startDay, '12:00'),
      dosageInstruction: [dosage({ text: `${drug.text} subcutaneously once daily`, dose: drug.dose, timing: ONCE_DAILY, bounds: { start: c.at(startDay, '18:00') } })],
    });
    /** @param {typeof PROCEDURES[number]} p @param {string} status @param {string | undefined} when */
    const planned = (p, status, when) => ({
      resourceType: 'ServiceRequest',
      id: `${pid}-sr-${p.code}`,
      status,
      intent: 'order',
      code: cc([coding(SYS.snomed, p.code, p.display)], p.text),
      subject: patientRef(pid),
      authoredOn: c.at(-rnd.int(1, 20), '10:00'),
      ...(when ? { occurrenceDateTime: when } : {}),
    });
    /** @param {typeof PROCEDURES[number]} p @param {number} day */
    const done = (p, day) => ({
      resourceType: 'Procedure',
      id: `${pid}-proc-${p.code}`,
      status: 'completed',
      code: cc([coding(SYS.snomed, p.code, p.display)], p.text),
      subject: patientRef(pid),
      performedDateTime: c.at(day, '09:00'),
    });
    const [cs, iol, lap, retrieval, transfer] = /** @type {[any, any, any, any, any]} */ (PROCEDURES);
    if (stage === 'pregnant') {
      const ga = rnd.int(6 * 7, 39 * 7);
      const preg = pregnancy(ga);
      resources.push(
        {
          resourceType: 'Condition',
          id: `${pid}-cond-pregnancy`,
          clinicalStatus: CLINICAL_ACTIVE,
          verificationStatus: VERIFICATION_CONFIRMED,
          category: CONDITION_PROBLEM,
          code: cc([coding(SYS.snomed, '72892002', 'Normal pregnancy')]),
          subject: patientRef(pid),
          onsetDateTime: c.date(preg.lmp),
        },
        edd(`${pid}-obs-edd`, pid, c.at(Math.min(-1, preg.day(12)), '10:00'), c.date(preg.edd)),
      );
      if (rnd.chance(0.5)) resources.push(planned(rnd.chance(0.5) ? cs : iol, 'active', c.at(Math.max(1, preg.day(39)), '08:30')));
    } else if (stage === 'ivf-retrieved') {
      resources.push(done(retrieval, -rnd.int(1, 4)));
    } else if (stage === 'ivf-transfer-planned') {
      resources.push(done(retrieval, -rnd.int(2, 5)), planned(transfer, 'active', c.at(rnd.int(1, 4), '11:00')));
    } else if (stage === 'ivf-transferred') {
      resources.push(done(retrieval, -rnd.int(8, 12)), done(transfer, -rnd.int(1, 6)));
    } else if (stage === 'procedure-dated') {
      resources.push(planned(lap, 'active', c.at(rnd.int(1, 21), '09:00')));
    } else {
      resources.push(planned(lap, 'draft', undefined));
    }
    // A documented stop for some patients with a dated planned event: the order ends two days before it.
    const dated = resources.find((r) => r.resourceType === 'ServiceRequest' && r.occurrenceDateTime);
    if (dated && rnd.chance(0.3)) {
      const end = new Date(Date.parse(dated.occurrenceDateTime) - 2 * 86_400_000).toISOString();
      resources[1].dosageInstruction[0].timing.repeat = { ...resources[1].dosageInstruction[0].timing.repeat, boundsPeriod: { ...resources[1].dosageInstruction[0].timing.repeat.boundsPeriod, end } };
    }
    if (rnd.chance(0.85)) resources.push(weight(`${pid}-obs-weight`, pid, c.at(-rnd.int(1, 90), '09:10'), rnd.int(52, 110)));
    if (stage === 'pregnant' && rnd.chance(0.06)) {
      resources.push({
        resourceType: 'Condition',
        id: `${pid}-cond-vaginal-bleeding`,
        clinicalStatus: CLINICAL_ACTIVE,
        verificationStatus: VERIFICATION_CONFIRMED,
        category: CONDITION_DIAGNOSIS,
        code: cc([coding(SYS.snomed, '723665008', 'Vaginal bleeding complicating early pregnancy')], 'Vaginal bleeding in pregnancy'),
        subject: patientRef(pid),
        onsetDateTime: c.at(-1, '21:15'),
        recordedDate: c.at(-1, '22:40'),
      });
    }
    const labs = rnd.int(0, 6);
    for (let k = 0; k < labs; k++) {
      const day = -rnd.int(1, 120);
      resources.push(
        observation({ id: `${pid}-dd-${k}`, pid, code: DDIMER, effective: c.at(day, '08:40'), value: { valueQuantity: qty(Number((0.3 + 2 * rnd.next()).toFixed(2)), 'mg/L') } }),
        observation({ id: `${pid}-plt-${k}`, pid, code: PLATELETS, effective: c.at(day, '08:40'), value: { valueQuantity: qty(rnd.int(150, 350), '10*3/uL') } }),
      );
    }
    out.push({ id: pid, name: `${given} ${family}`, stage, resources });
  }
  return out;
}
