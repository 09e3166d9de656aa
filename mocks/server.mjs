#!/usr/bin/env node
// @ts-check
/**
 * The local sandbox EHR, as a process: `node mocks/server.mjs` (or `npm start`, which builds the app first).
 * Environment: PORT (default 8080), SANDBOX_NOW (ISO instant the demo data is relative to; default the real now),
 * SANDBOX_DATA (comma-separated FHIR JSON / NDJSON files or folders to load besides the demo patients),
 * SANDBOX_COHORT (synthetic patients on LMWH generated for the worklist; default 200, 0 for none),
 * SANDBOX_ALLOWED_HOSTS (comma-separated host:port values the sandbox also answers on, e.g. a name behind a tunnel;
 * by default only 127.0.0.1 and localhost on its own port), SANDBOX_PUBLIC_URL (the origin clients reach it through,
 * e.g. http://ehr.test:9000 for a proxy in front of it: issuer, FHIR base and links name it, and its host is allowed).
 */
import { startSandbox } from './sandbox/index.mjs';

const port = Number(process.env.PORT ?? '8080');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
let now = Date.now();
if (process.env.SANDBOX_NOW) {
  now = Date.parse(process.env.SANDBOX_NOW);
  if (!Number.isFinite(now) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(process.env.SANDBOX_NOW.trim())) {
    console.error(`SANDBOX_NOW must be an ISO instant with a zone, e.g. 2026-04-03T08:30:00Z; got "${process.env.SANDBOX_NOW}"`);
    process.exit(1);
  }
}
const dataPaths = (process.env.SANDBOX_DATA ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const allowedHosts = (process.env.SANDBOX_ALLOWED_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const h of allowedHosts) {
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(h)) {
    console.error(`SANDBOX_ALLOWED_HOSTS entries must be host:port, got "${h}"`);
    process.exit(1);
  }
}

// SANDBOX_COHORT: synthetic patients on LMWH for the worklist (default 200; 0 for none).
const cohortEnv = Number(process.env.SANDBOX_COHORT ?? '200');
const cohortSize = Number.isInteger(cohortEnv) && cohortEnv >= 0 ? cohortEnv : 200;

const publicUrl = process.env.SANDBOX_PUBLIC_URL?.trim() || undefined;
let sandbox;
try {
  sandbox = await startSandbox({ port, now, dataPaths, allowedHosts, publicUrl, cohortSize });
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const base = sandbox.publicUrl;
console.log('');
if (base !== sandbox.url) console.log(`Listening on:                ${sandbox.url} (public origin ${base})`);
console.log(`Sandbox EHR (patient list):  ${base}/`);
console.log(`FHIR base (iss):             ${base}/fhir`);
console.log(`EHR launch of a patient:     ${base}/launch?patient=<id>`);
console.log(`Worklist (provider launch):  ${base}/launch?worklist=1`);
console.log(`Standalone launch:           ${base}/app/launch/?iss=${encodeURIComponent(`${base}/fhir`)}`);
console.log(`Sandbox clock:               ${new Date(now).toISOString()}`);

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
