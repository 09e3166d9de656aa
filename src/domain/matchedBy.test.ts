import { describe, expect, it } from 'vitest';
import { allOf, byAnswer, byCode, byPrescription, byText, matchedData, matchReason, noMatch } from './matchedBy';

describe('matchReason', () => {
  it('a code gives its system and code', () => {
    expect(matchReason(byCode('LOINC', '48065-7'))).toEqual({ code: 'match.code', params: { system: 'LOINC', code: '48065-7' } });
  });
  it('a text match is its own code (the fallback), with the words that matched', () => {
    expect(matchReason(byText('Clexane'))).toEqual({ code: 'match.text', params: { text: 'Clexane' } });
  });
  it('nothing recognised: with the first coding as written, or without one', () => {
    expect(matchReason(noMatch({ system: 'http://snomed.info/sct', code: '80146002' }))).toEqual({
      code: 'match.none-coded',
      params: { system: 'http://snomed.info/sct', hasSystem: true, code: '80146002' },
    });
    expect(matchReason(noMatch({ code: '80146002' }))).toEqual({ code: 'match.none-coded', params: { system: '', hasSystem: false, code: '80146002' } });
    expect(matchReason(noMatch())).toEqual({ code: 'match.none' });
  });
  it('a coded question with its coded answer, and several parts, nest their parts as reasons', () => {
    expect(matchReason(byAnswer(byCode('LOINC', '82810-3'), byCode('SNOMED', '77386006'))).code).toBe('match.answer');
    const both = matchReason(allOf(byCode('SNOMED', '75456002'), byText('Embryo age at transfer')));
    expect(both.code).toBe('match.all');
    expect(both.params?.parts).toEqual({ kind: 'list', items: [{ kind: 'reason', reason: matchReason(byCode('SNOMED', '75456002')) }, { kind: 'reason', reason: matchReason(byText('Embryo age at transfer')) }] });
  });
});

describe('a record taken through the order it names', () => {
  it('is its own reason code, with the reference as the record wrote it', () => {
    expect(matchReason(byPrescription('MedicationRequest/enox'))).toEqual({ code: 'match.prescription', params: { reference: 'MedicationRequest/enox' } });
    expect(matchedData(byPrescription('https://fhir.example/MedicationRequest/enox'))).toBe('https://fhir.example/MedicationRequest/enox');
    expect(matchedData(allOf(byPrescription('MedicationRequest/enox'), byCode('RxNorm', '854235')))).toBe('MedicationRequest/enox, RxNorm 854235');
  });
});

describe('matchedData and allOf', () => {
  it('the record data only: codes as written, matched words as written, no words of the app', () => {
    expect(matchedData(byCode('RxNorm', '854235'))).toBe('RxNorm 854235');
    expect(matchedData(byText('Fragmin'))).toBe('Fragmin');
    expect(matchedData(noMatch())).toBe('');
    expect(matchedData(allOf(byCode('LOINC', '48065-7'), byCode('LOINC', '48066-5')))).toBe('LOINC 48065-7, LOINC 48066-5');
  });
  it('a single part stays itself', () => {
    expect(allOf(byCode('LOINC', '1'))).toEqual(byCode('LOINC', '1'));
  });
});
