import { readFileSync } from 'node:fs';
import { defineConfig, type IndexHtmlTransformContext, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';

// The default package's resource paths, known when building: the entry starts downloading them
// together with datapackage.json instead of after it (src/io/packageFiles.ts). Only a guess:
// the descriptor served at run time still decides what is read.
const defaultDescriptor = JSON.parse(readFileSync(new URL('./data/mk/datapackage.json', import.meta.url), 'utf8')) as { resources?: { path?: unknown }[] };
const defaultFiles = (defaultDescriptor.resources ?? []).map((r) => r.path).filter((p): p is string => typeof p === 'string');

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

/**
 * index.html asks for the chunks that the app and the embed both load (the parser, the
 * translations, …) with <link rel="modulepreload">, so that they download and compile while
 * the entry does, instead of after it has run. Chunks only one of them needs are not preloaded
 * (an embed must not download the app, nor the app the embed).
 */
function preloadSharedChunks(): Plugin {
  const CHUNKS = ['src/ui/App.tsx', 'src/ui/embed/EmbedApp.tsx'];
  return {
    name: 'preload-shared-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle: Bundle | undefined = ctx.bundle;
        if (!bundle) return;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const closure = (file: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(file)) return seen;
          seen.add(file);
          for (const i of bundle[file]?.type === 'chunk' ? (bundle[file].imports ?? []) : []) closure(i, seen);
          return seen;
        };
        const deps = CHUNKS.map((m) => {
          const c = chunks.find((x) => x.facadeModuleId?.replaceAll('\\', '/').endsWith(m));
          if (!c) throw new Error(`preload-shared-chunks: no chunk for ${m}`);
          const all = closure(c.fileName);
          all.delete(c.fileName);
          return all;
        });
        const entry = ctx.chunk?.fileName;
        const shared = [...(deps[0] ?? [])].filter((f) => f !== entry && deps.every((d) => d.has(f))).sort();
        return shared.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// Relative base: dist/ works from any sub-path of any static host, with no server.
export default defineConfig({
  base: './',
  define: { __DEFAULT_PACKAGE_FILES__: JSON.stringify(defaultFiles) },
  plugins: [
    react(),
    preloadSharedChunks(),
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
