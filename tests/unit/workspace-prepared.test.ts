// prepareImport (the parse worker's half) + assembleDataset (the page's half), with the trip
// between them simulated by structuredClone, give the same Dataset as the page used to build in
// one go: prepareDataset(mergePackages(base, user)).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareDataset, type Dataset } from '../../src/core/dataset';
import type { DataPackage, Observation, Unit } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { mergePackages } from '../../src/core/workspace/merge';
import { parseWorkspace } from '../../src/core/workspace/parse';
import { assembleDataset, prepareImport, runToEnd, type PreparedImport } from '../../src/core/workspace/prepared';
import { packUnits, unpackUnits } from '../../src/core/workspace/transfer';
import { defaultFileOptions } from '../../src/core/workspace/schema';
import { unitChoices } from '../../src/core/workspace/unitSearch';
import { buildMapGeometry } from '../../src/core/views/geometry';

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${p}`, import.meta.url)));
const units = readPackage(null, [{ path: 'mk-units.geojson', bytes: fixture('mk-units.geojson') }]).pkg.units;
const munis = units.filter((u) => u.level === 'municipality');
const meta = (title: string): DataPackage['meta'] => ({ name: '', title, description: '', sources: [{ title }], licenses: [] });
const obs = (unitId: string, indicator: string, value: number, year: number | null = 2021, source = 'census'): Observation => ({ unitId, indicator, value, year, unit: 'count', source, note: '' });

const base: DataPackage = {
  meta: meta('base'),
  units,
  observations: munis.flatMap((u, i) => [obs(u.id, 'population', 1000 + i), obs(u.id, 'elderly', 100 + i, 2021, 'illustrative')]),
  services: [{ id: 's1', name: 'Day centre', provider: '', providerType: 'public', service: 'day_care', targetGroups: [], unitId: munis[0]?.id ?? null, lat: null, lon: null, capacity: 10, users: 5, status: 'active', serves: [], funding: '', source: '' }],
  capacities: [],
  norms: [{ service: 'day_care', category: 'elderly', placesPer1000: 2, source: 'council' }],
};
const baseDs = prepareDataset(base);

const csv = (text: string) => ({ path: 'user.csv', bytes: new TextEncoder().encode(text), options: defaultFileOptions() });
async function parse(text: string, whole = false): Promise<DataPackage> {
  const out = await parseWorkspace({ files: [csv(text)], aliases: [], mappings: [], base: whole ? null : { units: base.units, observations: base.observations } });
  return out.pkg;
}

/** Through structuredClone, as postMessage would carry it. */
function viaWorker(user: DataPackage, whole = false): Dataset {
  const p: PreparedImport = structuredClone(prepareImport(whole ? null : { units: base.units, observations: base.observations }, user));
  return runToEnd(assembleDataset(p, whole ? null : baseDs));
}

function expectSame(ds: Dataset, want: Dataset): void {
  expect(ds.pkg).toEqual(want.pkg);
  expect(ds.indicators).toEqual(want.indicators);
  expect(ds.illustrative).toBe(want.illustrative);
  expect(ds.mapLevel).toBe(want.mapLevel);
  expect(ds.regions.map((r) => r.id)).toEqual(want.regions.map((r) => r.id));
  expect(ds.hierarchy.units.map((u) => u.id)).toEqual(want.hierarchy.units.map((u) => u.id));
  expect(ds.index.indicators()).toEqual(want.index.indicators());
  for (const i of want.index.indicators()) {
    expect(ds.index.all(i)).toEqual(want.index.all(i));
    expect(ds.index.unitOf(i)).toBe(want.index.unitOf(i));
    for (const u of ds.hierarchy.units) for (const y of [null, 2020, 2021, 2022]) expect(ds.index.get(i, u.id, y)).toEqual(want.index.get(i, u.id, y));
  }
}

const idOf = (k: number): string => munis[k]?.id ?? '';

describe('prepareImport + assembleDataset', () => {
  it('new indicators: same Dataset, the base unit and observation objects reused', async () => {
    const user = await parse(`unit_id,indicator,value,year\n${munis.map((u, i) => `${u.id},day_centre_users,${i},2022`).join('\n')}\n`);
    const ds = viaWorker(user);
    expectSame(ds, prepareDataset(mergePackages(base, user)));
    expect(ds.pkg.units).toBe(base.units);
    expect(ds.hierarchy).toBe(baseDs.hierarchy);
    // so the map keeps its geometry (MapPage builds it per dataset; the map is re-created per geometry)
    expect(buildMapGeometry(ds)).toBe(buildMapGeometry(baseDs));
    expect(ds.pkg.observations[0]).toBe(base.observations[0]);
    expect(ds.pkg.services).toBe(base.services);
    expect(ds.index.get('day_centre_users', idOf(3))?.value).toBe(3);
  });

  it('rows of an indicator the base has: replaced by unit × indicator × year, others kept', async () => {
    const user = await parse(`unit_id,indicator,value,year\n${idOf(0)},population,5,2021\n${idOf(1)},population,7,2022\n${idOf(2)},area_km2,12,\n`);
    const ds = viaWorker(user);
    expectSame(ds, prepareDataset(mergePackages(base, user)));
    expect(ds.index.get('population', idOf(0), 2021)?.value).toBe(5);
    expect(ds.index.get('population', idOf(1))?.value).toBe(7);
    expect(ds.index.get('population', idOf(1), 2021)?.value).toBe(1001);
    expect(ds.index.get('area_km2', idOf(2))?.value).toBe(12);
  });

  it('user units (a new one, a renamed one) and services: merged as mergePackages does', async () => {
    const u0 = munis[0] as Unit;
    const user: DataPackage = {
      meta: meta('mine'),
      units: [{ ...u0, name: 'Renamed' }, { id: 'NEW', name: 'New place', names: {}, level: 'municipality', parentId: u0.parentId, aliases: [], geometry: u0.geometry }, ...base.units.slice(1)],
      observations: [obs('NEW', 'population', 9, 2021, 'illustrative'), obs(u0.id, 'population', 8)],
      services: [{ ...(base.services[0] as DataPackage['services'][number]), id: 's2', source: 'illustrative' }],
      capacities: [],
      norms: [],
    };
    const ds = viaWorker(user);
    expectSame(ds, prepareDataset(mergePackages(base, user)));
    expect(ds.pkg.units.find((u) => u.id === u0.id)?.name).toBe('Renamed');
    expect(buildMapGeometry(ds)).not.toBe(buildMapGeometry(baseDs));
    expect(ds.pkg.services.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(ds.illustrative).toBe(true);
  });

  it('a whole package (its own datapackage.json): the base is not used', async () => {
    const user: DataPackage = { meta: meta('whole'), units: munis.slice(0, 5), observations: [obs(idOf(0), 'population', 3), obs(idOf(1), 'population', 4, null)], services: [], capacities: [], norms: [] };
    const ds = viaWorker(user, true);
    expectSame(ds, prepareDataset(user));
    expect(ds.pkg.units).toHaveLength(5);
  });

  it('observations stay in columns until pkg.observations is read; the index gives the same objects', async () => {
    const user = await parse(`unit_id,indicator,value,year\n${idOf(0)},population,5,2021\n${idOf(1)},x,7,2022\n${idOf(1)},x,8,2023\n`);
    const ds = viaWorker(user);
    const want = prepareDataset(mergePackages(base, user));
    // before anything walks the observations
    const seen = ['population', 'x', 'elderly', 'area_km2'].flatMap((i) => munis.slice(0, 3).map((u) => ds.index.get(i, u.id)));
    expect(seen).toEqual(['population', 'x', 'elderly', 'area_km2'].flatMap((i) => munis.slice(0, 3).map((u) => want.index.get(i, u.id))));
    expect(ds.index.get('x', idOf(1), 2022)?.value).toBe(7);
    expect(ds.index.all('x').map((o) => o.value)).toEqual([7, 8]);
    // then all of them: the ones already handed out are the same objects
    const all = ds.pkg.observations;
    expect(all).toEqual(want.pkg.observations);
    for (const o of seen) if (o) expect(all).toContain(o);
    expect(ds.pkg.observations).toBe(all);
  });

  it('the assign box gets the same unit choices as before', async () => {
    const user = await parse(`unit_id,indicator,value,year\n${idOf(0)},x,1,2021\n`);
    expect(prepareImport({ units: base.units, observations: base.observations }, user).choices).toEqual(unitChoices(user.units));
  });

  it('units survive packing: polygons, multipolygons, no geometry, odd geometry kept as is', () => {
    const odd: Unit = { id: 'Z', name: 'Z', names: { en: 'Zed' }, level: 'region', parentId: null, aliases: ['a|b'], geometry: { type: 'Polygon', coordinates: [[[0, 0, 5], [1, 0, 5], [1, 1, 5], [0, 0, 5]]] } };
    const multi: Unit = { ...odd, id: 'M', geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]], [[2.1, 2.1], [2.2, 2.1], [2.2, 2.2], [2.1, 2.1]]]] } };
    const list = [...units, odd, multi, { ...odd, id: 'N', geometry: null }];
    expect(unpackUnits(structuredClone(packUnits(list)))).toEqual(list);
  });
});
