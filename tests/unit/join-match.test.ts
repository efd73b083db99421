import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import { buildUnitIndex, matchUnit, suggestUnits } from '../../src/core/join/match';
import { strippedKey, translitKey } from '../../src/core/join/keys';
import { foldName } from '../../src/core/text/fold';
import { readPackage } from '../../src/core/parse/package';

const unit = (id: string, name: string, level: Unit['level'] = 'municipality', extra: Partial<Unit> = {}): Unit => ({
  id,
  name,
  names: {},
  level,
  parentId: null,
  aliases: [],
  geometry: null,
  ...extra,
});

describe('foldName and keys', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(foldName('  Češinovo – Obleševo ')).toBe('cesinovo oblesevo');
    expect(foldName('DIBËR')).toBe('diber');
    expect(foldName('Kuçovë')).toBe('kucove');
    expect(foldName('Đakovica')).toBe('djakovica');
    expect(foldName('Ćićevac Žabljak')).toBe('cicevac zabljak');
  });
  it('meets Cyrillic and Latin spellings in translitKey', () => {
    expect(translitKey('Ѓорче Петров')).toBe(translitKey('Đorče Petrov'));
    expect(translitKey('Gjorche Petrov')).toBe(translitKey('Đorče Petrov'));
    expect(translitKey('Ђаковица')).toBe(translitKey('Đakovica'));
    expect(translitKey('Штрпце')).toBe(translitKey('Štrpce'));
  });
  it('strips kind-of-unit words', () => {
    expect(strippedKey('Bashkia e Tiranës')).toBe(strippedKey('Tiranës'));
    expect(strippedKey('Komuna/Opština Gračanica')).toBe(strippedKey('Gračanica'));
    expect(strippedKey('Општина Велес')).toBe(strippedKey('Veles'));
    expect(strippedKey('Veles Municipality')).toBe(strippedKey('Veles'));
    expect(strippedKey('Municipality of Centar Župa')).toBe(strippedKey('Centar Zupa'));
  });
});

describe('matchUnit', () => {
  const units = [
    unit('AL-01', 'Berat', 'region'),
    unit('AL311', 'Berat'),
    unit('AL312', 'Kuçovë', 'municipality', { aliases: ['Qyteti Stalin'] }),
    unit('XK-07', 'Gračanica', 'municipality', { aliases: ['Graçanicë', 'Грачаница'] }),
  ];
  const idx = buildUnitIndex(units, new Map([[foldName('Kucova e vjeter'), 'AL312']]));

  it('reports the method of each match', () => {
    expect(matchUnit(idx, 'AL311')).toEqual({ unitId: 'AL311', method: 'exact_id', candidates: [] });
    expect(matchUnit(idx, 'al311').method).toBe('folded');
    expect(matchUnit(idx, 'KUÇOVË').method).toBe('folded');
    expect(matchUnit(idx, 'Кучове').method).toBe('transliterated');
    expect(matchUnit(idx, 'Bashkia Kuçovë').method).toBe('prefix');
    expect(matchUnit(idx, 'Qyteti Stalin').method).toBe('alias');
    expect(matchUnit(idx, 'Graçanicë')).toMatchObject({ unitId: 'XK-07', method: 'alias' });
    expect(matchUnit(idx, 'Грачаница')).toMatchObject({ unitId: 'XK-07', method: 'transliterated' });
    expect(matchUnit(idx, 'Kucova e Vjeter')).toMatchObject({ unitId: 'AL312', method: 'user_alias' });
    expect(matchUnit(idx, 'Nowhere')).toEqual({ unitId: null, method: 'unmatched', candidates: [] });
    expect(matchUnit(idx, '  ')).toMatchObject({ method: 'unmatched' });
  });

  it('calls a name of two units ambiguous unless a level decides', () => {
    expect(matchUnit(idx, 'Berat')).toEqual({ unitId: null, method: 'ambiguous', candidates: ['AL-01', 'AL311'] });
    expect(matchUnit(idx, 'Berat', { preferLevel: 'municipality' })).toMatchObject({ unitId: 'AL311', method: 'exact_name' });
    expect(matchUnit(idx, 'Berat', { preferLevel: 'region' })).toMatchObject({ unitId: 'AL-01' });
  });

  it('suggests the closest units for an unmatched name', () => {
    expect(suggestUnits(idx, 'Kucova')).toEqual(['AL312']);
    expect(suggestUnits(idx, 'Gracanca')).toEqual(['XK-07']);
    expect(suggestUnits(idx, 'zzzzzzzz')).toEqual([]);
  });
});

describe('join report', () => {
  const enc = new TextEncoder();
  const geo = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { unit_id: 'AL-01', name: 'Berat', level: 'region' }, geometry: null },
      { type: 'Feature', properties: { unit_id: 'AL311', name: 'Berat', level: 'municipality', parent_id: 'AL-01' }, geometry: null },
      { type: 'Feature', properties: { unit_id: 'AL312', name: 'Kuçovë', level: 'municipality', parent_id: 'AL-01' }, geometry: null },
      { type: 'Feature', properties: { unit_id: 'AL313', name: 'Poliçan', level: 'municipality', parent_id: 'AL-01' }, geometry: null },
    ],
  };
  const files = (csv: string) => [
    { path: 'u.geojson', bytes: enc.encode(JSON.stringify(geo)) },
    { path: 'i.csv', bytes: enc.encode(csv) },
  ];

  it('learns the level from the table so that Berat means the municipality', () => {
    const { report, pkg } = readPackage(null, files('unit_name,indicator,value\nKucove,elderly,1\nPolican,elderly,2\nBerat,elderly,3\n'));
    expect(report.join.ambiguous).toEqual([]);
    expect(pkg.observations.map((o) => o.unitId)).toEqual(['AL312', 'AL313', 'AL311']);
  });

  it('accounts for every row: matched, duplicates, unmatched, ambiguous', () => {
    const csv = 'unit_name,indicator,value\nKuçovë,elderly,1\nKUCOVE,elderly,2\nXyz,elderly,3\nBerat,elderly,4\n';
    const { report, pkg } = readPackage(null, files(csv));
    // Berat: one municipality and one region, and the other rows do not settle the level
    // (Kuçovë twice is one municipality: learnt level = municipality) → Berat resolves.
    expect(report.join.duplicates).toEqual([{ path: 'i.csv', row: 3, key: 'KUCOVE', unit_id: 'AL312', first_row: 2 }]);
    expect(report.join.unmatched.map((u) => u.key)).toEqual(['Xyz']);
    expect(pkg.observations.map((o) => [o.unitId, o.value])).toEqual([
      ['AL312', 1],
      ['AL311', 4],
    ]);
    const rows = report.files[1]?.rows ?? 0;
    const accounted = report.join.matched + report.join.unmatched.length + report.join.ambiguous.length;
    expect(accounted).toBe(rows);
    expect(report.files[1]?.setAside.map((s) => [s.row, s.codes])).toEqual([
      [3, ['row_duplicate']],
      [4, ['unit_unmatched']],
    ]);
  });

  it('keeps a name ambiguous when nothing decides', () => {
    const { report } = readPackage(null, files('unit_name,indicator,value\nBerat,elderly,4\n'));
    expect(report.join.ambiguous).toEqual([{ path: 'i.csv', row: 2, key: 'Berat', candidates: ['AL-01', 'AL311'] }]);
    expect(report.files[1]?.issues.map((i) => i.code)).toEqual(['unit_ambiguous']);
  });

  it('applies user aliases saved from earlier choices', () => {
    const { report } = readPackage(null, files('unit_name,indicator,value\nXyz,elderly,3\n'), { userAliases: new Map([['xyz', 'AL313']]) });
    expect(report.join.fuzzy).toEqual([{ path: 'i.csv', row: 2, key: 'Xyz', unit_id: 'AL313', method: 'user_alias', count: 1 }]);
  });
});
