import { describe, expect, it } from 'vitest';
import { context, ms, order, ref } from '../../../test/support/ruleBuilders';
import { cautions } from '../../domain/rules';
import { createMessages } from '../messages/translator';
import { buildCautionsView } from './cautionsViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });

describe('cautions panel words', () => {
  it('creatinine clearance below 30 mL/min: the record data in words, beside the label wording', () => {
    const crcl = { value: 24, unit: 'mL/min', atMs: ms('2026-03-18T08:00:00Z'), source: ref('Observation', 'crcl') };
    const v = buildCautionsView(cautions(context({ orders: [order()], creatinineClearance: crcl })), m);
    const renal = v.cautions.find((c) => c.finding.topic === 'renal-clearance');
    expect(renal?.detail).toBe('Creatinine clearance 24 mL/min on 18 Mar 2026 08:00 (UTC) (below 30 mL/min) with a current LMWH order: Enoxaparin 40 mg SC every 24 h.');
    expect(renal?.wording).toMatch(/^Below a creatinine clearance of 30 mL\/min/);
    expect(renal?.evidenceLabel).toBe('Records (2)');
  });

  it('a check that could not be made says why, with the rule it belongs to', () => {
    const v = buildCautionsView(cautions(context({ orders: [order()] })), m);
    const renal = v.notChecked.find((n) => n.key.startsWith('label.caution.renal-clearance-below-30'));
    expect(renal?.text).toBe('Not checked: no creatinine clearance is recorded.');
    expect(renal?.rule).toEqual({ source: 'Enoxaparin label', wording: expect.stringMatching(/^Below a creatinine clearance of 30 mL\/min/) });
  });

  it('the weight band detail: dose per kg by booking weight and the transcribed band', () => {
    const w = { kg: 110, atMs: ms('2026-01-15T09:00:00Z'), isBooking: true, source: ref('Observation', 'w') };
    const v = buildCautionsView(cautions(context({ orders: [order()], bookingWeight: w })), m);
    expect(v.cautions.find((c) => c.finding.topic === 'dose-per-kg-band')?.detail).toBe(
      'Dose below the RCOG band for this booking weight. Enoxaparin 40 mg SC every 24 h: 40 mg/day (0.36 mg/kg/day by booking weight 110 kg, 15 Jan 2026 09:00 (UTC)). The transcribed RCOG band for 91-130 kg (prophylactic) lists 60 mg/day; not verified against the primary.',
    );
  });

  it('no caution: says so, and that some checks could not be made', () => {
    expect(buildCautionsView(cautions(context()), m).empty).toBe('No caution applies to what the record shows; some checks could not be made (below).');
  });
});
