import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { t } from '../core/i18n';
import { LANGS, type Lang } from '../core/keys';
import { reconcileViewState, VIEWS, type View } from '../core/url';
import { useDataset } from './data/useDataset';
import { ErrorBoundary } from './ErrorBoundary';
import { ImportProvider } from './import/ImportProvider';
import { ImportUI } from './import/ImportUI';
import { useUrlState } from './state/useUrlState';

// Every page is loaded on demand (its own chunk). Add a page the same way: lazy(() => import(...)).
// ?embed=1 never reaches this app: main.tsx loads src/ui/embed/EmbedApp instead.
const MapPage = lazy(() => import('./pages/MapPage').then((m) => ({ default: m.MapPage })));
const ComparePage = lazy(() => import('./pages/ComparePage').then((m) => ({ default: m.ComparePage })));
const DocsPage = lazy(() => import('./pages/DocsPage').then((m) => ({ default: m.DocsPage })));
const GapsPage = lazy(() => import('./pages/GapsPage').then((m) => ({ default: m.GapsPage })));
const ServicesPage = lazy(() => import('./pages/ServicesPage').then((m) => ({ default: m.ServicesPage })));

const LANG_NAMES: Record<Lang, string> = { sq: 'Shqip', mk: 'Македонски', en: 'English' };
/** Views that exist in this build (others fall back to the map). */
const AVAILABLE: readonly View[] = ['map', 'compare', 'gaps', 'services', 'docs'];

export function App() {
  // One client per app instance (embeddable: no module-level singletons).
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } }));
  return (
    <QueryClientProvider client={client}>
      <ImportProvider>
        <Main />
      </ImportProvider>
    </QueryClientProvider>
  );
}

function Main() {
  const url = useUrlState();
  const { state } = url;
  const lang = state.lang;
  const { ds, pending, error } = useDataset(state.package);

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
  const view: View = AVAILABLE.includes(effective.view) ? effective.view : 'map';
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const loading = <p className="loading" role="status">{t(lang, 'app.loading')}</p>;

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
        <ImportUI lang={lang} />
        <label className="lang">
          <span>{t(lang, 'app.language')}</span>
          <select data-testid="lang-select" value={lang} onChange={(e) => url.update({ lang: e.target.value as Lang })}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>
            ))}
          </select>
        </label>
      </header>
      {AVAILABLE.length > 1 && (
        <nav className="app-nav" aria-label={t(lang, 'app.title')}>
          {VIEWS.filter((v) => AVAILABLE.includes(v)).map((v) => (
            <button key={v} type="button" aria-current={v === view ? 'page' : undefined} data-testid={`nav-${v}`} onClick={() => url.update({ view: v })}>
              {t(lang, `nav.${v}`)}
            </button>
          ))}
        </nav>
      )}
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
      {pending && <p className="loading" role="status">{t(lang, 'app.loading')}</p>}
      {error && <p className="error" role="alert">{t(lang, 'app.loadError', { message: error.message })}</p>}
      {/* one boundary per view (reset when the view changes): a view that fails — its code
          could not be loaded, or it threw — says so, and the header and other views still work */}
      <ErrorBoundary key={view} name={t(lang, `nav.${view}`)} lang={lang}>
        <Suspense fallback={loading}>
          {ds && view === 'map' && <MapPage ds={ds} state={effective} update={url.update} />}
          {ds && view === 'compare' && <ComparePage ds={ds} state={effective} update={url.update} />}
          {ds && view === 'gaps' && <GapsPage ds={ds} state={effective} update={url.update} />}
          {ds && view === 'services' && <ServicesPage ds={ds} state={effective} update={url.update} />}
          {ds && view === 'docs' && <DocsPage ds={ds} state={effective} update={url.update} />}
        </Suspense>
      </ErrorBoundary>
      <footer className="app-footer small muted">
        {t(lang, 'app.attribution', { sources: ds ? ds.pkg.meta.sources.map((s) => s.title + (s.date ? ` (${s.date})` : '')).join('; ') : '' })}
      </footer>
    </div>
  );
}
