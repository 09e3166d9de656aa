import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const createDebug = createRequire(import.meta.url)('./silentDebug.cjs') as ((ns: string) => ((...a: unknown[]) => void) & { enabled: boolean; namespace: string; extend: (s: string) => unknown }) & {
  enable: (ns: string) => void;
  enabled: (ns: string) => boolean;
};

describe('the logger fhirclient gets in the browser build', () => {
  it('gives fhirclient what it calls (a callable logger, extend) and never writes, even when asked to enable', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    createDebug.enable('FHIR*');
    const base = createDebug('FHIR');
    const request = base.extend('client:request') as typeof base;
    request('GET %s token %o', 'https://ehr.example/fhir/Patient/1', { access_token: 'secret' });
    expect(request.namespace).toBe('FHIR:client:request');
    expect(request.enabled).toBe(false);
    expect(createDebug.enabled('FHIR:client')).toBe(false);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });
});
