import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Fixed sandbox clock for every sandbox test. */
export const NOW = Date.parse('2026-04-03T08:30:00Z');

export const CLIENT_ID = 'lmwh-monitor';

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export const silent = (): void => undefined;

/** GET without following redirects; returns the Location header. */
export async function locationOf(url: string): Promise<{ status: number; location: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') ?? '' };
}

/** Starts an EHR launch and returns the opaque launch id. */
export async function ehrLaunchId(base: string, patient: string, options: Record<string, string> = {}): Promise<string> {
  const q = new URLSearchParams({ patient, ...options });
  const { status, location } = await locationOf(`${base}/launch?${q}`);
  if (status !== 302) throw new Error(`launch answered ${status}`);
  const launch = new URL(location, base).searchParams.get('launch');
  if (!launch) throw new Error('no launch id');
  return launch;
}

export interface AuthorizeArgs {
  base: string;
  scope: string;
  launch?: string;
  challenge?: string;
  redirectUri?: string;
  aud?: string;
  clientId?: string;
  state?: string;
  method?: string | null;
}

export function authorizeUrl(a: AuthorizeArgs): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: a.clientId ?? CLIENT_ID,
    redirect_uri: a.redirectUri ?? `${a.base}/app/`,
    scope: a.scope,
    state: a.state ?? 'state-123',
    aud: a.aud ?? `${a.base}/fhir`,
  });
  if (a.launch) q.set('launch', a.launch);
  if (a.challenge) q.set('code_challenge', a.challenge);
  if (a.method !== null) q.set('code_challenge_method', a.method ?? 'S256');
  return `${a.base}/auth/authorize?${q}`;
}

/** Runs /auth/authorize and returns the code (throws when the redirect carries an error). */
export async function authorizeCode(a: AuthorizeArgs): Promise<string> {
  const { status, location } = await locationOf(authorizeUrl(a));
  if (status !== 302) throw new Error(`authorize answered ${status}`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code: ${location}`);
  return code;
}

export async function postToken(base: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export interface TokenResult {
  access_token: string;
  scope: string;
  patient?: string;
  refresh_token?: string;
  expires_in: number;
  id_token?: string;
  need_patient_banner?: boolean;
}

/** Full EHR launch: /launch -> /auth/authorize -> /auth/token. */
export async function ehrToken(base: string, patient: string, scope: string, options: Record<string, string> = {}): Promise<TokenResult> {
  const launch = await ehrLaunchId(base, patient, options);
  const { verifier, challenge } = pkce();
  const code = await authorizeCode({ base, scope, launch, challenge });
  const res = await postToken(base, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${base}/app/`,
    client_id: CLIENT_ID,
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as unknown as TokenResult;
}

/** The parts of FHIR response bodies the tests look at. */
export interface FhirBody {
  resourceType: string;
  id?: string;
  total?: number;
  entry?: fhir4.BundleEntry[];
  link?: fhir4.BundleLink[];
  issue?: fhir4.OperationOutcomeIssue[];
  [key: string]: unknown;
}

export async function fhirGet(base: string, rel: string, token?: string): Promise<{ status: number; body: FhirBody; headers: Headers }> {
  const url = rel.startsWith('http') ? rel : `${base}/fhir/${rel}`;
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** Writes files into a fresh temporary folder and returns its path. */
export async function tempFiles(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lmwh-sandbox-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

/**
 * A transaction Bundle (PUT, fixed ids) with two patients: `pA` with `obsCount` body-weight Observations on
 * successive days, a D-dimer, a MedicationRequest referencing a Medication, an Appointment; `pB` with one Observation.
 */
export function testBundle(obsCount = 130): fhir4.Bundle {
  const entries: fhir4.Resource[] = [
    { resourceType: 'Patient', id: 'pA', name: [{ given: ['Anna'], family: 'Test' }], birthDate: '1990-06-15', gender: 'female' } as fhir4.Patient,
    { resourceType: 'Patient', id: 'pB', name: [{ given: ['Bea'], family: 'Other' }], birthDate: '1985-01-01', gender: 'female' } as fhir4.Patient,
    ...bodyWeights(obsCount),
    ...otherRecords(),
  ];
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })) as fhir4.BundleEntry[],
  };
}

/** `count` body weights of pA on successive days back from 2026-01-01 (ids w0, w1, ...). */
function bodyWeights(count: number): fhir4.Observation[] {
  const out: fhir4.Observation[] = [];
  const day0 = Date.parse('2026-01-01T08:00:00Z');
  for (let i = 0; i < count; i++) {
    out.push({
      resourceType: 'Observation',
      id: `w${i}`,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
      subject: { reference: 'Patient/pA' },
      effectiveDateTime: new Date(day0 - i * 86_400_000).toISOString(),
      valueQuantity: { value: 70 + (i % 5), unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    } as fhir4.Observation);
  }
  return out;
}

/** pA's D-dimers (LOINC and a local code), enoxaparin order and Medication, appointment; pB's one weight. */
function otherRecords(): fhir4.Resource[] {
  return [
    {
      resourceType: 'Observation',
      id: 'dd1',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }] },
      subject: { reference: 'Patient/pA' },
      effectiveDateTime: '2026-02-01T09:00:00Z',
      valueQuantity: { value: 620, unit: 'ng/mL{FEU}', system: 'http://unitsofmeasure.org', code: 'ng/mL{FEU}' },
    } as fhir4.Observation,
    {
      resourceType: 'Observation',
      id: 'dd-local',
      status: 'final',
      code: { coding: [{ system: 'http://example.org/local-codes', code: '48065-7' }] },
      subject: { reference: 'Patient/pA' },
      effectiveDateTime: '2026-02-02T09:00:00Z',
    } as fhir4.Observation,
    {
      resourceType: 'Medication',
      id: 'med-enox',
      code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854228' }] },
    } as fhir4.Medication,
    {
      resourceType: 'MedicationRequest',
      id: 'mr1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/pA' },
      medicationReference: { reference: 'Medication/med-enox' },
      authoredOn: '2026-01-10',
    } as fhir4.MedicationRequest,
    {
      resourceType: 'Appointment',
      id: 'appt1',
      status: 'booked',
      participant: [{ actor: { reference: 'Patient/pA' }, status: 'accepted' }],
      start: '2026-05-01T08:00:00Z',
    } as fhir4.Appointment,
    {
      resourceType: 'Observation',
      id: 'b1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
      subject: { reference: 'Patient/pB' },
      effectiveDateTime: '2026-01-05T08:00:00Z',
    } as fhir4.Observation,
  ];
}
