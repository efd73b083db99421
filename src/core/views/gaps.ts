// State → view-model for the gaps view: the chosen (service, category) pair, the choropleth of
// coverage or gap with deserts marked (outline + label, never colour alone), the sortable table,
// the region rows and, in a what-if scenario, the change against the baseline. No DOM.
import { classify, NO_DATA_COLOR } from '../classify';
import { unitName, type Dataset } from '../dataset';
import type { GapResult, GapRow } from '../gaps/types';
import { formatNumber, t } from '../i18n';
import type { Lang } from '../keys';
import { isIllustrative } from '../model';
import { restParam, withRestParam, type ViewState } from '../url';
import type { LegendClass, MapUnit, MapView } from './map';

export type GapMetric = 'coverage' | 'gap';

export interface GapsParams {
  service: string | null;
  category: string | null;
  metric: GapMetric;
  /** Distance mode (enhanced 2SFCA) reach in km; null = catchments only. */
  distanceKm: number | null;
  scenarioId: string | null;
}

const KEY = /^[a-z0-9_]{1,64}$/;
const SCENARIO_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The gaps view's own URL parameters (rest params: service, category, metric, distance, scenario). */
export function readGapsParams(state: ViewState): GapsParams {
  const key = (k: string) => {
    const v = restParam(state, k);
    return v && KEY.test(v) ? v : null;
  };
  const d = Number(restParam(state, 'distance'));
  const sc = restParam(state, 'scenario');
  return {
    service: key('service'),
    category: key('category'),
    metric: restParam(state, 'metric') === 'gap' ? 'gap' : 'coverage',
    distanceKm: Number.isFinite(d) && d > 0 && d <= 500 ? d : null,
    scenarioId: sc && SCENARIO_ID.test(sc) ? sc : null,
  };
}

/** The state with some gaps parameters changed (null removes one). */
export function withGapsParams(state: ViewState, patch: Partial<GapsParams>): ViewState {
  let s = state;
  if ('service' in patch) s = withRestParam(s, 'service', patch.service ?? null);
  if ('category' in patch) s = withRestParam(s, 'category', patch.category ?? null);
  if ('metric' in patch) s = withRestParam(s, 'metric', patch.metric === 'gap' ? 'gap' : null);
  if ('distanceKm' in patch) s = withRestParam(s, 'distance', patch.distanceKm ? String(patch.distanceKm) : null);
  if ('scenarioId' in patch) s = withRestParam(s, 'scenario', patch.scenarioId ?? null);
  return s;
}

export interface Option {
  key: string;
  label: string;
}

export interface PairChoice {
  service: string;
  category: string;
  placesPer1000: number;
  source: string;
  illustrative: boolean;
}

export interface PairPicker {
  /** Categories that have a norm for some service. */
  categories: Option[];
  /** Services with a norm for the chosen category. */
  services: Option[];
  chosen: PairChoice | null;
}

/**
 * The pair shown: the URL's if it has a norm; else, for the URL's category, its service with the
 * most need; else the first pair with any need.
 */
export function choosePair(result: GapResult, params: Pick<GapsParams, 'service' | 'category'>, lang: Lang): PairPicker {
  const needOf = new Map<string, number>();
  for (const r of result.regionRows()) needOf.set(`${r.service}\u0000${r.category}`, (needOf.get(`${r.service}\u0000${r.category}`) ?? 0) + r.need);
  const need = (s: string, c: string) => needOf.get(`${s}\u0000${c}`) ?? 0;
  const cats = [...new Set(result.pairs.map((p) => p.category))];
  const category =
    params.category && cats.includes(params.category)
      ? params.category
      : (result.pairs.find((p) => need(p.service, p.category) > 0)?.category ?? cats[0] ?? null);
  const ofCat = result.pairs.filter((p) => p.category === category);
  let pair = ofCat.find((p) => p.service === params.service);
  if (!pair) pair = [...ofCat].sort((a, b) => need(b.service, b.category) - need(a.service, a.category))[0];
  return {
    categories: cats.map((c) => ({ key: c, label: t(lang, `category.${c}`) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    services: ofCat.map((p) => ({ key: p.service, label: t(lang, `service.${p.service}`) })),
    chosen: pair
      ? { service: pair.service, category: pair.category, placesPer1000: pair.placesPer1000, source: pair.source, illustrative: isIllustrative(pair.source) }
      : null,
  };
}

export interface GapDelta {
  gap: number;
  coverage: number | null;
  /** −1 desert removed, +1 desert created, 0 unchanged. */
  desert: -1 | 0 | 1;
  label: string;
}

export interface GapUnit {
  id: string;
  name: string;
  regionId: string | null;
  regionName: string;
  inFocus: boolean;
  row: GapRow | null;
  /** The metric's value; null when the need is unknown or zero (coverage). */
  value: number | null;
  /** -1: no figure; -2: no need (coverage); else the legend class. */
  classIndex: number;
  color: string;
  valueLabel: string;
  needLabel: string;
  supplyLabel: string;
  coverageLabel: string;
  gapLabel: string;
  desert: boolean;
  capacityUnknown: boolean;
  needKnown: boolean;
  delta: GapDelta | null;
}

export interface GapRegionRow {
  id: string;
  name: string;
  row: GapRow;
  needLabel: string;
  supplyLabel: string;
  coverageLabel: string;
  gapLabel: string;
  delta: GapDelta | null;
}

export interface GapsView {
  picker: PairPicker;
  pair: PairChoice | null;
  metric: GapMetric;
  metricLabel: string;
  title: string;
  regionId: string | null;
  units: GapUnit[];
  tableUnits: GapUnit[];
  regionRows: GapRegionRow[];
  legend: { title: string; classes: LegendClass[]; noData: LegendClass; noNeed: LegendClass; desert: LegendClass };
  /** In-focus deserts (the dashed outline layer). */
  deserts: string[];
  comparing: boolean;
  defaultNorms: boolean;
  /** The same, for MapPanel (feature-state colours, tooltip, keyboard order). */
  mapView: MapView;
}

/** ColorBrewer RdYlBu (5 classes, colour-blind safe): low coverage red, full coverage blue. */
export const COVERAGE_COLORS = ['#d7191c', '#fdae61', '#ffffbf', '#abd9e9', '#2c7bb6'] as const;
export const COVERAGE_BREAKS = [0.25, 0.5, 0.75, 1] as const;
/** ColorBrewer OrRd: no gap lightest, then up to 4 quantile classes of positive gaps. */
export const GAP_COLORS = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] as const;
export const NO_NEED_COLOR = '#f4f4f4';
export const DESERT_OUTLINE = '#1b1b1b';

export const fmtPlaces = (lang: Lang, v: number): string => formatNumber(lang, v, Math.abs(v) >= 100 ? 0 : 1);
export const fmtPct = (lang: Lang, v: number | null): string => (v === null ? '–' : `${formatNumber(lang, v * 100, 0)} %`);
const signed = (s: string, v: number) => (v > 0 ? `+${s}` : s);

function deltaOf(base: GapRow | undefined, scen: GapRow, lang: Lang): GapDelta | null {
  if (!base) return null;
  const gap = scen.gap - base.gap;
  const coverage = scen.coverage !== null && base.coverage !== null ? scen.coverage - base.coverage : null;
  const desert: -1 | 0 | 1 = base.desert === scen.desert ? 0 : scen.desert ? 1 : -1;
  const parts: string[] = [];
  if (Math.abs(gap) > 1e-9) parts.push(signed(fmtPlaces(lang, gap), gap));
  if (desert < 0) parts.push(t(lang, 'gapsui.desertRemoved'));
  if (desert > 0) parts.push(t(lang, 'gapsui.desertCreated'));
  return { gap, coverage, desert, label: parts.join(' · ') || '0' };
}

export interface GapsInputs {
  ds: Dataset;
  /** The result shown (the scenario's when one is active). */
  result: GapResult;
  /** The baseline, when a scenario is compared with it. */
  baseline: GapResult | null;
  regionId: string | null;
  params: GapsParams;
  selectedUnit: string | null;
  lang: Lang;
}

export function buildGapsView({ ds, result, baseline, regionId, params, selectedUnit, lang }: GapsInputs): GapsView {
  const h = ds.hierarchy;
  const picker = choosePair(result, params, lang);
  const pair = picker.chosen;
  const metric = params.metric;
  const mapped = ds.mapLevel ? h.atLevel(ds.mapLevel) : [];
  const regionOf = (id: string) => h.ancestorAt(id, 'region');
  const noData: LegendClass = { color: NO_DATA_COLOR, label: t(lang, 'gaps.need_unknown'), count: 0 };
  const noNeed: LegendClass = { color: NO_NEED_COLOR, label: t(lang, 'gapsui.noNeed'), count: 0 };

  const rowOf = (id: string) => (pair ? result.get(id, pair.service, pair.category) : undefined);
  const focus = (id: string) => !regionId || regionOf(id)?.id === regionId;
  const rows = mapped.map((u) => ({ u, row: rowOf(u.id) ?? null, inFocus: focus(u.id) }));

  // classes, from the units in focus
  let classes: LegendClass[];
  let classOf: (r: GapRow) => number;
  if (metric === 'coverage') {
    const b = [0, ...COVERAGE_BREAKS];
    classes = COVERAGE_COLORS.map((color, i) => ({
      color,
      label: i === 0 ? `< ${fmtPct(lang, b[1] ?? 0)}` : i === b.length - 1 ? `≥ ${fmtPct(lang, b[i] ?? 1)}` : `${fmtPct(lang, b[i] ?? 0)} – ${fmtPct(lang, b[i + 1] ?? 1)}`,
      count: 0,
    }));
    classOf = (r) => {
      const c = r.coverage ?? 0;
      let k = 0;
      for (const x of COVERAGE_BREAKS) if (c >= x) k++;
      return k;
    };
  } else {
    const positive = rows.filter((x) => x.inFocus && x.row && x.row.needKnown && x.row.gap > 0).map((x) => x.row?.gap ?? 0);
    const cls = classify(positive, 'quantile', 4);
    classes = [{ color: GAP_COLORS[0], label: t(lang, 'gapsui.noGap'), count: 0 }];
    for (let i = 0; i < cls.k; i++) {
      const lo = cls.bounds[i] ?? 0;
      const hi = cls.bounds[i + 1] ?? lo;
      classes.push({ color: GAP_COLORS[i + 1] ?? GAP_COLORS[4], label: lo === hi ? fmtPlaces(lang, lo) : `${fmtPlaces(lang, lo)} – ${fmtPlaces(lang, hi)}`, count: 0 });
    }
    classOf = (r) => (r.gap > 0 ? 1 + Math.max(0, cls.classOf(r.gap)) : 0);
  }

  const desertWord = t(lang, 'gapsui.desertShort');
  const units: GapUnit[] = rows.map(({ u, row, inFocus }) => {
    const region = regionOf(u.id);
    const known = !!row && row.needKnown;
    const hasNeed = known && (row?.need ?? 0) > 0;
    let classIndex = -1;
    let value: number | null = null;
    if (row && known) {
      if (metric === 'gap') {
        value = row.gap;
        classIndex = classOf(row);
      } else if (hasNeed) {
        value = row.coverage;
        classIndex = classOf(row);
      } else classIndex = -2;
    }
    const color = classIndex === -1 ? NO_DATA_COLOR : classIndex === -2 ? NO_NEED_COLOR : (classes[classIndex]?.color ?? NO_DATA_COLOR);
    const desert = !!row?.desert;
    let valueLabel = !row || !known ? t(lang, 'gaps.need_unknown') : classIndex === -2 ? t(lang, 'gapsui.noNeed') : metric === 'gap' ? fmtPlaces(lang, row.gap) : fmtPct(lang, row.coverage);
    if (desert) valueLabel += ` · ${desertWord}`;
    const base = baseline && row && pair ? baseline.get(u.id, pair.service, pair.category) : undefined;
    return {
      id: u.id,
      name: unitName(u, lang),
      regionId: region?.id ?? null,
      regionName: region ? unitName(region, lang) : '',
      inFocus,
      row,
      value,
      classIndex,
      color,
      valueLabel,
      needLabel: row && known ? fmtPlaces(lang, row.need) : '–',
      supplyLabel: row ? fmtPlaces(lang, row.supply) + (row.capacityUnknown ? ' +?' : '') : '–',
      coverageLabel: row && known ? fmtPct(lang, row.coverage) : '–',
      gapLabel: row && known ? fmtPlaces(lang, row.gap) : '–',
      desert,
      capacityUnknown: !!row?.capacityUnknown,
      needKnown: known,
      delta: row && baseline ? deltaOf(base, row, lang) : null,
    };
  }).sort((a, b) => a.name.localeCompare(b.name, lang));
  const tableUnits = units.filter((u) => u.inFocus);
  for (const u of tableUnits) {
    if (u.classIndex === -1) noData.count++;
    else if (u.classIndex === -2) noNeed.count++;
    else {
      const c = classes[u.classIndex];
      if (c) c.count++;
    }
  }
  const deserts = tableUnits.filter((u) => u.desert).map((u) => u.id);

  // region rows: the selected region, or every region and the top aggregate(s)
  const regionRows: GapRegionRow[] = [];
  if (pair) {
    const ids = regionId ? [regionId] : [...ds.regions.map((r) => r.id), ...result.aggregateIds.filter((id) => h.get(id)?.level === 'country')];
    for (const id of ids) {
      const row = result.get(id, pair.service, pair.category);
      const unit = h.get(id);
      if (!row || !unit) continue;
      regionRows.push({
        id,
        name: unitName(unit, lang),
        row,
        needLabel: fmtPlaces(lang, row.need),
        supplyLabel: fmtPlaces(lang, row.supply) + (row.capacityUnknown ? ' +?' : ''),
        coverageLabel: fmtPct(lang, row.coverage),
        gapLabel: fmtPlaces(lang, row.gap),
        delta: baseline ? deltaOf(baseline.get(id, pair.service, pair.category), row, lang) : null,
      });
    }
  }

  const metricLabel = t(lang, metric === 'gap' ? 'gaps.col.gap' : 'gaps.col.coverage');
  const title = pair ? `${t(lang, `service.${pair.service}`)} · ${t(lang, `category.${pair.category}`)}` : '';
  const desertLegend: LegendClass = { color: 'transparent', label: t(lang, 'gaps.desert'), count: deserts.length };
  const mapUnits: MapUnit[] = units.map((u) => ({
    id: u.id,
    name: u.name,
    regionId: u.regionId,
    regionName: u.regionName,
    inFocus: u.inFocus,
    cell:
      u.value !== null
        ? { ok: true, value: u.value, count: u.value, denominator: null, year: null, sources: [], illustrative: false, partial: false, aggregated: false }
        : { ok: false, reason: 'no_data' },
    classIndex: u.classIndex,
    color: u.color,
    valueLabel: u.valueLabel,
    illustrative: false,
  }));
  const selected = selectedUnit ? (mapUnits.find((m) => m.id === selectedUnit) ?? null) : null;
  const legend = { title: `${title} · ${metricLabel}`, classes, noData, noNeed, desert: desertLegend };
  return {
    picker,
    pair,
    metric,
    metricLabel,
    title,
    regionId,
    units,
    tableUnits,
    regionRows,
    legend,
    deserts,
    comparing: !!baseline,
    defaultNorms: result.defaultNorms,
    mapView: {
      indicator: pair ? `${pair.service}:${pair.category}` : null,
      indicatorLabel: `${title} · ${metricLabel}`,
      measure: 'count',
      measureLabel: metricLabel,
      breaks: [],
      level: ds.mapLevel,
      regionId,
      units: mapUnits,
      tableUnits: mapUnits.filter((m) => m.inFocus),
      legend: { title: legend.title, classes, noData, method: '' },
      regions: ds.regions.map((r) => ({ id: r.id, name: unitName(r, lang) })),
      selected,
      illustrative: !!pair?.illustrative,
      sources: pair ? [pair.source] : [],
      years: [],
    },
  };
}

export type GapSortKey = 'name' | 'region' | 'need' | 'supply' | 'coverage' | 'gap' | 'desert' | 'delta';

/** Table rows sorted; missing values always last whatever the direction. */
export function sortGapUnits(rows: readonly GapUnit[], key: GapSortKey, dir: 'asc' | 'desc', lang: Lang): GapUnit[] {
  const sign = dir === 'asc' ? 1 : -1;
  const num = (u: GapUnit): number | null => {
    const r = u.row;
    if (key === 'delta') return u.delta ? u.delta.gap : null;
    if (!r || !u.needKnown) return null;
    if (key === 'need') return r.need;
    if (key === 'supply') return r.supply;
    if (key === 'coverage') return r.coverage;
    if (key === 'gap') return r.gap;
    return r.desert ? 1 : 0;
  };
  return [...rows].sort((a, b) => {
    if (key === 'name' || key === 'region') {
      const x = key === 'name' ? a.name : a.regionName;
      const y = key === 'name' ? b.name : b.regionName;
      return sign * x.localeCompare(y, lang) || a.name.localeCompare(b.name, lang);
    }
    const x = num(a);
    const y = num(b);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name, lang) : x === null ? 1 : -1;
    return sign * (x - y) || a.name.localeCompare(b.name, lang);
  });
}
