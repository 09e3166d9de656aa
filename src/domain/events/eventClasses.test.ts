import { describe, expect, it } from 'vitest';
import { classifyEvent } from './eventClasses';
import { codingsOf, textsOf } from './fhirRead';
import { byText as textMatched, noMatch } from '../matchedBy';
import { matchOf } from '../../../test/support/matchOf';

const SCT = 'http://snomed.info/sct';
const PCS = 'http://www.cms.gov/Medicare/Coding/ICD10';
const CPT = 'http://www.ama-assn.org/go/cpt';
const byCode = (system: string, code: string) => classifyEvent(codingsOf({ coding: [{ system, code }] }), []);
const byText = (text: string) => classifyEvent([], textsOf({ text }));

describe('classification by code', () => {
  it.each([
    ...['11466000', '177141003', '274130007', '200148001', '84195007'].map((c) => [SCT, c, 'caesarean', 'snomed', `SNOMED ${c}`]),
    ...['236958009', '31208007', '177135005', '177136006', '408818004'].map((c) => [SCT, c, 'induction-or-planned-birth', 'snomed', `SNOMED ${c}`]),
    ...['289259007', '177184002', '700000006', '66348005', '22633006', '10745001', '4504004'].map((c) => [SCT, c, 'delivery', 'snomed', `SNOMED ${c}`]),
    ...['75456002', '236894009', '448543003', '236915005'].map((c) => [SCT, c, 'embryo-transfer', 'snomed', `SNOMED ${c}`]),
    ...['177037000', '177042008', '265082003'].map((c) => [SCT, c, 'oocyte-retrieval', 'snomed', `SNOMED ${c}`]),
    ...['73632009', '233545006', '88355005'].map((c) => [SCT, c, 'other-surgery', 'snomed', `SNOMED ${c}`]),
    ...['10D00Z0', '10D00Z1', '10D00Z2'].map((c) => [PCS, c, 'caesarean', 'icd10', `ICD-10-PCS ${c}`]),
    [PCS, '10E0XZZ', 'delivery', 'icd10', 'ICD-10-PCS 10E0XZZ'],
    [PCS, '10D07Z3', 'delivery', 'icd10', 'ICD-10-PCS 10D07Z3'],
    ['http://hl7.org/fhir/sid/icd-10-pcs', '10D07Z3', 'delivery', 'icd10', 'ICD-10-PCS 10D07Z3'],
    ...['59510', '59514', '59515', '59618', '59620', '59622'].map((c) => [CPT, c, 'caesarean', 'cpt', `CPT ${c}`]),
    ...['59400', '59409', '59410'].map((c) => [CPT, c, 'delivery', 'cpt', `CPT ${c}`]),
  ])('%s %s is %s', (system, code, cls, by, matched) => {
    expect(byCode(system!, code!)).toEqual({ cls, recognisedBy: by, matched: matchOf(matched!) });
  });

  it('classical cesarean section 84195007 is a caesarean, not a delivery (VSAC Delivery Procedures holds both kinds)', () => {
    expect(byCode(SCT, '84195007').cls).toBe('caesarean');
  });
  it('SNOMED 65588006 "Premature birth of newborn" (a finding, not in VSAC Delivery Procedures) is not a delivery', () => {
    expect(byCode(SCT, '65588006')).toEqual({ cls: 'other', recognisedBy: 'unrecognised', matched: noMatch({ system: SCT, code: '65588006' }) });
  });
  it('a code in the wrong system is not recognised (CPT 59510 written as SNOMED)', () => {
    expect(byCode(SCT, '59510')).toEqual({ cls: 'other', recognisedBy: 'unrecognised', matched: noMatch({ system: SCT, code: '59510' }) });
  });
  it('a record coded both childbirth and caesarean is a caesarean', () => {
    expect(classifyEvent(codingsOf({ coding: [{ system: SCT, code: '66348005' }, { system: SCT, code: '11466000' }] }), []).cls).toBe('caesarean');
  });
  it('a code wins over a contradicting text', () => {
    expect(classifyEvent(codingsOf({ coding: [{ system: SCT, code: '236958009' }] }), ['c-section']).cls).toBe('induction-or-planned-birth');
  });
});

describe('classification by text (labelled as a text match)', () => {
  it.each([
    ['Elective caesarean section', 'caesarean', 'caesarean'],
    ['Cesarean delivery', 'caesarean', 'Cesarean'],
    ['Repeat C-section', 'caesarean', 'C-section'],
    ['Planned CS at 39 weeks', 'caesarean', 'CS'],
    ['LSCS', 'caesarean', 'LSCS'],
    ['Induction of labour', 'induction-or-planned-birth', 'Induction'],
    ['Cervical cerclage', 'other-surgery', 'cerclage'],
    ['Diagnostic laparoscopy', 'other-surgery', 'laparoscopy'],
    ['Office hysteroscopy', 'other-surgery', 'hysteroscopy'],
    ['Knee surgery', 'other-surgery', 'surgery'],
    ['Operation (ENT)', 'other-surgery', 'Operation'],
    ['Frozen embryo transfer', 'embryo-transfer', 'embryo transfer'],
    ['Oocyte retrieval', 'oocyte-retrieval', 'Oocyte retrieval'],
    ['Egg collection', 'oocyte-retrieval', 'Egg collection'],
    ['Oocyte pick-up', 'oocyte-retrieval', 'Oocyte pick-up'],
  ])('"%s" is %s', (text, cls, matched) => {
    expect(byText(text)).toEqual({ cls, recognisedBy: 'text', matched: textMatched(matched!) });
  });

  it.each([['Ovulation induction cycle'], ['Antenatal visit'], ['cs-scan'.toLowerCase()], ['']])('"%s" is not recognised', (text) => {
    const c = byText(text);
    expect(c.cls).toBe('other');
    expect(c.recognisedBy).toBe('unrecognised');
  });
});
