// A loaded package made ready for views: hierarchy, indexes and derived facts, built once.
import { area as turfArea } from '@turf/turf';
import { buildHierarchy, defaultMapLevel, type Hierarchy } from './hierarchy';
import { indicatorCatalog, ObservationIndex, type IndicatorInfo } from './indicators';
import type { Lang, UnitLevel } from './keys';
import { isIllustrative, type DataPackage, type Observation, type Unit } from './model';
import { cyrillicToLatin, latinToMkCyrillic } from './text/translit';

export interface Dataset {
  pkg: DataPackage;
  hierarchy: Hierarchy;
  index: ObservationIndex;
  indicators: IndicatorInfo[];
  /** The level shown on the map (the most detailed below region with geometry). */
  mapLevel: UnitLevel | null;
  regions: Unit[];
  /** True when any figure in the package is synthetic. */
  illustrative: boolean;
}

export const AREA_SOURCE = 'computed from geometry';

/** Adds `area_km2` for units with geometry and no area observation (contract: else computed). */
export function withComputedAreas(pkg: DataPackage): DataPackage {
  const has = new Set(pkg.observations.filter((o) => o.indicator === 'area_km2').map((o) => o.unitId));
  const extra: Observation[] = [];
  for (const u of pkg.units) {
    if (!u.geometry || has.has(u.id)) continue;
    const km2 = turfArea({ type: 'Feature', geometry: u.geometry, properties: {} }) / 1e6;
    extra.push({ unitId: u.id, indicator: 'area_km2', value: Math.round(km2 * 100) / 100, year: null, unit: 'km2', source: AREA_SOURCE, note: '' });
  }
  return extra.length ? { ...pkg, observations: [...pkg.observations, ...extra] } : pkg;
}

export function prepareDataset(input: DataPackage): Dataset {
  const pkg = withComputedAreas(input);
  const hierarchy = buildHierarchy(pkg.units);
  const index = new ObservationIndex(pkg.observations);
  return {
    pkg,
    hierarchy,
    index,
    indicators: indicatorCatalog(pkg, index),
    mapLevel: defaultMapLevel(hierarchy),
    regions: hierarchy.atLevel('region'),
    illustrative:
      pkg.observations.some((o) => isIllustrative(o.source)) ||
      pkg.services.some((s) => isIllustrative(s.source)) ||
      pkg.capacities.some((c) => isIllustrative(c.source)) ||
      pkg.norms.some((n) => isIllustrative(n.source)),
  };
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** A unit's name in the language's script. */
export function unitName(unit: Unit, lang: Lang): string {
  const own = unit.names[lang];
  if (own) return own;
  if (lang === 'mk') {
    if (CYRILLIC.test(unit.name)) return unit.name;
    return latinToMkCyrillic(unit.name);
  }
  const latin = unit.names.en ?? unit.names.sq;
  if (latin) return latin;
  if (CYRILLIC.test(unit.name) && !LATIN.test(unit.name)) return cyrillicToLatin(unit.name);
  return unit.name;
}
