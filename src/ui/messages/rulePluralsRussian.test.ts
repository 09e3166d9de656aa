/** Russian plural forms in the rule, laboratory and timeline sections: 1, 2, 5, 21 and 163 take different words. */
import { describe, expect, it } from 'vitest';
import { createMessages } from './translator';

const ru = createMessages({ locale: 'ru', zone: 'Europe/Moscow' });

describe('Russian plurals in the rule, lab and timeline words', () => {
  it('doses recorded after a deadline: 1 доза, 2 дозы, 5 доз, 21 доза', () => {
    expect([1, 2, 5, 21].map((n) => ru.t('stopCriteria.lateDoses', { n }))).toEqual([
      '1 доза записана после этого срока',
      '2 дозы записаны после этого срока',
      '5 доз записано после этого срока',
      '21 доза записана после этого срока',
    ]);
  });

  it('heparin days before an event in the genitive: в течение 1 дня, 3 дней, 163 дней, 21 дня', () => {
    const known = (days: number) => ru.t('reason.rules.heparin-days.known', { days, over: 4, isOver: days > 4 });
    expect(known(1)).toBe('Гепарин в течение 1 дня до события, по самой ранней дате начала назначения');
    expect(known(3)).toMatch(/^Гепарин в течение 3 дней /);
    expect(known(163)).toBe('Гепарин в течение 163 дней до события, по самой ранней дате начала назначения (более 4 дней)');
    expect(known(21)).toMatch(/^Гепарин в течение 21 дня /);
  });

  it('a date-only event counts from midnight "за 2 дня" before, with the decimal comma in numbers', () => {
    const text = ru.t('reason.rules.date-only.midnight', { day: '2026-11-28', zone: 'Europe/Moscow', anchor: 'A', hours: 48, deadline: 'D', days: 2 });
    expect(text).toContain('за 48 ч до него — это D (00:00, за 2 дня)');
    expect(ru.t('reason.rules.caution.dose-band', { direction: 'above', order: 'O', daily: 40, unit: 'mg', perKg: 0.53, kg: 75.5, weighedAt: 'W', band: '50–90 кг', doseClass: 'prophylactic', expected: 40 })).toContain(
      '40 мг/сут (0,53 мг/кг/сут при массе тела при первой явке 75,5 кг, W)',
    );
  });

  it('no-order status: plans or proposals counted with the right form, never "no drug"', () => {
    expect(ru.t('reason.rules.status.no-order', { plans: 0 })).toBe(
      'Поиск назначений выполнен полностью, назначение НМГ не найдено. То, что назначение не найдено, не доказывает, что НМГ не применяются.',
    );
    expect(ru.t('reason.rules.status.no-order', { plans: 2 })).toContain('В данных карты 2 плана или предложения НМГ');
    expect(ru.t('reason.rules.status.no-order', { plans: 5 })).toContain('В данных карты 5 планов или предложений НМГ');
  });

  it('timeline: results outside the pregnancy and a DDU count', () => {
    expect(ru.t('timeline.outsideNote', { n: 3 })).toBe('3 результата вне этой беременности (перечислены в таблице ниже, на график не нанесены).');
    expect(ru.t('timeline.summaryDdu', { n: 1 })).toBe('; 1 результат DDU показан отдельно');
    expect(ru.t('coag.trend', { n: 1, first: '0,32', last: '0,32' })).toBe('1 результат, 0,32');
    expect(ru.t('coag.trend', { n: 21, first: '1', last: '2' })).toBe('21 результат, 1 → 2');
  });
});
