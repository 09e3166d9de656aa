import { describe, expect, it } from 'vitest';
import { createMessages } from '../messages/translator';
import { formatDate, formatInstant, formatMoment, formatWeekdayTime } from './displayTime';
import { formatNumber } from './numbers';
import { formatGestation } from './gestation';
import { displayUnit } from './units';
import type { FhirMoment } from '../../domain/time';

const APR_3_0830_LONDON = Date.parse('2026-04-03T07:30:00Z'); // BST, UTC+01:00
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('Russian dates cannot be misread', () => {
  it('an instant: day, abbreviated month, year, time and offset', () => {
    expect(formatInstant(APR_3_0830_LONDON, 'Europe/London', 'ru')).toBe('3 апр. 2026, 08:30 (UTC+01:00)');
    expect(formatInstant(Date.parse('2026-11-28T07:30:00Z'), 'Europe/Moscow', 'ru')).toBe('28 нояб. 2026, 10:30 (UTC+03:00)');
    expect(formatInstant(Date.parse('2026-01-05T12:00:00Z'), 'UTC', 'ru')).toBe('5 янв. 2026, 12:00 (UTC)');
  });

  it('the month after a day is genitive (мая, мар., июн.), never the nominative (май, март)', () => {
    expect(formatDate(Date.parse('2026-05-03T12:00:00Z'), 'UTC', 'ru')).toBe('3 мая 2026');
    expect(formatDate(Date.parse('2026-03-03T12:00:00Z'), 'UTC', 'ru')).toBe('3 мар. 2026');
    expect(formatDate(Date.parse('2026-06-03T12:00:00Z'), 'UTC', 'ru')).toBe('3 июн. 2026');
    expect(formatDate(Date.parse('2026-09-03T12:00:00Z'), 'UTC', 'ru')).toBe('3 сент. 2026');
  });

  it('a month-precision date is the nominative month written out; a weekday schedule is short', () => {
    const april: FhirMoment = { original: '2026-04', precision: 'month', start: Date.parse('2026-04-01T00:00:00Z'), end: Date.parse('2026-05-01T00:00:00Z'), offset: 'assumed', zone: 'UTC' };
    expect(formatMoment(april, 'UTC', 'ru')).toBe('апрель 2026');
    expect(formatMoment({ ...april, original: '2026-05-03', precision: 'day', start: Date.parse('2026-05-03T00:00:00Z') }, 'UTC', 'ru')).toBe('3 мая 2026');
    expect(formatWeekdayTime(APR_3_0830_LONDON, 'Europe/London', 'ru')).toBe('пт, 3 апр., 08:30');
  });

  it('English is unchanged', () => {
    expect(formatInstant(APR_3_0830_LONDON, 'Europe/London', 'en')).toBe('3 Apr 2026 08:30 (UTC+01:00)');
  });
});

describe('Russian numbers use the decimal comma', () => {
  it('decimals and grouping', () => {
    expect(formatNumber(0.62, 'ru')).toBe('0,62');
    expect(formatNumber(1.5, 'ru', 1)).toBe('1,5');
    expect(formatNumber(371.41200461138556, 'ru')).toBe('371,41');
    expect(formatNumber(12500, 'ru').replace(/\s/g, ' ')).toBe('12 500');
    expect(formatNumber(620, 'ru')).toBe('620');
  });
});

describe('gestational age', () => {
  it('weeks and days, abbreviated as Russian obstetricians write them', () => {
    expect(formatGestation(35 * 7 + 5, 'ru')).toBe('35\u00a0нед. 5\u00a0дн.');
    expect(formatGestation(35 * 7 + 5, 'en')).toBe('35w 5d');
    expect(formatGestation(0, 'ru')).toBe('0\u00a0нед. 0\u00a0дн.');
  });

  it('an impossible day count gives nothing rather than a made-up age', () => {
    expect(formatGestation(-1, 'ru')).toBe('');
    expect(formatGestation(Number.NaN, 'en')).toBe('');
  });
});

describe('Russian durations have the right plural form', () => {
  const ru = createMessages({ locale: 'ru', zone: 'Europe/Moscow' });

  it.each([
    [1, '1 день'],
    [2, '2 дня'],
    [5, '5 дней'],
    [11, '11 дней'],
    [12, '12 дней'],
    [13, '13 дней'],
    [14, '14 дней'],
    [21, '21 день'],
    [22, '22 дня'],
    [25, '25 дней'],
    [111, '111 дней'],
  ])('%i days -> %s', (n, text) => {
    expect(ru.duration(n * DAY)).toBe(text);
  });

  it.each([
    [1, '1 час'],
    [2, '2 часа'],
    [5, '5 часов'],
    [11, '11 часов'],
    [21, '21 час'],
    [22, '22 часа'],
  ])('%i hours -> %s', (n, text) => {
    expect(ru.duration(n * HOUR)).toBe(text);
  });

  it.each([
    [1, '1 минута'],
    [2, '2 минуты'],
    [5, '5 минут'],
    [14, '14 минут'],
    [21, '21 минута'],
    [25, '25 минут'],
  ])('%i minutes -> %s', (n, text) => {
    expect(ru.duration(n * 60_000)).toBe(text);
  });

  it('months follow the same rules', () => {
    expect(ru.t('duration.months', { n: 1 })).toBe('1 месяц');
    expect(ru.t('duration.months', { n: 3 })).toBe('3 месяца');
    expect(ru.t('duration.months', { n: 12 })).toBe('12 месяцев');
  });

  it('relative times: через / назад / сейчас', () => {
    const now = Date.parse('2026-11-28T07:30:00Z');
    expect(ru.relative(now + 2 * DAY + 19 * HOUR, now)).toBe('через 2 дня 19 часов');
    expect(ru.relative(now - 8 * HOUR, now)).toBe('8 часов назад');
    expect(ru.relative(now + 1000, now)).toBe('сейчас');
  });
});

describe('units as Russian laboratories write them; the UCUM code itself is never changed', () => {
  it.each([
    ['ng/mL', 'нг/мл'],
    ['ug/mL', 'мкг/мл'],
    ['mg/L', 'мг/л'],
    ['10*9/L', '×10⁹/л'],
    ['g/L', 'г/л'],
    ['[IU]', 'МЕ'],
    ['[IU]/mL', 'МЕ/мл'],
    ['mg', 'мг'],
    ['mL', 'мл'],
    ['mL/min', 'мл/мин'],
    ['s', 'с'],
    ['ug/mL{FEU}', 'мкг/мл FEU'],
    ['ng/mL{DDU}', 'нг/мл DDU'],
    ['{ratio}', ''],
  ])('%s -> %s', (code, text) => {
    expect(displayUnit(code, 'ru')).toBe(text);
  });

  it('English display forms', () => {
    expect(displayUnit('ug/mL', 'en')).toBe('µg/mL');
    expect(displayUnit('10*9/L', 'en')).toBe('×10⁹/L');
    expect(displayUnit('[IU]', 'en')).toBe('IU');
    expect(displayUnit('mg/L{FEU}', 'en')).toBe('mg/L FEU');
  });

  it('a loosely written code still maps; unknown text is shown as it came', () => {
    expect(displayUnit('NG/ML', 'ru')).toBe('нг/мл');
    expect(displayUnit('µg/mL', 'ru')).toBe('мкг/мл');
    expect(displayUnit(' mg/L ', 'ru')).toBe('мг/л');
    expect(displayUnit('Anti-Xa units', 'ru')).toBe('Anti-Xa units');
    expect(displayUnit(undefined, 'ru')).toBe('');
    expect(displayUnit('', 'ru')).toBe('');
  });
});
