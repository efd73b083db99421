// Serves the built app with vite's preview server, plus the benchmark's generated files under
// /__bench/ (from .cache/bench/www). The app is built into .cache/bench/dist, not dist/: other
// work in the same checkout (e2e runs) rebuilds dist/ at any moment, and a benchmark must
// measure the sources as they are, so the build is redone whenever a source is newer.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { preview, type Plugin } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const WWW = join(ROOT, '.cache', 'bench', 'www');
export const OUT = join(ROOT, '.cache', 'bench', 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the app into OUT when it is missing or (unless `reuse`) older than the sources. */
export function ensureBuild(opts: { reuse: boolean; log: (s: string) => void }): void {
  const index = join(OUT, 'index.html');
  let why: string | null = existsSync(index) ? null : 'no build yet';
  if (!why && !opts.reuse) {
    const built = statSync(index).mtimeMs;
    const inputs = ['index.html', 'package.json', 'vite.config.ts'].map((f) => statSync(join(ROOT, f)).mtimeMs);
    const src = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'data')), newest(join(ROOT, 'public')), ...inputs);
    if (src > built) why = 'sources changed since the last build';
  }
  if (!why) return;
  opts.log(`building the app into .cache/bench/dist (${why}) …`);
  const r = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('vite build failed');
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.pmtiles': 'application/octet-stream',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
};

/** /__bench/<path> → .cache/bench/www/<path>, with HTTP range requests (PMTiles needs them). */
function benchFiles(): Plugin {
  return {
    name: 'bench-files',
    configurePreviewServer(server) {
      server.middlewares.use('/__bench', (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const file = normalize(join(WWW, decodeURIComponent(url.pathname)));
        if (!file.startsWith(WWW + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        const size = statSync(file).size;
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Accept-Ranges', 'bytes');
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
          res.statusCode = 206;
          res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
          res.setHeader('Content-Length', String(end - start + 1));
          createReadStream(file, { start, end }).pipe(res);
          return;
        }
        res.setHeader('Content-Length', String(size));
        createReadStream(file).pipe(res);
      });
    },
  };
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(): Promise<Served> {
  const server = await preview({
    root: ROOT,
    build: { outDir: OUT },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
    plugins: [benchFiles()],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  return {
    url,
    close: () => new Promise<void>((res) => server.httpServer.close(() => res())),
  };
}
