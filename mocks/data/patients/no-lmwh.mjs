// Patient 5: not pregnant, no LMWH; a levothyroxine order, a normal platelet count and a weight.
import { SYS, ONCE_DAILY, cc, coding, qty, loinc, patient, patientRef, observation, weight, pregnancyStatus, dosage } from '../lib.mjs';

export const ID = 'no-lmwh';

/** @param {ReturnType<typeof import('../lib.mjs').clock>} c */
export function build(c) {
  const pid = ID;
  const pt = patient({ id: pid, given: ['Grace'], family: 'Lindqvist', birthDate: c.birthDate(41, 300), mrn: 'DEMO-1005' });
  const levothyroxine = {
    resourceType: 'MedicationRequest',
    id: `${pid}-medreq-levothyroxine`,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: cc([coding(SYS.rxnorm, '10582', 'levothyroxine')], 'Levothyroxine 75 micrograms tablets'),
    subject: patientRef(pid),
    authoredOn: c.at(-400, '10:30'),
    dosageInstruction: [dosage({ text: '75 micrograms by mouth once daily before breakfast', dose: qty(75, 'microgram', 'ug'), timing: ONCE_DAILY, route: { text: 'Oral' } })],
  };
  const platelets = observation({
    id: `${pid}-obs-platelets`, pid,
    code: loinc('777-3', 'Platelets [#/volume] in Blood by Automated count', 'Platelets'),
    effective: c.at(-14, '09:20'),
    value: { valueQuantity: qty(255, '10*3/uL') },
    extra: { referenceRange: [{ low: qty(150, '10*3/uL'), high: qty(400, '10*3/uL') }] },
  });
  return {
    id: pid,
    name: 'Grace Lindqvist',
    birthDate: pt.birthDate,
    scenario: 'Not pregnant, no LMWH: levothyroxine only; normal platelet count and a weight (the app must say "no LMWH order found").',
    resources: [
      pt,
      levothyroxine,
      platelets,
      weight(`${pid}-obs-weight`, pid, c.at(-14, '09:10'), 66),
      pregnancyStatus(`${pid}-obs-pregnancy-status`, pid, c.at(-14, '09:15'), 'LA26683-5', 'Not pregnant'),
    ],
  };
}
