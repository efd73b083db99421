import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

const MAP = '[data-testid="map"]';
const TABLE = '[data-testid="gaps-table"]';

async function openGaps(page: Page, baseURL: string, query: string): Promise<void> {
  await page.goto(new URL(`?${query}`, baseURL).toString());
  await page.locator(`${MAP} canvas`).first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator(`${TABLE} tbody tr`).first().waitFor({ timeout: 30_000 });
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-drawn') === 'true', MAP, { timeout: 30_000 });
}

const desertRows = (page: Page) => page.$$eval(`${TABLE} tbody tr[data-desert="true"]`, (trs) => trs.map((tr) => tr.getAttribute('data-unit-id') ?? ''));

/** The desert outline layer holds exactly `n` units, as MapLibre reports them. */
async function waitDesertsOnMap(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => {
      const el = document.querySelector(sel as string);
      return el?.getAttribute('data-desert-count') === String(want) && el.getAttribute('data-desert-drawn') === String(want);
    },
    [MAP, n] as const,
    { timeout: 20_000 },
  );
}

describe('gaps: deserts on the map and in the table, a what-if service that closes one', () => {
  it('picks a pair, sees deserts, adds a service in a desert, and finds the scenario after a reload', async () => {
    const { page } = s;
    await openGaps(page, s.baseURL, 'view=gaps&lang=en&region=MK005');
    await page.selectOption('[data-testid="gaps-category"]', 'elderly');
    await page.selectOption('[data-testid="gaps-service"]', 'day_care');
    await page.waitForFunction(() => /category=elderly/.test(location.search) && /service=day_care/.test(location.search));

    // deserts: in the table (data-desert), in the legend and as the dashed outline layer
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Day care · Elderly persons') ?? false, `${TABLE} caption`);
    const deserts = await desertRows(page);
    expect(deserts.length).toBeGreaterThan(0);
    expect(await page.getAttribute('[data-testid="gaps-legend-desert"]', 'data-count')).toBe(String(deserts.length));
    await waitDesertsOnMap(page, deserts.length);
    const rows = await page.$$eval(`${TABLE} tbody tr`, (trs) => trs.map((tr) => tr.getAttribute('data-unit-id')));
    expect(rows).toHaveLength(9);
    for (const id of deserts) expect(await page.textContent(`${TABLE} tr[data-unit-id="${id}"]`)).toContain('no service');

    // a desert unit and its gap
    const unit = deserts[0] ?? '';
    const gapBefore = Number(await page.getAttribute(`${TABLE} tr[data-unit-id="${unit}"]`, 'data-gap'));
    expect(gapBefore).toBeGreaterThan(0);

    // a named scenario with a new day-care service there, large enough for the need
    await page.fill('[data-testid="scenario-name"]', 'E2E day centre');
    await page.click('[data-testid="scenario-create"]');
    await page.locator('[data-testid="scenario-add"]').waitFor();
    await page.selectOption('[data-testid="sc-add-unit"]', unit);
    await page.selectOption('[data-testid="sc-add-service"]', 'day_care');
    expect(await page.isChecked('[data-testid="sc-add-cat-elderly"]')).toBe(true);
    await page.fill('[data-testid="sc-add-capacity"]', String(Math.ceil(gapBefore) + 10));
    await page.click('[data-testid="sc-add-submit"]');

    const row = `${TABLE} tr[data-unit-id="${unit}"]`;
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-desert') === 'false', row);
    expect(Number(await page.getAttribute(row, 'data-gap'))).toBeLessThan(gapBefore);
    expect(Number(await page.getAttribute(row, 'data-gap'))).toBe(0);
    expect(await page.textContent(row)).toContain('desert removed');
    await waitDesertsOnMap(page, deserts.length - 1);
    expect(await page.textContent('[data-testid="scenario-summary"]')).toContain('1 deserts removed');
    expect(page.url()).toMatch(/scenario=s\d+/);
    const scenarioId = await page.inputValue('[data-testid="scenario-select"]');

    // the loaded data is untouched: the baseline still has the desert
    await page.selectOption('[data-testid="scenario-select"]', '');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-desert') === 'true', row);

    // back to the scenario, reload: it is kept, with its edit and its effect
    await page.selectOption('[data-testid="scenario-select"]', scenarioId);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-desert') === 'false', row);
    // the workspace store writes within a second: wait until it says so (if the app shows it)
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="workspace-status"]');
      return !el || el.getAttribute('data-state') === 'saved';
    });
    await page.reload();
    await page.locator(`${TABLE} tbody tr`).first().waitFor({ timeout: 30_000 });
    expect(await page.inputValue('[data-testid="scenario-select"]')).toBe(scenarioId);
    expect(await page.locator('[data-testid="scenario-edits"] li').count()).toBe(1);
    expect(await page.textContent('[data-testid="scenario-active"]')).toContain('E2E day centre');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-desert') === 'false', row);
    expect(await desertRows(page)).toHaveLength(deserts.length - 1);

    expect(s.foreignRequests).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('the gap metric and a sort keep deserts marked in words; region totals sum the units’ gaps', async () => {
    const { page } = s;
    await openGaps(page, s.baseURL, 'view=gaps&lang=en&region=MK005&category=elderly&service=day_care&metric=gap');
    expect(await page.isChecked('[data-testid="gaps-metric-gap"]')).toBe(true);
    await page.click('[data-testid="gaps-sort-desert"]');
    const flags = await page.$$eval(`${TABLE} tbody tr`, (trs) => trs.map((tr) => tr.getAttribute('data-desert')));
    expect(flags.indexOf('false')).toBeGreaterThan(0);
    expect(flags.slice(0, flags.indexOf('false')).every((f) => f === 'true')).toBe(true);
    const gaps = await page.$$eval(`${TABLE} tbody tr`, (trs) => trs.map((tr) => Number(tr.getAttribute('data-gap'))));
    const regionRow = '[data-testid="gaps-region-rows"] tr[data-unit-id="MK005"]';
    const total = Number(await page.getAttribute(regionRow, 'data-gap'));
    expect(total).toBeCloseTo(gaps.reduce((a, b) => a + b, 0), 6);

    // a norm edited in the table doubles the need (and is no longer marked illustrative)
    const needOf = async () => Number((await page.textContent(`${regionRow} td.num`))?.replace(/[^0-9.]/g, ''));
    const needBefore = await needOf();
    await page.click('details:has([data-testid="gaps-norms"]) > summary');
    const input = page.locator('[data-testid="gaps-norms"] tr[data-norm="day_care:elderly"] input');
    const norm = Number(await input.inputValue());
    await input.fill(String(norm * 2));
    await input.press('Enter');
    await page.waitForFunction(([sel, old]) => document.querySelector(sel as string)?.querySelector('td.num')?.textContent !== old, [regionRow, String(needBefore)] as const);
    await page.waitForFunction(([sel, want]) => Math.abs(Number(document.querySelector(sel as string)?.querySelector('td.num')?.textContent?.replace(/[^0-9.]/g, '')) - (want as number)) <= 1, [regionRow, needBefore * 2] as const);
    expect(await page.textContent('[data-testid="gaps-norms"] tr[data-norm="day_care:elderly"]')).not.toContain('illustrative');
    expect(s.errors).toEqual([]);
  });
});

describe('services: points, filters, panel, presence matrix', () => {
  it('shows the region’s services, filters them, opens a panel, exports the presence matrix', async () => {
    const { page } = s;
    await page.goto(new URL('?view=services&lang=en&region=MK005', s.baseURL).toString());
    await page.locator('[data-testid="svc-table"] tbody tr').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-drawn') === 'true', MAP, { timeout: 30_000 });
    const rows = await page.locator('[data-testid="svc-table"] tbody tr').count();
    expect(Number(await page.getAttribute(MAP, 'data-services-count'))).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="svc-count"]')).toContain(`${rows} of ${rows}`);

    await page.selectOption('[data-testid="svc-filter-status"]', 'planned');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="svc-table"] tbody tr').length < (n as number), rows);
    const planned = await page.$$eval('[data-testid="svc-table"] tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent?.trim()));
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((x) => x === 'Planned')).toBe(true);
    expect(page.url()).toContain('sf_status=planned');
    await page.selectOption('[data-testid="svc-filter-status"]', '');

    // a centre for social work: capacity unknown, said in words
    await page.locator('[data-testid="svc-table"] tbody tr', { hasText: 'Centre for Social Work' }).first().locator('button').click();
    await page.getByTestId('svc-details').waitFor();
    expect(await page.textContent('[data-testid="svc-capacity-unknown"]')).toBe('unknown');
    expect(page.url()).toMatch(/svc=/);

    // presence matrix: the region, then its 9 municipalities; CSV download
    const ids = await page.$$eval('[data-testid="presence-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-unit-id')));
    expect(ids[0]).toBe('MK005');
    expect(ids).toHaveLength(10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="presence-export"]')]);
    const stream = await download.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += String(chunk);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('unit_id,unit_name,service,status,count,capacity,unknown_capacity,planned');
    expect(lines).toHaveLength(1 + 10 * 16);
    expect(s.errors).toEqual([]);
  });
});
