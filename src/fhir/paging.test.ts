import { reasonText, worded } from '../../test/support/reasonText';
import { describe, expect, it } from 'vitest';
import { searchAllPages } from './paging';
import type { FhirRequester } from './failures';

const SERVER = 'https://ehr.example/fhir';

function fakeRequester(pages: Record<string, unknown>): FhirRequester & { calls: string[] } {
  const calls: string[] = [];
  return {
    serverUrl: SERVER,
    calls,
    async get(url) {
      calls.push(url);
      const page = pages[url];
      if (page instanceof Error) throw page;
      if (page === undefined) throw Object.assign(new Error('not found'), { name: 'FhirHttpError', status: 404 });
      return page;
    },
  };
}

const enc = (id: string) => ({ resourceType: 'Encounter', id, status: 'finished', subject: { reference: 'Patient/p1' } });
const bundle = (ids: string[], next?: string, extra: fhir4.BundleEntry[] = []) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: 1000, // never trusted
  ...(next ? { link: [{ relation: 'self', url: 'ignored' }, { relation: 'next', url: next }] } : {}),
  entry: [...ids.map((id) => ({ resource: enc(id), search: { mode: 'match' } })), ...extra],
});
const opts = { resourceType: 'Encounter', maxPages: 10 };

describe('searchAllPages', () => {
  it('follows absolute and relative next links to the end and ignores Bundle.total', async () => {
    const r = fakeRequester({
      'Encounter?patient=p1': bundle(['a'], `${SERVER}/Encounter?page=2`),
      [`${SERVER}/Encounter?page=2`]: bundle(['b'], 'Encounter?page=3'),
      [`${SERVER}/Encounter?page=3`]: bundle(['c']),
    });
    const res = await searchAllPages(r, 'Encounter?patient=p1', opts);
    expect(res.status).toBe('complete');
    expect(res.entries.map((e) => e.resource.id)).toEqual(['a', 'b', 'c']);
    expect(res.pages).toBe(3);
  });

  it('OperationOutcome entries are warnings, not data; include entries are kept as include', async () => {
    const oo = { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', details: { text: 'No results.' } }] };
    const med = { resourceType: 'Medication', id: 'm' };
    const r = fakeRequester({
      'Encounter?x': bundle(['a'], undefined, [
        { resource: oo as fhir4.OperationOutcome, search: { mode: 'outcome' } },
        { resource: med, search: { mode: 'include' } },
      ]),
    });
    const res = await searchAllPages(r, 'Encounter?x', opts);
    expect(res.warnings).toEqual(['No results.']);
    expect(res.entries.map((e) => [e.resource.resourceType, e.mode])).toEqual([
      ['Encounter', 'match'],
      ['Medication', 'include'],
    ]);
    expect(res.status).toBe('complete');
  });

  it('an error-severity OperationOutcome entry inside a 200 page makes the search incomplete', async () => {
    const oo = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'too-costly', diagnostics: 'More than 100 results.' }] };
    const r = fakeRequester({ 'Encounter?x': bundle(['a'], undefined, [{ resource: oo as fhir4.OperationOutcome, search: { mode: 'outcome' } }]) });
    const res = await searchAllPages(r, 'Encounter?x', opts);
    expect(res.status).toBe('incomplete');
    expect(reasonText(res.reason)).toBe('the server reported an error inside the Encounter results: More than 100 results.');
  });

  it('detects a link loop', async () => {
    const r = fakeRequester({
      'Encounter?x': bundle(['a'], `${SERVER}/Encounter?p=2`),
      [`${SERVER}/Encounter?p=2`]: bundle(['b'], `${SERVER}/Encounter?x`),
    });
    const res = await searchAllPages(r, 'Encounter?x', opts);
    expect(res.status).toBe('incomplete');
    expect(reasonText(res.reason)).toContain('loop back');
    expect(r.calls).toHaveLength(2);
  });

  it('never follows a link on another origin', async () => {
    const r = fakeRequester({ 'Encounter?x': bundle(['a'], 'https://other.example/fhir/Encounter?p=2') });
    const res = await searchAllPages(r, 'Encounter?x', opts);
    expect(worded(res)).toMatchObject({ status: 'incomplete', reason: 'the next page link of the Encounter search points to another server; not followed' });
    expect(r.calls).toEqual(['Encounter?x']);
  });

  it('stops at maxPages', async () => {
    const pages: Record<string, unknown> = { 'Encounter?x': bundle(['a0'], `${SERVER}/Encounter?p=1`) };
    for (let i = 1; i < 20; i++) pages[`${SERVER}/Encounter?p=${i}`] = bundle([`a${i}`], `${SERVER}/Encounter?p=${i + 1}`);
    const r = fakeRequester(pages);
    const res = await searchAllPages(r, 'Encounter?x', { ...opts, maxPages: 3 });
    expect(res).toMatchObject({ status: 'incomplete', pages: 3 });
    expect(r.calls).toHaveLength(3);
  });

  it('a 403 on the first page: unavailable, with the scope hint when asked', async () => {
    const r = fakeRequester({ 'Encounter?x': Object.assign(new Error('x'), { name: 'FhirHttpError', status: 403 }) });
    const res = await searchAllPages(r, 'Encounter?x', { ...opts, scopeLooksMissing: () => true });
    expect(worded(res)).toMatchObject({ status: 'unavailable', reason: 'the server refused Encounter (403); the granted scopes do not seem to cover it' });
  });

  it('a 400 reports the OperationOutcome diagnostics', async () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required', diagnostics: 'Must have either code or category.' }] };
    const r = fakeRequester({ 'Encounter?x': Object.assign(new Error('x'), { name: 'FhirHttpError', status: 400, outcome }) });
    const res = await searchAllPages(r, 'Encounter?x', opts);
    expect(reasonText(res.reason)).toBe('the server rejected the Encounter search (400): Must have either code or category.');
  });

  it('a network error on page 2: incomplete, page 1 kept, no URL in the reason', async () => {
    const r = fakeRequester({ 'Encounter?patient=p1': bundle(['a'], `${SERVER}/Encounter?p=2`), [`${SERVER}/Encounter?p=2`]: new TypeError('fetch failed') });
    const res = await searchAllPages(r, 'Encounter?patient=p1', opts);
    expect(res.status).toBe('incomplete');
    expect(res.entries).toHaveLength(1);
    expect(res.reason).not.toContain('p1');
    expect(res.reason).not.toContain('http');
  });

  it('SessionExpiredError propagates', async () => {
    const r = fakeRequester({ 'Encounter?x': Object.assign(new Error('ended'), { name: 'SessionExpiredError' }) });
    await expect(searchAllPages(r, 'Encounter?x', opts)).rejects.toThrow('ended');
  });

  it('a page that is not a Bundle is not read as data', async () => {
    const r = fakeRequester({ 'Encounter?x': { resourceType: 'Patient', id: 'p1' } });
    const res = await searchAllPages(r, 'Encounter?x', opts);
    expect(res).toMatchObject({ status: 'unavailable', entries: [] });
  });
});
