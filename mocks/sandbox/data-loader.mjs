// @ts-check
/**
 * Loads FHIR JSON files and folders into the sandbox engine: Bundles (transaction / batch / collection / searchset),
 * single resources, arrays of resources, `.ndjson` files, and folders of those (recursively, `.json` / `.ndjson`
 * only; LICENSE / README / INDEX / `*.madie.json` files are skipped). A file that is not valid FHIR JSON is reported
 * by name with the reason and skipped; the rest still loads.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** @typedef {{ file: string, loaded: number, errors: string[], patientIds: string[] }} FileReport */
/** @typedef {{ files: FileReport[], loaded: number, errors: string[], skipped: string[] }} LoadReport */

/** @param {string} name */
function isSkippedName(name) {
  return /^(license|licence|readme|index|sources)([-_.].*)?$/i.test(name) || /\.madie\.json$/i.test(name);
}

/**
 * Lists the data files under the given paths (a path may be a file or a folder).
 * @param {string[]} paths
 * @returns {Promise<{ files: string[], errors: string[], skipped: string[] }>}
 */
export async function listDataFiles(paths) {
  /** @type {string[]} */
  const files = [];
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const skipped = [];
  /** @param {string} p @param {boolean} explicit */
  async function walk(p, explicit) {
    let info;
    try {
      info = await stat(p);
    } catch {
      errors.push(`${p}: not found`);
      return;
    }
    if (info.isDirectory()) {
      const names = (await readdir(p)).sort();
      for (const name of names) await walk(path.join(p, name), false);
      return;
    }
    const name = path.basename(p);
    if (!explicit && (isSkippedName(name) || !/\.(json|ndjson)$/i.test(name))) {
      skipped.push(p);
      return;
    }
    files.push(p);
  }
  for (const p of paths) {
    if (p.trim()) await walk(p.trim(), true);
  }
  return { files, errors, skipped };
}

/**
 * @param {{ load: (json: any, source: string) => Promise<{ loaded: number, errors: string[] }>, patients: () => Promise<any[]> }} engine
 * @param {string} file
 * @returns {Promise<{ loaded: number, errors: string[] }>}
 */
async function loadFile(engine, file) {
  const name = path.relative(process.cwd(), file) || file;
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { loaded: 0, errors: [`${name}: cannot read (${err instanceof Error ? err.message : String(err)})`] };
  }
  if (/\.ndjson$/i.test(file)) {
    let loaded = 0;
    /** @type {string[]} */
    const errors = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (!line) continue;
      let json;
      try {
        json = JSON.parse(line);
      } catch (err) {
        errors.push(`${name}: line ${i + 1}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
        continue;
      }
      if (!json || typeof json !== 'object' || typeof json.resourceType !== 'string') {
        errors.push(`${name}: line ${i + 1}: not FHIR JSON (no resourceType)`);
        continue;
      }
      const r = await engine.load(json, `${name}: line ${i + 1}`);
      loaded += r.loaded;
      errors.push(...r.errors);
    }
    return { loaded, errors };
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { loaded: 0, errors: [`${name}: invalid JSON (${err instanceof Error ? err.message : String(err)})`] };
  }
  const isFhir = Array.isArray(json) ? json.length > 0 && json.every((r) => r && typeof r.resourceType === 'string') : json && typeof json === 'object' && typeof json.resourceType === 'string';
  if (!isFhir) return { loaded: 0, errors: [`${name}: not FHIR JSON (no resourceType)`] };
  return engine.load(json, name);
}

/**
 * Loads every data file under `paths` into the engine.
 * @param {{ load: (json: any, source: string) => Promise<{ loaded: number, errors: string[] }>, patients: () => Promise<any[]> }} engine
 * @param {string[]} paths files or folders
 * @returns {Promise<LoadReport>}
 */
export async function loadDataPaths(engine, paths) {
  const listed = await listDataFiles(paths);
  /** @type {FileReport[]} */
  const files = [];
  const errors = [...listed.errors];
  let loaded = 0;
  const known = new Set((await engine.patients()).map((p) => p.id));
  for (const file of listed.files) {
    const r = await loadFile(engine, file);
    const patientIds = (await engine.patients()).map((p) => p.id).filter((id) => !known.has(id));
    for (const id of patientIds) known.add(id);
    files.push({ file, loaded: r.loaded, errors: r.errors, patientIds });
    loaded += r.loaded;
    errors.push(...r.errors);
  }
  return { files, loaded, errors, skipped: listed.skipped };
}
