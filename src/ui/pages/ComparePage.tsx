// Mounts the compare view (lazy-loaded) and keeps its state in the URL: its parameters travel
// with the app's own (`indicator` is shared), so a copied link reopens the same comparison.
import { lazy, Suspense, useMemo } from 'react';
import { COMPARE_PARAMS, parseCompareParams, writeCompareParams, type CompareState } from '../../core/compare/state';
import { t } from '../../core/i18n';
import { protectionOf } from '../../core/privacy/dataset';
import { serializeViewState } from '../../core/url';
import type { PageProps } from './MapPage';
import { usePrivacy } from './usePrivacy';

const CompareView = lazy(() => import('../compare/CompareView'));
const OWNED = new Set<string>(COMPARE_PARAMS);

export function ComparePage({ ds, state, update }: PageProps) {
  const compareState = useMemo(() => parseCompareParams(new URLSearchParams(serializeViewState(state))), [state]);
  // small-number protection (URL `suppress`, as on the map) hides the same values here
  const config = usePrivacy(state);
  const privacy = useMemo(() => protectionOf(ds, config), [ds, config]);
  const onChange = (next: CompareState) => {
    const p = new URLSearchParams();
    writeCompareParams(next, p);
    const rest = state.rest.filter(([k]) => !OWNED.has(k));
    for (const [k, v] of p) if (k !== 'indicator') rest.push([k, v]);
    update({ indicator: p.get('indicator'), rest });
  };
  return (
    <Suspense fallback={<p role="status">{t(state.lang, 'app.loading')}</p>}>
      <CompareView pkg={ds.pkg} lang={state.lang} state={compareState} privacy={privacy} onChange={onChange} />
    </Suspense>
  );
}
