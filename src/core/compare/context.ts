// What every compare view-model needs from a package, built once per package (memoised on
// the package object, so the same DataPackage is never re-indexed).
import { unitName } from '../dataset';
import { buildHierarchy, type Hierarchy } from '../hierarchy';
import { indicatorCatalog, ObservationIndex, type IndicatorInfo } from '../indicators';
import type { Lang } from '../keys';
import type { DataPackage, Unit } from '../model';

export interface CompareContext {
  pkg: DataPackage;
  h: Hierarchy;
  idx: ObservationIndex;
  catalog: ReadonlyMap<string, IndicatorInfo>;
  /** The national unit (level `country`), if the package has one. */
  country: Unit | null;
}

const cache = new WeakMap<DataPackage, CompareContext>();

export function compareContext(pkg: DataPackage): CompareContext {
  const hit = cache.get(pkg);
  if (hit) return hit;
  const h = buildHierarchy(pkg.units);
  const idx = new ObservationIndex(pkg.observations);
  const catalog = new Map(indicatorCatalog(pkg, idx).map((i) => [i.key, i]));
  const country = h.atLevel('country')[0] ?? null;
  const ctx: CompareContext = { pkg, h, idx, catalog, country };
  cache.set(pkg, ctx);
  return ctx;
}

/** A unit's name in the language's script (the app's rule: src/core/dataset.ts unitName). */
export function displayName(unit: Unit, lang: Lang): string {
  return unitName(unit, lang);
}
