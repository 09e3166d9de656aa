import { describe, expect, it } from 'vitest';
import { recogniseAnticoagulant, recogniseOtherRelevant } from './recognise';
import { byCode } from '../matchedBy';
import { matchOf } from '../../../test/support/matchOf';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ATC = 'http://www.whocc.no/atc';
const SCT = 'http://snomed.info/sct';
const cc = (system: string, code: string, display?: string): fhir4.CodeableConcept => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });

describe('recogniseAnticoagulant by code', () => {
  it.each([
    ['eCQM enoxaparin 0.3 mL syringe 854228 without display', cc(RX, '854228'), 'enoxaparin', 'lmwh', 'RxNorm 854228'],
    ['enoxaparin 40 mg syringe 854235', cc(RX, '854235'), 'enoxaparin', 'lmwh', 'RxNorm 854235'],
    ['enoxaparin 120 mg/0.8 mL 854245', cc(RX, '854245'), 'enoxaparin', 'lmwh', 'RxNorm 854245'],
    ['enoxaparin vial 854255', cc(RX, '854255'), 'enoxaparin', 'lmwh', 'RxNorm 854255'],
    ['Lovenox SBD 854236', cc(RX, '854236'), 'enoxaparin', 'lmwh', 'RxNorm 854236'],
    ['enoxaparin IN 67108', cc(RX, '67108'), 'enoxaparin', 'lmwh', 'RxNorm 67108'],
    ['enoxaparin sodium PIN 221095', cc(RX, '221095'), 'enoxaparin', 'lmwh', 'RxNorm 221095'],
    ['Lovenox BN 225036', cc(RX, '225036'), 'enoxaparin', 'lmwh', 'RxNorm 225036'],
    ['dalteparin IN 67109', cc(RX, '67109'), 'dalteparin', 'lmwh', 'RxNorm 67109'],
    ['dalteparin 2500 IU syringe 978725', cc(RX, '978725'), 'dalteparin', 'lmwh', 'RxNorm 978725'],
    ['Fragmin SBD 978735', cc(RX, '978735'), 'dalteparin', 'lmwh', 'RxNorm 978735'],
    ['heparin IN 5224', cc(RX, '5224'), 'heparin', 'ufh', 'RxNorm 5224'],
    ['heparin sodium porcine 314659', cc(RX, '314659'), 'heparin', 'ufh', 'RxNorm 314659'],
    ['fondaparinux IN 321208', cc(RX, '321208'), 'fondaparinux', 'fondaparinux', 'RxNorm 321208'],
    ['Arixtra BN 322155', cc(RX, '322155'), 'fondaparinux', 'fondaparinux', 'RxNorm 322155'],
    ['fondaparinux 2.5 mg SCD 861360', cc(RX, '861360'), 'fondaparinux', 'fondaparinux', 'RxNorm 861360'],
    ['ATC B01AB05 enoxaparin', cc(ATC, 'B01AB05'), 'enoxaparin', 'lmwh', 'ATC B01AB05'],
    ['ATC B01AB04 dalteparin', cc(ATC, 'B01AB04'), 'dalteparin', 'lmwh', 'ATC B01AB04'],
    ['ATC B01AB06 nadroparin', cc(ATC, 'B01AB06'), 'nadroparin', 'lmwh', 'ATC B01AB06'],
    ['ATC B01AB10 tinzaparin', cc(ATC, 'B01AB10'), 'tinzaparin', 'lmwh', 'ATC B01AB10'],
    ['ATC B01AB13 certoparin', cc(ATC, 'B01AB13'), 'certoparin', 'lmwh', 'ATC B01AB13'],
    ['ATC B01AB01 heparin', cc(ATC, 'B01AB01'), 'heparin', 'ufh', 'ATC B01AB01'],
    ['ATC B01AX05 fondaparinux', cc(ATC, 'B01AX05'), 'fondaparinux', 'fondaparinux', 'ATC B01AX05'],
    ['SNOMED enoxaparin substance', cc(SCT, '372562003'), 'enoxaparin', 'lmwh', 'SNOMED 372562003'],
    ['SNOMED dalteparin substance', cc(SCT, '372563008'), 'dalteparin', 'lmwh', 'SNOMED 372563008'],
    ['SNOMED nadroparin substance', cc(SCT, '699946002'), 'nadroparin', 'lmwh', 'SNOMED 699946002'],
    ['SNOMED tinzaparin substance', cc(SCT, '412608008'), 'tinzaparin', 'lmwh', 'SNOMED 412608008'],
    ['SNOMED certoparin substance', cc(SCT, '395961003'), 'certoparin', 'lmwh', 'SNOMED 395961003'],
    ['SNOMED heparin substance', cc(SCT, '372877000'), 'heparin', 'ufh', 'SNOMED 372877000'],
    ['SNOMED fondaparinux substance', cc(SCT, '708189008'), 'fondaparinux', 'fondaparinux', 'SNOMED 708189008'],
    ['SNOMED enoxaparin product 775768002', cc(SCT, '775768002'), 'enoxaparin', 'lmwh', 'SNOMED 775768002'],
  ])('%s', (_name, concept, drug, drugClass, matched) => {
    const r = recogniseAnticoagulant(concept);
    expect(r).toMatchObject({ drug, drugClass, matched: matchOf(matched as string) });
    expect(r?.recognisedBy).not.toBe('text');
  });

  it('eCQM low-dose UFH 1361574 without display is heparin (UFH) by RxNorm, code VERIFIED (VSAC Anticoagulants for All Indications)', () => {
    expect(recogniseAnticoagulant(cc(RX, '1361574'))).toMatchObject({ drug: 'heparin', drugClass: 'ufh', recognisedBy: 'rxnorm', matched: byCode('RxNorm', '1361574'), codeStatus: 'verified' });
  });
  it('eCQM UFH 1361607 without display is heparin (UFH), code PARTIAL (no public display), with no strength hint', () => {
    const r = recogniseAnticoagulant(cc(RX, '1361607'));
    expect(r).toMatchObject({ drug: 'heparin', drugClass: 'ufh', recognisedBy: 'rxnorm', matched: byCode('RxNorm', '1361607'), codeStatus: 'partial' });
    expect(r?.strengthHint).toBeUndefined();
  });

  it('antithrombin B01AB02 is in the heparin group but is NOT an LMWH (no prefix match)', () => {
    expect(recogniseAnticoagulant(cc(ATC, 'B01AB02', 'antithrombin III'))).toBeUndefined();
  });
  it('the ATC group code B01AB alone is not a drug', () => {
    expect(recogniseAnticoagulant(cc(ATC, 'B01AB'))).toBeUndefined();
  });
  it('27340 is not dalteparin (reference 8.1) and 317428 is metronidazole', () => {
    expect(recogniseAnticoagulant(cc(RX, '27340'))).toBeUndefined();
    expect(recogniseAnticoagulant(cc(RX, '317428'))).toBeUndefined();
  });
  it('an RxNorm code under the wrong system is not matched as RxNorm', () => {
    expect(recogniseAnticoagulant(cc('http://example.org/local', '854235'))).toBeUndefined();
  });
  it('tinzaparin is not recognised from the unverified RxNorm 69528', () => {
    expect(recogniseAnticoagulant(cc(RX, '69528'))).toBeUndefined();
  });
  it('a 40 mg syringe code carries its strength as a hint', () => {
    expect(recogniseAnticoagulant(cc(RX, '854235'))?.strengthHint).toMatchObject({
      amount: { value: 40, unit: 'mg' },
      volumeMl: 0.4,
      concentration: { value: 100, unit: 'mg/mL' },
    });
  });
  it('codes win over text: an RxNorm dalteparin code with a Clexane text is dalteparin by RxNorm', () => {
    const r = recogniseAnticoagulant({ ...cc(RX, '67109'), text: 'Clexane' });
    expect(r).toMatchObject({ drug: 'dalteparin', recognisedBy: 'rxnorm' });
  });
  it('RxNorm is preferred over ATC in the same concept', () => {
    const c: fhir4.CodeableConcept = { coding: [{ system: ATC, code: 'B01AB05' }, { system: RX, code: '854235' }] };
    expect(recogniseAnticoagulant(c)?.matched).toEqual(byCode('RxNorm', '854235'));
  });
  it('a Medication resource code is recognised', () => {
    const med: fhir4.Medication = { resourceType: 'Medication', id: 'm1', code: cc(RX, '854235') };
    expect(recogniseAnticoagulant(undefined, med)?.drug).toBe('enoxaparin');
  });
  it('a Medication recognised through its ingredient (ATC on the ingredient)', () => {
    const med: fhir4.Medication = { resourceType: 'Medication', id: 'm2', code: { text: 'Syringe' }, ingredient: [{ itemCodeableConcept: cc(ATC, 'B01AB10') }] };
    expect(recogniseAnticoagulant(undefined, med)).toMatchObject({ drug: 'tinzaparin', recognisedBy: 'atc' });
  });
});

describe('recogniseAnticoagulant by text (labelled fallback)', () => {
  it.each([
    ['Clexane 40 mg', 'enoxaparin', "text 'Clexane'"],
    ['KLEXANE 4000 IE', 'enoxaparin', "text 'KLEXANE'"],
    ['Lovenox 40mg/0.4mL', 'enoxaparin', "text 'Lovenox'"],
    ['Inhixa 6000 IU', 'enoxaparin', "text 'Inhixa'"],
    ['enoxaparin sodium', 'enoxaparin', "text 'enoxaparin'"],
    ['Fragmin 5000 IU', 'dalteparin', "text 'Fragmin'"],
    ['Fraxiparine 0.3 mL', 'nadroparin', "text 'Fraxiparine'"],
    ['Fraxiparin', 'nadroparin', "text 'Fraxiparin'"],
    ['Fraxodi 11400', 'nadroparin', "text 'Fraxodi'"],
    ['Innohep 4500', 'tinzaparin', "text 'Innohep'"],
    ['Arixtra 2.5 mg', 'fondaparinux', "text 'Arixtra'"],
    ['Heparin sodium 5000 units', 'heparin', "text 'Heparin'"],
    ['low molecular weight heparin 40 mg', 'lmwh-unspecified', "text 'low molecular weight heparin'"],
  ])("'%s' is %s", (text, drug, matched) => {
    expect(recogniseAnticoagulant({ text })).toMatchObject({ drug, recognisedBy: 'text', matched: matchOf(matched) });
  });
  it.each([['Hirudoid heparinoid cream'], ['Clexanex'], ['preclexane'], ['metronidazole 500 mg'], [''], ['   ']])("'%s' is not recognised (whole word only)", (text) => {
    expect(recogniseAnticoagulant({ text })).toBeUndefined();
  });
  it('a coding display is searched when there is no known code', () => {
    expect(recogniseAnticoagulant({ coding: [{ system: 'urn:local', code: 'X1', display: 'FRAGMIN 5000' }] })).toMatchObject({ drug: 'dalteparin', recognisedBy: 'text' });
  });
  it('Medication.code.text is searched', () => {
    expect(recogniseAnticoagulant(undefined, { resourceType: 'Medication', code: { text: 'Clexane 40mg' } })?.drug).toBe('enoxaparin');
  });
  it('nothing given is not recognised', () => {
    expect(recogniseAnticoagulant()).toBeUndefined();
  });
});

describe('recogniseOtherRelevant', () => {
  it.each([
    [cc(RX, '4083'), 'estradiol', 'rxnorm'],
    [cc(RX, '24395'), 'estradiol', 'rxnorm'],
    [cc(RX, '405416'), 'estradiol', 'rxnorm'],
    [cc(RX, '60661'), 'estradiol', 'rxnorm'],
    [cc(ATC, 'G03CA03'), 'estradiol', 'atc'],
    [cc(RX, '1191'), 'aspirin', 'rxnorm'],
    [cc(ATC, 'B01AC06'), 'aspirin', 'atc'],
    [cc(ATC, 'N02BA01'), 'aspirin', 'atc'],
    [{ text: 'Progynova 2 mg' }, 'estradiol', 'text'],
    [{ text: 'Oestradiol valerate' }, 'estradiol', 'text'],
    [{ text: 'Estrofem' }, 'estradiol', 'text'],
    [{ text: 'Aspirin 150 mg' }, 'aspirin', 'text'],
    [{ text: 'acetylsalicylic acid 100 mg' }, 'aspirin', 'text'],
  ])('%j is %s', (concept, drug, by) => {
    expect(recogniseOtherRelevant(concept)).toMatchObject({ drug, recognisedBy: by });
  });
  it('ethinylestradiol G03CA01 is not estradiol', () => {
    expect(recogniseOtherRelevant(cc(ATC, 'G03CA01'))).toBeUndefined();
  });
  it('enoxaparin is not an "other relevant" drug', () => {
    expect(recogniseOtherRelevant(cc(RX, '854235'))).toBeUndefined();
  });
});
