// Builds data/basemap/mk-countries-50m.json: the basemap for the bundled data (data/mk), cut
// from world-atlas's Natural Earth 1:50m countries (the npm package the app already depends
// on). It keeps every polygon part near the data, by the rule the app applies at run time to
// the world file for other packages (src/core/geo/near.ts: the part's box meets the data's
// extent grown by BASEMAP_MARGIN), and keeps world-atlas's own quantised arcs unchanged (a
// subset of the topology: same coordinates, same transform). Deterministic (byte-identical on
// every run). Usage: npx tsx scripts/build-basemap.ts (also run by npm run data:build).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { BASEMAP_MARGIN, type BasemapMeta } from '../src/core/geo/basemap-meta';
import { grownExtent, partsMeeting } from '../src/core/geo/near';
import type { BBox } from '../src/core/geo/labels';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BASEMAP_OUT = join(ROOT, 'data', 'basemap', 'mk-countries-50m.json');
const UNITS = join(ROOT, 'data', 'mk', 'units.geojson');

type Country = Polygon<{ name: string }> | MultiPolygon<{ name: string }>;
type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function extentOf(fc: FeatureCollection): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as Position;
      if (x === undefined || y === undefined) return;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else c.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit((f.geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates);
  return box;
}

export function buildBasemap(): { bytes: number; countries: string[]; arcs: number; positions: number } {
  const require = createRequire(import.meta.url);
  const worldPath = require.resolve('world-atlas/countries-50m.json');
  const version = (JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string }).version;
  const world = JSON.parse(readFileSync(worldPath, 'utf8')) as World;
  const units = JSON.parse(readFileSync(UNITS, 'utf8')) as FeatureCollection;
  const extent = extentOf(units);
  const covers = grownExtent(extent, BASEMAP_MARGIN);

  const arcIndex = new Map<number, number>();
  const arcs: World['arcs'] = [];
  const remap = (a: number): number => {
    const old = a < 0 ? ~a : a;
    let i = arcIndex.get(old);
    if (i === undefined) {
      i = arcs.length;
      arcIndex.set(old, i);
      const arc = world.arcs[old];
      if (!arc) throw new Error(`world-atlas: arc ${old} missing`);
      arcs.push(arc);
    }
    return a < 0 ? ~i : i;
  };
  const geometries: Country[] = [];
  for (const g of world.objects.countries.geometries) {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const decoded = (feature(world, g) as Feature).geometry;
    if (decoded.type !== 'Polygon' && decoded.type !== 'MultiPolygon') continue;
    const keep = partsMeeting(decoded, covers);
    if (keep.length === 0) continue;
    const polys = g.type === 'Polygon' ? [g.arcs] : keep.map((i) => g.arcs[i] ?? []);
    const rings = polys.map((p) => p.map((ring) => ring.map(remap)));
    const out: Country =
      g.type === 'Polygon'
        ? { type: 'Polygon', arcs: rings[0] ?? [], id: g.id, properties: { name: g.properties?.name ?? '' } }
        : { type: 'MultiPolygon', arcs: rings, id: g.id, properties: { name: g.properties?.name ?? '' } };
    geometries.push(out);
  }
  const meta: BasemapMeta = {
    source: `world-atlas@${version} countries-50m.json (Natural Earth 1:50m Admin 0 countries, public domain; world-atlas ISC)`,
    generator: 'scripts/build-basemap.ts',
    extent,
    margin: BASEMAP_MARGIN,
    covers,
  };
  const topo = {
    type: 'Topology',
    meta,
    transform: world.transform,
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  };
  const text = JSON.stringify(topo);
  mkdirSync(dirname(BASEMAP_OUT), { recursive: true });
  writeFileSync(BASEMAP_OUT, text);
  return {
    bytes: Buffer.byteLength(text),
    countries: geometries.map((g) => g.properties?.name ?? ''),
    arcs: arcs.length,
    positions: arcs.reduce((s, a) => s + a.length, 0),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = buildBasemap();
  console.log(`basemap: ${BASEMAP_OUT} ${r.bytes} bytes, ${r.countries.length} countries (${r.countries.join(', ')}), ${r.arcs} arcs, ${r.positions} positions`);
}
