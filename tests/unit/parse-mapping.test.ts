// The column-mapping step: the user says which column is the unit and which are indicators;
// readPackage applies it through overrides (rename, resource).
import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';

const enc = new TextEncoder();
const units: InputFile = {
  path: 'u.geojson',
  bytes: enc.encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { unit_id: 'AL312', name: 'Kuçovë', level: 'municipality' }, geometry: null },
        { type: 'Feature', properties: { unit_id: 'AL343', name: 'Korçë', level: 'municipality' }, geometry: null },
      ],
    }),
  ),
};
const file = (path: string, text: string): InputFile => ({ path, bytes: enc.encode(text) });

describe('column mapping', () => {
  it('recognises a Cyrillic or Albanian unit column and a wide table without help', () => {
    const r = readPackage(null, [units, file('a.csv', 'Bashkia;Pleqtë;Fëmijë\nKuçovë;120;30\nKorçë;400;\n')]);
    expect(r.report.files[1]).toMatchObject({ resource: 'indicators', form: 'wide', decimal: ',' });
    expect(r.pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([
      ['AL312', 'pleqtë', 120],
      ['AL312', 'fëmijë', 30],
      ['AL343', 'pleqtë', 400],
    ]);
  });

  it('asks for a mapping when the columns say nothing', () => {
    const text = 'Vendi,Numri\nKuçovë,5\n';
    const r = readPackage(null, [units, file('b.csv', text)]);
    expect(r.report.files[1]?.resource).toBeNull();
    expect(r.report.files[1]?.issues.map((i) => i.code)).toEqual(['resource_unknown']);
    expect(r.report.files[1]?.columns).toEqual(['Vendi', 'Numri']);
    expect(r.report.files[1]?.setAside).toEqual([{ row: 2, cells: ['Kuçovë', '5'], codes: ['resource_unknown'] }]);
  });

  it('applies the user’s mapping: renamed columns and a named resource', () => {
    const text = 'Vendi,Numri\nKuçovë,5\n';
    const overrides = new Map([['b.csv', { resource: 'indicators' as const, rename: new Map([['Vendi', 'unit_name'], ['Numri', 'elderly']]) }]]);
    const r = readPackage(null, [units, file('b.csv', text)], { overrides });
    expect(r.report.files[1]).toMatchObject({ resource: 'indicators', form: 'wide' });
    expect(r.pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([['AL312', 'elderly', 5]]);
  });
});
