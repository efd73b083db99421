// Injection end to end: the hostile package (tests/fixtures/hostile/package: every text field
// carries the hostile corpus) loaded with ?package= and rendered in every view — map table,
// region labels, tooltips, details, legend and footer, compare charts and tables, gaps,
// services, documents, the embed — and exported (CSV, SVG, HTML, DOCX), plus hostile URL
// parameters and a hostile CSV imported by the user. Nothing executes (no dialog,
// window.__pwned never set, no element or request a payload would create: see
// tests/fixtures/hostile/traps.ts) and the text shows literally.
import { readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { openApp, tableRows, waitForMap } from './support/driver';
import { armTraps, HOSTILE_PACKAGE, serveHostilePackage, type Traps } from '../fixtures/hostile/traps';
import { HOSTILE_INDICATOR_RAW, MUNICIPALITIES, PROVIDER, REGIONS, SERVICE_NAME, TITLE } from '../fixtures/hostile/make-package';
import { expectSafeCsv } from '../fixtures/hostile/csv';
import { checkMarkup } from '../fixtures/hostile/markup';

let s: Session;
let traps: Traps;
/** Console errors a test expects (a panel that fails on purpose logs its error). */
let allowErrors: RegExp | null = null;
beforeEach(async () => {
  s = await openSession({ viewport: { width: 1400, height: 1000 } });
  await serveHostilePackage(s.page);
  traps = await armTraps(s.page);
});
afterEach(async () => {
  const sprung = await traps.sprung();
  const errors = s.errors.filter((e) => !(allowErrors && allowErrors.test(e)));
  allowErrors = null;
  await s.close();
  expect(sprung).toEqual({ dialogs: [], requests: [], pwned: false, nodes: [] });
  expect(errors).toEqual([]);
});

const NAMES = new Map(MUNICIPALITIES.map(([id, n]) => [id, n.trim()]));
const REGION_NAMES = REGIONS.map(([, n]) => n);
const SCRIPT = '<script>alert(1)</script>';
const open = (page: Page, query: string) => page.goto(new URL(`?package=${encodeURIComponent(HOSTILE_PACKAGE)}&${query}`, s.baseURL).toString());
const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');
const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

describe('the traps', () => {
  it('catch a payload that does execute (control: the same payloads injected as markup on purpose)', async () => {
    const { page } = s;
    await open(page, 'lang=en');
    await waitForMap(page);
    await page.evaluate(() => {
      const div = document.createElement('div');
      // deliberately unsafe, to prove the traps see what an escaping bug would do
      // eslint-disable-next-line no-restricted-syntax -- the control case, never product code
      div.innerHTML = '<img src=x onerror="window.__pwned=true"><svg onload="alert(1)"></svg>';
      document.body.append(div);
    });
    await page.waitForFunction(() => window.__pwned === true, null, { timeout: 10_000 });
    const sprung = await traps.sprung();
    expect(sprung.pwned).toBe(true);
    expect(sprung.nodes).toEqual(expect.arrayContaining(['<img src=x>', '<img onerror>']));
    expect(sprung.requests.some((u) => u.endsWith('/x'))).toBe(true);
    // reset for the after-each check
    traps.dialogs.length = 0;
    traps.requests.length = 0;
    await page.reload();
  });
});

describe('hostile package: the map page', () => {
  it('table, region labels, tooltips, details, legend and sources show the text literally; the CSV export is formula-safe', async () => {
    const { page } = s;
    await open(page, 'lang=en');
    await waitForMap(page);
    const rows = await tableRows(page);
    expect(rows.map((r) => r.id).sort()).toEqual([...NAMES.keys()].sort());
    for (const r of rows) expect(r.name, r.id).toBe(NAMES.get(r.id));
    expect((await texts(page, '.region-label span')).sort()).toEqual([...REGION_NAMES].sort());
    expect(await texts(page, '[data-testid="region-select"] option')).toEqual(expect.arrayContaining(REGION_NAMES));
    expect(await bodyText(page)).toContain(SCRIPT);
    expect(await page.locator('.app-footer').textContent()).toContain('<svg onload=alert(1)> census');

    // tooltips: the mouse over the map, then every unit by keyboard
    const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
    await page.locator('.map-tooltip').waitFor({ timeout: 10_000 });
    expect([...NAMES.values()]).toContain((await page.locator('.map-tooltip strong').textContent()) ?? '');
    await page.mouse.move(box.x - 50, box.y - 50);
    const tips = new Set<string>();
    await page.locator('[data-testid="map"]').focus();
    for (let i = 0; i < NAMES.size; i++) {
      await page.keyboard.press('ArrowDown');
      tips.add((await page.locator('.map-tooltip strong').textContent()) ?? '');
    }
    expect([...tips].sort()).toEqual([...NAMES.values()].sort());

    // details of the unit whose id is "constructor" and of the one hosting the "__proto__" service
    for (const id of ['constructor', 'HX11']) {
      await page.locator(`[data-testid="units-table"] tbody tr[data-unit-id="${id}"] button`).click();
      await page.getByTestId('details').waitFor();
      expect(await page.locator('#details-title').textContent()).toBe(NAMES.get(id));
    }
    expect(await page.getByTestId('details').textContent()).toContain(SERVICE_NAME);

    // the indicator named with markup: in the select, the legend and the table caption
    const indicator = await page.$$eval('[data-testid="indicator-select"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.includes('svg')) ?? '');
    expect(indicator).toBe('<svg_onload=alert(1)>');
    await page.selectOption('[data-testid="indicator-select"]', indicator);
    await page.waitForFunction(() => (document.querySelector('.legend')?.textContent ?? '').includes('svg'));
    expect(await page.locator('.legend').textContent()).toMatch(/<svg.onload=alert\(1\)>/i);
    expect(HOSTILE_INDICATOR_RAW).toContain('onload');

    const csv = await download(page, 'units-table-csv');
    const back = expectSafeCsv(csv.bytes.toString('utf8'));
    expect(back.flat()).toContain(`'${NAMES.get('HX14')}`);
    expect(back.flat()).toContain(NAMES.get('HX15'));
  });

  it('speaks Albanian and Macedonian over the same data (names transliterated stay text)', async () => {
    const { page } = s;
    for (const lang of ['sq', 'mk']) {
      await open(page, `lang=${lang}&region=HX1&unit=HX15`);
      await waitForMap(page);
      await page.getByTestId('details').waitFor();
      expect((await tableRows(page)).length).toBe(6);
      // Macedonian writes Latin-only names in Cyrillic: still text
      expect(await bodyText(page)).toContain(lang === 'sq' ? NAMES.get('HX15') : '<свг><сцрипт>wиндоw.__пwнед=труе</сцрипт></свг>');
    }
  });

  it('hostile URL parameters are refused with a note that shows them as text', async () => {
    const { page } = s;
    await open(page, `lang=en&region=${encodeURIComponent(SCRIPT)}&indicator=${encodeURIComponent('"><img src=x onerror=alert(1)>')}&view=javascript:alert(1)&__proto__[polluted]=1`);
    await waitForMap(page);
    const notes = (await page.getByTestId('url-notes').textContent()) ?? '';
    expect(notes).toContain(SCRIPT);
    expect(notes).toContain('"><img src=x onerror=alert(1)>');
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();
  });
});

describe('hostile package: the other views', () => {
  it('compare: chart labels, table and metadata literal; CSV and SVG exports safe', async () => {
    const { page } = s;
    await open(page, 'lang=en&view=compare&chart=bars&level=municipality');
    await page.getByTestId('compare-chart').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="bar-row"]').first().waitFor({ timeout: 30_000 });
    const text = (await page.getByTestId('compare-view').textContent()) ?? '';
    for (const name of NAMES.values()) expect(text, name).toContain(name.replace(/\s+/g, ' ').slice(0, 12));
    const csv = expectSafeCsv((await download(page, 'export-csv')).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv.flat()).toContain(`'${NAMES.get('HX22')}`);
    const svg = (await download(page, 'export-svg')).bytes.toString('utf8');
    const { text: svgText } = checkMarkup(svg, new Set(['svg', 'g', 'path', 'rect', 'line', 'circle', 'text', 'tspan', 'title', 'desc', 'style', 'defs', 'clippath', 'clipPath']));
    expect(svgText).toContain(NAMES.get('HX23'));
  });

  it('gaps: table and region rows literal; the gaps CSV safe', async () => {
    const { page } = s;
    await open(page, 'lang=en&view=gaps&region=HX1');
    await page.getByTestId('gaps-table').waitFor({ timeout: 60_000 });
    const text = (await page.getByTestId('gaps-page').textContent()) ?? '';
    for (const [id, name, region] of MUNICIPALITIES) if (region === 'HX1') expect(text, id).toContain(name.trim());
    const csv = expectSafeCsv((await download(page, 'gaps-export')).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv.flat()).toContain(`'${NAMES.get('HX14')}`);
  });

  it('services: list, details of the "__proto__" service and the presence CSV', async () => {
    const { page } = s;
    await open(page, 'lang=en&view=services');
    await page.getByTestId('svc-table').waitFor({ timeout: 60_000 });
    const list = (await page.getByTestId('svc-table').textContent()) ?? '';
    expect(list).toContain(SERVICE_NAME);
    expect(list).toContain('<svg onload=alert(1)>');
    await page.getByRole('button', { name: SERVICE_NAME }).click();
    const details = page.getByTestId('svc-details');
    await details.waitFor();
    expect(await details.getAttribute('data-service-id')).toBe('__proto__');
    expect(await details.textContent()).toContain(PROVIDER);
    const csv = expectSafeCsv((await download(page, 'presence-export')).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv.flat()).toContain(`'${NAMES.get('HX21')}`);
  });

  it('documents: the page, the HTML export (our markup only) and the DOCX export show the names literally', async () => {
    const { page } = s;
    await open(page, 'lang=en&view=docs&region=HX1');
    await page.getByTestId('document-view').waitFor({ timeout: 60_000 });
    const paper = (await page.locator('.doc-paper').textContent()) ?? '';
    expect(paper).toContain(REGION_NAMES[0]);
    expect(paper).toContain(TITLE);
    const html = (await download(page, 'export-html')).bytes.toString('utf8');
    const { text } = checkMarkup(html);
    expect(text).toContain(REGION_NAMES[0]);
    const docx = await download(page, 'export-docx');
    expect(docx.name).toMatch(/\.docx$/);
    expect((await mammoth.extractRawText({ buffer: docx.bytes })).value).toContain(REGION_NAMES[0]);
  });

  it('the embed: the SVG map’s options and the selected unit literal', async () => {
    const { page } = s;
    await open(page, 'lang=en&embed=1&unit=HX15');
    await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-drawn') === 'true', null, { timeout: 60_000 });
    const labels = await page.$$eval('[data-testid="map"] [role="option"]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const name of NAMES.values()) expect(labels.some((l) => l.startsWith(name)), name).toBe(true);
    expect(await page.getByTestId('embed-selected').locator('h2').textContent()).toBe(NAMES.get('HX15'));
  });
});

describe('hostile input from the user', () => {
  it('an imported CSV: file name, headers, keys and cells literal in the join report, the map and the issues download', async () => {
    const { page } = s;
    await open(page, 'lang=en');
    await waitForMap(page);
    const csv = [
      'unit_name,<script>alert(1)</script>,__proto__,=HYPERLINK("x")',
      'javascript:alert(1),1,2,3',
      '"<img src=x onerror=alert(1)>",4,5,6',
      '"=1+1;@SUM(1)",7,8,9',
      '',
    ].join('\n');
    const name = '<img src=x onerror=alert(1)>.csv';
    await page.setInputFiles('[data-testid="import-input"]', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.locator('[data-testid="join-report"] [data-testid="join-file"]').first();
    await report.waitFor({ timeout: 30_000 });
    expect(await report.textContent()).toContain(name);
    const keys = await page.$$eval('[data-testid="open-key"]', (els) => els.map((e) => e.getAttribute('data-key')));
    expect(keys).toContain('=1+1;@SUM(1)');
    const issues = expectSafeCsv((await download(page, 'download-issues')).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(issues.flat().some((c) => c.startsWith("'=1+1;@SUM(1)"))).toBe(true);
    const options = await texts(page, '[data-testid="indicator-select"] option');
    expect(options.some((o) => o.includes(SCRIPT))).toBe(true);
  });

  it('narrative typed into a document field stays text on the page and in the HTML export', async () => {
    const { page } = s;
    await open(page, 'lang=en&view=docs&region=HX2');
    const field = page.locator('[data-testid="doc-field-f1.intro.basis"]');
    await field.waitFor({ timeout: 60_000 });
    const typed = `${SCRIPT} <svg><script>window.__pwned=true</script></svg> javascript:alert(1) =HYPERLINK("x") \u202Egnp.exe`;
    await field.fill(typed);
    await page.waitForFunction((t) => (document.querySelector('.doc-paper')?.textContent ?? '').includes(t), SCRIPT);
    expect(await page.locator('.doc-paper').textContent()).toContain('<svg><script>window.__pwned=true</script></svg>');
    const { text } = checkMarkup((await download(page, 'export-html')).bytes.toString('utf8'));
    expect(text).toContain('<svg><script>window.__pwned=true</script></svg> javascript:alert(1)');
    expect(text).toContain('[U+202E]gnp.exe');
  });
});

describe('crash safety', () => {
  it('a store left by a newer build (IndexedDB version 7) is kept untouched, said so, and offered for export', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    await page.evaluate(() =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('social-map', 7);
        req.onupgradeneeded = () => {
          for (const name of ['records', 'files', 'future']) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
        };
        req.onsuccess = () => {
          const tx = req.result.transaction('records', 'readwrite');
          tx.objectStore('records').put({ version: 5, files: [], aliases: [['велес', 'MK00101']], future: { x: 1 } }, 'workspace');
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
        req.onerror = () => reject(new Error('open'));
      }));
    await page.reload();
    await waitForMap(page);
    const notice = page.getByTestId('store-notice');
    expect(await notice.getAttribute('data-kind')).toBe('newer');
    expect(await notice.textContent()).toContain('newer version');
    expect((await tableRows(page)).length).toBe(80);
    const zip = await download(page, 'store-export');
    expect(zip.name).toMatch(/\.zip$/);
    expect(zip.bytes.toString('latin1')).toContain('recovered/raw-record.json');
    const after = await page.evaluate(() =>
      new Promise<{ version: number; record: unknown }>((resolve) => {
        const req = indexedDB.open('social-map');
        req.onsuccess = () => {
          const get = req.result.transaction('records').objectStore('records').get('workspace');
          get.onsuccess = () => {
            resolve({ version: req.result.version, record: get.result });
            req.result.close();
          };
        };
      }));
    expect(after).toEqual({ version: 7, record: { version: 5, files: [], aliases: [['велес', 'MK00101']], future: { x: 1 } } });
  });

  it('a store whose object stores are gone (nothing of ours in it) is made again; the page works and saves', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    await page.evaluate(() =>
      new Promise<void>((resolve) => {
        const del = indexedDB.deleteDatabase('social-map');
        del.onsuccess = del.onerror = del.onblocked = () => {
          const req = indexedDB.open('social-map', 1);
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
        };
      }));
    await page.reload();
    await waitForMap(page);
    expect(await page.getByTestId('store-notice').count()).toBe(0);
    expect((await tableRows(page)).length).toBe(80);
    const stores = await page.evaluate(() =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('social-map');
        req.onsuccess = () => {
          const names = [...req.result.objectStoreNames];
          req.result.close();
          resolve(names);
        };
      }));
    expect(stores.sort()).toEqual(['files', 'records']);
  });

  it('stored files that are hostile (a 1 KB sheet with a cell at XFD1048576, binary junk, markup names) restore to a typed report, not a hang', async () => {
    const { page } = s;
    await openApp(page, s.baseURL, 'lang=en');
    // the import fixture's workbook with its last cell moved to XFD1048576 (17 billion cells once expanded)
    const parts = unzipSync(new Uint8Array(await readFile('tests/fixtures/import/indicators.xlsx')));
    const xml = strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array()).replace('<row r="3">', '<row r="1048576">').replace('r="C3"', 'r="XFD1048576"');
    const sheet = Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(xml) })).toString('base64');
    await page.evaluate((xlsxB64: string) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('social-map');
        req.onsuccess = () => {
          const tx = req.result.transaction(['records', 'files'], 'readwrite');
          const bytes = Uint8Array.from(atob(xlsxB64), (c) => c.charCodeAt(0));
          const junk = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
          const opts = { encoding: null, resource: null, decimal: null, delimiter: null, crs: null };
          tx.objectStore('files').put(bytes, 'f1');
          tx.objectStore('files').put(junk, 'f2');
          tx.objectStore('files').put(new TextEncoder().encode('unit_name,<script>alert(1)</script>\n"<img src=x onerror=alert(1)>",1\n'), 'f3');
          tx.objectStore('records').put(
            {
              version: 2,
              files: [
                { id: 'f1', path: '<svg onload=alert(1)>.xlsx', size: bytes.length, addedAt: '2024-01-01T00:00:00.000Z', options: opts },
                { id: 'f2', path: 'junk.csv', size: junk.length, addedAt: '2024-01-01T00:00:00.000Z', options: opts },
                { id: 'f3', path: '=HYPERLINK("x").csv', size: 60, addedAt: '2024-01-01T00:00:00.000Z', options: opts },
              ],
              aliases: [['__proto__', 'MK00101']],
              mappings: [],
              slices: [['docs.edits', { __proto__: { polluted: true } }]],
              updatedAt: '2024-01-01T00:00:00.000Z',
            },
            'workspace',
          );
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('write'));
        };
      }), sheet);
    await page.reload();
    await waitForMap(page);
    await page.getByTestId('import-open').click();
    const files = await texts(page, '[data-testid="join-file"]');
    const sheetReport = files.find((f) => f.includes('<svg onload=alert(1)>.xlsx')) ?? '';
    expect(sheetReport).toMatch(/could not be read.*exceeds 20000000 cells/s);
    expect(files.some((f) => f.includes('=HYPERLINK("x").csv'))).toBe(true);
    expect((await tableRows(page)).length).toBe(80);
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();
  });

  it('without WebGL the map panel reports its error and the rest of the page keeps working', async () => {
    const { page } = s;
    allowErrors = /WebGL|GPUInitializationError|stopped working|The above error/i;
    // a browser without WebGL (old machine, acceleration disabled by policy): no product flag
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, ...args: unknown[]) => unknown;
      Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
        value(this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          return /webgl/i.test(type) ? null : original.call(this, type, ...rest);
        },
      });
    });
    await page.goto(new URL('?lang=en&region=MK005', s.baseURL).toString());
    const error = page.getByTestId('panel-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/Map stopped working\..*WebGL/s);
    await page.locator('[data-testid="units-table"] tbody tr').first().waitFor({ timeout: 30_000 });
    expect((await tableRows(page)).length).toBe(9);
    await page.locator('[data-testid="units-table"] tbody tr[data-unit-id="MK00501"] button').click();
    await page.getByTestId('details').waitFor();
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-chart').waitFor({ timeout: 30_000 });
  });

  it('a view whose code cannot be loaded (a stale deploy, a dropped connection) says so; the header and other views keep working', async () => {
    const { page } = s;
    allowErrors = /ComparePage|dynamically imported module|Failed to fetch|net::ERR_FAILED|stopped working|The above error/i;
    await page.route(/\/assets\/(ComparePage|CompareView)-[^/]*\.js$/, (route) => route.abort());
    await openApp(page, s.baseURL, 'lang=en');
    await page.getByTestId('nav-compare').click();
    const error = page.getByTestId('panel-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('Compare');
    await page.getByTestId('nav-map').click();
    await waitForMap(page);
    expect((await tableRows(page)).length).toBe(80);
  });

  it('a broken package (not JSON, or naming javascript: and missing files) ends in a message, never a blank page', async () => {
    const { page } = s;
    allowErrors = /Failed to load resource|404|javascript|JSON|Unexpected/i;
    const bodies: Record<string, string> = {
      'not-json': '{"resources": [<script>alert(1)</script>',
      'bad-paths': JSON.stringify({ title: SCRIPT, resources: [{ name: 'units', path: 'javascript:alert(1)' }, { name: 'indicators', path: '../../missing.csv' }] }),
    };
    await page.route('**/broken/*/datapackage.json', (route) => {
      const kind = new URL(route.request().url()).pathname.split('/').slice(-2)[0] ?? '';
      return route.fulfill({ status: 200, contentType: 'application/json', body: bodies[kind] ?? '' });
    });
    for (const kind of Object.keys(bodies)) {
      await page.goto(new URL(`?lang=en&package=${encodeURIComponent(`./broken/${kind}/datapackage.json`)}`, s.baseURL).toString());
      const alert = page.locator('.app > p.error[role="alert"]');
      await alert.waitFor({ timeout: 30_000 });
      expect((await alert.textContent())?.length ?? 0).toBeGreaterThan(10);
      expect(await page.getByTestId('lang-select').isVisible()).toBe(true);
    }
  });
});
