import { describe, expect, it } from 'vitest';
import { reasonParam } from '../reasons';
import { countPregnancyLosses, findFacts } from './thrombophiliaFacts';
import { matchOf } from '../../../test/support/matchOf';

const ZONE = 'Europe/Berlin';
const SCT = 'http://snomed.info/sct';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

function condition(coding: fhir4.Coding[] | undefined, extra: Partial<fhir4.Condition> = {}, text?: string): fhir4.Condition {
  return {
    resourceType: 'Condition',
    id: 'c1',
    subject: { reference: 'Patient/p' },
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: { ...(coding ? { coding } : {}), ...(text ? { text } : {}) },
    onsetDateTime: '2025-11-02',
    ...extra,
  };
}
function labObs(code: string, extra: Partial<fhir4.Observation>): fhir4.Observation {
  return { resourceType: 'Observation', id: 'o1', status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, effectiveDateTime: '2026-01-10', ...extra };
}
const flag = (code: string): fhir4.CodeableConcept[] => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code }] }];
const one = (r: fhir4.Resource) => findFacts([r], ZONE);

describe('Conditions by code', () => {
  it.each<[string, fhir4.Coding, string, string]>([
    ['recurrent miscarriage SNOMED 102878001', { system: SCT, code: '102878001' }, 'recurrent-miscarriage', 'SNOMED 102878001'],
    ['pregnancy care for recurrent pregnancy loss O26.21', { system: ICD, code: 'O26.21' }, 'recurrent-miscarriage', 'ICD-10-CM O26.21'],
    ['recurrent pregnancy loss N96', { system: ICD, code: 'N96' }, 'recurrent-miscarriage', 'ICD-10-CM N96'],
    ['OHSS N98.1', { system: ICD, code: 'N98.1' }, 'ohss', 'ICD-10-CM N98.1'],
    ['APS in pregnancy 72161000119100', { system: SCT, code: '72161000119100' }, 'antiphospholipid-syndrome', 'SNOMED 72161000119100'],
    ['lupus anticoagulant syndrome D68.62', { system: ICD, code: 'D68.62' }, 'antiphospholipid-syndrome', 'ICD-10-CM D68.62'],
    ['APC resistance D68.51', { system: ICD, code: 'D68.51' }, 'apc-resistance', 'ICD-10-CM D68.51'],
    ['prothrombin gene mutation D68.52', { system: ICD, code: 'D68.52' }, 'prothrombin-g20210a', 'ICD-10-CM D68.52'],
    ['thrombophilia associated with pregnancy 441697004', { system: SCT, code: '441697004' }, 'thrombophilia', 'SNOMED 441697004'],
    ['PE I26.99', { system: ICD, code: 'I26.99' }, 'vte', 'ICD-10-CM I26.99'],
    ['DVT in pregnancy O22.31', { system: ICD, code: 'O22.31' }, 'vte', 'ICD-10-CM O22.31'],
    ['DVT 128053003', { system: SCT, code: '128053003' }, 'vte', 'SNOMED 128053003'],
    ['HIT D75.821 (FY2024 split)', { system: ICD, code: 'D75.821' }, 'hit', 'ICD-10-CM D75.821'],
    ['HIT 73397007', { system: SCT, code: '73397007' }, 'hit', 'SNOMED 73397007'],
    ['vaginal bleeding in early pregnancy 723665008', { system: SCT, code: '723665008' }, 'vaginal-bleeding', 'SNOMED 723665008'],
    ['antepartum haemorrhage O46.90', { system: ICD, code: 'O46.90' }, 'vaginal-bleeding', 'ICD-10-CM O46.90'],
    ['miscarriage O03.9 (WHO ICD-10)', { system: 'http://hl7.org/fhir/sid/icd-10', code: 'O03.9' }, 'miscarriage', 'ICD-10 O03.9'],
  ])('%s', (_n, coding, kind, matched) => {
    const { facts, exclusions } = one(condition([coding]));
    expect(exclusions).toEqual([]);
    expect(facts).toEqual([expect.objectContaining({ kind, matched: matchOf(matched as string), status: 'present' })]);
    expect(facts[0]!.when?.original).toBe('2025-11-02');
    expect(facts[0]!.source).toMatchObject({ resourceType: 'Condition', id: 'c1', matchedBy: matchOf(matched as string) });
  });

  it('an unrelated code is not a finding', () => {
    expect(one(condition([{ system: SCT, code: '77386006' }]))).toEqual({ facts: [], exclusions: [] });
  });
  it('the code O26.9 (not O26.2) is not recurrent miscarriage', () => {
    expect(one(condition([{ system: ICD, code: 'O26.9' }])).facts).toEqual([]);
  });
});

describe('Condition status', () => {
  it('resolved HIT is kept as history with its dates', () => {
    const c = condition([{ system: SCT, code: '73397007' }], { clinicalStatus: { coding: [{ code: 'resolved' }] }, abatementDateTime: '2025-12-01' });
    const f = one(c).facts[0]!;
    expect(f.status).toBe('history');
    expect(f.until?.original).toBe('2025-12-01');
  });
  it.each([['recurrence'], ['relapse']])('%s counts as current', (code) => {
    expect(one(condition([{ system: SCT, code: '59282003' }], { clinicalStatus: { coding: [{ code }] } })).facts[0]!.status).toBe('present');
  });
  it('a VTE without clinical status is unclear, not absent', () => {
    expect(one(condition([{ system: SCT, code: '59282003' }], { clinicalStatus: undefined })).facts[0]).toMatchObject({ status: 'unclear', detail: { code: 'findings.detail', params: { first: reasonParam({ code: 'findings.clinical-status-missing' }) } } });
  });
  it.each([['refuted'], ['entered-in-error']])('verification status %s is excluded with the reason', (code) => {
    const r = one(condition([{ system: SCT, code: '73397007' }], { verificationStatus: { coding: [{ code }] } }));
    expect(r.facts).toEqual([]);
    expect(r.exclusions).toEqual([expect.objectContaining({ view: 'findings', reason: { code: 'findings.excluded.verification', params: { status: code } } })]);
  });
  it('recordedDate is used when there is no onset', () => {
    expect(one(condition([{ system: SCT, code: '59282003' }], { onsetDateTime: undefined, recordedDate: '2024-03-01' })).facts[0]!.when?.original).toBe('2024-03-01');
  });
});

describe('text fallbacks are labelled and used only without a matching code', () => {
  it.each<[string, string]>([
    ['Ovarian hyperstimulation syndrome, moderate', 'ohss'],
    ['Bloody discharge from the vagina at 30 weeks', 'vaginal-bleeding'],
    ['Onset of labour 03:10', 'labour-onset'],
  ])('"%s" is %s by text', (text, kind) => {
    const f = one(condition(undefined, {}, text)).facts[0]!;
    expect(f).toMatchObject({ kind, recognisedBy: 'text' });
    expect(f.matched.by).toBe('text');
  });
  it('a code match wins over text', () => {
    expect(one(condition([{ system: ICD, code: 'N98.1' }], {}, 'vaginal bleeding')).facts[0]).toMatchObject({ kind: 'ohss', recognisedBy: 'icd10' });
  });
});

describe('heparin allergy', () => {
  const allergy = (code: fhir4.CodeableConcept, extra: Partial<fhir4.AllergyIntolerance> = {}): fhir4.AllergyIntolerance => ({
    resourceType: 'AllergyIntolerance',
    id: 'a1',
    patient: { reference: 'Patient/p' },
    clinicalStatus: { coding: [{ code: 'active' }] },
    code,
    recordedDate: '2020-05-01',
    ...extra,
  });
  it.each<[string, fhir4.CodeableConcept, string]>([
    ['RxNorm enoxaparin 67108', { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '67108' }] }, 'rxnorm'],
    ['SNOMED heparin 372877000', { coding: [{ system: SCT, code: '372877000' }] }, 'snomed'],
    ['ATC dalteparin B01AB04', { coding: [{ system: 'http://www.whocc.no/atc', code: 'B01AB04' }] }, 'atc'],
    ['text "Clexane"', { text: 'Clexane' }, 'text'],
  ])('%s is a heparin allergy', (_n, code, by) => {
    expect(one(allergy(code)).facts[0]).toMatchObject({ kind: 'heparin-allergy', status: 'present', recognisedBy: by });
  });
  it('a penicillin allergy is not a heparin allergy', () => {
    expect(one(allergy({ text: 'Penicillin' })).facts).toEqual([]);
  });
  it('a refuted heparin allergy is excluded', () => {
    expect(one(allergy({ text: 'heparin' }, { verificationStatus: { coding: [{ code: 'refuted' }] } })).exclusions).toHaveLength(1);
  });
});

describe('test results: positive vs tested negative vs unclear', () => {
  it.each<[string, fhir4.Observation, string, string]>([
    ['Factor V Leiden heterozygous is present', labObs('21668-9', { valueCodeableConcept: { text: 'Heterozygous' } }), 'factor-v-leiden', 'present'],
    ['Factor V Leiden "not detected" is tested negative', labObs('21668-9', { valueString: 'Not detected' }), 'factor-v-leiden', 'tested-negative'],
    ['prothrombin G20210A homozygous is present', labObs('24475-6', { valueString: 'Homozygous' }), 'prothrombin-g20210a', 'present'],
    ['lupus anticoagulant dRVVT flagged H is present', labObs('6303-2', { valueQuantity: { value: 55, unit: 's' }, interpretation: flag('H') }), 'lupus-anticoagulant', 'present'],
    ['lupus anticoagulant dRVVT flagged N is tested negative', labObs('6303-2', { valueQuantity: { value: 35, unit: 's' }, interpretation: flag('N') }), 'lupus-anticoagulant', 'tested-negative'],
    ['anticardiolipin IgG 45 GPL without a flag is unclear', labObs('3181-5', { valueQuantity: { value: 45, unit: "[GPL'U]/mL" } }), 'anticardiolipin', 'unclear'],
    ['beta-2 GPI IgM flagged POS is present', labObs('44449-7', { valueQuantity: { value: 40 }, interpretation: flag('POS') }), 'beta2-glycoprotein-i', 'present'],
    ['beta-2 GPI with SNOMED "negative" answer is tested negative', labObs('44448-9', { valueCodeableConcept: { coding: [{ system: SCT, code: '260385009' }] } }), 'beta2-glycoprotein-i', 'tested-negative'],
    ['protein S free flagged L is a deficiency finding', labObs('27821-8', { valueQuantity: { value: 30, unit: '%' }, interpretation: flag('L') }), 'protein-s-deficiency', 'present'],
    ['protein C flagged H is unclear (not a deficiency)', labObs('27818-4', { valueQuantity: { value: 160, unit: '%' }, interpretation: flag('H') }), 'protein-c-deficiency', 'unclear'],
    ['APC resistance ratio flagged L is present', labObs('13590-5', { valueQuantity: { value: 1.6 }, interpretation: flag('L') }), 'apc-resistance', 'present'],
    ['"equivocal" is unclear', labObs('34571-0', { valueString: 'equivocal' }), 'lupus-anticoagulant', 'unclear'],
    ['POS flag with a "negative" value is unclear (they disagree)', labObs('21668-9', { valueString: 'negative', interpretation: flag('POS') }), 'factor-v-leiden', 'unclear'],
  ])('%s', (_n, obs, kind, status) => {
    const { facts, exclusions } = one(obs);
    expect(exclusions).toEqual([]);
    expect(facts).toEqual([expect.objectContaining({ kind, status, recognisedBy: 'loinc' })]);
  });
  it('an entered-in-error result is excluded', () => {
    expect(one(labObs('21668-9', { status: 'entered-in-error', valueString: 'Heterozygous' })).exclusions[0]!.reason).toEqual({ code: 'findings.excluded.result-status', params: { status: 'entered-in-error' } });
  });
  it('a result with no value and no flag is excluded as no value', () => {
    expect(one(labObs('21668-9', { dataAbsentReason: { text: 'not performed' } })).exclusions[0]!.reason).toEqual({ code: 'lab.no-value-data-absent', params: { why: 'not performed' } });
  });
});

describe('recurrent miscarriage count', () => {
  it('two miscarriage records are two or more losses', () => {
    const { facts } = findFacts(
      [condition([{ system: SCT, code: '19169002' }], { id: 'm1' }), condition([{ system: ICD, code: 'O03.9' }], { id: 'm2', clinicalStatus: { coding: [{ code: 'resolved' }] } })],
      ZONE,
    );
    expect(countPregnancyLosses(facts)).toMatchObject({ miscarriageRecords: 2, recurrentMiscarriageCoded: false, twoOrMoreLosses: true, basis: { code: 'findings.losses.records', params: { n: 2 } } });
  });
  it('one miscarriage record does not claim fewer than two losses as fact', () => {
    const { facts } = findFacts([condition([{ system: SCT, code: '19169002' }])], ZONE);
    expect(countPregnancyLosses(facts)).toMatchObject({ twoOrMoreLosses: false, basis: { code: 'findings.losses.fewer', params: { n: 1 } } });
  });
  it('the recurrent-miscarriage code alone is enough', () => {
    const { facts } = findFacts([condition([{ system: SCT, code: '609442008' }])], ZONE);
    expect(countPregnancyLosses(facts)).toMatchObject({ recurrentMiscarriageCoded: true, twoOrMoreLosses: true, basis: { code: 'findings.losses.recurrent-coded' } });
  });
});
