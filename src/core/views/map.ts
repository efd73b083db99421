// State → view-model for the map, its legend and its table. No pixels, no DOM: the map and the
// table render exactly this, so they always agree.
import { classify, NO_DATA, NO_DATA_COLOR, paletteFor, type Classification } from '../classify';
import { unitName, type Dataset } from '../dataset';
import { formatNumber, hasKey, t } from '../i18n';
import { computeCells, type Cell, type Measure } from '../indicators';
import type { Hierarchy } from '../hierarchy';
import type { Lang, UnitLevel } from '../keys';
import type { Unit } from '../model';
import type { ViewState } from '../url';
import { privacyOf, type PrivacyConfig } from '../privacy/config';
import { maskCell, suppressionFor } from '../privacy/dataset';
import { suppressedLabel } from '../privacy/labels';
import type { Suppression } from '../privacy/suppress';
import { roundBreak } from './breaks';

/** Fill of a unit whose value is hidden by small-number protection (not a class colour). */
export const SUPPRESSED_COLOR = '#e7d4e8';

export interface MapUnit {
  id: string;
  name: string;
  regionId: string | null;
  regionName: string;
  /** In the selected region (or no region selected). */
  inFocus: boolean;
  cell: Cell;
  classIndex: number;
  color: string;
  valueLabel: string;
  illustrative: boolean;
  /** Hidden by small-number protection (its `cell` then carries no value). */
  suppressed?: Suppression | null;
}

export interface LegendClass {
  color: string;
  label: string;
  count: number;
}

export interface MapView {
  indicator: string | null;
  indicatorLabel: string;
  measure: Measure;
  measureLabel: string;
  level: UnitLevel | null;
  regionId: string | null;
  units: MapUnit[];
  /** Units listed in the table: those in focus. */
  tableUnits: MapUnit[];
  legend: { title: string; classes: LegendClass[]; noData: LegendClass; method: string; suppressed?: LegendClass | null };
  /** Inner limits of the classes shown, rounded for a reader (what a switch to manual limits
   *  starts from). */
  breaks: number[];
  /** Small-number protection in force (URL `suppress`; always on in the embed). */
  privacy?: PrivacyConfig;
  regions: { id: string; name: string }[];
  selected: MapUnit | null;
  illustrative: boolean;
  sources: string[];
  years: number[];
}

export function indicatorLabel(key: string, lang: Lang): string {
  for (const prefix of ['indicator.', 'category.']) if (hasKey('en', prefix + key)) return t(lang, prefix + key);
  return key.replace(/_/g, ' ');
}

export function formatValue(cell: Cell, measure: Measure, lang: Lang): string {
  if (!cell.ok) return t(lang, 'map.noData');
  return formatNumber(lang, cell.value, measure === 'count' ? (Number.isInteger(cell.value) ? 0 : 2) : 1);
}

/** The indicator shown when the URL names none: population if present, else the first. */
export function defaultIndicator(ds: Dataset): string | null {
  return ds.indicators.find((i) => i.key === 'population')?.key ?? ds.indicators[0]?.key ?? null;
}

/** What a map view needs of the units that does not depend on the values: the mapped units
 *  in name order, their names and regions. Built once per hierarchy, level and language (10,000
 *  units: sorting by name alone takes a tenth of a second), so a new indicator or an import of
 *  indicator rows does not redo it. */
interface Frame {
  units: Unit[];
  ids: string[];
  /** Indices into `units`, sorted by name (stable: ties keep the hierarchy's order). */
  order: number[];
  names: string[];
  regionIds: (string | null)[];
  regionNames: string[];
}
const frames = new WeakMap<Hierarchy, Map<string, Frame>>();

function frameOf(h: Hierarchy, level: UnitLevel | null, lang: Lang): Frame {
  let byKey = frames.get(h);
  if (!byKey) frames.set(h, (byKey = new Map()));
  const key = `${level ?? ''}\u0000${lang}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const units = level ? h.atLevel(level) : [];
  const names = units.map((u) => unitName(u, lang));
  const regions = units.map((u) => h.ancestorAt(u.id, 'region'));
  // the same order as sorting with localeCompare(b, lang): both use the language's collation
  const collator = new Intl.Collator(lang);
  const order = units.map((_, i) => i).sort((a, b) => collator.compare(names[a] as string, names[b] as string));
  const f: Frame = {
    units,
    ids: units.map((u) => u.id),
    order,
    names,
    regionIds: regions.map((r) => r?.id ?? null),
    regionNames: regions.map((r) => (r ? unitName(r, lang) : '')),
  };
  byKey.set(key, f);
  return f;
}

export function buildMapView(ds: Dataset, state: ViewState, lang: Lang): MapView {
  const h = ds.hierarchy;
  const level = ds.mapLevel;
  const indicator = state.indicator ?? defaultIndicator(ds);
  const measure = state.measure;
  const frame = frameOf(h, level, lang);
  const cells = indicator ? computeCells(frame.ids, { indicator, measure }, h, ds.index) : new Map<string, Cell>();
  // Small-number protection: hidden values never reach the view-model, so no label, colour,
  // class bound or sort order can reveal them.
  const privacy = privacyOf(state);
  const hidden = suppressionFor(ds, indicator, privacy);
  for (const [id, s] of hidden) if (cells.has(id)) cells.set(id, maskCell(cells.get(id) as Cell, s));
  const inFocus = (i: number) => !state.region || frame.regionIds[i] === state.region;

  const focusValues: (number | null)[] = [];
  frame.ids.forEach((id, i) => {
    if (!inFocus(i)) return;
    const c = cells.get(id);
    focusValues.push(c?.ok ? c.value : null);
  });
  const cls: Classification = classify(focusValues, state.classification, state.classes, state.breaks);
  const palette = paletteFor(cls.k);

  const units: MapUnit[] = frame.order.map((i) => {
    const id = frame.ids[i] as string;
    const cell: Cell = cells.get(id) ?? { ok: false, reason: 'no_data' };
    const classIndex = cell.ok ? cls.classOf(cell.value) : NO_DATA;
    const suppressed = hidden.get(id) ?? null;
    return {
      id,
      name: frame.names[i] as string,
      regionId: frame.regionIds[i] ?? null,
      regionName: frame.regionNames[i] as string,
      inFocus: inFocus(i),
      cell,
      classIndex,
      color: suppressed ? SUPPRESSED_COLOR : classIndex === NO_DATA ? NO_DATA_COLOR : (palette[classIndex] ?? NO_DATA_COLOR),
      valueLabel: suppressed ? suppressedLabel(lang, suppressed, measure, privacy) : formatValue(cell, measure, lang),
      illustrative: cell.ok && cell.illustrative,
      suppressed,
    };
  });
  const tableUnits = units.filter((u) => u.inFocus);

  const fmt = (v: number) => formatNumber(lang, v, Math.abs(v) >= 100 || (measure === 'count' && Number.isInteger(v)) ? 0 : 1);
  const classes: LegendClass[] = [];
  for (let i = 0; i < cls.k; i++) {
    const lo = cls.bounds[i];
    const hi = cls.bounds[i + 1] ?? lo;
    if (lo === undefined || hi === undefined) continue;
    classes.push({
      color: palette[i] ?? NO_DATA_COLOR,
      label: lo === hi ? fmt(lo) : `${fmt(lo)} – ${fmt(hi)}`,
      count: tableUnits.filter((u) => u.classIndex === i).length,
    });
  }
  const hiddenCount = tableUnits.filter((u) => u.suppressed).length;
  const info = ds.indicators.find((i) => i.key === indicator);
  const selectedUnit = state.unit ? (units.find((u) => u.id === state.unit) ?? null) : null;
  return {
    indicator,
    indicatorLabel: indicator ? indicatorLabel(indicator, lang) : '',
    measure,
    measureLabel: t(lang, `measure.${measure}`),
    level,
    regionId: state.region,
    units,
    tableUnits,
    legend: {
      title: indicator ? `${indicatorLabel(indicator, lang)} · ${t(lang, `measure.${measure}`)}` : '',
      classes,
      noData: { color: NO_DATA_COLOR, label: t(lang, 'map.noData'), count: tableUnits.filter((u) => u.classIndex === NO_DATA && !u.suppressed).length },
      method: t(lang, `map.class.${state.classification}`),
      suppressed: hiddenCount > 0 ? { color: SUPPRESSED_COLOR, label: t(lang, 'embed.legendHidden', { limit: privacy.threshold + 1 }), count: hiddenCount } : null,
    },
    breaks: cls.bounds.slice(1, -1).map(roundBreak),
    privacy,
    regions: ds.regions.map((r) => ({ id: r.id, name: unitName(r, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang)),
    selected: selectedUnit,
    illustrative: tableUnits.some((u) => u.illustrative),
    sources: info?.sources ?? [],
    years: info?.years ?? [],
  };
}

/**
 * The table as CSV rows (an export): protected values are never written; `flag` says why
 * ("<5" for a small count, "hidden" for a complementary cell or a rate from a hidden count).
 */
export function mapTableCsv(view: MapView): { header: string[]; rows: (string | number | null)[][] } {
  const header = ['unit_id', 'name', 'region', 'indicator', 'measure', 'value', 'flag'];
  const rows = view.tableUnits.map((u) => [
    u.id,
    u.name,
    u.regionName,
    view.indicator,
    view.measure,
    u.cell.ok ? u.cell.value : null,
    u.suppressed ? u.valueLabel : '',
  ]);
  return { header, rows };
}

export type SortKey = 'name' | 'region' | 'value';
/** Table rows sorted; missing values always last. */
export function sortUnits(rows: readonly MapUnit[], key: SortKey, dir: 'asc' | 'desc', lang: Lang): MapUnit[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'value') {
      if (!a.cell.ok || !b.cell.ok) return a.cell.ok === b.cell.ok ? 0 : a.cell.ok ? -1 : 1;
      return sign * (a.cell.value - b.cell.value);
    }
    const x = key === 'name' ? a.name : a.regionName;
    const y = key === 'name' ? b.name : b.regionName;
    return sign * x.localeCompare(y, lang);
  });
}
