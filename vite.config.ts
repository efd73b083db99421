import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';

// Relative base: dist/ works from any sub-path of any static host, with no server.
export default defineConfig({
  base: './',
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
