/**
 * The pregnancy and findings modules give codes; these tests read the words a clinician sees for them, in English
 * (as the app wrote them before the words left the domain) and in Russian.
 */
import { describe, expect, it } from 'vitest';
import { birth, edd, ga, lmp, obs, transfer, utc } from '../../../test/support/pregnancyBuilders';
import { countPregnancyLosses, findFacts } from '../../domain/findings';
import { gestationalAge, pregnanciesFromRecord } from '../../domain/pregnancy';
import { createMessages } from './translator';

const zone = 'UTC';
const NOW = utc('2026-09-12T10:00:00Z');
const en = createMessages({ locale: 'en', zone });
const ru = createMessages({ locale: 'ru', zone });

describe('pregnancy dating in words', () => {
  it('a transfer without embryo age: no dating, with why (English and Russian)', () => {
    const t = pregnanciesFromRecord([transfer('t', '2026-05-01')], NOW, zone);
    expect(en.reason(t.reasonIfNone)).toBe(
      'no EDD, LMP, transfer with embryo age or GA observation found; embryo transfer on 1 May 2026 (Procedure/t): no embryo age (day 3 / day 5 / day 6) recorded, so it cannot date the pregnancy',
    );
    expect(ru.reason(t.reasonIfNone)).toBe(
      'не найдены ПДР, дата последней менструации, перенос с возрастом эмбрионов или наблюдение срока беременности; перенос эмбрионов 1 мая 2026 (Procedure/t): возраст эмбриона (3, 5 или 6 сутки) не записан, поэтому по этому переносу срок не определить',
    );
  });

  it('an LMP 132 days off the recorded EDD is a warning naming the LMP dating and the signed difference', () => {
    const t = pregnanciesFromRecord([edd('a', '2027-01-14', '2026-06-03'), lmp('b', '2025-11-28', '2026-01-10')], NOW, zone);
    const warning = t.pregnancies[0]!.warnings[0];
    expect(en.reason(warning)).toBe('dating records disagree by more than 7 days: LMP 28 Nov 2025 (recorded 10 Jan 2026): EDD 4 Sep 2026 (-132 d)');
    expect(ru.reason(warning)).toMatch(/^записи о сроке расходятся более чем на 7 дней: последняя менструация 28 нояб\. 2025 \(записано 10 янв\. 2026\): ПДР 4 сент\. 2026 \(-132\u00a0дн\.\)$/);
  });

  it('an ultrasound dating names the age, the day, the code and the value as recorded', () => {
    const t = pregnanciesFromRecord([ga('us', '11888-5', 12, '2026-06-03', 3)], NOW, zone);
    const d = t.pregnancies[0]!.dating.chosen.description;
    expect(en.reason(d)).toBe('ultrasound gestational age 12w 3d on 3 Jun 2026 (LOINC 11888-5, 12 wk + 3 d): EDD 13 Dec 2026');
    expect(ru.reason(d)).toBe('срок беременности по УЗИ 12\u00a0нед. 3\u00a0дн. на 3 июн. 2026 (LOINC 11888-5, 12 wk + 3 d): ПДР 13 дек. 2026');
  });

  it('a birth no dated pregnancy takes is a note; a gestational age after it is unknown with the delivery date', () => {
    const t = pregnanciesFromRecord([birth('cs', '2020-05-01'), edd('e', '2027-01-14', '2026-06-03')], NOW, zone);
    expect(en.reason(t.notes[0])).toBe('birth on 1 May 2020 (Procedure/cs) matches no dated pregnancy');
    expect(ru.reason(t.notes[0])).toBe('роды 1 мая 2020 (Procedure/cs) не относятся ни к одной беременности с известным сроком');
    const p = pregnanciesFromRecord([edd('e', '2027-01-14', '2026-06-03'), birth('cs', '2027-01-05T09:00:00Z')], utc('2027-01-10T00:00:00Z'), zone).pregnancies[0]!;
    const g = gestationalAge(p, utc('2027-01-06T12:00:00Z'), zone);
    expect(g.known ? '' : en.reason(g.reason)).toBe('after the recorded delivery on 5 Jan 2027');
    expect(g.known ? '' : ru.reason(g.reason)).toBe('после записанных родов 5 янв. 2027');
  });

  it('a record left out names its view and why', () => {
    const t = pregnanciesFromRecord([obs('x', '11884-4', { effectiveDateTime: '2026-06-03', valueQuantity: { value: 5, code: 'mo' } })], NOW, zone);
    const x = t.exclusions[0]!;
    expect([en.t('exclusions.view.pregnancy-dating'), en.reason(x.reason)]).toEqual(['Pregnancy dating', "gestational age (LOINC 11884-4): unit 'mo' is not weeks or days"]);
    expect(ru.reason(x.reason)).toBe('срок беременности (LOINC 11884-4): единица «mo» — не недели и не дни');
  });
});

describe('findings in words', () => {
  const condition = (id: string, code: string, extra: Partial<fhir4.Condition> = {}): fhir4.Condition => ({
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/p' },
    clinicalStatus: { coding: [{ code: 'resolved' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code }], text: 'Miscarriage' },
    onsetDateTime: '2025-11-02',
    ...extra,
  });

  it("a fact's detail joins its parts; the loss count says how it was reached", () => {
    const { facts } = findFacts([condition('m1', '19169002', { verificationStatus: { coding: [{ code: 'confirmed' }] } })], zone);
    expect(en.reason(facts[0]!.detail)).toBe("clinical status resolved; verification confirmed; 'Miscarriage'");
    expect(ru.reason(facts[0]!.detail)).toBe('клинический статус resolved; верификация confirmed; «Miscarriage»');
    const one = countPregnancyLosses(facts).basis;
    expect(en.reason(one)).toBe('1 miscarriage record; fewer than 2 losses shown in the record (not proof of fewer)');
    expect(ru.reason(one)).toBe('1 запись о выкидыше; в карте меньше 2 потерь (это не доказывает, что их меньше)');
  });

  it('Russian counts miscarriage records with one/few/many forms', () => {
    const records = (n: number) => findFacts(Array.from({ length: n }, (_, i) => condition(`m${i}`, '19169002')), zone).facts;
    expect([2, 5].map((n) => ru.reason(countPregnancyLosses(records(n)).basis))).toEqual(['2 записи о выкидыше', '5 записей о выкидыше']);
    expect(en.reason(countPregnancyLosses(records(2)).basis)).toBe('2 miscarriage records');
  });
});
