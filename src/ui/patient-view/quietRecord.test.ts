import { describe, expect, it } from 'vitest';
import { demoRecord, type DemoPatientId } from '../../../test/support/demo-record';
import { isQuietRecord } from './quietRecord';

describe('isQuietRecord', () => {
  it('no-lmwh (no order, not pregnant, nothing planned, no D-dimer): quiet', async () => {
    expect(isQuietRecord(await demoRecord('no-lmwh'))).toBe(true);
  });

  const busy: DemoPatientId[] = ['third-trimester', 'planned-surgery', 'bleeding', 'recurrent-miscarriage', 'ivf-ohss', 'ivf-frozen-positive', 'ivf-negative-hcg', 'many-labs'];
  for (const id of busy) {
    it(`${id}: not quiet (an order, a pregnancy, an event or a finding to act on)`, async () => {
      expect(isQuietRecord(await demoRecord(id))).toBe(false);
    });
  }

  it('one planned event is enough to show every section', async () => {
    const r = await demoRecord('no-lmwh');
    const event = (await demoRecord('planned-surgery')).events.planned[0]!;
    expect(isQuietRecord({ ...r, events: { ...r.events, planned: [event] } })).toBe(false);
  });
});
