import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';

const enc = new TextEncoder();
const square = (x: number, y: number): number[][][] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
const feature = (props: Record<string, string>, x: number | null): unknown => ({
  type: 'Feature',
  properties: props,
  geometry: x === null ? null : { type: 'Polygon', coordinates: square(x, 41) },
});
const units: unknown = {
  type: 'FeatureCollection',
  features: [
    feature({ unit_id: 'MK001', name: 'Vardar', level: 'region' }, null),
    feature({ unit_id: 'MK00101', name: 'Veles', level: 'municipality', parent_id: 'MK001', name_mk: 'Велес' }, 21),
    feature({ unit_id: 'MK00109', name: 'Čaška', level: 'municipality', parent_id: 'MK001', name_alt: 'Chashka|Caska' }, 20),
  ],
};
const file = (path: string, text: string): InputFile => ({ path, bytes: enc.encode(text) });
const unitsFile = file('units.geojson', JSON.stringify(units));

describe('readPackage', () => {
  it('reads GeoJSON units and a long indicator table joined by id and by name', () => {
    const { pkg, report } = readPackage(null, [
      unitsFile,
      file('ind.csv', 'unit_id,indicator,value,year\nMK00101,population,48463,2021\n'),
      file('ind2.csv', 'unit_name;indicator;value\nВЕЛЕС;elderly;12,5\nCASKA;elderly;3\n'),
    ]);
    expect(pkg.units.map((u) => u.id)).toEqual(['MK001', 'MK00101', 'MK00109']);
    expect(pkg.units[1]?.names.mk).toBe('Велес');
    expect(pkg.units[2]?.aliases).toEqual(['Chashka', 'Caska']);
    expect(pkg.observations).toEqual([
      { unitId: 'MK00101', indicator: 'population', value: 48463, year: 2021, unit: 'count', source: '', note: '' },
      { unitId: 'MK00101', indicator: 'elderly', value: 12.5, year: null, unit: 'count', source: '', note: '' },
      { unitId: 'MK00109', indicator: 'elderly', value: 3, year: null, unit: 'count', source: '', note: '' },
    ]);
    expect(report.ok).toBe(true);
    expect(report.join.matched).toBe(3);
    expect(report.join.exact).toBe(1);
    expect(report.join.fuzzy.map((f) => [f.key, f.unit_id, f.method])).toEqual([
      ['ВЕЛЕС', 'MK00101', 'folded'],
      ['CASKA', 'MK00109', 'folded'],
    ]);
    const f2 = report.files[2];
    expect([f2?.resource, f2?.delimiter, f2?.decimal, f2?.rows, f2?.form]).toEqual(['indicators', ';', ',', 2, 'long']);
  });

  it('sets aside unmatched rows with their cells and reports them', () => {
    const { pkg, report } = readPackage(null, [unitsFile, file('i.csv', 'unit_name,indicator,value\nNowhere,population,5\nVeles,population,7\n')]);
    expect(pkg.observations).toHaveLength(1);
    expect(report.ok).toBe(false);
    expect(report.join.unmatched).toEqual([{ path: 'i.csv', row: 2, key: 'Nowhere', suggestions: [] }]);
    expect(report.files[1]?.setAside).toEqual([{ row: 2, cells: ['Nowhere', 'population', '5'], codes: ['unit_unmatched'] }]);
  });

  it('turns a wide table into observations', () => {
    const { pkg, report } = readPackage(null, [unitsFile, file('w.csv', 'unit_id,name,population,elderly\nMK00101,Veles,48463,\nMK00109,Čaška,7000,300\n')]);
    expect(report.files[1]?.form).toBe('wide');
    expect(pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([
      ['MK00101', 'population', 48463],
      ['MK00109', 'population', 7000],
      ['MK00109', 'elderly', 300],
    ]);
  });

  it('uses the descriptor to name resources and reports a missing file', () => {
    const desc = { name: 'x', title: 'X', resources: [
      { name: 'units', path: 'units.geojson' },
      { name: 'indicators', path: 'indicators.csv' },
      { name: 'services', path: 'services.csv' },
    ] };
    const { pkg, report } = readPackage(desc, [unitsFile, file('data/indicators.csv', 'unit_id,indicator,value\nMK00101,population,1\n')]);
    expect(pkg.meta.title).toBe('X');
    expect(pkg.observations).toHaveLength(1);
    const codes = report.files.flatMap((f) => f.issues.map((i) => [i.code, i.params.resource]));
    expect(codes).toContainEqual(['resource_file_missing', 'services']);
  });
});
