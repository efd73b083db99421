// Region and the four service filters (kept in the URL as sf_* parameters).
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { ServiceFilters as Filters, ServicesView } from '../../core/views/services';

interface Props {
  view: ServicesView;
  regions: { id: string; name: string }[];
  lang: Lang;
  onRegion(id: string | null): void;
  onChange(patch: Partial<Filters>): void;
}

const FIELDS: { key: keyof Filters; options: keyof ServicesView['options'] }[] = [
  { key: 'service', options: 'services' },
  { key: 'category', options: 'categories' },
  { key: 'provider', options: 'providers' },
  { key: 'status', options: 'statuses' },
];

export function ServiceFilters({ view, regions, lang, onRegion, onChange }: Props) {
  const any = Object.values(view.filters).some((v) => v !== null);
  return (
    <div className="controls" data-testid="svc-filters">
      <label>
        <span>{t(lang, 'gapsui.region')}</span>
        <select data-testid="svc-region" value={view.regionId ?? ''} onChange={(e) => onRegion(e.target.value || null)}>
          <option value="">{t(lang, 'gapsui.allRegions')}</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      {FIELDS.map((f) => (
        <label key={f.key}>
          <span>{t(lang, `gapsui.svc.filter.${f.key}`)}</span>
          <select data-testid={`svc-filter-${f.key}`} value={view.filters[f.key] ?? ''} onChange={(e) => onChange({ [f.key]: e.target.value || null })}>
            <option value="">{t(lang, 'gapsui.svc.any')}</option>
            {view.options[f.options].map((o) => (
              <option key={o.key} value={o.key}>{o.label}</option>
            ))}
          </select>
        </label>
      ))}
      {any && (
        <button type="button" onClick={() => onChange({ service: null, category: null, provider: null, status: null })}>{t(lang, 'gapsui.svc.clear')}</button>
      )}
      <p className="small" role="status" data-testid="svc-count">{t(lang, 'gapsui.svc.count', { shown: view.list.length, total: view.total })}</p>
    </div>
  );
}
