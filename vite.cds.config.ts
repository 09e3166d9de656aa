import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The CDS Hooks service as a Node bundle (Node 20 cannot run .ts): dist-cds/handler.mjs (mounted by the local
// sandbox under /cds-services) and dist-cds/server.mjs (`npm run cds`). Dependencies stay in node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-cds',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      input: {
        handler: resolve(import.meta.dirname, 'cds/handler.ts'),
        server: resolve(import.meta.dirname, 'cds/server.ts'),
      },
      output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
