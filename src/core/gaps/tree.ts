// Index-based unit tree for the gap engine: parents, children, ancestors and planning region by
// array position; the leaf units where need is computed; latest counts per unit.
import type { Observation, Unit } from '../model';
import type { GapWarning } from './types';

export interface UnitTree {
  units: Unit[];
  ids: string[];
  index: Map<string, number>;
  parent: Int32Array;
  children: number[][];
  /** Nearest ancestor first (cycles cut). */
  ancestors(i: number): readonly number[];
  /** Nearest ancestor-or-self of level `region`, −1 if none. */
  regionOf: Int32Array;
}

const treeCache = new WeakMap<readonly Unit[], UnitTree>();

/** buildTree, cached per units array (the loaded data is never mutated: scenarios reuse it). */
export function treeOf(units: readonly Unit[]): UnitTree {
  let t = treeCache.get(units);
  if (!t) treeCache.set(units, (t = buildTree(units)));
  return t;
}

export function buildTree(input: readonly Unit[]): UnitTree {
  const units: Unit[] = [];
  const index = new Map<string, number>();
  for (const u of input) {
    if (index.has(u.id)) continue;
    index.set(u.id, units.length);
    units.push(u);
  }
  const n = units.length;
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = units.map(() => []);
  units.forEach((u, i) => {
    const p = u.parentId !== null ? index.get(u.parentId) : undefined;
    if (p !== undefined && p !== i) {
      parent[i] = p;
      children[p]?.push(i);
    }
  });
  const cache: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  const ancestors = (i: number): readonly number[] => {
    const hit = cache[i];
    if (hit) return hit;
    const out: number[] = [];
    const seen = new Set<number>([i]);
    let p = parent[i] ?? -1;
    while (p >= 0 && !seen.has(p)) {
      out.push(p);
      seen.add(p);
      p = parent[p] ?? -1;
    }
    cache[i] = out;
    return out;
  };
  const regionOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (units[i]?.level === 'region') regionOf[i] = i;
    else for (const a of ancestors(i)) if (units[a]?.level === 'region') {
      regionOf[i] = a;
      break;
    }
  }
  return { units, ids: units.map((u) => u.id), index, parent, children, ancestors, regionOf };
}

/** Units whose values are counts of persons/households (summable). */
const COUNT_UNITS = new Set(['', 'count', 'persons', 'households', 'number']);

export interface CountTable {
  /** By unit position; meaningful where has[i] = 1. */
  value: Float64Array;
  has: Uint8Array;
}

/**
 * Latest observed count per unit for each indicator: the highest year wins (a value without a
 * year only when no dated one exists); equal candidates that disagree keep the first in file
 * order and raise `count_conflict`.
 */
export function latestCounts(
  tree: UnitTree,
  observations: readonly Observation[],
  indicators: ReadonlySet<string>,
  warnings: GapWarning[],
): Map<string, CountTable> {
  const n = tree.ids.length;
  const out = new Map<string, CountTable>();
  const years = new Map<string, Float64Array>();
  for (const key of indicators) {
    out.set(key, { value: new Float64Array(n), has: new Uint8Array(n) });
    years.set(key, new Float64Array(n).fill(-Infinity));
  }
  for (const o of observations) {
    const t = out.get(o.indicator);
    const y = years.get(o.indicator);
    if (!t || !y || !Number.isFinite(o.value) || !COUNT_UNITS.has(o.unit.trim().toLowerCase())) continue;
    const i = tree.index.get(o.unitId);
    if (i === undefined) continue;
    const year = o.year ?? -1e9;
    const prev = y[i] ?? -Infinity;
    if (!t.has[i] || year > prev) {
      t.value[i] = o.value;
      t.has[i] = 1;
      y[i] = year;
    } else if (year === prev && t.value[i] !== o.value) {
      warnings.push({
        code: 'count_conflict',
        unitId: o.unitId,
        indicator: o.indicator,
        detail: `${o.indicator} for ${o.unitId}${o.year !== null ? ` (${o.year})` : ''}: ${t.value[i]} kept, ${o.value} also given`,
      });
    }
  }
  return out;
}

/**
 * The units where need is computed. A unit with own counts is a leaf unless some descendant has
 * counts (then its children are used and it is summed from them). Units without any count in
 * their subtree become leaves (with missing counts) when their level is one at which other
 * leaves have data, so that every municipality gets rows even when its figures are missing.
 * Without any count at all: the municipalities, else the units of the deepest level.
 */
export function selectLeaves(tree: UnitTree, hasData: Uint8Array): number[] {
  const n = tree.ids.length;
  const subtree = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!hasData[i]) continue;
    subtree[i] = 1;
    for (const a of tree.ancestors(i)) {
      if (subtree[a]) break;
      subtree[a] = 1;
    }
  }
  const leafLevels = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (hasData[i] && !(tree.children[i] ?? []).some((c) => subtree[c])) leafLevels.add(tree.units[i]?.level ?? '');
  }
  if (leafLevels.size === 0) {
    const levels = new Set(tree.units.map((u) => u.level));
    const order = ['settlement', 'admin_unit', 'municipality', 'region', 'country'];
    const pick = levels.has('municipality') ? 'municipality' : order.find((l) => levels.has(l as never));
    if (pick) leafLevels.add(pick);
  }
  const leaves: number[] = [];
  const visited = new Uint8Array(n);
  const visit = (i: number): void => {
    if (visited[i]) return;
    visited[i] = 1;
    const kids = tree.children[i] ?? [];
    if (subtree[i]) {
      if (hasData[i] && !kids.some((c) => subtree[c])) leaves.push(i);
      else for (const c of kids) visit(c);
    } else if (leafLevels.has(tree.units[i]?.level ?? '')) leaves.push(i);
    else for (const c of kids) visit(c);
  };
  for (let i = 0; i < n; i++) if ((tree.parent[i] ?? -1) < 0) visit(i);
  // members of a parent cycle have no root: visit whatever is left
  for (let i = 0; i < n; i++) if (!visited[i] && !tree.ancestors(i).some((a) => visited[a])) visit(i);
  return leaves;
}
