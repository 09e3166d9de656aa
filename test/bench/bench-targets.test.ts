import { describe, expect, it } from 'vitest';
import { launchTargets, resultsProblems, type LaunchSummary } from '../../scripts/bench-targets.mjs';

const stat = (median: number, n = 3, min = median, max = median) => ({ median, min, max, n });

function row(over: Partial<LaunchSummary> & Pick<LaunchSummary, 'n' | 'delay'>): LaunchSummary {
  return { reps: 3, timedOut: 0, timeoutMs: 60_000, firstScreenMs: stat(1000), tableMs: stat(2000), chartMs: stat(2000), ratioTableToNaive: 0.4, ...over };
}

const verdict = (targets: ReturnType<typeof launchTargets>, starts: string) => targets.find((t) => t.target.startsWith(starts));

describe('launch targets read from the bench summary', () => {
  it('first screen passes at 1.5 s with 100 ms, and only when every run showed it', () => {
    const t = launchTargets([
      row({ n: 50, delay: 100, firstScreenMs: stat(1500) }),
      row({ n: 500, delay: 100, firstScreenMs: stat(1200, 2) }),
      row({ n: 5000, delay: 100, firstScreenMs: stat(1501) }),
    ]);
    expect(verdict(t, '100 ms delay, N = 50: launch')?.pass).toBe(true);
    const partial = verdict(t, '100 ms delay, N = 500: launch');
    expect(partial?.pass).toBe(false);
    expect(partial?.value).toMatch(/1 of 3 runs never showed it/);
    expect(verdict(t, '100 ms delay, N = 5000: launch')?.pass).toBe(false);
  });

  it('no first-screen target is made from a 0 ms row, and a row without any first screen is a MISS', () => {
    const t = launchTargets([row({ n: 50, delay: 0, firstScreenMs: stat(100) }), row({ n: 500, delay: 100, firstScreenMs: null, reps: 1, timedOut: 1 })]);
    expect(t.filter((x) => x.target.includes('first screen')).map((x) => x.target)).toEqual(['100 ms delay, N = 500: launch to first screen <= 1.5 s']);
    expect(verdict(t, '100 ms delay, N = 500: launch')).toMatchObject({ pass: false, value: 'no first screen within 60 s' });
  });

  it('the ratio to the naive loader holds at 0.5 x for N = 500 and 0.3 x for N = 5,000; a timed-out launch never passes', () => {
    const t = launchTargets([
      row({ n: 500, delay: 100, ratioTableToNaive: 0.5 }),
      row({ n: 5000, delay: 100, ratioTableToNaive: 0.2, timedOut: 1 }),
    ]);
    expect(verdict(t, '100 ms delay, N = 500: table')).toMatchObject({ pass: true, value: '0.50' });
    expect(verdict(t, '100 ms delay, N = 5000: table')?.pass).toBe(false);
    const without = launchTargets([row({ n: 5000, delay: 100, ratioTableToNaive: null, timedOut: 1 })]);
    expect(verdict(without, '100 ms delay, N = 5000: table')).toMatchObject({ pass: false, value: 'ours timed out at 60 s' });
  });

  it('N = 5,000 with 0 ms is complete when the later of table and chart is under 10 s', () => {
    expect(verdict(launchTargets([row({ n: 5000, delay: 0, tableMs: stat(9000), chartMs: stat(9999) })]), '0 ms delay')).toMatchObject({ pass: true, value: '10.00 s' });
    expect(verdict(launchTargets([row({ n: 5000, delay: 0, tableMs: stat(9000), chartMs: stat(10_000) })]), '0 ms delay')?.pass).toBe(false);
    expect(verdict(launchTargets([row({ n: 5000, delay: 0, chartMs: null })]), '0 ms delay')?.pass).toBe(false);
  });

  it('the chart chunk passes only when every run requested it before the first run finished its FHIR data', () => {
    const early = launchTargets([row({ n: 50, delay: 0, chartChunkStartMs: stat(400, 3, 300, 500), lastFhirResponseMs: stat(2000, 3, 1500, 2500) })]);
    expect(verdict(early, 'N = 50, 0 ms: chart chunk')?.pass).toBe(true);
    const late = launchTargets([row({ n: 50, delay: 0, chartChunkStartMs: stat(400, 3, 300, 1600), lastFhirResponseMs: stat(2000, 3, 1500, 2500) })]);
    expect(verdict(late, 'N = 50, 0 ms: chart chunk')?.pass).toBe(false);
  });
});

describe('the shape of bench/results.json', () => {
  const good = {
    startedAt: '2026-11-26T17:00:00.000Z',
    finishedAt: '2026-11-26T17:10:00.000Z',
    machine: { node: 'v20.20.2', cpus: 2, loadAverageStart: [1, 2, 3] },
    targets: [{ target: 'x', value: '1 s', pass: true }],
    browser: { summary: [{ n: 50, delay: 100, reps: 3, timedOut: 0, firstScreenMs: stat(1000), tableMs: null, naiveMs: stat(500, 3, 400, 600), ratioTableToNaive: 2 }] },
  };

  it('a complete result has no problems; a run without the browser part is complete too', () => {
    expect(resultsProblems(good)).toEqual([]);
    expect(resultsProblems({ ...good, browser: null })).toEqual([]);
  });

  it('names what is missing or inconsistent', () => {
    const bad = {
      ...good,
      finishedAt: 'soon',
      targets: [{ target: 'x', value: 1, pass: 'yes' }],
      browser: { summary: [{ n: 0, delay: 100, reps: 1, timedOut: 2, firstScreenMs: { median: 5, min: 6, max: 7, n: 1 }, ratioTableToNaive: 0 }] },
    };
    expect(resultsProblems(bad)).toEqual([
      'finishedAt is not an ISO instant',
      'targets[0] lacks target, value or pass',
      'browser.summary[0] lacks n or delay',
      'browser.summary[0] has inconsistent reps and timedOut',
      'browser.summary[0].firstScreenMs is not a median with min-max',
      'browser.summary[0].ratioTableToNaive is neither null nor a positive number',
    ]);
    expect(resultsProblems(null)).toEqual(['not an object']);
  });
});
