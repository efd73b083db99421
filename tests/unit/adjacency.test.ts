import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { booleanPointInPolygon, point } from '@turf/turf';
import { computeAdjacency } from '../../src/core/geo/adjacency';
import { assignPoints } from '../../src/core/geo/points';
import { flattenPolygon, pointInFlat, representativePoint } from '../../src/core/geo/flat';
import { haversineKm } from '../../src/core/geo/distance';

const square = (x: number, y: number, s = 0.1, gap = 0): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x + gap, y + gap],
      [x + s - gap, y + gap],
      [x + s - gap, y + s - gap],
      [x + gap, y + s - gap],
      [x + gap, y + gap],
    ],
  ],
});

/** 3 × 3 grid of 0.1° squares near Skopje, ids r<row>c<col>. */
const grid = (gap = 0) => {
  const out: { id: string; geometry: Polygon }[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out.push({ id: `r${r}c${c}`, geometry: square(21 + c * 0.1, 42 + r * 0.1, 0.1, gap) });
  return out;
};

describe('computeAdjacency', () => {
  it('finds rook neighbours on a grid of squares (shared exact vertices), not corner-only touches', () => {
    const adj = computeAdjacency(grid());
    expect(adj.neighbours.get('r1c1')).toEqual(['r0c1', 'r1c0', 'r1c2', 'r2c1']);
    expect(adj.neighbours.get('r0c0')).toEqual(['r0c1', 'r1c0']);
    expect(adj.has('r0c0', 'r1c1')).toBe(false); // diagonal: one shared corner only
    expect(adj.pairs).toHaveLength(12); // 3 rows × 2 + 3 columns × 2
  });

  it('tolerates tiny gaps between borders (≈ 10 m) but not wide ones', () => {
    // gap of 0.00005° on each side ≈ 2 × 4–5.5 m between neighbours
    const tiny = computeAdjacency(grid(0.00005));
    expect(tiny.pairs).toHaveLength(12);
    expect(tiny.has('r0c0', 'r1c1')).toBe(false);
    const wide = computeAdjacency(grid(0.002)); // ≈ 330 m apart
    expect(wide.pairs).toHaveLength(0);
    const wideTol = computeAdjacency(grid(0.002), { toleranceKm: 0.5 });
    expect(wideTol.pairs).toHaveLength(12);
  });

  it('finds T-junction neighbours where one side has a vertex the other lacks', () => {
    const big: Polygon = { type: 'Polygon', coordinates: [[[21, 42], [21.2, 42], [21.2, 42.1], [21, 42.1], [21, 42]]] };
    const units = [
      { id: 'big', geometry: big },
      { id: 'left', geometry: square(21, 42.1, 0.1) },
      { id: 'right', geometry: square(21.1, 42.1, 0.1) },
    ];
    const adj = computeAdjacency(units);
    expect(adj.neighbours.get('big')).toEqual(['left', 'right']);
    expect(adj.has('left', 'right')).toBe(true);
  });

  it('handles MultiPolygons, null geometry and disjoint units', () => {
    const units = [
      { id: 'a', geometry: { type: 'MultiPolygon' as const, coordinates: [square(21, 42).coordinates, square(22, 42).coordinates] } },
      { id: 'b', geometry: square(22.1, 42) },
      { id: 'c', geometry: null },
      { id: 'd', geometry: square(25, 45) },
    ];
    const adj = computeAdjacency(units);
    expect(adj.neighbours.get('a')).toEqual(['b']);
    expect(adj.neighbours.get('c')).toEqual([]);
    expect(adj.neighbours.get('d')).toEqual([]);
  });
});

describe('assignPoints', () => {
  it('assigns points to the containing polygon, holes excluded, null outside', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
      ],
    };
    const polys = [
      { id: 'holed', geometry: holed },
      { id: 'inner', geometry: square(4, 4, 2) },
    ];
    const got = assignPoints(
      [
        { lon: 1, lat: 1 },
        { lon: 5, lat: 5 },
        { lon: 20, lat: 20 },
        { lon: Number.NaN, lat: 1 },
      ],
      polys,
    );
    expect(got).toEqual(['holed', 'inner', null, null]);
  });

  it('agrees with Turf on random points over a grid', () => {
    const polys = grid();
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pts = Array.from({ length: 500 }, () => ({ lon: 20.95 + rnd() * 0.4, lat: 41.95 + rnd() * 0.4 }));
    const got = assignPoints(pts, polys);
    pts.forEach((p, i) => {
      const turf = polys.find((g) => booleanPointInPolygon(point([p.lon, p.lat]), g.geometry, { ignoreBoundary: true }));
      expect(got[i]).toBe(turf ? turf.id : null);
    });
    expect(got.filter((g) => g === null).length).toBeGreaterThan(0);
  });
});

describe('flat geometry helpers', () => {
  it('puts the representative point inside a concave shape', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const f = flattenPolygon(u);
    expect(f).not.toBeNull();
    if (!f) return;
    const [x, y] = representativePoint(f);
    expect(pointInFlat(f, x, y)).toBe(true);
    const sq = flattenPolygon(square(0, 0, 2));
    expect(sq && representativePoint(sq)).toEqual([1, 1]);
  });

  it('haversine: Skopje–Tetovo ≈ 37.6 km; one degree of longitude on the equator', () => {
    expect(haversineKm(41.9981, 21.4254, 42.0106, 20.9715)).toBeCloseTo(37.6, 0);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.195, 2);
  });
});
