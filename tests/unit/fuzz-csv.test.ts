// Fuzz: CSV in (parseCsv, readPackage on delimited text in any encoding) and CSV out (toCsv).
// No input escapes as an exception; every outcome is a typed report; every written cell reads
// back as the same text (formula-looking text with a leading ') and numbers stay numbers.
// Cases per property: FUZZ_RUNS (tests/fixtures/hostile/fuzz.ts).
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvCell } from '../../src/core/csv';
import { parseCsv } from '../../src/core/parse/csv';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import { DEFAULT_LIMITS } from '../../src/core/parse/types';
import { anyKey, anyText, expectPrototypeClean, expectTypedReport, FUZZ_RUNS, FUZZ_TIMEOUT } from '../fixtures/hostile/fuzz';

const numRuns = FUZZ_RUNS;
const enc = new TextEncoder();
const UNITS: InputFile = {
  path: 'units.geojson',
  bytes: enc.encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { unit_id: 'A', name: 'Alpha', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: { unit_id: 'B', name: '<b>Beta</b>', level: 'municipality', name_alt: '=1+1|constructor' }, geometry: null },
      ],
    }),
  ),
};
const COLUMNS = ['unit_id', 'unit_name', 'indicator', 'value', 'year', 'unit', 'source', 'note', 'service_id', 'name', 'provider', 'provider_type', 'service', 'target_groups', 'lat', 'lon', 'capacity', 'users', 'status', 'serves', 'capacity_id', 'kind', 'size', 'category', 'places_per_1000'];
const VALUES = ['A', 'Alpha', 'alpha', 'B', 'elderly', 'population', 'day_care', 'home_care', 'ngo', 'active', '12', '-3', '1,5', '1.234,5', '41.5', '21.2', '2023', ''];
const cell = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...VALUES) }, { weight: 2, arbitrary: anyText(16) });
const delimiter = fc.constantFrom(',', ';', '\t', '|');

/** Quote a field the way spreadsheets do when it needs it (so that hostile text survives). */
const field = (s: string, d: string, quoteAll: boolean) => (quoteAll || /["\r\n]/.test(s) || s.includes(d) ? `"${s.replace(/"/g, '""')}"` : s);
const csvText = fc
  .tuple(fc.array(anyKey(COLUMNS), { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 15 }), delimiter, fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([h, rows, d, q, eol]) => [h, ...rows].map((r) => r.map((c) => field(c, d, q)).join(d)).join(eol));

describe('fuzz: CSV parsing', () => {
  it('parseCsv never throws on arbitrary UTF-16 text, and every row has the header’s width', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), fc.option(delimiter), (text, d) => {
        const r = parseCsv(text, DEFAULT_LIMITS, d);
        for (const i of r.issues) expect(i.messageKey).toBe(`import.issue.${i.code}`);
        if (r.table) for (const row of r.table.rows) expect(row.cells).toHaveLength(r.table.header.length);
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('readPackage on hostile CSV tables (headers, cells, delimiters, quoting, line ends) gives a typed report', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom('t.csv', 't.tsv', 't.txt', 'indicators.csv'), (text, path) => {
        const r = readPackage(null, [UNITS, { path, bytes: enc.encode(text) }]);
        expectTypedReport(r.report);
        for (const o of r.pkg.observations) expect(Number.isFinite(o.value ?? 0)).toBe(true);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('readPackage on CSV bytes in other encodings (UTF-16, Windows-125x, broken UTF-8) gives a typed report', () => {
    const bytes = fc.oneof(
      csvText.map((t) => {
        const b = new Uint8Array(2 + t.length * 2);
        b.set([0xff, 0xfe]);
        for (let i = 0; i < t.length; i++) {
          b[2 + 2 * i] = t.charCodeAt(i) & 0xff;
          b[3 + 2 * i] = t.charCodeAt(i) >> 8;
        }
        return b;
      }),
      fc.tuple(csvText, fc.uint8Array({ minLength: 1, maxLength: 30 })).map(([t, junk]) => {
        const b = enc.encode(t);
        const out = new Uint8Array(b.length + junk.length);
        out.set(b);
        out.set(junk, b.length);
        return out;
      }),
      fc.uint8Array({ maxLength: 800 }).map((b) => Uint8Array.from(b, (x) => (x === 0 ? 0x3b : x))),
    );
    fc.assert(
      fc.property(bytes, fc.option(fc.constantFrom('windows-1250', 'windows-1251', 'utf-16be', 'utf-8', 'x-nonsense')), (b, encoding) => {
        expectTypedReport(readPackage(null, [UNITS, { path: 'x.csv', bytes: b }], encoding ? { encoding } : {}).report);
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);
});

describe('fuzz: CSV writing (toCsv)', () => {
  const risky = /^[=+\-@\t\r]/;
  it('every text cell reads back as itself, formula-looking ones with a leading apostrophe', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyText(30), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (rows, d) => {
        const width = rows[0]?.length ?? 1;
        // a plain first column keeps every line non-empty (an empty line is no record)
        const table = rows.map((r) => ['k', ...Array.from({ length: width }, (_, i) => r[i] ?? '')]);
        const [header = [], ...body] = table;
        const out = toCsv(header, body, { delimiter: d });
        const back = Papa.parse<string[]>(out.slice(0, -1), { delimiter: d }).data;
        expect(back).toHaveLength(table.length);
        table.forEach((r, i) =>
          r.forEach((c, j) => {
            const got = back[i]?.[j];
            expect(got).toBe(risky.test(c) ? `'${c}` : c);
            expect(risky.test(got ?? '')).toBe(false);
          }),
        );
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('numbers stay numbers: any finite number (negative ones too) is written bare and reads back equal', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.constant(-0)), { minLength: 1, maxLength: 8 }), (xs) => {
        const cells: CsvCell[] = xs;
        const out = toCsv(['a'], cells.map((x) => [x]));
        const lines = out.split('\n').slice(1, -1);
        xs.forEach((x, i) => {
          const line = lines[i] ?? '';
          if (!Number.isFinite(x)) expect(line).toBe('');
          else {
            expect(line.startsWith("'")).toBe(false);
            expect(Number(line)).toBe(x === 0 ? 0 : x);
          }
        });
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);
});
