// The compare view's controls. Every choice is a patch of CompareState (kept in the URL).
import type { CompareOptions } from '../../core/compare/options';
import { CHARTS, type CompareState } from '../../core/compare/state';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';

interface Props {
  options: CompareOptions;
  state: CompareState;
  lang: Lang;
  onChange(patch: Partial<CompareState>): void;
}

function IndicatorSelect({ id, label, value, options, onChange, testId }: { id: string; label: string; value: string | null; options: CompareOptions['indicators']; onChange(v: string): void; testId: string }) {
  return (
    <label htmlFor={id}>
      <span>{label}</span>
      <select id={id} data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} title={o.description}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Controls({ options, state, lang, onChange }: Props) {
  const c = state.chart;
  const usesIndicator = c === 'bars' || (c === 'multiples' && state.multiples === 'by_region');
  const usesArea = c === 'profile' || c === 'scatter' || (c === 'multiples' && state.multiples === 'by_indicator');
  const usesLevel = c === 'bars' || c === 'scatter';
  const usesRegions = c !== 'profile' && !(c === 'multiples' && state.multiples === 'by_indicator');
  const toggleRegion = (id: string, on: boolean) => {
    const set = new Set(state.regions);
    if (on) set.add(id);
    else set.delete(id);
    onChange({ regions: options.regions.map((r) => r.value).filter((r) => set.has(r)) });
  };
  return (
    <div className="cmp-controls" data-testid="compare-controls">
      <div className="cmp-tabs" role="group" aria-label={t(lang, 'compare.chart')}>
        {CHARTS.map((k) => (
          <button key={k} type="button" aria-pressed={c === k} data-testid={`compare-chart-${k}`} onClick={() => onChange({ chart: k })}>
            {t(lang, `compare.chart.${k}`)}
          </button>
        ))}
      </div>
      <div className="cmp-fields">
        {usesLevel && (
          <label htmlFor="cmp-level">
            <span>{t(lang, 'compare.level')}</span>
            <select id="cmp-level" data-testid="compare-level" value={state.level} onChange={(e) => onChange({ level: e.target.value === 'municipality' ? 'municipality' : 'region' })}>
              <option value="region">{t(lang, 'compare.level.region')}</option>
              <option value="municipality">{t(lang, 'compare.level.municipality')}</option>
            </select>
          </label>
        )}
        {usesIndicator && (
          <IndicatorSelect id="cmp-indicator" testId="compare-indicator" label={t(lang, 'compare.indicator')} value={state.indicator} options={options.indicators} onChange={(v) => onChange({ indicator: v })} />
        )}
        {c === 'scatter' && (
          <>
            <IndicatorSelect id="cmp-x" testId="compare-x" label={t(lang, 'compare.x')} value={state.x} options={options.indicators} onChange={(v) => onChange({ x: v })} />
            <IndicatorSelect id="cmp-y" testId="compare-y" label={t(lang, 'compare.y')} value={state.y} options={options.indicators} onChange={(v) => onChange({ y: v })} />
          </>
        )}
        {c === 'multiples' && (
          <label htmlFor="cmp-mult">
            <span>{t(lang, 'compare.multiples')}</span>
            <select id="cmp-mult" data-testid="compare-multiples" value={state.multiples} onChange={(e) => onChange({ multiples: e.target.value === 'by_indicator' ? 'by_indicator' : 'by_region' })}>
              <option value="by_region">{t(lang, 'compare.multiples.by_region')}</option>
              <option value="by_indicator">{t(lang, 'compare.multiples.by_indicator')}</option>
            </select>
          </label>
        )}
        {usesArea && (
          <label htmlFor="cmp-area">
            <span>{t(lang, 'compare.area')}</span>
            <select id="cmp-area" data-testid="compare-area" value={state.area ?? ''} onChange={(e) => onChange({ area: e.target.value || null })}>
              {options.areas.map((g) => (
                <optgroup key={g.group} label={g.group}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        {c === 'bars' && (
          <label htmlFor="cmp-bench">
            <span>{t(lang, 'compare.benchmark')}</span>
            <select id="cmp-bench" data-testid="compare-benchmark" value={state.benchmark ?? ''} onChange={(e) => onChange({ benchmark: e.target.value || null })}>
              {options.benchmarks.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {c !== 'scatter' && c !== 'gaps' && (
          <label htmlFor="cmp-ci">
            <span>{t(lang, 'compare.ci')}</span>
            <select id="cmp-ci" data-testid="compare-ci" value={state.ci} onChange={(e) => onChange({ ci: e.target.value === 'byar' ? 'byar' : 'exact' })}>
              <option value="exact">{t(lang, 'compare.method.poisson_exact')}</option>
              <option value="byar">{t(lang, 'compare.method.byar')}</option>
            </select>
          </label>
        )}
      </div>
      {usesRegions && options.regions.length > 0 && (
        <fieldset className="cmp-regions" data-testid="compare-regions">
          <legend>
            {t(lang, 'compare.regions')}
            {state.regions.length === 0 ? ` — ${t(lang, 'compare.regions.all')}` : ''}
          </legend>
          {options.regions.map((r) => (
            <label key={r.value} className="cmp-check">
              <input type="checkbox" value={r.value} checked={state.regions.includes(r.value)} onChange={(e) => toggleRegion(r.value, e.target.checked)} data-testid={`compare-region-${r.value}`} />
              <span>{r.label}</span>
            </label>
          ))}
          {state.regions.length > 0 && (
            <button type="button" className="link-button" onClick={() => onChange({ regions: [] })}>
              {t(lang, 'compare.regions.all')}
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
