import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { prepareDataset } from '../core/dataset';
import { t } from '../core/i18n';
import { LANGS, type Lang } from '../core/keys';
import { reconcileViewState } from '../core/url';
import { buildUnitDetails } from '../core/views/details';
import { buildMapGeometry } from '../core/views/geometry';
import { buildMapView } from '../core/views/map';
import { DEFAULT_PACKAGE_URL, fetchPackage } from '../io/fetchPackage';
import { MapPanel } from './map/MapPanel';
import { Controls } from './panels/Controls';
import { DataTable } from './panels/DataTable';
import { DetailsPanel } from './panels/DetailsPanel';
import { Legend } from './panels/Legend';
import { useUrlState } from './state/useUrlState';

const LANG_NAMES: Record<Lang, string> = { sq: 'Shqip', mk: 'Македонски', en: 'English' };

export function App() {
  // One client per app instance (embeddable: no module-level singletons).
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } }));
  return (
    <QueryClientProvider client={client}>
      <Main />
    </QueryClientProvider>
  );
}

function Main() {
  const url = useUrlState();
  const { state } = url;
  const lang = state.lang;
  const packageUrl = state.package ?? DEFAULT_PACKAGE_URL;
  const query = useQuery({
    queryKey: ['package', packageUrl],
    queryFn: async ({ signal }) => prepareDataset((await fetchPackage(packageUrl, signal)).pkg),
  });
  const ds = query.data;

  // Ids in the URL are checked against the data once it is there.
  const checked = useMemo(() => {
    if (!ds) return { state, notes: [] };
    return reconcileViewState(state, {
      unitIds: new Set(ds.hierarchy.byId.keys()),
      regionIds: new Set(ds.regions.map((r) => r.id)),
      indicators: new Set(ds.indicators.map((i) => i.key)),
    });
  }, [ds, state]);
  const effective = checked.state;
  const notes = [...url.notes, ...checked.notes];

  const geometry = useMemo(() => (ds ? buildMapGeometry(ds) : null), [ds]);
  const view = useMemo(() => (ds ? buildMapView(ds, effective, lang) : null), [ds, effective, lang]);
  const details = useMemo(() => (ds && effective.unit ? buildUnitDetails(ds, effective.unit, lang) : null), [ds, effective.unit, lang]);
  const focusBounds = geometry ? ((effective.region && geometry.regionBounds.get(effective.region)) || geometry.bounds) : null;

  return (
    <div className="app" lang={lang}>
      <header className="app-header">
        <div className="brand">
          <h1>{t(lang, 'app.title')}</h1>
          <p className="tagline">{t(lang, 'app.tagline')}</p>
        </div>
        {ds?.illustrative && (
          <p className="illustrative-banner" role="note" data-testid="illustrative-banner">
            <strong>{t(lang, 'app.illustrative')}</strong> — {t(lang, 'app.illustrativeNote')}
          </p>
        )}
        <label className="lang">
          <span>{t(lang, 'app.language')}</span>
          <select data-testid="lang-select" value={lang} onChange={(e) => url.update({ lang: e.target.value as Lang })}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>
            ))}
          </select>
        </label>
      </header>
      {notes.length > 0 && (
        <div className="url-notes" role="status" data-testid="url-notes">
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{t(lang, n.reason === 'invalid' || n.reason === 'duplicate' ? 'app.urlNote' : 'app.urlNoteUnknown', { param: n.param, value: n.value })}</li>
            ))}
          </ul>
          <button type="button" onClick={url.dismissNotes}>{t(lang, 'app.dismiss')}</button>
        </div>
      )}
      {query.isPending && <p className="loading" role="status">{t(lang, 'app.loading')}</p>}
      {query.isError && <p className="error" role="alert">{t(lang, 'app.loadError', { message: String(query.error.message) })}</p>}
      {ds && view && geometry && (
        <div className="layout">
          <aside className="sidebar">
            <Controls ds={ds} view={view} state={effective} lang={lang} onChange={(p) => url.update(p)} />
            <Legend view={view} lang={lang} />
            {details && <DetailsPanel details={details} lang={lang} onClose={() => url.update({ unit: null })} />}
          </aside>
          <main className="main">
            <MapPanel geometry={geometry} view={view} lang={lang} focusBounds={focusBounds} onSelect={(id) => url.update({ unit: id })} />
            <DataTable view={view} lang={lang} onSelect={(id) => url.update({ unit: id })} />
          </main>
        </div>
      )}
      <footer className="app-footer small muted">
        {t(lang, 'app.attribution', { sources: ds ? ds.pkg.meta.sources.map((s) => s.title + (s.date ? ` (${s.date})` : '')).join('; ') : '' })}
      </footer>
    </div>
  );
}
