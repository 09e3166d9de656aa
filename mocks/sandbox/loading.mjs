// @ts-check
/**
 * Startup data of the sandbox: the demo patients (mocks/data), the generated worklist cohort, the files given in
 * `dataPaths`, and the patient list the EHR page shows.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataPaths } from './data-loader.mjs';
import { sandboxCohort } from './cohort.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEMO_DATA = path.resolve(HERE, '../data/index.mjs');

/** @typedef {{ id: string, name: string, birthDate?: string, scenario: string }} PatientRow */

/** Scenario label of the generated cohort's patients (listed collapsed on the EHR page). */
export const COHORT_SCENARIO = 'generated cohort';
/** @param {{ scenario: string }} row */
export const isCohortRow = (row) => row.scenario.startsWith(COHORT_SCENARIO);
/** @typedef {{ load: (json: any, source: string) => Promise<{ loaded: number, errors: string[] }>, patients: () => Promise<any[]> }} LoadableEngine */

/** @param {any} patient a FHIR Patient */
export function displayName(patient) {
  const n = (patient.name ?? [])[0];
  if (!n) return `Patient ${patient.id}`;
  if (n.text) return n.text;
  return [...(n.given ?? []), n.family].filter(Boolean).join(' ') || `Patient ${patient.id}`;
}

/**
 * Imports the demo data module if it exists.
 * @param {(line: string) => void} log
 * @returns {Promise<null | ((nowMs: number, zone?: string) => Array<{ id: string, name: string, birthDate: string, scenario: string, resources: any[] }>)>}
 */
async function importDemo(log) {
  if (!(await stat(DEMO_DATA).catch(() => null))) {
    log('Demo data: mocks/data/index.mjs not found, starting without demo patients.');
    return null;
  }
  const mod = await import(pathToFileURL(DEMO_DATA).href);
  if (typeof mod.demoPatients !== 'function') {
    log('Demo data: mocks/data/index.mjs has no demoPatients export, starting without demo patients.');
    return null;
  }
  return mod.demoPatients;
}

/** The EHR's patient list: names and scenarios of the loaded patients. */
export function createPatientDirectory() {
  /** @type {Map<string, { name: string, birthDate?: string, scenario: string }>} */
  const info = new Map();
  /** @type {string[]} */
  const problems = [];
  let loaded = 0;

  /** @param {LoadableEngine} engine @param {number} now @param {(line: string) => void} log @param {string} [zone] facility zone of the demo data */
  async function loadDemo(engine, now, log, zone) {
    const demoPatients = await importDemo(log);
    if (!demoPatients) return;
    try {
      for (const d of demoPatients(now, zone)) {
        const r = await engine.load(d.resources, `demo patient ${d.id}`);
        loaded += r.loaded;
        problems.push(...r.errors);
        info.set(d.id, { name: d.name, birthDate: d.birthDate, scenario: d.scenario });
      }
    } catch (err) {
      problems.push(`demo data: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * The generated cohort for the worklist (`size` patients on LMWH) and the List and Group holding part of it.
   * @param {LoadableEngine} engine @param {number} size @param {number} now @param {(line: string) => void} log
   */
  async function loadCohort(engine, size, now, log) {
    const generated = sandboxCohort({ size, nowMs: now });
    for (const g of generated.patients) {
      const r = await engine.load(g.resources, `cohort patient ${g.id}`);
      loaded += r.loaded;
      problems.push(...r.errors);
      info.set(g.id, { name: g.name, scenario: `${COHORT_SCENARIO}: ${g.stage}` });
    }
    const c = await engine.load(generated.collections, 'cohort List and Group');
    loaded += c.loaded;
    problems.push(...c.errors);
    log(`Cohort: ${generated.patients.length} generated patient(s) on LMWH, with a List and a Group.`);
  }

  /** @param {LoadableEngine} engine @param {string[]} dataPaths @param {(line: string) => void} log */
  async function loadFiles(engine, dataPaths, log) {
    const report = await loadDataPaths(engine, dataPaths);
    loaded += report.loaded;
    problems.push(...report.errors);
    for (const f of report.files) {
      for (const id of f.patientIds) if (!info.has(id)) info.set(id, { name: '', scenario: `loaded from ${path.basename(f.file)}` });
    }
    log(`Data: ${report.files.length} file(s) read, ${report.loaded} resource(s) loaded, ${report.errors.length} problem(s), ${report.skipped.length} non-data file(s) skipped.`);
  }

  /** Names of loaded (non-demo) patients come from their Patient resources. @param {LoadableEngine} engine */
  async function nameLoadedPatients(engine) {
    const byId = new Map((await engine.patients()).map((p) => [p.id, p]));
    for (const [id, row] of info) {
      if (!row.name) info.set(id, { ...row, name: byId.has(id) ? displayName(byId.get(id)) : `Patient ${id}` });
    }
    return byId.size;
  }

  /** @param {LoadableEngine | null} engine @returns {Promise<PatientRow[]>} */
  async function rows(engine) {
    if (!engine) return [];
    return (await engine.patients())
      .map((p) => {
        const row = info.get(p.id);
        return { id: String(p.id), name: row?.name ?? displayName(p), birthDate: p.birthDate ?? row?.birthDate, scenario: row?.scenario ?? 'loaded at start' };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  return { loadDemo, loadCohort, loadFiles, nameLoadedPatients, rows, problems, loadedCount: () => loaded };
}
