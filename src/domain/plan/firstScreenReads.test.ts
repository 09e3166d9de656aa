/**
 * The first screen renders before the lab results are read. That is only safe if nothing it shows is read from them:
 * for every demo patient, the record built while the searches after it are still being read gives the same stop-now
 * alerts, plan-strip order, last dose, next event and deadlines as the whole record, and only the red flags that read
 * lab results (FLAG_READS) wait.
 */
import { describe, expect, it } from 'vitest';
import { demoRecord, demoRecordAtFirstScreen, demoResources, isReadAfterFirstScreen, type DemoPatientId } from '../../../test/support/demo-record';
import { AFTER_FIRST_SCREEN, FIRST_SCREEN_READS } from './firstScreenReads';
import { flagReads } from './redFlags';
import { QUERY_GROUPS } from '../input';

const DEMO_IDS: DemoPatientId[] = ['ivf-ohss', 'third-trimester', 'recurrent-miscarriage', 'bleeding', 'no-lmwh', 'many-labs', 'planned-surgery', 'ivf-frozen-positive', 'ivf-negative-hcg'];
async function records(id: DemoPatientId) {
  return { whole: await demoRecord(id), reading: await demoRecordAtFirstScreen(id), removed: demoResources(id).filter(isReadAfterFirstScreen).length };
}

describe('the first screen while the searches after it are still being read', () => {
  it('the first screen reads no lab result; with what is read after it, every search', () => {
    expect([...FIRST_SCREEN_READS, ...AFTER_FIRST_SCREEN].sort()).toEqual([...QUERY_GROUPS].sort());
    for (const lab of ['observations-ddimer', 'observations-coagulation', 'observations-findings', 'diagnostic-reports'] as const) expect(FIRST_SCREEN_READS).not.toContain(lab);
  });

  it.each(DEMO_IDS)('%s: the same stop-now alerts, order, last dose, next event and deadlines as the whole record', async (id) => {
    const { whole, reading } = await records(id);
    expect(reading.rules.triggers).toEqual(whole.rules.triggers);
    expect(reading.plan.order).toEqual(whole.plan.order);
    expect(reading.plan.noLmwhOrder).toBe(whole.plan.noLmwhOrder);
    expect(reading.plan.medicationsComplete).toBe(whole.plan.medicationsComplete);
    expect(reading.plan.lastDose).toEqual(whole.plan.lastDose);
    expect(reading.plan.nextCardIndex).toBe(whole.plan.nextCardIndex);
    expect(reading.plan.cards).toEqual(whole.plan.cards);
    // What the strip reads of the next event's card (its notes and delivery facts, which name the latest platelet
    // count, belong to the stop-criteria section, which waits for the whole record).
    const next = (r: typeof whole) => {
      const card = r.plan.nextCardIndex === undefined ? undefined : r.rules.cards[r.plan.nextCardIndex];
      return card && { event: card.event, applies: card.applies, anchorMs: card.anchorMs, countdownMs: card.countdownMs, deadlines: card.deadlines, doseClass: card.doseClass };
    };
    expect(next(reading)).toEqual(next(whole));
  });

  it.each(DEMO_IDS)('%s: only the flags read from lab results wait; every other flag is as in the whole record', async (id) => {
    const { whole, reading } = await records(id);
    for (const f of reading.plan.redFlags) {
      const answer = whole.plan.redFlags.find((w) => w.code === f.code)!;
      const waits = flagReads(answer).some((g) => AFTER_FIRST_SCREEN.includes(g));
      if (waits) expect(f.state, f.code).toBe('reading');
      else expect(f, f.code).toEqual(answer);
    }
    expect(whole.plan.redFlags.some((f) => f.state === 'reading')).toBe(false);
  });

  it('the demo records do hold results to leave out', async () => {
    expect((await records('many-labs')).removed).toBeGreaterThan(20);
    expect((await records('third-trimester')).removed).toBeGreaterThan(0);
  });
});
