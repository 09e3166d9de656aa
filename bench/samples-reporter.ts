/**
 * Vitest reporter for `npm run bench`: writes every benchmark's tinybench result, raw samples included, as JSON to the
 * file named in BENCH_RESULTS_FILE, so scripts/bench.mjs can compute the p95 (Vitest's own --outputJson drops the
 * samples and tinybench reports p75/p99 only). Writes nothing when BENCH_RESULTS_FILE is not set.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, Vitest } from 'vitest/node';

interface TaskLike {
  name: string;
  type: string;
  tasks?: TaskLike[];
  meta?: { benchmark?: boolean };
  result?: { state?: string; benchmark?: object };
}

export default class SamplesReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    const file = process.env.BENCH_RESULTS_FILE;
    if (!file || !this.vitest) return;
    const out: object[] = [];
    const walk = (task: TaskLike, suite: string, moduleName: string) => {
      if (task.meta?.benchmark && task.result?.benchmark) {
        out.push({ file: moduleName, suite, state: task.result.state, ...task.result.benchmark, name: task.name });
      }
      for (const child of task.tasks ?? []) walk(child, task.type === 'suite' ? task.name : suite, moduleName);
    };
    for (const f of this.vitest.state.getFiles() as unknown as TaskLike[]) walk(f, '', f.name);
    writeFileSync(file, JSON.stringify(out));
  }
}
