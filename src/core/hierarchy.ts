// The unit hierarchy: country → region → municipality → admin unit → settlement, any depth.
// Built once per package; every lookup afterwards is a Map access.
import { UNIT_LEVELS, type UnitLevel } from './keys';
import type { Unit } from './model';

export interface Hierarchy {
  readonly units: readonly Unit[];
  readonly byId: ReadonlyMap<string, Unit>;
  /** Levels present in the package, from the top (country) down. */
  readonly levels: readonly UnitLevel[];
  get(id: string): Unit | undefined;
  children(id: string): readonly Unit[];
  parent(id: string): Unit | null;
  /** Nearest first. */
  ancestors(id: string): Unit[];
  /** Nearest ancestor (or the unit itself) at `level`. */
  ancestorAt(id: string, level: UnitLevel): Unit | null;
  /** All units at `level`, optionally only those under `rootId`. */
  atLevel(level: UnitLevel, rootId?: string | null): Unit[];
  /** Units with no parent in the package. */
  roots(): Unit[];
}

export function buildHierarchy(units: readonly Unit[]): Hierarchy {
  const byId = new Map<string, Unit>();
  for (const u of units) if (!byId.has(u.id)) byId.set(u.id, u);
  const kids = new Map<string, Unit[]>();
  for (const u of byId.values()) {
    if (u.parentId && byId.has(u.parentId) && u.parentId !== u.id) {
      const list = kids.get(u.parentId);
      if (list) list.push(u);
      else kids.set(u.parentId, [u]);
    }
  }
  const present = new Set<UnitLevel>();
  for (const u of byId.values()) present.add(u.level);
  const levels = UNIT_LEVELS.filter((l) => present.has(l));

  const parent = (id: string): Unit | null => {
    const pid = byId.get(id)?.parentId;
    return pid && pid !== id ? (byId.get(pid) ?? null) : null;
  };
  const ancestors = (id: string): Unit[] => {
    const out: Unit[] = [];
    const seen = new Set<string>([id]);
    let p = parent(id);
    while (p && !seen.has(p.id)) {
      out.push(p);
      seen.add(p.id);
      p = parent(p.id);
    }
    return out;
  };
  const isUnder = (id: string, rootId: string): boolean => ancestors(id).some((a) => a.id === rootId);

  return {
    units: [...byId.values()],
    byId,
    levels,
    get: (id) => byId.get(id),
    children: (id) => kids.get(id) ?? [],
    parent,
    ancestors,
    ancestorAt(id, level) {
      const u = byId.get(id);
      if (!u) return null;
      if (u.level === level) return u;
      return ancestors(id).find((a) => a.level === level) ?? null;
    },
    atLevel(level, rootId) {
      const all = [...byId.values()].filter((u) => u.level === level);
      return rootId ? all.filter((u) => u.id === rootId || isUnder(u.id, rootId)) : all;
    },
    roots: () => [...byId.values()].filter((u) => !parent(u.id)),
  };
}

/** The level mapped by default: the most detailed level that has geometry. */
export function defaultMapLevel(h: Hierarchy): UnitLevel | null {
  const withGeometry = h.levels.filter((l) => h.atLevel(l).some((u) => u.geometry));
  const preferred = withGeometry.filter((l) => l !== 'country' && l !== 'region');
  return preferred[0] ?? withGeometry[withGeometry.length - 1] ?? null;
}
