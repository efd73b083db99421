// Wraps the app: restores the workspace (before the app renders user data) and runs the import
// session that parses the user's files and merges them onto the base package.
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { objectIds } from '../../core/identity';
import { t } from '../../core/i18n';
import { parseViewState } from '../../core/url';
import { useWorkspaceStore, WorkspaceProvider } from '../../io/workspace/react';
import type { WorkspaceStore } from '../../io/workspace/store';
import { ImportSession, type SessionSnapshot } from './session';

const SessionContext = createContext<ImportSession | null>(null);

function SessionProvider({ store, children }: { store: WorkspaceStore; children: ReactNode }) {
  const [session] = useState(() => new ImportSession(store));
  useEffect(() => session.attach(), [session]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function WithSession({ children }: { children: ReactNode }) {
  const store = useWorkspaceStore();
  // the store's identity is fixed for the provider's life; key resets the session if not
  return store ? <SessionProvider key={storeKey(store)} store={store}>{children}</SessionProvider> : <>{children}</>;
}

const storeKey = objectIds();

export function ImportProvider({ children }: { children: ReactNode }) {
  const lang = parseViewState(typeof window === 'undefined' ? '' : window.location.search).state.lang;
  return (
    <WorkspaceProvider fallback={<p className="loading" role="status">{t(lang, 'importui.restoring')}</p>}>
      <WithSession>{children}</WithSession>
    </WorkspaceProvider>
  );
}

/** The import session; null outside ImportProvider. */
export function useImportSession(): ImportSession | null {
  return useContext(SessionContext);
}

const IDLE: SessionSnapshot = { phase: 'idle', progress: null, result: null, error: null, where: 'worker', applied: null };
const noop = () => () => {};

export function useSessionSnapshot(session: ImportSession | null): SessionSnapshot {
  return useSyncExternalStore(session ? session.subscribe : noop, session ? session.getSnapshot : () => IDLE);
}
