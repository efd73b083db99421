import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { openApp, selectIndicator, tableRows, waitForMap } from './support/driver';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

/** Text → Windows-1251 bytes (the Cyrillic block and the Macedonian letters). */
const CP1251_EXTRA: Record<string, number> = { Ѓ: 0x81, ѓ: 0x83, Ќ: 0x8d, ќ: 0x9d, Ј: 0xa3, ј: 0xbc, Љ: 0x8a, љ: 0x9a, Њ: 0x8c, њ: 0x9c, Џ: 0x8f, џ: 0x9f, Ѕ: 0xbd, ѕ: 0xbe };
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0) ?? 0x3f;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      const extra = CP1251_EXTRA[ch];
      if (extra === undefined) throw new Error(`not in Windows-1251: ${ch}`);
      return extra;
    }),
  );
}

// Municipalities by their Cyrillic names, as a Macedonian Windows Excel exports them: `;`,
// decimal commas, CRLF. "Кичеово" is a misspelling of Кичево (MK00307); "Другово" was merged
// into Kičevo in 2013 and is no unit any more; ОХРИД is upper case (joined by folding).
const CSV = cp1251(
  [
    'Општина;day_centre_users;avg_wait_days',
    'Велес;45;12,5',
    'Битола;120;8,25',
    'ОХРИД;38;3,5',
    'Ѓорче Петров;61;10,0',
    'Кичеово;17;6,5',
    'Другово;4;1,5',
    '',
  ].join('\r\n'),
);

async function importCsv(page: Session['page']): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', { name: 'дневни-центри.csv', mimeType: 'text/csv', buffer: CSV });
  await page.locator('[data-testid="join-report"] [data-testid="join-file"]').first().waitFor({ timeout: 30_000 });
}

const rowValue = async (page: Session['page'], id: string): Promise<string | undefined> => (await tableRows(page)).find((r) => r.id === id)?.value;

async function waitSaved(page: Session['page']): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-status"]')?.getAttribute('data-state') === 'saved', null, { timeout: 10_000 });
}

describe('import: bring your own data', () => {
  it('imports a Windows-1251 CSV, reports unmatched rows, shows the new indicator, keeps an assigned alias across a reload', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    await importCsv(page);

    // the join report: what was read, and the rows that did not match, by name
    const file = page.locator('[data-testid="join-file"]').first();
    const facts = (await file.textContent()) ?? '';
    expect(facts).toContain('windows-1251');
    expect(facts).toContain('delimiter ;');
    expect(facts).toContain('decimal ,');
    const open = await page.$$eval('[data-testid="open-key"]', (els) => els.map((e) => e.getAttribute('data-key')));
    expect(open).toEqual(['Кичеово', 'Другово']);
    expect(await file.locator('[data-testid="unmatched-count"]').textContent()).toBe('2');
    expect(await file.locator('[data-testid="set-aside"]').textContent()).toContain('No unit matches "Другово"');
    expect(await file.locator('tr[data-count="folded"]').count()).toBe(1);

    // the new indicator: in the select, in the table, on the map
    const options = await page.$$eval('[data-testid="indicator-select"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('day_centre_users');
    expect(options).toContain('avg_wait_days');
    await page.getByRole('button', { name: 'Close the import panel' }).click();
    await selectIndicator(page, 'day_centre_users');
    await page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('day centre users'));
    expect(await rowValue(page, 'MK00101')).toBe('45'); // Велес
    expect(await rowValue(page, 'MK00310')).toBe('38'); // ОХРИД
    expect(await rowValue(page, 'MK00307')).not.toBe('17'); // Кичеово not matched yet
    expect(await page.locator('[data-testid="map"]').getAttribute('aria-label')).toContain('day centre users');
    await selectIndicator(page, 'avg_wait_days');
    await page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('avg wait days'));
    expect(await rowValue(page, 'MK00501')).toBe('8.25'); // Битола, decimal comma read
    await selectIndicator(page, 'day_centre_users');
    // the map's own view: keyboard focus on a unit shows its value in the tooltip
    await page.locator('[data-testid="map"]').focus();
    await page.keyboard.press('ArrowDown');
    const tip = (await page.locator('.map-tooltip').textContent()) ?? '';
    expect(tip).toMatch(/day centre users: (\d+|No data)/);

    // assign the misspelt name to Kičevo: the unmatched count drops, the value appears
    await page.getByTestId('import-open').click();
    const key = page.locator('[data-testid="open-key"][data-key="Кичеово"]');
    await key.locator('[data-testid="assign-input"]').fill('kicevo');
    await key.locator('[role="option"][data-unit-id="MK00307"]').dispatchEvent('mousedown');
    await key.locator('[data-testid="assign-button"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="join-file"] [data-testid="unmatched-count"]')?.textContent === '1');
    expect(await page.$$eval('[data-testid="open-key"]', (els) => els.map((e) => e.getAttribute('data-key')))).toEqual(['Другово']);
    expect(await page.locator('[data-testid="join-file"] tr[data-count="user_alias"]').textContent()).toContain('1');
    await page.waitForFunction(() => document.querySelector('[data-testid="units-table"] tr[data-unit-id="MK00307"] td.num')?.textContent?.trim() === '17');

    // reload: the indicator, its values and the alias are still there
    await waitSaved(page);
    await page.reload();
    await waitForMap(page);
    expect(page.url()).toContain('indicator=day_centre_users');
    expect(await page.locator('[data-testid="indicator-select"]').inputValue()).toBe('day_centre_users');
    expect(await rowValue(page, 'MK00101')).toBe('45');
    expect(await rowValue(page, 'MK00307')).toBe('17');
    await page.getByTestId('import-open').click();
    expect(await page.locator('[data-testid="alias-list"] tr[data-alias="кичеово"]').textContent()).toContain('MK00307');
    expect(await page.locator('[data-testid="join-file"] [data-testid="unmatched-count"]').textContent()).toBe('1');
    expect(s.errors).toEqual([]);
  });

  it('exports the workspace, resets after a confirmation, and restores it exactly from the export', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    await importCsv(page);
    const key = page.locator('[data-testid="open-key"][data-key="Другово"]');
    await key.locator('[data-testid="assign-input"]').fill('Кичево');
    await key.locator('[role="option"][data-unit-id="MK00307"]').dispatchEvent('mousedown');
    await key.locator('[data-testid="assign-button"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="unmatched-count"]')?.textContent === '1');
    await waitSaved(page);

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('workspace-export').click()]);
    const zipPath = await dl.path();
    expect(dl.suggestedFilename()).toMatch(/^social-map-workspace-\d{4}-\d{2}-\d{2}\.zip$/);

    // reset asks first: cancelling keeps everything
    await page.getByTestId('workspace-reset').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('workspace-summary').textContent()).toContain('1 files, 1 name choices');
    await page.getByTestId('workspace-reset').click();
    await page.getByTestId('confirm-yes').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="workspace-summary"]')?.textContent?.includes('0 files, 0 name choices'));
    const options = await page.$$eval('[data-testid="indicator-select"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).not.toContain('day_centre_users');

    await page.setInputFiles('[data-testid="workspace-input"]', { name: 'ws.zip', mimeType: 'application/zip', buffer: readFileSync(zipPath) });
    await page.waitForFunction(() => document.querySelector('[data-testid="workspace-summary"]')?.textContent?.includes('1 files, 1 name choices'));
    await page.locator('[data-testid="join-file"]').first().waitFor();
    expect(await page.locator('[data-testid="alias-list"] tr[data-alias="другово"]').textContent()).toContain('MK00307');
    expect(await page.locator('[data-testid="unmatched-count"]').textContent()).toBe('1');
    expect(await page.$$eval('[data-testid="indicator-select"] option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toContain('day_centre_users');
  });

  it('maps the columns of an unrecognised table (remembered for the same shape), reads XLSX, and a folder with a datapackage.json replaces the base', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    // Albanian headers the core does not know: unit column, a note to ignore, two indicators
    await page.setInputFiles('[data-testid="import-input"]', { name: 'al.csv', mimeType: 'text/csv', buffer: Buffer.from('Komuna e;Shënim;Përdorues;Vendet\nVeles;ok;12;20\nBitola;;7;\n') });
    await page.getByTestId('column-mapping').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="column-mapping"] label:has-text("Shënim") input').uncheck();
    await page.getByTestId('mapping-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="join-file"] .badge')?.textContent === 'indicators');
    expect(await page.locator('[data-testid="join-file"] [data-testid="set-aside"]').count()).toBe(0);
    let options = await page.$$eval('[data-testid="indicator-select"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('përdorues');
    expect(options).not.toContain('shënim');
    // same columns in another order: read through the saved mapping, no question asked
    await page.setInputFiles('[data-testid="import-input"]', [
      { name: 'al2.csv', mimeType: 'text/csv', buffer: Buffer.from('Vendet;Komuna e;Përdorues;Shënim\n5;Ohrid;3;x\n') },
      { name: 'indicators.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync('tests/fixtures/import/indicators.xlsx') },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="join-file"]').length === 3, null, { timeout: 30_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="join-file"] .badge')].every((b) => b.textContent === 'indicators'), null, { timeout: 30_000 });
    expect(await page.getByTestId('column-mapping').count()).toBe(0);
    expect(await page.locator('[data-testid="join-file"][data-path="indicators.xlsx"]').textContent()).toContain('Format xlsx');

    await page.setInputFiles('[data-testid="import-folder-input"]', 'tests/fixtures/import/pkg-mk');
    await page.locator('[data-testid="join-file"][data-path="pkg-mk/datapackage.json"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Close the import panel' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="illustrative-banner"]'), null, { timeout: 30_000 });
    options = await page.$$eval('[data-testid="indicator-select"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('përdorues'); // the earlier files still apply on top
    expect(s.errors).toEqual([]);
  });

  it('a corrupted or newer store opens with a message and an export, never a blank page', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    const put = (value: unknown) =>
      page.evaluate(
        (v) =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('social-map');
            req.onerror = () => reject(new Error('open'));
            req.onsuccess = () => {
              const tx = req.result.transaction('records', 'readwrite');
              tx.objectStore('records').put(v, 'workspace');
              tx.oncomplete = () => {
                req.result.close();
                resolve();
              };
              tx.onerror = () => reject(new Error('write'));
            };
          }),
        value,
      );
    await put({ version: 'two', files: 'nope', aliases: [['велес', 'MK00101']] });
    await page.reload();
    await waitForMap(page);
    const notice = page.getByTestId('store-notice');
    expect(await notice.getAttribute('data-kind')).toBe('corrupt');
    const [dl] = await Promise.all([page.waitForEvent('download'), notice.getByTestId('store-export').click()]);
    expect(dl.suggestedFilename()).toMatch(/\.zip$/);
    expect((await tableRows(page)).length).toBe(80);

    await put({ version: 99, files: [], aliases: [] });
    await page.reload();
    await waitForMap(page);
    expect(await page.getByTestId('store-notice').getAttribute('data-kind')).toBe('newer');
    // the newer record is left untouched
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const req = indexedDB.open('social-map');
          req.onsuccess = () => {
            const get = req.result.transaction('records').objectStore('records').get('workspace');
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
    expect(stored).toEqual({ version: 99, files: [], aliases: [] });
  });
});
