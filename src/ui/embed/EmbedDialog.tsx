// "Embed this map": builds the <iframe> snippet for the current view, previews it and copies
// it. A native <dialog> (modal: focus stays inside, Escape closes, focus returns to the button).
import { useRef, useState } from 'react';
import { t } from '../../core/i18n';
import type { ViewState } from '../../core/url';
import type { MapView } from '../../core/views/map';
import { embedState, HEIGHT_MAX, HEIGHT_MIN, urlFor } from './params';
import { iframeSnippet } from './snippet';
import './dialog.css';

interface Props {
  state: ViewState;
  view: MapView;
}

const DEFAULT_FRAME = 640;

export function EmbedDialog({ state, view }: Props) {
  const lang = state.lang;
  const dialog = useRef<HTMLDialogElement>(null);
  const code = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [height, setHeight] = useState(DEFAULT_FRAME);
  const [services, setServices] = useState(false);
  const [status, setStatus] = useState('');

  const src = urlFor(window.location.href, embedState(state, { services }));
  const by = view.level ? t(lang, `embed.by.${view.level}`) : '';
  const region = view.regions.find((r) => r.id === view.regionId)?.name;
  const title = t(lang, 'embed.frameTitle', { indicator: view.indicatorLabel, by, title: region ?? t(lang, 'app.title') });
  const script = new URL('embed-resize.js', new URL('./', window.location.href)).toString();
  const snippet = iframeSnippet({ src, title, height, resizeScript: script });

  const show = () => {
    setStatus('');
    setOpen(true);
    dialog.current?.showModal();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus(t(lang, 'embed.copied'));
    } catch {
      // No clipboard permission (or no secure context): select the code for Ctrl+C.
      code.current?.focus();
      code.current?.select();
      setStatus(t(lang, 'embed.copyManual'));
    }
  };

  return (
    <>
      <button type="button" className="embed-open" data-testid="embed-open" onClick={show}>
        {t(lang, 'embed.open')}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-dialog-title" data-testid="embed-dialog" onClose={() => setOpen(false)}>
        <div className="embed-dialog-head">
          <h2 id="embed-dialog-title">{t(lang, 'embed.dialogTitle')}</h2>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t(lang, 'embed.close')}
          </button>
        </div>
        <p className="small">{t(lang, 'embed.dialogIntro')}</p>
        <div className="embed-dialog-options">
          <label>
            <span>{t(lang, 'embed.height')}</span>
            <input
              type="number"
              min={HEIGHT_MIN}
              max={HEIGHT_MAX}
              step={20}
              value={height}
              data-testid="embed-height"
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isFinite(n)) setHeight(Math.max(HEIGHT_MIN, Math.min(HEIGHT_MAX, Math.round(n))));
              }}
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={services} onChange={(e) => setServices(e.target.checked)} />
            <span>{t(lang, 'embed.withServices')}</span>
          </label>
        </div>
        <label className="embed-code">
          <span>{t(lang, 'embed.code')}</span>
          <textarea ref={code} readOnly rows={5} value={snippet} data-testid="embed-code" onFocus={(e) => e.currentTarget.select()} />
        </label>
        <p className="small muted">{t(lang, 'embed.resizeNote')}</p>
        <div className="embed-dialog-actions">
          <button type="button" data-testid="embed-copy" onClick={() => void copy()}>
            {t(lang, 'embed.copy')}
          </button>
          <span role="status" className="small">
            {status}
          </span>
        </div>
        <h3>{t(lang, 'embed.preview')}</h3>
        {open && (
          <iframe className="embed-preview" src={src} title={title} loading="lazy" height={height} data-testid="embed-preview" referrerPolicy="no-referrer" />
        )}
      </dialog>
    </>
  );
}
