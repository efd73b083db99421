// The gap engine: need from norms and counts, supply from active services' capacities shared
// in proportion to need (2SFCA step 1), gaps, deserts, roll-up to regions. Method: README.md.
import type { DataPackage, Service } from '../model';
import { decayWeight, indexPoints, leafPoints, localProjection, makeLocator, makeResolver, nearestKm, withinKm } from './catchment';
import { DEFAULT_NORMS, normPairs } from './norms';
import { makeResult, type EngineData } from './result';
import { applyScenario } from './scenario';
import { buildTree, latestCounts, selectLeaves } from './tree';
import { isActiveStatus, type GapOptions, type GapResult, type GapWarning, type ServiceLoad } from './types';

const TARGET_ALL = new Set(['all', '*', 'everyone']);

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
  const tree = buildTree(pkg.units);
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
  for (let lp = 0; lp < L; lp++)
    for (let p = 0; p < P; p++) {
      const ci = catOfPair[p] ?? 0;
      if (has[lp * C + ci]) need[lp * P + p] = ((count[lp * C + ci] ?? 0) * (pairs[p]?.placesPer1000 ?? 0)) / 1000;
    }

  // ---- aggregates (every ancestor of a leaf)
  const aggPos = new Int32Array(n).fill(-1);
  const aggs: number[] = [];
  for (const i of leaves) for (const a of tree.ancestors(i)) if (aggPos[a] === -1) aggPos[a] = 0;
  for (let i = 0; i < n; i++) if (aggPos[i] === 0) aggPos[i] = aggs.push(i) - 1;
  const A = aggs.length;
  const leafAggs: Int32Array[] = leaves.map((i) => Int32Array.from(tree.ancestors(i).map((a) => aggPos[a] ?? -1)));

  // ---- services
  const supply = new Float64Array(L * P);
  const active = new Int32Array(L * P);
  const planned = new Int32Array(L * P);
  const unknown = new Uint8Array(L * P);
  const aggActive = new Int32Array(A * P);
  const aggPlanned = new Int32Array(A * P);
  const stampA = new Int32Array(A * P).fill(-1);
  const stampP = new Int32Array(A * P).fill(-1);
  const resolve = makeResolver(tree, leafPos);
  const locate = makeLocator(tree);
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
  const eligibleCache = new Map<string, Int32Array>();
  const noNorm = new Map<string, number>();
  const loads = new Map<string, ServiceLoad>();
  const stamp = new Int32Array(L).fill(-1);
  const weight = new Float64Array(L);
  const catchment: number[] = [];

  services.forEach((s, j) => {
    const isActive = isActiveStatus(s.status);
    if (!isActive && s.status !== 'planned') return;
    const byCat = pairsOfKey.get(s.service);
    if (!byCat) {
      if (isActive) noNorm.set(s.service, (noNorm.get(s.service) ?? 0) + 1);
      return;
    }
    const ck = `${s.service}\u0000${s.targetGroups.join(';')}`;
    let eligible = eligibleCache.get(ck);
    if (!eligible) {
      const targets = s.targetGroups.map((t) => t.trim()).filter(Boolean);
      const all = targets.length === 0 || targets.some((t) => TARGET_ALL.has(t.toLowerCase()));
      const list = all ? [...byCat.values()] : [...new Set(targets.map((t) => byCat.get(t)).filter((p): p is number => p !== undefined))];
      eligible = Int32Array.from(list.sort((a, b) => a - b));
      eligibleCache.set(ck, eligible);
    }
    if (eligible.length === 0) return;

    // catchment: served units at weight 1, plus units within reach in distance mode
    catchment.length = 0;
    const add = (lp: number, w: number): void => {
      if (stamp[lp] !== j) {
        stamp[lp] = j;
        weight[lp] = w;
        catchment.push(lp);
      } else if (w > (weight[lp] ?? 0)) weight[lp] = w;
    };
    let ids = s.serves.length > 0 ? s.serves : s.unitId ? [s.unitId] : [];
    const hasPoint = s.lat !== null && s.lon !== null && Number.isFinite(s.lat) && Number.isFinite(s.lon);
    if (ids.length === 0 && hasPoint) {
      const at = locate(s.lon ?? 0, s.lat ?? 0);
      if (at) ids = [at];
    }
    for (const id of ids) {
      const r = resolve(id);
      if (r === null) warnings.push({ code: 'unknown_served_unit', serviceId: s.id, unitId: id, detail: `${s.id} serves unknown unit ${id}` });
      else for (const lp of r) add(lp, 1);
    }
    if (dist && leafIndex && hasPoint && isActive)
      for (const [lp, d] of withinKm(leafIndex, s.lon ?? 0, s.lat ?? 0, dist.maxKm)) {
        const w = decayWeight(d, dist.maxKm, dist.decay);
        if (w > 0) add(lp, w);
      }
    if (catchment.length === 0) {
      warnings.push({ code: 'unlocated_service', serviceId: s.id, detail: `${s.id} has no unit, catchment or location that matches a unit` });
      return;
    }
    const counter = isActive ? active : planned;
    const aggCounter = isActive ? aggActive : aggPlanned;
    const aggStamp = isActive ? stampA : stampP;
    for (const lp of catchment) {
      for (const p of eligible) {
        counter[lp * P + p] = (counter[lp * P + p] ?? 0) + 1;
        if (isActive && s.capacity === null) unknown[lp * P + p] = 1;
      }
      for (const a of leafAggs[lp] ?? []) {
        for (const p of eligible) {
          const k = a * P + p;
          if (aggStamp[k] !== j) {
            aggStamp[k] = j;
            aggCounter[k] = (aggCounter[k] ?? 0) + 1;
          }
        }
      }
    }
    if (!isActive) return;
    let demand = 0;
    for (const lp of catchment) for (const p of eligible) demand += (weight[lp] ?? 0) * (need[lp * P + p] ?? 0);
    const cap = s.capacity;
    if (cap !== null && Number.isFinite(cap) && cap > 0 && demand > 0) {
      const f = cap / demand;
      for (const lp of catchment) {
        const wf = f * (weight[lp] ?? 0);
        for (const p of eligible) supply[lp * P + p] = (supply[lp * P + p] ?? 0) + wf * (need[lp * P + p] ?? 0);
      }
    }
    loads.set(s.id, {
      serviceId: s.id,
      demand,
      capacity: cap,
      units: catchment.map((lp) => tree.ids[leaves[lp] ?? -1] ?? ''),
      categories: [...eligible].map((p) => pairs[p]?.category ?? ''),
    });
  });
  for (const [key, k] of noNorm)
    warnings.push({ code: 'no_norm_for_service', detail: `${k} active ${key} service(s) have no norm for any category: they add no supply` });

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
      for (let lp = 0; lp < L; lp++) near[lp * K + ki] = nearestKm(pi, pts.lon[lp] ?? Number.NaN, pts.lat[lp] ?? Number.NaN) ?? Number.NaN;
    });
  }

  const data: EngineData = {
    tree, leaves, aggs, pairs, cats, catOfPair, keyOfPair, keys, defaultNorms, leafAggs,
    leaf: { count, has, need, supply, active, planned, unknown, nearest },
    agg: { active: aggActive, planned: aggPlanned },
    loads, warnings, distance: dist,
  };
  return makeResult(data, counts);
}
