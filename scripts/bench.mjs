#!/usr/bin/env node
// `npm run bench`: performance figures of LMWH Monitor, printed as a plain-text table. Never pass/fail: each figure
// is shown with its target and whether it was met on this run; the exit code is 0 whenever the benchmark ran (1 only
// when it could not run). Not part of `npm test`.
//
//  1. buildClinicalRecord per demo patient and for the two largest public Synthea bundles (bench/build-record.bench.ts)
//  2. loadPatientRecord end to end against the local sandbox EHR over HTTP, with a bearer token from the sandbox's
//     OAuth flow: wall time and number of HTTP requests (bench/load-record.bench.ts)
//  3. production bundle: raw and gzip size of each dist/assets/*.js (read only; nothing is built here)
//
// 1 and 2 are TypeScript and run through `vitest bench` (bench/vitest.bench.config.ts); both use a fixed clock
// (test/support/demo-record.ts DEMO_TEST_NOW, Europe/London).
//
// Options: --verbose   also print Vitest's own output (tinybench tables)
//          --dist DIR  read the bundle from DIR instead of dist/
//          --no-vitest only the bundle sizes
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const withVitest = !args.includes('--no-vitest');
const distArg = args.indexOf('--dist');
const DIST = distArg >= 0 && args[distArg + 1] ? path.resolve(args[distArg + 1]) : path.join(ROOT, 'dist');

/** Targets (CONTRIBUTING.md: figures live here, never in timed unit tests). */
const TARGETS = {
  build: { 'demo many-labs': 50 },
  load: { 'many-labs': 2000 },
};

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (v) => (typeof v === 'number' && Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '-');
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** A plain-text table: columns padded, numbers right-aligned. */
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,]+( ms| kB)?$/.test(String(r[i]))));
  const line = (cells) =>
    cells
      .map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  out(line(head));
  out(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out(line(r));
}

function percentile(samples, p) {
  if (!samples?.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest sample with at least p% of the samples at or below it.
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

function targetCell(target, value) {
  if (target === undefined) return '';
  if (typeof value !== 'number') return `< ${target} ms: no figure`;
  return `< ${target} ms: ${value < target ? 'met' : 'NOT met'}`;
}

function runVitest(resultsFile, factsFile) {
  const env = { ...process.env, BENCH_RESULTS_FILE: resultsFile, BENCH_FACTS_FILE: factsFile, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve) => {
    const child = spawn(
      path.join(ROOT, 'node_modules/.bin/vitest'),
      ['bench', '--run', '--config', 'bench/vitest.bench.config.ts'],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    const take = (chunk) => {
      log += chunk;
      if (verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => resolve({ code: 1, log: `${log}\n${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}

function readFacts(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

function printBuild(results, facts) {
  out('1. buildClinicalRecord, ms per build (pure; fixed clock, Europe/London; UCUM converter loaded once)');
  const rows = results
    .filter((r) => r.suite === 'buildClinicalRecord')
    .map((r) => {
      const fact = facts.find((f) => f.name === `build ${r.name}`) ?? {};
      const p95 = percentile(r.samples, 95);
      const target = TARGETS.build[r.name];
      return [r.name, fact.resources ?? '-', fact.observations ?? '-', ms(r.mean), ms(r.median), ms(p95), ms(r.max), ms(fact.coldMs), r.sampleCount ?? '-', targetCell(target, r.mean)];
    });
  table(['case', 'resources', 'observations', 'mean', 'median', 'p95', 'max', 'cold 1st', 'runs', 'target (mean)'], rows);
}

function printLoad(results, facts) {
  out('2. loadPatientRecord end to end over HTTP against the local sandbox EHR (bearer token from its EHR launch + PKCE;');
  out('   app requester, concurrency 4), ms per load. The sandbox runs in the same process: its Medplum search time is');
  out('   included and competes with the client for the one JS thread.');
  const rows = results
    .filter((r) => r.suite === 'loadPatientRecord')
    .map((r) => {
      const fact = facts.find((f) => f.name === `load ${r.name}`) ?? {};
      const counts = [fact.requests, ...facts.filter((f) => f.name === `load ${r.name} requests`).map((f) => f.requests)].filter((n) => typeof n === 'number');
      const min = Math.min(...counts);
      const max = Math.max(...counts);
      const requests = counts.length === 0 ? '-' : min === max ? String(min) : `${min}-${max}`;
      const groups = fact.notComplete ? (fact.notComplete.length === 0 ? 'all complete' : fact.notComplete.join('; ')) : '-';
      const target = TARGETS.load[r.name];
      return [r.name, requests, fact.resources ?? '-', ms(fact.coldMs), ms(r.mean), ms(r.median), ms(percentile(r.samples, 95)), ms(r.max), r.sampleCount ?? '-', groups, targetCell(target, r.mean)];
    });
  table(['patient', 'requests', 'resources', 'cold 1st', 'mean', 'median', 'p95', 'max', 'runs', 'groups', 'target (mean)'], rows);
}

/** Which chunks the HTML entry points load up front (script src and modulepreload). */
function upFrontChunks() {
  const initial = new Map();
  for (const [label, html] of [['app', 'index.html'], ['launch', 'launch/index.html']]) {
    const file = path.join(DIST, html);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) initial.set(`${label}:${path.basename(m[1])}`, 'entry');
    for (const m of text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) initial.set(`${label}:${path.basename(m[1])}`, 'preload');
  }
  return initial;
}

/** True when the chunk's source map lists @lhncbc/ucum-lhc sources (by file name when there is no map). */
function holdsUcum(file) {
  const map = `${file}.map`;
  if (!existsSync(map)) return /ucum/i.test(path.basename(file));
  try {
    const sources = JSON.parse(readFileSync(map, 'utf8')).sources ?? [];
    return sources.some((s) => s.includes('node_modules/@lhncbc/ucum-lhc/'));
  } catch {
    return /ucum/i.test(path.basename(file));
  }
}

function printBundle() {
  out(`3. Production bundle, ${path.relative(ROOT, path.join(DIST, 'assets')) || DIST}/*.js (raw and gzip -9 via node:zlib)`);
  const assets = path.join(DIST, 'assets');
  if (!existsSync(assets)) {
    out('   no dist/assets: run npm run build first');
    return;
  }
  const files = readdirSync(assets).filter((f) => f.endsWith('.js')).sort();
  if (files.length === 0) {
    out('   no .js files in dist/assets: run npm run build first');
    return;
  }
  const built = statSync(assets).mtime.toISOString().replace('T', ' ').slice(0, 16);
  const upFront = upFrontChunks();
  let ucumChunk;
  const totals = { app: [0, 0], launch: [0, 0], all: [0, 0] };
  const rows = files.map((f) => {
    const buf = readFileSync(path.join(assets, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    const loads = ['app', 'launch'].filter((l) => upFront.has(`${l}:${f}`)).map((l) => `${l} ${upFront.get(`${l}:${f}`)}`);
    for (const l of ['app', 'launch']) {
      if (upFront.has(`${l}:${f}`)) {
        totals[l][0] += buf.length;
        totals[l][1] += gz;
      }
    }
    totals.all[0] += buf.length;
    totals.all[1] += gz;
    const isUcum = holdsUcum(path.join(assets, f));
    if (isUcum && loads.length === 0) ucumChunk = f;
    const role = loads.length > 0 ? loads.join(', ') : 'lazy (dynamic import)';
    return [f, role + (isUcum ? ' [UCUM]' : ''), `${kb(buf.length)} kB`, `${kb(gz)} kB`];
  });
  table(['chunk', 'loaded', 'raw', 'gzip'], rows);
  out(`   up front, app page:    ${kb(totals.app[0])} kB raw, ${kb(totals.app[1])} kB gzip`);
  out(`   up front, launch page: ${kb(totals.launch[0])} kB raw, ${kb(totals.launch[1])} kB gzip`);
  out(`   all chunks:            ${kb(totals.all[0])} kB raw, ${kb(totals.all[1])} kB gzip   (dist built ${built} UTC)`);
  out(
    ucumChunk
      ? `   UCUM split out as a lazy chunk (expected): yes, ${ucumChunk}`
      : '   UCUM split out as a lazy chunk (expected): NO - no lazy chunk holds @lhncbc/ucum-lhc (stale dist/? run npm run build)',
  );
}

const started = Date.now();
out('LMWH Monitor benchmarks (figures only, no thresholds; targets shown for reference)');
out(`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at start`);
out('');

let ranOk = true;
if (withVitest) {
  out('Running vitest bench (bench/*.bench.ts, about a minute)...');
  const tmp = mkdtempSync(path.join(tmpdir(), 'lmwh-bench-'));
  const resultsFile = path.join(tmp, 'results.json');
  const factsFile = path.join(tmp, 'facts.jsonl');
  try {
    const { code, log } = await runVitest(resultsFile, factsFile);
    const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
    const failed = results.filter((r) => r.state !== 'pass');
    const passed = results.filter((r) => r.state === 'pass');
    if (code !== 0 || results.length === 0 || failed.length > 0) {
      ranOk = false;
      if (!verbose) process.stdout.write(log);
      out('');
      out(`vitest bench did not complete (exit ${code}${failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''}${results.length === 0 ? '; no results' : ''})`);
    }
    if (passed.length > 0) {
      const facts = readFacts(factsFile);
      out('');
      printBuild(passed, facts);
      out('');
      printLoad(passed, facts);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  out('');
}
printBundle();
out('');
out(`Load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at end; took ${((Date.now() - started) / 1000).toFixed(0)} s. Timings on a shared machine vary from run to run.`);
process.exitCode = ranOk ? 0 : 1;
