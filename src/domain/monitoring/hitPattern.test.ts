import { describe, expect, it } from 'vitest';
import { hitPattern, HIT_GUIDANCE, type HitState } from './hitPattern';
import { createMessages } from '../../ui/messages/translator';
import type { Reason } from '../reasons';

const m = createMessages({ zone: ZONE });
/** A reason as the panel words it. */
const words = (r: Reason) => m.reason(r);
import { dose, order, platelet, series, ZONE } from '../../../test/support/monitoringBuilders';
import { demoRecord } from '../../../test/support/demo-record';
import type { LabPoint } from '../labs';
import type { LmwhOrder, RecordedDose } from '../medication';

const START = '2026-11-01T18:00:00+00:00';
const NOW = Date.parse('2026-12-20T12:00:00Z');
const BASELINE = platelet('2026-10-30T09:00:00+00:00', 250);

interface Row {
  name: string;
  points: LabPoint[];
  orders: LmwhOrder[];
  doses?: RecordedDose[];
  state: HitState;
  pattern: number;
  falls: number;
  statement: string;
}

const rows: Row[] = [
  {
    name: 'a fall of 56% on day 7 of enoxaparin is the pattern',
    points: [BASELINE, platelet('2026-11-08T19:00:00+00:00', 110)],
    orders: [order(START)],
    state: 'pattern',
    pattern: 1,
    falls: 1,
    statement: 'Possible heparin-induced thrombocytopenia pattern: Platelets 110 ×10⁹/L on 8 Nov 2026 19:00 (UTC): 56% below the pre-heparin baseline 250 ×10⁹/L, day 7 of heparin (days 5–14 of heparin).',
  },
  {
    name: 'a fall on day 3 with no earlier heparin is not the pattern, but the fall is shown',
    points: [BASELINE, platelet('2026-11-04T19:00:00+00:00', 100)],
    orders: [order(START)],
    state: 'fall-outside-window',
    pattern: 0,
    falls: 1,
    statement: 'Platelets fell by 50% or more from the pre-heparin baseline 250 ×10⁹/L on 30 Oct 2026 09:00 (UTC), but outside days 5–14 of heparin: not the pattern; the fall is shown.',
  },
  {
    name: 'a fall on day 3 with heparin given 40 days before is the pattern (earlier onset)',
    points: [platelet('2026-09-01T09:00:00+00:00', 260), BASELINE, platelet('2026-11-04T19:00:00+00:00', 100)],
    orders: [order('2026-09-02T18:00:00+01:00', { end: '2026-09-22T18:00:00+01:00', status: 'completed', id: 'earlier' }), order(START)],
    state: 'pattern',
    pattern: 1,
    falls: 1,
    statement: 'Possible heparin-induced thrombocytopenia pattern: Platelets 100 ×10⁹/L on 4 Nov 2026 19:00 (UTC): 60% below the pre-heparin baseline 250 ×10⁹/L, day 3 of heparin (days 0–14 of heparin (heparin given in the previous 100 days)).',
  },
  {
    name: 'no platelet count before heparin: stated, not passed over',
    points: [platelet('2026-11-08T19:00:00+00:00', 110)],
    orders: [order(START)],
    state: 'no-baseline',
    pattern: 0,
    falls: 0,
    statement: 'No platelet count before heparin started (1 Nov 2026 18:00 (UTC)): the pattern cannot be checked.',
  },
  {
    name: 'a fall of 30% is no fall',
    points: [BASELINE, platelet('2026-11-08T19:00:00+00:00', 175)],
    orders: [order(START)],
    state: 'no-fall',
    pattern: 0,
    falls: 0,
    statement: 'No fall of 50% or more from the pre-heparin baseline 250 ×10⁹/L on 30 Oct 2026 09:00 (UTC) in 1 count(s) since heparin started (1 Nov 2026 18:00 (UTC)).',
  },
  {
    name: 'a fall of exactly 50% on day 10 counts',
    points: [BASELINE, platelet('2026-11-11T19:00:00+00:00', 125)],
    orders: [order(START)],
    state: 'pattern',
    pattern: 1,
    falls: 1,
    statement: 'Possible heparin-induced thrombocytopenia pattern: Platelets 125 ×10⁹/L on 11 Nov 2026 19:00 (UTC): 50% below the pre-heparin baseline 250 ×10⁹/L, day 10 of heparin (days 5–14 of heparin).',
  },
  {
    name: 'a fall on day 20 is outside days 5–14',
    points: [BASELINE, platelet('2026-11-21T19:00:00+00:00', 90)],
    orders: [order(START)],
    state: 'fall-outside-window',
    pattern: 0,
    falls: 1,
    statement: 'Platelets fell by 50% or more from the pre-heparin baseline 250 ×10⁹/L on 30 Oct 2026 09:00 (UTC), but outside days 5–14 of heparin: not the pattern; the fall is shown.',
  },
  {
    name: 'a baseline but no count since heparin started',
    points: [BASELINE],
    orders: [order(START)],
    state: 'no-count-after-start',
    pattern: 0,
    falls: 0,
    statement: 'No platelet count since heparin started (1 Nov 2026 18:00 (UTC)); pre-heparin baseline 250 ×10⁹/L on 30 Oct 2026 09:00 (UTC).',
  },
  {
    name: 'no heparin at all',
    points: [BASELINE],
    orders: [],
    state: 'no-heparin',
    pattern: 0,
    falls: 0,
    statement: 'No heparin order or recorded heparin dose in the record: the heparin-induced thrombocytopenia pattern is not checked.',
  },
  {
    name: 'fondaparinux is not heparin',
    points: [BASELINE, platelet('2026-11-08T19:00:00+00:00', 110)],
    orders: [order(START, { drug: 'fondaparinux', drugClass: 'fondaparinux' })],
    state: 'no-heparin',
    pattern: 0,
    falls: 0,
    statement: 'No heparin order or recorded heparin dose in the record: the heparin-induced thrombocytopenia pattern is not checked.',
  },
  {
    name: 'a plan (not an order) is not an exposure',
    points: [BASELINE, platelet('2026-11-08T19:00:00+00:00', 110)],
    orders: [order(START, { isOrder: false })],
    state: 'no-heparin',
    pattern: 0,
    falls: 0,
    statement: 'No heparin order or recorded heparin dose in the record: the heparin-induced thrombocytopenia pattern is not checked.',
  },
  {
    name: 'an order without a start and no dose times: the start is unknown',
    points: [BASELINE, platelet('2026-11-08T19:00:00+00:00', 110)],
    orders: [order(undefined)],
    state: 'start-unknown',
    pattern: 0,
    falls: 0,
    statement: 'Heparin start is not known (orders without a start date and no recorded dose with a time): the pattern cannot be checked.',
  },
  {
    name: 'an administration before the order start starts the course (the count between them is not a baseline)',
    points: [platelet('2026-10-31T09:00:00+00:00', 250), platelet('2026-11-07T09:00:00+00:00', 110)],
    orders: [order(START)],
    doses: [dose('2026-10-30T18:00:00+00:00')],
    state: 'no-baseline',
    pattern: 0,
    falls: 0,
    statement: 'No platelet count before heparin started (30 Oct 2026 18:00 (UTC)): the pattern cannot be checked.',
  },
];

describe('hitPattern', () => {
  it.each(rows)('$name', (row) => {
    const r = hitPattern(series(row.points), row.orders, row.doses ?? [], NOW, ZONE);
    expect(r.state).toBe(row.state);
    expect(r.pattern).toHaveLength(row.pattern);
    expect(r.falls).toHaveLength(row.falls);
    expect(r.statement.code).toBe(r.state === 'no-heparin' ? 'hit.no-heparin' : r.state === 'start-unknown' ? 'hit.start-unknown' : r.statement.code);
    expect(words(r.statement)).toBe(row.statement);
  });

  it('labels the pattern without a guideline: the 50% / days 5–14 highlight is an UNVERIFIED citation', () => {
    const r = hitPattern(series(rows[0]!.points), rows[0]!.orders, [], NOW, ZONE);
    expect(r.statement.code).toBe('hit.pattern');
    expect(m.t('coag.hit.attribution')).toContain('pattern described in HIT literature; citation not verified here');
    expect(words(r.statement)).not.toMatch(/guideline|ASH|RCOG|ACCP/i);
  });

  it('cites only the VERIFIED rows: LMWH only -> routine monitoring not recommended; prior heparin -> baseline and within 24 h', () => {
    const lmwh = hitPattern(series(rows[0]!.points), rows[0]!.orders, [], NOW, ZONE);
    expect(lmwh.guidance.map((g) => g.id)).toEqual(['lmwh-only-obstetric']);
    const prior = hitPattern(series(rows[2]!.points), rows[2]!.orders, [], NOW, ZONE);
    expect(prior.guidance.map((g) => g.id)).toEqual(['lmwh-only-obstetric', 'prior-heparin-100-days']);
    expect(prior.courses[1]!.priorExposure?.daysBefore).toBe(40);
    const ufh = hitPattern(series(rows[0]!.points), [order(START, { drug: 'heparin', drugClass: 'ufh' })], [], NOW, ZONE);
    expect(ufh.guidance).toEqual([HIT_GUIDANCE['ufh-obstetric']]);
    for (const g of Object.values(HIT_GUIDANCE)) expect(g.verification).toBe('VERIFIED');
  });

  it('heparin more than 100 days before is not a recent exposure: day 3 is then not the pattern', () => {
    const r = hitPattern(
      series([platelet('2026-05-01T09:00:00+01:00', 260), BASELINE, platelet('2026-11-04T19:00:00+00:00', 100)]),
      [order('2026-05-02T18:00:00+01:00', { end: '2026-06-02T18:00:00+01:00', status: 'completed', id: 'old' }), order(START)],
      [],
      NOW,
      ZONE,
    );
    expect(r.state).toBe('fall-outside-window');
    expect(r.courses).toHaveLength(2);
    expect(r.courses[1]!.priorExposure).toBeUndefined();
  });

  it('a count reported as a bound below half the baseline is "at least" a fall; a ">" bound is not a fall', () => {
    const lower = hitPattern(series([BASELINE, platelet('2026-11-08T19:00:00+00:00', 20, { comparator: '<' })]), [order(START)], [], NOW, ZONE);
    expect(words(lower.pattern[0]!.text)).toContain('<20 ×10⁹/L on 8 Nov 2026 19:00 (UTC): at least 92% below');
    const upper = hitPattern(series([BASELINE, platelet('2026-11-08T19:00:00+00:00', 20, { comparator: '>' })]), [order(START)], [], NOW, ZONE);
    expect(upper.state).toBe('no-fall');
  });

  it('a date-only count on the day heparin started is neither baseline nor follow-up, and says so', () => {
    const r = hitPattern(series([platelet('2026-11-01', 250), platelet('2026-11-08T19:00:00+00:00', 110)]), [order(START)], [], NOW, ZONE);
    expect(r.state).toBe('no-baseline');
    expect(r.caveats.map(words)).toContain('platelet count dated 1 Nov 2026 cannot be placed before or after heparin started (1 Nov 2026 18:00 (UTC))');
  });

  it('an order with no start is named as a caveat when other exposures date the course', () => {
    const r = hitPattern(series(rows[0]!.points), [order(START), order(undefined, { id: 'nostart' })], [], NOW, ZONE);
    expect(r.state).toBe('pattern');
    expect(r.caveats.map(words)).toEqual(['Enoxaparin order MedicationRequest/nostart has no start date: heparin may have started earlier than shown']);
  });

  it('garbage input gives an answer, not an exception', () => {
    expect(() => hitPattern(undefined as never, null as never, [{} as never], NaN)).not.toThrow();
  });

  it('demo ivf-ohss: baseline 262 before enoxaparin started, no count since', async () => {
    const rec = await demoRecord('ivf-ohss');
    const r = hitPattern(rec.labs.platelets, rec.medication.orders.map((o) => o.order), rec.medication.doses, rec.nowMs, rec.zone);
    expect(r.state).toBe('no-count-after-start');
    expect(r.courses[0]!.baseline.known && r.courses[0]!.baseline.value.point.value).toBe(262);
  });

  it('demo third-trimester: booking count 248 is the baseline, no fall of 50% (206 latest)', async () => {
    const rec = await demoRecord('third-trimester');
    const r = hitPattern(rec.labs.platelets, rec.medication.orders.map((o) => o.order), rec.medication.doses, rec.nowMs, rec.zone);
    expect(r.state).toBe('no-fall');
    expect(words(r.statement)).toContain('baseline 248 ×10⁹/L');
    expect(rec.hitPattern).toEqual(r);
  });
});
