import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { parseViewState } from './core/url';
import './ui/styles.css';

// ?embed=1 loads the embed's own small app; anything else the full app. Both are separate
// chunks, so an embedded map downloads none of the main app's code (and vice versa).
const embed = parseViewState(window.location.search).state.embed;
const load: Promise<ComponentType> = embed
  ? import('./ui/embed/EmbedApp').then((m) => m.EmbedApp)
  : import('./ui/App').then((m) => m.App);

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
