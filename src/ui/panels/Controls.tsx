import { CLASS_METHODS, type ClassMethod } from '../../core/classify';
import type { Dataset } from '../../core/dataset';
import { t } from '../../core/i18n';
import { MEASURES, type Measure } from '../../core/indicators';
import type { Lang } from '../../core/keys';
import { SUPPRESS_PARAM } from '../../core/privacy/config';
import { withRestParam, type ViewState } from '../../core/url';
import { indicatorLabel, type MapView } from '../../core/views/map';
import { BreaksInput } from './BreaksInput';

interface Props {
  ds: Dataset;
  view: MapView;
  state: ViewState;
  lang: Lang;
  onChange(patch: Partial<ViewState>): void;
}

export function Controls({ ds, view, state, lang, onChange }: Props) {
  return (
    <div className="controls">
      <label>
        <span>{t(lang, 'controls.region')}</span>
        <select data-testid="region-select" value={state.region ?? ''} onChange={(e) => onChange({ region: e.target.value || null, unit: null })}>
          <option value="">{t(lang, 'controls.allRegions')}</option>
          {view.regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'controls.indicator')}</span>
        <select data-testid="indicator-select" value={view.indicator ?? ''} onChange={(e) => onChange({ indicator: e.target.value || null })}>
          {ds.indicators.map((i) => (
            <option key={i.key} value={i.key}>
              {indicatorLabel(i.key, lang)}{i.illustrative ? ` (${t(lang, 'app.illustrative')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'controls.measure')}</span>
        <select data-testid="measure-select" value={state.measure} onChange={(e) => onChange({ measure: e.target.value as Measure })}>
          {MEASURES.map((m) => (
            <option key={m} value={m}>{t(lang, `measure.${m}`)}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'controls.classification')}</span>
        <select
          data-testid="class-select"
          value={state.classification}
          onChange={(e) => {
            const m = e.target.value as ClassMethod;
            // manual limits start from the classes on screen
            onChange(m === 'manual' && state.breaks.length === 0 ? { classification: m, breaks: view.breaks } : { classification: m });
          }}
        >
          {CLASS_METHODS.map((m) => (
            <option key={m} value={m}>{t(lang, `map.class.${m}`)}</option>
          ))}
        </select>
      </label>
      {state.classification === 'manual' && <BreaksInput breaks={state.breaks} lang={lang} onChange={(breaks) => onChange({ breaks })} />}
      <label className="check">
        <input
          type="checkbox"
          data-testid="suppress-toggle"
          checked={view.privacy?.enabled ?? false}
          onChange={(e) => onChange({ rest: withRestParam(state, SUPPRESS_PARAM, e.target.checked ? '1' : null).rest })}
        />
        <span>{t(lang, 'embed.protectionToggle', { threshold: view.privacy?.threshold ?? 4 })}</span>
      </label>
    </div>
  );
}
