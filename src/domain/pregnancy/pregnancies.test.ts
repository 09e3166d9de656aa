import { describe, expect, it } from 'vitest';
import { dateParam, listParam, reasonParam } from '../reasons';
import { pregnanciesFromRecord } from './pregnancies';
import { birth, edd, embryoAge, ga, lmp, obs, transfer, utc } from '../../../test/support/pregnancyBuilders';

const zone = 'Europe/Madrid';

describe('several pregnancies in one record', () => {
  const first = [edd('e1', '2024-03-10', '2023-08-01'), lmp('l1', '2023-06-04', '2023-07-15'), birth('cs1', '2024-03-01T08:00:00+01:00')];
  const second = [transfer('t2', '2026-05-01'), embryoAge('a2', 't2', 5), ga('us2', '11888-5', 8, '2026-06-10')];
  const resources = [...second, ...first];

  it('a pregnancy delivered in 2024 and a current IVF pregnancy are two pregnancies, the current one chosen', () => {
    const t = pregnanciesFromRecord(resources, utc('2026-09-12T10:00:00Z'), zone);
    expect(t.pregnancies.map((p) => [p.eddDate, p.dating.chosen.method, p.endReason])).toEqual([
      ['2024-03-10', 'edd', 'delivery'],
      ['2027-01-17', 'ivf-transfer', 'edd-plus-14-days'],
    ]);
    expect(t.currentIndex).toBe(1);
    expect(t.isCurrent).toBe(true);
    expect(t.pregnancies[0]!.delivery?.source.id).toBe('cs1');
    expect(t.pregnancies[0]!.endMs).toBe(utc('2024-03-01T07:00:00Z'));
    expect(t.pregnancies[1]!.dating.all.map((d) => d.source.id)).toEqual(['t2', 'us2']);
  });

  it('the earlier pregnancy keeps its own dating (the UI can pick it)', () => {
    const t = pregnanciesFromRecord(resources, utc('2026-09-12T10:00:00Z'), zone);
    const old = t.pregnancies[0]!;
    expect(old.id).toBe('pregnancy:2024-03-10');
    expect(old.dating.all.map((d) => d.source.id)).toEqual(['e1', 'l1']);
    expect(old.startMs).toBe(utc('2023-06-03T22:00:00Z')); // 00:00 CEST 4 Jun 2023 = EDD - 280 d (leap 2024)
  });

  it('between pregnancies, the most recent one is picked and marked as not current', () => {
    const t = pregnanciesFromRecord(first, utc('2025-06-01T10:00:00Z'), zone);
    expect(t.currentIndex).toBe(0);
    expect(t.isCurrent).toBe(false);
  });

  it('after a delivery the pregnancy is no longer current even before EDD + 14 days', () => {
    const t = pregnanciesFromRecord(first, utc('2024-03-05T10:00:00Z'), zone);
    expect(t.isCurrent).toBe(false);
  });

  it('without a delivery the pregnancy ends at 00:00 of EDD + 14 days', () => {
    const t = pregnanciesFromRecord([edd('e', '2027-01-14', '2026-06-03')], utc('2027-01-27T22:59:00Z'), zone);
    expect(t.pregnancies[0]!.endMs).toBe(utc('2027-01-27T23:00:00Z'));
    expect(t.isCurrent).toBe(true);
    expect(pregnanciesFromRecord([edd('e', '2027-01-14', '2026-06-03')], utc('2027-01-27T23:00:00Z'), zone).isCurrent).toBe(false);
  });

  it('EDDs 19 weeks apart are one pregnancy (flagged); 21 weeks apart are two', () => {
    const one = pregnanciesFromRecord([edd('a', '2027-01-14', '2026-06-03'), lmp('b', '2025-11-28', '2026-01-10')], utc('2026-09-12T10:00:00Z'), zone);
    expect(one.pregnancies).toHaveLength(1);
    expect(one.pregnancies[0]!.dating.alternatives.map((a) => a.disagreementDays)).toEqual([-132]);
    const lmpDating = one.pregnancies[0]!.dating.alternatives[0]!;
    expect(lmpDating.description).toMatchObject({ code: 'pregnancy.dating.lmp', params: { lmp: dateParam(utc('2025-11-27T23:00:00Z')) } }); // 00:00 in Madrid
    expect(one.pregnancies[0]!.warnings[0]).toEqual({
      code: 'pregnancy.datings-disagree',
      params: { items: listParam([reasonParam({ code: 'pregnancy.disagreeing-dating', params: { description: reasonParam(lmpDating.description), days: -132 } })]) },
    });
    const two = pregnanciesFromRecord([edd('a', '2027-01-14', '2026-06-03'), lmp('b', '2025-11-14', '2026-01-10')], utc('2026-09-12T10:00:00Z'), zone);
    expect(two.pregnancies).toHaveLength(2);
  });

  it('no dating at all says why', () => {
    const t = pregnanciesFromRecord([obs('x', '2243-4', { valueQuantity: { value: 100 } })], utc('2026-09-12T10:00:00Z'), zone);
    expect(t.pregnancies).toEqual([]);
    expect(t.currentIndex).toBeUndefined();
    expect(t.reasonIfNone).toEqual({ code: 'pregnancy.no-dating', params: { notes: listParam([]), hasNotes: false } });
  });

  it('a birth that matches no dated pregnancy is reported, not dropped', () => {
    const t = pregnanciesFromRecord([birth('cs', '2020-05-01'), edd('e', '2027-01-14', '2026-06-03')], utc('2026-09-12T10:00:00Z'), zone);
    expect(t.pregnancies[0]!.delivery).toBeUndefined();
    expect(t.notes).toEqual([{ code: 'pregnancy.birth-unmatched', params: { at: dateParam(utc('2020-04-30T22:00:00Z')), source: 'Procedure/cs' } }]);
  });

  it('a transfer without embryo age during an EDD-dated pregnancy is noted on that pregnancy', () => {
    const t = pregnanciesFromRecord([transfer('t', '2026-05-01'), edd('e', '2027-01-17', '2026-06-03')], utc('2026-09-12T10:00:00Z'), zone);
    expect(t.pregnancies[0]!.dating.notes[0]).toMatchObject({ code: 'pregnancy.transfer-undated', params: { key: 'Procedure/t', why: reasonParam({ code: 'pregnancy.transfer.no-age' }) } });
    expect(t.notes).toEqual([]);
  });

  it("a later 'not pregnant' status during the pregnancy's dates is a warning", () => {
    const status = obs('s', '82810-3', { effectiveDateTime: '2026-08-01', valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA26683-5' }] } });
    const t = pregnanciesFromRecord([edd('e', '2027-01-14', '2026-06-03'), status], utc('2026-09-12T10:00:00Z'), zone);
    expect(t.latestStatus?.status).toBe('not-pregnant');
    expect(t.pregnancies[0]!.warnings).toEqual([{ code: 'pregnancy.status-not-pregnant-during', params: { at: dateParam(t.latestStatus!.recordedMs!) } }]);
  });
});

describe('public fixture shapes', () => {
  it('EDD 11778-8 with a date-time value (IPS example shape)', () => {
    const ips: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'pregnancy-edd-example',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '11778-8', display: 'Delivery date Estimated' }] },
      subject: { reference: 'Patient/example' },
      effectiveDateTime: '2020-01-01',
      valueDateTime: '2020-07-01',
    };
    const t = pregnanciesFromRecord([ips], utc('2020-03-01T00:00:00Z'), 'UTC');
    expect(t.pregnancies[0]!.eddDate).toBe('2020-07-01');
    expect(t.pregnancies[0]!.dating.chosen.description).toEqual({
      code: 'pregnancy.dating.edd',
      params: { edd: dateParam(utc('2020-07-01T00:00:00Z')), recorded: dateParam(utc('2020-01-01T00:00:00Z')), hasRecorded: true },
    });
  });
  it('a Synthea caesarean (11466000, performedPeriod) ends the pregnancy it falls in', () => {
    const synthea: fhir4.Procedure = {
      resourceType: 'Procedure',
      id: 'syn-cs',
      status: 'completed',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '11466000', display: 'Cesarean section' }], text: 'Cesarean section' },
      subject: { reference: 'urn:uuid:abc' },
      performedPeriod: { start: '2019-06-20T10:12:44-04:00', end: '2019-06-20T11:12:44-04:00' },
    };
    const t = pregnanciesFromRecord([synthea, edd('e', '2019-06-27', '2019-01-10')], utc('2020-01-01T00:00:00Z'), 'America/New_York');
    expect(t.pregnancies[0]!.delivery?.kind).toBe('caesarean');
    expect(t.pregnancies[0]!.endMs).toBe(utc('2019-06-20T14:12:44Z'));
  });
});
