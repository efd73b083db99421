import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BASEMAP_MARGIN, basemapCovers, type BasemapMeta } from '../../src/core/geo/basemap-meta';
import { bboxOf } from '../../src/core/geo/labels';
import { grownExtent, partsNear } from '../../src/core/geo/near';

const square = (x: number, y: number): Polygon['coordinates'] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
const poly = (name: string, x: number, y: number): Feature<Polygon> => ({ type: 'Feature', id: name, properties: { name }, geometry: { type: 'Polygon', coordinates: square(x, y) } });
const multi = (name: string, parts: [number, number][]): Feature<MultiPolygon> => ({
  type: 'Feature',
  id: name,
  properties: { name },
  geometry: { type: 'MultiPolygon', coordinates: parts.map(([x, y]) => square(x, y)) },
});

describe('partsNear', () => {
  it('grows the extent by the margin times its size on every side', () => {
    expect(grownExtent([20, 40, 22, 41], 1.5)).toEqual([17, 38.5, 25, 42.5]);
  });

  it('keeps the parts of a country near the data and drops its far parts (a box spanning the world is not "near")', () => {
    const world: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        poly('here', 20, 41),
        // mainland far away, one island near: only the island stays
        multi('overseas', [[-5, 45], [21, 39.5]]),
        // a country across the antimeridian: its box is the whole world, no part is near
        multi('wide', [[179, 60], [-180, 60], [100, 55]]),
        poly('far', 120, -30),
        // one ring across the antimeridian (from 25° E round to 170° W, like Russia's mainland),
        // its points meeting the grown extent's latitudes: not near
        { type: 'Feature', properties: { name: 'across' }, geometry: { type: 'Polygon', coordinates: [[[25, 40], [180, 40], [180, 70], [25, 70], [25, 40]], [[-180, 60], [-170, 60], [-170, 65], [-180, 60]]] } },
        { type: 'Feature', properties: { name: 'across-near' }, geometry: { type: 'MultiPolygon', coordinates: [[[[21.5, 41], [180, 41], [-175, 70], [21.5, 70], [21.5, 41]]]] } },
        { type: 'Feature', properties: { name: 'line' }, geometry: { type: 'LineString', coordinates: [[20, 41], [21, 42]] } },
      ],
    };
    const near = partsNear(world, [20, 41, 21, 42], 1);
    expect(near.features.map((f) => (f.properties as Record<string, unknown> | null)?.['name'])).toEqual(['here', 'overseas', 'across-near']);
    const overseas = near.features[1];
    expect(overseas?.id).toBe('overseas');
    expect(overseas?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [square(21, 39.5)] });
  });

  it('returns a multipolygon whose parts are all near unchanged', () => {
    const f = multi('both', [[20, 41], [21, 41]]);
    const near = partsNear({ type: 'FeatureCollection', features: [f] }, [20, 41, 21, 42], 0);
    expect(near.features[0]?.geometry).toBe(f.geometry);
  });
});

describe('the prebuilt basemap for the bundled data (data/basemap, scripts/build-basemap.ts)', () => {
  type Countries = Topology<{ countries: GeometryCollection }> & { meta: BasemapMeta };
  const read = <T,>(p: string) => JSON.parse(readFileSync(join(__dirname, '../..', p), 'utf8')) as T;
  const regional = read<Countries>('data/basemap/mk-countries-50m.json');
  const world = read<Countries>('node_modules/world-atlas/countries-50m.json');
  const units = read<FeatureCollection>('data/mk/units.geojson');
  const extent = bboxOf(units.features.map((f) => f.geometry as Polygon | MultiPolygon));

  it('holds exactly what the app would cut from the world file for the data (same parts, same coordinates)', () => {
    expect(extent).not.toBeNull();
    if (!extent) return;
    const cut = partsNear(feature(world, world.objects.countries), extent, BASEMAP_MARGIN);
    const mine = feature(regional, regional.objects.countries);
    expect(mine.features.map((f) => (f.properties as Record<string, unknown> | null)?.['name'])).toContain('Macedonia');
    expect(mine.features.map((f) => (f.properties as Record<string, unknown> | null)?.['name'])).not.toContain('Russia');
    expect(mine).toEqual(cut);
    expect(regional.meta.extent).toEqual(extent);
  });

  it('says which data it covers: the bundled data and any part of it, not a package elsewhere', () => {
    if (!extent) return;
    expect(basemapCovers(regional.meta, extent)).toBe(true);
    expect(basemapCovers(regional.meta, [21, 41.5, 21.5, 42])).toBe(true);
    expect(basemapCovers(regional.meta, [19, 41, 21, 42.4])).toBe(false); // Albania too
    expect(basemapCovers(regional.meta, [13, 45, 16, 47])).toBe(false);
  });
});
