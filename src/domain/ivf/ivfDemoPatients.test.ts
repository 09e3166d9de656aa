import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, type UnitConverter } from '../labs';
import { ivfCycleFromRecord, ivfIndications, lmwhOrdersOf, lmwhStartRelativeToProtocol, pregnancyConfirmation, supplyCoverage } from '.';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoResources, recordInputFor, type DemoPatientId } from '../../../test/support/demo-record';
import { byCode } from '../matchedBy';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});
function model(id: DemoPatientId) {
  const input = recordInputFor(demoResources(id), id);
  const cycle = ivfCycleFromRecord(input, { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units });
  const orders = lmwhOrdersOf(input, DEMO_TEST_ZONE);
  return {
    cycle,
    confirmation: pregnancyConfirmation(cycle, orders, DEMO_TEST_NOW, DEMO_TEST_ZONE),
    lmwh: lmwhStartRelativeToProtocol(cycle, orders),
    indications: ivfIndications(cycle, input),
    supply: supplyCoverage(input, orders, DEMO_TEST_NOW, DEMO_TEST_ZONE),
  };
}

describe('the IVF demo patients, read as the fertility clinic reads them', () => {
  it('ivf-ohss: transfer + 10 days, day-5 embryo, not confirmed, hCG planned tomorrow, four estradiol results, OHSS risk (mild)', () => {
    const m = model('ivf-ohss');
    expect(m.confirmation).toMatchObject({ status: 'not-confirmed', daysSinceTransfer: 10, embryoAgeDays: { value: 5 }, gestationIsHypothetical: true });
    expect(m.confirmation.gestation).toMatchObject({ known: true, value: { days: 29 } });
    expect(m.confirmation.plannedHcgTest?.source.id).toBe('ivf-ohss-sr-hcg');
    expect(m.cycle.stimulationStart).toMatchObject({ known: true, value: { matched: byCode('ATC', 'G03GA05') } });
    expect(m.cycle.trigger).toMatchObject({ known: true, value: { matched: byCode('ATC', 'G03GA08') } });
    expect(m.cycle.estradiol.map((e) => e.reported.value)).toEqual([2650, 4120, 1380, 2240]);
    expect(m.cycle.estradiol.map((e) => e.pmolPerL.known && e.pmolPerL.value)).toEqual([9728.15, 15124.5, 5065.98, 8223.04]);
    expect(m.cycle.ohss).toMatchObject([{ kind: 'risk', severity: { known: true, value: { value: 'mild' } } }]);
    expect(m.cycle.lutealSupport.map((l) => l.drug).sort()).toEqual(['estradiol', 'progesterone']);
    expect(m.indications.map((i) => i.status)).toEqual(['found', 'found']);
    expect(m.lmwh.status).toBe('started-after-protocol-start');
    expect(m.supply).toMatchObject({ status: 'unknown', reason: { code: 'ivf.supply-no-dispense' } });
  });

  it('ivf-frozen-positive: frozen, day 5, confirmed by hCG, 6w1d counted from the transfer; estradiol reported in pmol/L', () => {
    const m = model('ivf-frozen-positive');
    expect(m.cycle.transfer).toMatchObject({ known: true, value: { transferType: { known: true, value: { value: 'frozen' } } } });
    expect(m.confirmation).toMatchObject({ status: 'confirmed', gestationIsHypothetical: false, decisive: { kind: 'pregnancy-status' } });
    expect(m.confirmation.gestation).toMatchObject({ known: true, value: { days: 43, atTransferDays: 19 } });
    expect(m.cycle.hcg.map((h) => [h.specimen, h.outcome])).toEqual([['urine', 'positive'], ['serum', 'positive'], ['serum', 'positive']]);
    expect(m.cycle.estradiol.map((e) => [e.reported.unit, e.pgPerMl.known && e.pgPerMl.value])).toEqual([['pmol/L', 231.545], ['pmol/L', 449.469]]);
  });

  it('ivf-negative-hcg: not pregnant after this transfer, the active enoxaparin flagged, syringes run out before the order ends', () => {
    const m = model('ivf-negative-hcg');
    expect(m.cycle.transfer).toMatchObject({ known: true, value: { transferType: { value: { value: 'fresh' } }, embryoAge: { value: { days: 3 } } } });
    expect(m.cycle.trigger).toMatchObject({ known: true, value: { matched: byCode('ATC', 'G03GA01') } });
    expect(m.confirmation).toMatchObject({ status: 'negative', lmwhAfterNegative: { state: 'active', reason: { code: 'ivf.lmwh-active-after-negative-hcg' } } });
    expect(m.supply.status).toBe('runs-out');
    expect(m.supply.flags.map((f) => f.code)).toEqual(['ivf.supply-runs-out-before-order-end']);
  });
});
