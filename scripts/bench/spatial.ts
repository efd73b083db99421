// Point-in-polygon: the product's assignPoints (Flatbush over polygon boxes, typed-array rings)
// against a naive loop over Turf's booleanPointInPolygon (every polygon in order until one
// contains the point, the same "first polygon wins" rule). The naive loop runs on an evenly
// spaced subsample of the points and is extrapolated linearly to all of them (its cost per
// point does not depend on the other points); both methods must agree on the subsample.
// Adjacency (computeAdjacency: shared vertices, then Flatbush for the tolerance pass) is timed
// on the same polygons.
import { booleanPointInPolygon } from '@turf/turf';
import { computeAdjacency } from '../../src/core/geo/adjacency';
import { assignPoints, type PolygonInput } from '../../src/core/geo/points';
import { randomPoints, tessellate } from './generate';
import { cpuNow, median, now, timeReps } from './stats';

export interface SpatialResult {
  polygons: number;
  points: number;
  indexMs: number;
  indexCpuMs: number;
  naiveSample: number;
  naiveSampleMs: number;
  /** Naive time extrapolated to all points. */
  naiveMs: number;
  naiveCpuMs: number;
  speedup: number;
  speedupCpu: number;
  /** Points (of the subsample) where both methods give the same polygon. */
  agree: number;
  assigned: number;
  adjacencyMs: number;
  adjacencyPairs: number;
}

export function measureSpatial(polygonCount: number, pointCount: number, naiveSample: number, reps: number): SpatialResult {
  const tess = tessellate(polygonCount);
  const polys: PolygonInput[] = tess.cells.map((u) => ({ id: u.id, geometry: u.geometry }));
  const points = randomPoints(pointCount);

  const fast = timeReps(reps, () => assignPoints(points, polys));
  const ids = fast.last;
  const assigned = ids.filter((x) => x !== null).length;

  const step = Math.max(1, Math.floor(pointCount / naiveSample));
  const sample: number[] = [];
  for (let i = 0; i < pointCount && sample.length < naiveSample; i += step) sample.push(i);
  const c = cpuNow();
  const t = now();
  const naive: (string | null)[] = [];
  for (const i of sample) {
    const p = points[i];
    let hit: string | null = null;
    if (p)
      for (const poly of polys) {
        if (poly.geometry && booleanPointInPolygon([p.lon, p.lat], poly.geometry)) {
          hit = poly.id;
          break;
        }
      }
    naive.push(hit);
  }
  const naiveSampleMs = now() - t;
  const naiveCpuMs = ((cpuNow() - c) * pointCount) / sample.length;
  let agree = 0;
  sample.forEach((i, k) => {
    if (naive[k] === ids[i]) agree++;
  });
  const naiveMs = (naiveSampleMs * pointCount) / sample.length;
  const indexMs = median(fast.ms);
  const indexCpuMs = median(fast.cpu);

  const adj = timeReps(1, () => computeAdjacency(polys));
  return {
    polygons: polys.length,
    points: pointCount,
    indexMs,
    indexCpuMs,
    naiveSample: sample.length,
    naiveSampleMs,
    naiveMs,
    naiveCpuMs,
    speedup: naiveMs / indexMs,
    speedupCpu: naiveCpuMs / indexCpuMs,
    agree,
    assigned,
    adjacencyMs: median(adj.ms),
    adjacencyPairs: adj.last.pairs.length,
  };
}
