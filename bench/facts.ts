/**
 * Figures a benchmark cannot express as a timing (HTTP request counts, resource counts, cold first run), written as
 * JSON lines to the file scripts/bench.mjs names in BENCH_FACTS_FILE (nothing is written when it is not set).
 */
import { appendFileSync } from 'node:fs';

export function recordFact(name: string, fact: Record<string, unknown>): void {
  const file = process.env.BENCH_FACTS_FILE;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ name, ...fact })}\n`);
}
