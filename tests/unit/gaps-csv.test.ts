import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, toCsv } from '../../src/core/csv';

describe('toCsv', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])
      expect(csvCell(bad).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("a")')).toBe('"\'=HYPERLINK(""a"")"');
  });

  it('keeps real numbers as numbers, negatives included, and writes missing values empty', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [[-5, 0.25, null, Number.NaN, true, undefined]])).toBe('a,b,c,d,e,f\n-5,0.25,,,true,\n');
    // the same text given as a string is neutralised
    expect(csvCell('-5')).toBe("'-5");
  });

  it('quotes delimiters, quotes, line breaks and edge spaces, and round-trips through PapaParse', () => {
    const rows = [['Kičevo, "old"', 'line1\nline2', ' pad ', 'Штип', 3]];
    const text = toCsv(['name', 'note', 'pad', 'mk', 'n'], rows);
    expect(text).toBe('name,note,pad,mk,n\n"Kičevo, ""old""","line1\nline2"," pad ",Штип,3\n');
    const parsed = Papa.parse<string[]>(text.trimEnd(), { header: false });
    expect(parsed.data[1]).toEqual(['Kičevo, "old"', 'line1\nline2', ' pad ', 'Штип', '3']);
  });

  it('supports another delimiter and a BOM', () => {
    expect(toCsv(['a;b', 'c'], [['x;y', 1.5]], { delimiter: ';', bom: true })).toBe('\uFEFF"a;b";c\n"x;y";1.5\n');
  });
});
