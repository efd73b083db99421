// The compare view (?view=compare): pick an indicator, see the 8 planning regions ranked with
// the national reference line and 95 % intervals, switch to municipalities, reload from the URL.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { FIXTURE_PACKAGE, serveEmbedFixture } from './support/embed';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

const REGIONS = ['MK001', 'MK002', 'MK003', 'MK004', 'MK005', 'MK006', 'MK007', 'MK008'];

async function openCompare(page: Page, baseURL: string, query: string): Promise<void> {
  await page.goto(new URL(`?${query}`, baseURL).toString());
  await page.getByTestId('compare-view').waitFor({ timeout: 30_000 });
}

const barRows = (page: Page) =>
  page.$$eval('[data-testid="bar-row"]', (gs) =>
    gs.map((g) => ({ id: g.getAttribute('data-unit-id') ?? '', call: g.getAttribute('data-call') ?? '', ci: g.querySelector('[data-testid="ci"]') !== null })),
  );

async function waitForBars(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="bar-row"]').length === k, n, { timeout: 30_000 });
}

describe('compare view', () => {
  it('ranks the 8 regions with the national reference and intervals, then municipalities, and reloads from the URL', async () => {
    const { page } = s;
    await openCompare(page, s.baseURL, 'view=compare&lang=en');

    await page.selectOption('[data-testid="compare-indicator"]', 'persons_with_disabilities');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('indicator') === 'persons_with_disabilities');
    await waitForBars(page, 8);

    const regions = await barRows(page);
    expect(regions.map((r) => r.id).sort()).toEqual(REGIONS);
    expect(regions.every((r) => r.ci)).toBe(true);
    await expect(page.getByTestId('benchmark-line').textContent()).resolves.toMatch(/National value: [\d,.]+/);
    const subtitle = (await page.getByTestId('compare-bars-svg').textContent()) ?? '';
    expect(subtitle).toContain('95 % confidence intervals: exact Poisson interval.');
    expect(subtitle).toMatch(/Source: .*Made on \d{4}-\d{2}-\d{2}/);
    // The table behind the chart lists the same 8 regions, ranked 1…8.
    const table = page.getByTestId('compare-bars-table');
    await expect(table.getAttribute('role')).resolves.toBe('table');
    expect(await table.locator('tbody tr').count()).toBe(8);
    await expect(table.locator('tbody tr').first().locator('th').textContent()).resolves.toBe('1');

    await page.selectOption('[data-testid="compare-level"]', 'municipality');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('level') === 'municipality');
    await waitForBars(page, 80);
    const before = await barRows(page);

    await page.reload();
    await page.getByTestId('compare-view').waitFor({ timeout: 30_000 });
    await waitForBars(page, 80);
    await expect(page.locator('[data-testid="compare-indicator"]').inputValue()).resolves.toBe('persons_with_disabilities');
    await expect(page.locator('[data-testid="compare-level"]').inputValue()).resolves.toBe('municipality');
    expect(await barRows(page)).toEqual(before);

    expect(s.foreignRequests).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('draws every chart kind from the URL, each with its table', async () => {
    const { page } = s;
    for (const [chart, extra] of [
      ['multiples', 'indicator=persons_with_disabilities'],
      ['profile', 'area=MK005'],
      ['scatter', 'x=persons_with_disabilities&y=social_assistance_households&area=MK005'],
      ['gaps', ''],
    ] as const) {
      await openCompare(page, s.baseURL, `view=compare&lang=en&chart=${chart}${extra ? `&${extra}` : ''}`);
      await page.getByTestId(`compare-${chart}-svg`).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId(`compare-${chart}-table`).locator('tbody tr').count()).toBeGreaterThan(0);
    }
    expect(s.errors).toEqual([]);
  });

  it('exports the chart as SVG and PNG with title, source and date, and the table as formula-safe CSV', async () => {
    const { page } = s;
    await openCompare(page, s.baseURL, 'view=compare&lang=en&indicator=persons_with_disabilities');
    await waitForBars(page, 8);
    const grab = async (testId: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: await readFile(path) };
    };
    const svg = await grab('export-svg');
    expect(svg.name).toBe('compare-bars-persons_with_disabilities-region.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('Persons with disabilities — Planning regions');
    expect(text).toMatch(/Made on \d{4}-\d{2}-\d{2}/);
    const png = await grab('export-png');
    expect(png.name).toBe('compare-bars-persons_with_disabilities-region.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5000);
    const csv = await grab('export-csv');
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('Rank,Area,Value,Lower 95 % limit,Upper 95 % limit,Count,Denominator,Compared with benchmark');
    expect(lines).toHaveLength(9);
    expect(s.errors).toEqual([]);
  });

  it('with small-number protection (suppress=1) leaves the small counts out of the bars, the table and the CSV, and says so', async () => {
    const { page } = s;
    await serveEmbedFixture(page);
    const grabCsv = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      return (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
    };
    const base = `view=compare&lang=en&package=${encodeURIComponent(FIXTURE_PACKAGE)}&indicator=elderly_alone&level=municipality`;
    // without protection: Alba's 3 and Fushe's 2 are there
    await openCompare(page, s.baseURL, base);
    await waitForBars(page, 6);
    const open = await grabCsv();
    expect(open.find((l) => l.includes('Alba'))).toMatch(/,3,/);
    expect(open.find((l) => l.includes('Fushe'))).toMatch(/,2,/);
    await openCompare(page, s.baseURL, `${base}&suppress=1`);
    await waitForBars(page, 6);
    const svg = (await page.getByTestId('compare-bars-svg').textContent()) ?? '';
    expect(svg).toContain('Small-number protection');
    expect(svg).toContain('Hidden (small number)');
    const rows = await barRows(page);
    expect(rows.find((r) => r.id === 'EX11')?.call).toBe('no_data');
    const shut = await grabCsv();
    expect(shut.find((l) => l.includes('Alba'))).not.toMatch(/,3,/);
    expect(shut.find((l) => l.includes('Fushe'))).not.toMatch(/,2,/);
    expect(s.errors).toEqual([]);
  });
});
