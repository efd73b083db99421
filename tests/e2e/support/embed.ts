// Helpers for the embed specs: serve the small-count fixture package from the page's own
// origin (Playwright fulfils the requests; dist/ is not touched), wait for the SVG map, and
// measure what a page transferred.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

const FIXTURE_DIR = join(__dirname, '../../fixtures/embed');
export const FIXTURE_PACKAGE = './test-fixtures/embed/datapackage.json';

const TYPES: Record<string, string> = { json: 'application/json', geojson: 'application/geo+json', csv: 'text/csv; charset=utf-8' };

export async function serveEmbedFixture(page: Page): Promise<void> {
  await page.route('**/test-fixtures/embed/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (!/^[\w.-]+$/.test(name)) return route.fulfill({ status: 404 });
    try {
      const body = readFileSync(join(FIXTURE_DIR, name));
      await route.fulfill({ status: 200, body, contentType: TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
}

/** Waits until the embed's SVG map has been drawn. */
export async function waitForEmbed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-drawn') === 'true', null, { timeout: 60_000 });
}

/** Option name (accessible label) per unit id on the embed map. */
export async function mapOptions(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="map"] [role="option"]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-unit-id') ?? '', e.getAttribute('aria-label') ?? ''])),
  );
}

export interface Transfer {
  url: string;
  bytes: number;
  gzip: number;
}

/** Records every response of the page with its body size and gzip size (level 6, as servers use). */
export function recordTransfers(page: Page): Transfer[] {
  const out: Transfer[] = [];
  page.on('response', (r: Response) => {
    void r
      .body()
      .then((b) => out.push({ url: r.url(), bytes: b.length, gzip: gzipSync(b, { level: 6 }).length }))
      .catch(() => undefined);
  });
  return out;
}
