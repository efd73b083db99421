// The gap engine: need from norms and counts, supply from active services' capacities shared
// in proportion to need (2SFCA step 1), gaps, deserts, roll-up to regions. Method: README.md.
import type { DataPackage, Service } from '../model';
import { allocate } from './allocate';
import { indexPoints, leafPoints, localProjection, nearestKm, spacingHint } from './catchment';
import { DEFAULT_NORMS, normPairs } from './norms';
import { makeResult, type EngineData } from './result';
import { applyScenario } from './scenario';
import { treeOf, latestCounts, selectLeaves } from './tree';
import { isActiveStatus, type GapOptions, type GapResult, type GapWarning } from './types';

export function runGaps(pkg: DataPackage, opts: GapOptions = {}): GapResult {
  const warnings: GapWarning[] = [];
  let norms = opts.norms ?? pkg.norms;
  const defaultNorms = norms.length === 0;
  if (defaultNorms) {
    norms = DEFAULT_NORMS as typeof norms;
    warnings.push({ code: 'default_norms', detail: 'no norms given: the illustrative default norms are used' });
  }
  const pairs = normPairs(norms, warnings);
  const P = pairs.length;
  const cats = [...new Set(pairs.map((p) => p.category))];
  const keys = [...new Set(pairs.map((p) => p.service))];
  const catOfPair = Int32Array.from(pairs.map((p) => cats.indexOf(p.category)));
  const keyOfPair = Int32Array.from(pairs.map((p) => keys.indexOf(p.service)));
  const pairsOfKey = new Map<string, Map<string, number>>();
  pairs.forEach((p, i) => {
    let m = pairsOfKey.get(p.service);
    if (!m) pairsOfKey.set(p.service, (m = new Map()));
    m.set(p.category, i);
  });
  const C = cats.length;
  const services: readonly Service[] = opts.scenario ? applyScenario(pkg.services, opts.scenario) : pkg.services;

  // ---- units, leaves, counts, need
  const tree = treeOf(pkg.units);
  const n = tree.ids.length;
  const counts = latestCounts(tree, pkg.observations, new Set(cats), warnings);
  const hasData = new Uint8Array(n);
  for (const t of counts.values()) for (let i = 0; i < n; i++) if (t.has[i]) hasData[i] = 1;
  const leaves = selectLeaves(tree, hasData);
  const L = leaves.length;
  const leafPos = new Int32Array(n).fill(-1);
  leaves.forEach((i, p) => (leafPos[i] = p));
  const count = new Float64Array(L * C);
  const has = new Uint8Array(L * C);
  cats.forEach((c, ci) => {
    const t = counts.get(c);
    if (!t) return;
    leaves.forEach((i, lp) => {
      if (t.has[i]) {
        count[lp * C + ci] = t.value[i] ?? 0;
        has[lp * C + ci] = 1;
      }
    });
  });
  const need = new Float64Array(L * P);
  const perPerson = Float64Array.from(pairs.map((p) => p.placesPer1000 / 1000));
  for (let lp = 0; lp < L; lp++)
    for (let p = 0; p < P; p++) {
      const ck = lp * C + (catOfPair[p] ?? 0);
      if (has[ck]) need[lp * P + p] = (count[ck] ?? 0) * (perPerson[p] ?? 0);
    }

  // ---- aggregates (every ancestor of a leaf)
  const aggPos = new Int32Array(n).fill(-1);
  const aggs: number[] = [];
  for (const i of leaves) for (const a of tree.ancestors(i)) if (aggPos[a] === -1) aggPos[a] = 0;
  for (let i = 0; i < n; i++) if (aggPos[i] === 0) aggPos[i] = aggs.push(i) - 1;
  const A = aggs.length;
  const aggStart = new Int32Array(L + 1);
  const aggListArr: number[] = [];
  leaves.forEach((i, lp) => {
    for (const a of tree.ancestors(i)) aggListArr.push(aggPos[a] ?? 0);
    aggStart[lp + 1] = aggListArr.length;
  });
  const aggList = Int32Array.from(aggListArr);

  // ---- services
  const dist = opts.distance && opts.distance.maxKm > 0 ? opts.distance : null;
  const pts = dist ? leafPoints(tree, leaves) : null;
  let minLat = Infinity;
  let maxLat = -Infinity;
  if (pts)
    for (const y of pts.lat) {
      if (!Number.isFinite(y)) continue;
      minLat = Math.min(minLat, y);
      maxLat = Math.max(maxLat, y);
    }
  const proj = localProjection(minLat, maxLat);
  const leafIndex = pts ? indexPoints(pts.lon, pts.lat, proj) : null;
  const alloc = allocate({ tree, leaves, leafPos, pairs, pairsOfKey, need, aggStart, aggList, aggCount: A, services, dist, leafIndex, warnings });
  const { resolve } = alloc;

  // ---- nearest active service of each kind (distance mode)
  let nearest: Float64Array | null = null;
  if (dist && pts) {
    const K = keys.length;
    const near = new Float64Array(L * K).fill(Number.NaN);
    nearest = near;
    keys.forEach((key, ki) => {
      const sx: number[] = [];
      const sy: number[] = [];
      for (const s of services) {
        if (s.service !== key || !isActiveStatus(s.status)) continue;
        if (s.lat !== null && s.lon !== null && Number.isFinite(s.lat) && Number.isFinite(s.lon)) {
          sx.push(s.lon);
          sy.push(s.lat);
        } else if (s.unitId) {
          const r = resolve(s.unitId);
          const lp = r && r.length === 1 ? (r[0] ?? -1) : -1;
          if (lp >= 0) {
            sx.push(pts.lon[lp] ?? Number.NaN);
            sy.push(pts.lat[lp] ?? Number.NaN);
          }
        }
      }
      const pi = indexPoints(Float64Array.from(sx), Float64Array.from(sy), proj);
      const hint = spacingHint(pi);
      for (let lp = 0; lp < L; lp++) near[lp * K + ki] = nearestKm(pi, pts.lon[lp] ?? Number.NaN, pts.lat[lp] ?? Number.NaN, hint) ?? Number.NaN;
    });
  }

  const data: EngineData = {
    tree, leaves, aggs, pairs, cats, catOfPair, keyOfPair, keys, defaultNorms, aggStart, aggList,
    leaf: { count, has, need, supply: alloc.supply, active: alloc.active, planned: alloc.planned, unknown: alloc.unknown, nearest },
    agg: { active: alloc.aggActive, planned: alloc.aggPlanned },
    loads: alloc.loads, warnings, distance: dist,
  };
  return makeResult(data, counts);
}
