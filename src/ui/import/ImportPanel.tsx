// The import panel: ways in (files, folder, workspace), the size limit, progress with Cancel,
// refused files, the join report, the user's aliases, and the workspace actions.
import { useMemo } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { Unit } from '../../core/model';
import { formatMegabytes } from '../../io/files';
import { useWorkspace, useWorkspaceStore } from '../../io/workspace/react';
import { AliasList } from './AliasList';
import { ErrorBoundary } from '../ErrorBoundary';
import { useImportSession, useSessionSnapshot } from './ImportProvider';
import { JoinReport } from './JoinReport';
import { ParseProgress } from './ParseProgress';
import { SIZE_LIMIT, type ImportActions } from './useImportActions';

interface Props {
  id: string;
  lang: Lang;
  actions: ImportActions;
  pickFiles(): void;
  pickFolder(): void;
  pickWorkspace(): void;
  onClose(): void;
}

export function ImportPanel({ id, lang, actions, pickFiles, pickFolder, pickWorkspace, onClose }: Props) {
  const store = useWorkspaceStore();
  const st = useWorkspace();
  const session = useImportSession();
  const snap = useSessionSnapshot(session);
  // the latest result, shown once the page shows its data
  const result = session?.reportable() ?? null;
  const units = useMemo(() => new Map<string, Unit>((result?.units ?? []).map((u) => [u.id, u])), [result]);
  const current = result !== null && result.files.length === st.ws.files.length && result.files.every((f, i) => st.ws.files[i]?.id === f.id);
  return (
    <section id={id} className="import-panel" role="region" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <header className="import-panel-head">
        <h2 id={`${id}-title`}>{t(lang, 'importui.title')}</h2>
        <button type="button" aria-label={t(lang, 'importui.close')} onClick={onClose}>×</button>
      </header>
      <p className="small">{t(lang, 'importui.intro', { limit: formatMegabytes(SIZE_LIMIT) })}</p>
      <div className="import-buttons">
        <button type="button" data-testid="pick-files" onClick={pickFiles}>{t(lang, 'importui.pickFiles')}</button>
        <button type="button" onClick={pickFolder}>{t(lang, 'importui.pickFolder')}</button>
      </div>
      {actions.busy && <p role="status">{t(lang, 'importui.reading')}</p>}
      {snap.phase === 'parsing' && <ParseProgress progress={snap.progress} where={snap.where} lang={lang} onCancel={() => session?.cancel()} />}
      {snap.phase === 'suspended' && (
        <p role="status" className="import-suspended">
          {t(lang, 'importui.suspended')} <button type="button" onClick={() => session?.resume()}>{t(lang, 'importui.resume')}</button>
        </p>
      )}
      {snap.phase === 'error' && <p role="alert" className="error">{t(lang, 'importui.parseError', { detail: snap.error ?? '' })}</p>}
      {actions.notice && (
        <p role={actions.notice.kind === 'error' ? 'alert' : 'status'} className={actions.notice.kind === 'error' ? 'error' : 'info'} data-testid="import-notice">
          {t(lang, actions.notice.key, actions.notice.params)}{' '}
          <button type="button" className="link-button" onClick={actions.dismissNotice}>{t(lang, 'importui.dismiss')}</button>
        </p>
      )}
      {actions.refused.length > 0 && (
        <div role="alert" className="refused" data-testid="refused">
          <ul>
            {actions.refused.map((r, i) => (
              <li key={i}>{t(lang, `importui.refused.${r.reason}`, { path: r.path, size: formatMegabytes(r.size), limit: formatMegabytes(r.limit) })}</li>
            ))}
          </ul>
        </div>
      )}
      {st.ws.files.length === 0 && <p className="muted">{t(lang, 'importui.empty')}</p>}
      {result && store && (current || snap.phase !== 'parsing') && (
        <ErrorBoundary name={t(lang, 'importui.join.title')} lang={lang}>
          <JoinReport result={result} ws={st.ws} store={store} lang={lang} />
        </ErrorBoundary>
      )}
      {store && <AliasList aliases={st.ws.aliases} units={units} lang={lang} onRemove={(k) => store.setAlias(k, null)} />}
      <section className="workspace-actions" aria-labelledby={`${id}-ws`}>
        <h2 id={`${id}-ws`}>{t(lang, 'importui.workspace.title')}</h2>
        <p className="small muted" data-testid="workspace-summary">
          {t(lang, 'importui.workspace.summary', { files: st.ws.files.length, aliases: st.ws.aliases.length, mappings: st.ws.mappings.length, slices: st.ws.slices.length })}
        </p>
        <div className="import-buttons">
          <button type="button" data-testid="workspace-export" onClick={actions.exportWorkspace}>{t(lang, 'importui.workspace.export')}</button>
          <button type="button" data-testid="workspace-import" onClick={pickWorkspace}>{t(lang, 'importui.workspace.import')}</button>
          <button type="button" className="danger" data-testid="workspace-reset" onClick={actions.askReset}>{t(lang, 'importui.workspace.reset')}</button>
        </div>
      </section>
    </section>
  );
}
