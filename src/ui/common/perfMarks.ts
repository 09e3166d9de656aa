/**
 * Performance marks of the record view (User Timing API), read by `npm run bench` in a real browser: when the first
 * screen has rendered, when the D-dimer table is complete, when the chart is drawn. Each is set once per page load;
 * nothing is sent anywhere and no patient data is in a mark.
 */
import { useEffect } from 'react';

export const PERF_MARKS = {
  /** The first screen (the plan strip) is on screen with the record's data. */
  firstScreen: 'lmwh:first-screen',
  /** The D-dimer table shows every D-dimer result of the record. */
  ddimerTable: 'lmwh:ddimer-table',
  /** The D-dimer chart is drawn. */
  chart: 'lmwh:chart',
} as const;

export type PerfMark = (typeof PERF_MARKS)[keyof typeof PERF_MARKS];

/** Sets the mark after the first commit where `when` is true (once per page load). */
export function useMarkOnce(name: PerfMark, when = true): void {
  useEffect(() => {
    if (!when || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  }, [name, when]);
}
