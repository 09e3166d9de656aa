import { reasonText } from '../../test/support/reasonText';
import { describe, expect, it, vi } from 'vitest';
import { failureReason } from './failures';
import type { SmartConfig } from './smart';
import { LAUNCH_CONFIG_WAIT_MS, LaunchError, completeLaunch, createFhirRequester, describeLaunchError, describeRequest, FhirHttpError, ForbiddenUrlError, resolveFhirUrl, SessionExpiredError, type SmartClientLike } from './client';
import { FhirNetworkError } from './errors';

const SERVER = 'https://ehr.example/fhir/r4';
const NOW_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
const NOW_S = NOW_MS / 1000;

interface Call {
  url: string;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

function fakeFetch(...responses: Array<() => Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, ...(init?.signal ? { signal: init.signal } : {}) });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const json = (status: number, body: unknown, statusText = '') => () =>
  new Response(JSON.stringify(body), { status, statusText, headers: { 'content-type': 'application/fhir+json' } });
const text = (status: number, body: string) => () => new Response(body, { status, headers: { 'content-type': 'text/html' } });

function fakeClient(opts: { token?: string; refreshToken?: string; expiresAt?: number; refreshTo?: string; refreshFails?: boolean } = {}) {
  const client: SmartClientLike & { refresh: ReturnType<typeof vi.fn> } = {
    state: {
      serverUrl: SERVER,
      expiresAt: opts.expiresAt ?? NOW_S + 3600,
      tokenResponse: { access_token: opts.token ?? 'tok-1', ...(opts.refreshToken ? { refresh_token: opts.refreshToken } : {}) },
    },
    refresh: vi.fn(async () => {
      if (opts.refreshFails) throw new Error('400 Bad Request\nURL: https://ehr.example/token');
      client.state.tokenResponse = { ...client.state.tokenResponse, access_token: opts.refreshTo ?? 'tok-2' };
      client.state.expiresAt = NOW_S + 3600;
      return client.state;
    }),
  };
  return client;
}

const patient = { resourceType: 'Patient', id: 'pat-123', name: [{ family: 'Doe' }] };
const outcome404 = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: 'Patient pat-123 not found' }] };

describe('resolveFhirUrl', () => {
  it.each([
    ['Patient/p1', 'https://ehr.example/fhir/r4/Patient/p1'],
    ['/Patient/p1', 'https://ehr.example/fhir/r4/Patient/p1'],
    ['Observation?patient=p1&category=laboratory', 'https://ehr.example/fhir/r4/Observation?patient=p1&category=laboratory'],
    ['https://ehr.example/fhir/r4/Observation?_getpages=abc', 'https://ehr.example/fhir/r4/Observation?_getpages=abc'],
    ['https://ehr.example/other-base/Observation?sessionID=1', 'https://ehr.example/other-base/Observation?sessionID=1'],
  ])('%s -> %s', (input, expected) => {
    expect(resolveFhirUrl(input, SERVER).href).toBe(expected);
    expect(resolveFhirUrl(input, `${SERVER}/`).href).toBe(expected);
  });

  it.each([
    'https://evil.example/fhir/Patient/p1',
    'http://ehr.example/fhir/r4/Patient/p1', // same host, other scheme = other origin
    'https://ehr.example:8443/fhir/r4/Patient/p1',
    'https://user:pw@ehr.example/fhir/r4/Patient',
    '//evil.example/fhir/Patient',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'urn:uuid:1234',
  ])('%s is refused', (input) => {
    expect(() => resolveFhirUrl(input, SERVER)).toThrow(ForbiddenUrlError);
  });
});

describe('describeRequest', () => {
  it.each([
    ['https://ehr.example/fhir/r4/Patient/pat-123', 'Patient read'],
    ['https://ehr.example/fhir/r4/Observation?patient=pat-123', 'Observation search'],
    ['https://ehr.example/fhir/r4/Observation/_search', 'Observation search'],
    ['https://ehr.example/fhir/r4/Patient/pat-123/_history/2', 'Patient request'],
    ['https://ehr.example/elsewhere?x=1', 'request'],
  ])('%s is a %s', (url, expected) => {
    expect(describeRequest(new URL(url), SERVER)).toBe(expected);
  });
});

describe('createFhirRequester', () => {
  it('reads the Patient with the bearer token and Accept application/fhir+json', async () => {
    const f = fakeFetch(json(200, patient));
    const r = createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS });
    expect(r.serverUrl).toBe(SERVER);
    await expect(r.get('Patient/pat-123')).resolves.toEqual(patient);
    expect(f.calls).toEqual([{ url: `${SERVER}/Patient/pat-123`, headers: { accept: 'application/fhir+json', authorization: 'Bearer tok-1' } }]);
  });

  it('returns one page only: a Bundle with a next link is returned as is, the link is not followed', async () => {
    const bundle = { resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: `${SERVER}/Observation?page=2` }], entry: [] };
    const f = fakeFetch(json(200, bundle));
    const r = createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS });
    await expect(r.get('Observation?patient=pat-123')).resolves.toEqual(bundle);
    expect(f.calls).toHaveLength(1);
  });

  it('a paging link on another origin is refused before anything is sent (the token stays home)', async () => {
    const f = fakeFetch();
    const r = createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS });
    await expect(r.get('https://evil.example/fhir/Observation?page=2')).rejects.toBeInstanceOf(ForbiddenUrlError);
    expect(f.calls).toHaveLength(0);
  });

  it('passes the abort signal to fetch', async () => {
    const f = fakeFetch(json(200, patient));
    const ac = new AbortController();
    await createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123', { signal: ac.signal });
    expect(f.calls[0]?.signal).toBe(ac.signal);
  });

  it('401 with a refresh token: refreshes once and retries with the new token', async () => {
    const f = fakeFetch(json(401, {}), json(200, patient));
    const client = fakeClient({ refreshToken: 'r1' });
    const r = createFhirRequester(client, { fetch: f.fetch, now: () => NOW_MS });
    await expect(r.get('Patient/pat-123')).resolves.toEqual(patient);
    expect(client.refresh).toHaveBeenCalledTimes(1);
    expect(f.calls.map((c) => c.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('401 again after the refresh: the session has ended', async () => {
    const f = fakeFetch(json(401, {}), json(401, {}));
    const client = fakeClient({ refreshToken: 'r1' });
    await expect(createFhirRequester(client, { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(client.refresh).toHaveBeenCalledTimes(1);
  });

  it('401 without a refresh token (trimmed grant): the session has ended, no refresh is tried', async () => {
    const f = fakeFetch(json(401, {}));
    const client = fakeClient();
    await expect(createFhirRequester(client, { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(client.refresh).not.toHaveBeenCalled();
  });

  it('token expired by the clock, refresh token present: refreshes before sending', async () => {
    const f = fakeFetch(json(200, patient));
    const client = fakeClient({ refreshToken: 'r1', expiresAt: NOW_S + 5 });
    await createFhirRequester(client, { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123');
    expect(client.refresh).toHaveBeenCalledTimes(1);
    expect(f.calls.map((c) => c.headers.authorization)).toEqual(['Bearer tok-2']);
  });

  it('token expired by the clock, no refresh token: the session has ended and the token is not sent', async () => {
    const f = fakeFetch();
    const client = fakeClient({ expiresAt: NOW_S - 60 });
    await expect(createFhirRequester(client, { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(f.calls).toHaveLength(0);
  });

  it('a failing refresh (expired refresh token) ends the session', async () => {
    const f = fakeFetch();
    const client = fakeClient({ refreshToken: 'r1', expiresAt: NOW_S - 60, refreshFails: true });
    const err = await createFhirRequester(client, { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionExpiredError);
    expect((err as Error).message).toBe('Your session has ended: relaunch LMWH Monitor from the EHR.');
  });

  it('404 with an OperationOutcome: FhirHttpError carries the outcome, the message has no patient id', async () => {
    const f = fakeFetch(json(404, outcome404, 'Not Found'));
    const err = await createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS }).get('Patient/pat-123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirHttpError);
    const e = err as FhirHttpError;
    expect(e.status).toBe(404);
    expect(e.outcome).toEqual(outcome404);
    expect(e.message).toBe('The FHIR server answered 404 Not Found to the Patient read.');
    expect(e.message).not.toContain('pat-123');
  });

  it('403 for a resource type the EHR app was not given (Epic): FhirHttpError 403 naming the search', async () => {
    const f = fakeFetch(json(403, { resourceType: 'OperationOutcome', issue: [] }));
    const err = await createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS }).get('ServiceRequest?patient=pat-123').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, message: 'The FHIR server answered 403 to the ServiceRequest search.' });
  });

  it('500 with an HTML body: FhirHttpError without an outcome', async () => {
    const f = fakeFetch(text(500, '<html>oops</html>'));
    const err = await createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS }).get('Observation?patient=p').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirHttpError);
    expect((err as FhirHttpError).status).toBe(500);
    expect((err as FhirHttpError).outcome).toBeUndefined();
  });

  it('a 200 that is not JSON is a FhirHttpError, not a crash', async () => {
    const f = fakeFetch(text(200, '<html>login page</html>'));
    const error = await createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS }).get('Patient/p').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FhirHttpError', status: 200, notJson: true });
    expect(reasonText(failureReason(error, { resourceType: 'Patient', action: 'read' }))).toBe("the server's answer to the Patient read was not FHIR JSON (for example a web page)");
  });

  it('a 429 carries its Retry-After for the retry policy', async () => {
    const f = fakeFetch(() => new Response('{}', { status: 429, headers: { 'retry-after': '3' } }));
    await expect(createFhirRequester(fakeClient(), { fetch: f.fetch, now: () => NOW_MS }).get('Patient/p')).rejects.toMatchObject({ status: 429, retryAfterMs: 3000 });
  });

  it('an unreachable server is a FhirNetworkError', async () => {
    const fetchFails = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(createFhirRequester(fakeClient(), { fetch: fetchFails, now: () => NOW_MS }).get('Patient/p')).rejects.toBeInstanceOf(FhirNetworkError);
  });
});

describe('completeLaunch', () => {
  const APP = 'http://localhost:8080/app/';
  const readyClient = (tokenResponse: Record<string, unknown>) => async () => ({
    state: { serverUrl: 'http://localhost:8080/fhir', expiresAt: NOW_S + 3600, tokenResponse: { access_token: 't', ...tokenResponse } },
    refresh: async () => undefined,
  });
  const noStore = { getItem: () => null };

  it('the app page opened directly (no code, no state, nothing stored) is not a launch; ready() is not called', async () => {
    const ready = vi.fn(readyClient({ patient: 'p1' }));
    await expect(completeLaunch({ pageHref: APP, storage: noStore, ready })).resolves.toEqual({ kind: 'no-launch' });
    expect(ready).not.toHaveBeenCalled();
  });

  it('the redirect back: session with patient, banner preference and granted scope', async () => {
    const out = await completeLaunch({
      pageHref: `${APP}?code=c&state=s`,
      storage: noStore,
      ready: readyClient({ patient: 'p1', need_patient_banner: false, scope: 'launch patient/*.rs' }),
    });
    expect(out.kind).toBe('ready');
    if (out.kind !== 'ready') return;
    expect(out.session).toMatchObject({ patientId: 'p1', needPatientBanner: false, grantedScope: 'launch patient/*.rs' });
    expect(out.session.requester.serverUrl).toBe('http://localhost:8080/fhir');
  });

  it('the session is handed over once the CapabilityStatement read started before the token exchange has settled', async () => {
    const order: string[] = [];
    let finish: () => void = () => undefined;
    const capabilityPrefetch = new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push('capabilities'));
    const ready = async () => {
      order.push('token');
      setTimeout(finish, 0);
      return readyClient({ patient: 'p1' })();
    };
    const out = await completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready, capabilityPrefetch });
    order.push('session');
    expect(out.kind).toBe('ready');
    expect(order).toEqual(['token', 'capabilities', 'session']);
  });

  it('need_patient_banner absent means show the banner', async () => {
    const out = await completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready: readyClient({ patient: 'p1' }) });
    expect(out.kind === 'ready' && out.session.needPatientBanner).toBe(true);
  });

  it('the appContext of a launch from a CDS card is passed on when it is a string, and dropped otherwise', async () => {
    const ctx = '{"event":"event:Appointment/b1"}';
    const out = await completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready: readyClient({ patient: 'p1', appContext: ctx }) });
    expect(out.kind === 'ready' && out.session.appContext).toBe(ctx);
    const odd = await completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready: readyClient({ patient: 'p1', appContext: { event: 'x' } }) });
    expect(odd.kind === 'ready' && 'appContext' in odd.session).toBe(false);
  });

  it('the request timeout configured for the launch server goes with the session; another server\'s does not', async () => {
    const config = (iss: string): SmartConfig => ({
      defaults: { clientId: 'a', scopeStyle: 'v2' },
      servers: [{ id: 's', label: 'S', issMatch: { exact: iss }, clientId: 'c', scopeStyle: 'v2', requestTimeoutMs: 40_000 }],
    });
    const launched = (launchConfig: Promise<SmartConfig>) =>
      completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready: readyClient({ patient: 'p1' }), launchConfig });
    const own = await launched(Promise.resolve(config('http://localhost:8080/fhir')));
    expect(own.kind === 'ready' && own.session.requestTimeoutMs).toBe(40_000);
    const other = await launched(Promise.resolve(config('https://other.example/fhir')));
    expect(other.kind === 'ready' && 'requestTimeoutMs' in other.session).toBe(false);
  });

  it('an unreadable launch configuration on the app page leaves the default timeout and still launches', async () => {
    const out = await completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready: readyClient({ patient: 'p1' }), launchConfig: Promise.reject(new Error('404')) });
    expect(out.kind).toBe('ready');
    expect(out.kind === 'ready' && 'requestTimeoutMs' in out.session).toBe(false);
  });

  it('a launch configuration that never arrives holds the launch back only briefly, then the default timeout applies', async () => {
    vi.useFakeTimers();
    try {
      const out = completeLaunch({ pageHref: APP, storage: { getItem: () => 'key' }, ready: readyClient({ patient: 'p1' }), launchConfig: new Promise<SmartConfig>(() => undefined) });
      await vi.advanceTimersByTimeAsync(LAUNCH_CONFIG_WAIT_MS);
      const launched = await out;
      expect(launched.kind === 'ready' && launched.session.patientId).toBe('p1');
      expect(launched.kind === 'ready' && 'requestTimeoutMs' in launched.session).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a token without a patient is a readable launch error', async () => {
    const err = await completeLaunch({ pageHref: `${APP}?code=c&state=s`, storage: noStore, ready: readyClient({}) }).catch((e: unknown) => e);
    expect(reasonText((err as LaunchError).reason)).toMatch(/did not say which patient/);
  });

  /** fhirclient's storage for a launch started in this tab with state key `s`. */
  const launchedAs = (key: string) => ({ getItem: (k: string) => (k === 'SMART_KEY' ? JSON.stringify(key) : k === key ? '{"serverUrl":"x"}' : null) });

  it('the authorization server refused (error in the redirect, state of this tab): named, without calling ready()', async () => {
    const ready = vi.fn(readyClient({ patient: 'p1' }));
    const err = await completeLaunch({ pageHref: `${APP}?error=access_denied&error_description=User+said+no&state=s`, storage: launchedAs('s'), ready }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LaunchError);
    expect(reasonText((err as LaunchError).reason)).toBe(
      "The EHR's authorization server did not authorise the launch (access_denied: User said no). Relaunch LMWH Monitor from the EHR.",
    );
    expect(ready).not.toHaveBeenCalled();
  });

  it.each([
    ['no launch in this tab', noStore, 's'],
    ['another launch in this tab', launchedAs('real-state'), 'forged'],
    ['no state in the URL', launchedAs('s'), ''],
  ])('an error redirect whose state is not this tab\'s launch (%s) shows none of the URL\'s text', async (_n, storage, state) => {
    const spoof = `${APP}?error=access_denied&error_description=${encodeURIComponent('Call 0800 123 to unlock your account')}${state ? `&state=${state}` : ''}`;
    const error = await completeLaunch({ pageHref: spoof, storage, ready: readyClient({ patient: 'p1' }) }).catch((e: Error) => e);
    expect(reasonText((error as LaunchError).reason)).toMatch(/does not match a launch started in this browser tab/);
    expect(reasonText((error as LaunchError).reason)).not.toMatch(/0800|access_denied/);
  });
});

describe('describeLaunchError', () => {
  it.each<[string, unknown, RegExp]>([
    ['launch state missing (new tab)', new Error("No 'state' parameter found. Please (re)launch the app."), /launch state is missing/],
    ['state not in this tab', new Error('No state found! Please (re)launch the app.'), /launch state is missing/],
    [
      'token endpoint refused the code (fhirclient HttpError)',
      Object.assign(new Error('400 Bad Request\nURL: http://h/auth/token\ninvalid_grant: PKCE code_verifier does not match'), { status: 400 }),
      /^The EHR's authorization server refused to complete the launch \(HTTP 400: invalid_grant: PKCE code_verifier does not match\)/,
    ],
    ['network', new TypeError('Failed to fetch'), /could not be reached/],
    ['an HTML page where JSON was expected', new SyntaxError("Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"), /answered with something that is not JSON \(for example a web page\)/],
    ['anything else', 'weird', /^The launch could not be completed/],
  ])('%s', (_n, e, expected) => {
    const text = reasonText(describeLaunchError(e));
    expect(text).toMatch(expected);
    expect(text).not.toContain('http://h/auth/token');
  });
});
