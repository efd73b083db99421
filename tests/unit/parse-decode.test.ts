import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, scoreCodePages, utf16ByNulPattern } from '../../src/core/parse/decode';
import { detectDelimiter, parseCsv } from '../../src/core/parse/csv';
import { DEFAULT_LIMITS } from '../../src/core/parse/types';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));

describe('decodeBytes', () => {
  const cases: [string, string, string, string][] = [
    ['mk-windows-1251-semicolon.csv', 'windows-1251', 'scored', 'Ѓорче Петров'],
    ['al-windows-1250.csv', 'windows-1250', 'scored', 'Malësi e Madhe'],
    ['utf16le-bom.txt', 'utf-16le', 'bom', 'MK00805\telderly'],
    ['utf16be-nobom.csv', 'utf-16be', 'nul_pattern', 'Штип'],
    ['utf16le-nobom.csv', 'utf-16le', 'nul_pattern', 'Гостивар'],
    ['utf8-bom.csv', 'utf-8', 'bom', 'unit_name'],
    ['mk-municipalities-80.csv', 'utf-8', 'strict_utf8', 'Чучер-Сандево'],
  ];
  for (const [file, encoding, method, sample] of cases) {
    it(`reads ${file} as ${encoding}`, () => {
      const d = decodeBytes(fixture(file));
      expect([d.encoding, d.method]).toEqual([encoding, method]);
      expect(d.text).toContain(sample);
      expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(d.issues).toEqual([]);
    });
  }

  it('keeps Albanian ë and ç in Windows-1250', () => {
    const d = decodeBytes(fixture('al-windows-1250.csv'));
    for (const name of ['Kuçovë', 'Bashkia Korçë', 'PËRMET', 'Gjirokastër', 'Sarandë']) expect(d.text).toContain(name);
  });

  it('scores Cyrillic words against Latin words with diacritics', () => {
    expect(scoreCodePages(fixture('mk-windows-1251-semicolon.csv')).cyrillicWords).toBeGreaterThan(5);
    expect(scoreCodePages(fixture('mk-windows-1251-semicolon.csv')).mixedWords).toBe(0);
    const al = scoreCodePages(fixture('al-windows-1250.csv'));
    expect(al.mixedWords).toBeGreaterThan(al.cyrillicWords);
  });

  it('takes the user override, even against the evidence', () => {
    const d = decodeBytes(fixture('mk-windows-1251-semicolon.csv'), 'windows-1250');
    expect([d.encoding, d.method]).toEqual(['windows-1250', 'override']);
    expect(d.text).not.toContain('Велес');
  });

  it('reports an unknown override label and detects instead', () => {
    const d = decodeBytes(fixture('mk-windows-1251-semicolon.csv'), 'klingon-8');
    expect(d.encoding).toBe('windows-1251');
    expect(d.issues.map((i) => i.code)).toEqual(['encoding_override_invalid']);
  });

  it('reads UTF-8 with one damaged byte as UTF-8 and warns', () => {
    const good = new TextEncoder().encode('unit_name,value\nВелес,1\nШтип,2\nКичево,3\nСтруга,4\n');
    const bad = new Uint8Array([...good.slice(0, 20), 0xff, ...good.slice(20)]);
    const d = decodeBytes(bad);
    expect(d.encoding).toBe('utf-8');
    expect(d.issues.map((i) => i.code)).toEqual(['encoding_uncertain']);
  });

  it('detects UTF-16 only from a clear NUL pattern', () => {
    expect(utf16ByNulPattern(new TextEncoder().encode('plain ascii text, nothing else'))).toBeNull();
  });
});

describe('delimiters', () => {
  const cases: [string, string, number][] = [
    ['mk-windows-1251-semicolon.csv', ';', 4],
    ['utf16le-bom.txt', '\t', 3],
    ['indicators.tsv', '\t', 4],
    ['pipe.csv', '|', 3],
    ['wide.csv', ',', 5],
  ];
  for (const [file, delimiter, width] of cases) {
    it(`finds ${JSON.stringify(delimiter)} in ${file}`, () => {
      const text = decodeBytes(fixture(file)).text;
      expect(detectDelimiter(text)).toBe(delimiter);
      expect(parseCsv(text, DEFAULT_LIMITS).table?.header).toHaveLength(width);
    });
  }

  it('prefers semicolons over decimal commas', () => {
    expect(detectDelimiter('unit;value\nA;1,5\nB;2\nC;3,25\n')).toBe(';');
  });

  it('keeps quoted fields whole and spreadsheet row numbers, skipping blank lines', () => {
    const res = parseCsv(decodeBytes(fixture('quoted.csv')).text, DEFAULT_LIMITS);
    const t = res.table;
    expect(t?.header).toEqual(['service_id', 'name', 'provider', 'service', 'target_groups', 'unit_id', 'capacity', 'users']);
    expect(t?.rows.map((r) => r.row)).toEqual([2, 4, 6]);
    expect(t?.rows[0]?.cells[1]).toBe('Day centre "Sonce", Veles');
    expect(t?.rows[0]?.cells[2]).toBe('Association "Hope"\nVeles branch');
    expect(t?.rows[1]?.cells[4]).toBe('elderly;elderly_alone');
    expect(res.issues).toEqual([]);
  });

  it('reports rows with the wrong number of fields', () => {
    const res = parseCsv('a,b,c\n1,2,3\n1,2\n', DEFAULT_LIMITS);
    expect(res.issues.map((i) => [i.code, i.row, i.params.found])).toEqual([['row_field_count', 3, 2]]);
    expect(res.table?.rows[1]?.cells).toEqual(['1', '2', '']);
  });
});
