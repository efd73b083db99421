import { afterEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { FIXTURE_PACKAGE, mapOptions, recordTransfers, serveEmbedFixture, waitForEmbed } from './support/embed';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function openEmbed(query: string, width = 1200, height = 900): Promise<Session> {
  s = await openSession({ viewport: { width, height } });
  await serveEmbedFixture(s.page);
  await s.page.goto(new URL(`?${query}`, s.baseURL).toString());
  await waitForEmbed(s.page);
  return s;
}

const FIXTURE = `embed=1&package=${encodeURIComponent(FIXTURE_PACKAGE)}&lang=en&indicator=elderly_alone`;

describe('embed: small numbers', () => {
  it('shows "<5" for small counts and hides the complement, from URL parameters alone', async () => {
    const { page, foreignRequests, errors } = await openEmbed(FIXTURE);
    const opts = await mapOptions(page);
    expect(Object.keys(opts).sort()).toEqual(['EX11', 'EX12', 'EX13', 'EX21', 'EX22', 'EX23']);
    expect(opts['EX11']).toBe('Alba: <5');
    expect(opts['EX23']).toBe('Fushe: <5');
    expect(opts['EX13']).toBe('Cer: hidden');
    expect(opts['EX21']).toBe('Dolna: hidden');
    expect(opts['EX22']).toBe('Ezero: 40');
    expect(opts['EX12']).toBe('Brod: 0');
    expect(await page.getByTestId('legend-suppressed').textContent()).toContain('Hidden');
    // The true small values appear nowhere in the table either.
    await page.getByTestId('embed-table-toggle').click();
    const cells = await page.$$eval('[data-testid="units-table"] tbody tr', (trs) =>
      Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-unit-id'), tr.querySelector('td.num')?.textContent?.trim()])),
    );
    expect(cells['EX11']).toBe('<5');
    expect(cells['EX13']).toBe('hidden');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('applies region, unit, lang and layers from the URL; the selected unit shows protected values', async () => {
    const { page } = await openEmbed(`${FIXTURE}&region=EX1&unit=EX11&layers=services`);
    expect(Object.keys(await mapOptions(page)).sort()).toEqual(['EX11', 'EX12', 'EX13']);
    expect(await page.locator('h1').textContent()).toContain('North Fixture');
    const selected = page.getByTestId('embed-selected');
    expect(await selected.locator('h2').textContent()).toBe('Alba');
    const row = await selected.locator('tr', { hasText: 'Elderly living alone' }).locator('td').textContent();
    expect(row).toBe('<5');
    expect(await page.locator('[data-testid="map"] [role="option"][aria-selected="true"]').getAttribute('data-unit-id')).toBe('EX11');
    expect(await page.locator('.service-points circle').count()).toBe(1);
    expect(await page.getByTestId('embed-services-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('cannot be switched off in the embed (suppress=0 is ignored)', async () => {
    const { page } = await openEmbed(`${FIXTURE}&suppress=0`);
    expect((await mapOptions(page))['EX11']).toBe('Alba: <5');
  });
});

describe('embed: keyboard only', () => {
  it('reaches the map with Tab, moves with arrows and letters, selects with Enter, announces it', async () => {
    const { page } = await openEmbed(FIXTURE);
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-unit-id') ?? document.activeElement?.tagName ?? null);
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'option';
    }
    expect(reached).toBe(true);
    expect(await active()).toBe('EX11'); // first by name
    // Visible focus: the focus outline is drawn for the focused unit.
    expect(await page.locator('.outline-focus').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await active()).toBe('EX12'); // Brod lies east of Alba
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('EX22'); // Ezero lies south of Brod
    await page.keyboard.press('End');
    expect(await active()).toBe('EX23');
    await page.keyboard.press('Home');
    await page.keyboard.type('Do');
    expect(await active()).toBe('EX21');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('unit') === 'EX21');
    expect(await page.getByTestId('embed-selected').locator('h2').textContent()).toBe('Dolna');
    expect(await page.getByTestId('embed-announce').textContent()).toBe('Selected Dolna: hidden');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('unit'));
  });
});

describe('embed: sizes', () => {
  for (const width of [320, 1200]) {
    it(`fits ${width} px without horizontal scrolling`, async () => {
      const { page, errors } = await openEmbed(`${FIXTURE}&layers=services`, width, 700);
      const m = await page.evaluate(() => {
        const svg = document.querySelector('.embed-svg')?.getBoundingClientRect();
        const legend = document.querySelector('.legend')?.getBoundingClientRect();
        return {
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          svg: svg ? { x: svg.x, w: svg.width, h: svg.height } : null,
          legend: legend ? { x: legend.x, y: legend.y } : null,
        };
      });
      expect(m.scroll).toBeLessThanOrEqual(m.client);
      expect(m.svg?.w ?? 0).toBeGreaterThan(width * 0.5);
      expect(m.svg?.h ?? 0).toBeGreaterThan(100);
      if (width < 720) expect(m.legend?.y ?? 0).toBeGreaterThan(m.svg?.h ?? 0); // stacked under the map
      else expect(m.legend?.x ?? 0).toBeGreaterThan((m.svg?.x ?? 0) + (m.svg?.w ?? 0) - 1); // beside it
      expect(errors).toEqual([]);
    });
  }

  it('takes its map height from the URL', async () => {
    const { page } = await openEmbed(`${FIXTURE}&height=300`, 800, 700);
    const h = await page.evaluate(() => document.querySelector('.embed-svg')?.getBoundingClientRect().height);
    expect(Math.round(h ?? 0)).toBe(300);
  });
});

describe('embed: weight and origin', () => {
  it('on the default data: only its own origin, no MapLibre, under 350 KB gzip in all', async () => {
    s = await openSession({ viewport: { width: 800, height: 800 } });
    const transfers = recordTransfers(s.page);
    await s.page.goto(new URL('?embed=1&lang=en&region=MK005', s.baseURL).toString());
    await waitForEmbed(s.page);
    await s.page.waitForLoadState('networkidle');
    const drawnAt = await s.page.evaluate(() => performance.getEntriesByName('social-map:map-drawn')[0]?.startTime ?? null);
    const total = transfers.reduce((a, t) => a + t.gzip, 0);
    const urls = transfers.map((t) => new URL(t.url).pathname.split('/').pop());
    console.info(
      `[embed weight] ${transfers.length} responses, ${(transfers.reduce((a, t) => a + t.bytes, 0) / 1024).toFixed(0)} KB raw, ` +
        `${(total / 1024).toFixed(1)} KB gzip; map drawn ${drawnAt === null ? '?' : Math.round(drawnAt)} ms after navigation start\n` +
        transfers.map((t) => `  ${(t.gzip / 1024).toFixed(1).padStart(7)} KB  ${new URL(t.url).pathname}`).join('\n'),
    );
    expect(s.foreignRequests).toEqual([]);
    // Not MapLibre, the basemap, nor the main app's shell (import tools, workspace).
    expect(urls.filter((u) => /maplibre|MapPage|countries|^App-|worker/i.test(u ?? ''))).toEqual([]);
    expect(total).toBeLessThan(350 * 1024);
    expect(s.errors).toEqual([]);
  });
});

describe('embed: the "Embed this map" dialog and the host script', () => {
  it('builds the snippet for the current view, previews it and copies it', async () => {
    s = await openSession();
    await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.baseURL).origin });
    await s.page.goto(new URL('?lang=en&region=MK005&indicator=elderly', s.baseURL).toString());
    await s.page.getByTestId('embed-open').click();
    const code = await s.page.getByTestId('embed-code').inputValue();
    const src = /src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const p = new URL(src).searchParams;
    expect([p.get('embed'), p.get('region'), p.get('indicator'), p.get('lang')]).toEqual(['1', 'MK005', 'elderly', 'en']);
    expect(code).toMatch(/title="[^"]*Elderly[^"]*"/);
    expect(code).toContain('loading="lazy"');
    expect(code).toContain('width="100%"');
    expect(code).toContain('embed-resize.js');
    const preview = s.page.frameLocator('[data-testid="embed-preview"]');
    await preview.locator('[data-testid="map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    expect(await preview.locator('[role="option"]').count()).toBe(9);
    await s.page.getByTestId('embed-copy').click();
    await s.page.getByText('Copied to the clipboard.').waitFor();
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  });

  it('falls back to selecting the code when the clipboard is refused', async () => {
    s = await openSession();
    await s.page.goto(new URL('?lang=en', s.baseURL).toString());
    await s.page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await s.page.getByTestId('embed-open').click();
    await s.page.getByTestId('embed-copy').click();
    await s.page.getByText('Selected: press Ctrl+C').waitFor();
    const selected = await s.page.evaluate(() => {
      const ta = document.querySelector('[data-testid="embed-code"]') as HTMLTextAreaElement | null;
      return ta ? ta.value.slice(ta.selectionStart, ta.selectionEnd) : '';
    });
    expect(selected).toContain('<iframe');
  });

  it('embed-resize.js sizes the iframe to the embed and ignores other senders', async () => {
    s = await openSession();
    await serveEmbedFixture(s.page);
    const src = new URL(`?${FIXTURE}`, s.baseURL).toString();
    await s.page.route('**/host-page.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>host</title><body><iframe id="f" title="map" src="${src}" width="100%" height="200"></iframe><script src="./embed-resize.js"></script></body></html>`,
      }),
    );
    await s.page.goto(new URL('host-page.html', s.baseURL).toString());
    const frame = s.page.frameLocator('#f');
    await frame.locator('[data-testid="map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    await s.page.waitForFunction(() => (document.getElementById('f')?.getBoundingClientRect().height ?? 0) > 400);
    const contentHeight = await frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().height));
    // The frame's inner height (its default border left out) is the embed's height.
    const frameHeight = await s.page.evaluate(() => document.getElementById('f')?.clientHeight ?? 0);
    expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(2);
    // A message from anyone else (here: the host page itself) changes nothing.
    await s.page.evaluate(() => window.postMessage({ type: 'social-map:height', height: 9999 }, '*'));
    await s.page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    expect(await s.page.evaluate(() => document.getElementById('f')?.clientHeight ?? 0)).toBe(frameHeight);
  });
});
