/** The Russian rule wording attributes like the English one: the clinic's rules to the source, guideline rules to the guideline. */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../domain/rules';
import { createMessages } from './translator';
import { ruleWording } from '../stop-criteria/ruleLineViewModel';

const ru = createMessages({ locale: 'ru', zone: 'Europe/Moscow' });

describe('rule wording in Russian', () => {
  it('every rule has Russian wording, never an order; the source article\'s wording names the source, a guideline\'s is attributed by its label', () => {
    for (const r of ALL_RULES) {
      const w = ruleWording(r.id, ru);
      expect(w, r.id).not.toMatch(/⟦/);
      expect(w, r.id).toMatch(/[а-яё]/);
      expect(w, r.id).not.toMatch(/^(Отмените|Отменить|Введите|Вводите|Начните|Продолжайте)/);
      if (r.source.kind === 'source-article') expect(w, r.id).toMatch(/^Источник/);
      // The short label beside the wording ("ASRA 2018") attributes it; the wording does not repeat the name.
      if (r.source.kind === 'guideline') expect(w, r.id).not.toMatch(/\(руководство\)|^(ASRA|RCOG|ACOG|ASH|ESHRE|SOAP)\b/);
    }
  });

  it("the source's stop rules in the clinic's own words", () => {
    expect(ruleWording('source.stop-now.genital-bleeding', ru)).toContain('отменяют при кровянистых выделениях из половых путей');
    expect(ruleWording('source.stop-before.any-surgery', ru)).toContain('перед любой операцией');
    expect(ruleWording('source.stop-before.any-surgery', ru)).toContain('Интервала источник не указывает');
    expect(ruleWording('source.stop-before.planned-birth-48h', ru)).toContain('не менее чем за 2 дня до планового кесарева сечения или родов');
  });

  it("the long-before threshold is labelled as the app's, not the source's", () => {
    expect(ruleWording('source.caution.works-only-while-injected', ru)).toContain('28 дней — порог приложения, а не источника');
  });
});
