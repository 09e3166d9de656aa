import { describe, expect, it } from 'vitest';
import { datingFactsFromRecord, embryoAgeFromText } from './facts';
import { chooseDating } from './dating';
import { dateParam, listParam, reasonParam } from '../reasons';
import { pregnanciesFromRecord } from './pregnancies';
import { edd, embryoAge, ga, lmp, obs, transfer, utc } from '../../../test/support/pregnancyBuilders';
import { byText } from '../matchedBy';

const zone = 'Europe/London';
const NOW = utc('2026-09-12T10:00:00Z');
const choice = (resources: unknown[]) => chooseDating(datingFactsFromRecord(resources, zone).datings);

describe('dating facts from Observations', () => {
  it.each([
    ['EDD 11778-8 date-only', edd('o', '2027-01-14', '2026-06-03'), 'edd', '2027-01-14'],
    ['EDD from LMP 11779-6', edd('o', '2027-01-14', '2026-06-03', '11779-6'), 'edd', '2027-01-14'],
    ['EDD from ovulation 11780-4', edd('o', '2027-01-14', '2026-06-03', '11780-4'), 'edd', '2027-01-14'],
    ['LMP 8665-2 1 Apr 2026', lmp('o', '2026-04-01', '2026-05-01'), 'lmp', '2027-01-06'],
    ['ultrasound composite 11888-5 12 wk on 3 Jun 2026', ga('o', '11888-5', 12, '2026-06-03'), 'ultrasound-ga', '2026-12-16'],
    ['GA 49051-6 12 wk + 49052-4 3 d on 3 Jun 2026', ga('o', '49051-6', 12, '2026-06-03', 3), 'ga-observation', '2026-12-13'],
    ['GA 11884-4 in days (87 d)', obs('o', '11884-4', { effectiveDateTime: '2026-06-03', valueQuantity: { value: 87, unit: 'd', code: 'd' } }), 'ga-observation', '2026-12-13'],
    ['GA from selected delivery date 11887-7 is not an ultrasound', ga('o', '11887-7', 20, '2026-06-03'), 'ga-observation', '2026-10-21'],
  ])('%s', (_name, resource, method, eddDate) => {
    const f = datingFactsFromRecord([resource], zone);
    expect(f.exclusions).toEqual([]);
    expect(f.datings.map((d) => [d.method, d.eddDate])).toEqual([[method, eddDate]]);
    expect(f.datings[0]!.source.id).toBe('o');
  });

  it('EDD description says the date and when it was recorded', () => {
    const [d] = datingFactsFromRecord([edd('o', '2027-01-14', '2026-06-03T09:00:00+01:00')], zone).datings;
    // Days as the zone's 00:00 (London is on GMT in January, BST in June).
    expect(d?.description).toEqual({
      code: 'pregnancy.dating.edd',
      params: { edd: dateParam(utc('2027-01-14T00:00:00Z')), recorded: dateParam(utc('2026-06-03T08:00:00Z')), hasRecorded: true },
    });
  });

  it.each([
    ['entered-in-error EDD', { ...edd('o', '2027-01-14'), status: 'entered-in-error' as const }, { code: 'pregnancy.excluded.observation-status', params: { code: 'LOINC 11778-8', status: 'entered-in-error' } }],
    ['cancelled LMP', { ...lmp('o', '2026-04-01'), status: 'cancelled' as const }, { code: 'pregnancy.excluded.observation-status', params: { code: 'LOINC 8665-2', status: 'cancelled' } }],
    ['EDD given only to the month', edd('o', '2027-01'), { code: 'pregnancy.excluded.date-imprecise', params: { what: 'edd', code: 'LOINC 11778-8', original: '2027-01' } }],
    ['EDD without a value', obs('o', '11778-8', {}), { code: 'pregnancy.excluded.date-unreadable', params: { what: 'edd', code: 'LOINC 11778-8' } }],
    ['GA without effective date', obs('o', '11884-4', { valueQuantity: { value: 20, code: 'wk' } }), { code: 'pregnancy.excluded.ga-no-date', params: { code: 'LOINC 11884-4' } }],
    [
      'GA in months',
      obs('o', '11884-4', { effectiveDateTime: '2026-06-03', valueQuantity: { value: 5, code: 'mo' } }),
      { code: 'pregnancy.excluded.ga-value', params: { code: 'LOINC 11884-4', why: reasonParam({ code: 'pregnancy.ga-value.unit', params: { unit: 'mo', hasUnit: true } }) } },
    ],
    [
      'GA of 60 weeks',
      ga('o', '18185-9', 60, '2026-06-03'),
      { code: 'pregnancy.excluded.ga-value', params: { code: 'LOINC 18185-9', why: reasonParam({ code: 'pregnancy.ga-value.range', params: { original: '60 wk' } }) } },
    ],
    [
      'GA as text',
      obs('o', '18185-9', { effectiveDateTime: '2026-06-03', valueString: '20+3' }),
      { code: 'pregnancy.excluded.ga-value', params: { code: 'LOINC 18185-9', why: reasonParam({ code: 'pregnancy.ga-value.no-number' }) } },
    ],
    ['pregnancy status with an unknown answer', obs('o', '82810-3', { valueCodeableConcept: { text: 'yes' } }), { code: 'pregnancy.excluded.status-answer', params: { expected: 'LOINC LA15173-0, LA26683-5, LA4489-6; SNOMED 60001007, 77386006' } }],
  ])('%s is excluded with the reason', (_name, resource, reason) => {
    const f = datingFactsFromRecord([resource], zone);
    expect(f.datings).toEqual([]);
    expect(f.exclusions).toHaveLength(1);
    expect(f.exclusions[0]!.reason).toEqual(reason);
    expect(f.exclusions[0]!.view).toBe('pregnancy-dating');
  });

  it.each([
    ['LA15173-0', 'pregnant'],
    ['LA26683-5', 'not-pregnant'],
    ['LA4489-6', 'unknown'],
  ])('pregnancy status %s is %s', (code, status) => {
    const f = datingFactsFromRecord([obs('s', '82810-3', { effectiveDateTime: '2026-06-03', valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code }] } })], zone);
    expect(f.statuses.map((s) => s.status)).toEqual([status]);
  });
});

describe('IVF transfer dating', () => {
  it.each([
    ['frozen embryo transfer 236894009', '236894009'],
    ['transmyometrial transfer 448543003', '448543003'],
    ['tubal embryo transfer 236915005', '236915005'],
  ])('%s dates the pregnancy with the embryo age', (_name, code) => {
    const t = transfer('t', '2026-05-01', { code: { coding: [{ system: 'http://snomed.info/sct', code }] } });
    const c = choice([t, embryoAge('a', 't', 5)]);
    expect(c.chosen?.method).toBe('ivf-transfer');
    expect(c.chosen?.eddDate).toBe('2027-01-17');
    expect(c.chosen?.sources.map((s) => s.id)).toEqual(['t', 'a']);
    expect(c.chosen?.recognisedBy).toBe('snomed');
  });

  it('a transfer without embryo age gives no dating and says why', () => {
    const f = datingFactsFromRecord([transfer('t', '2026-05-01')], zone);
    expect(f.datings).toEqual([]);
    const t = pregnanciesFromRecord([transfer('t', '2026-05-01')], NOW, zone);
    expect(t.pregnancies).toEqual([]);
    const note = {
      code: 'pregnancy.transfer-undated',
      params: { at: dateParam(utc('2026-04-30T23:00:00Z')), key: 'Procedure/t', why: reasonParam({ code: 'pregnancy.transfer.no-age' }) },
    };
    expect(t.notes).toEqual([note]);
    expect(t.reasonIfNone).toEqual({ code: 'pregnancy.no-dating', params: { notes: listParam([reasonParam(note)]), hasNotes: true } });
  });

  it.each([
    ['note "day 5 blastocyst"', { note: [{ text: 'Single day 5 blastocyst transferred' }] }, 5, "'day 5'"],
    ['code text "day 3 embryo transfer"', { code: { coding: [{ system: 'http://snomed.info/sct', code: '75456002' }], text: 'Day 3 embryo transfer' } }, 3, "'Day 3'"],
    ['note "day-6"', { note: [{ text: 'FET, day-6 embryo' }] }, 6, "'day-6'"],
  ])('embryo age from the Procedure text (%s) is labelled a text match', (_name, fields, days, matched) => {
    const c = choice([transfer('t', '2026-05-01', fields as object)]);
    expect(c.chosen?.eddDate).toBe(['', '', '', '2027-01-19', '', '2027-01-17', '2027-01-16'][days]);
    expect(c.chosen?.recognisedBy).toBe('text');
    expect(c.chosen?.description.params).toMatchObject({ embryoDay: days, hasTextMatch: true, textMatch: matched.slice(1, -1) });
  });

  it('a transfer recognised only by its text ("Embryo transfer") is labelled a text match', () => {
    const t = transfer('t', '2026-05-01', { code: { text: 'Embryo transfer (FET)' } });
    const c = choice([t, embryoAge('a', 't', 5)]);
    expect(c.chosen?.recognisedBy).toBe('text');
    expect(c.chosen?.source.matchedBy).toEqual(byText('Embryo transfer'));
  });

  it('a transfer whose text says only "blastocyst" is not dated (day 5 or day 6 is not stated)', () => {
    const f = datingFactsFromRecord([transfer('t', '2026-05-01', { note: [{ text: 'one blastocyst' }] })], zone);
    expect(f.datings).toEqual([]);
    expect(f.undatedTransfers[0]?.note.params?.why).toEqual(reasonParam({ code: 'pregnancy.transfer.no-age' }));
  });

  it('text naming two embryo ages is ambiguous: no dating', () => {
    const f = datingFactsFromRecord([transfer('t', '2026-05-01', { note: [{ text: 'day 3 embryo cultured to day 5' }] })], zone);
    expect(f.datings).toEqual([]);
    expect(f.undatedTransfers[0]?.note.params?.why).toEqual(
      reasonParam({ code: 'pregnancy.transfer.ages-ambiguous', params: { days: listParam([3, 5].map((day) => reasonParam({ code: 'pregnancy.embryo-day', params: { day } }))) } }),
    );
  });

  it('two embryo-age records that disagree: no dating', () => {
    const f = datingFactsFromRecord([transfer('t', '2026-05-01'), embryoAge('a', 't', 5), embryoAge('b', 't', 3)], zone);
    expect(f.datings).toEqual([]);
    expect(f.undatedTransfers[0]?.note.params?.why).toEqual(
      reasonParam({ code: 'pregnancy.transfer.ages-disagree', params: { days: listParam([5, 3].map((day) => reasonParam({ code: 'pregnancy.embryo-day', params: { day } }))) } }),
    );
  });

  it.each([
    ['in hours', embryoAge('a', 't', 120, 'h'), { code: 'pregnancy.excluded.embryo-age-unit', params: { unit: 'h', hasUnit: true } }],
    ['not linked to the transfer', { ...embryoAge('a', 't', 5), partOf: undefined }, { code: 'pregnancy.excluded.embryo-age-unlinked' }],
    ['of 12 days', embryoAge('a', 't', 12), { code: 'pregnancy.excluded.embryo-age-value', params: { value: '12' } }],
  ])('an embryo age %s is excluded and the transfer stays undated', (_name, age, reason) => {
    const f = datingFactsFromRecord([transfer('t', '2026-05-01'), age], zone);
    expect(f.datings).toEqual([]);
    expect(f.exclusions[0]?.reason).toEqual(reason);
  });

  it.each(['preparation', 'entered-in-error', 'not-done'] as const)('a transfer with status %s does not date a pregnancy', (status) => {
    expect(datingFactsFromRecord([transfer('t', '2026-05-01', { status }), embryoAge('a', 't', 5)], zone).datings).toEqual([]);
  });

  it('embryo age text fallback', () => {
    expect(embryoAgeFromText(['no age here'])).toBeUndefined();
    // "Blastocyst" alone says day 5 or 6: no age (the IVF module's rule).
    expect(embryoAgeFromText(['Blastocysts x1'])).toBeUndefined();
    expect(embryoAgeFromText(['D5 embryo'])).toEqual({ days: 5, matched: 'D5' });
    expect(embryoAgeFromText(['Day 6 blastocyst'])).toEqual({ days: 6, matched: 'Day 6' });
  });
});

describe('dating precedence', () => {
  const eddObs = edd('edd', '2027-01-14', '2026-06-03');
  const ivf = [transfer('t', '2026-05-01'), embryoAge('a', 't', 5)]; // EDD 17 Jan 2027
  const us = ga('us', '11888-5', 12, '2026-07-01'); // EDD 13 Jan 2027
  const lmpObs = lmp('lmp', '2026-04-01', '2026-05-01'); // EDD 6 Jan 2027
  const gaObs = ga('ga', '11884-4', 10, '2026-06-17'); // EDD 13 Jan 2027
  it.each([
    ['recorded EDD beats everything', [gaObs, lmpObs, us, ...ivf, eddObs], 'edd', 'edd'],
    ['IVF transfer beats ultrasound, LMP and GA', [gaObs, lmpObs, us, ...ivf], 'ivf-transfer', 't'],
    ['ultrasound beats LMP and GA', [gaObs, lmpObs, us], 'ultrasound-ga', 'us'],
    ['LMP beats a plain GA observation', [gaObs, lmpObs], 'lmp', 'lmp'],
    ['a plain GA observation alone', [gaObs], 'ga-observation', 'ga'],
  ])('%s', (_name, resources, method, id) => {
    const c = choice(resources);
    expect(c.chosen?.method).toBe(method);
    expect(c.chosen?.source.id).toBe(id);
    expect(c.all).toHaveLength(resources.length - (resources.includes(ivf[1]!) ? 1 : 0));
  });

  it('the most recent valid EDD wins over an older one', () => {
    const c = choice([edd('old', '2027-01-20', '2026-05-01'), edd('new', '2027-01-14', '2026-07-01'), { ...edd('err', '2027-01-01', '2026-08-01'), status: 'entered-in-error' }]);
    expect(c.chosen?.source.id).toBe('new');
    expect(c.alternatives).toEqual([]); // 6 days apart: not flagged
  });

  it('the earliest ultrasound wins (an early scan dates best)', () => {
    expect(choice([ga('late', '11888-5', 30, '2026-11-04'), ga('early', '11888-5', 8, '2026-06-03')]).chosen?.source.id).toBe('early');
  });

  it('an LMP dating 8 days before the recorded EDD is flagged as an alternative (-8 d); one 7 days off is not', () => {
    const c = choice([eddObs, lmp('l8', '2026-04-01', '2026-05-01'), lmp('l7', '2026-04-02', '2026-05-01')]);
    expect(c.chosen?.source.id).toBe('edd');
    expect(c.alternatives.map((a) => [a.source.id, a.disagreementDays])).toEqual([['l8', -8]]);
    expect(c.all.map((a) => a.source.id)).toEqual(['edd', 'l8', 'l7']);
  });

  it('with no dating at all it says why', () => {
    const c = chooseDating([]);
    expect(c.chosen).toBeUndefined();
    expect(c.reasonIfNone).toEqual({ code: 'pregnancy.no-dating', params: { notes: listParam([]), hasNotes: false } });
  });
});

describe('a confirmed embryo transfer dates an IVF pregnancy over a recorded EDD (ACOG CO 700)', () => {
  // Transfer 1 May 2026 of a day-5 embryo: EDD = transfer + 266 - 5 = 17 Jan 2027.
  const et = [transfer('t', '2026-05-01T10:00:00Z'), embryoAge('a', 't', 5)];
  const datings = (eddValue: string) => datingFactsFromRecord([...et, edd('e', eddValue, '2026-06-03')], zone).datings;

  it('unconfirmed: the recorded EDD keeps its precedence and nothing is noted', () => {
    const c = chooseDating(datings('2027-01-14'));
    expect(c.chosen?.method).toBe('edd');
    expect(c.recordedEdd).toBeUndefined();
  });

  it('confirmed: the transfer wins; the recorded EDD 3 days earlier is kept beside it, not flagged, with the basis named', () => {
    const c = chooseDating(datings('2027-01-14'), [], { id: 't', atMs: utc('2026-05-01T10:00:00Z') });
    expect(c.chosen).toMatchObject({ method: 'ivf-transfer', eddDate: '2027-01-17', source: { id: 't' } });
    expect(c.recordedEdd).toMatchObject({ dating: { method: 'edd', source: { id: 'e' } }, differenceDays: -3, discrepancy: false });
    expect(c.alternatives).toEqual([]);
    expect(c.notes[0]).toEqual({
      code: 'pregnancy.basis.confirmed-transfer',
      params: { edd: dateParam(utc('2027-01-14T00:00:00Z')), days: 3, direction: 'earlier', discrepancy: false, limit: 7 },
    });
  });

  it('confirmed, recorded EDD 13 days later: flagged as a discrepancy, listed as a disagreeing alternative and warned on the pregnancy', () => {
    const c = chooseDating(datings('2027-01-30'), [], { id: 't', atMs: 0 });
    expect(c.recordedEdd).toMatchObject({ differenceDays: 13, discrepancy: true });
    expect(c.alternatives.map((a) => [a.method, a.disagreementDays])).toEqual([['edd', 13]]);
    const p = pregnanciesFromRecord([...et, edd('e', '2027-01-30', '2026-06-03')], NOW, zone, { id: 't', atMs: 0 }).pregnancies[0]!;
    expect(p.eddDate).toBe('2027-01-17');
    expect(p.warnings.map((w) => w.code)).toContain('pregnancy.datings-disagree');
  });

  it('a transfer without an id is matched by its time; another transfer does not win', () => {
    const t = utc('2026-05-01T10:00:00Z');
    const noId = [{ ...transfer('t', '2026-05-01T10:00:00Z', { code: { text: 'Embryo transfer, day 5 blastocyst' } }), id: undefined }, edd('e', '2027-01-14', '2026-06-03')];
    const byTime = chooseDating(datingFactsFromRecord(noId, zone).datings, [], { id: undefined, atMs: t });
    expect(byTime.chosen).toMatchObject({ method: 'ivf-transfer', eddDate: '2027-01-17' });
    expect(chooseDating(datings('2027-01-14'), [], { id: 'other', atMs: t }).chosen?.method).toBe('edd');
  });
});
