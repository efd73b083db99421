// Builds one PMTiles file of vector tiles for a very large unit layer (≥ 50,000 polygons), and a
// static demo page that shows it with MapLibre and the `pmtiles` protocol:
//   npx tsx scripts/pmtiles/build.ts [--polygons 50000 | --geojson units.geojson] [--out dir] [--max-zoom 12]
// Output (default .cache/pmtiles/site/): units.pmtiles, index.html, and the MapLibre and
// pmtiles scripts the page loads (copied from node_modules: no CDN). Serve the folder with any
// static server that answers HTTP range requests. Method and limits: README.md.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { EXTENT, tessellate } from '../bench/generate';
import { writeArchive, type TileIn } from './writer';

export const LAYER = 'units';

export interface BuildOptions {
  out: string;
  polygons?: number;
  geojson?: FeatureCollection<Geometry, Record<string, unknown>>;
  maxZoom?: number;
  log?: (s: string) => void;
}

export interface BuildResult {
  path: string;
  bytes: number;
  features: number;
  tiles: number;
  contents: number;
  buildMs: number;
  verified: number;
}

function generated(n: number): FeatureCollection<Geometry, Record<string, unknown>> {
  const t = tessellate(n, { edgePoints: 4, regionSide: 20 });
  return {
    type: 'FeatureCollection',
    features: t.cells.map((u): Feature<Geometry, Record<string, unknown>> => ({ type: 'Feature', properties: { unit_id: u.id, name: u.name }, geometry: u.geometry ?? { type: 'Polygon', coordinates: [] } })),
  };
}

function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (x: unknown): void => {
    if (Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'number') {
      a = Math.min(a, x[0]);
      b = Math.min(b, x[1]);
      c = Math.max(c, x[0]);
      d = Math.max(d, x[1]);
    } else if (Array.isArray(x)) x.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(a) ? [a, b, c, d] : [EXTENT.minX, EXTENT.minY, EXTENT.maxX, EXTENT.maxY];
}

const lon2x = (lon: number, z: number): number => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number): number => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** An in-memory archive as a pmtiles Source (to read back what was written). */
class BufferSource implements Source {
  constructor(private readonly buf: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const s = this.buf.slice(offset, offset + length);
    return { data: s.buffer };
  }
}

export async function buildPmtiles(o: BuildOptions): Promise<BuildResult> {
  const log = o.log ?? (() => undefined);
  const t0 = performance.now();
  const fc = o.geojson ?? generated(o.polygons ?? 50_000);
  const maxZoom = o.maxZoom ?? 12;
  const bounds = bboxOf(fc);
  log(`tiling ${fc.features.length.toLocaleString('en')} polygons, zoom 0–${maxZoom} …`);
  const index = new GeoJSONVT(fc, { maxZoom, indexMaxZoom: 5, tolerance: 3, extent: 4096, buffer: 64 });
  const tiles: TileIn[] = [];
  const raw = new Map<string, Uint8Array>();
  for (let z = 0; z <= maxZoom; z++) {
    const [x0, x1, y0, y1] = [lon2x(bounds[0], z), lon2x(bounds[2], z), lat2y(bounds[3], z), lat2y(bounds[1], z)];
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const tile = index.getTile(z, x, y);
        if (!tile || tile.features.length === 0) continue;
        const pbf = fromGeojsonVt({ [LAYER]: tile }, { version: 2, extent: 4096 });
        if (z === maxZoom || raw.size < 8) raw.set(`${z}/${x}/${y}`, pbf);
        tiles.push({ z, x, y, data: gzipSync(pbf) });
      }
  }
  const cx = (bounds[0] + bounds[2]) / 2;
  const cy = (bounds[1] + bounds[3]) / 2;
  const archive = writeArchive(tiles, {
    tileType: 1,
    tileCompression: 2,
    minZoom: 0,
    maxZoom,
    bounds,
    center: [cx, cy, Math.min(maxZoom, 7)],
    metadata: {
      name: 'social-map units',
      vector_layers: [{ id: LAYER, fields: { unit_id: 'String', name: 'String' }, minzoom: 0, maxzoom: maxZoom }],
    },
  });
  mkdirSync(o.out, { recursive: true });
  const path = join(o.out, 'units.pmtiles');
  writeFileSync(path, archive.bytes);

  // read it back with the pmtiles package: header, metadata, and sample tiles byte for byte
  const reader = new PMTiles(new BufferSource(archive.bytes));
  const h = await reader.getHeader();
  if (h.numAddressedTiles !== tiles.length || h.maxZoom !== maxZoom) throw new Error('PMTiles header does not read back');
  const meta = (await reader.getMetadata()) as { vector_layers?: { id: string }[] };
  if (meta.vector_layers?.[0]?.id !== LAYER) throw new Error('PMTiles metadata does not read back');
  let verified = 0;
  const sample = [...raw.entries()].filter((_, i) => i % 7 === 0 || i < 8);
  for (const [key, pbf] of sample) {
    const [z, x, y] = key.split('/').map(Number) as [number, number, number];
    const got = await reader.getZxy(z, x, y);
    const bytes = got ? new Uint8Array(got.data) : null;
    if (!bytes || bytes.length !== pbf.length || !bytes.every((v, i) => v === pbf[i])) throw new Error(`tile ${key} does not read back`);
    verified++;
  }
  writeSite(o.out, bounds);
  return { path, bytes: archive.bytes.length, features: fc.features.length, tiles: archive.addressed, contents: archive.contents, buildMs: performance.now() - t0, verified };
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Rewrites the demo page and scripts next to an archive built earlier (bounds kept in site.json). */
export function refreshSite(out: string): void {
  const { bounds } = JSON.parse(readFileSync(join(out, 'site.json'), 'utf8')) as { bounds: [number, number, number, number] };
  writeSite(out, bounds);
}

/** index.html + the scripts it needs, copied from node_modules. */
function writeSite(out: string, bounds: [number, number, number, number]): void {
  writeFileSync(join(out, 'site.json'), JSON.stringify({ bounds }));
  const nm = join(ROOT, 'node_modules');
  copyFileSync(join(nm, 'maplibre-gl/dist/maplibre-gl.mjs'), join(out, 'maplibre-gl.mjs'));
  copyFileSync(join(nm, 'maplibre-gl/dist/maplibre-gl-worker.mjs'), join(out, 'maplibre-gl-worker.mjs'));
  copyFileSync(join(nm, 'maplibre-gl/dist/maplibre-gl.css'), join(out, 'maplibre-gl.css'));
  copyFileSync(join(nm, 'pmtiles/dist/pmtiles.js'), join(out, 'pmtiles.js'));
  const template = readFileSync(join(import.meta.dirname, 'demo.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), template.replace('__BOUNDS__', JSON.stringify(bounds)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const arg = (f: string): string | undefined => {
    const i = args.indexOf(f);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const geo = arg('--geojson');
  const res = await buildPmtiles({
    out: resolve(arg('--out') ?? join(ROOT, '.cache/pmtiles/site')),
    polygons: Number(arg('--polygons') ?? 50_000),
    geojson: geo ? (JSON.parse(readFileSync(geo, 'utf8')) as FeatureCollection<Geometry, Record<string, unknown>>) : undefined,
    maxZoom: Number(arg('--max-zoom') ?? 12),
    log: (s) => process.stderr.write(`${s}\n`),
  });
  console.log(
    `${res.path}: ${(res.bytes / 1e6).toFixed(1)} MB, ${res.features.toLocaleString('en')} polygons, ${res.tiles.toLocaleString('en')} tiles ` +
      `(${res.contents.toLocaleString('en')} distinct), built in ${(res.buildMs / 1000).toFixed(1)} s; ${res.verified} tiles read back with the pmtiles package`,
  );
}
