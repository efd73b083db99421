// The header's import control: the "Import data" button and panel, the file inputs
// (data-testid="import-input" stays in the page), drop anywhere, save status, parse progress,
// the store notice and the confirmation dialog. Mounted once in the app header.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { useWorkspace } from '../../io/workspace/react';
import { ErrorBoundary } from '../ErrorBoundary';
import { ConfirmDialog } from './ConfirmDialog';
import { DropOverlay } from './DropOverlay';
import { useImportSession, useSessionSnapshot } from './ImportProvider';
import { ImportPanel } from './ImportPanel';
import { ParseProgress } from './ParseProgress';
import { StoreNotice } from './StoreNotice';
import { useImportActions } from './useImportActions';
import './import.css';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xlsm,.json,.geojson,.topojson,.zip,text/csv,application/json,application/zip';

/** The import control, inside its own error boundary. */
export function ImportUI({ lang }: { lang: Lang }) {
  return (
    <ErrorBoundary name={t(lang, 'importui.title')} lang={lang}>
      <ImportControls lang={lang} />
    </ErrorBoundary>
  );
}

function ImportControls({ lang }: { lang: Lang }) {
  const [open, setOpen] = useState(false);
  const openPanel = useCallback(() => setOpen(true), []);
  const actions = useImportActions(openPanel);
  const st = useWorkspace();
  const session = useImportSession();
  const snap = useSessionSnapshot(session);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const wsInput = useRef<HTMLInputElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (folder.current) folder.current.webkitdirectory = true;
  }, []);
  const saveState = !st.persistent ? 'memory' : st.saving === 'idle' ? 'saved' : 'saving';
  return (
    <div className="import-ui">
      <button type="button" className="import-open" data-testid="import-open" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t(lang, 'importui.open')}
        {st.ws.files.length > 0 ? ` (${st.ws.files.length})` : ''}
      </button>
      <span className="small muted save-status" data-testid="workspace-status" data-state={saveState} aria-live="polite">
        {st.ws.files.length + st.ws.aliases.length + st.ws.slices.length > 0 ? t(lang, `importui.save.${saveState}`) : ''}
      </span>
      {snap.phase === 'parsing' && !open && <ParseProgress compact progress={snap.progress} where={snap.where} lang={lang} onCancel={() => session?.cancel()} />}
      <input ref={files} type="file" multiple accept={ACCEPT} className="file-input" data-testid="import-input" tabIndex={-1} aria-label={t(lang, 'importui.pickFiles')} onChange={(e) => actions.fromInput(e.currentTarget)} />
      <input ref={folder} type="file" multiple className="file-input" data-testid="import-folder-input" tabIndex={-1} aria-label={t(lang, 'importui.pickFolder')} onChange={(e) => actions.fromInput(e.currentTarget)} />
      <input ref={wsInput} type="file" accept=".zip,application/zip" className="file-input" data-testid="workspace-input" tabIndex={-1} aria-label={t(lang, 'importui.workspace.import')} onChange={(e) => void actions.workspaceFromInput(e.currentTarget)} />
      <DropOverlay lang={lang} onDrop={actions.fromDrop} />
      <StoreNotice st={st} lang={lang} onExport={actions.exportWorkspace} onReset={actions.askReset} />
      {open && (
        <ErrorBoundary name={t(lang, 'importui.title')} lang={lang}>
          <ImportPanel
            id={panelId}
            lang={lang}
            actions={actions}
            pickFiles={() => files.current?.click()}
            pickFolder={() => folder.current?.click()}
            pickWorkspace={() => wsInput.current?.click()}
            onClose={() => setOpen(false)}
          />
        </ErrorBoundary>
      )}
      {actions.confirm && (
        <ConfirmDialog
          testId="confirm-dialog"
          title={t(lang, actions.confirm.kind === 'reset' ? 'importui.confirm.resetTitle' : 'importui.confirm.replaceTitle')}
          message={t(lang, actions.confirm.kind === 'reset' ? 'importui.confirm.resetText' : 'importui.confirm.replaceText', {
            files: st.ws.files.length,
            aliases: st.ws.aliases.length,
            slices: st.ws.slices.length,
          })}
          confirmLabel={t(lang, actions.confirm.kind === 'reset' ? 'importui.confirm.resetYes' : 'importui.confirm.replaceYes')}
          cancelLabel={t(lang, 'importui.cancel')}
          onConfirm={actions.confirmYes}
          onCancel={actions.confirmNo}
        />
      )}
    </div>
  );
}
