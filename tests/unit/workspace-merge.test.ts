import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DataPackage, Observation, Unit } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { mergePackages } from '../../src/core/workspace/merge';
import { isWholePackage, parseWorkspace, type ParseFile } from '../../src/core/workspace/parse';
import { defaultFileOptions, shapeKey, type ColumnMapping } from '../../src/core/workspace/schema';

const unit = (id: string, name: string): Unit => ({ id, name, names: {}, level: 'municipality', parentId: 'R', aliases: [], geometry: null });
const obs = (unitId: string, indicator: string, value: number, year: number | null = 2021): Observation => ({ unitId, indicator, value, year, unit: 'count', source: '', note: '' });
const meta = (title: string): DataPackage['meta'] => ({ name: '', title, description: '', sources: [{ title }], licenses: [] });

describe('mergePackages', () => {
  const base: DataPackage = {
    meta: meta('base'),
    units: [unit('A', 'Alpha'), unit('B', 'Beta')],
    observations: [obs('A', 'population', 100), obs('B', 'population', 200), obs('A', 'elderly', 10)],
    services: [{ id: 's1', name: 'Day centre', provider: '', providerType: 'public', service: 'day_care', targetGroups: [], unitId: 'A', lat: null, lon: null, capacity: 10, users: 5, status: 'active', serves: [], funding: '', source: '' }],
    capacities: [],
    norms: [{ service: 'day_care', category: 'elderly', placesPer1000: 2, source: 'illustrative' }],
  };

  it('adds a new indicator, replaces the same unit × indicator × year, keeps the rest', () => {
    const user: DataPackage = {
      meta: meta('user file'),
      units: base.units,
      observations: [obs('A', 'day_centre_users', 12.5), obs('B', 'population', 210)],
      services: [],
      capacities: [],
      norms: [{ service: 'day_care', category: 'elderly', placesPer1000: 3, source: 'council' }],
    };
    const m = mergePackages(base, user);
    expect(m.observations).toEqual([obs('A', 'population', 100), obs('B', 'population', 210), obs('A', 'elderly', 10), obs('A', 'day_centre_users', 12.5)]);
    expect(m.units.map((u) => u.id)).toEqual(['A', 'B']);
    expect(m.norms).toEqual([{ service: 'day_care', category: 'elderly', placesPer1000: 3, source: 'council' }]);
    expect(m.services).toEqual(base.services);
    expect(m.meta.title).toBe('base');
    expect(m.meta.sources.map((s) => s.title)).toEqual(['base', 'user file']);
  });

  it('a user units file replaces units with the same id and extends with new ones, in base order', () => {
    const user: DataPackage = { ...base, meta: meta('u'), units: [unit('B', 'Beta (new shape)'), unit('C', 'Gamma'), ...base.units], observations: [], services: [], norms: [] };
    const m = mergePackages(base, user);
    expect(m.units.map((u) => [u.id, u.name])).toEqual([['A', 'Alpha'], ['B', 'Beta (new shape)'], ['C', 'Gamma']]);
    expect(m.observations).toEqual(base.observations);
  });

  it('an empty user package leaves the base as it is', () => {
    const empty: DataPackage = { meta: meta(''), units: [], observations: [], services: [], capacities: [], norms: [] };
    expect(mergePackages(base, empty)).toBe(base);
  });
});

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${p}`, import.meta.url)));
const baseUnits = readPackage(null, [{ path: 'mk-units.geojson', bytes: fixture('mk-units.geojson') }]).pkg.units;
const file = (path: string, bytes: Uint8Array, options = defaultFileOptions()): ParseFile => ({ path, bytes, options });
const enc1251 = (s: string): Uint8Array => {
  // Cyrillic → Windows-1251 (А..я = 0xC0..0xFF), ASCII as is
  return new Uint8Array([...s].map((ch) => {
    const c = ch.codePointAt(0) ?? 63;
    if (c < 128) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    return 63;
  }));
};

describe('parseWorkspace', () => {
  it('joins the user file to the base units, applies user aliases and the encoding override', async () => {
    const csv = enc1251('Општина;day_centre_users\r\nВелес;12,5\r\nДругово;7\r\n');
    const input = { files: [file('dc.csv', csv)], aliases: [] as [string, string][], mappings: [], base: { units: baseUnits, observations: [] } };
    const first = await parseWorkspace(input);
    expect(first.report.files[0]?.encoding).toBe('windows-1251');
    expect(first.pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([['MK00101', 'day_centre_users', 12.5]]);
    expect(first.report.join.unmatched.map((u) => u.key)).toEqual(['Другово']);

    const second = await parseWorkspace({ ...input, aliases: [['другово', 'MK00307']] });
    expect(second.pkg.observations.map((o) => [o.unitId, o.value])).toEqual([['MK00101', 12.5], ['MK00307', 7]]);
    expect(second.report.join.unmatched).toEqual([]);
    expect(second.report.join.fuzzy.map((f) => f.method)).toContain('user_alias');

    // read as Windows-1250 on the user's word: the names no longer match
    const wrong = await parseWorkspace({ ...input, files: [file('dc.csv', csv, { ...defaultFileOptions(), encoding: 'windows-1250' })] });
    expect(wrong.report.files[0]?.encoding).toBe('windows-1250');
    expect(wrong.pkg.observations).toEqual([]);
  });

  it('reads an unrecognised table through the mapping saved for its shape (wide, extra column ignored)', async () => {
    const text = 'Komuna e;Shënim;Përdorues;Vendet\nVeles;ok;12;20\nBitola;;7;\n';
    const bytes = new TextEncoder().encode(text);
    const columns = ['Komuna e', 'Shënim', 'Përdorues', 'Vendet'];
    const input = { files: [file('al.csv', bytes)], aliases: [] as [string, string][], mappings: [] as [string, ColumnMapping][], base: { units: baseUnits, observations: [] } };
    const plain = await parseWorkspace(input);
    expect(plain.report.files[0]?.resource).toBeNull();
    expect(plain.report.files[0]?.issues.map((i) => i.code)).toContain('resource_unknown');
    expect(plain.mapped).toEqual([]);

    const mapping: ColumnMapping = { unitColumn: 'Komuna e', unitBy: 'name', form: 'wide', indicatorColumns: ['Përdorues', 'Vendet'], indicatorColumn: null, valueColumn: null };
    const progress: string[] = [];
    const mapped = await parseWorkspace({ ...input, mappings: [[shapeKey(columns), mapping]] }, (p) => progress.push(p.phase === 'parsing' ? `parsing ${p.pass}` : `reading ${p.done}/${p.total}`));
    expect(mapped.mapped).toEqual([['al.csv', shapeKey(columns)]]);
    expect(mapped.report.files[0]?.resource).toBe('indicators');
    expect(mapped.report.ok).toBe(true);
    expect(mapped.pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([
      ['MK00101', 'përdorues', 12],
      ['MK00101', 'vendet', 20],
      ['MK00501', 'përdorues', 7],
    ]);
    expect(progress).toEqual(['reading 0/1', 'reading 1/1', 'parsing 1', 'parsing 2']);
  });

  it('a long-form mapping names the indicator and value columns', async () => {
    const bytes = new TextEncoder().encode('Место,Што,Колку\nВелес,foster_families,4\n');
    const mapping: ColumnMapping = { unitColumn: 'Место', unitBy: 'name', form: 'long', indicatorColumns: [], indicatorColumn: 'Што', valueColumn: 'Колку' };
    const r = await parseWorkspace({ files: [file('l.csv', bytes)], aliases: [], mappings: [[shapeKey(['Колку', 'Место', 'Што']), mapping]], base: { units: baseUnits, observations: [] } });
    expect(r.pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([['MK00101', 'foster_families', 4]]);
  });

  it('knows a whole package by its datapackage.json', () => {
    expect(isWholePackage(['pkg/datapackage.json', 'pkg/units.geojson'])).toBe(true);
    expect(isWholePackage(['indicators.csv'])).toBe(false);
  });
});

describe('observations in columns (worker → page)', () => {
  it('round-trips every field, null years included', async () => {
    const { packObservations, unpackObservations } = await import('../../src/core/workspace/transfer');
    const list: Observation[] = [obs('A', 'population', 100), { ...obs('B', 'day_centre_users', 12.5, null), unit: 'rate_per_1000', source: 'council', note: 'n' }, obs('A', 'population', -0.25, 1990)];
    expect(unpackObservations(packObservations(list))).toEqual(list);
    expect(unpackObservations(packObservations([]))).toEqual([]);
  });
});
