// Observations grouped by indicator → unit, in typed arrays: what ObservationIndex looks values
// up in. Built in one pass over the observations (in the parse worker for an import, so the page
// gets it by transfer instead of building a million small Maps and arrays); lookups are a
// binary search over the indicator's units.
//
// Order is the one a Map-of-Maps built in input order would give: indicators in order of first
// appearance, within an indicator the units in order of their first row of that indicator, and
// within a unit × indicator group the rows in input order.

export interface ObservationGroups {
  /** Indicator keys in order of first appearance. */
  indicators: string[];
  /** Unit ids in order of first appearance (over all indicators). */
  units: string[];
  /** Positions of the observations, grouped (see above). */
  order: Uint32Array;
  /** Group g covers order[groupStart[g] .. groupStart[g + 1]); length groups + 1. */
  groupStart: Uint32Array;
  /** Unit index (into `units`) of each group. */
  groupUnit: Uint32Array;
  /** Indicator i has the groups indStart[i] .. indStart[i + 1]; length indicators + 1. */
  indStart: Uint32Array;
  /** Group ids of each indicator's slice (indStart) sorted by unit index, for lookups. */
  byUnit: Uint32Array;
}

interface Keyed {
  indicator: string;
  unitId: string;
}

/** Groups `obs` (positions refer to this array). */
export function groupObservations(obs: readonly Keyed[]): ObservationGroups {
  const n = obs.length;
  const indIds = new Map<string, number>();
  const unitIds = new Map<string, number>();
  const indicators: string[] = [];
  const units: string[] = [];
  const ind = new Uint32Array(n);
  const un = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const o = obs[p] as Keyed;
    let i = indIds.get(o.indicator);
    if (i === undefined) {
      i = indicators.length;
      indicators.push(o.indicator);
      indIds.set(o.indicator, i);
    }
    let u = unitIds.get(o.unitId);
    if (u === undefined) {
      u = units.length;
      units.push(o.unitId);
      unitIds.set(o.unitId, u);
    }
    ind[p] = i;
    un[p] = u;
  }
  const nI = indicators.length;
  const nU = units.length;

  // groups in order of first appearance (over all indicators)
  const tmpOf = new Map<number, number>();
  const tmp = new Uint32Array(n);
  const tInd: number[] = [];
  const tUnit: number[] = [];
  const tCount: number[] = [];
  for (let p = 0; p < n; p++) {
    const i = ind[p] as number;
    const key = i * nU + (un[p] as number);
    let g = tmpOf.get(key);
    if (g === undefined) {
      g = tInd.length;
      tInd.push(i);
      tUnit.push(un[p] as number);
      tCount.push(0);
      tmpOf.set(key, g);
    }
    tmp[p] = g;
    tCount[g] = (tCount[g] as number) + 1;
  }
  const G = tInd.length;

  // final group ids: by indicator, first appearance within it (a stable counting sort)
  const indStart = new Uint32Array(nI + 1);
  for (let g = 0; g < G; g++) {
    const k = (tInd[g] as number) + 1;
    indStart[k] = (indStart[k] as number) + 1;
  }
  for (let i = 0; i < nI; i++) indStart[i + 1] = (indStart[i + 1] as number) + (indStart[i] as number);
  const cursor = indStart.slice(0, nI);
  const finalOf = new Uint32Array(G);
  const groupUnit = new Uint32Array(G);
  const groupStart = new Uint32Array(G + 1);
  for (let g = 0; g < G; g++) {
    const i = tInd[g] as number;
    const f = cursor[i] as number;
    cursor[i] = f + 1;
    finalOf[g] = f;
    groupUnit[f] = tUnit[g] as number;
    groupStart[f + 1] = tCount[g] as number;
  }
  for (let f = 0; f < G; f++) groupStart[f + 1] = (groupStart[f + 1] as number) + (groupStart[f] as number);

  // positions, stable within a group
  const fill = groupStart.slice(0, G);
  const order = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const f = finalOf[tmp[p] as number] as number;
    order[fill[f] as number] = p;
    fill[f] = (fill[f] as number) + 1;
  }

  // per indicator, groups sorted by unit: counting sort by unit, then stable by indicator
  const unitStart = new Uint32Array(nU + 1);
  for (let f = 0; f < G; f++) {
    const k = (groupUnit[f] as number) + 1;
    unitStart[k] = (unitStart[k] as number) + 1;
  }
  for (let u = 0; u < nU; u++) unitStart[u + 1] = (unitStart[u + 1] as number) + (unitStart[u] as number);
  const byUnitAll = new Uint32Array(G);
  for (let f = 0; f < G; f++) {
    const u = groupUnit[f] as number;
    byUnitAll[unitStart[u] as number] = f;
    unitStart[u] = (unitStart[u] as number) + 1;
  }
  const byUnit = new Uint32Array(G);
  const icur = indStart.slice(0, nI);
  for (let k = 0; k < G; k++) {
    const f = byUnitAll[k] as number;
    // the indicator of final group f: groups are laid out by indicator, so search indStart
    const i = indicatorOfGroup(indStart, f);
    byUnit[icur[i] as number] = f;
    icur[i] = (icur[i] as number) + 1;
  }
  return { indicators, units, order, groupStart, groupUnit, indStart, byUnit };
}

/** The indicator whose slice holds group f (binary search over indStart). */
function indicatorOfGroup(indStart: Uint32Array, f: number): number {
  let lo = 0;
  let hi = indStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((indStart[mid] as number) <= f) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The group of unit index `u` in indicator `i`, or -1. */
export function findGroup(g: ObservationGroups, i: number, u: number): number {
  let lo = g.indStart[i] as number;
  let hi = (g.indStart[i + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = g.byUnit[mid] as number;
    const mu = g.groupUnit[f] as number;
    if (mu === u) return f;
    if (mu < u) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The typed arrays of `g`, to transfer. */
export const groupBuffers = (g: ObservationGroups): ArrayBuffer[] =>
  [g.order, g.groupStart, g.groupUnit, g.indStart, g.byUnit].map((a) => a.buffer as ArrayBuffer);
