import { describe, expect, it } from 'vitest';
import { antiXaTiming, ANTI_XA_PEAK_NOTE, type AntiXaTiming } from './antiXaTiming';
import { createMessages } from '../../ui/messages/translator';
import { sinceDoseText, timingView } from '../../ui/coag-panel/coagPanelViewModel';
import { antiXa, dose, ZONE } from '../../../test/support/monitoringBuilders';
import { demoRecord } from '../../../test/support/demo-record';

const m = createMessages({ zone: ZONE });
/** The timing as the panel words it. */
const words = (t: AntiXaTiming) => {
  const v = timingView(t, m);
  return v.known ? { ...v, reason: undefined } : { sampled: undefined, window: undefined, kindLabel: undefined, caveats: [] as string[], reason: m.reason(v.reason) };
};

describe('antiXaTiming', () => {
  it('anti-Xa sampled at 22:00 after the 18:00 administration is 4 hours after the dose, inside the 3–5 h peak window', () => {
    const t = antiXaTiming(antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-22T18:00:00+00:00'), dose('2026-11-23T18:00:00+00:00'), dose('2026-11-24T18:00:00+00:00')]);
    expect(t.timing.known).toBe(true);
    if (!t.timing.known) return;
    expect(words(t).sampled).toBe('sampled 4 hours after the dose given 23 Nov 2026 18:00 (UTC)');
    expect(t.timing.value.sinceDoseMs).toBe(4 * 3_600_000);
    expect(t.timing.value.window).toBe('in-window');
    expect(words(t).window).toBe('within the 3–5 h peak window');
    expect(t.timing.value.dosesBefore).toBe(2);
    expect(t.timing.value.notAdministered).toBe(false);
    expect(t.timing.value.source.id).toBe('dose-2026-11-23T18:00:00+00:00');
  });

  it('carries the VERIFIED reference note on the 4 h (3–5 h) peak with every answer, known or not', () => {
    expect(antiXaTiming(antiXa('2026-11-23T22:00:00+00:00'), []).note).toBe(ANTI_XA_PEAK_NOTE);
    expect(ANTI_XA_PEAK_NOTE.verification).toBe('VERIFIED');
    expect(m.t('coag.peakNote')).toContain('4 h (3–5 h)');
  });

  it('in summer time the dose time is shown with UTC+01:00', () => {
    const t = antiXaTiming(antiXa('2026-07-10T21:30:00+01:00'), [dose('2026-07-10T18:00:00+01:00')]);
    expect(words(t).sampled).toBe('sampled 3 hours 30 minutes after the dose given 10 Jul 2026 18:00 (UTC+01:00)');
  });

  it.each([
    ['2 h after the dose', '2026-11-23T20:00:00+00:00', 'before-window', '2 hours'],
    ['exactly 3 h', '2026-11-23T21:00:00+00:00', 'in-window', '3 hours'],
    ['exactly 5 h', '2026-11-23T23:00:00+00:00', 'in-window', '5 hours'],
    ['12 h after the dose (trough region)', '2026-11-24T06:00:00+00:00', 'after-window', '12 hours'],
    ['45 min after the dose', '2026-11-23T18:45:00+00:00', 'before-window', '45 minutes'],
  ])('%s is classed %s', (_name, sample, window, text) => {
    const t = antiXaTiming(antiXa(sample), [dose('2026-11-23T18:00:00+00:00')]);
    expect(t.timing.known && t.timing.value.window).toBe(window);
    expect(t.timing.known && sinceDoseText(t.timing.value.sinceDoseMs, m)).toBe(text);
  });

  it('a patient-reported dose is used only when no administration precedes the sample, and is labelled', () => {
    const t = antiXaTiming(antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-23T18:00:00+00:00', 'reported')]);
    expect(t.timing.known).toBe(true);
    if (!t.timing.known) return;
    expect(words(t).sampled).toBe('sampled 4 hours after the dose reported by the patient as taken 23 Nov 2026 18:00 (UTC)');
    expect(words(t).kindLabel).toBe('patient-reported dose: no administration is recorded before the sample');
  });

  it('a dispensing is labelled as not a proof of injection', () => {
    const t = antiXaTiming(antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-23T12:00:00+00:00', 'dispensed')]);
    expect(words(t).sampled).toBe('sampled 10 hours after the dose dispensed (not a proof of injection) 23 Nov 2026 12:00 (UTC)');
    expect(words(t).kindLabel).toContain('dispensed, not a proof of injection');
  });

  it('prefers the administration and flags a later patient-reported dose', () => {
    const t = antiXaTiming(antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-23T08:00:00+00:00'), dose('2026-11-23T18:00:00+00:00', 'reported')]);
    expect(t.timing.known && sinceDoseText(t.timing.value.sinceDoseMs, m)).toBe('14 hours');
    expect(t.timing.known && t.timing.value.caveats.map((c) => c.code)).toEqual(['antixa.later-other-dose']);
    expect(words(t).caveats).toEqual(['a patient-reported dose at 23 Nov 2026 18:00 (UTC) is later than the last administration']);
  });

  it.each([
    ['no dose in the record', antiXa('2026-11-23T22:00:00+00:00'), [], 'no recorded dose (administration, patient report or dispensing) in the record'],
    ['doses only after the sample', antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-24T18:00:00+00:00')], 'every recorded dose with a time is after the sample'],
    ['doses without a time', antiXa('2026-11-23T22:00:00+00:00'), [dose(undefined)], 'no recorded dose has a time'],
    ['a date-only sample', antiXa('2026-11-23'), [dose('2026-11-22T18:00:00+00:00')], 'the sample has no time of day (recorded as 23 Nov 2026)'],
    ['a date-only dose', antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-23')], 'the last recorded dose before the sample has no time of day (23 Nov 2026)'],
  ])('unknown with the reason for %s', (_name, point, doses, reason) => {
    const t = antiXaTiming(point, doses);
    expect(t.timing.known).toBe(false);
    expect(words(t).reason).toContain(reason);
  });

  it('a dose of unfractionated heparin is named as not LMWH', () => {
    const t = antiXaTiming(antiXa('2026-11-23T22:00:00+00:00'), [dose('2026-11-23T18:00:00+00:00', 'administered', 'heparin', 'ufh')]);
    expect(words(t).caveats.join(' ')).toContain('Unfractionated heparin, not LMWH');
  });

  it('formats long spans in days and hours', () => {
    expect(sinceDoseText(50 * 3_600_000, m)).toBe('2 days 2 hours');
    expect(sinceDoseText(25 * 3_600_000 + 5 * 60_000, m)).toBe('1 day 1 hour');
  });

  it('third-trimester demo: anti-Xa 0.32 IU/mL sampled 4 h after the 18:00 enoxaparin administration', async () => {
    const r = await demoRecord('third-trimester');
    const t = antiXaTiming(r.labs.antiXaLmwh.latest!, r.medication.doses);
    expect(r.antiXaTiming.antiXaLmwh.at(-1)).toEqual(t);
    expect(words(t).sampled).toBe('sampled 4 hours after the dose given 23 Nov 2026 18:00 (UTC)');
  });
});
