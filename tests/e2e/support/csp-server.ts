// A tiny static server for dist/ that sends the Content-Security-Policy documented in the
// README ("Deploying: Content-Security-Policy and embedding"), like a deployer's web server
// would. Also serves arbitrary host pages (another origin) for the embedding tests.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** The policy deployers are told to send (README). Keep the two in step. */
export const DOCUMENTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  'frame-ancestors *',
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/`;
}

const closer = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

/** Serves `root` (dist/) with `csp` on every response. */
export async function serveWithCsp(root: string, csp: string = DOCUMENTED_CSP): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (!file.startsWith(base)) {
      res.writeHead(403, headers).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404, headers).end('not found'),
    );
  });
  return { url: await listen(server), close: closer(server) };
}

/** Serves fixed HTML pages by path (a "municipal website" on another origin). */
export async function serveHostPages(pages: Record<string, string>): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  return { url: await listen(server), close: closer(server) };
}
