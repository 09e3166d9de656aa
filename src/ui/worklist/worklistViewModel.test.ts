import { reason } from '../../domain/reasons';
import { describe, expect, it } from 'vitest';
import { createMessages } from '../messages/translator';
import { DEFAULT_WORKLIST_FILTER } from '../../domain/worklist';
import { ROW_NOW, row } from '../../../test/support/worklistRowBuilders';
import { DEFAULT_WORKLIST_SORT, buildWorklistView, type WorklistEntry } from './worklistViewModel';
import { readWorklistHash, writeWorklistHash } from './worklistUrlState';
import { worklistCsv } from './worklistCsv';

const m = createMessages({ locale: 'en', zone: 'Europe/London' });
const done = (r: ReturnType<typeof row>): WorklistEntry => ({ patientId: r.patientId, state: 'done', row: r, incomplete: false });

describe('worklist view model', () => {
  const entries: WorklistEntry[] = [
    done(row('b', { name: 'Bea Later', deadlineInHours: 100, eventInHours: 148 })),
    done(row('a', { name: 'Ann Soon', deadlineInHours: 2, eventInHours: 50, flags: ['bleeding', 'missing-weight'] })),
    { patientId: 'q', state: 'loading' },
    { patientId: 'f', state: 'failed', reason: reason('fhir.server-failed', { type: 'Patient', action: 'read', status: 500, hasDiagnostics: false, diagnostics: '' }) },
  ];

  it('counts loaded rows (done or failed) against the cohort for the progress bar', () => {
    const v = buildWorklistView(entries, DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, m);
    expect(v.progress).toMatchObject({ loaded: 3, total: 4, text: '3 of 4 loaded', done: false });
    expect(v.caption).toContain('LMWH worklist');
  });

  it('shows the nearest deadline first, as an ISO instant for <time> and in the facility zone, with its status and flags in words', () => {
    const v = buildWorklistView(entries, DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, m);
    expect(v.rows.map((r) => r.name)).toEqual(['Ann Soon', 'Bea Later']);
    const first = v.rows[0]!;
    expect(first.deadline?.iso).toBe(new Date(ROW_NOW + 2 * 3_600_000).toISOString());
    expect(first.deadline?.text).toMatch(/11:00/); // 09:00 UTC + 2 h, London is on GMT in November
    expect(first.status).toBe('Stop not documented');
    expect(first.flags.map((f) => f.text)).toEqual(['Bleeding', 'No weight']);
    expect(first.lmwh).toBe('Enoxaparin 40 mg every 24 h');
    expect(v.failed).toEqual([{ patientId: 'f', text: 'Not loaded: the server failed on the Patient read (500)' }]);
  });

  it('marks the sorted column for assistive technology and says so when nothing matches', () => {
    const v = buildWorklistView(entries, { ...DEFAULT_WORKLIST_FILTER, flag: 'hcg-due' }, { key: 'name', direction: 'desc' }, ROW_NOW, m);
    expect(v.columns.find((c) => c.key === 'name')?.ariaSort).toBe('descending');
    expect(v.columns.find((c) => c.key === 'deadline')?.ariaSort).toBe('none');
    expect(v.rows).toEqual([]);
    expect(v.empty).toBe('No patient matches these filters.');
  });

  it('says "No LMWH order found" only after a complete search, "Unknown" otherwise', () => {
    const complete = buildWorklistView([done(row('x', { lmwh: undefined, lmwhOrdersFound: 0 }))], DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, m);
    const partial = buildWorklistView([done(row('x', { lmwh: undefined, lmwhSearchComplete: false }))], DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, m);
    expect(complete.rows[0]!.lmwh).toBe('No LMWH order found');
    expect(partial.rows[0]!.lmwh).toBe('Unknown (medication search incomplete)');
  });
});

describe('worklist state in the URL hash', () => {
  it('round-trips filters and sort, leaves the name search and other hash parameters alone', () => {
    const hash = writeWorklistHash('#other=1', { filter: { window: 14, status: 'stop-not-documented', flag: 'bleeding' }, sort: { key: 'name', direction: 'desc' } });
    expect(hash).not.toMatch(/search|Ann/);
    expect(hash).toContain('other=1');
    expect(readWorklistHash(hash)).toEqual({ filter: { window: 14, status: 'stop-not-documented', flag: 'bleeding' }, sort: { key: 'name', direction: 'desc' } });
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(readWorklistHash('#wl-window=9&wl-status=bogus&wl-sort=../x').filter).toEqual({ window: 'all', status: 'any', flag: 'any' });
  });
});

describe('worklist CSV', () => {
  it('starts with the export time, zone and version, quotes commas, and defuses formula cells', () => {
    const v = buildWorklistView([done(row('a', { name: '=Smith, Ann', deadlineInHours: 5 }))], DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, m);
    const csv = worklistCsv(v.rows, m, { exportedAtMs: ROW_NOW, version: '9.9.9' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^LMWH worklist exported .*Europe\/London.*9\.9\.9; 1 rows/);
    expect(lines[1]).toMatch(/^Patient,Age,/);
    expect(lines[2]).toMatch(/^"'=Smith, Ann",/);
    expect(lines[2]).toContain(new Date(ROW_NOW + 5 * 3_600_000).toISOString());
  });
});

describe('worklist in Russian', () => {
  const ru = createMessages({ locale: 'ru', zone: 'Europe/Moscow' });

  it('uses the glossary words for the stop status and the Russian plural forms for counts and windows', () => {
    const entries: WorklistEntry[] = [done(row('a', { name: 'Анна', deadlineInHours: 2, eventInHours: 50, flags: ['bleeding'] }))];
    const v = buildWorklistView(entries, DEFAULT_WORKLIST_FILTER, DEFAULT_WORKLIST_SORT, ROW_NOW, ru);
    expect(v.rows[0]?.status).toBe('Отмена НМГ не документирована');
    expect(v.rows[0]?.flags.map((f) => f.text)).toEqual(['Кровотечение']);
    expect(v.caption).toMatch(/^Рабочий список НМГ: 1 пациентка из 1 /);
    expect(ru.t('worklist.age', { n: 21 })).toBe('21 год');
    expect(ru.t('worklist.age', { n: 34 })).toBe('34 года');
    expect(ru.t('worklist.age', { n: 35 })).toBe('35 лет');
    expect(ru.t('worklist.window.days', { n: 7 })).toBe('в течение 7 дней');
    expect(ru.t('worklist.window.days', { n: 21 })).toBe('в течение 21 дня');
  });
});
