// Domain actions for end-to-end specs ("open the map", "select a region" …). Specs talk to
// this driver; only browser.ts touches Playwright's launch details.
import type { Page } from 'playwright-core';

export async function openApp(page: Page, baseURL: string, query = ''): Promise<void> {
  await page.goto(new URL(query ? `?${query.replace(/^\?/, '')}` : '', baseURL).toString());
  await waitForMap(page);
}

/** Waits until MapLibre has drawn the choropleth (canvas present and the table filled). */
export async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-testid="map"] canvas').first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('[data-testid="units-table"] tbody tr').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-drawn') === 'true', null, { timeout: 30_000 });
}

export async function selectRegion(page: Page, regionId: string): Promise<void> {
  await page.selectOption('[data-testid="region-select"]', regionId);
}

export async function selectIndicator(page: Page, key: string): Promise<void> {
  await page.selectOption('[data-testid="indicator-select"]', key);
}

export async function tableRows(page: Page): Promise<{ id: string; name: string; value: string }[]> {
  return page.$$eval('[data-testid="units-table"] tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-unit-id') ?? '',
      name: tr.querySelector('th')?.textContent?.trim() ?? '',
      value: tr.querySelector('td.num')?.textContent?.trim() ?? '',
    })),
  );
}

export async function legendText(page: Page): Promise<string> {
  return (await page.locator('.legend').textContent()) ?? '';
}
