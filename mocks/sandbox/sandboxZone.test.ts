import { describe, expect, it } from 'vitest';
import { createSandboxConfig } from './config.mjs';
import { sandboxZone } from './index.mjs';
import { demoPatients } from '../data/index.mjs';

const NOW = Date.parse('2026-11-25T09:00:00Z');

describe('the sandbox facility zone (SANDBOX_TZ)', () => {
  it('unset or empty: none declared', () => {
    expect(sandboxZone(undefined)).toBeUndefined();
    expect(sandboxZone(' ')).toBeUndefined();
  });

  it('a zone that is not IANA stops the start with a readable error', () => {
    expect(() => sandboxZone('New York')).toThrow(/not an IANA time zone/);
  });

  it('declared: every development server entry of the served launch configuration names it; other entries do not', () => {
    const c = createSandboxConfig({ url: 'http://127.0.0.1:9999', port: 9999, facilityTimeZone: 'America/New_York' });
    const servers = c.devLaunchConfig.servers as { developmentOnly?: boolean; facilityTimeZone?: string }[];
    expect(servers.filter((s) => s.developmentOnly).every((s) => s.facilityTimeZone === 'America/New_York')).toBe(true);
    expect(servers.filter((s) => !s.developmentOnly).some((s) => s.facilityTimeZone !== undefined)).toBe(false);
    const none = createSandboxConfig({ url: 'http://127.0.0.1:9999', port: 9999 });
    expect((none.devLaunchConfig.servers as { facilityTimeZone?: string }[]).some((s) => s.facilityTimeZone !== undefined)).toBe(false);
  });

  it('the demo data are written in the declared zone: the 08:30 caesarean carries New York\'s offset', () => {
    const write = (zone?: string) => JSON.stringify((demoPatients(NOW, zone) as { id: string; resources: unknown[] }[]).find((p) => p.id === 'third-trimester')!.resources);
    expect(write('America/New_York')).toMatch(/T08:30:00-05:00/);
    expect(write()).toMatch(/T08:30:00Z|T08:30:00\+00:00/);
  });
});
