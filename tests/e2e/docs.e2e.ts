// The documents view (?view=docs): edit a narrative field (and, once the workspace provider is
// mounted, reload and find it), export the
// Regional Social Map as DOCX (opened as a Word document) and as PDF (the print HTML printed by
// Chromium), and check that hostile text typed by the user stays text.
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { FIXTURE_PACKAGE, serveEmbedFixture } from './support/embed';

let s: Session;
beforeEach(async () => {
  s = await openSession({ viewport: { width: 1280, height: 1000 } });
});
afterEach(async () => {
  await s.close();
});

const FIELD = '[data-testid="doc-field-f1.intro.basis"]';
const MARK = 'Vendim i KMSRP nr. 12/2024 <img src=x onerror=alert(1)>';
const escaped = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function openDocs(page: Page, baseURL: string): Promise<void> {
  await page.goto(new URL('?view=docs&lang=sq&region=MK007', baseURL).toString());
  await page.getByTestId('document-view').waitFor({ timeout: 60_000 });
  await page.locator(FIELD).waitFor({ timeout: 60_000 });
}

/** True when the workspace record in IndexedDB holds `text`. */
function isSaved(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    (needle) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('social-map');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('records')) {
            db.close();
            return resolve(false);
          }
          const get = db.transaction('records').objectStore('records').get('workspace');
          get.onsuccess = () => {
            db.close();
            resolve(JSON.stringify(get.result ?? null).includes(needle));
          };
          get.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
    text,
  );
}

/** Resolves once the workspace record in IndexedDB holds `text` (page.evaluate awaits the
 *  promise; waitForFunction would take the promise itself as a truthy answer). */
async function waitForSaved(page: Page, text: string): Promise<void> {
  await expect.poll(() => isSaved(page, text), { timeout: 15_000, interval: 100 }).toBe(true);
}

describe('documents', () => {
  it('shows an edit as text and exports it as valid DOCX and PDF', async () => {
    const { page } = s;
    await openDocs(page, s.baseURL);
    await expect(page.locator('.doc-paper h1').textContent()).resolves.toBe('Harta sociale e rajonit të planifikimit (HSRP)');

    await page.locator(FIELD).fill(`**${MARK}**`);
    // The preview shows the user's text as text, in bold, never as an element.
    const preview = page.locator('.doc-field.edited .field-preview strong').first();
    await expect(preview.textContent()).resolves.toBe(MARK);
    expect(await page.locator('.doc-paper img[src="x"]').count()).toBe(0);

    // DOCX: a real Word document with the edit, the chapters and the maps.
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-docx').click();
    const bytes = await readFile(await (await download).path());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    expect(value).toContain(`<strong>${escaped(MARK)}</strong>`);
    expect(value).toContain('<h1>5. Shërbimet e nevojshme sociale në rajonin e planifikimit</h1>');
    expect((value.match(/<img /g) ?? []).length).toBeGreaterThanOrEqual(2);

    // PDF: the print button prints the standalone print HTML in a frame; print that HTML to PDF.
    await page.getByTestId('export-pdf').click();
    const frame = page.locator('iframe[sandbox]');
    await frame.waitFor({ state: 'attached', timeout: 30_000 });
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html).toContain('@page { size: A4');
    expect(html).toContain(escaped(MARK));
    const printPage = await page.context().newPage();
    await printPage.setContent(html);
    const pdf = await printPage.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(6);

    expect(s.foreignRequests).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  // DocsPage keeps the edits with useWorkspaceSlice, in the IndexedDB workspace that the app's
  // WorkspaceProvider restores on reload.
  it('keeps an edited field across a reload', async () => {
    const { page } = s;
    await openDocs(page, s.baseURL);
    await page.locator(FIELD).fill(`**${MARK}**`);
    await waitForSaved(page, MARK);
    await page.reload();
    await page.locator(FIELD).waitFor({ timeout: 60_000 });
    // The workspace is restored from IndexedDB after the page has drawn: wait for the text.
    await page.waitForFunction(([sel, v]) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value === v, [FIELD, `**${MARK}**`] as const, { timeout: 15_000 });
    await expect(page.locator('.doc-field.edited .field-preview strong').first().textContent()).resolves.toBe(MARK);
    expect(s.errors).toEqual([]);
  });

  // Closing or reloading the tab before the debounced write: the journal brings the edit back.
  it('keeps an edit made just before the tab reloads, before IndexedDB was written', async () => {
    const { page } = s;
    await openDocs(page, s.baseURL);
    await page.locator(FIELD).fill('Shënim i fundit 7731');
    expect(await isSaved(page, '7731')).toBe(false);
    await page.reload();
    await page.locator(FIELD).waitFor({ timeout: 60_000 });
    await page.waitForFunction(([sel, v]) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value === v, [FIELD, 'Shënim i fundit 7731'] as const, { timeout: 15_000 });
    await waitForSaved(page, '7731');
    // and closing the tab (no pagehide write to wait for), then opening the app again
    await page.locator(FIELD).fill('Shënim pas mbylljes 8842');
    const context = page.context();
    await page.close();
    const again = await context.newPage();
    await openDocs(again, s.baseURL);
    await again.waitForFunction(([sel, v]) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value === v, [FIELD, 'Shënim pas mbylljes 8842'] as const, { timeout: 15_000 });
    await waitForSaved(again, '8842');
    expect(s.errors).toEqual([]);
  });

  // The norms a council edits in the gaps view are the norms of its documents.
  it('uses the norms edited in the gaps view: ten times the norm, ten times the need', async () => {
    const { page } = s;
    const form2 = new URL('?view=docs&lang=en&region=MK007&form=2', s.baseURL).toString();
    await page.goto(form2);
    const row = page.locator('.proposal-row[data-row^="auto:"]').first();
    await row.waitFor({ timeout: 60_000 });
    const id = (await row.getAttribute('data-row')) ?? '';
    const [, service, category] = id.split(':');
    const needOf = async () => Number(/Need ([\d,.]+)/.exec((await page.locator(`.proposal-row[data-row="${id}"] .row-evidence`).textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const before = await needOf();
    expect(before).toBeGreaterThan(0);

    await page.goto(new URL(`?view=gaps&lang=en&region=MK007&service=${service}&category=${category}`, s.baseURL).toString());
    await page.locator('details:has([data-testid="gaps-norms"]) > summary').click();
    const input = page.locator(`[data-testid="gaps-norms"] tr[data-norm="${service}:${category}"] input`);
    const norm = Number(await input.inputValue());
    await input.fill(String(norm * 10));
    await input.press('Enter');
    await page.waitForFunction((sel) => !(document.querySelector(sel)?.textContent ?? '').includes('illustrative'), `[data-testid="gaps-norms"] tr[data-norm="${service}:${category}"]`);

    await page.goto(form2);
    await page.locator(`.proposal-row[data-row="${id}"] .row-evidence`).waitFor({ timeout: 60_000 });
    const after = await needOf();
    expect(Math.abs(after - before * 10)).toBeLessThanOrEqual(10);
    expect(s.errors).toEqual([]);
  });

  // The rows of a user's file that conflict (here a unit that does not exist) are listed in
  // Form 1, chapter 3, with their file and row.
  it('lists the data conflicts of an imported file in chapter 3', async () => {
    const { page } = s;
    await page.goto(new URL('?lang=en', s.baseURL).toString());
    await page.setInputFiles('[data-testid="import-input"]', { name: 'plan-2024.csv', mimeType: 'text/csv', buffer: Buffer.from('unit_name,indicator,value,year\nVeles,elderly,10,2024\nAtlantis,elderly,5,2024\n') });
    await page.locator('[data-testid="join-report"] [data-testid="join-file"]').first().waitFor({ timeout: 60_000 });
    await page.goto(new URL('?view=docs&lang=en&region=MK001', s.baseURL).toString());
    await page.getByTestId('document-view').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (document.querySelector('.doc-paper')?.textContent ?? '').includes('Atlantis'), null, { timeout: 60_000 });
    const text = (await page.locator('.doc-paper').textContent()) ?? '';
    expect(text).toMatch(/Data conflict: No unit matches .Atlantis.\. \(plan-2024\.csv #3\)/);
    expect(s.errors).toEqual([]);
  });

  it('edits Form 2: a row of table 5 is changed, one removed, and the evidence is shown', async () => {
    const { page } = s;
    await page.goto(new URL('?view=docs&lang=en&region=MK007&form=2', s.baseURL).toString());
    await page.locator('.proposal-row').first().waitFor({ timeout: 60_000 });
    const rows = await page.locator('.proposal-row').count();
    expect(rows).toBeGreaterThan(2);
    await expect(page.locator('.proposal-row .row-evidence').first().textContent()).resolves.toMatch(/^Need [\d,.]+, supply [\d,.]+, gap [\d,.]+ places/);
    await page.locator('.proposal-row').first().locator('textarea').fill('Joint public institution');
    await page.locator('.proposal-row').nth(1).getByRole('button', { name: 'Remove' }).click();
    expect(await page.locator('.proposal-row').count()).toBe(rows - 1);
    await expect(page.locator('.removed-rows summary').textContent()).resolves.toContain('(1)');
    expect(s.errors).toEqual([]);
  });

  it('with small-number protection (suppress=1) the Regional Social Map writes "–" for small counts and says so', async () => {
    const { page } = s;
    await serveEmbedFixture(page);
    const open = async (extra: string) => {
      await page.goto(new URL(`?view=docs&lang=en&region=EX1&package=${encodeURIComponent(FIXTURE_PACKAGE)}${extra}`, s.baseURL).toString());
      await page.getByTestId('document-view').waitFor({ timeout: 60_000 });
      await page.locator(FIELD).waitFor({ timeout: 60_000 });
    };
    const note = () => page.getByTestId('document-view').getByText(/^Small-number protection: \d+ values in this table/);
    await open('');
    expect(await note().count()).toBe(0);
    await open('&suppress=1');
    await expect.poll(() => note().count()).toBeGreaterThan(0);
    expect(s.errors).toEqual([]);
  });
});
