// End-to-end over the committed fixtures: bytes in, typed package and join report out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import { readPackageAsync } from '../../src/core/parse/xlsx';

const file = (name: string): InputFile => ({ path: name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))) });
const mkUnits = file('mk-units.geojson');
const values = (pkg: { observations: { unitId: string; indicator: string; value: number }[] }) =>
  pkg.observations.map((o) => [o.unitId, o.indicator, o.value]);
const codes = (issues: { code: string }[] | undefined) => (issues ?? []).map((i) => i.code);

describe('fixtures', () => {
  it('Windows-1251, semicolons, decimal commas, Cyrillic names → joined, with unmatched rows named', () => {
    const { pkg, report } = readPackage(null, [mkUnits, file('mk-windows-1251-semicolon.csv')]);
    const f = report.files[1];
    expect([f?.encoding, f?.delimiter, f?.decimal, f?.rows, f?.resource]).toEqual(['windows-1251', ';', ',', 7, 'indicators']);
    expect(values(pkg)).toEqual([
      ['MK00101', 'population', 48463],
      ['MK00109', 'elderly', 12.5],
      ['MK00805', 'elderly', 1234.5],
      ['MK00307', 'elderly', 310.25],
      ['MK00817', 'elderly', 99.5],
    ]);
    expect(report.join.unmatched.map((u) => [u.row, u.key])).toEqual([
      [7, 'Другово'],
      [8, 'Осломеј'],
    ]);
    expect([report.join.matched, report.join.exact]).toEqual([5, 3]);
    expect(report.join.fuzzy.map((x) => [x.key, x.unit_id, x.method])).toEqual([
      ['Општина Кичево', 'MK00307', 'prefix'],
      ['ШУТО ОРИЗАРИ', 'MK00817', 'folded'],
    ]);
    expect(f?.setAside.map((s) => [s.row, s.cells[0], s.codes])).toEqual([
      [7, 'Другово', ['unit_unmatched']],
      [8, 'Осломеј', ['unit_unmatched']],
    ]);
    expect(report.ok).toBe(false);
  });

  it('Windows-1250 Albanian names with ë/ç → joined (prefix, case, diacritics)', () => {
    const { pkg, report } = readPackage(null, [file('al-units.geojson'), file('al-windows-1250.csv')]);
    expect(report.files[1]?.encoding).toBe('windows-1250');
    expect(report.join.unmatched).toEqual([]);
    expect(pkg.observations.map((o) => o.unitId)).toEqual(['AL312', 'AL343', 'AL335', 'AL332', 'AL152', 'AL355']);
    expect(pkg.observations[3]?.value).toBe(2210.5);
    expect(report.join.fuzzy.map((x) => [x.key, x.method])).toEqual([
      ['Bashkia Korçë', 'prefix'],
      ['PËRMET', 'folded'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('UTF-16 LE with BOM (Excel "Unicode text", tabs) and UTF-16 without BOM', () => {
    const { pkg, report } = readPackage(null, [mkUnits, file('utf16le-bom.txt'), file('utf16be-nobom.csv'), file('utf16le-nobom.csv')]);
    expect(report.files.slice(1).map((f) => [f.encoding, f.delimiter, f.rows])).toEqual([
      ['utf-16le', '\t', 3],
      ['utf-16be', ',', 2],
      ['utf-16le', ',', 2],
    ]);
    expect(pkg.observations).toHaveLength(7);
    expect(report.ok).toBe(true);
  });

  it('TSV, pipe-delimited and wide tables', () => {
    const { pkg, report } = readPackage(null, [mkUnits, file('indicators.tsv'), file('pipe.csv'), file('wide.csv')]);
    expect(report.files.slice(1).map((f) => [f.delimiter, f.decimal, f.form])).toEqual([
      ['\t', '.', 'long'],
      ['|', '.', 'long'],
      [',', '.', 'wide'],
    ]);
    expect(values(pkg).slice(2)).toEqual([
      ['MK00101', 'elderly', 7.5],
      ['MK00102', 'elderly', 8.25],
      ['MK00101', 'population', 48463],
      ['MK00101', 'population_65_plus', 8000],
      ['MK00101', 'elderly_alone', 950],
      ['MK00102', 'population', 3233],
      ['MK00102', 'elderly_alone', 40],
    ]);
  });

  it('quoted services with embedded newlines, blank lines and trailing delimiters', () => {
    const { pkg, report } = readPackage(null, [mkUnits, file('quoted.csv')]);
    expect(report.files[1]?.resource).toBe('services');
    expect(pkg.services.map((s) => [s.id, s.name, s.unitId, s.capacity, s.users, s.targetGroups])).toEqual([
      ['Q1', 'Day centre "Sonce", Veles', 'MK00101', 20, 18, ['persons_with_disabilities']],
      ['Q2', 'Home care; mobile team', 'MK00102', null, 12, ['elderly', 'elderly_alone']],
      ['Q3', 'Counselling', 'MK00103', 5, 3, ['dv_victims']],
    ]);
    expect(pkg.services[0]?.provider).toBe('Association "Hope"\nVeles branch');
    expect(report.ok).toBe(true);
  });

  it('flags ambiguous thousands separators', () => {
    const { report } = readPackage(null, [mkUnits, file('ambiguous-thousands.csv')]);
    const issue = report.files[1]?.issues.find((i) => i.code === 'decimal_ambiguous');
    expect(issue).toMatchObject({ severity: 'warning', row: 2, column: 'value', params: { example: '48.463', count: 2 } });
  });

  it('the decimal separator can be set by the user', () => {
    const f = file('ambiguous-thousands.csv');
    const { pkg } = readPackage(null, [mkUnits, f], { overrides: new Map([[f.path, { decimal: ',' }]]) });
    expect(values(pkg)).toEqual([
      ['MK00101', 'population', 48463],
      ['MK00102', 'population', 3233],
    ]);
  });

  it('reads XLSX through readPackageAsync', async () => {
    const { pkg, report } = await readPackageAsync(null, [mkUnits, file('indicators.xlsx')]);
    expect(report.files[1]?.format).toBe('xlsx');
    expect(values(pkg)).toEqual([
      ['MK00101', 'elderly', 12.5],
      ['MK00307', 'elderly', 300],
    ]);
  });

  it('reports an XLSX given to the synchronous reader, and a broken one', async () => {
    expect(codes(readPackage(null, [file('indicators.xlsx')]).report.files[0]?.issues)).toEqual(['xlsx_needs_async']);
    const broken = { path: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) };
    const r = await readPackageAsync(null, [broken]);
    expect(codes(r.report.files[0]?.issues)).toEqual(['xlsx_unreadable']);
  });

  it('a folder package with datapackage.json among the files', () => {
    const names = ['pkg-mk/datapackage.json', 'pkg-mk/units.geojson', 'pkg-mk/indicators.csv', 'pkg-mk/services.csv'];
    const { pkg, report } = readPackage(null, names.map(file));
    expect(pkg.meta.name).toBe('fixture-mk');
    // 8 regions + 80 municipalities + the country, derived from the regions' parent_id
    expect([pkg.units.length, pkg.observations.length, pkg.services.length]).toEqual([89, 80, 3]);
    expect(pkg.units.find((u) => u.id === 'MK')).toMatchObject({ level: 'country', geometry: null });
    expect(report.join.matched).toBe(83);
    expect(report.files.map((f) => f.resource)).toEqual([null, 'units', 'indicators', 'services']);
  });
});
