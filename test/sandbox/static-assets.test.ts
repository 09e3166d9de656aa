import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { NOW, silent, tempFiles } from './helpers';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;
const CHUNK = `export const big = ${JSON.stringify('x'.repeat(20_000))};\n`;

beforeAll(async () => {
  const distDir = await tempFiles({ 'index.html': '<!doctype html><title>app</title><script type="module" src="./assets/app-AbCd1234.js"></script>' });
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'assets', 'app-AbCd1234.js'), CHUNK);
  sandbox = await startSandbox({ port: 0, now: NOW, log: silent, demo: false, distDir });
  base = sandbox.url;
});
afterAll(async () => {
  await sandbox?.close();
});

/** A raw GET (fetch would decode the body and hide Content-Encoding handling). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the app as the sandbox serves it', () => {
  it('carries a CSP without inline script, limiting connect-src and frame-ancestors, plus nosniff and no-referrer', async () => {
    const res = await fetch(`${base}/app/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // No inline style either: styles come from the app's own stylesheets (run-time rules go through the CSSOM).
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/(^|; )style-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${base}`));
    expect(csp).toContain('https://launch.smarthealthit.org');
    expect(csp).not.toMatch(/connect-src[^;]*\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('hashed chunks are immutable for a year; HTML is no-cache; both carry an ETag that answers 304', async () => {
    const js = await fetch(`${base}/app/assets/app-AbCd1234.js`);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const html = await fetch(`${base}/app/`);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    for (const [url, etag] of [[`${base}/app/assets/app-AbCd1234.js`, js.headers.get('etag')], [`${base}/app/`, html.headers.get('etag')]]) {
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await fetch(String(url), { headers: { 'if-none-match': String(etag) } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('compresses with brotli or gzip as the client accepts, identity otherwise', async () => {
    const url = `${base}/app/assets/app-AbCd1234.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.body).toString()).toBe(CHUNK);
    expect(br.body.length).toBeLessThan(CHUNK.length / 10);
    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(CHUNK);
    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(CHUNK);
  });

  it('serves the development launch configuration, with the loopback entry narrowed to its own address', async () => {
    const res = await fetch(`${base}/app/smart-config.json`);
    const config = (await res.json()) as { servers: { id: string; issMatch: { regex?: string } }[] };
    const local = config.servers.find((s) => s.id === 'local-sandbox');
    const re = new RegExp(String(local?.issMatch.regex));
    expect(re.test(`${base}/fhir`)).toBe(true);
    expect(re.test('http://127.0.0.1:1/fhir')).toBe(false);
    expect(config.servers.map((s) => s.id)).toContain('epic-sandbox');
  });

  it("the sandbox's own pages run no script and can be framed only by the sandbox", async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'self'/);
    expect(await res.text()).not.toContain('<script');
  });

  it("the sandbox's own pages allow no inline style: they link the sandbox stylesheet, which is served", async () => {
    for (const page of ['/', '/launch?patient=nobody']) {
      const res = await fetch(`${base}${page}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toMatch(/(^|; )style-src 'self'(;|$)/);
      const html = await res.text();
      expect(html).not.toMatch(/<style|\sstyle=/i);
      expect(html).toContain('<link rel="stylesheet" href="/sandbox.css">');
    }
    const css = await fetch(`${base}/sandbox.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await css.text()).toContain('header.ehr');
  });
});
