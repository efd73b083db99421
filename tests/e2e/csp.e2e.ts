// The built app under the documented Content-Security-Policy: every view draws with no
// violation, and the embed works inside another origin's page (frame-ancestors *), resized by
// embed-resize.js.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { DOCUMENTED_CSP, serveHostPages, serveWithCsp, type StaticServer } from './support/csp-server';
import { waitForMap } from './support/driver';

const DIST = join(__dirname, '../../dist');
let app: StaticServer;
let s: Session | undefined;

beforeAll(async () => {
  app = await serveWithCsp(DIST);
});
afterAll(async () => {
  await app.close();
});
afterEach(async () => {
  await s?.close();
  s = undefined;
});

declare global {
  interface Window {
    __csp?: string[];
  }
}

/** Opens a session that records CSP violations (events in every frame, and console reports). */
async function open(viewport = { width: 1280, height: 860 }): Promise<{ page: Page; violations: string[]; session: Session }> {
  s = await openSession({ viewport });
  const violations: string[] = [];
  await s.page.context().addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  s.page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return { page: s.page, violations, session: s };
}

async function frameViolations(frames: Frame[]): Promise<string[]> {
  const all = await Promise.all(frames.map((f) => f.evaluate(() => window.__csp ?? []).catch(() => [] as string[])));
  return all.flat();
}

describe('the build has nothing a strict CSP would block', () => {
  it('index.html has no inline script or style', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('no built script uses eval or new Function', () => {
    const dir = join(DIST, 'assets');
    // MapLibre's worker keeps an eval path for importScriptInWorkers() (plugins loaded as
    // classic scripts); the app never calls it, and the runtime checks below would catch it.
    const bad = readdirSync(dir)
      .filter((f) => /\.m?js$/.test(f) && !f.startsWith('maplibre-gl-worker'))
      .filter((f) => /\beval\(|new Function\(/.test(readFileSync(join(dir, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});

describe(`served with: ${DOCUMENTED_CSP}`, () => {
  it('the main map view draws (MapLibre, its worker, the basemap) with no violation', async () => {
    const { page, violations, session } = await open();
    await page.goto(`${app.url}?lang=en&region=MK005`);
    await waitForMap(page);
    await page.waitForLoadState('networkidle');
    // Hover and open the dialog: tooltips and the preview iframe under the policy too.
    const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('embed-open').click();
    await page.frameLocator('[data-testid="embed-preview"]').locator('[data-testid="map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    expect([...violations, ...(await frameViolations(page.frames()))]).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('the embed draws with no violation', async () => {
    const { page, violations, session } = await open({ width: 400, height: 800 });
    await page.goto(`${app.url}?embed=1&lang=mk&indicator=children_without_parental_care&layers=services`);
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-drawn') === 'true', null, { timeout: 60_000 });
    await page.getByTestId('embed-table-toggle').click();
    await page.locator('[data-testid="map"] [role="option"]').first().click();
    await page.getByTestId('embed-selected').waitFor();
    expect([...violations, ...(await frameViolations(page.frames()))]).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  for (const view of ['compare', 'gaps', 'docs', 'services'] as const) {
    it(`?view=${view}, where this build has it, renders with no violation`, async () => {
      const { page, violations, session } = await open();
      await page.goto(`${app.url}?lang=en&view=${view}`);
      await page.locator('.app-footer').waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 60_000 });
      if ((await page.getByTestId(`nav-${view}`).count()) === 0) {
        console.warn(`[csp] ?view=${view} is not in this build: checked the fallback map view only`);
      }
      await page.waitForLoadState('networkidle');
      expect([...violations, ...(await frameViolations(page.frames()))]).toEqual([]);
      expect(session.errors).toEqual([]);
    });
  }
});

describe('embedded in another origin (frame-ancestors *)', () => {
  let host: StaticServer;
  beforeAll(async () => {
    const src = `${app.url}?embed=1&lang=sq&region=MK005`;
    host = await serveHostPages({
      '/municipality.html':
        '<!doctype html><html lang="sq"><head><title>Komuna</title></head><body><h1>Komuna</h1>' +
        `<iframe id="map" src="${src}" title="Harta sociale" loading="lazy" width="100%" height="200" style="border:0;width:100%"></iframe>` +
        `<script src="${app.url}embed-resize.js" async></script></body></html>`,
    });
  });
  afterAll(async () => {
    await host.close();
  });

  it('loads, draws and is resized to its content by embed-resize.js', async () => {
    const { page, violations } = await open({ width: 700, height: 900 });
    await page.goto(`${host.url}municipality.html`);
    const frame = page.frameLocator('#map');
    await frame.locator('[data-testid="map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (document.getElementById('map')?.clientHeight ?? 0) > 300);
    const content = await frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
    expect(Math.abs((await page.evaluate(() => document.getElementById('map')?.clientHeight ?? 0)) - content)).toBeLessThanOrEqual(1);
    expect(await frame.locator('[role="option"]').count()).toBe(9);
    const embedFrame = page.frames().find((f) => f.url().startsWith(app.url));
    expect(embedFrame).toBeDefined();
    expect([...violations, ...(await frameViolations(embedFrame ? [embedFrame] : []))]).toEqual([]);
    // The embed sets no cookie and stores nothing.
    expect(await page.context().cookies()).toEqual([]);
    expect(await embedFrame?.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await embedFrame?.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  });
});
