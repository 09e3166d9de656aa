/**
 * The worklist's filter and sort in the URL hash, so a refresh keeps them: `#wl-window=7&wl-status=...&wl-flag=...
 * &wl-sort=deadline&wl-dir=asc`. Never patient data: the name search is NOT written (what is typed there may be a
 * name), and no patient id. Unknown or malformed values fall back to the defaults.
 */
import { DEFAULT_WORKLIST_FILTER, WORKLIST_FLAGS, WORKLIST_STOP_STATUSES, WORKLIST_WINDOWS, type WorklistFilter, type WorklistSortKey } from '../../domain/worklist';
import { DEFAULT_WORKLIST_SORT, type WorklistSort } from './worklistViewModel';

const SORT_KEYS: readonly WorklistSortKey[] = ['deadline', 'name', 'age', 'stage', 'event', 'status', 'ddimer'];

export interface WorklistUrlState {
  filter: Omit<WorklistFilter, 'search'>;
  sort: WorklistSort;
}

const pick = <T extends string | number>(allowed: readonly T[], raw: string | null, fallback: T): T => allowed.find((a) => String(a) === raw) ?? fallback;

export function readWorklistHash(hash: string): WorklistUrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const d = DEFAULT_WORKLIST_FILTER;
  return {
    filter: {
      window: pick(WORKLIST_WINDOWS, p.get('wl-window'), d.window),
      status: pick(['any', ...WORKLIST_STOP_STATUSES] as const, p.get('wl-status'), d.status),
      flag: pick(['any', ...WORKLIST_FLAGS] as const, p.get('wl-flag'), d.flag),
    },
    sort: { key: pick(SORT_KEYS, p.get('wl-sort'), DEFAULT_WORKLIST_SORT.key), direction: pick(['asc', 'desc'] as const, p.get('wl-dir'), DEFAULT_WORKLIST_SORT.direction) },
  };
}

/** The hash for a state, keeping any other hash parameters as they were. Defaults are left out. */
export function writeWorklistHash(hash: string, state: WorklistUrlState): string {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const set = (k: string, v: string, dflt: string) => (v === dflt ? p.delete(k) : p.set(k, v));
  set('wl-window', String(state.filter.window), String(DEFAULT_WORKLIST_FILTER.window));
  set('wl-status', state.filter.status, DEFAULT_WORKLIST_FILTER.status);
  set('wl-flag', state.filter.flag, DEFAULT_WORKLIST_FILTER.flag);
  set('wl-sort', state.sort.key, DEFAULT_WORKLIST_SORT.key);
  set('wl-dir', state.sort.direction, DEFAULT_WORKLIST_SORT.direction);
  const s = p.toString();
  return s ? `#${s}` : '';
}
