// One entry point for the compare view: state → the chart's view-model, its frame (title,
// subtitle, notes, source and date line, export file name, all already in the user's language)
// and the table behind it. The UI only draws what this returns.
import { formatNumber, t } from '../i18n';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import type { CompareLevel } from './areas';
import { buildGapsCompared, gapsTable, termLabel, type GapsCompared } from './gaps';
import { indicatorLabel, unitLabel, type IndicatorMeta } from './metadata';
import { buildMultiplesByIndicator, buildMultiplesByRegion, type SmallMultiples } from './multiples';
import { buildProfile, profileTable, type Profile } from './profile';
import { buildRankedBars, rankedBarsTable, type RankedBars } from './ranking';
import { buildScatter, scatterTable, type Scatter } from './scatter';
import type { CompareState } from './state';
import type { TableModel } from './table';
import { smallLimit } from '../privacy/config';
import type { Protection } from '../privacy/dataset';

/** Small-number protection in force (URL `suppress`): what is hidden, and the threshold. */
export type ChartPrivacy = Protection;

/** The note under a chart some of whose values small-number protection hides, or null. */
function suppressedNote(lang: Lang, p: ChartPrivacy | undefined, keys: readonly string[], ids: readonly string[]): string | null {
  if (!p) return null;
  let n = 0;
  for (const k of new Set(keys)) {
    const hidden = p.hidden(k);
    for (const id of new Set(ids)) if (hidden.has(id)) n++;
  }
  return n > 0 ? t(lang, 'compare.meta.suppressed', { n, threshold: p.threshold, limit: smallLimit(p) }) : null;
}

export interface ChartFrame {
  title: string;
  subtitle: string[];
  /** Caveats shown under the chart (small numbers, incomplete figures, illustrative data). */
  notes: string[];
  /** Source, year and date, one line, drawn into the chart so exports carry it. */
  footer: string;
  /** Base name for exported files (ASCII, no extension). */
  filename: string;
}

export type CompareChart =
  | { kind: 'bars'; model: RankedBars; frame: ChartFrame; table: TableModel }
  | { kind: 'multiples'; model: SmallMultiples; frame: ChartFrame; table: TableModel; panelTitles: string[] }
  | { kind: 'profile'; model: Profile; frame: ChartFrame; table: TableModel; rowLabels: string[] }
  | { kind: 'scatter'; model: Scatter; frame: ChartFrame; table: TableModel }
  | { kind: 'gaps'; model: GapsCompared; frame: ChartFrame; table: TableModel; rowLabels: string[] }
  | { kind: 'empty'; messageKey: string };

const MAX_SOURCES = 3;

export function footerLine(lang: Lang, sources: readonly string[], year: number | null, today: string): string {
  const shown = sources.slice(0, MAX_SOURCES).join('; ') + (sources.length > MAX_SOURCES ? ` (+${sources.length - MAX_SOURCES})` : '');
  return [
    sources.length ? t(lang, 'compare.meta.source', { source: shown }) : null,
    year !== null ? t(lang, 'compare.meta.year', { year: String(year) }) : null,
    t(lang, 'compare.meta.date', { date: today }),
  ]
    .filter((s): s is string => s !== null)
    .join(' · ');
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80);

/** "per 1,000 population · Higher is worse · 95 % confidence intervals: exact Poisson interval." */
export function metaLines(lang: Lang, meta: IndicatorMeta, method: string | null): string[] {
  return [
    `${unitLabel(lang, meta)} · ${t(lang, `compare.polarity.${meta.polarity}`)}`,
    method ? t(lang, 'compare.method.ci', { method: t(lang, `compare.method.${method}`) }) : t(lang, 'compare.method.none'),
  ];
}

function barsChart(pkg: DataPackage, s: CompareState, lang: Lang, today: string, privacy?: ChartPrivacy): CompareChart {
  if (!s.indicator) return { kind: 'empty', messageKey: 'compare.empty' };
  const model = buildRankedBars(pkg, {
    indicator: s.indicator,
    level: s.level,
    regions: s.regions,
    benchmark: s.benchmark,
    lang,
    rateMethod: s.ci === 'byar' ? 'byar' : 'poisson_exact',
    hidden: privacy?.hidden,
  });
  if (!model) return { kind: 'empty', messageKey: 'compare.empty' };
  if (model.rows.length === 0) return { kind: 'empty', messageKey: 'compare.no_areas' };
  const label = indicatorLabel(lang, model.meta);
  const bench = model.benchmark;
  const benchName = bench.unitId === null ? t(lang, 'compare.benchmark.national') : bench.name;
  const notes = [
    model.method ? t(lang, 'compare.method.small') : null,
    model.rows.some((r) => r.partial) ? t(lang, 'compare.meta.partial') : null,
    bench.partial ? t(lang, 'compare.meta.benchmark_partial') : null,
    model.overDenominator > 0 && model.meta.denominator
      ? t(lang, 'compare.meta.over_denominator', {
          n: model.overDenominator,
          denominator: indicatorLabel(lang, { key: model.meta.denominator, labelKey: `indicator.${model.meta.denominator}` }),
        })
      : null,
    suppressedNote(lang, privacy, [model.meta.key], [...model.rows.map((r) => r.unitId), ...(bench.unitId ? [bench.unitId] : [])]),
    model.illustrative ? t(lang, 'compare.meta.illustrative') : null,
  ].filter((x): x is string => x !== null);
  return {
    kind: 'bars',
    model,
    frame: {
      title: `${label} — ${t(lang, `compare.level.${s.level}`)}`,
      subtitle: [
        ...metaLines(lang, model.meta, model.method),
        `${t(lang, 'compare.benchmark')}: ${t(lang, 'compare.benchmark.line', { name: benchName, value: bench.value === null ? '—' : formatNumber(lang, bench.value, 2) })}`,
      ],
      notes,
      footer: footerLine(lang, model.sources, model.year, today),
      filename: safeName(`compare-bars-${model.meta.key}-${s.level}`),
    },
    table: rankedBarsTable(model, lang),
  };
}

function multiplesChart(pkg: DataPackage, s: CompareState, lang: Lang, today: string, privacy?: ChartPrivacy): CompareChart {
  const opts = { lang, rateMethod: s.ci === 'byar' ? ('byar' as const) : ('poisson_exact' as const), hidden: privacy?.hidden };
  const model =
    s.multiples === 'by_indicator'
      ? s.area
        ? buildMultiplesByIndicator(pkg, s.area, [], opts)
        : null
      : s.indicator
        ? buildMultiplesByRegion(pkg, s.indicator, s.regions, opts)
        : null;
  if (!model || model.panels.length === 0) return { kind: 'empty', messageKey: 'compare.empty' };
  const panelTitles = model.panels.map((p) => (model.mode === 'by_indicator' ? indicatorLabel(lang, p.meta) : p.title));
  const first = model.panels[0]?.meta;
  const title =
    model.mode === 'by_region' && first
      ? `${indicatorLabel(lang, first)} — ${t(lang, 'compare.multiples.by_region')}`
      : `${t(lang, 'compare.multiples.by_indicator')}`;
  const rows = model.panels.flatMap((p, i) => p.units.map((u) => [panelTitles[i] ?? p.id, u.name, u.value === null ? null : Math.round(u.value * 100) / 100, t(lang, `compare.call.${u.call}`)]));
  return {
    kind: 'multiples',
    model,
    panelTitles,
    frame: {
      title,
      subtitle: model.mode === 'by_region' && first ? metaLines(lang, first, first.intervalMethod) : [t(lang, 'compare.benchmark') + ': ' + t(lang, 'compare.benchmark.national')],
      notes: [
        suppressedNote(lang, privacy, model.panels.map((p) => p.meta.key), model.panels.flatMap((p) => p.units.map((u) => u.unitId))),
        model.illustrative ? t(lang, 'compare.meta.illustrative') : null,
      ].filter((x): x is string => x !== null),
      footer: footerLine(lang, model.sources, first?.year ?? null, today),
      filename: safeName(`compare-multiples-${model.mode}-${model.mode === 'by_region' ? (first?.key ?? '') : (s.area ?? '')}`),
    },
    table: {
      columns: [
        { key: 'panel', labelKey: model.mode === 'by_indicator' ? 'compare.col.indicator' : 'compare.col.region', numeric: false },
        { key: 'name', labelKey: 'compare.col.area', numeric: false },
        { key: 'value', labelKey: 'compare.col.value', numeric: true },
        { key: 'call', labelKey: 'compare.col.call', numeric: false },
      ],
      rows,
    },
  };
}

function profileChart(pkg: DataPackage, s: CompareState, lang: Lang, today: string, privacy?: ChartPrivacy): CompareChart {
  if (!s.area) return { kind: 'empty', messageKey: 'compare.area.pick' };
  const model = buildProfile(pkg, s.area, [], { lang, rateMethod: s.ci === 'byar' ? 'byar' : 'poisson_exact', hidden: privacy?.hidden });
  if (!model || model.rows.length === 0) return { kind: 'empty', messageKey: 'compare.empty' };
  const label = (m: IndicatorMeta) => indicatorLabel(lang, m);
  return {
    kind: 'profile',
    model,
    rowLabels: model.rows.map((r) => `${label(r.meta)} (${unitLabel(lang, r.meta)})`),
    frame: {
      title: `${t(lang, 'compare.chart.profile')}: ${model.name}`,
      subtitle: [t(lang, 'compare.spine.legend')],
      notes: [
        t(lang, 'compare.method.small'),
        suppressedNote(lang, privacy, model.rows.map((r) => r.meta.key), [model.unitId]),
        model.illustrative ? t(lang, 'compare.meta.illustrative') : null,
      ].filter((x): x is string => x !== null),
      footer: footerLine(lang, model.sources, null, today),
      filename: safeName(`compare-profile-${model.unitId}`),
    },
    table: profileTable(model, lang, label),
  };
}

function scatterChart(pkg: DataPackage, s: CompareState, lang: Lang, today: string, privacy?: ChartPrivacy): CompareChart {
  if (!s.x || !s.y) return { kind: 'empty', messageKey: 'compare.empty' };
  const model = buildScatter(pkg, { x: s.x, y: s.y, level: s.level, regions: s.regions, area: s.area }, { lang, hidden: privacy?.hidden });
  if (!model) return { kind: 'empty', messageKey: 'compare.empty' };
  const label = (m: IndicatorMeta) => indicatorLabel(lang, m);
  const notes = [
    model.r !== null ? t(lang, 'compare.scatter.r', { r: formatNumber(lang, model.r, 2), n: model.points.length }) : null,
    model.missing.length ? t(lang, 'compare.scatter.missing', { n: model.missing.length }) : null,
    suppressedNote(lang, privacy, [model.x.key, model.y.key], [...model.points.map((p) => p.unitId), ...model.missing.map((m) => m.unitId)]),
    model.illustrative ? t(lang, 'compare.meta.illustrative') : null,
  ].filter((x): x is string => x !== null);
  return {
    kind: 'scatter',
    model,
    frame: {
      title: `${label(model.y)} × ${label(model.x)} — ${t(lang, `compare.level.${s.level as CompareLevel}`)}`,
      subtitle: [`↔ ${label(model.x)} (${unitLabel(lang, model.x)})`, `↕ ${label(model.y)} (${unitLabel(lang, model.y)})`],
      notes,
      footer: footerLine(lang, model.sources, model.x.year, today),
      filename: safeName(`compare-scatter-${model.x.key}-${model.y.key}-${s.level}`),
    },
    table: scatterTable(model, label),
  };
}

function gapsChart(pkg: DataPackage, s: CompareState, lang: Lang, today: string): CompareChart {
  const model = buildGapsCompared(pkg, s.regions, lang);
  if (model.rows.length === 0) return { kind: 'empty', messageKey: 'compare.gaps.none' };
  const notes = [
    model.defaultNorms ? t(lang, 'compare.gaps.default_norms') : null,
    model.rows.some((r) => r.cells.some((c) => c.capacityUnknown)) ? t(lang, 'compare.gaps.capacity_unknown') : null,
    model.rows.some((r) => r.cells.some((c) => c.needIncomplete)) ? t(lang, 'compare.gaps.need_incomplete') : null,
    model.illustrative ? t(lang, 'compare.meta.illustrative') : null,
  ].filter((x): x is string => x !== null);
  return {
    kind: 'gaps',
    model,
    rowLabels: model.rows.map((r) => `${termLabel(lang, `service.${r.service}`)} · ${termLabel(lang, `category.${r.category}`)}`),
    frame: {
      title: t(lang, 'compare.chart.gaps'),
      subtitle: [t(lang, 'compare.gaps.subtitle')],
      notes,
      footer: footerLine(lang, model.sources, null, today),
      filename: 'compare-gaps-regions',
    },
    table: gapsTable(model, lang),
  };
}

/**
 * The chart for a resolved state (see resolveCompareState). `today` is the ISO date shown;
 * `privacy`: small-number protection in force (counts of people by indicator and area).
 */
export function buildCompareChart(pkg: DataPackage, state: CompareState, lang: Lang, today: string, privacy?: ChartPrivacy): CompareChart {
  switch (state.chart) {
    case 'bars':
      return barsChart(pkg, state, lang, today, privacy);
    case 'multiples':
      return multiplesChart(pkg, state, lang, today, privacy);
    case 'profile':
      return profileChart(pkg, state, lang, today, privacy);
    case 'scatter':
      return scatterChart(pkg, state, lang, today, privacy);
    case 'gaps':
      return gapsChart(pkg, state, lang, today);
  }
}
