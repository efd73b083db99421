// buildMapView with its per-hierarchy frame (names, regions, name order built once) gives the
// same view-model as the version that rebuilt everything per call (kept here as the reference):
// every language, measure, region focus, selection and small-number protection.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, NO_DATA, NO_DATA_COLOR, paletteFor, type Classification } from '../../src/core/classify';
import { prepareDataset, unitName, type Dataset } from '../../src/core/dataset';
import { t } from '../../src/core/i18n';
import { computeCells, type Cell } from '../../src/core/indicators';
import type { Lang } from '../../src/core/keys';
import type { Observation } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { parsePrivacy, SUPPRESS_PARAM } from '../../src/core/privacy/config';
import { maskCell, suppressionFor } from '../../src/core/privacy/dataset';
import { suppressedLabel } from '../../src/core/privacy/labels';
import { parseViewState, restParam, type ViewState } from '../../src/core/url';
import { buildMapView, defaultIndicator, formatValue, indicatorLabel, SUPPRESSED_COLOR, type LegendClass, type MapUnit, type MapView } from '../../src/core/views/map';
import { formatNumber } from '../../src/core/i18n';

function referenceMapView(ds: Dataset, state: ViewState, lang: Lang): MapView {
  const h = ds.hierarchy;
  const level = ds.mapLevel;
  const indicator = state.indicator ?? defaultIndicator(ds);
  const measure = state.measure;
  const mapped = level ? h.atLevel(level) : [];
  const cells = indicator
    ? computeCells(mapped.map((u) => u.id), { indicator, measure }, h, ds.index)
    : new Map<string, Cell>();
  // Small-number protection: hidden values never reach the view-model, so no label, colour,
  // class bound or sort order can reveal them.
  const privacy = parsePrivacy(restParam(state, SUPPRESS_PARAM), state.embed);
  const hidden = suppressionFor(ds, indicator, privacy);
  for (const [id, s] of hidden) if (cells.has(id)) cells.set(id, maskCell(cells.get(id) as Cell, s));
  const regionOf = (id: string) => h.ancestorAt(id, 'region');
  const inFocus = (id: string) => !state.region || regionOf(id)?.id === state.region;

  const focusValues = mapped.filter((u) => inFocus(u.id)).map((u) => {
    const c = cells.get(u.id);
    return c?.ok ? c.value : null;
  });
  const cls: Classification = classify(focusValues, state.classification, state.classes, state.breaks);
  const palette = paletteFor(cls.k);

  const units: MapUnit[] = mapped
    .map((u) => {
      const cell: Cell = cells.get(u.id) ?? { ok: false, reason: 'no_data' };
      const classIndex = cell.ok ? cls.classOf(cell.value) : NO_DATA;
      const region = regionOf(u.id);
      const suppressed = hidden.get(u.id) ?? null;
      return {
        id: u.id,
        name: unitName(u, lang),
        regionId: region?.id ?? null,
        regionName: region ? unitName(region, lang) : '',
        inFocus: inFocus(u.id),
        cell,
        classIndex,
        color: suppressed ? SUPPRESSED_COLOR : classIndex === NO_DATA ? NO_DATA_COLOR : (palette[classIndex] ?? NO_DATA_COLOR),
        valueLabel: suppressed ? suppressedLabel(lang, suppressed, measure, privacy) : formatValue(cell, measure, lang),
        illustrative: cell.ok && cell.illustrative,
        suppressed,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, lang));
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
    breaks: cls.bounds.slice(1, -1),
    privacy,
    regions: ds.regions.map((r) => ({ id: r.id, name: unitName(r, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang)),
    selected: selectedUnit,
    illustrative: tableUnits.some((u) => u.illustrative),
    sources: info?.sources ?? [],
    years: info?.years ?? [],
  };
}

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${p}`, import.meta.url)));
const units = readPackage(null, [{ path: 'mk-units.geojson', bytes: fixture('mk-units.geojson') }]).pkg.units;
const munis = units.filter((u) => u.level === 'municipality');
const obs = (unitId: string, indicator: string, value: number): Observation => ({ unitId, indicator, value, year: 2021, unit: 'count', source: 'census', note: '' });
const ds: Dataset = prepareDataset({
  meta: { name: '', title: '', description: '', sources: [], licenses: [] },
  units,
  // some units without a value; small counts for the protection
  observations: munis.flatMap((u, i) => (i % 7 === 3 ? [] : [obs(u.id, 'population', 1000 + 37 * i), obs(u.id, 'elderly', i % 5)])),
  services: [],
  capacities: [],
  norms: [],
});

describe('buildMapView', () => {
  it('equals the per-call reference for every language, measure, focus, selection and protection', () => {
    const regions = ds.regions.map((r) => r.id);
    const queries = ['', 'indicator=elderly', 'indicator=elderly&measure=per1000', 'measure=per_km2', `region=${regions[1]}`, `region=${regions[0]}&indicator=elderly&class=equal&classes=3`, `unit=${munis[4]?.id}`, 'indicator=elderly&suppress=1', 'indicator=nothing'];
    for (const lang of ['sq', 'mk', 'en'] as Lang[]) {
      for (const q of queries) {
        const state: ViewState = { ...parseViewState(`?${q}`).state, lang };
        const want = referenceMapView(ds, state, lang);
        // twice: the second call uses the cached frame
        expect(buildMapView(ds, state, lang)).toEqual(want);
        expect(buildMapView(ds, state, lang)).toEqual(want);
      }
    }
  });
});
