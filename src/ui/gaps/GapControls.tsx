// Region, category, service (only pairs with a norm), metric and distance mode.
import { formatNumber, t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { GapMetric, GapsParams, GapsView } from '../../core/views/gaps';

interface Props {
  view: GapsView;
  params: GapsParams;
  regions: { id: string; name: string }[];
  regionId: string | null;
  lang: Lang;
  onRegion(id: string | null): void;
  onChange(patch: Partial<GapsParams>): void;
}

const DISTANCES = [10, 20, 30, 50];

export function GapControls({ view, params, regions, regionId, lang, onRegion, onChange }: Props) {
  const { picker, pair } = view;
  return (
    <div className="controls">
      <label>
        <span>{t(lang, 'gapsui.region')}</span>
        <select data-testid="gaps-region" value={regionId ?? ''} onChange={(e) => onRegion(e.target.value || null)}>
          <option value="">{t(lang, 'gapsui.allRegions')}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'gapsui.category')}</span>
        <select data-testid="gaps-category" value={pair?.category ?? ''} onChange={(e) => onChange({ category: e.target.value || null, service: null })}>
          {picker.categories.map((c) => (
            <option key={c.key} value={c.key}>{c.label}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'gapsui.service')}</span>
        <select data-testid="gaps-service" value={pair?.service ?? ''} onChange={(e) => onChange({ service: e.target.value || null, category: pair?.category ?? null })}>
          {picker.services.map((s) => (
            <option key={s.key} value={s.key}>{s.label}</option>
          ))}
        </select>
      </label>
      {pair && (
        <p className="small muted" data-testid="gaps-norm">
          {t(lang, 'gapsui.norm', { value: formatNumber(lang, pair.placesPer1000, 1) })}
          {pair.illustrative && <span className="badge-illustrative"> {t(lang, 'gapsui.illustrative')}</span>}
        </p>
      )}
      <fieldset className="gaps-metric">
        <legend>{t(lang, 'gapsui.metric')}</legend>
        {(['coverage', 'gap'] as GapMetric[]).map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="gaps-metric" data-testid={`gaps-metric-${m}`} checked={params.metric === m} onChange={() => onChange({ metric: m })} />
            {t(lang, `gapsui.metric.${m}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t(lang, 'gapsui.distance')}</span>
        <select data-testid="gaps-distance" value={params.distanceKm ?? ''} onChange={(e) => onChange({ distanceKm: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t(lang, 'gapsui.distanceOff')}</option>
          {[...new Set([...DISTANCES, ...(params.distanceKm ? [params.distanceKm] : [])])].sort((a, b) => a - b).map((d) => (
            <option key={d} value={d}>{formatNumber(lang, d, 0)} km</option>
          ))}
        </select>
      </label>
      {params.distanceKm && <p className="small muted">{t(lang, 'gapsui.distanceNote')}</p>}
    </div>
  );
}
