// coverageOutline: the outline of units that share their borders vertex for vertex, equal to
// the perimeter of their union, and null when borders do not match (the caller unions then).
import { describe, expect, it } from 'vitest';
import { length, polygonToLine, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { coverageOutline } from '../../src/core/geo/outline';
import { tessellate } from '../../scripts/bench/generate';

const square = (x: number, y: number, s = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});

const km = (g: MultiLineString): number => length({ type: 'Feature', geometry: g, properties: {} });

describe('coverageOutline', () => {
  it('cancels shared edges: a 2 × 2 block is one closed line around it', () => {
    const o = coverageOutline([square(0, 0), square(1, 0), square(0, 1), square(1, 1)]);
    expect(o?.coordinates).toHaveLength(1);
    const line = o?.coordinates[0] ?? [];
    expect(line).toHaveLength(9);
    expect(line[0]).toEqual(line[8]);
    const xs = line.map((p) => p[0] ?? Number.NaN);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(2);
    // the inner cross (x = 1 or y = 1 inside the block) is gone
    expect(line.some((p) => p[0] === 1 && p[1] === 1)).toBe(false);
  });

  it('keeps the hole of a ring of units', () => {
    const ring: Polygon[] = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) ring.push(square(x, y));
    const o = coverageOutline(ring);
    expect(o?.coordinates).toHaveLength(2);
    const sizes = (o?.coordinates ?? []).map((l) => l.length).sort((a, b) => a - b);
    expect(sizes).toEqual([5, 13]);
  });

  it('gives up (null) when borders are drawn independently', () => {
    const a = square(0, 0);
    const b: Polygon = { type: 'Polygon', coordinates: [[[1.0000004, 0.1], [2, 0.1], [2, 1.1], [1.0000004, 1.1], [1.0000004, 0.1]]] };
    expect(coverageOutline([a, b])).toBeNull();
  });

  it('equals the perimeter of the union on a jittered, bent tessellation', () => {
    const t = tessellate(36, { regionSide: 6, seed: 3 });
    const geoms = t.cells.map((c) => c.geometry).filter((g): g is Polygon | MultiPolygon => g !== null);
    const o = coverageOutline(geoms);
    expect(o).not.toBeNull();
    const fc: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: geoms.map((g) => ({ type: 'Feature', geometry: g, properties: {} })) };
    const u = union(fc) as Feature<Polygon | MultiPolygon>;
    const perimeter = length(polygonToLine(u) as Feature);
    // the same length to 0.01 % (the union's clipping library snaps coordinates slightly)
    expect(Math.abs(km(o as MultiLineString) - perimeter) / perimeter).toBeLessThan(1e-4);
  });
});
