// Manual class limits: a council member picks "Manual breaks", types the limits their plan
// uses, and the legend, the map and the shareable URL follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { legendText, openApp } from './support/driver';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

describe('manual class limits', () => {
  it('starts from the classes shown, takes typed limits with a decimal comma, and keeps them in the URL', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en&indicator=population&class=quantile&k=4');
    await page.selectOption('[data-testid="class-select"]', 'manual');
    const input = page.getByTestId('breaks-input');
    // three inner limits of the four quantile classes
    await expect.poll(async () => (await input.inputValue()).split(';').length).toBe(3);
    await input.fill('10000; 25000,5');
    await input.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('breaks') === '10000,25000.5');
    expect(new URL(page.url()).searchParams.get('class')).toBe('manual');
    await expect.poll(() => legendText(page)).toMatch(/– 10,000[^]*10,000 – 25,001[^]*25,001 –/);
    expect(await page.locator('.legend li').count()).toBeGreaterThanOrEqual(3);

    await input.fill('ten; 20');
    await input.press('Enter');
    expect(await page.getByRole('alert').filter({ hasText: 'Type numbers separated by ;' }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('breaks')).toBe('10000,25000.5');

    await page.reload();
    await page.getByTestId('breaks-input').waitFor();
    expect(await page.getByTestId('breaks-input').inputValue()).toBe('10000; 25000.5');
    expect(s.errors).toEqual([]);
  });
});
