import { describe, expect, it, vi } from 'vitest';
import { prefetchLaunchCapability, storedLaunchServer } from './capabilityPrefetch';
import { readCapabilityStatement, sessionCapabilityCache } from './capabilities';

const SERVER = 'https://ehr.example/fhir';
const STATEMENT = { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], date: '2026-01-01' };

/** A tab's sessionStorage holding fhirclient's launch state for `serverUrl` (as fhirclient writes it). */
function tabStorage(serverUrl: string | null): Storage {
  const data = new Map<string, string>();
  if (serverUrl !== null) {
    data.set('SMART_KEY', JSON.stringify('launch-key-1'));
    data.set('launch-key-1', JSON.stringify({ serverUrl, clientId: 'lmwh-monitor', tokenResponse: {} }));
  }
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    get length() {
      return data.size;
    },
  };
}

const answering = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json' } }));

describe('the CapabilityStatement read during the token exchange', () => {
  it('reads the stored launch server\'s metadata without a token, and the record loader then finds it without a request', async () => {
    const storage = tabStorage(SERVER);
    const fetchImpl = answering(200, STATEMENT);
    await prefetchLaunchCapability(storage, fetchImpl as unknown as typeof fetch);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${SERVER}/metadata`);
    expect(JSON.stringify(init.headers)).not.toMatch(/authorization/i);
    const requester = { serverUrl: SERVER, get: vi.fn() };
    await expect(readCapabilityStatement(requester, sessionCapabilityCache(storage))).resolves.toMatchObject({ resourceType: 'CapabilityStatement' });
    expect(requester.get).not.toHaveBeenCalled();
  });

  it('keeps nothing from an error answer, a body that is not a CapabilityStatement, or a failed fetch, and never throws', async () => {
    for (const fetchImpl of [answering(500, STATEMENT), answering(200, { resourceType: 'OperationOutcome' }), vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))]) {
      const storage = tabStorage(SERVER);
      await expect(prefetchLaunchCapability(storage, fetchImpl as unknown as typeof fetch)).resolves.toBeUndefined();
      expect(sessionCapabilityCache(storage).get(SERVER)).toBeUndefined();
    }
  });

  it('asks nothing when the session already has the statement or no launch is stored', async () => {
    const cached = tabStorage(SERVER);
    sessionCapabilityCache(cached).set(SERVER, STATEMENT as fhir4.CapabilityStatement);
    const fetchImpl = answering(200, STATEMENT);
    await prefetchLaunchCapability(cached, fetchImpl as unknown as typeof fetch);
    await prefetchLaunchCapability(tabStorage(null), fetchImpl as unknown as typeof fetch);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('takes the server only from a stored http(s) launch state', () => {
    expect(storedLaunchServer(tabStorage(SERVER))).toBe(SERVER);
    expect(storedLaunchServer(tabStorage('javascript:alert(1)'))).toBeUndefined();
    expect(storedLaunchServer(tabStorage(null))).toBeUndefined();
  });
});
