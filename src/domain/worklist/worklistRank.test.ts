import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLIST_FILTER, compareByUrgency, filterRows, sortRows } from '.';
import { ROW_NOW, row } from '../../../test/support/worklistRowBuilders';

const ids = (rows: { patientId: string }[]) => rows.map((r) => r.patientId);

describe('worklist ranking', () => {
  it('puts the nearest deadline first, overdue before upcoming, rows without a deadline after, those by next event', () => {
    const rows = [
      row('later', { deadlineInHours: 200, eventInHours: 248 }),
      row('no-deadline-undated'),
      row('soon', { deadlineInHours: 5, eventInHours: 53 }),
      row('overdue', { deadlineInHours: -3, eventInHours: 45 }),
      row('no-deadline-event', { eventInHours: 30 }),
    ];
    expect(ids([...rows].sort(compareByUrgency))).toEqual(['overdue', 'soon', 'later', 'no-deadline-event', 'no-deadline-undated']);
  });

  it('keeps rows with a missing value last when a column is sorted descending', () => {
    const rows = [row('a', { ageYears: 30 }), row('b', { ageYears: undefined }), row('c', { ageYears: 40 })];
    expect(ids(sortRows(rows, 'age', 'desc'))).toEqual(['c', 'a', 'b']);
    expect(ids(sortRows(rows, 'age', 'asc'))).toEqual(['a', 'c', 'b']);
  });

  it('breaks equal deadlines by name so the order does not depend on load order', () => {
    const a = row('x1', { name: 'Zara Khan', deadlineInHours: 10 });
    const b = row('x2', { name: 'Amelia Clarke', deadlineInHours: 10 });
    expect(ids(sortRows([a, b]))).toEqual(['x2', 'x1']);
    expect(ids(sortRows([b, a]))).toEqual(['x2', 'x1']);
  });
});

describe('worklist filtering', () => {
  const rows = [
    row('d3', { deadlineInHours: 3 * 24 }),
    row('d10', { deadlineInHours: 10 * 24, flags: ['bleeding'] }),
    row('d20', { deadlineInHours: 20 * 24, name: 'Élodie Dupont' }),
    row('none', { statusWithoutDeadline: 'unknown', flags: ['missing-weight'] }),
  ];

  it('keeps only deadlines within the window, and drops rows without a deadline unless the window is all', () => {
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, window: 7 }, ROW_NOW))).toEqual(['d3']);
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, window: 14 }, ROW_NOW))).toEqual(['d3', 'd10']);
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, window: 30 }, ROW_NOW))).toEqual(['d3', 'd10', 'd20']);
    expect(ids(filterRows(rows, DEFAULT_WORKLIST_FILTER, ROW_NOW))).toHaveLength(4);
  });

  it('filters by status (a row without a deadline by its card status) and by flag', () => {
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, status: 'unknown' }, ROW_NOW))).toEqual(['none']);
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, flag: 'bleeding' }, ROW_NOW))).toEqual(['d10']);
  });

  it('finds a name regardless of case and accents', () => {
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, search: 'elodie' }, ROW_NOW))).toEqual(['d20']);
    expect(ids(filterRows(rows, { ...DEFAULT_WORKLIST_FILTER, search: 'nobody' }, ROW_NOW))).toEqual([]);
  });
});
