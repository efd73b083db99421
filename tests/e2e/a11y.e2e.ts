// Accessibility (WCAG 2.2 AA) with axe-core on every view, plus keyboard-only selection on the
// main map. A view this build does not have falls back to the map and is reported as such.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { waitForMap } from './support/driver';
import { waitForEmbed } from './support/embed';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe on the page; returns serious/critical violations and logs every finding. */
async function audit(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = result.violations.map((v) => `${v.impact ?? '?'} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  console.info(`[axe] ${label}: ${result.violations.length} violation(s), ${result.passes.length} rules passed${lines.length ? `\n  ${lines.join('\n  ')}` : ''}`);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function settle(page: Page): Promise<void> {
  await page.locator('.app-footer, .app-embed').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
}

describe('axe: no serious or critical violation', () => {
  it('main map view (with a unit selected) and the "Embed this map" dialog', async () => {
    s = await openSession();
    await s.page.goto(new URL('?lang=en&region=MK005&unit=MK00501&indicator=children_without_parental_care&suppress=1', s.baseURL).toString());
    await waitForMap(s.page);
    expect(await audit(s.page, 'map')).toEqual([]);
    await s.page.getByTestId('embed-open').click();
    await s.page.frameLocator('[data-testid="embed-preview"]').locator('[data-testid="map"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    expect(await audit(s.page, 'map + embed dialog')).toEqual([]);
  });

  for (const [label, query, width] of [
    ['embed 1200 px, table open, unit selected', 'embed=1&lang=sq&region=MK005&unit=MK00501&table=1&layers=services', 1200],
    ['embed 320 px', 'embed=1&lang=mk&indicator=children_without_parental_care', 320],
  ] as const) {
    it(label, async () => {
      s = await openSession({ viewport: { width, height: 800 } });
      await s.page.goto(new URL(`?${query}`, s.baseURL).toString());
      await waitForEmbed(s.page);
      expect(await audit(s.page, label)).toEqual([]);
    });
  }

  for (const view of ['compare', 'docs', 'gaps', 'services'] as const) {
    it(`?view=${view} (where this build has it)`, async () => {
      s = await openSession();
      await s.page.goto(new URL(`?lang=en&view=${view}`, s.baseURL).toString());
      await settle(s.page);
      const present = (await s.page.getByTestId(`nav-${view}`).count()) > 0;
      if (!present) console.warn(`[axe] ?view=${view} is not in this build: audited the fallback map view`);
      expect(await audit(s.page, `view=${view}${present ? '' : ' (fallback: map)'}`)).toEqual([]);
    });
  }
});

describe('keyboard only on the main map', () => {
  it('Tab reaches the map; arrows and Home/End move between municipalities, announced; Enter selects one and says so', async () => {
    s = await openSession();
    await s.page.goto(new URL('?lang=en&region=MK005', s.baseURL).toString());
    await waitForMap(s.page);
    let onMap = false;
    for (let i = 0; i < 25 && !onMap; i++) {
      await s.page.keyboard.press('Tab');
      onMap = await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'map');
    }
    expect(onMap).toBe(true);
    // Visible focus on the map itself.
    const outline = await s.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await s.page.keyboard.press('ArrowRight');
    const live = s.page.locator('[data-testid="map"] ~ [aria-live]');
    await s.page.waitForFunction(() => (document.querySelector('[data-testid="map"] ~ [aria-live]')?.textContent ?? '') !== '');
    const first = await live.textContent();
    expect(first).toMatch(/^Bitola: /);
    await s.page.keyboard.press('ArrowRight');
    await s.page.waitForFunction((prev) => document.querySelector('[data-testid="map"] ~ [aria-live]')?.textContent !== prev, first);
    expect(await live.textContent()).toMatch(/^Demir Hisar: /);
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('details').waitFor();
    await s.page.waitForFunction(() => (document.querySelector('[data-testid="map"] ~ [aria-live]')?.textContent ?? '').startsWith('Selected Demir Hisar: '));
    expect(new URL(s.page.url()).searchParams.get('unit')).toBe('MK00502');
    expect(await s.page.getByTestId('details').locator('h2').textContent()).toBe('Demir Hisar');
    // the focused and selected municipality is outlined on the map
    const page = s.page;
    await expect.poll(() => page.getByTestId('map').getAttribute('data-outlined'), { timeout: 10_000 }).toBe('focus:MK00502 selected:MK00502');
    await s.page.keyboard.press('End');
    await s.page.waitForFunction(() => (document.querySelector('[data-testid="map"] ~ [aria-live]')?.textContent ?? '').startsWith('Resen: '));
  });
});
