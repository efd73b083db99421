// The embed as its own small app: its own entry (chosen in main.tsx before anything else
// loads), so none of the main app's shell, import tools or workspace code is downloaded.
// It shows the published package only: no workspace, no user files, nothing stored.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { prepareDataset } from '../../core/dataset';
import { t } from '../../core/i18n';
import { reconcileViewState } from '../../core/url';
import { DEFAULT_PACKAGE_URL, fetchPackage } from '../../io/fetchPackage';
import { useUrlState } from '../state/useUrlState';
import { EmbedPage } from './EmbedPage';

export function EmbedApp() {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } }));
  return (
    <QueryClientProvider client={client}>
      <EmbedMain />
    </QueryClientProvider>
  );
}

function EmbedMain() {
  const url = useUrlState();
  const { state } = url;
  const lang = state.lang;
  const pkgUrl = state.package ?? DEFAULT_PACKAGE_URL;
  const query = useQuery({ queryKey: ['package', pkgUrl], queryFn: ({ signal }) => fetchPackage(pkgUrl, signal) });
  const ds = useMemo(() => (query.data ? prepareDataset(query.data.pkg) : undefined), [query.data]);
  const effective = useMemo(() => {
    if (!ds) return state;
    return reconcileViewState(state, {
      unitIds: new Set(ds.hierarchy.byId.keys()),
      regionIds: new Set(ds.regions.map((r) => r.id)),
      indicators: new Set(ds.indicators.map((i) => i.key)),
    }).state;
  }, [ds, state]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className="app app-embed" lang={lang}>
      {query.error && <p className="error" role="alert">{t(lang, 'app.loadError', { message: query.error.message })}</p>}
      {query.isPending && <p className="loading" role="status">{t(lang, 'app.loading')}</p>}
      {ds && <EmbedPage ds={ds} state={effective} update={url.update} />}
    </div>
  );
}
