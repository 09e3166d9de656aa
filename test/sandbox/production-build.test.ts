import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import viteConfig, { productionOnly } from '../../vite.config';
import { tempFiles } from './helpers';

type Hook = (...args: unknown[]) => void;

describe('production build output', () => {
  it('drops the mock service worker and the developmentOnly (loopback) launch entries, keeps the rest', async () => {
    const shipped = readFileSync(path.resolve(import.meta.dirname, '../../public/smart-config.json'), 'utf8');
    const dist = await tempFiles({ 'smart-config.json': shipped, 'mockServiceWorker.js': '/* msw */' });
    const plugin = productionOnly();
    (plugin.configResolved as Hook)({ root: dist, build: { outDir: '.' } });
    (plugin.closeBundle as Hook)();
    expect(existsSync(path.join(dist, 'mockServiceWorker.js'))).toBe(false);
    const config = JSON.parse(readFileSync(path.join(dist, 'smart-config.json'), 'utf8')) as { servers: { id: string; issMatch: unknown }[] };
    const ids = config.servers.map((s) => s.id);
    expect(ids).not.toContain('local-sandbox');
    expect(ids).toEqual(expect.arrayContaining(['smart-launcher-r4', 'epic-sandbox', 'oracle-health-sandbox']));
    expect(JSON.stringify(config)).not.toMatch(/localhost|127\\.0\\.0\\.1/);
    expect(plugin.apply).toBe('build');
  });

  it('ships no source maps', () => {
    const resolved = (viteConfig as unknown as (env: { mode: string; command: string }) => { build: { sourcemap: unknown } })({ mode: 'production', command: 'build' });
    expect(resolved.build.sourcemap).toBe(false);
  });

  it('the development configuration still has the loopback sandbox entry', () => {
    const dev = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/smart-config.json'), 'utf8')) as { servers: { id: string; developmentOnly?: boolean }[] };
    expect(dev.servers.find((s) => s.id === 'local-sandbox')?.developmentOnly).toBe(true);
  });
});
