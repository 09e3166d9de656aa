import { describe, expect, it } from 'vitest';
import { appointmentDateRange, buildSearches, chunk, GROUP_PRIORITY, hasWantedCode, LOCAL_OBSERVATION_CODES, OBSERVATION_SEARCH_CODES, supportsInclude } from './queries';
import { AFTER_FIRST_SCREEN, FIRST_SCREEN_READS } from '../domain/plan/firstScreenReads';
import { EMBRYO_AGE_LOCAL_CODE, HCG_CODES, IVF_LOCAL_SYSTEM, IVF_OBSERVATION_LOINC } from '../domain/ivf/ivfCodes';
import { describeCapabilities } from './capabilities';

const NOW = Date.UTC(2026, 2, 1, 9, 30);
const plan = (o: Partial<Parameters<typeof buildSearches>[1]> = {}) =>
  buildSearches('p 1', { now: NOW, includeMedication: false, includeReportResults: false, ...o });
const params = (path: string) => new URLSearchParams(path.slice(path.indexOf('?') + 1));

describe('buildSearches', () => {
  it('every Observation search carries code (Epic refuses one without code or category) and the patient', () => {
    const obs = plan().filter((s) => s.resourceType === 'Observation');
    expect(new Set(obs.map((s) => s.group))).toEqual(new Set(['observations-ddimer', 'observations-coagulation', 'observations-findings', 'observations-weight', 'observations-pregnancy']));
    for (const s of obs) {
      expect(params(s.path).get('code')).toBeTruthy();
      expect(params(s.path).get('patient')).toBe('p 1');
    }
  });

  it('searches every code of every list exactly once, LOINC-qualified, in as few URLs as 2,000 characters allow', () => {
    const base = 'https://ehr.example/fhir/r4';
    const obs = plan({ baseUrl: base }).filter((s) => s.resourceType === 'Observation');
    const codes = obs.flatMap((s) => params(s.path).get('code')!.split(','));
    const local = new Set(LOCAL_OBSERVATION_CODES.map((c) => `${c.system}|${c.code}`));
    for (const c of codes) expect(c.startsWith('http://loinc.org|') || local.has(c)).toBe(true);
    const wanted = new Set(Object.values(OBSERVATION_SEARCH_CODES).flat());
    expect(new Set(codes.filter((c) => !local.has(c)).map((c) => c.split('|')[1]))).toEqual(wanted);
    expect(new Set(codes.filter((c) => local.has(c)))).toEqual(local);
    expect(codes).toHaveLength(new Set(codes).size);
    for (const s of obs) expect(`${base}/${s.path}`.length).toBeLessThanOrEqual(2000);
    // Fewer searches than ten codes per search would need (the old split).
    const tenPerSearch = Object.values(OBSERVATION_SEARCH_CODES).reduce((n, list) => n + Math.ceil(new Set(list).size / 10), 0);
    expect(obs.length).toBeLessThan(tenPerSearch);
  });

  it('a shorter URL limit or a code cap splits the lists further, still every code once', () => {
    const wanted = new Set([...Object.values(OBSERVATION_SEARCH_CODES).flat(), ...LOCAL_OBSERVATION_CODES.map((c) => c.code)]);
    for (const o of [{ maxUrlLength: 400 }, { maxCodesPerSearch: 3 }]) {
      const obs = plan(o).filter((s) => s.resourceType === 'Observation');
      const codes = obs.flatMap((s) => params(s.path).get('code')!.split(','));
      expect(new Set(codes.map((c) => c.slice(c.lastIndexOf('|') + 1)))).toEqual(wanted);
      for (const s of obs) {
        if (o.maxUrlLength) expect(s.path.length).toBeLessThanOrEqual(400);
        if (o.maxCodesPerSearch) expect(params(s.path).get('code')!.split(',').length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('labs use category=laboratory, weight vital-signs, pregnancy dating no category (exam/survey/none in EHRs)', () => {
    const cat = (g: string) => plan().filter((s) => s.group === g).map((s) => params(s.path).get('category'));
    expect(new Set(cat('observations-ddimer'))).toEqual(new Set(['laboratory']));
    expect(new Set(cat('observations-coagulation'))).toEqual(new Set(['laboratory']));
    expect(new Set(cat('observations-findings'))).toEqual(new Set(['laboratory']));
    expect(new Set(cat('observations-weight'))).toEqual(new Set(['vital-signs']));
    expect(new Set(cat('observations-pregnancy'))).toEqual(new Set([null]));
  });

  it('adds _include only when the server advertises it', () => {
    const mr = (o: Partial<Parameters<typeof buildSearches>[1]>) => plan(o).find((s) => s.resourceType === 'MedicationRequest')!.path;
    expect(params(mr({})).getAll('_include')).toEqual([]);
    expect(params(mr({ includeMedication: true })).getAll('_include')).toEqual(['MedicationRequest:medication']);
    const dr = plan({ includeReportResults: true }).find((s) => s.resourceType === 'DiagnosticReport')!.path;
    expect(params(dr).getAll('_include')).toEqual(['DiagnosticReport:result']);
    expect(params(dr).get('category')).toBe('LAB');
  });

  it('the Appointment search carries a two-years-back, one-year-ahead date range (Oracle requires one)', () => {
    const ap = plan().find((s) => s.resourceType === 'Appointment')!;
    expect(params(ap.path).getAll('date')).toEqual(['ge2024-03-01T09:30:00Z', 'le2027-03-01T09:30:00Z']);
    expect(appointmentDateRange(NOW)).toEqual({ from: '2024-03-01T09:30:00Z', to: '2027-03-01T09:30:00Z' });
  });

  it('covers every non-Observation type once', () => {
    const types = plan()
      .filter((s) => s.resourceType !== 'Observation')
      .map((s) => s.resourceType);
    expect(types.sort()).toEqual(
      ['AllergyIntolerance', 'Appointment', 'Condition', 'DiagnosticReport', 'Encounter', 'MedicationAdministration', 'MedicationDispense', 'MedicationRequest', 'MedicationStatement', 'Procedure', 'ServiceRequest'].sort(),
    );
  });
});

describe('chunk', () => {
  it('splits into pieces of at most n, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('supportsInclude', () => {
  const cs = (searchInclude?: string[]): unknown => ({
    resourceType: 'CapabilityStatement',
    rest: [{ mode: 'server', resource: [{ type: 'MedicationRequest', ...(searchInclude ? { searchInclude } : {}) }] }],
  });
  it("Epic's '*' counts, an explicit value counts, absence or a failed metadata read does not", () => {
    expect(supportsInclude(cs(['*']), 'MedicationRequest', 'MedicationRequest:medication')).toBe(true);
    expect(supportsInclude(cs(['MedicationRequest:medication']), 'MedicationRequest', 'MedicationRequest:medication')).toBe(true);
    expect(supportsInclude(cs(['MedicationRequest:requester']), 'MedicationRequest', 'MedicationRequest:medication')).toBe(false);
    expect(supportsInclude(cs(), 'MedicationRequest', 'MedicationRequest:medication')).toBe(false);
    expect(supportsInclude(undefined, 'MedicationRequest', 'MedicationRequest:medication')).toBe(false);
  });
});

describe('hasWantedCode', () => {
  it('a LOINC platelet count is wanted, glucose or a non-LOINC 777-3 is not', () => {
    const obs = (system: string, code: string) => ({ resourceType: 'Observation', status: 'final', code: { coding: [{ system, code }] } }) as fhir4.Observation;
    expect(hasWantedCode(obs('http://loinc.org', '777-3'))).toBe(true);
    expect(hasWantedCode(obs('http://loinc.org', '2345-7'))).toBe(false);
    expect(hasWantedCode(obs('https://fhir.cerner.com/x/codeSet/72', '777-3'))).toBe(false);
  });

  it('the IVF cycle\'s hCG, estradiol and embryo-age Observations are kept (the embryo age only under its local system)', () => {
    const obs = (system: string, code: string) => ({ resourceType: 'Observation', status: 'final', code: { coding: [{ system, code }] } }) as fhir4.Observation;
    for (const code of Object.keys(HCG_CODES)) expect(hasWantedCode(obs('http://loinc.org', code))).toBe(true);
    expect(hasWantedCode(obs('http://loinc.org', '14715-7'))).toBe(true);
    expect(hasWantedCode(obs(IVF_LOCAL_SYSTEM, EMBRYO_AGE_LOCAL_CODE))).toBe(true);
    expect(hasWantedCode(obs('http://loinc.org', EMBRYO_AGE_LOCAL_CODE))).toBe(false);
  });
});

describe('the IVF cycle\'s Observation searches', () => {
  it('hCG and the other IVF LOINC codes are searched in the pregnancy group without category; the embryo age in the same OR list under its own system', () => {
    const preg = plan().filter((s) => s.group === 'observations-pregnancy');
    const codes = preg.flatMap((s) => params(s.path).get('code')!.split(','));
    for (const code of IVF_OBSERVATION_LOINC) expect(codes).toContain(`http://loinc.org|${code}`);
    for (const code of Object.keys(HCG_CODES)) expect(codes).toContain(`http://loinc.org|${code}`);
    expect(codes).toContain(`${IVF_LOCAL_SYSTEM}|${EMBRYO_AGE_LOCAL_CODE}`);
    expect(preg).toHaveLength(1);
    expect(params(preg[0]!.path).get('category')).toBeNull();
  });
});

describe('buildSearches with a CapabilityStatement', () => {
  const statement = (resources: fhir4.CapabilityStatementRestResource[]): fhir4.CapabilityStatement =>
    ({ resourceType: 'CapabilityStatement', status: 'active', date: '2026', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], rest: [{ mode: 'server', resource: resources }] }) as fhir4.CapabilityStatement;
  const withParams = (type: string, names: string[], interaction = ['read', 'search-type']): fhir4.CapabilityStatementRestResource =>
    ({ type, interaction: interaction.map((code) => ({ code })), searchParam: names.map((name) => ({ name, type: 'token' })) }) as fhir4.CapabilityStatementRestResource;

  it('asks for the newest first by the type\'s date parameter and the page size, with a plain fallback', () => {
    const caps = describeCapabilities(statement([withParams('Observation', ['patient', 'code', 'category', 'date']), withParams('MedicationRequest', ['patient', 'authoredon'])]));
    const specs = plan({ capabilities: caps, pageSize: 200 });
    const ob = specs.find((s) => s.resourceType === 'Observation')!;
    expect(params(ob.path).get('_sort')).toBe('-date');
    expect(params(ob.path).get('_count')).toBe('200');
    expect(ob.newestFirst).toBe(true);
    expect(ob.fallbackPaths).toHaveLength(1);
    expect(params(ob.fallbackPaths[0]!).has('_sort')).toBe(false);
    expect(params(ob.fallbackPaths[0]!).has('_count')).toBe(false);
    expect(params(specs.find((s) => s.resourceType === 'MedicationRequest')!.path).get('_sort')).toBe('-authoredon');
  });

  it('no _sort when the statement does not list the date parameter; unlisted types are not offered; unlisted category dropped', () => {
    const caps = describeCapabilities(statement([withParams('Observation', ['patient', 'code']), withParams('Encounter', ['patient'], ['read'])]));
    const specs = plan({ capabilities: caps });
    const ob = specs.find((s) => s.resourceType === 'Observation')!;
    expect(params(ob.path).has('_sort')).toBe(false);
    expect(params(ob.path).has('category')).toBe(false);
    expect(ob.offered).toBe(true);
    expect(specs.find((s) => s.resourceType === 'Encounter')!.offered).toBe(false); // read only, no search
    expect(specs.find((s) => s.resourceType === 'Condition')!.offered).toBe(false); // not listed
  });

  it('_include of the Medication on administrations, statements and dispenses only where advertised', () => {
    const caps = describeCapabilities(
      statement([
        { type: 'MedicationAdministration', searchInclude: ['*'] },
        { type: 'MedicationDispense', searchInclude: ['MedicationDispense:medication'] },
        { type: 'MedicationStatement', searchInclude: ['MedicationStatement:subject'] },
      ] as fhir4.CapabilityStatementRestResource[]),
    );
    const include = (type: string) => params(plan({ capabilities: caps }).find((s) => s.resourceType === type)!.path).getAll('_include');
    expect(include('MedicationAdministration')).toEqual(['MedicationAdministration:medication']);
    expect(include('MedicationDispense')).toEqual(['MedicationDispense:medication']);
    expect(include('MedicationStatement')).toEqual([]);
  });

  it('without a statement every search is offered and none is sorted', () => {
    const specs = plan({ capabilities: describeCapabilities(undefined) });
    expect(specs.every((s) => s.offered && !s.newestFirst)).toBe(true);
  });

  it('orders the searches so everything the first screen reads comes before the rest, and lab reports last', () => {
    const specs = plan();
    const first = (g: string) => specs.findIndex((s) => s.group === g);
    const lastFirstScreen = Math.max(...FIRST_SCREEN_READS.filter((g) => g !== 'patient' && g !== 'medications').map(first));
    expect(lastFirstScreen).toBeGreaterThan(0);
    for (const later of AFTER_FIRST_SCREEN) expect(first(later)).toBeGreaterThan(lastFirstScreen);
    expect(first('observations-ddimer')).toBeLessThan(first('diagnostic-reports'));
    for (const g of FIRST_SCREEN_READS) expect(GROUP_PRIORITY[g]).toBeLessThan(GROUP_PRIORITY['observations-ddimer']);
  });
});
