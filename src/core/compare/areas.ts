// Which areas a comparison covers: all regions (or the chosen ones), or municipalities across
// the country or within chosen regions.
import type { Lang } from '../keys';
import type { DataPackage, Unit } from '../model';
import { compareContext, displayName } from './context';

export type CompareLevel = 'region' | 'municipality';
export const COMPARE_LEVELS: readonly CompareLevel[] = ['region', 'municipality'];
export const isCompareLevel = (v: unknown): v is CompareLevel => v === 'region' || v === 'municipality';

export interface Area {
  unit: Unit;
  name: string;
  parentId: string | null;
  parentName: string | null;
}

/** Areas at `level`; `regions` (ids) restricts to those regions (empty = whole country). */
export function areasFor(pkg: DataPackage, level: CompareLevel, regions: readonly string[], lang: Lang): Area[] {
  const { h } = compareContext(pkg);
  const chosen = regions.filter((r) => h.get(r)?.level === 'region');
  let units: Unit[];
  if (level === 'region') {
    const all = h.atLevel('region');
    units = chosen.length ? all.filter((u) => chosen.includes(u.id)) : all;
  } else {
    units = chosen.length ? chosen.flatMap((r) => h.atLevel('municipality', r)) : h.atLevel('municipality');
  }
  return units.map((unit) => {
    const parent = level === 'municipality' ? h.ancestorAt(unit.id, 'region') : null;
    return { unit, name: displayName(unit, lang), parentId: parent?.id ?? null, parentName: parent ? displayName(parent, lang) : null };
  });
}
