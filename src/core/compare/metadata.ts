// Indicator metadata for comparison: what an indicator is, how it is shown (rate, proportion,
// count, value as given), which way is worse, its denominator, source and year. Derived from
// the package; overrides possible. Shown wherever the indicator is.
import { denominatorOf, type IndicatorInfo } from '../indicators';
import { formatNumber, hasKey, t } from '../i18n';
import { isCategoryKey, type Lang } from '../keys';
import type { DataPackage } from '../model';
import { compareContext } from './context';
import type { IntervalMethod } from './intervals';
import type { Polarity } from './significance';

/**
 * - `rate`: count per `per` (1,000) of the denominator; exact Poisson (or Byar) interval.
 * - `proportion`: count / denominator in percent; Wilson interval.
 * - `count`: the (summed) count itself; no interval.
 * - `value`: the value as given (percentages, averages…); not aggregated, no interval.
 */
export type Display = 'rate' | 'proportion' | 'count' | 'value';

export interface IndicatorMeta {
  key: string;
  /** i18n key of the label (may be absent from the catalogues for free indicators). */
  labelKey: string;
  kind: IndicatorInfo['kind'];
  display: Display;
  /** 1,000 for rates, 100 for proportions, null otherwise. */
  per: number | null;
  /** Unit of the observations (`count`, `percent`, `km2`…). */
  unit: string;
  /** Indicator key of the denominator for rates and proportions. */
  denominator: string | null;
  polarity: Polarity;
  intervalMethod: IntervalMethod | null;
  sources: string[];
  years: number[];
  /** Latest year observed, if any. */
  year: number | null;
  illustrative: boolean;
}

export type MetaOverride = Partial<Pick<IndicatorMeta, 'labelKey' | 'display' | 'per' | 'denominator' | 'polarity' | 'intervalMethod'>>;
/** Overrides by indicator key (Map: keys come from user data). */
export type MetaOverrides = ReadonlyMap<string, MetaOverride>;

const SHARE_OF_POPULATION = new Set(['population_0_17', 'population_65_plus']);

function defaults(info: IndicatorInfo, has: (k: string) => boolean, pkg: DataPackage): Omit<IndicatorMeta, 'sources' | 'years' | 'year' | 'illustrative' | 'unit' | 'kind' | 'key'> {
  const key = info.key;
  const count = { display: 'count' as const, per: null, denominator: null, intervalMethod: null };
  if (info.kind === 'population') {
    const base = { labelKey: `indicator.${key}`, polarity: 'neutral' as const };
    if (SHARE_OF_POPULATION.has(key) && has('population'))
      return { ...base, display: 'proportion', per: 100, denominator: 'population', intervalMethod: 'wilson' };
    return { ...base, ...count };
  }
  if (!info.additive) {
    return { labelKey: labelKeyFor(key, info.kind), polarity: 'neutral', display: 'value', per: null, denominator: null, intervalMethod: null };
  }
  const polarity: Polarity = info.kind === 'category' ? 'higher_is_worse' : 'neutral';
  const labelKey = labelKeyFor(key, info.kind);
  const idx = compareContext(pkg).idx;
  const denominator = denominatorOf(key, idx);
  if (!has(denominator)) return { labelKey, polarity, ...count };
  if (key === 'social_assistance_households' && denominator === 'households')
    return { labelKey, polarity, display: 'proportion', per: 100, denominator, intervalMethod: 'wilson' };
  return { labelKey, polarity, display: 'rate', per: 1000, denominator, intervalMethod: 'poisson_exact' };
}

const labelKeyFor = (key: string, kind: IndicatorInfo['kind']): string =>
  kind === 'category' && isCategoryKey(key) ? `category.${key}` : `indicator.${key}`;

/** Metadata of indicator `key` in `pkg`, or null when the package has no such indicator. */
export function indicatorMeta(pkg: DataPackage, key: string, override: MetaOverride = {}): IndicatorMeta | null {
  const ctx = compareContext(pkg);
  const info = ctx.catalog.get(key);
  if (!info) return null;
  const base = defaults(info, (k) => ctx.catalog.has(k), pkg);
  const merged = { ...base, ...definedOnly(override) };
  // An override may not ask for a rate or proportion without a denominator the package has.
  if ((merged.display === 'rate' || merged.display === 'proportion') && (!merged.denominator || !ctx.catalog.has(merged.denominator) || !info.additive)) {
    merged.display = info.additive ? 'count' : 'value';
    merged.per = null;
    merged.denominator = null;
    merged.intervalMethod = null;
  }
  if (merged.display === 'rate' && merged.intervalMethod === 'wilson') merged.intervalMethod = 'poisson_exact';
  if (merged.display === 'proportion') merged.intervalMethod = 'wilson';
  if (merged.display === 'count' || merged.display === 'value') merged.intervalMethod = null;
  const years = info.years;
  return {
    key,
    kind: info.kind,
    unit: info.unit,
    ...merged,
    sources: info.sources,
    years,
    year: years.length ? (years[years.length - 1] as number) : null,
    illustrative: info.illustrative,
  };
}

function definedOnly(o: MetaOverride): MetaOverride {
  const out: MetaOverride = {};
  for (const [k, v] of Object.entries(o) as [keyof MetaOverride, MetaOverride[keyof MetaOverride]][]) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Every indicator of the package that can be compared, categories first, then free, then population. */
export function comparableIndicators(pkg: DataPackage, overrides: MetaOverrides = new Map()): IndicatorMeta[] {
  const order = { category: 0, free: 1, population: 2 } as const;
  return [...compareContext(pkg).catalog.keys()]
    .map((k) => indicatorMeta(pkg, k, overrides.get(k)))
    .filter((m): m is IndicatorMeta => m !== null)
    .sort((a, b) => order[a.kind] - order[b.kind] || a.key.localeCompare(b.key));
}

/** The label in `lang`; free indicators without a catalogue entry get their key, humanised. */
export function indicatorLabel(lang: Lang, meta: Pick<IndicatorMeta, 'key' | 'labelKey'>): string {
  if (hasKey(lang, meta.labelKey) || hasKey('en', meta.labelKey)) return t(lang, meta.labelKey);
  const s = meta.key.replace(/_/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The unit as shown: "per 1,000 population aged 65+", "% of households", or the raw unit. */
export function unitLabel(lang: Lang, meta: IndicatorMeta): string {
  const denom = meta.denominator ? indicatorLabel(lang, { key: meta.denominator, labelKey: `indicator.${meta.denominator}` }) : '';
  switch (meta.display) {
    case 'rate':
      return t(lang, 'compare.unit.per', { per: formatNumber(lang, meta.per ?? 1000, 0), denominator: denom.toLocaleLowerCase() });
    case 'proportion':
      return t(lang, 'compare.unit.percent_of', { denominator: denom.toLocaleLowerCase() });
    case 'count':
      return meta.unit === 'km2' ? 'km²' : t(lang, 'compare.unit.count');
    case 'value':
      return meta.unit === 'percent' ? '%' : meta.unit;
  }
}
