import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { legendText, openApp, selectIndicator, selectRegion, tableRows } from './support/driver';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

const PELAGONIA = ['MK00501', 'MK00502', 'MK00503', 'MK00504', 'MK00505', 'MK00506', 'MK00507', 'MK00508', 'MK00509'];

describe('foundation: the default North Macedonia map', () => {
  it('draws the map canvas with 80 municipalities in the table, no foreign request, no console error', async () => {
    await openApp(s.page, s.baseURL, 'lang=en');
    const box = await s.page.locator('[data-testid="map"] canvas').first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(await tableRows(s.page)).toHaveLength(80);
    await expect(s.page.getByTestId('illustrative-banner').isVisible()).resolves.toBe(true);
    expect(s.foreignRequests).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('selecting Pelagonia lists exactly its 9 municipalities', async () => {
    await openApp(s.page, s.baseURL, 'lang=en');
    await selectRegion(s.page, 'MK005');
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="units-table"] tbody tr').length === 9);
    const ids = (await tableRows(s.page)).map((r) => r.id).sort();
    expect(ids).toEqual(PELAGONIA);
    expect(s.page.url()).toContain('region=MK005');
  });

  it('changing the indicator changes the legend and the table', async () => {
    await openApp(s.page, s.baseURL, 'lang=en&region=MK005');
    const legendBefore = await legendText(s.page);
    const before = await tableRows(s.page);
    await selectIndicator(s.page, 'elderly');
    await s.page.waitForFunction((old) => document.querySelector('.legend')?.textContent !== old, legendBefore);
    const after = await tableRows(s.page);
    expect(await legendText(s.page)).toContain('Elderly');
    expect(after.map((r) => r.value)).not.toEqual(before.map((r) => r.value));
  });

  it('the URL reproduces the view in a new page, and back/forward work', async () => {
    await openApp(s.page, s.baseURL, 'lang=en');
    await selectRegion(s.page, 'MK005');
    await selectIndicator(s.page, 'elderly');
    await s.page.locator('[data-testid="units-table"] tbody tr[data-unit-id="MK00501"] button').click();
    await s.page.getByTestId('details').waitFor();
    const url = s.page.url();
    expect(url).toMatch(/region=MK005/);
    expect(url).toMatch(/indicator=elderly/);
    expect(url).toMatch(/unit=MK00501/);
    const rows = await tableRows(s.page);

    const other = await s.browser.newPage();
    await other.goto(url);
    await other.getByTestId('details').waitFor();
    expect(await tableRows(other)).toEqual(rows);
    expect(await other.locator('[data-testid="indicator-select"]').inputValue()).toBe('elderly');
    await other.close();

    await s.page.goBack();
    await s.page.waitForFunction(() => !document.querySelector('[data-testid="details"]'));
    expect(s.page.url()).not.toMatch(/unit=/);
  });

  it('clicking a municipality on the map opens its details', async () => {
    await openApp(s.page, s.baseURL, 'lang=en&region=MK005');
    const canvas = s.page.locator('[data-testid="map"] canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.getByTestId('details').waitFor({ timeout: 10_000 });
    expect(s.page.url()).toMatch(/unit=MK005/);
    // the map outlines the selected municipality (and the one under the pointer)
    const unit = new URL(s.page.url()).searchParams.get('unit');
    await expect.poll(() => s.page.getByTestId('map').getAttribute('data-outlined'), { timeout: 10_000 }).toBe(`hover:${unit} selected:${unit}`);
    await s.page.getByRole('button', { name: 'Close details' }).click();
    await s.page.mouse.move(box.x + 2, box.y + 2);
    await expect.poll(() => s.page.getByTestId('map').getAttribute('data-outlined'), { timeout: 10_000 }).toBe('');
  });

  it('speaks Macedonian in Cyrillic and Albanian', async () => {
    await openApp(s.page, s.baseURL, 'lang=mk&region=MK005');
    const mkNames = (await tableRows(s.page)).map((r) => r.name).join(' ');
    expect(mkNames).toMatch(/Битола/);
    expect(mkNames).not.toMatch(/[A-Za-z]/);
    expect(await s.page.locator('label:has([data-testid="region-select"]) span').textContent()).toBe('Плански регион');

    await openApp(s.page, s.baseURL, 'lang=sq&region=MK005');
    expect(await s.page.locator('label:has([data-testid="region-select"]) span').textContent()).toBe('Rajoni i planifikimit');
    expect((await tableRows(s.page)).map((r) => r.name)).toContain('Bitola');
  });

  it('an invalid parameter falls back with a visible note', async () => {
    await openApp(s.page, s.baseURL, 'lang=en&region=NOWHERE&k=42');
    const note = await s.page.getByTestId('url-notes').textContent();
    expect(note).toContain('region=NOWHERE');
    expect(note).toContain('k=42');
    expect(await tableRows(s.page)).toHaveLength(80);
  });
});
