// Streaming long indicator tables (csv-stream.ts, speculation.ts, readLongStream) must give
// exactly what reading every table whole gives: the same package, the same report (issues in
// the same order, set-aside rows with the same cells), on clean, dirty and hostile text.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import { parseCsv } from '../../src/core/parse/csv';
import { CsvRowStream, guessNewline, openCsv } from '../../src/core/parse/csv-stream';
import { FirstRows } from '../../src/core/parse/first-rows';
import { readPackageCounted, type InputFile, type ReadOptions } from '../../src/core/parse/package';
import { DEFAULT_LIMITS } from '../../src/core/parse/types';

const numRuns = Math.max(50, Math.round(Number(process.env.FUZZ_RUNS ?? 1000) / 5));
const enc = new TextEncoder();
const unit = (id: string, name: string, level: Unit['level'], parentId: string | null = null, aliases: string[] = []): Unit => ({
  id, name, names: {}, level, parentId, aliases, geometry: null,
});
const UNITS: Unit[] = [
  unit('AL', 'Shqipëria', 'country'),
  unit('Q1', 'Berat', 'region', 'AL'),
  unit('Q2', 'Korçë', 'region', 'AL'),
  unit('M1', 'Berat', 'municipality', 'Q1', ['Berati']),
  unit('M2', 'Kuçovë', 'municipality', 'Q1'),
  unit('M3', 'Korçë', 'municipality', 'Q2'),
  unit('M4', 'Pogradec', 'municipality', 'Q2'),
];

/** Reads the files streamed and whole; they must agree. Returns the streamed result. */
function both(files: { path: string; text: string }[], opts: ReadOptions = {}): ReturnType<typeof readPackageCounted> {
  const input: InputFile[] = files.map((f) => ({ path: f.path, bytes: enc.encode(f.text) }));
  const o = { units: UNITS, ...opts };
  const streamed = readPackageCounted(null, input, o);
  const whole = readPackageCounted(null, input, o, { stream: false });
  expect(whole.passes).toBe(1);
  // streaming never fell back to the whole-table read
  expect(streamed.fellBack).toBeNull();
  expect(streamed.report).toEqual(whole.report);
  expect(streamed.pkg).toEqual(whole.pkg);
  return streamed;
}

const csv = (lines: string[], nl = '\n'): string => lines.join(nl) + nl;

describe('streamed long tables = whole tables', () => {
  it('a clean table streams in one pass', () => {
    const lines = ['unit_id,indicator,value,year'];
    for (const id of ['M1', 'M2', 'M3', 'M4']) for (const y of [2021, 2022]) lines.push(`${id},population,${1000 + y},${y}`, `${id},elderly,${y - 2000},${y}`);
    const r = both([{ path: 'i.csv', text: csv(lines) }]);
    expect(r.passes).toBe(1);
    expect(r.pkg.observations).toHaveLength(16);
    expect(r.report.files[0]?.rows).toBe(16);
  });

  it('dirty rows: unmatched, unreadable, duplicate, missing cells, blank lines, BOM, CRLF, quotes', () => {
    const text = csv(
      [
        '\uFEFFUnit ID,Indicator,Value,Year,Note',
        'M1,population,1000,2022,',
        '',
        'X9,population,5,2022,typo',
        'M2,population,abc,2022,',
        'M2,population,900,2022,',
        'M2,population,901,2022,again',
        'M3,"children",12,2022,"a ""quoted"", note"',
        'M3,population,"1,5",1700,',
        'M4,population,,2022,',
        'M4,elderly,7,2022,too,many,cells',
        'Berati,population,50,2022,alias',
        ',,,,',
        'M4,short',
      ],
      '\r\n',
    );
    const r = both([{ path: 'i.csv', text }]);
    expect(r.report.files[0]?.setAside.length).toBeGreaterThan(4);
  });

  it('rows set aside by validation keep their raw cells, read again from the text', () => {
    // children above the population and a percentage above 100: found after reading
    const text = csv([
      'unit_id,indicator,value,year,unit,region_id',
      'M1,population,100,2022,,',
      'M1,elderly,"150",2022,,',
      'M2,unemployment_rate,130,2022,percent,Q2',
      'M3,population,100,2022,,Q2',
      'M3,elderly,"5""0",2022,,',
    ]);
    const r = both([{ path: 'i.csv', text }]);
    const aside = r.report.files[0]?.setAside ?? [];
    expect(aside.map((s) => s.cells)).toContainEqual(['M1', 'elderly', '150', '2022', '', '']);
    expect(aside.flatMap((s) => s.codes)).toContain('value_above_population');
    expect(aside.flatMap((s) => s.codes)).toContain('share_above_100');
    const regions = (r: typeof res): (number | null)[] => (r.report.files[0]?.issues ?? []).filter((i) => i.code === 'row_outside_region').map((i) => i.row);
    const res = r;
    expect(regions(res)).toEqual([4]);
    expect(regions(both([{ path: 'i.csv', text }], { region: 'Q2' }))).toEqual([2, 3, 4]);
  });

  it('a wrong guess of the preferred level is read again with the answer', () => {
    // the first keys are regions, so `Berat` is first read as the region; most are municipalities
    const lines = ['unit_name,indicator,value', 'Q1,population,5', 'Q2,population,6', 'Berat,population,7'];
    for (const k of ['M2', 'M3', 'M4']) lines.push(`${k},population,1`, `${k},elderly,1`);
    const r = both([{ path: 'i.csv', text: csv(lines) }]);
    expect(r.passes).toBe(2);
    expect(r.pkg.observations.find((o) => o.value === 7)?.unitId).toBe('M1');
  });

  it('a wrong guess of the decimal separator is read again with the answer', () => {
    const lines = ['unit_id;indicator;value;year', 'M1;rate;1.5;2022', 'M2;rate;2,5;2022'];
    for (const [i, k] of ['M1', 'M2', 'M3', 'M4'].entries()) lines.push(`${k};share;${i},25;2021`, `${k};other;1.234,5;2021`);
    const r = both([{ path: 'i.csv', text: csv(lines) }]);
    expect(r.passes).toBe(2);
    expect(r.report.files[0]?.decimal).toBe(',');
    // the user's choice is never a guess
    const chosen = both([{ path: 'i.csv', text: csv(lines) }], { overrides: new Map([['i.csv', { decimal: '.' }]]) });
    expect(chosen.passes).toBe(1);
  });

  it('the user column mapping, dropped columns and a trailing delimiter', () => {
    const text = csv(['Komuna;Tregues;Vlera;Viti;Shënim;', 'M1;population;10,5;2022;x;', 'M2;population;11;2022;y;']);
    const rename = new Map([
      ['Komuna', 'unit_id'],
      ['Tregues', 'indicator'],
      ['Vlera', 'value'],
      ['Viti', 'year'],
      ['Shënim', ''],
    ]);
    both([{ path: 'i.csv', text }], { overrides: new Map([['i.csv', { rename }]]) });
    both([{ path: 'i.csv', text: text.replace(/;\n/g, '\n') }], { overrides: new Map([['i.csv', { rename }]]) });
  });

  it('limits: long cells are cut and reported in order', () => {
    const text = csv(['unit_id,indicator,value,note', `M1,population,1,${'x'.repeat(50)}`, 'M2,population,2,ok']);
    both([{ path: 'i.csv', text }], { limits: { maxCellChars: 20 } });
  });

  it('several tables and files with other resources', () => {
    const services = csv(['service_id,service,unit_id,capacity', 's1,day_care_elderly,M1,20', 's2,home_care,Berat,5']);
    const long = csv(['unit_id,indicator,value,year', 'M1,population,100,2022', 'M2,population,200,2022']);
    const wide = csv(['unit_id,year,population', 'M3,2022,300']);
    both([
      { path: 's.csv', text: services },
      { path: 'a.csv', text: long },
      { path: 'b.csv', text: long.replace('100', '101') },
      { path: 'w.csv', text: wide },
    ]);
  });

  it('agrees on random long tables (fast-check)', () => {
    const key = fc.constantFrom('M1', 'M2', 'M3', 'M4', 'Q1', 'Q2', 'Berat', 'berat', 'Korçë', 'Kucove', 'X', '', ' M1 ', 'AL');
    const indicator = fc.constantFrom('population', 'children_at_risk', 'elderly', 'unemployment_rate', '', 'Population');
    const value = fc.constantFrom('1', '12', '1.5', '1,5', '1.234', '1,234', '1.234,5', '1,234.5', '-3', '1e3', 'abc', '', '150', '99999', '12 %', '"7"');
    const year = fc.constantFrom('2021', '2022', '', '1700', 'x');
    const level = fc.constantFrom('', 'region', 'municipality', 'nonsense');
    const region = fc.constantFrom('', 'Q1', 'Q2', 'Q9');
    const row = fc.tuple(key, indicator, value, year, level, region, fc.constantFrom('', 'x', '"a\nb"', '"a,b"', 'y;z'));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.option(fc.constantFrom('Q1', 'Q2')),
        (rows, d, nl, withLevel, reg) => {
          const head = ['unit_name', 'indicator', 'value', 'year', ...(withLevel ? ['level'] : []), 'region_id', 'note'];
          const lines = [head.join(d), ...rows.map(([k, i, v, y, l, rg, n]) => [k, i, v, y, ...(withLevel ? [l] : []), rg, n].join(d))];
          both([{ path: 'i.csv', text: lines.join(nl) }], reg ? { region: reg } : {});
        },
      ),
      { numRuns },
    );
  });
});

describe('streamed = whole on hostile text', () => {
  it('any text under a long-table header (fast-check)', () => {
    const head = fc.constantFrom('unit_id,indicator,value,year', 'unit_name;indicator;value', '\uFEFFUnit ID\tIndicator\tValue\tregion_id', 'unit_id,indicator,value,');
    fc.assert(
      fc.property(head, fc.constantFrom('\n', '\r\n'), fc.string({ unit: 'binary', maxLength: 400 }), (h, nl, body) => {
        both([{ path: 'i.csv', text: h + nl + body }], { region: 'Q1' });
      }),
      { numRuns },
    );
  });
});

describe('csv-stream', () => {
  it('guesses line endings as PapaParse does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' '), maxLength: 60 }), (text) => {
        expect(guessNewline(text)).toBe(Papa.parse(text).meta.linebreak);
      }),
      { numRuns },
    );
  });

  it('reads a row again as the whole text had it (a leading U+FEFF, quotes over lines)', () => {
    const text = 'h1,h2\r\n\uFEFF"a",b\r\n"l\r\nm","x""y"\r\nc,"d';
    const source = openCsv(text, DEFAULT_LIMITS, ',');
    if (!source) throw new Error('no header');
    const stream = new CsvRowStream(source, null);
    stream.stream(() => undefined);
    expect([2, 3, 4].map((r) => stream.cells(r))).toEqual(parseCsv(text, DEFAULT_LIMITS, ',').table?.rows.map((r) => r.cells));
    expect(stream.cells(2)).toEqual(['\uFEFF"a"', 'b']);
  });

  it('gives the rows of parseCsv, and each row again from the text (fast-check)', () => {
    const cell = fc.constantFrom('a', 'bb', '', ' ', '"q"', '"x""y"', '"l\nm"', '"c,d"', 'e"f', '\uFEFF', '"unterminated', '1,5');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (recs, nl) => {
        const text = ['h1,h2,h3', ...recs.map((r) => r.join(','))].join(nl);
        const whole = parseCsv(text, DEFAULT_LIMITS, ',');
        const source = openCsv(text, DEFAULT_LIMITS, ',');
        if (!source || !whole.table) return;
        expect(source.header).toEqual(whole.table.header);
        const stream = new CsvRowStream(source, null);
        const seen: { row: number; cells: string[] }[] = [];
        const res = stream.stream((r) => seen.push({ row: r.row, cells: [...r.cells] }));
        expect(seen).toEqual(whole.table.rows);
        expect(res.issues).toEqual(whole.issues);
        for (const r of seen) expect(stream.cells(r.row)).toEqual(r.cells);
      }),
      { numRuns },
    );
  });
});

describe('csv-stream in pieces', () => {
  it('a text without quotes read in pieces of any size gives the rows of parseCsv (fast-check)', () => {
    const cell = fc.constantFrom('a', 'bb', '', ' ', '1,5', '1.5', 'x y', '\uFEFF', "it's");
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 15 }),
        fc.constantFrom(',', ';', '.', '\t', '|'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (lines, d, nl, bom, trailing, chunk) => {
          const text = (bom ? '\uFEFF' : '') + [['h1', 'h2', 'h3'], ...lines].map((c) => c.join(d)).join(nl) + (trailing ? nl : '');
          const whole = parseCsv(text, DEFAULT_LIMITS, d);
          const source = openCsv(text, DEFAULT_LIMITS, d);
          if (!source || !whole.table) return;
          const stream = new CsvRowStream(source, null, chunk);
          const seen: { row: number; cells: string[] }[] = [];
          const res = stream.stream((r, plain) => {
            seen.push({ row: r.row, cells: [...r.cells] });
            // `plain`: no cell holds a decimal separator (and so gives no vote)
            if (plain) expect(r.cells.filter((c) => /[.,]/.test(c))).toEqual([]);
          });
          expect(seen).toEqual(whole.table.rows);
          expect(res.issues).toEqual(whole.issues);
          expect(res.rows).toBe(whole.table.rows.length);
          for (const r of seen) expect(stream.cells(r.row)).toEqual(r.cells);
        },
      ),
      { numRuns },
    );
  });
});

describe('plain rows', () => {
  it('says which rows hold no decimal separator, whatever the delimiter', () => {
    const flags = (text: string, d: string): boolean[] => {
      const source = openCsv(text, DEFAULT_LIMITS, d);
      if (!source) throw new Error('no header');
      const out: boolean[] = [];
      new CsvRowStream(source, null, 4).stream((_, plain) => out.push(plain));
      return out;
    };
    expect(flags('h1,h2\na,b\n1.5,c\nd,e\n', ',')).toEqual([true, false, true]);
    expect(flags('h1;h2\na;b\n1,5;c\nd;1.5\ne;f', ';')).toEqual([true, false, false, true]);
    // quotes: not known
    expect(flags('h1,h2\na,"b"\n', ',')).toEqual([false]);
  });
});

describe('FirstRows', () => {
  it('finds the first row of every (unit, indicator, year) as a Map of strings does, past several growths', () => {
    const first = new FirstRows();
    const ref = new Map<string, number>();
    let row = 2;
    for (let pass = 0; pass < 2; pass++) {
      for (let u = 0; u < 300; u++) {
        for (const ind of ['population', 'elderly', 'x']) {
          for (const year of [2020, 2021, null]) {
            const k = `M${u}|${ind}|${year}`;
            const want = ref.get(k);
            if (want === undefined) ref.set(k, row);
            expect(first.firstOrAdd(`M${u}`, ind, year, row)).toBe(want);
            row++;
          }
        }
      }
    }
    expect(ref.size).toBe(300 * 9);
  });
});
