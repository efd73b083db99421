// Observations and units in columns for the trips between the page and the parse worker: a few
// typed arrays and one string table clone (and transfer) far faster than a million small
// objects or ten thousand polygons as nested arrays.
import type { Observation, Unit, UnitGeometry } from '../model';

export interface PackedObservations {
  n: number;
  strings: string[];
  unit: Uint32Array;
  indicator: Uint32Array;
  value: Float64Array;
  /** NaN stands for null. */
  year: Float64Array;
  measure: Uint32Array;
  source: Uint32Array;
  note: Uint32Array;
}

/** Rows per step of the *Steps generators. */
const OBS_STEP = 20_000;
const UNIT_STEP = 1_000;

/** Runs a step generator to its end at once. */
export function runToEnd<T>(g: Generator<void, T, void>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

export const packObservations = (obs: readonly Observation[]): PackedObservations => runToEnd(packObservationsSteps(obs));

/** packObservations in steps (yield: a point where the page may breathe). */
export function* packObservationsSteps(obs: readonly Observation[]): Generator<void, PackedObservations, void> {
  const n = obs.length;
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const p: PackedObservations = {
    n,
    strings,
    unit: new Uint32Array(n),
    indicator: new Uint32Array(n),
    value: new Float64Array(n),
    year: new Float64Array(n),
    measure: new Uint32Array(n),
    source: new Uint32Array(n),
    note: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % OBS_STEP === 0) yield;
    const o = obs[i] as Observation;
    p.unit[i] = id(o.unitId);
    p.indicator[i] = id(o.indicator);
    p.value[i] = o.value;
    p.year[i] = o.year === null ? NaN : o.year;
    p.measure[i] = id(o.unit);
    p.source[i] = id(o.source);
    p.note[i] = id(o.note);
  }
  return p;
}

export function unpackObservations(p: PackedObservations): Observation[] {
  const out: Observation[] = new Array<Observation>(p.n);
  unpackObservationsInto(p, out, 0, 0, p.n);
  return out;
}

/** Row `k` of `p` as an object. */
export function observationAt(p: PackedObservations, k: number): Observation {
  const s = (i: number | undefined): string => p.strings[i ?? 0] ?? '';
  const y = p.year[k] ?? NaN;
  return {
    unitId: s(p.unit[k]),
    indicator: s(p.indicator[k]),
    value: p.value[k] ?? 0,
    year: Number.isNaN(y) ? null : y,
    unit: s(p.measure[k]),
    source: s(p.source[k]),
    note: s(p.note[k]),
  };
}

/** Rows [from, to) of `p` as objects into out[at + i - from] (for unpacking in slices). */
export function unpackObservationsInto(p: PackedObservations, out: Observation[], at: number, from: number, to: number): void {
  for (let i = from; i < to; i++) out[at + i - from] = observationAt(p, i);
}

/** The buffers to transfer. */
export const packedBuffers = (p: PackedObservations): ArrayBuffer[] =>
  [p.unit, p.indicator, p.value, p.year, p.measure, p.source, p.note].map((a) => a.buffer as ArrayBuffer);

/** A unit without its geometry; `geometry` kept only when it is not plain 2-D Polygon/MultiPolygon. */
type UnitHead = Omit<Unit, 'geometry'> & { geometry?: UnitGeometry | null; shape: 'none' | 'polygon' | 'multi' | 'raw' };

export interface PackedUnits {
  heads: UnitHead[];
  /** x, y of every position, unit after unit. */
  coords: Float64Array;
  /** End (in positions) of every ring. */
  ringEnd: Uint32Array;
  /** End (in rings) of every polygon. */
  polyEnd: Uint32Array;
  /** End (in polygons) of every unit's geometry. */
  unitEnd: Uint32Array;
}

function plain2d(g: UnitGeometry): boolean {
  if (Object.keys(g).some((k) => k !== 'type' && k !== 'coordinates')) return false;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polys) for (const ring of rings) for (const p of ring) if (p.length !== 2) return false;
  return true;
}

export const packUnits = (units: readonly Unit[]): PackedUnits => runToEnd(packUnitsSteps(units));

export function* packUnitsSteps(units: readonly Unit[]): Generator<void, PackedUnits, void> {
  let positions = 0;
  let rings = 0;
  let polys = 0;
  const shapes: UnitHead['shape'][] = [];
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && i % UNIT_STEP === 0) yield;
    const g = (units[i] as Unit).geometry;
    if (!g) shapes.push('none');
    else if (!plain2d(g)) shapes.push('raw');
    else {
      const ps = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      polys += ps.length;
      for (const r of ps) {
        rings += r.length;
        for (const ring of r) positions += ring.length;
      }
      shapes.push(g.type === 'Polygon' ? 'polygon' : 'multi');
    }
  }
  const coords = new Float64Array(positions * 2);
  const ringEnd = new Uint32Array(rings);
  const polyEnd = new Uint32Array(polys);
  const unitEnd = new Uint32Array(units.length);
  let c = 0;
  let r = 0;
  let q = 0;
  const heads: UnitHead[] = [];
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && i % UNIT_STEP === 0) yield;
    const { geometry, ...rest } = units[i] as Unit;
    const shape = shapes[i] ?? 'none';
    if ((shape === 'polygon' || shape === 'multi') && geometry) {
      for (const rs of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
        for (const ring of rs) {
          for (const p of ring) {
            coords[c++] = p[0] as number;
            coords[c++] = p[1] as number;
          }
          ringEnd[r++] = c / 2;
        }
        polyEnd[q++] = r;
      }
    }
    unitEnd[i] = q;
    heads.push(shape === 'raw' ? { ...rest, geometry, shape } : { ...rest, shape });
  }
  return { heads, coords, ringEnd, polyEnd, unitEnd };
}

export const unpackUnits = (p: PackedUnits): Unit[] => runToEnd(unpackUnitsSteps(p));

export function* unpackUnitsSteps(p: PackedUnits): Generator<void, Unit[], void> {
  const out: Unit[] = [];
  let q = 0;
  for (let i = 0; i < p.heads.length; i++) {
    if (i > 0 && i % UNIT_STEP === 0) yield;
    const { shape, geometry, ...rest } = p.heads[i] as UnitHead;
    const end = p.unitEnd[i] ?? q;
    let g: UnitGeometry | null = null;
    if (shape === 'raw') g = geometry ?? null;
    else if (shape !== 'none') {
      const polys: [number, number][][][] = [];
      for (; q < end; q++) {
        const rings: [number, number][][] = [];
        for (let r = q === 0 ? 0 : (p.polyEnd[q - 1] ?? 0); r < (p.polyEnd[q] ?? 0); r++) {
          const ring: [number, number][] = [];
          for (let k = r === 0 ? 0 : (p.ringEnd[r - 1] ?? 0); k < (p.ringEnd[r] ?? 0); k++) ring.push([p.coords[2 * k] ?? 0, p.coords[2 * k + 1] ?? 0]);
          rings.push(ring);
        }
        polys.push(rings);
      }
      g = shape === 'polygon' ? { type: 'Polygon', coordinates: polys[0] ?? [] } : { type: 'MultiPolygon', coordinates: polys };
    }
    q = end;
    out.push({ ...rest, geometry: g });
  }
  return out;
}

export const unitBuffers = (p: PackedUnits): ArrayBuffer[] => [p.coords, p.ringEnd, p.polyEnd, p.unitEnd].map((a) => a.buffer as ArrayBuffer);
