import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '../../scripts/bench-browser.mjs';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { NOW, silent, tempFiles, testBundle } from '../sandbox/helpers';

describe("the bench's delay proxy as the sandbox's public origin", () => {
  let proxy: Awaited<ReturnType<typeof startDelayProxy>>;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;

  beforeAll(async () => {
    proxy = await startDelayProxy();
    const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(3)) });
    sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [dir], log: silent, demo: false, publicUrl: proxy.url });
  });
  afterAll(async () => {
    await proxy?.close();
    await sandbox?.close();
  });

  it('answers 503 until it knows the sandbox, then forwards with the delay set: discovery and launch name the proxy', async () => {
    expect((await fetch(`${proxy.url}/.well-known/smart-configuration`)).status).toBe(503);
    proxy.setTarget(sandbox.url);
    proxy.setDelay(20);
    const discovery = await (await fetch(`${proxy.url}/fhir/.well-known/smart-configuration`)).json();
    expect(discovery).toMatchObject({ issuer: `${proxy.url}/fhir`, authorization_endpoint: `${proxy.url}/auth/authorize`, token_endpoint: `${proxy.url}/auth/token` });
    const launch = await fetch(`${proxy.url}/launch?patient=pA`, { redirect: 'manual' });
    expect(launch.status).toBe(302);
    const location = new URL(launch.headers.get('location') ?? '', proxy.url);
    expect(location.origin).toBe(proxy.url);
    expect(location.searchParams.get('iss')).toBe(`${proxy.url}/fhir`);
    proxy.setDelay(0);
    expect((await fetch(`${proxy.url}/fhir/metadata`)).status).toBe(200);
  });
});
