import { describe, expect, it } from 'vitest';
import { createMessages } from '../messages/translator';
import { displayAge, displayBirthDate, displayName, displaySex, pickIdentifier, printHeaderLine, summarisePatient } from './patientBannerViewModel';

const Z = 'Europe/London';
const M = createMessages({ locale: 'en', zone: Z });
const NOW = Date.UTC(2026, 10, 25, 9, 0); // 25 Nov 2026 09:00 UTC
const p = (extra: Partial<fhir4.Patient>): fhir4.Patient => ({ resourceType: 'Patient', ...extra });

describe('displayName', () => {
  it.each<[string, fhir4.HumanName[] | undefined, string]>([
    ['official name preferred over usual', [{ use: 'usual', given: ['Liv'] }, { use: 'official', given: ['Olivia'], family: 'Marchetti' }], 'Olivia Marchetti'],
    ['text used as written', [{ text: 'Olivia R. Marchetti', family: 'Marchetti' }], 'Olivia R. Marchetti'],
    ['old name skipped when there is another', [{ use: 'old', family: 'Smith' }, { family: 'Jones', given: ['Ann'] }], 'Ann Jones'],
    ['family only', [{ family: 'Okonkwo' }], 'Okonkwo'],
    ['empty name entries', [{}, { given: [''] }], 'Unknown'],
    ['no name', undefined, 'Unknown'],
  ])('%s', (_n, name, expected) => {
    expect(displayName(p(name ? { name } : {}), M)).toBe(expected);
  });
});

describe('displayBirthDate and displayAge', () => {
  it.each<[string | undefined, string, string]>([
    ['1995-04-03', '3 Apr 1995', '31 years'],
    ['1995-11-25', '25 Nov 1995', '31 years'], // birthday today
    ['1995-11-26', '26 Nov 1995', '30 years'], // birthday tomorrow
    ['1995-04', 'Apr 1995', 'Unknown'], // partial date: no exact age
    ['1995', '1995', 'Unknown'],
    ['2026-01-10', '10 Jan 2026', '10 months'],
    ['2027-01-01', '1 Jan 2027', 'Unknown'], // in the future
    ['1995-02-30', 'Unknown', 'Unknown'], // impossible date
    ['03/04/1995', 'Unknown', 'Unknown'],
    [undefined, 'Unknown', 'Unknown'],
  ])('birthDate %s: %s, %s', (birthDate, date, age) => {
    const pt = p(birthDate ? { birthDate } : {});
    expect(displayBirthDate(pt, M)).toBe(date);
    expect(displayAge(pt, NOW, M)).toBe(age);
  });

  it('age is counted in the facility zone: 00:30 on the birthday in Tokyo is still the day before in London', () => {
    const now = Date.UTC(2026, 3, 2, 15, 30); // 3 Apr 00:30 in Tokyo, 2 Apr 16:30 in London
    const pt = p({ birthDate: '1995-04-03' });
    expect(displayAge(pt, now, createMessages({ locale: 'en', zone: 'Asia/Tokyo' }))).toBe('31 years');
    expect(displayAge(pt, now, M)).toBe('30 years');
  });
});

describe('displaySex', () => {
  it.each([
    ['female', 'Female'],
    ['male', 'Male'],
    ['other', 'Other'],
    ['unknown', 'Unknown'],
    [undefined, 'Unknown'],
  ] as const)('%s -> %s', (gender, expected) => {
    expect(displaySex(p(gender ? { gender } : {}), M)).toBe(expected);
  });
});

describe('pickIdentifier', () => {
  const MR = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] };
  const SS = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] };
  it('an MR-typed identifier is the MRN, labelled with its assigner', () => {
    expect(
      pickIdentifier(p({ identifier: [{ system: 'urn:oid:1.2.3', value: 'X1' }, { type: MR, system: 'urn:oid:9.9', value: '12345', assigner: { display: 'St Mary Hospital' } }] }), M),
    ).toEqual({ label: 'MRN', value: '12345', system: 'St Mary Hospital' });
  });
  it('a system named .../mrn is taken as the MRN, labelled with the system URI', () => {
    expect(pickIdentifier(p({ identifier: [{ system: 'https://lmwh-monitor.example/fhir/sid/mrn', value: 'DEMO-1002' }] }), M)).toEqual({
      label: 'MRN',
      value: 'DEMO-1002',
      system: 'https://lmwh-monitor.example/fhir/sid/mrn',
    });
  });
  it('a social security number is never shown', () => {
    expect(pickIdentifier(p({ identifier: [{ type: SS, value: '999-99-9999' }, { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999' }] }), M)).toBeUndefined();
  });
  it('another identifier without type or system: labelled Identifier, system not stated', () => {
    expect(pickIdentifier(p({ identifier: [{ value: 'A-1' }] }), M)).toEqual({ label: 'Identifier', value: 'A-1', system: 'system not stated' });
  });
  it('identifiers without a value are skipped', () => {
    expect(pickIdentifier(p({ identifier: [{ system: 'x' }] }), M)).toBeUndefined();
  });
});

describe('summarisePatient', () => {
  it('keeps the birth date as written for <time dateTime>', () => {
    expect(summarisePatient(p({ birthDate: '1995-04-03' }), NOW, M).birthDateIso).toBe('1995-04-03');
    expect(summarisePatient(p({ birthDate: 'garbage' }), NOW, M).birthDateIso).toBeUndefined();
  });
  it('an undefined patient is all Unknown', () => {
    expect(summarisePatient(undefined, NOW, M)).toEqual({ name: 'Unknown', birthDate: 'Unknown', age: 'Unknown', sex: 'Unknown', identifier: undefined });
  });
  it('the print line names the patient, the birth date, the identifier and the print time', () => {
    const s = summarisePatient(p({ name: [{ text: 'Ann Jones' }], birthDate: '1995-04-03', identifier: [{ system: 'https://h.example/sid/mrn', value: 'M-1' }] }), NOW, M);
    expect(printHeaderLine(s, '25 Nov 2026 09:00 (UTC+00:00)', M)).toBe('Ann Jones · Date of birth 3 Apr 1995 · MRN M-1 · Printed 25 Nov 2026 09:00 (UTC+00:00)');
    expect(printHeaderLine(undefined, 'then', createMessages({ locale: 'ru', zone: Z }))).toBe('Неизвестно · Дата рождения Неизвестно · № мед. карты Неизвестно · Напечатано then');
  });
});
