// Polygons flattened into typed arrays for fast point-in-polygon tests and representative
// points. Coordinates stay WGS84 lon/lat (x = lon, y = lat).
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface FlatPolygon {
  /** x0,y0,x1,y1,… for every ring, rings one after another (GeoJSON closing point kept). */
  coords: Float64Array;
  /** Point offset of each ring's first vertex; length = rings + 1. */
  ringStarts: Uint32Array;
  /** 1 where the ring is a hole (not the first ring of its polygon). */
  ringIsHole: Uint8Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const ringsOf = (g: Polygon | MultiPolygon): { ring: Position[]; hole: boolean }[] => {
  const out: { ring: Position[]; hole: boolean }[] = [];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) poly.forEach((ring, i) => out.push({ ring, hole: i > 0 }));
  return out;
};

/** Flatten a Polygon or MultiPolygon; null when it has no usable ring. */
export function flattenPolygon(g: Polygon | MultiPolygon | null | undefined): FlatPolygon | null {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const rings = ringsOf(g).filter((r) => r.ring.length >= 3);
  if (rings.length === 0) return null;
  let n = 0;
  for (const r of rings) n += r.ring.length;
  const coords = new Float64Array(n * 2);
  const ringStarts = new Uint32Array(rings.length + 1);
  const ringIsHole = new Uint8Array(rings.length);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let k = 0;
  rings.forEach((r, ri) => {
    ringStarts[ri] = k;
    ringIsHole[ri] = r.hole ? 1 : 0;
    for (const p of r.ring) {
      const x = Number(p[0]);
      const y = Number(p[1]);
      coords[2 * k] = x;
      coords[2 * k + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      k++;
    }
  });
  ringStarts[rings.length] = k;
  if (!Number.isFinite(minX + minY + maxX + maxY)) return null;
  return { coords, ringStarts, ringIsHole, minX, minY, maxX, maxY };
}

/** Even-odd rule over all rings (outer rings and holes alike): valid for valid (Multi)Polygons. */
export function pointInFlat(f: FlatPolygon, x: number, y: number): boolean {
  if (x < f.minX || x > f.maxX || y < f.minY || y > f.maxY) return false;
  const c = f.coords;
  let inside = false;
  const rings = f.ringStarts.length - 1;
  for (let r = 0; r < rings; r++) {
    const s = f.ringStarts[r] ?? 0;
    const e = f.ringStarts[r + 1] ?? 0;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const xi = c[2 * i] ?? 0;
      const yi = c[2 * i + 1] ?? 0;
      const xj = c[2 * j] ?? 0;
      const yj = c[2 * j + 1] ?? 0;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * A point inside the unit to measure distances from: the area centroid, or, when that falls
 * outside (a concave or multi-part shape), the middle of the longest interior stretch of the
 * horizontal line through the centroid (through the bbox middle if that line misses).
 */
export function representativePoint(f: FlatPolygon): [number, number] {
  const c = f.coords;
  let a = 0;
  let cx = 0;
  let cy = 0;
  const rings = f.ringStarts.length - 1;
  for (let r = 0; r < rings; r++) {
    const s = f.ringStarts[r] ?? 0;
    const e = f.ringStarts[r + 1] ?? 0;
    let ra = 0;
    let rx = 0;
    let ry = 0;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const xi = c[2 * i] ?? 0;
      const yi = c[2 * i + 1] ?? 0;
      const xj = c[2 * j] ?? 0;
      const yj = c[2 * j + 1] ?? 0;
      const cross = xj * yi - xi * yj;
      ra += cross;
      rx += (xj + xi) * cross;
      ry += (yj + yi) * cross;
    }
    // Orientation varies between files: outer rings add, holes subtract, by absolute area.
    const sign = (f.ringIsHole[r] ? -1 : 1) * (ra < 0 ? -1 : 1);
    a += sign * ra;
    cx += sign * rx;
    cy += sign * ry;
  }
  if (Math.abs(a) > 1e-18) {
    const px = cx / (3 * a);
    const py = cy / (3 * a);
    if (pointInFlat(f, px, py)) return [px, py];
    const hit = scanlineMiddle(f, py);
    if (hit) return hit;
  }
  return scanlineMiddle(f, (f.minY + f.maxY) / 2) ?? [c[0] ?? 0, c[1] ?? 0];
}

function scanlineMiddle(f: FlatPolygon, y: number): [number, number] | null {
  const c = f.coords;
  const xs: number[] = [];
  const rings = f.ringStarts.length - 1;
  for (let r = 0; r < rings; r++) {
    const s = f.ringStarts[r] ?? 0;
    const e = f.ringStarts[r + 1] ?? 0;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const xi = c[2 * i] ?? 0;
      const yi = c[2 * i + 1] ?? 0;
      const xj = c[2 * j] ?? 0;
      const yj = c[2 * j + 1] ?? 0;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((p, q) => p - q);
  let best: [number, number] | null = null;
  let bestLen = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const x0 = xs[i] ?? 0;
    const x1 = xs[i + 1] ?? 0;
    if (x1 - x0 > bestLen) {
      bestLen = x1 - x0;
      best = [(x0 + x1) / 2, y];
    }
  }
  return best;
}
