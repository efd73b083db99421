// The hot loop of the engine: each service's catchment and categories, presence counts and
// its capacity shared in proportion to (weighted) need. Typed arrays and scratch buffers only;
// the per-service "loads" are kept in pools and turned into objects on demand.
import type { Service } from '../model';
import { decayWeight, makeLocator, makeResolver, withinKm, type PointIndex } from './catchment';
import type { UnitTree } from './tree';
import { isActiveStatus, type DistanceOptions, type GapWarning, type NormPair, type ServiceLoad } from './types';

const TARGET_ALL = new Set(['all', '*', 'everyone']);

export interface AllocateInput {
  tree: UnitTree;
  leaves: readonly number[];
  leafPos: Int32Array;
  pairs: readonly NormPair[];
  /** service key → category → pair index */
  pairsOfKey: Map<string, Map<string, number>>;
  need: Float64Array;
  /** Flattened ancestors (aggregate positions) of each leaf: aggList[aggStart[lp] .. aggStart[lp+1]). */
  aggStart: Int32Array;
  aggList: Int32Array;
  aggCount: number;
  services: readonly Service[];
  dist: DistanceOptions | null;
  leafIndex: PointIndex | null;
  warnings: GapWarning[];
}

export interface Allocation {
  supply: Float64Array;
  active: Int32Array;
  planned: Int32Array;
  unknown: Uint8Array;
  aggActive: Int32Array;
  aggPlanned: Int32Array;
  /** Built on first call. */
  loads(): Map<string, ServiceLoad>;
  resolve: (unitId: string) => readonly number[] | null;
}

export function allocate(inp: AllocateInput): Allocation {
  const { tree, leaves, pairs, need, aggStart, aggList, services, dist, leafIndex, warnings } = inp;
  const L = leaves.length;
  const P = pairs.length;
  const A = inp.aggCount;
  const supply = new Float64Array(L * P);
  const active = new Int32Array(L * P);
  const planned = new Int32Array(L * P);
  const unknown = new Uint8Array(L * P);
  const aggActive = new Int32Array(A * P);
  const aggPlanned = new Int32Array(A * P);
  const stampA = new Int32Array(A * P).fill(-1);
  const stampP = new Int32Array(A * P).fill(-1);
  const resolve = makeResolver(tree, inp.leafPos);
  const locate = makeLocator(tree);
  const allOfKey = new Map<string, Int32Array>();
  for (const [key, m] of inp.pairsOfKey) allOfKey.set(key, Int32Array.from([...m.values()].sort((a, b) => a - b)));
  const noNorm = new Map<string, number>();
  const stamp = new Int32Array(L).fill(-1);
  const weight = new Float64Array(L);
  const catchment = new Int32Array(Math.max(1, L));
  const elig = new Int32Array(Math.max(1, P));
  // pools for loads: per allocated service, its index, demand, catchment and categories
  const loadSvc: number[] = [];
  const loadDemand: number[] = [];
  const loadCatchStart: number[] = [0];
  const loadEligStart: number[] = [0];
  const catchPool: number[] = [];
  const eligPool: number[] = [];

  for (let j = 0; j < services.length; j++) {
    const s = services[j];
    if (!s) continue;
    const isActive = isActiveStatus(s.status);
    if (!isActive && s.status !== 'planned') continue;
    const byCat = inp.pairsOfKey.get(s.service);
    if (!byCat) {
      if (isActive) noNorm.set(s.service, (noNorm.get(s.service) ?? 0) + 1);
      continue;
    }
    // categories served: its target groups with a norm for its kind (all when none/`all`)
    let nE = 0;
    const tg = s.targetGroups;
    let all = tg.length === 0;
    for (let t = 0; t < tg.length && !all; t++) {
      const name = tg[t] ?? '';
      const p = byCat.get(name);
      if (p !== undefined) {
        let dup = false;
        for (let q = 0; q < nE; q++) if (elig[q] === p) dup = true;
        if (!dup) elig[nE++] = p;
      } else if (name.length <= 10 && TARGET_ALL.has(name.trim().toLowerCase())) all = true;
    }
    if (all) {
      const every = allOfKey.get(s.service) ?? new Int32Array(0);
      elig.set(every);
      nE = every.length;
    }
    if (nE === 0) continue;

    // catchment: served units at weight 1, plus units within reach in distance mode
    let nC = 0;
    const add = (lp: number, w: number): void => {
      if (stamp[lp] !== j) {
        stamp[lp] = j;
        weight[lp] = w;
        catchment[nC++] = lp;
      } else if (w > (weight[lp] ?? 0)) weight[lp] = w;
    };
    let ids: readonly string[] = s.serves.length > 0 ? s.serves : s.unitId ? [s.unitId] : [];
    const hasPoint = s.lat !== null && s.lon !== null && Number.isFinite(s.lat) && Number.isFinite(s.lon);
    if (ids.length === 0 && hasPoint) {
      const at = locate(s.lon ?? 0, s.lat ?? 0);
      if (at) ids = [at];
    }
    for (const id of ids) {
      const r = resolve(id);
      if (r === null) warnings.push({ code: 'unknown_served_unit', serviceId: s.id, unitId: id, detail: `${s.id} serves unknown unit ${id}` });
      else for (let k = 0; k < r.length; k++) add(r[k] ?? 0, 1);
    }
    if (dist && leafIndex && hasPoint && isActive)
      withinKm(leafIndex, s.lon ?? 0, s.lat ?? 0, dist.maxKm, (lp, d) => {
        const w = decayWeight(d, dist.maxKm, dist.decay);
        if (w > 0) add(lp, w);
      });
    if (nC === 0) {
      warnings.push({ code: 'unlocated_service', serviceId: s.id, detail: `${s.id} has no unit, catchment or location that matches a unit` });
      continue;
    }

    const counter = isActive ? active : planned;
    const aggCounter = isActive ? aggActive : aggPlanned;
    const aggStamp = isActive ? stampA : stampP;
    const unknownCap = isActive && s.capacity === null;
    for (let c = 0; c < nC; c++) {
      const lp = catchment[c] ?? 0;
      const base = lp * P;
      for (let e = 0; e < nE; e++) {
        const k = base + (elig[e] ?? 0);
        counter[k] = (counter[k] ?? 0) + 1;
        if (unknownCap) unknown[k] = 1;
      }
      const a1 = aggStart[lp + 1] ?? 0;
      for (let ai = aggStart[lp] ?? 0; ai < a1; ai++) {
        const abase = (aggList[ai] ?? 0) * P;
        for (let e = 0; e < nE; e++) {
          const k = abase + (elig[e] ?? 0);
          if (aggStamp[k] !== j) {
            aggStamp[k] = j;
            aggCounter[k] = (aggCounter[k] ?? 0) + 1;
          }
        }
      }
    }
    if (!isActive) continue;
    let demand = 0;
    for (let c = 0; c < nC; c++) {
      const lp = catchment[c] ?? 0;
      const w = weight[lp] ?? 0;
      for (let e = 0; e < nE; e++) demand += w * (need[lp * P + (elig[e] ?? 0)] ?? 0);
    }
    const cap = s.capacity;
    if (cap !== null && Number.isFinite(cap) && cap > 0 && demand > 0) {
      const f = cap / demand;
      for (let c = 0; c < nC; c++) {
        const lp = catchment[c] ?? 0;
        const wf = f * (weight[lp] ?? 0);
        for (let e = 0; e < nE; e++) {
          const k = lp * P + (elig[e] ?? 0);
          supply[k] = (supply[k] ?? 0) + wf * (need[k] ?? 0);
        }
      }
    }
    loadSvc.push(j);
    loadDemand.push(demand);
    for (let c = 0; c < nC; c++) catchPool.push(catchment[c] ?? 0);
    for (let e = 0; e < nE; e++) eligPool.push(elig[e] ?? 0);
    loadCatchStart.push(catchPool.length);
    loadEligStart.push(eligPool.length);
  }
  for (const [key, k] of noNorm)
    warnings.push({ code: 'no_norm_for_service', detail: `${k} active ${key} service(s) have no norm for any category: they add no supply` });

  let loads: Map<string, ServiceLoad> | null = null;
  const getLoads = (): Map<string, ServiceLoad> => {
    if (loads) return loads;
    loads = new Map();
    loadSvc.forEach((j, li) => {
      const s = services[j];
      if (!s || loads?.has(s.id)) return;
      const units = catchPool.slice(loadCatchStart[li] ?? 0, loadCatchStart[li + 1] ?? 0).map((lp) => tree.ids[leaves[lp] ?? -1] ?? '');
      const categories = eligPool.slice(loadEligStart[li] ?? 0, loadEligStart[li + 1] ?? 0).map((p) => pairs[p]?.category ?? '');
      loads?.set(s.id, { serviceId: s.id, demand: loadDemand[li] ?? 0, capacity: s.capacity, units, categories });
    });
    return loads;
  };
  return { supply, active, planned, unknown, aggActive, aggPlanned, loads: getLoads, resolve };
}
