// A country with more units than a table draws (a generated 600-municipality package, the
// benchmark's seeded generator): the units table, the services' presence matrix and the gaps
// table draw their first 500 rows and offer the rest; the map still paints every unit.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tessellate } from '../../scripts/bench/generate';
import { writeNationalPackage } from '../../scripts/bench/national';
import { openSession, type Session } from './support/browser';

const UNITS = 600;
let dir = '';
let s: Session;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'social-map-national-'));
  writeNationalPackage(dir, tessellate(UNITS));
  s = await openSession();
  await s.page.route('**/test-fixtures/national/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (!/^[\w.-]+$/.test(name)) return route.fulfill({ status: 404 });
    try {
      await route.fulfill({ status: 200, body: readFileSync(join(dir, name)), contentType: name.endsWith('.csv') ? 'text/csv' : 'application/json' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const rowCount = (sel: string) => s.page.$$eval(`${sel} tbody tr`, (trs) => trs.length);

describe('a country of 600 municipalities', () => {
  it('the units table, the presence matrix and the gaps table draw 500 rows and show all on request', async () => {
    const { page } = s;
    await page.goto(new URL(`?lang=en&package=${encodeURIComponent('./test-fixtures/national/datapackage.json')}`, s.baseURL).toString());
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-drawn') === 'true', null, { timeout: 90_000 });
    expect(await rowCount('[data-testid="units-table"]')).toBe(500);
    const partial = page.getByTestId('units-table-partial');
    expect(await partial.textContent()).toContain(`Show all ${UNITS}`);
    await partial.getByRole('button').click();
    await expect.poll(() => rowCount('[data-testid="units-table"]')).toBe(UNITS);
    expect(await page.getByTestId('units-table-partial').count()).toBe(0);

    await page.getByTestId('nav-services').click();
    await page.getByTestId('presence-table').waitFor({ timeout: 60_000 });
    expect(await rowCount('[data-testid="presence-table"]')).toBe(500);
    const more = page.getByTestId('presence-partial');
    const all = Number(/Show all ([\d,]+)/.exec((await more.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    // every municipality, plus the totals (country, regions) above them
    expect(all).toBeGreaterThan(UNITS);
    await more.getByRole('button').click();
    await expect.poll(() => rowCount('[data-testid="presence-table"]')).toBe(all);

    await page.getByTestId('nav-gaps').click();
    await page.getByTestId('gaps-table').waitFor({ timeout: 60_000 });
    expect(await rowCount('[data-testid="gaps-table"]')).toBe(500);
    await page.getByTestId('gaps-table-partial').getByRole('button').click();
    await expect.poll(() => rowCount('[data-testid="gaps-table"]')).toBe(UNITS);
    expect(s.errors).toEqual([]);
  });
});
