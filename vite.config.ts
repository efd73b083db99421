import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';

// The default package's resource paths, known when building: the entry starts downloading them
// together with datapackage.json instead of after it (src/io/packageFiles.ts). Only a guess:
// the descriptor served at run time still decides what is read.
const defaultDescriptor = JSON.parse(readFileSync(new URL('./data/mk/datapackage.json', import.meta.url), 'utf8')) as { resources?: { path?: unknown }[] };
const defaultFiles = (defaultDescriptor.resources ?? []).map((r) => r.path).filter((p): p is string => typeof p === 'string');

// Relative base: dist/ works from any sub-path of any static host, with no server.
export default defineConfig({
  base: './',
  define: { __DEFAULT_PACKAGE_FILES__: JSON.stringify(defaultFiles) },
  plugins: [
    react(),
    // The default data package is served (dev) and copied (build) at ./data/<country>/,
    // the same way a user's own package is loaded with ?package=<url>.
    viteStaticCopy({
      targets: [{ src: 'data/mk/*', dest: 'data/mk' }],
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
