/**
 * Ranking and filtering of worklist rows: pure functions over rows and an instant.
 * Default order: nearest deadline first (overdue ones first of all), rows without a deadline after them, those by
 * their next event's instant (undated last), ties by name then id so the order is stable.
 */
import { DAY_MS } from '../time';
import type { WorklistFlag, WorklistRow, WorklistStopStatus } from './worklistTypes';

export type WorklistSortKey = 'deadline' | 'name' | 'age' | 'stage' | 'event' | 'status' | 'ddimer';
export type WorklistWindow = 7 | 14 | 30 | 'all';
export const WORKLIST_WINDOWS: readonly WorklistWindow[] = [7, 14, 30, 'all'];

export interface WorklistFilter {
  /** Deadline within N days from now (overdue included); 'all' keeps rows without a deadline too. */
  window: WorklistWindow;
  status: WorklistStopStatus | 'any';
  flag: WorklistFlag | 'any';
  /** Case- and accent-insensitive part of the name. */
  search: string;
}

export const DEFAULT_WORKLIST_FILTER: WorklistFilter = { window: 'all', status: 'any', flag: 'any', search: '' };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The status a row is filtered and sorted by: its deadline's, else its card's. */
export const rowStatus = (r: WorklistRow): WorklistStopStatus | undefined => r.deadline?.status ?? r.statusWithoutDeadline;

export function matchesFilter(row: WorklistRow, f: WorklistFilter, nowMs: number): boolean {
  if (f.window !== 'all' && (!row.deadline || row.deadline.atMs > nowMs + f.window * DAY_MS)) return false;
  if (f.status !== 'any' && rowStatus(row) !== f.status) return false;
  if (f.flag !== 'any' && !row.flags.includes(f.flag)) return false;
  const q = fold(f.search);
  if (q && !fold(row.name ?? '').includes(q)) return false;
  return true;
}

export function filterRows(rows: readonly WorklistRow[], f: WorklistFilter, nowMs: number): WorklistRow[] {
  return rows.filter((r) => matchesFilter(r, f, nowMs));
}

/** undefined sorts last in both directions. */
function cmpOptional(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

const STATUS_ORDER: Record<WorklistStopStatus, number> = { 'stop-not-documented': 0, unknown: 1, 'no-lmwh-order': 2, 'stop-documented': 3 };

function keyOf(row: WorklistRow, key: WorklistSortKey): number | string | undefined {
  switch (key) {
    case 'deadline':
      return row.deadline?.atMs;
    case 'name':
      return row.name ? fold(row.name) : undefined;
    case 'age':
      return row.ageYears;
    case 'stage':
      return row.stage.code;
    case 'event':
      return row.nextEvent?.atMs;
    case 'status': {
      const s = rowStatus(row);
      return s === undefined ? undefined : STATUS_ORDER[s];
    }
    case 'ddimer':
      return row.ddimer?.ngPerMl;
  }
}

function tieBreak(a: WorklistRow, b: WorklistRow): number {
  return cmpOptional(a.name ? fold(a.name) : undefined, b.name ? fold(b.name) : undefined) || a.patientId.localeCompare(b.patientId);
}

/** The default ranking: nearest deadline, then rows without one by next event. */
export function compareByUrgency(a: WorklistRow, b: WorklistRow): number {
  return cmpOptional(a.deadline?.atMs, b.deadline?.atMs) || cmpOptional(a.nextEvent?.atMs, b.nextEvent?.atMs) || tieBreak(a, b);
}

/** Sorted copy. Missing values stay last whatever the direction; the deadline column ascending is the ranking. */
export function sortRows(rows: readonly WorklistRow[], key: WorklistSortKey = 'deadline', direction: 'asc' | 'desc' = 'asc'): WorklistRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = keyOf(a, key);
    const kb = keyOf(b, key);
    if (ka === undefined || kb === undefined) {
      const missing = cmpOptional(ka, kb);
      if (missing !== 0) return missing;
    } else {
      const c = sign * cmpOptional(ka, kb);
      if (c !== 0) return c;
    }
    return compareByUrgency(a, b);
  });
}
