import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Relative base: the built app works under any folder (the local sandbox serves it at /app/).
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react()],
  // fhirclient uses native fetch in the browser build; kept out of test mode.
  define: mode === 'test' ? {} : { FHIRCLIENT_PURE: 'true' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        launch: resolve(import.meta.dirname, 'launch/index.html'),
      },
    },
  },
}));
