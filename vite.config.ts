import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface LaunchConfig {
  servers?: { developmentOnly?: boolean }[];
  [key: string]: unknown;
}

/**
 * The production build ships what a deployment needs and nothing a developer uses: dist/smart-config.json without
 * the entries marked developmentOnly (the loopback sandbox), and no mock service worker (MSW is for development).
 */
export function productionOnly(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lmwh-production-only',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
      const file = resolve(outDir, 'smart-config.json');
      const config = JSON.parse(readFileSync(file, 'utf8')) as LaunchConfig;
      config.servers = (config.servers ?? []).filter((s) => !s.developmentOnly);
      writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    },
  };
}

// Relative base: the built app works under any folder (the local sandbox serves it at /app/).
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), productionOnly()],
  // fhirclient uses native fetch in the browser build; kept out of test mode (under Vitest it would capture fetch
  // before MSW patches it).
  define: mode === 'test' ? {} : { FHIRCLIENT_PURE: 'true' },
  // fhirclient's logger, silent in what users load (src/fhir/silentDebug.cjs says why).
  resolve: mode === 'test' ? {} : { alias: { debug: resolve(import.meta.dirname, 'src/fhir/silentDebug.cjs') } },
  build: {
    outDir: 'dist',
    // No source maps in what is deployed: they would publish the source to every user.
    sourcemap: false,
    rolldownOptions: {
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        launch: resolve(import.meta.dirname, 'launch/index.html'),
      },
    },
  },
}));
