// The compare view (?view=compare): regions or municipalities side by side on one scale, with
// intervals, calls against a benchmark, small multiples, area profiles, scatter and gaps.
// State comes in as props (kept in the URL by the app shell); this component only resolves
// the state against the package and draws the view-models of src/core/compare.
import { useMemo } from 'react';
import { indicatorMeta } from '../../core/compare/metadata';
import { indicatorMetaView } from '../../core/compare/metaView';
import { compareOptions } from '../../core/compare/options';
import { resolveCompareState, type CompareState } from '../../core/compare/state';
import { buildCompareChart, type ChartPrivacy, type CompareChart } from '../../core/compare/views';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { DataPackage } from '../../core/model';
import { ChartFrame, type ChartBody } from './ChartFrame';
import { Controls } from './Controls';
import { MetaBox } from './MetaBox';
import { barsBody } from './charts/Bars';
import { gapsBody } from './charts/Gaps';
import { multiplesBody } from './charts/Multiples';
import { scatterBody } from './charts/Scatter';
import { spineBody } from './charts/Spine';
import './compare.css';

export interface CompareViewProps {
  pkg: DataPackage;
  lang: Lang;
  state: CompareState;
  /** Small-number protection in force, if any. */
  privacy?: ChartPrivacy;
  onChange: (next: CompareState) => void;
}

function bodyOf(chart: Exclude<CompareChart, { kind: 'empty' }>, lang: Lang): ChartBody {
  switch (chart.kind) {
    case 'bars':
      return barsBody(chart.model, lang);
    case 'multiples':
      return multiplesBody(chart.model, chart.panelTitles, lang);
    case 'profile':
      return spineBody(chart.model, chart.rowLabels, lang);
    case 'scatter':
      return scatterBody(chart.model, chart.frame.subtitle[0] ?? '', chart.frame.subtitle[1] ?? '', lang);
    case 'gaps':
      return gapsBody(chart.model, chart.rowLabels, lang);
  }
}

export default function CompareView({ pkg, lang, state, privacy, onChange }: CompareViewProps) {
  const resolved = useMemo(() => resolveCompareState(pkg, state), [pkg, state]);
  const shown = resolved.state;
  const options = useMemo(() => compareOptions(pkg, lang), [pkg, lang]);
  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const chart = useMemo(() => buildCompareChart(pkg, shown, lang, today, privacy), [pkg, shown, lang, today, privacy]);
  const metaKey = shown.chart === 'scatter' ? null : shown.chart === 'bars' || (shown.chart === 'multiples' && shown.multiples === 'by_region') ? shown.indicator : null;
  const meta = useMemo(() => {
    const m = metaKey ? indicatorMeta(pkg, metaKey) : null;
    return m ? indicatorMetaView(m, lang) : null;
  }, [pkg, metaKey, lang]);
  const scatterMetas = useMemo(() => {
    if (shown.chart !== 'scatter') return [];
    return [shown.x, shown.y].map((k) => (k ? indicatorMeta(pkg, k) : null)).flatMap((m) => (m ? [indicatorMetaView(m, lang)] : []));
  }, [pkg, shown.chart, shown.x, shown.y, lang]);

  // Patches apply to the state as shown, so what the user sees is what the URL then says.
  const patch = (p: Partial<CompareState>) => onChange({ ...shown, ...p });

  return (
    <section className="cmp" data-testid="compare-view" aria-labelledby="cmp-title">
      <h2 id="cmp-title">{t(lang, 'compare.title')}</h2>
      {resolved.dropped.length > 0 && (
        <p className="cmp-note" role="status" data-testid="compare-dropped">
          {t(lang, 'compare.dropped', { ids: resolved.dropped.join(', ') })}
        </p>
      )}
      <div className="cmp-layout">
        <aside className="cmp-side">
          <Controls options={options} state={shown} lang={lang} onChange={patch} />
          {meta && <MetaBox view={meta} lang={lang} />}
          {scatterMetas.map((m) => (
            <MetaBox key={m.key} view={m} lang={lang} />
          ))}
        </aside>
        <div className="cmp-main" data-testid="compare-chart" data-chart={chart.kind}>
          {chart.kind === 'empty' ? (
            <p className="cmp-empty" role="status">
              {t(lang, chart.messageKey)}
            </p>
          ) : (
            <ChartFrame frame={chart.frame} body={bodyOf(chart, lang)} table={chart.table} lang={lang} testId={`compare-${chart.kind}`} />
          )}
        </div>
      </div>
    </section>
  );
}
