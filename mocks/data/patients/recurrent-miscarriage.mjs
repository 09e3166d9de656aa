// Patient 3: about 12 weeks pregnant (LMP dating only, no EDD), recurrent miscarriage, antiphospholipid syndrome,
// on dalteparin 5000 IU daily since 5 weeks ago.
import {
  SYS, INTERP, CLINICAL_ACTIVE, VERIFICATION_CONFIRMED, CONDITION_PROBLEM, ONCE_DAILY,
  cc, coding, qty, loinc, patient, patientRef, observation, weight, lmp, pregnancyStatus, dosage, pregnancy,
} from '../lib.mjs';

export const ID = 'recurrent-miscarriage';

/** Gestational age today: 12 weeks 2 days (by LMP). */
export const GA_TODAY_DAYS = 12 * 7 + 2;

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const preg = pregnancy(GA_TODAY_DAYS);
  const pt = patient({ id: pid, given: ['Priya'], family: 'Nandakumar', birthDate: c.birthDate(36, 201), mrn: 'DEMO-1003' });

  const lmpObs = lmp(`${pid}-obs-lmp`, pid, c.at(preg.day(6, 1), '11:00'), c.date(preg.lmp));
  const pregStatus = pregnancyStatus(`${pid}-obs-pregnancy-status`, pid, c.at(preg.day(6, 1), '11:00'), 'LA15173-0', 'Pregnant');

  const recurrent = {
    resourceType: 'Condition',
    id: `${pid}-cond-recurrent-miscarriage`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc(
      [
        coding(SYS.snomed, '102878001', 'Recurrent miscarriage (disorder)'),
        coding(SYS.icd10cm, 'O26.21', 'Pregnancy care for patient with recurrent pregnancy loss, first trimester'),
      ],
      'Recurrent miscarriage',
    ),
    subject: patientRef(pid),
    onsetDateTime: c.date(-3 * 365),
    recordedDate: c.at(preg.day(6, 1), '11:15'),
    note: [{ text: '3 previous losses (first trimester, at 7, 9 and 8 weeks).' }],
  };
  const aps = {
    resourceType: 'Condition',
    id: `${pid}-cond-aps`,
    clinicalStatus: CLINICAL_ACTIVE,
    verificationStatus: VERIFICATION_CONFIRMED,
    category: CONDITION_PROBLEM,
    code: cc([coding(SYS.icd10cm, 'D68.61', 'Antiphospholipid syndrome')], 'Antiphospholipid syndrome'),
    subject: patientRef(pid),
    onsetDateTime: c.at(-150, '14:00'),
    recordedDate: c.at(-150, '14:00'),
  };

  // Antiphospholipid / thrombophilia work-up, before this pregnancy.
  const workup = [
    observation({
      id: `${pid}-obs-acl-igg`, pid,
      code: loinc('3181-5', 'Cardiolipin IgG Ab [Units/volume] in Serum by Immunoassay', 'Anticardiolipin IgG'),
      effective: c.at(-240, '09:30'),
      value: { valueQuantity: qty(48, 'GPL/mL', "[GPL'U]/mL") },
      extra: { interpretation: INTERP.H, referenceRange: [{ high: qty(20, 'GPL/mL', "[GPL'U]/mL"), text: 'Positive > 20 GPL/mL' }], note: [{ text: 'Positive.' }] },
    }),
    observation({
      id: `${pid}-obs-acl-igg-repeat`, pid,
      code: loinc('3181-5', 'Cardiolipin IgG Ab [Units/volume] in Serum by Immunoassay', 'Anticardiolipin IgG'),
      effective: c.at(-150, '09:15'),
      value: { valueQuantity: qty(44, 'GPL/mL', "[GPL'U]/mL") },
      extra: { interpretation: INTERP.H, note: [{ text: 'Repeat after 12 weeks: persistently positive.' }] },
    }),
    observation({
      id: `${pid}-obs-la-drvvt-ratio`, pid,
      code: loinc('50410-0', 'dRVVT screen/confirm ratio', 'Lupus anticoagulant (dRVVT ratio)'),
      effective: c.at(-240, '09:30'),
      value: { valueQuantity: qty(1.6, 'ratio', '{ratio}') },
      extra: { interpretation: INTERP.H, referenceRange: [{ high: qty(1.2, 'ratio', '{ratio}') }] },
    }),
    observation({
      id: `${pid}-obs-b2gp1-igg`, pid,
      code: loinc('44448-9', 'Beta 2 glycoprotein 1 IgG Ab [Units/volume] in Serum or Plasma by Immunoassay', 'Beta-2 glycoprotein I IgG'),
      effective: c.at(-240, '09:30'),
      value: { valueQuantity: qty(4, 'SGU', "[arb'U]/mL") },
      extra: { interpretation: INTERP.N, referenceRange: [{ high: qty(20, 'SGU', "[arb'U]/mL"), text: 'Negative < 20 SGU' }], note: [{ text: 'Negative.' }] },
    }),
    observation({
      id: `${pid}-obs-fvl`, pid,
      code: loinc('21668-9', 'F5 gene p.Arg506Gln [Presence] in Blood or Tissue by Molecular genetics method', 'Factor V Leiden'),
      effective: c.at(-240, '09:30'),
      value: { valueCodeableConcept: cc([coding(SYS.loinc, 'LA6706-1', 'Heterozygous')], 'Heterozygous') },
    }),
    observation({
      id: `${pid}-obs-protein-s`, pid,
      code: loinc('31102-7', 'Protein S actual/normal in Platelet poor plasma by Coagulation assay', 'Protein S activity'),
      effective: c.at(-240, '09:30'),
      value: { valueQuantity: qty(82, '%') },
      extra: { interpretation: INTERP.N, referenceRange: [{ low: qty(60, '%'), high: qty(140, '%') }], note: [{ text: 'Normal (not deficient); tested before pregnancy.' }] },
    }),
  ];

  const dalteparinStart = c.at(-35, '19:00');
  const dalteparin = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-dalteparin`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc(
      [coding(SYS.rxnorm, '978733', '0.2 ML dalteparin sodium 25000 UNT/ML Prefilled Syringe')],
      'Fragmin 5000 IU',
    ),
    subject: patientRef(pid),
    authoredOn: c.at(-35, '12:20'),
    reasonReference: [{ reference: `Condition/${aps.id}` }],
    dosageInstruction: [
      dosage({ text: '5000 IU subcutaneously once daily', dose: qty(5000, 'IU', '[iU]'), timing: ONCE_DAILY, bounds: { start: dalteparinStart } }),
    ],
  };

  const DDIMER = loinc('48065-7', 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma', 'D-dimer');
  const ddimers = [
    observation({ id: `${pid}-obs-ddimer-1`, pid, code: DDIMER, effective: c.at(-36, '09:00'), value: { valueQuantity: qty(420, 'ng/mL') } }),
    observation({ id: `${pid}-obs-ddimer-2`, pid, code: DDIMER, effective: c.at(-6, '08:45'), value: { valueQuantity: qty(610, 'ng/mL') } }),
  ];

  return {
    id: pid,
    name: 'Priya Nandakumar',
    birthDate: pt.birthDate,
    scenario: 'About 12 weeks pregnant (LMP dating only, no EDD); 3 previous miscarriages; antiphospholipid syndrome; dalteparin 5000 IU daily for 5 weeks.',
    resources: [pt, lmpObs, pregStatus, recurrent, aps, ...workup, dalteparin, ...ddimers, weight(`${pid}-obs-weight`, pid, c.at(-36, '08:50'), 64)],
  };
}
