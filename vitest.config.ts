import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// fhirclient's Node entry has no oauth2; tests use its browser entry.
const alias = { fhirclient: 'fhirclient/lib/entry/browser.js' };

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', 'src/fhir/**/*.test.ts', 'mocks/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fixtures/**/*.test.ts', 'test/sandbox/**/*.test.ts', 'test/cds/**/*.test.ts', 'test/bench/**/*.test.ts'],
          setupFiles: ['test/setup-unit.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/ui/**/*.test.tsx', 'src/ui/**/*.test.ts', 'launch/**/*.test.ts'],
          setupFiles: ['test/setup-ui.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
