/**
 * CSV export of the rows as filtered and sorted: a first line saying when it was exported, in which zone and by
 * which version, then a header and one line per row with the same words as the table plus the ISO instant of the
 * deadline. RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them.
 */
import type { Messages } from '../messages/translator';
import type { WorklistRowView } from './worklistViewModel';

const cell = (v: string): string => {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (cells: string[]) => cells.map(cell).join(',');

export function worklistCsv(rows: readonly WorklistRowView[], m: Messages, meta: { exportedAtMs: number; version: string }): string {
  const header = [
    m.t('worklist.col.patient'),
    m.t('worklist.col.age'),
    m.t('worklist.col.stage'),
    m.t('worklist.col.lmwh'),
    m.t('worklist.col.event'),
    m.t('worklist.col.deadline'),
    m.t('worklist.csv.deadlineIso'),
    m.t('worklist.csv.ruleSource'),
    m.t('worklist.col.status'),
    m.t('worklist.col.ddimer'),
    m.t('worklist.col.flags'),
  ];
  const body = rows.map((r) =>
    line([
      r.name,
      r.age,
      r.stage,
      [r.lmwh, r.lmwhClass].filter(Boolean).join(' '),
      [r.event, r.eventTime?.text ?? r.eventUndated].filter(Boolean).join(' '),
      r.deadlineText,
      r.deadline?.iso ?? '',
      r.ruleSource,
      r.status,
      r.ddimer,
      r.flags.map((f) => f.text).join('; '),
    ]),
  );
  const first = line([m.t('worklist.csv.header', { time: m.instant(meta.exportedAtMs), zone: m.zone, version: meta.version, n: rows.length })]);
  return [first, line(header), ...body].join('\r\n') + '\r\n';
}
