/**
 * The worklist's view model: from the loaded rows, the filter and the sort, everything the table shows as words
 * (via the catalogue), ISO instants for `<time datetime>`, and the progress. Pure: no React, no clock of its own.
 */
import type { Reason } from '../../domain/reasons';
import type { Messages } from '../messages/translator';
import type { MessageKey } from '../messages/catalogue';
import { sourceFullName } from '../evidence/sourceLabels';
import {
  WORKLIST_FLAGS,
  WORKLIST_STOP_STATUSES,
  WORKLIST_WINDOWS,
  filterRows,
  rowStatus,
  sortRows,
  type WorklistFilter,
  type WorklistRow,
  type WorklistSortKey,
  type WorklistStage,
} from '../../domain/worklist';
import { eventName, sameEventName } from '../format/eventName';

/** One patient of the cohort as the loader reports it. */
export type WorklistEntry =
  | { patientId: string; state: 'queued' | 'loading' }
  | { patientId: string; state: 'done'; row: WorklistRow; incomplete: boolean }
  | { patientId: string; state: 'failed'; reason: Reason };

export interface WorklistSort {
  key: WorklistSortKey;
  direction: 'asc' | 'desc';
}
export const DEFAULT_WORKLIST_SORT: WorklistSort = { key: 'deadline', direction: 'asc' };

export interface TimeCell {
  /** ISO 8601 instant (UTC) for `<time datetime>`. */
  iso: string;
  text: string;
  relative: string;
}

export interface WorklistRowView {
  patientId: string;
  name: string;
  age: string;
  stage: string;
  lmwh: string;
  lmwhClass: string;
  event: string;
  eventTime: TimeCell | undefined;
  /** Said when the next event is known but not dated ('' otherwise). */
  eventUndated: string;
  deadline: TimeCell | undefined;
  deadlineText: string;
  deadlineFor: string;
  ruleSource: string;
  status: string;
  statusCode: string;
  ddimer: string;
  ddimerTime: TimeCell | undefined;
  flags: { code: string; text: string }[];
}

export interface WorklistColumn {
  key: WorklistSortKey | 'lmwh' | 'flags';
  label: string;
  sortable: boolean;
  ariaSort: 'ascending' | 'descending' | 'none' | undefined;
}

export interface WorklistView {
  caption: string;
  progress: { loaded: number; total: number; text: string; done: boolean };
  columns: WorklistColumn[];
  rows: WorklistRowView[];
  failed: { patientId: string; text: string }[];
  empty: string | undefined;
  options: {
    windows: { value: string; label: string }[];
    statuses: { value: string; label: string }[];
    flags: { value: string; label: string }[];
  };
}

const time = (ms: number, nowMs: number, m: Messages): TimeCell => ({ iso: new Date(ms).toISOString(), text: m.instant(ms), relative: m.relative(ms, nowMs) });

export function stageText(s: WorklistStage, m: Messages): string {
  switch (s.code) {
    case 'pregnant':
      return m.t('worklist.stage.pregnant', { weeks: Math.floor(s.gaDays / 7), days: s.gaDays % 7 });
    case 'ivf-awaiting-confirmation':
      return m.t('worklist.stage.ivf-awaiting-confirmation', { days: s.daysSinceTransfer === undefined ? 'none' : String(s.daysSinceTransfer) });
    case 'ivf-confirmed':
      return s.gaDays === undefined ? m.t('worklist.stage.ivf-confirmed') : m.t('worklist.stage.pregnant', { weeks: Math.floor(s.gaDays / 7), days: s.gaDays % 7 });
    case 'ivf-retrieval-done':
      return m.t('worklist.stage.ivf-retrieval-done', { date: m.date(s.atMs) });
    default:
      return m.t(`worklist.stage.${s.code}`);
  }
}

function lmwhText(r: WorklistRow, m: Messages): string {
  if (!r.lmwh) return !r.lmwhSearchComplete ? m.t('worklist.lmwh.searchIncomplete') : r.lmwhOrdersFound > 0 ? m.t('worklist.lmwh.noneActive') : m.t('worklist.lmwh.none');
  const drug = m.t(`worklist.drug.${r.lmwh.drug}`);
  const main = r.lmwh.dose
    ? m.t('worklist.lmwh.dose', { drug, value: m.number(r.lmwh.dose.value), unit: r.lmwh.dose.unit, perKg: r.lmwh.dose.perKg ? 'yes' : 'no', hours: r.lmwh.intervalHours === undefined ? 'none' : m.number(r.lmwh.intervalHours) })
    : m.t('worklist.lmwh.doseUnknown', { drug });
  const withMore = r.lmwh.activeOrders > 1 ? `${main} ${m.t('worklist.lmwh.more', { n: r.lmwh.activeOrders - 1 })}` : main;
  return r.lmwh.activeKnown ? withMore : `${withMore} ${m.t('worklist.lmwh.activeUnknown')}`;
}

function ddimerText(r: WorklistRow, m: Messages): string {
  const d = r.ddimer;
  if (!d) return m.t('worklist.ddimer.none');
  if (d.ngPerMl === undefined) return m.t('worklist.ddimer.asReported', { original: d.original });
  return `${d.comparator ?? ''}${m.t('worklist.ddimer.value', { value: m.number(d.ngPerMl, 0), unitType: d.unitType })}`;
}

export function rowView(r: WorklistRow, nowMs: number, m: Messages): WorklistRowView {
  const status = rowStatus(r);
  return {
    patientId: r.patientId,
    name: r.name ?? m.t('worklist.row.noName'),
    age: r.ageYears === undefined ? m.t('common.unknown') : m.t('worklist.age', { n: r.ageYears }),
    stage: stageText(r.stage, m),
    lmwh: lmwhText(r, m),
    lmwhClass: r.lmwh ? m.t(`worklist.doseClass.${r.lmwh.doseClass}`) : '',
    event: r.nextEvent ? eventName(r.nextEvent.name, m) : m.t('worklist.event.none'),
    eventTime: r.nextEvent?.atMs !== undefined ? time(r.nextEvent.atMs, nowMs, m) : undefined,
    eventUndated: r.nextEvent && r.nextEvent.atMs === undefined ? m.t('worklist.event.undated') : '',
    deadline: r.deadline ? time(r.deadline.atMs, nowMs, m) : undefined,
    deadlineText: r.deadline ? m.instant(r.deadline.atMs) : m.t('worklist.deadline.none'),
    deadlineFor: r.deadline && !sameEventName(r.deadline.eventName, r.nextEvent?.name) ? m.t('worklist.deadline.for', { event: eventName(r.deadline.eventName, m) }) : '',
    ruleSource: r.deadline ? m.t('worklist.deadline.rule', { source: sourceFullName(r.deadline.ruleSource, m) }) : '',
    status: status ? m.t(`worklist.status.${status}`) : '',
    statusCode: status ?? '',
    ddimer: ddimerText(r, m),
    ddimerTime: r.ddimer ? time(r.ddimer.atMs, nowMs, m) : undefined,
    flags: r.flags.map((f) => ({ code: f, text: m.t(`worklist.flag.${f}`) })),
  };
}

const COLUMNS: { key: WorklistColumn['key']; label: MessageKey; sortable: boolean }[] = [
  { key: 'name', label: 'worklist.col.patient', sortable: true },
  { key: 'age', label: 'worklist.col.age', sortable: true },
  { key: 'stage', label: 'worklist.col.stage', sortable: true },
  { key: 'lmwh', label: 'worklist.col.lmwh', sortable: false },
  { key: 'event', label: 'worklist.col.event', sortable: true },
  { key: 'deadline', label: 'worklist.col.deadline', sortable: true },
  { key: 'status', label: 'worklist.col.status', sortable: true },
  { key: 'ddimer', label: 'worklist.col.ddimer', sortable: true },
  { key: 'flags', label: 'worklist.col.flags', sortable: false },
];

function columns(sort: WorklistSort, m: Messages): WorklistColumn[] {
  return COLUMNS.map((c) => ({
    key: c.key,
    label: m.t(c.label),
    sortable: c.sortable,
    ariaSort: !c.sortable ? undefined : c.key === sort.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none',
  }));
}

function options(m: Messages): WorklistView['options'] {
  return {
    windows: WORKLIST_WINDOWS.map((w) => ({ value: String(w), label: w === 'all' ? m.t('worklist.window.all') : m.t('worklist.window.days', { n: w }) })),
    statuses: [{ value: 'any', label: m.t('worklist.filter.anyStatus') }, ...WORKLIST_STOP_STATUSES.map((s) => ({ value: s, label: m.t(`worklist.status.${s}`) }))],
    flags: [{ value: 'any', label: m.t('worklist.filter.anyFlag') }, ...WORKLIST_FLAGS.map((f) => ({ value: f, label: m.t(`worklist.flag.${f}`) }))],
  };
}

/** The loaded rows that pass the filter, in the chosen order. */
export function visibleRows(entries: readonly WorklistEntry[], filter: WorklistFilter, sort: WorklistSort, nowMs: number): WorklistRow[] {
  const rows = entries.flatMap((e) => (e.state === 'done' ? [e.row] : []));
  return sortRows(filterRows(rows, filter, nowMs), sort.key, sort.direction);
}

export function buildWorklistView(entries: readonly WorklistEntry[], filter: WorklistFilter, sort: WorklistSort, nowMs: number, m: Messages): WorklistView {
  const shown = visibleRows(entries, filter, sort, nowMs);
  const done = entries.filter((e) => e.state === 'done').length;
  const failedEntries = entries.flatMap((e) => (e.state === 'failed' ? [e] : []));
  const loaded = done + failedEntries.length;
  const total = entries.length;
  return {
    caption: m.t('worklist.caption', { shown: shown.length, loaded: done }),
    progress: { loaded, total, text: m.t('worklist.progress', { loaded, total }), done: loaded === total },
    columns: columns(sort, m),
    rows: shown.map((r) => rowView(r, nowMs, m)),
    failed: failedEntries.map((f) => ({ patientId: f.patientId, text: m.t('worklist.row.failed', { reason: m.reason(f.reason) }) })),
    empty: shown.length === 0 && done > 0 ? m.t('worklist.empty') : undefined,
    options: options(m),
  };
}
