// @ts-check
/**
 * The sandbox's generated cohort for the worklist: `size` synthetic patients on LMWH (mocks/generate/cohort.mjs,
 * deterministic from the seed, dated relative to the sandbox clock), a `List` and a `Group` holding part of them (so
 * both cohort paths of the app are exercised), and the EHR page's collapsed listing of them.
 */
import { cohort } from '../generate/cohort.mjs';

/** Seed of the sandbox cohort: the same patients on every start. */
export const SANDBOX_COHORT_SEED = 20261125;

/**
 * @param {{ size: number, nowMs: number, seed?: number }} options
 * @returns {{ patients: ReturnType<typeof cohort>, collections: any[] }}
 */
export function sandboxCohort({ size, nowMs, seed = SANDBOX_COHORT_SEED }) {
  const patients = cohort({ size, nowMs, seed, idPrefix: 'cohort' });
  const ivf = patients.filter((p) => p.stage.startsWith('ivf-')).slice(0, 25);
  const antenatal = patients.filter((p) => p.stage === 'pregnant').slice(0, 25);
  const list = {
    resourceType: 'List',
    id: 'ivf-unit-this-week',
    status: 'current',
    mode: 'working',
    title: 'IVF unit: patients this week',
    date: new Date(nowMs).toISOString(),
    entry: ivf.map((p) => ({ item: { reference: `Patient/${p.id}` } })),
  };
  const group = {
    resourceType: 'Group',
    id: 'antenatal-lmwh-clinic',
    type: 'person',
    actual: true,
    name: 'Antenatal LMWH clinic',
    quantity: antenatal.length,
    member: antenatal.map((p) => ({ entity: { reference: `Patient/${p.id}` } })),
  };
  return { patients, collections: [list, group] };
}

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The cohort on the EHR page: collapsed, so the demo patients and loaded data stay in the first view.
 * @param {{ id: string, name: string, scenario: string }[]} rows
 */
export function cohortSection(rows) {
  if (rows.length === 0) return '';
  const items = rows
    .map((p) => `<li>${esc(p.name)} (${esc(p.scenario)}) <button type="submit" name="patient" value="${esc(p.id)}">Launch LMWH Monitor<span class="sr-only"> for ${esc(p.name)}</span></button></li>`)
    .join('\n');
  return `<details><summary>Generated cohort (${rows.length} synthetic patients on LMWH, for the worklist)</summary>
<ul>
${items}
</ul>
</details>`;
}
