// Patient 2: 35 weeks pregnant, elective caesarean in 3 days at 08:30, enoxaparin 40 mg daily with no end date,
// D-dimer series across all three trimesters in mixed codes, units and statuses, and a coagulation panel.
import {
  SYS, INTERP, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, ONCE_DAILY, ROUTE_SC,
  cc, coding, qty, loinc, patient, patientRef, ref, observation, weight, edd, lmp, dosage, pregnancy,
} from '../lib.mjs';

export const ID = 'third-trimester';

/** Gestational age today: 35 weeks 3 days. */
export const GA_TODAY_DAYS = 35 * 7 + 3;

const DDIMER_FEU = (text = 'D-dimer') => loinc('48065-7', 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma', text);
const DDIMER_DDU = loinc('48066-5', 'Fibrin D-dimer DDU [Mass/volume] in Platelet poor plasma', 'D-dimer (DDU)');
const REF_HIGH_05 = [{ high: qty(0.5, 'mg/L'), text: '< 0.5 mg/L FEU (non-pregnant adults)' }];

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const preg = pregnancy(GA_TODAY_DAYS);
  const pt = patient({ id: pid, given: ['Olivia', 'Rose'], family: 'Marchetti', birthDate: c.birthDate(31, 140), mrn: 'DEMO-1002' });

  // Dating: LMP recorded at booking; EDD set by the dating scan at 12 weeks (1 day later than LMP dating).
  const lmpObs = lmp(`${pid}-obs-lmp`, pid, c.at(preg.day(10), '10:00'), c.date(preg.lmp - 1));
  const eddObs = edd(`${pid}-obs-edd`, pid, c.at(preg.day(12, 2), '11:20'), c.date(preg.edd));
  const pregnancyCond = {
    resourceType: 'Condition',
    id: `${pid}-cond-pregnancy`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc([coding(SYS.snomed, '72892002', 'Normal pregnancy')]),
    subject: patientRef(pid),
    onsetDateTime: c.date(preg.lmp - 1),
    recordedDate: c.at(preg.day(10), '10:05'),
  };

  // The planned caesarean, recorded twice: as an order and as a booked theatre appointment.
  const csTime = c.at(3, '08:30');
  const csCode = cc([coding(SYS.snomed, '177141003', 'Elective cesarean section')], 'Elective caesarean section');
  const csOrder = {
    resourceType: 'ServiceRequest',
    id: `${pid}-sr-caesarean`,
    status: 'active',
    intent: 'order',
    code: csCode,
    subject: patientRef(pid),
    occurrenceDateTime: csTime,
    authoredOn: c.at(-12, '15:40'),
    note: [{ text: 'Elective lower-segment caesarean section, first on the morning list.' }],
  };
  const csAppointment = {
    resourceType: 'Appointment',
    id: `${pid}-appt-caesarean`,
    status: 'booked',
    serviceType: [csCode],
    reasonCode: [csCode],
    description: 'Elective caesarean section (obstetric theatre 2)',
    start: csTime,
    end: c.at(3, '09:30'),
    created: c.at(-12, '15:45'),
    basedOn: [ref(csOrder)],
    participant: [{ actor: { ...patientRef(pid), display: 'Olivia Rose Marchetti' }, status: 'accepted' }],
  };

  // Enoxaparin: separate Medication resource, referenced; started after the booking bloods (GA 12w).
  const enoxMed = {
    resourceType: 'Medication',
    id: `${pid}-med-enoxaparin-40`,
    code: cc(
      [coding(SYS.rxnorm, '854235', '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe'), coding(SYS.atc, 'B01AB05')],
      'Enoxaparin 40 mg/0.4 mL pre-filled syringe',
    ),
  };
  const enoxStart = c.at(preg.day(12, 3), '18:00');
  const enoxReq = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-enoxaparin`,
    status: 'active',
    intent: 'order',
    medicationReference: ref(enoxMed),
    subject: patientRef(pid),
    authoredOn: c.at(preg.day(12, 3), '11:30'),
    dosageInstruction: [
      dosage({
        text: '40 mg subcutaneously once daily at 18:00',
        dose: qty(40, 'mg'),
        timing: { ...ONCE_DAILY, timeOfDay: ['18:00:00'] },
        bounds: { start: enoxStart },
      }),
    ],
  };
  const admins = [-4, -3, -2, -1].map((day) => ({
    resourceType: 'MedicationAdministration',
    id: `${pid}-medadmin-enoxaparin-d${Math.abs(day)}`,
    status: 'completed',
    medicationReference: ref(enoxMed),
    subject: patientRef(pid),
    effectiveDateTime: c.at(day, '18:00'),
    request: ref(enoxReq),
    dosage: { route: ROUTE_SC, dose: qty(40, 'mg') },
  }));
  const aspirin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-aspirin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '1191', 'aspirin')], 'Aspirin 150 mg'),
    subject: patientRef(pid),
    authoredOn: c.at(preg.day(12, 3), '11:35'),
    dosageInstruction: [
      dosage({ text: '150 mg by mouth once daily at night', dose: qty(150, 'mg'), timing: ONCE_DAILY, route: { text: 'Oral' }, bounds: { start: c.date(preg.day(12, 3)) } }),
    ],
  };

  // D-dimer series: first trimester to today, mixed codes, units, statuses and shapes.
  const dd = (/** @type {string} */ key, /** @type {number} */ w, /** @type {number} */ d, /** @type {string} */ time, /** @type {object} */ rest) =>
    observation({ id: `${pid}-obs-ddimer-${key}`, pid, code: DDIMER_FEU(), effective: c.at(preg.day(w, d), time), ...rest });
  const ddimers = [
    dd('w07', 7, 2, '09:10', { value: { valueQuantity: { comparator: '<', ...qty(0.27, 'mg/L') } }, extra: { referenceRange: REF_HIGH_05 } }),
    dd('w10', 10, 0, '10:20', { value: { valueQuantity: qty(0.45, 'mg/L') }, extra: { referenceRange: REF_HIGH_05, interpretation: INTERP.N } }),
    observation({
      id: `${pid}-obs-ddimer-w13`, pid, code: DDIMER_DDU, effective: c.at(preg.day(13, 1), '09:40'),
      value: { valueQuantity: qty(300, 'ng/mL') },
      extra: { note: [{ text: 'Reported in D-dimer units (DDU).' }] },
    }),
    dd('w16', 16, 4, '08:55', { value: { valueQuantity: qty(0.72, 'ug/mL FEU', 'ug/mL{FEU}') } }),
    dd('w20', 20, 1, '09:05', { value: { valueQuantity: qty(880, 'ng/mL FEU', 'ng/mL{FEU}') } }),
    dd('w24', 24, 2, '09:30', { value: { valueQuantity: qty(1.05, 'mg/L') }, extra: { referenceRange: REF_HIGH_05, interpretation: INTERP.H } }),
    dd('w28', 28, 0, '10:15', {
      status: 'amended',
      value: { valueQuantity: qty(1.3, 'mg/L') },
      extra: { interpretation: INTERP.H, note: [{ text: 'Amended: re-run on a new sample; the first report (3.1 mg/L) was from a haemolysed sample.' }] },
    }),
    dd('w30', 30, 2, '09:50', {
      status: 'entered-in-error',
      value: { valueQuantity: qty(9.8, 'mg/L') },
      extra: { note: [{ text: 'Entered in error: result belonged to another patient.' }] },
    }),
    dd('w32', 32, 1, '09:15', { value: { valueQuantity: qty(1.6, 'mg/L') }, extra: { referenceRange: REF_HIGH_05, interpretation: INTERP.H } }),
    dd('w34', 34, 0, '09:25', { value: { valueQuantity: qty(1.9, 'mg/L') }, extra: { referenceRange: REF_HIGH_05, interpretation: INTERP.H } }),
    dd('w35', 35, 2, '09:00', { status: 'preliminary', value: { valueQuantity: qty(1.85, 'mg/L') } }),
  ];
  const ddimerW24 = /** @type {{ resourceType: string, id: string }} */ (ddimers[5]);
  const ddimerReport = {
    resourceType: 'DiagnosticReport',
    id: `${pid}-dr-ddimer-w24`,
    status: 'final',
    category: [cc([coding(SYS.v2_0074, 'LAB', 'Laboratory')])],
    code: loinc('55398-2', 'Short Fibrin D-dimer FEU and DDU panel - Platelet poor plasma', 'D-dimer'),
    subject: patientRef(pid),
    effectiveDateTime: c.at(preg.day(24, 2), '09:30'),
    issued: c.at(preg.day(24, 2), '13:02'),
    result: [ref(ddimerW24)],
  };

  // Coagulation panel and safety labs: a pre-heparin baseline at booking (10w), then later values.
  /** @param {string} key @param {object} code @param {number} w @param {number} d @param {string} time @param {object} valueQuantity @param {object} [extra] */
  const lab = (key, code, w, d, time, valueQuantity, extra = {}) =>
    observation({ id: `${pid}-obs-${key}`, pid, code, effective: c.at(preg.day(w, d), time), value: { valueQuantity }, extra });
  const PT = loinc('5902-2', 'Prothrombin time (PT)', 'PT');
  const INR = loinc('6301-6', 'INR in Platelet poor plasma by Coagulation assay', 'INR');
  const APTT = loinc('14979-9', 'aPTT in Platelet poor plasma by Coagulation assay', 'APTT');
  const FIB = loinc('3255-7', 'Fibrinogen [Mass/volume] in Platelet poor plasma by Coagulation assay', 'Fibrinogen');
  const PLT = loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelets');
  const HB = loinc('718-7', 'Hemoglobin [Mass/volume] in Blood', 'Haemoglobin');
  const CREAT = loinc('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'Creatinine');
  const coag = [
    lab('pt-w10', PT, 10, 0, '10:20', qty(12.1, 's')),
    lab('inr-w10', INR, 10, 0, '10:20', qty(1.0, '{INR}')),
    lab('aptt-w10', APTT, 10, 0, '10:20', qty(30.5, 's')),
    lab('fibrinogen-w10', FIB, 10, 0, '10:20', qty(3.8, 'g/L')),
    lab('platelets-w10', PLT, 10, 0, '10:20', qty(248, '10*3/uL'), { note: [{ text: 'Booking (pre-heparin baseline).' }] }),
    lab('hb-w10', HB, 10, 0, '10:20', qty(12.8, 'g/dL')),
    lab('creatinine-w10', CREAT, 10, 0, '10:20', qty(0.62, 'mg/dL')),
    lab('platelets-w14', PLT, 14, 3, '09:00', qty(241, '10*3/uL')),
    lab('platelets-w20', PLT, 20, 1, '09:05', qty(232, '10*3/uL')),
    lab('hb-w20', HB, 20, 1, '09:05', qty(11.9, 'g/dL')),
    lab('pt-w28', PT, 28, 0, '10:15', qty(11.6, 's')),
    lab('inr-w28', INR, 28, 0, '10:15', qty(0.95, '{INR}')),
    lab('aptt-w28', APTT, 28, 0, '10:15', qty(28.9, 's')),
    lab('fibrinogen-w28', FIB, 28, 0, '10:15', qty(4.9, 'g/L')),
    lab('platelets-w28', PLT, 28, 0, '10:15', qty(219, '10*3/uL')),
    lab('hb-w28', HB, 28, 0, '10:15', qty(11.2, 'g/dL')),
    lab('creatinine-w28', CREAT, 28, 0, '10:15', qty(0.55, 'mg/dL')),
    lab('pt-w34', PT, 34, 0, '09:25', qty(11.4, 's')),
    lab('inr-w34', INR, 34, 0, '09:25', qty(0.94, '{INR}')),
    lab('aptt-w34', APTT, 34, 0, '09:25', qty(28.1, 's')),
    lab('fibrinogen-w34', FIB, 34, 0, '09:25', qty(5.4, 'g/L'), { referenceRange: [{ low: qty(2, 'g/L'), high: qty(4, 'g/L'), text: '2.0-4.0 g/L (non-pregnant)' }], interpretation: INTERP.H }),
    lab('platelets-w34', PLT, 34, 0, '09:25', qty(206, '10*3/uL'), { referenceRange: [{ low: qty(150, '10*3/uL'), high: qty(400, '10*3/uL') }], interpretation: INTERP.N }),
    lab('hb-w34', HB, 34, 0, '09:25', qty(11.0, 'g/dL')),
  ];
  const coagReport = {
    resourceType: 'DiagnosticReport',
    id: `${pid}-dr-coag-booking`,
    status: 'final',
    category: [cc([coding(SYS.v2_0074, 'LAB', 'Laboratory')])],
    code: { text: 'Coagulation screen (booking)' },
    subject: patientRef(pid),
    effectiveDateTime: c.at(preg.day(10), '10:20'),
    issued: c.at(preg.day(10), '15:45'),
    result: coag.slice(0, 4).map(ref),
  };
  const antiXa = observation({
    id: `${pid}-obs-antixa-d2`,
    pid,
    code: loinc('32684-3', 'LMW Heparin [Units/volume] in Platelet poor plasma', 'Anti-Xa (LMWH)'),
    effective: c.at(-2, '22:00'),
    value: { valueQuantity: qty(0.32, 'IU/mL', '[iU]/mL') },
    extra: { note: [{ text: 'Peak level, drawn 4 h after the 18:00 enoxaparin dose.' }] },
  });

  const weights = [
    weight(`${pid}-obs-weight-booking`, pid, c.at(preg.day(10), '10:00'), 72),
    weight(`${pid}-obs-weight-w24`, pid, c.at(preg.day(24, 2), '09:20'), 77.5),
    weight(`${pid}-obs-weight-latest`, pid, c.at(preg.day(34), '09:10'), 81),
  ];

  return {
    id: pid,
    name: 'Olivia Rose Marchetti',
    birthDate: pt.birthDate,
    scenario: '35 weeks pregnant; elective caesarean booked in 3 days at 08:30; enoxaparin 40 mg daily with no end date (last dose yesterday 18:00); aspirin; D-dimers in mixed units.',
    resources: [
      pt, lmpObs, eddObs, pregnancyCond, csOrder, csAppointment, enoxMed, enoxReq, ...admins, aspirin,
      ...ddimers, ddimerReport, ...coag, coagReport, antiXa, ...weights,
    ],
  };
}
