/**
 * Proves the authorize options against fhirclient itself (not a mock): PKCE S256 is sent even when the server's
 * SMART configuration does not list S256, and the redirect URI / scope / client id reach the authorize URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import FHIR from 'fhirclient';
import { authorizeOptions } from '../src/fhir/smart';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    // A server whose metadata does not advertise PKCE (no code_challenge_methods_supported).
    if (req.url?.endsWith('/.well-known/smart-configuration')) {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ authorization_endpoint: `${base}/auth/authorize`, token_endpoint: `${base}/auth/token` }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('fhirclient authorize with our options', () => {
  it('sends an S256 code challenge although the server does not advertise PKCE', async () => {
    const opts = authorizeOptions({ iss: `${base}/fhir`, launch: 'L1', clientId: 'lmwh-monitor', scopeStyle: 'v2', launchPageHref: 'http://localhost:3000/app/launch/' });
    const redirect = await FHIR.oauth2.authorize({ ...opts, noRedirect: true });
    const u = new URL(String(redirect));
    expect(u.origin + u.pathname).toBe(`${base}/auth/authorize`);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(u.searchParams.get('redirect_uri')).toBe('http://localhost:3000/app/');
    expect(u.searchParams.get('client_id')).toBe('lmwh-monitor');
    expect(u.searchParams.get('launch')).toBe('L1');
    expect(u.searchParams.get('aud')).toBe(`${base}/fhir`);
    expect(u.searchParams.get('scope')?.split(' ')).toContain('patient/MedicationAdministration.rs');
    // The verifier stays in this tab's sessionStorage (fhirclient's state), not in localStorage.
    expect(localStorage.length).toBe(0);
  });
});
