// Seeded inputs for the benchmark: a national-scale tessellation (a jittered grid whose cells
// share their vertices exactly, so it is a valid coverage like a real set of municipalities),
// a long-form indicators CSV, services, norms and points. Same seed → same bytes on every
// machine; nothing is downloaded.
import type { Polygon, Position } from 'geojson';
import { CATEGORY_KEYS, SERVICE_KEYS, type ServiceStatus } from '../../src/core/keys';
import type { DataPackage, Norm, Observation, Service, Unit } from '../../src/core/model';
import { mulberry32, type Rng } from '../data/prng';

/** Albania-sized box (lon, lat) the generated country covers. */
export const EXTENT = { minX: 19.2, minY: 39.6, maxX: 21.2, maxY: 42.6 } as const;

export interface Tessellation {
  /** Country, regions (blocks of cells) and municipalities (cells), parents first. */
  units: Unit[];
  /** The municipalities only (the polygons). */
  cells: Unit[];
  cols: number;
  rows: number;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
export const cellId = (k: number): string => `M${pad(k, 5)}`;

/**
 * `count` cells on a near-square grid, corners jittered by up to 30 % of a cell, and each edge
 * bent through `edgePoints` shared, jittered intermediate vertices (real borders are not
 * straight: this keeps point-in-polygon honest). Regions are blocks of `regionSide`² cells.
 */
export function tessellate(count: number, opts: { seed?: number; edgePoints?: number; regionSide?: number } = {}): Tessellation {
  const rng = mulberry32(opts.seed ?? 7);
  const ep = opts.edgePoints ?? 6;
  const side = opts.regionSide ?? 10;
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const dx = (EXTENT.maxX - EXTENT.minX) / cols;
  const dy = (EXTENT.maxY - EXTENT.minY) / rows;
  const r6 = (v: number): number => Math.round(v * 1e6) / 1e6;
  // corner (i, j): i = column 0..cols, j = row 0..rows; border corners stay on the border
  const corner: Position[] = [];
  for (let j = 0; j <= rows; j++)
    for (let i = 0; i <= cols; i++) {
      const jx = i === 0 || i === cols ? 0 : (rng.next() - 0.5) * 0.6 * dx;
      const jy = j === 0 || j === rows ? 0 : (rng.next() - 0.5) * 0.6 * dy;
      corner.push([r6(EXTENT.minX + i * dx + jx), r6(EXTENT.minY + j * dy + jy)]);
    }
  const at = (i: number, j: number): Position => corner[j * (cols + 1) + i] ?? [0, 0];
  // shared edge paths: horizontal edge (i, j)→(i+1, j) and vertical edge (i, j)→(i, j+1)
  const bend = (a: Position, b: Position, onBorder: boolean): Position[] => {
    const out: Position[] = [];
    const nx = -((b[1] ?? 0) - (a[1] ?? 0));
    const ny = (b[0] ?? 0) - (a[0] ?? 0);
    for (let k = 1; k <= ep; k++) {
      const t = k / (ep + 1);
      const w = onBorder ? 0 : (rng.next() - 0.5) * 0.15;
      out.push([r6((a[0] ?? 0) + t * ny + w * nx), r6((a[1] ?? 0) - t * nx + w * ny)]);
    }
    return out;
  };
  const hEdge: Position[][] = [];
  for (let j = 0; j <= rows; j++) for (let i = 0; i < cols; i++) hEdge.push(bend(at(i, j), at(i + 1, j), j === 0 || j === rows));
  const vEdge: Position[][] = [];
  for (let j = 0; j < rows; j++) for (let i = 0; i <= cols; i++) vEdge.push(bend(at(i, j), at(i, j + 1), i === 0 || i === cols));
  const h = (i: number, j: number): Position[] => hEdge[j * cols + i] ?? [];
  const v = (i: number, j: number): Position[] => vEdge[j * (cols + 1) + i] ?? [];

  const regionCols = Math.ceil(cols / side);
  const units: Unit[] = [{ id: 'C', name: 'Country', names: {}, level: 'country', parentId: null, aliases: [], geometry: null }];
  const regionOf = (i: number, j: number): string => `R${pad(Math.floor(j / side) * regionCols + Math.floor(i / side), 3)}`;
  const regions = new Set<string>();
  const cells: Unit[] = [];
  for (let k = 0; k < count; k++) {
    const i = k % cols;
    const j = Math.floor(k / cols);
    // counter-clockwise: bottom edge →, right edge ↑, top edge ←, left edge ↓
    const ring: Position[] = [at(i, j), ...h(i, j), at(i + 1, j), ...v(i + 1, j), at(i + 1, j + 1), ...[...h(i, j + 1)].reverse(), at(i, j + 1), ...[...v(i, j)].reverse(), at(i, j)];
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
    const region = regionOf(i, j);
    regions.add(region);
    cells.push({ id: cellId(k), name: `Komuna ${k}`, names: {}, level: 'municipality', parentId: region, aliases: [], geometry });
  }
  for (const r of [...regions].sort()) units.push({ id: r, name: `Qarku ${r}`, names: {}, level: 'region', parentId: 'C', aliases: [], geometry: null });
  units.push(...cells);
  return { units, cells, cols, rows };
}

/** Indicator keys of the generated CSV: population figures, the 20 categories, one free key. */
export const INDICATORS = ['population', 'population_0_17', 'population_65_plus', 'households', ...CATEGORY_KEYS, 'unemployment_rate'] as const;

/**
 * Long-form indicators CSV with `rows` data rows over `unitIds` (each unit gets the indicators
 * for consecutive years, so rows/unit = |INDICATORS| × years), counts below population, and a
 * few bad rows (unknown unit, unreadable value) so that the set-aside path runs too.
 */
export function indicatorsCsv(unitIds: readonly string[], rows: number, seed = 11): { text: string; rows: number; bad: number } {
  const rng = mulberry32(seed);
  const perUnit = Math.max(1, Math.ceil(rows / unitIds.length));
  const years = Math.max(1, Math.ceil(perUnit / INDICATORS.length));
  const parts: string[] = ['unit_id,indicator,value,year\n'];
  // a unit's population drifts by under 1 % a year, so counts stay below it in every year
  const basePop = unitIds.map(() => rng.int(800, 120_000));
  let n = 0;
  let bad = 0;
  outer: for (let y = 0; y < years; y++) {
    const year = 2024 - years + 1 + y;
    for (let u = 0; u < unitIds.length; u++) {
      const id = unitIds[u] ?? '';
      const pop = Math.round((basePop[u] ?? 1000) * (1 + (rng.next() - 0.5) * 0.02));
      for (const ind of INDICATORS) {
        if (n >= rows) break outer;
        let value: string;
        if (ind === 'population') value = String(pop);
        else if (ind === 'unemployment_rate') value = (rng.next() * 30).toFixed(1);
        else if (ind === 'households') value = String(Math.round(pop / rng.int(3, 5)));
        else value = String(Math.floor(rng.next() * pop * 0.04));
        let unit = id;
        // a typo'd unit id or an unreadable number, as real exports have (never the population
        // row, so that the other rows of the unit are still checked against it)
        if (rng.next() < 0.0001 && ind !== 'population') {
          if (rng.next() < 0.5) unit = `X${id}`;
          else value = 'n/a';
          bad++;
        }
        parts.push(`${unit},${ind},${value},${year}\n`);
        n++;
      }
    }
  }
  return { text: parts.join(''), rows: n, bad };
}

/** Uniform points over the extent (service locations). */
export function randomPoints(count: number, seed = 13): { lon: number; lat: number }[] {
  const rng = mulberry32(seed);
  const out: { lon: number; lat: number }[] = [];
  for (let k = 0; k < count; k++) {
    out.push({ lon: EXTENT.minX + rng.next() * (EXTENT.maxX - EXTENT.minX), lat: EXTENT.minY + rng.next() * (EXTENT.maxY - EXTENT.minY) });
  }
  return out;
}

/** Norms for roughly `share` of all service × category pairs (at least one per service). */
export function generateNorms(share = 0.4, seed = 17): Norm[] {
  const rng = mulberry32(seed);
  const out: Norm[] = [];
  for (const s of SERVICE_KEYS) {
    const first = rng.int(0, CATEGORY_KEYS.length - 1);
    CATEGORY_KEYS.forEach((c, ci) => {
      if (ci === first || rng.next() < share) out.push({ service: s, category: c, placesPer1000: rng.int(5, 120), source: 'illustrative (benchmark)' });
    });
  }
  return out;
}

const STATUSES: readonly ServiceStatus[] = ['active', 'active', 'active', 'active', 'partial', 'online', 'mobile', 'planned', 'closed'];

function someCategories(rng: Rng): string[] {
  const n = rng.int(0, 3);
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(rng.pick(CATEGORY_KEYS));
  return out;
}

/**
 * Services spread over the cells: most stand in a unit, some are given by coordinates only
 * (located by the engine), a fifth serve their neighbours too, a tenth have unknown capacity.
 */
export function generateServices(tess: Tessellation, count: number, seed = 19): Service[] {
  const rng = mulberry32(seed);
  const n = tess.cells.length;
  const out: Service[] = [];
  const { cols } = tess;
  for (let k = 0; k < count; k++) {
    const c = rng.int(0, n - 1);
    const cell = tess.cells[c];
    const ring = cell?.geometry?.type === 'Polygon' ? cell.geometry.coordinates[0] : undefined;
    const a = ring?.[0] ?? [0, 0];
    const b = ring?.[Math.floor((ring.length - 1) / 2)] ?? [0, 0];
    // a point near the middle of the cell (between two opposite corners)
    const lon = ((a[0] ?? 0) + (b[0] ?? 0)) / 2;
    const lat = ((a[1] ?? 0) + (b[1] ?? 0)) / 2;
    const byCoordinates = rng.next() < 0.1;
    const serves: string[] = [];
    if (rng.next() < 0.2) for (const d of [0, 1, cols]) if (c + d < n) serves.push(cellId(c + d));
    out.push({
      id: `S${pad(k, 6)}`,
      name: `Service ${k}`,
      provider: `Provider ${k % 997}`,
      providerType: rng.pick(['public', 'ngo', 'private', 'mixed'] as const),
      service: rng.pick(SERVICE_KEYS),
      targetGroups: someCategories(rng),
      unitId: byCoordinates ? null : (cell?.id ?? null),
      lat,
      lon,
      capacity: rng.next() < 0.1 ? null : rng.int(1, 60),
      users: null,
      status: rng.pick(STATUSES),
      serves,
      funding: 'municipal',
      source: 'illustrative (benchmark)',
    });
  }
  return out;
}

/** Counts for the gap engine: population and the 20 categories for every cell, one year. */
export function categoryObservations(tess: Tessellation, seed = 23): Observation[] {
  const rng = mulberry32(seed);
  const out: Observation[] = [];
  for (const u of tess.cells) {
    const pop = rng.int(800, 120_000);
    out.push({ unitId: u.id, indicator: 'population', value: pop, year: 2023, unit: 'count', source: 'illustrative (benchmark)', note: '' });
    for (const c of CATEGORY_KEYS) {
      out.push({ unitId: u.id, indicator: c, value: Math.floor(rng.next() * pop * 0.05), year: 2023, unit: 'count', source: 'illustrative (benchmark)', note: '' });
    }
  }
  return out;
}

export function gapPackage(tess: Tessellation, services: number): DataPackage {
  return {
    meta: { name: 'bench', title: 'benchmark', description: '', sources: [], licenses: [] },
    units: tess.units,
    observations: categoryObservations(tess),
    services: generateServices(tess, services),
    capacities: [],
    norms: generateNorms(),
  };
}
