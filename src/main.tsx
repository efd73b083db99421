import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { parseViewState, type View } from './core/url';
import { DEFAULT_PACKAGE_URL, prefetchPackageFiles } from './io/packageFiles';
import './ui/styles.css';

// ?embed=1 loads the embed's own small app; anything else the full app. Both are separate
// chunks, so an embedded map downloads none of the main app's code (and vice versa).
const state = parseViewState(window.location.search).state;
const load: Promise<ComponentType> = state.embed
  ? import('./ui/embed/EmbedApp').then((m) => m.EmbedApp)
  : import('./ui/App').then((m) => m.App);

// Cold load: everything the first view needs is requested now, in parallel, instead of one
// after the other (app code → data → the view's code → MapLibre's worker and the basemap).
// The data package's files (fetchPackage takes this download over) …
prefetchPackageFiles(state.package ?? DEFAULT_PACKAGE_URL);
// … and the page that draws the map (App loads the same chunk lazily; its module also starts
// MapLibre's worker and the basemap download). A failure here is App's to report.
const pages: Partial<Record<View, () => Promise<unknown>>> = {
  map: () => import('./ui/pages/MapPage'),
  gaps: () => import('./ui/pages/GapsPage'),
  services: () => import('./ui/pages/ServicesPage'),
};
if (!state.embed) pages[state.view]?.().catch(() => undefined);

const root = document.getElementById('root');
if (root) {
  void load.then((Root) =>
    createRoot(root).render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
}
