#!/usr/bin/env node
// Runs every test the project has and ends with the plain line CI reads: "N passed, N failed".
// Steps: type check, lint, production build (the browser tests launch the built app), the supply-chain audit of
// runtime dependencies, then all Vitest projects (unit, ui, e2e). Each of type check, lint, build and audit counts as
// one test; an audit that could not reach the registry counts as neither (and says so).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const bin = (name) => `./node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;
const failures = [];

function step(label, cmd, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
  return r.status === 0;
}

step('type check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint (eslint)', bin('eslint'), ['.']);
const built = step('build (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
step('build (CDS service bundle)', bin('vite'), ['build', '--config', 'vite.cds.config.ts', '--logLevel', 'warn']);

/**
 * `npm audit --omit=dev`: passes with no high or critical finding in a runtime dependency. When the registry (or its
 * audit endpoint) cannot be reached the step says so and is not counted: never a silent pass.
 */
function audit() {
  process.stdout.write('\n=== npm audit --omit=dev ===\n');
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', env: process.env, timeout: 90_000 });
  let report;
  try {
    report = JSON.parse(r.stdout || 'null');
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? r.error?.message ?? (r.stderr || '').trim().split('\n').pop() ?? 'no answer';
    process.stdout.write(`npm audit: registry not reachable, not checked (${why})\n`);
    return;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  process.stdout.write(`npm audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low\n`);
  if (serious === 0) passed += 1;
  else {
    failed += 1;
    failures.push(`npm audit: ${serious} high or critical finding(s) in runtime dependencies`);
  }
}
audit();

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
if (existsSync(report)) rmSync(report);
const projects = built ? [] : ['--project', 'unit', '--project', 'ui'];
process.stdout.write('\n=== vitest (unit, ui, e2e) ===\n');
const v = spawnSync(bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  stdio: 'inherit',
  env: process.env,
});
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A file that fails to load has no tests counted; count it as a failure so it cannot hide.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) {
      failed += 1;
      failures.push(`test file failed to run: ${file.name}`);
    }
  }
  if ((json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) > 0) {
    failed += 1;
    failures.push('skipped or todo tests are not allowed');
  }
} else {
  failed += 1;
  failures.push(`vitest produced no report (exit ${v.status})`);
}
if (v.status !== 0 && failed === 0) {
  failed += 1;
  failures.push(`vitest exited with ${v.status}`);
}
if (failures.length) process.stdout.write(`\nFailed: ${failures.join('; ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
