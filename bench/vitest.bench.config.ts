/**
 * Vitest configuration for `npm run bench` only (scripts/bench.mjs passes it with --config): the benchmark files in
 * bench/, in Node, one file at a time so the measurements do not compete for the 2 CPUs. Not part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // Same alias as vitest.config.ts: fhirclient's Node entry has no oauth2.
  resolve: { alias: { fhirclient: 'fhirclient/lib/entry/browser.js' } },
  test: {
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
      // Samples kept for bench/samples-reporter.ts (scripts/bench.mjs computes the p95 from them).
      includeSamples: true,
      reporters: ['default', './bench/samples-reporter.ts'],
    },
  },
});
