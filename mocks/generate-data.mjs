#!/usr/bin/env node
// @ts-check
/**
 * Writes generated benchmark data as NDJSON files for the sandbox (`SANDBOX_DATA=<dir> npm start`):
 *   cohort-<size>.ndjson   patients on LMWH (mocks/generate/cohort.mjs), default sizes 2000 and 10000
 *   labs-<n>.ndjson        one pregnant patient with n D-dimers (mocks/generate/labs-patient.mjs), only with --labs
 * Deterministic from --seed and relative to --now (an ISO instant with a zone; default the real now: start the
 * sandbox with the same SANDBOX_NOW).
 *
 * Usage: node mocks/generate-data.mjs [--out DIR] [--cohorts 2000,10000] [--labs 50,500,5000] [--seed 1] [--now ISO]
 */
import { mkdirSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { cohort } from './generate/cohort.mjs';
import { labsPatient } from './generate/labs-patient.mjs';

const args = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? /** @type {string} */ (args[i + 1]) : fallback;
};
const list = (/** @type {string} */ s) => s.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x > 0);

const out = path.resolve(opt('--out', 'generated-data'));
const seed = Number(opt('--seed', '1'));
const nowText = opt('--now', '');
const nowMs = nowText ? Date.parse(nowText) : Date.now();
if (!Number.isFinite(nowMs) || (nowText && !/(Z|[+-]\d{2}:?\d{2})$/i.test(nowText))) {
  console.error(`--now must be an ISO instant with a zone, e.g. 2026-04-03T08:30:00Z; got "${nowText}"`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

/** Streams resources one per line (a 10,000-patient cohort is about 100,000 resources). @param {string} file @param {Iterable<any>} resources */
async function writeNdjson(file, resources) {
  const stream = createWriteStream(file);
  let count = 0;
  for (const r of resources) {
    if (!stream.write(`${JSON.stringify(r)}\n`)) await new Promise((resolve) => stream.once('drain', () => resolve(undefined)));
    count++;
  }
  await new Promise((resolve, reject) => {
    stream.on('error', reject);
    stream.end(() => resolve(undefined));
  });
  return count;
}

for (const size of list(opt('--cohorts', '2000,10000'))) {
  const patients = cohort({ size, nowMs, seed, idPrefix: `cohort${size}` });
  const file = path.join(out, `cohort-${size}.ndjson`);
  const count = await writeNdjson(file, patients.flatMap((p) => p.resources));
  console.log(`${path.relative(process.cwd(), file)}: ${size} patients, ${count} resources`);
}
for (const n of list(opt('--labs', ''))) {
  const p = labsPatient({ n, nowMs, seed });
  const file = path.join(out, `labs-${n}.ndjson`);
  const count = await writeNdjson(file, p.resources);
  console.log(`${path.relative(process.cwd(), file)}: patient ${p.id}, ${count} resources`);
}
console.log(`Relative to ${new Date(nowMs).toISOString()}; start the sandbox with SANDBOX_NOW=${new Date(nowMs).toISOString()} SANDBOX_DATA=${path.relative(process.cwd(), out) || '.'}`);
