/** Event and lab reasons worded from the catalogue, in English and Russian, from what the domain actually gives. */
import { describe, expect, it } from 'vitest';
import { eventsFromRecord } from '../../domain/events';
import { createMessages } from './translator';

const zone = 'Europe/Berlin';
const NOW = Date.parse('2026-09-12T08:00:00Z');
const cs = { coding: [{ system: 'http://snomed.info/sct', code: '177141003' }] };
const en = createMessages({ locale: 'en', zone });
const ru = createMessages({ locale: 'ru', zone });

describe('event notes and exclusions in words', () => {
  const records = eventsFromRecord(
    [
      { resourceType: 'ServiceRequest', id: 'sr1', status: 'active', intent: 'order', code: cs, occurrenceDateTime: '2026-10-06' },
      { resourceType: 'Appointment', id: 'ap1', status: 'booked', serviceType: [cs], start: '2026-10-05T07:30:00+02:00', basedOn: [{ reference: 'ServiceRequest/sr1' }] },
      { resourceType: 'Appointment', id: 'x', status: 'noshow', serviceType: [cs], start: '2026-09-01T08:00:00Z' },
    ],
    NOW,
    zone,
  );
  const note = records.planned[0]!.notes[0]!;

  it('records on different days: English names each record with its time, day-only dates without a time', () => {
    expect(en.reason(note)).toBe('records give different dates: Appointment/ap1 5 Oct 2026 07:30 (UTC+02:00), ServiceRequest/sr1 6 Oct 2026; the earliest is used');
  });
  it('records on different days in Russian', () => {
    expect(ru.reason(note)).toMatch(/^записи дают разные даты: Appointment\/ap1 5 окт\. 2026.*ServiceRequest\/sr1 6 окт\. 2026.*; взята самая ранняя$/);
  });
  it('a no-show appointment left out, in both languages', () => {
    const x = records.exclusions[0]!;
    expect(en.reason(x.reason)).toBe('status noshow: patient did not attend (no-show)');
    expect(ru.reason(x.reason)).toBe('статус noshow: пациентка не явилась');
  });
});

describe('an order in short in both languages', () => {
  const order = {
    code: 'order.summary',
    params: { drug: { kind: 'reason' as const, reason: { code: 'drug.enoxaparin' } }, hasDose: true, dose: 0.4, unit: { kind: 'unit' as const, code: 'mg' }, perKg: false, route: 'subcutaneous', hasFrequency: true, interval: 12 },
  };
  it('English keeps the wording the app always used', () => {
    expect(en.reason(order)).toBe('Enoxaparin 0.4 mg SC every 12 h');
  });
  it('Russian: the INN, мг, п/к and the decimal comma', () => {
    expect(ru.reason(order)).toBe('Эноксапарин 0,4 мг п/к каждые 12 ч');
  });
  it('an order with nothing known says so in each language', () => {
    const bare = { code: 'order.summary', params: { drug: { kind: 'reason' as const, reason: { code: 'drug.heparin' } }, hasDose: false, dose: null, unit: null, perKg: false, route: 'none', hasFrequency: false, interval: null } };
    expect(en.reason(bare)).toBe('Unfractionated heparin dose unknown frequency unknown');
    expect(ru.reason(bare)).toBe('Нефракционированный гепарин доза неизвестна кратность неизвестна');
  });
});

describe('lab readings in words, from what the labs module gives', () => {
  it('a D-dimer without FEU/DDU, a platelet count converted and a disagreeing unit, in both languages', async () => {
    const { loadUnitConverter, normaliseDdimer, labSeries } = await import('../../domain/labs');
    const units = await loadUnitConverter();
    const obs = (code: string, valueQuantity: Record<string, unknown>, id = code): fhir4.Observation =>
      ({ resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, effectiveDateTime: '2026-04-03T08:30:00Z', valueQuantity }) as fhir4.Observation;
    const dd = normaliseDdimer(obs('7799-0', { value: 0.45, unit: 'ug/mL', code: 'ug/mL' }), units, zone);
    if (dd.kind !== 'result') throw new Error('expected a result');
    expect(en.reason(dd.result.chart.known ? undefined : dd.result.chart.reason)).toBe('unit type (FEU or DDU) not stated');
    expect(ru.reason(dd.result.chart.known ? undefined : dd.result.chart.reason)).toBe('тип единиц (FEU или DDU) не указан');

    const s = labSeries([obs('777-3', { value: 250, unit: '10*3/uL', code: '10*3/uL', system: 'http://unitsofmeasure.org' }), obs('3255-7', { value: 3, unit: 'g/L', code: 'mg/dL', system: 'http://unitsofmeasure.org' })], units, zone);
    expect(s.platelets.points[0]!.conversion!.map((r) => ru.reason(r))).toEqual(['пересчитано из ×10³/мкл']);
    const disagree = s.fibrinogen.exclusions[0]!.reason;
    expect(en.reason(disagree)).toBe("unit text 'g/L' and UCUM code 'mg/dL' disagree (1 g/L = 100 mg/dL)");
    expect(ru.reason(disagree)).toBe('текст единицы «g/L» и код единицы «mg/dL» расходятся (1 г/л = 100 мг/дл)');
  });
});
