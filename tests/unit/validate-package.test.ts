import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import type { Observation } from '../../src/core/model';

const enc = new TextEncoder();
const box = (x: number, y: number): number[][][] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
const units: InputFile = {
  path: 'units.geojson',
  bytes: enc.encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { unit_id: 'R1', name: 'North', level: 'region' }, geometry: null },
        { type: 'Feature', properties: { unit_id: 'R2', name: 'South', level: 'region' }, geometry: null },
        { type: 'Feature', properties: { unit_id: 'A', name: 'Alpha', level: 'municipality', parent_id: 'R1' }, geometry: { type: 'Polygon', coordinates: box(20, 41) } },
        { type: 'Feature', properties: { unit_id: 'B', name: 'Beta', level: 'municipality', parent_id: 'R1' }, geometry: { type: 'Polygon', coordinates: box(21, 41) } },
        { type: 'Feature', properties: { unit_id: 'C', name: 'Gamma', level: 'municipality', parent_id: 'R2' }, geometry: { type: 'Polygon', coordinates: box(20, 40) } },
      ],
    }),
  ),
};
const csv = (path: string, text: string): InputFile => ({ path, bytes: enc.encode(text) });
const issuesOf = (r: ReturnType<typeof readPackage>, path: string) =>
  (r.report.files.find((f) => f.path === path)?.issues ?? []).map((i) => [i.code, i.severity, i.row, i.column]);

describe('validation of indicators', () => {
  const text = [
    'unit_id,indicator,value,year,unit',
    'A,population,1000,2021,count', // 2
    'A,elderly,1200,2021,count', // 3: more than the population
    'A,elderly,-5,2020,count', // 4: negative
    'B,roma_share,130,2021,percent', // 5: share above 100
    'B,population,abc,2021,count', // 6: not a number
    'B,population,500,20x1,count', // 7: bad year
    'C,elderly,40,2021,', // 8: fine (population from reference)
    'C,persons_with_disabilities,900,2021,count', // 9: above reference population
    '',
  ].join('\n');
  const reference: Observation[] = [{ unitId: 'C', indicator: 'population', value: 800, year: 2021, unit: 'count', source: '', note: '' }];
  const r = readPackage(null, [units, csv('i.csv', text)], { observations: reference });

  it('reports each problem at its row and column', () => {
    expect(issuesOf(r, 'i.csv')).toEqual([
      ['value_not_number', 'error', 6, 'value'],
      ['year_invalid', 'error', 7, 'year'],
      ['value_above_population', 'error', 3, 'value'],
      ['value_negative', 'error', 4, 'value'],
      ['share_above_100', 'error', 5, 'value'],
      ['value_above_population', 'error', 9, 'value'],
    ]);
    expect(r.report.ok).toBe(false);
  });

  it('keeps only the good rows and sets the others aside with their cells', () => {
    expect(r.pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([
      ['A', 'population', 1000],
      ['C', 'elderly', 40],
    ]);
    const aside = r.report.files[1]?.setAside ?? [];
    expect(aside.map((s) => [s.row, s.codes]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [3, ['value_above_population']],
      [4, ['value_negative']],
      [5, ['share_above_100']],
      [6, ['value_not_number']],
      [7, ['year_invalid']],
      [9, ['value_above_population']],
    ]);
    expect(aside.find((s) => s.row === 6)?.cells).toEqual(['B', 'population', 'abc', '2021', 'count']);
    // every data row is either in the package or set aside
    expect(r.pkg.observations.length + aside.length).toBe(r.report.files[1]?.rows);
  });

  it('reports required columns that are missing', () => {
    const m = readPackage(null, [units, csv('m.csv', 'unit_id,indicator,amount\nA,elderly,3\n')]);
    expect(issuesOf(m, 'm.csv')).toContainEqual(['column_missing', 'error', 1, null]);
    expect(m.pkg.observations).toEqual([]);
  });
});

describe('validation of services', () => {
  const text = [
    'service_id,name,provider_type,service,target_groups,unit_id,lat,lon,capacity,users,status',
    'S1,In place,public,day_care,elderly,A,41.5,20.5,10,5,active', // 2 fine
    'S2,Outside its unit,ngo,day_care,elderly,A,41.5,21.5,10,5,active', // 3 coords in B
    'S3,Only coordinates,ngo,home_care,elderly,,40.5,20.5,,3,', // 4 located in C
    'S4,Nowhere,ngo,home_care,elderly,,10,10,,3,', // 5 outside every unit
    'S5,Odd keys,charity,hairdressing,cats;elderly,B,,,5,9,sleeping', // 6 unknown keys
    'S6,Bad coordinates,public,day_care,elderly,B,141,20,,,', // 7 lat out of range
    'S7,Negative,public,day_care,elderly,B,,,-3,,', // 8 negative capacity
    'S8,No place,public,day_care,elderly,,,,,,', // 9 neither unit nor coordinates
  ].join('\n');
  const r = readPackage(null, [units, csv('s.csv', text)]);

  it('checks places against units and locates services given by coordinates', () => {
    const issues = issuesOf(r, 's.csv');
    expect(issues).toContainEqual(['service_outside_unit', 'warning', 3, null]);
    expect(issues).toContainEqual(['service_not_located', 'warning', 5, null]);
    expect(r.pkg.services.find((s) => s.id === 'S3')?.unitId).toBe('C');
    expect(r.report.join.fuzzy).toContainEqual({ path: 's.csv', row: 4, key: '40.5, 20.5', unit_id: 'C', method: 'located', count: 1 });
  });

  it('warns about unknown keys and keeps the row', () => {
    const issues = issuesOf(r, 's.csv').filter((i) => i[2] === 6);
    expect(issues.map((i) => i[0])).toEqual(['service_unknown', 'category_unknown', 'users_above_capacity', 'status_unknown', 'provider_type_unknown']);
    expect(r.pkg.services.find((s) => s.id === 'S5')).toMatchObject({ service: 'hairdressing', targetGroups: ['cats', 'elderly'], status: 'active', providerType: 'charity' });
  });

  it('sets aside rows with errors', () => {
    expect((r.report.files[1]?.setAside ?? []).map((s) => [s.row, s.codes])).toEqual([
      [7, ['lat_lon_invalid']],
      [8, ['value_negative']],
    ]);
    expect(issuesOf(r, 's.csv')).toContainEqual(['service_no_location', 'warning', 9, 'unit_id']);
    expect(r.pkg.services.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S8']);
  });
});

describe('catchments', () => {
  it('joins serves by id or name; an unknown one is a warning, the service stays', () => {
    const r = readPackage(null, [units, csv('s.csv', 'service_id,service,unit_id,serves\nS1,day_care,A,A;Beta;Nowhere\n')]);
    expect(r.pkg.services.map((s) => s.serves)).toEqual([['A', 'B']]);
    expect(issuesOf(r, 's.csv')).toEqual([['unit_unmatched', 'warning', 2, 'serves']]);
    expect(r.report.files[1]?.setAside).toEqual([]);
  });
});

describe('rows outside the claimed region', () => {
  it('uses the region_id column of a row', () => {
    const r = readPackage(null, [units, csv('i.csv', 'unit_id,indicator,value,region_id\nA,elderly,1,R1\nC,elderly,2,R1\n')]);
    expect(issuesOf(r, 'i.csv')).toEqual([['row_outside_region', 'warning', 3, 'value']]);
  });

  it('uses the region the package names', () => {
    const r = readPackage(null, [units, csv('i.csv', 'unit_id,indicator,value\nA,elderly,1\nC,elderly,2\n')], { region: 'R2' });
    expect(issuesOf(r, 'i.csv')).toEqual([['row_outside_region', 'warning', 2, 'value']]);
  });
});

describe('norms and capacities', () => {
  it('reads norms and reports unknown keys and bad numbers', () => {
    const r = readPackage(null, [csv('n.csv', 'service,category,places_per_1000\nday_care,elderly,2.5\nday_care,pets,1\nday_care,elderly,-1\n')]);
    expect(r.pkg.norms).toEqual([
      { service: 'day_care', category: 'elderly', placesPer1000: 2.5, source: '' },
      { service: 'day_care', category: 'pets', placesPer1000: 1, source: '' },
    ]);
    expect(issuesOf(r, 'n.csv')).toEqual([
      ['category_unknown', 'warning', 3, 'category'],
      ['value_negative', 'error', 4, 'places_per_1000'],
    ]);
  });

  it('reads capacities; an empty size is unknown, not zero', () => {
    const r = readPackage(null, [units, csv('c.csv', 'capacity_id,unit_id,kind,description,size,size_unit\nK1,Alpha,building,Old school,,m2\nK2,B,castle,Tower,3,rooms\n')]);
    expect(r.pkg.capacities.map((c) => [c.id, c.unitId, c.kind, c.size])).toEqual([
      ['K1', 'A', 'building', null],
      ['K2', 'B', 'castle', 3],
    ]);
    expect(issuesOf(r, 'c.csv')).toEqual([['kind_unknown', 'warning', 3, 'kind']]);
  });
});
