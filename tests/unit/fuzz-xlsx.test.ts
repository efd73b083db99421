// Fuzz: spreadsheets through the core's XLSX path (readXlsxTable → readPackageAsync): arbitrary
// bytes, byte-mutated valid workbooks, and well-formed zips whose XML parts are mutated
// (hostile text, broken markup, far-away cell references). Nothing rejects or throws; a file
// that cannot be read is a typed `xlsx_unreadable` issue; hostile cell text arrives literally.
// read-excel-file takes a few milliseconds even to refuse a file, so the properties share the
// budget: ½ + ¼ + ½ + ⅒ of FUZZ_RUNS (1.35 × FUZZ_RUNS cases in all).
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackageAsync, readXlsxTable } from '../../src/core/parse/xlsx';
import { MAX_SHEET_CELLS } from '../../src/core/parse/xlsx-extent';
import { anyText, expectPrototypeClean, expectTypedReport, FUZZ_TIMEOUT, mutatedBytes, runsFor, SHORT_HOSTILE } from '../fixtures/hostile/fuzz';

const MAX = 200 * 1024 * 1024;
const xmlEsc = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const col = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));

/** A minimal valid workbook (inline strings, numbers) as its zip parts. */
function workbookParts(rows: (string | number)[][]): Record<string, string> {
  const sheetRows = rows
    .map((r, i) => {
      const cells = r
        .map((v, j) => (typeof v === 'number' ? `<c r="${col(j)}${i + 1}"><v>${v}</v></c>` : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t xml:space="preserve">${xmlEsc(v)}</t></is></c>`))
        .join('');
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join('');
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
}
const zipParts = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level: 1 });

const UNITS = {
  path: 'units.geojson',
  bytes: strToU8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { unit_id: 'A', name: 'Alpha', level: 'municipality' }, geometry: null }] })),
};
const cellValue = fc.oneof(anyText(20), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom('A', 'Alpha', 'elderly', 'population'));
const headers: (string | number)[][] = [['unit_id', 'indicator', 'value'], ['unit_name', 'indicator', 'value', 'note'], ['__proto__', 'constructor', 'value']];
const grid = fc.tuple(fc.constantFrom(...headers), fc.array(fc.array(cellValue, { minLength: 1, maxLength: 4 }), { maxLength: 8 }));

describe('fuzz: XLSX', () => {
  it('arbitrary bytes (with and without the zip signature) never reject', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (junk, magic) => {
        const bytes = magic ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...junk]) : junk;
        // readPackageAsync reads the sheet with readXlsxTable: an unreadable one is a typed issue
        const { report } = await readPackageAsync(null, [UNITS, { path: 'x.xlsx', bytes }]);
        expectTypedReport(report);
        const sheet = report.files.find((f) => f.path === 'x.xlsx');
        expect(sheet?.format).toBe('xlsx');
        for (const i of sheet?.issues ?? []) if (i.code === 'xlsx_unreadable') expect(typeof i.params.detail).toBe('string');
      }),
      { numRuns: runsFor(1 / 2) },
    );
  }, FUZZ_TIMEOUT);

  it('byte-mutated valid workbooks (the import fixture and generated ones) give a typed report', async () => {
    const fixture = new Uint8Array(readFileSync('tests/fixtures/import/indicators.xlsx'));
    const generated = zipParts(workbookParts([['unit_id', 'indicator', 'value'], ['A', 'elderly', 3], ['A', '<script>alert(1)</script>', -2]]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBytes(fixture), mutatedBytes(generated)), async (bytes) => {
        expectTypedReport((await readPackageAsync(null, [UNITS, { path: 'm.xlsx', bytes }])).report);
      }),
      { numRuns: runsFor(1 / 4) },
    );
  }, FUZZ_TIMEOUT);

  it('well-formed workbooks keep hostile cell text literal', async () => {
    await fc.assert(
      fc.asyncProperty(grid, async ([header, body]) => {
        const rows = [header, ...body];
        const r = await readXlsxTable(zipParts(workbookParts(rows)), MAX);
        if (!('table' in r)) throw new Error(r.error);
        const texts = new Set(r.table.flat().filter((c): c is string => typeof c === 'string'));
        for (const s of rows.flat()) {
          const clean = typeof s === 'string' ? xmlEsc(s).replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').trim() : '';
          if (clean !== '' && SHORT_HOSTILE.includes(s as string)) expect(texts.has(clean), clean).toBe(true);
        }
        expectPrototypeClean();
      }),
      { numRuns: runsFor(1 / 10) },
    );
  }, FUZZ_TIMEOUT);

  it('zips with mutated XML parts (hostile text, broken markup, far-away references) give a typed report, never a hang', async () => {
    const parts = workbookParts([['unit_id', 'indicator', 'value'], ['A', 'elderly', 3]]);
    const names = Object.keys(parts);
    const ref = fc.oneof(fc.constantFrom('XFD1048576', 'A1048576', 'XFD1', 'A1e9', 'ZZZZZZ1', 'zz1', 'A0x10', 'A-1', '&#88;&#70;&#68;1048576', '', 'A1'), fc.string({ maxLength: 8 }));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), len: fc.nat(40), text: anyText(30) }),
      fc.record({ kind: fc.constant('ref' as const), at: fc.nat(), len: fc.constant(0), text: ref }),
      fc.record({ kind: fc.constant('row' as const), at: fc.nat(), len: fc.constant(0), text: fc.oneof(fc.constantFrom('1048576', '1e9', '99999999', '0', '-5', 'x'), fc.nat().map(String)) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(edit, { minLength: 1, maxLength: 4 }), async (name, edits) => {
        let xml = parts[name] ?? '';
        for (const e of edits) {
          if (e.kind === 'splice') {
            const at = e.at % (xml.length + 1);
            xml = xml.slice(0, at) + e.text + xml.slice(at + e.len);
          } else {
            const attr = e.kind === 'ref' ? /<c r="[^"]*"/g : /<row r="[^"]*"/g;
            const hits = [...xml.matchAll(attr)];
            const hit = hits[e.at % Math.max(1, hits.length)];
            if (hit?.index !== undefined) xml = `${xml.slice(0, hit.index)}<${e.kind === 'ref' ? 'c' : 'row'} r="${e.text}"${xml.slice(hit.index + hit[0].length)}`;
          }
        }
        const bytes = zipParts({ ...parts, [name]: xml });
        const res = await readPackageAsync(null, [UNITS, { path: 'x.xlsx', bytes }]);
        expectTypedReport(res.report);
        const rows = res.report.files.find((f) => f.path === 'x.xlsx')?.rows ?? 0;
        expect(rows).toBeLessThanOrEqual(MAX_SHEET_CELLS);
      }),
      { numRuns: runsFor(1 / 2) },
    );
  }, FUZZ_TIMEOUT);
});
