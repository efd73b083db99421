// The outline of a group of units that tile the plane without gaps (a region made of its
// municipalities): the edges that belong to exactly one member ring. Shared borders appear
// twice (once in each neighbour) and cancel, so the outline costs O(vertices), against seconds
// per region for a polygon union. It needs borders that are vertex-identical on both sides (as
// topology-preserving simplification keeps them); when members share no border with another
// member (independently drawn borders), it returns null and the caller falls back to a union.
import type { MultiLineString, Position } from 'geojson';
import type { UnitGeometry } from '../model';

/** Vertex key on a 1e-7° grid (~1 cm): equal coordinates written twice meet. */
const key = (x: number, y: number): string => `${Math.round(x * 1e7)},${Math.round(y * 1e7)}`;

function ringsOf(g: UnitGeometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Boundary of the union of `geoms` as lines, or null when the members do not share their
 * borders vertex for vertex: when fewer than `minSharing` of them share an edge with another.
 */
export function coverageOutline(geoms: readonly UnitGeometry[], minSharing = 0.9): MultiLineString | null {
  // undirected edge → how many rings use it, the first member using it, its end points
  const edges = new Map<string, { n: number; m: number; a: Position; b: Position; ka: string; kb: string }>();
  const sharing = new Uint8Array(geoms.length);
  geoms.forEach((g, m) => {
    for (const ring of ringsOf(g))
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (!a || !b) continue;
        const ka = key(a[0] ?? 0, a[1] ?? 0);
        const kb = key(b[0] ?? 0, b[1] ?? 0);
        if (ka === kb) continue;
        const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const e = edges.get(k);
        if (!e) edges.set(k, { n: 1, m, a, b, ka, kb });
        else {
          e.n++;
          if (e.m !== m) sharing[e.m] = sharing[m] = 1;
        }
      }
  });
  if (geoms.length > 1 && sharing.reduce((s, x) => s + x, 0) < minSharing * geoms.length) return null;
  const boundary: { a: Position; b: Position; ka: string; kb: string }[] = [];
  for (const e of edges.values()) if (e.n % 2 === 1) boundary.push(e);

  // chain boundary edges into lines (vertex → unused incident edges)
  const at = new Map<string, number[]>();
  boundary.forEach((e, i) => {
    for (const k of [e.ka, e.kb]) {
      const list = at.get(k);
      if (list) list.push(i);
      else at.set(k, [i]);
    }
  });
  const used = new Uint8Array(boundary.length);
  const lines: Position[][] = [];
  const next = (k: string): number => {
    for (const i of at.get(k) ?? []) if (!used[i]) return i;
    return -1;
  };
  for (let s = 0; s < boundary.length; s++) {
    if (used[s]) continue;
    const first = boundary[s];
    if (!first) continue;
    used[s] = 1;
    const line: Position[] = [first.a, first.b];
    let end = first.kb;
    for (let i = next(end); i >= 0; i = next(end)) {
      used[i] = 1;
      const e = boundary[i];
      if (!e) break;
      const forward = e.ka === end;
      line.push(forward ? e.b : e.a);
      end = forward ? e.kb : e.ka;
    }
    lines.push(line);
  }
  return { type: 'MultiLineString', coordinates: lines };
}
