import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, type UnitConverter } from '../labs';
import { ivfCycleFromRecord } from './ivfCycle';
import { ivfIndications, ohssIndicationFacts } from './ivfIndications';
import { NOW, ZONE, administration, at, condition, embryoAge, lab, medOrder, record, retrieval, transfer } from '../../../test/support/ivfRecordBuilders';
import { byCode, byText } from '../matchedBy';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});
const cycleOf = (resources: fhir4.Resource[], incomplete: Parameters<typeof record>[1] = []) => ivfCycleFromRecord(record(resources, incomplete), { nowMs: NOW, zone: ZONE, units });

describe('cycle steps', () => {
  it('reads stimulation, trigger, retrieval and the transfer in order, each with its code', () => {
    const c = cycleOf([
      medOrder('fsh', 'G03GA05', 'Gonal-f 150 IU', at(-30), '150 IU SC daily'),
      administration('trig', 'G03GA08', 'Ovitrelle 250 micrograms', at(-20, -1)),
      retrieval('opu', at(-19)),
      transfer('et', at(-14)),
    ]);
    expect(c.stimulationStart).toMatchObject({ known: true, value: { atMs: Date.parse(at(-30)), matched: byCode('ATC', 'G03GA05') } });
    expect(c.trigger).toMatchObject({ known: true, value: { atMs: Date.parse(at(-20, -1)), matched: byCode('ATC', 'G03GA08') } });
    expect(c.oocyteRetrieval).toMatchObject({ known: true, value: { matched: byCode('SNOMED', '177037000'), source: { id: 'opu' } } });
    expect(c.transfer).toMatchObject({ known: true, value: { matched: byCode('SNOMED', '75456002'), source: { id: 'et' } } });
  });

  it('a step missing from a complete record is "not recorded"; from an incomplete search it is "search incomplete"', () => {
    expect(cycleOf([transfer('et', at(-5))]).oocyteRetrieval).toEqual({ known: false, reason: { code: 'ivf.step-not-recorded' } });
    expect(cycleOf([], ['procedures']).transfer).toMatchObject({ known: false, reason: { code: 'ivf.search-incomplete', params: { group: 'procedures' } } });
    expect(cycleOf([]).transfer).toEqual({ known: false, reason: { code: 'ivf.no-transfer' } });
  });

  it('a planned (preparation) transfer is not a cycle step and is listed as excluded', () => {
    const c = cycleOf([transfer('et', at(2), { status: 'preparation' })]);
    expect(c.transfer.known).toBe(false);
    expect(c.excluded[0]).toMatchObject({ source: { id: 'et' }, reason: { code: 'ivf.result-status-excluded' } });
  });
});

describe('fresh vs frozen, day-3 vs day-5', () => {
  it('a coded frozen embryo transfer (SNOMED 236894009) is frozen, by code', () => {
    const c = cycleOf([transfer('et', at(-3), { code: '236894009', text: 'Frozen embryo transfer' })]);
    expect(c.transfer.known && c.transfer.value.transferType).toEqual({ known: true, value: { value: 'frozen', recognisedBy: 'snomed', matched: byCode('SNOMED', '236894009') } });
  });
  it('a transfer noted "fresh cycle" is fresh, labelled as a text match; nothing written stays unknown', () => {
    const fresh = cycleOf([transfer('et', at(-3), { note: 'Single embryo (fresh cycle).' })]);
    expect(fresh.transfer.known && fresh.transfer.value.transferType).toMatchObject({ known: true, value: { value: 'fresh', recognisedBy: 'text', matched: byText('fresh') } });
    const none = cycleOf([transfer('et', at(-3))]);
    expect(none.transfer.known && none.transfer.value.transferType).toEqual({ known: false, reason: { code: 'ivf.transfer-type-not-recorded' } });
  });
  it.each([3, 5])('a coded embryo age of day %i is read from the local IVF code, linked by partOf', (days) => {
    const c = cycleOf([transfer('et', at(-3)), embryoAge('age', 'et', days, at(-3))]);
    expect(c.transfer.known && c.transfer.value.embryoAge).toMatchObject({ known: true, value: { days, recognisedBy: 'local-code', source: { id: 'age' } } });
  });
  it('a day-3 embryo written in the note is read from text, labelled', () => {
    const c = cycleOf([transfer('et', at(-3), { note: 'Two day-3 embryos transferred.' })]);
    expect(c.transfer.known && c.transfer.value.embryoAge).toMatchObject({ known: true, value: { days: 3, recognisedBy: 'text', matched: byText('day-3') } });
  });
  it('plain "blastocyst" does not say day 5 or 6: the age stays unknown', () => {
    const c = cycleOf([transfer('et', at(-3), { note: 'Single blastocyst transfer.' })]);
    expect(c.transfer.known && c.transfer.value.embryoAge).toEqual({ known: false, reason: { code: 'ivf.embryo-age-blastocyst-day-not-stated' } });
  });
  it('two coded embryo ages that disagree make the age unknown', () => {
    const c = cycleOf([transfer('et', at(-3)), embryoAge('a1', 'et', 3, at(-3)), embryoAge('a2', 'et', 5, at(-3))]);
    expect(c.transfer.known && c.transfer.value.embryoAge).toMatchObject({ known: false, reason: { code: 'ivf.embryo-age-conflict' } });
  });
});

describe('estradiol pg/mL <-> pmol/L', () => {
  const q = (value: number, code: string) => ({ valueQuantity: { value, unit: code, system: 'http://unitsofmeasure.org', code } });
  it('2650 pg/mL (2243-4) is kept as reported and is 9728.15 pmol/L', () => {
    const [r] = cycleOf([lab('e2', '2243-4', at(-1), q(2650, 'pg/mL'))]).estradiol;
    expect(r).toMatchObject({ reported: { value: 2650, unit: 'pg/mL' }, reportedAs: { known: true, value: 'mass' }, pgPerMl: { known: true, value: 2650 } });
    expect(r?.pmolPerL).toEqual({ known: true, value: 9728.15 });
  });
  it('3671 pmol/L (14715-7) is 1000 pg/mL; 1.5 nmol/L converts through UCUM first', () => {
    const [a, b] = cycleOf([lab('e2a', '14715-7', at(-2), q(3671, 'pmol/L')), lab('e2b', '14715-7', at(-1), q(1.5, 'nmol/L'))]).estradiol;
    expect(a).toMatchObject({ reportedAs: { value: 'molar' }, pmolPerL: { value: 3671 }, pgPerMl: { value: 1000 } });
    expect(b).toMatchObject({ pmolPerL: { value: 1500 }, pgPerMl: { value: 408.608 } });
  });
  it('a mass unit under the molar code is not converted (unknown, with the unit and code)', () => {
    const [r] = cycleOf([lab('e2', '14715-7', at(-1), q(200, 'pg/mL'))]).estradiol;
    expect(r?.pgPerMl).toEqual({ known: false, reason: { code: 'ivf.estradiol-unit-not-convertible', params: { unit: 'pg/mL', code: '14715-7' } } });
  });
});

describe('OHSS severity vs risk', () => {
  it('"mild; risk" is a risk of OHSS with severity mild from text, not the syndrome', () => {
    const [o] = cycleOf([condition('c', { code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N98.1' }], text: 'Ovarian hyperstimulation syndrome, mild; risk' } })]).ohss;
    expect(o).toMatchObject({ kind: 'risk', kindFrom: 'text', severity: { known: true, value: { value: 'mild', from: 'text' } }, matched: byCode('ICD-10-CM', 'N98.1') });
  });
  it('coded OHSS with a coded severity (SNOMED 6736007) is the syndrome, moderate, by code', () => {
    const [o] = cycleOf([
      condition('c', { code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N98.1' }] }, severity: { coding: [{ system: 'http://snomed.info/sct', code: '6736007' }] } }),
    ]).ohss;
    expect(o).toMatchObject({ kind: 'disorder', kindFrom: 'code', severity: { known: true, value: { value: 'moderate', from: 'coded', matched: byCode('SNOMED', '6736007') } } });
  });
  it('OHSS without a severity keeps the severity unknown; a refuted one is excluded', () => {
    const c = cycleOf([
      condition('c1', { code: { text: 'OHSS' } }),
      condition('c2', { code: { text: 'OHSS' }, verificationStatus: { coding: [{ code: 'refuted' }] } }),
    ]);
    expect(c.ohss).toHaveLength(1);
    expect(c.ohss[0]).toMatchObject({ kind: 'disorder', recognisedBy: 'text', severity: { known: false, reason: { code: 'ivf.ohss-severity-not-recorded' } } });
    expect(c.excluded[0]).toMatchObject({ source: { id: 'c2' }, reason: { code: 'ivf.ohss-entered-in-error' } });
  });
});

describe('the source IVF indications', () => {
  it('OHSS risk after a transfer is found with both records; a high-dose estradiol order is found by its written words', () => {
    const input = record([
      transfer('et', at(-10)),
      condition('ohss', { code: { text: 'OHSS risk' } }),
      medOrder('e2', 'G03CA03', 'Estradiol 2 mg tablets (high dose)', at(-15), '2 mg three times daily'),
    ]);
    const ind = ivfIndications(ivfCycleFromRecord(input, { nowMs: NOW, zone: ZONE, units }), input);
    expect(ind.map((i) => [i.kind, i.status, i.evidence.map((e) => e.id)])).toEqual([
      ['ohss-risk-after-transfer', 'found', ['ohss', 'et']],
      ['high-dose-estrogen', 'found', ['e2']],
    ]);
  });
  it('an estradiol order without "high dose" is unclear (the app does not judge the dose); nothing found is not found', () => {
    const withE2 = record([medOrder('e2', 'G03CA03', 'Estradiol 2 mg', at(-15), '2 mg daily')]);
    const [ohss, e2] = ivfIndications(ivfCycleFromRecord(withE2, { nowMs: NOW, zone: ZONE, units }), withE2);
    expect(ohss).toMatchObject({ status: 'not-found', reason: { code: 'ivf.no-ohss-record' } });
    expect(e2).toMatchObject({ status: 'unclear', reason: { code: 'ivf.estrogen-dose-not-judged' } });
  });
  it('with the Condition search incomplete, OHSS risk is unknown, not "not found"', () => {
    const input = record([], ['conditions']);
    expect(ivfIndications(ivfCycleFromRecord(input, { nowMs: NOW, zone: ZONE, units }), input)[0]).toMatchObject({ status: 'unknown', reason: { code: 'ivf.search-incomplete' } });
  });
});

describe('planned hCG tests and the stimulation window', () => {
  it('an Appointment based on an hCG ServiceRequest without a date gives the planned date; a revoked request is not planned', () => {
    const sr: fhir4.ServiceRequest = { resourceType: 'ServiceRequest', id: 'sr', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, code: { text: 'Serum beta-hCG' } };
    const revoked: fhir4.ServiceRequest = { ...sr, id: 'old', status: 'revoked', occurrenceDateTime: at(1) };
    const appt: fhir4.Appointment = { resourceType: 'Appointment', id: 'ap', status: 'booked', start: at(2), end: at(2, 1), basedOn: [{ reference: 'ServiceRequest/sr' }], participant: [{ actor: { reference: 'Patient/p1' }, status: 'accepted' }] };
    const c = cycleOf([transfer('et', at(-9)), sr, revoked, appt]);
    expect(c.plannedHcgTests.map((p) => [p.source.resourceType, p.source.id, p.matched])).toEqual([['Appointment', 'ap', byText('beta-hCG')]]);
  });

  it('gonadotropins from an earlier cycle (more than the window before the retrieval) are not this cycle\'s stimulation', () => {
    const c = cycleOf([medOrder('old', 'G03GA05', 'Gonal-f', at(-120), '150 IU'), retrieval('opu', at(-19)), transfer('et', at(-14))]);
    expect(c.stimulationStart).toEqual({ known: false, reason: { code: 'ivf.step-not-recorded' } });
  });
});

describe('records the cycle reader leaves out go to the exclusions, with the reason and provenance', () => {
  it('a transfer marked completed but dated after now is excluded, not silently dropped', () => {
    const c = cycleOf([transfer('et-past', at(-10)), transfer('et-future', at(3))]);
    expect(c.transfer).toMatchObject({ known: true, value: { source: { id: 'et-past' } } });
    expect(c.excluded).toEqual([expect.objectContaining({ view: 'ivf-cycle', source: expect.objectContaining({ id: 'et-future', resourceType: 'Procedure' }), reason: { code: 'ivf.transfer-after-now' } })]);
  });

  it('a trigger or gonadotropin record whose date cannot be read is excluded with "date cannot be read" and its match', () => {
    const trig = { ...administration('trig', 'G03GA08', 'Ovitrelle 250 micrograms', 'yesterday evening') };
    const fsh = { ...medOrder('fsh', 'G03GA05', 'Gonal-f 150 IU', 'not a date', '150 IU SC daily') };
    const c = cycleOf([trig, fsh, transfer('et', at(-5))]);
    expect(c.trigger.known).toBe(false);
    expect(c.excluded.map((e) => [e.source.id, e.source.matchedBy, e.reason])).toEqual(
      expect.arrayContaining([
        ['trig', byCode('ATC', 'G03GA08'), { code: 'ivf.medication-time-unreadable' }],
        ['fsh', byCode('ATC', 'G03GA05'), { code: 'ivf.medication-time-unreadable' }],
      ]),
    );
  });

  it('two transfer records on the same day: the later one is kept, the other excluded naming it; different embryo ages make the age unknown', () => {
    const c = cycleOf([transfer('et-a', at(-10, 1)), embryoAge('age-a', 'et-a', 3, at(-10, 1)), transfer('et-b', at(-10, 2)), embryoAge('age-b', 'et-b', 5, at(-10, 2))]);
    expect(c.transfers.map((t) => t.source.id)).toEqual(['et-b']);
    expect(c.transfer).toMatchObject({ known: true, value: { source: { id: 'et-b' }, embryoAge: { known: false, reason: { code: 'ivf.embryo-age-conflict', params: { days: '3, 5' } } } } });
    expect(c.excluded).toEqual([{ view: 'ivf-cycle', source: expect.objectContaining({ id: 'et-a' }), reason: { code: 'ivf.transfer-same-day', params: { kept: 'et-b' } } }]);
  });

  it('the same transfer recorded twice with the same embryo age keeps that age', () => {
    const c = cycleOf([transfer('et-a', at(-10, 1)), embryoAge('age-a', 'et-a', 5, at(-10, 1)), transfer('et-b', at(-10, 1)), embryoAge('age-b', 'et-b', 5, at(-10, 1))]);
    expect(c.transfer).toMatchObject({ known: true, value: { embryoAge: { known: true, value: { days: 5 } } } });
    expect(c.excluded).toHaveLength(1);
  });

  it('an hCG result with an unreadable date is excluded with its LOINC match', () => {
    const c = cycleOf([transfer('et', at(-14)), lab('hcg', '21198-7', 'soon', { valueQuantity: { value: 100, unit: 'mIU/mL' } })]);
    expect(c.hcg).toHaveLength(0);
    expect(c.excluded).toEqual([{ view: 'ivf-cycle', source: expect.objectContaining({ id: 'hcg', matchedBy: byCode('LOINC', '21198-7') }), reason: { code: 'ivf.result-time-unreadable' } }]);
  });
});

describe('OHSS for the indications panel: one model, syndrome vs risk, severity', () => {
  const icd = [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N98.1' }];
  it('"mild; risk" becomes an "ohss-risk" fact labelled with the severity from text; coded moderate OHSS an "ohss" fact', () => {
    const c = cycleOf([
      condition('risk', { code: { coding: icd, text: 'Ovarian hyperstimulation syndrome, mild; risk' } }),
      condition('dx', { code: { coding: icd, text: 'OHSS' }, severity: { coding: [{ system: 'http://snomed.info/sct', code: '6736007' }] }, onsetDateTime: at(-3) }),
    ]);
    const facts = ohssIndicationFacts(c);
    expect(facts.map((f) => [f.kind, f.status, f.label])).toEqual([
      ['ohss-risk', 'present', { code: 'ivf.ohss-indication', params: { written: 'Ovarian hyperstimulation syndrome, mild; risk', kind: 'risk', severity: 'mild', from: 'text' } }],
      ['ohss', 'present', { code: 'ivf.ohss-indication', params: { written: 'OHSS', kind: 'disorder', severity: 'moderate', from: 'coded' } }],
    ]);
    expect(facts[1]?.atMs).toBe(Date.parse(at(-3)));
  });

  it('no severity: "not-recorded"; an unconfirmed (provisional) OHSS is unclear, not present', () => {
    const [f] = ohssIndicationFacts(cycleOf([condition('c', { code: { text: 'OHSS' }, verificationStatus: { coding: [{ code: 'provisional' }] } })]));
    expect(f).toMatchObject({ kind: 'ohss', status: 'unclear', label: { params: { severity: 'not-recorded', from: 'none' } } });
  });
});
