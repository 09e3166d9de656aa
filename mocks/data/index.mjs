// Synthetic demo patients of the local sandbox EHR (written by us; no real patient data).
// Every date is computed from `nowMs` in the facility zone, so the demo record is always current and a fixed
// `nowMs` always gives the same data. See README.md beside this file for each patient's scenario.
import { DEMO_ZONE, clock, clean } from './lib.mjs';
import * as ivfOhss from './patients/ivf-ohss.mjs';
import * as thirdTrimester from './patients/third-trimester.mjs';
import * as recurrentMiscarriage from './patients/recurrent-miscarriage.mjs';
import * as bleeding from './patients/bleeding.mjs';
import * as noLmwh from './patients/no-lmwh.mjs';
import * as manyLabs from './patients/many-labs.mjs';
import * as plannedSurgery from './patients/planned-surgery.mjs';
import * as ivfFrozenPositive from './patients/ivf-frozen-positive.mjs';
import * as ivfNegativeHcg from './patients/ivf-negative-hcg.mjs';

export { DEMO_ZONE };

/**
 * @typedef {object} DemoPatient
 * @property {string} id the Patient id
 * @property {string} name display name
 * @property {string} birthDate FHIR date
 * @property {string} scenario one line for the EHR page
 * @property {import('fhir/r4').FhirResource[]} resources FHIR R4 resources, the Patient first
 */

const BUILDERS = [ivfOhss, thirdTrimester, recurrentMiscarriage, bleeding, noLmwh, manyLabs, plannedSurgery, ivfFrozenPositive, ivfNegativeHcg];

/** Patient ids, in the order `demoPatients` returns them. */
export const DEMO_PATIENT_IDS = BUILDERS.map((b) => b.ID);

/**
 * The demo patients, with every date computed from `nowMs` (epoch ms) in Europe/London.
 * @param {number} nowMs
 * @param {string} [zone] the facility zone the wall-clock times are written in (default Europe/London)
 * @returns {DemoPatient[]}
 */
export function demoPatients(nowMs, zone = DEMO_ZONE) {
  const c = clock(nowMs, zone);
  return BUILDERS.map((b) => /** @type {DemoPatient} */ (clean(b.build(c))));
}
