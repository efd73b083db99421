// React access to the workspace: a provider that restores it before rendering its children,
// and hooks for the whole snapshot or one feature's slice. See README.md.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { WorkspaceStore, type StoreSnapshot } from './store';

const StoreContext = createContext<WorkspaceStore | null>(null);

/** Opening IndexedDB should take milliseconds; past this the app goes on in memory. */
const OPEN_TIMEOUT_MS = 4000;

export function WorkspaceProvider({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [store, setStore] = useState<WorkspaceStore | null>(null);
  useEffect(() => {
    let live = true;
    const s = new WorkspaceStore();
    const timeout = setTimeout(() => {
      s.loadInMemory(`IndexedDB did not open within ${OPEN_TIMEOUT_MS} ms`);
      if (live) setStore(s);
    }, OPEN_TIMEOUT_MS);
    void s.load().then(() => {
      clearTimeout(timeout);
      if (live) setStore(s);
    });
    return () => {
      live = false;
      clearTimeout(timeout);
      s.close();
    };
  }, []);
  if (!store) return <>{fallback}</>;
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store, for code outside render (event handlers). Null outside a WorkspaceProvider. */
export function useWorkspaceStore(): WorkspaceStore | null {
  return useContext(StoreContext);
}

const NO_STORE: StoreSnapshot = {
  ws: { version: 2, files: [], aliases: [], mappings: [], slices: [], updatedAt: '' },
  loaded: true,
  persistent: false,
  notice: null,
  saving: 'idle',
  savedAt: null,
};
const noop = () => () => {};

/** The workspace snapshot (re-renders on every change). */
export function useWorkspace(): StoreSnapshot {
  const store = useContext(StoreContext);
  return useSyncExternalStore(store ? store.subscribe : noop, store ? store.getSnapshot : () => NO_STORE);
}

/**
 * One feature's persisted state: like useState, but kept in the workspace (IndexedDB, saved
 * within a second, restored on reload, exported and imported with the workspace).
 * `value` must be JSON (it is stored as a JSON round trip). `validate` guards against a stored
 * value of an older shape: when it returns false, `initial` is used.
 */
export function useWorkspaceSlice<T>(key: string, initial: T, validate?: (v: unknown) => v is T): [T, (next: T) => void] {
  const store = useContext(StoreContext);
  const snap = useWorkspace();
  const [local, setLocal] = useState<T>(initial);
  const stored = useMemo(() => snap.ws.slices.find(([k]) => k === key), [snap.ws.slices, key]);
  let value: T = local;
  if (store && stored) value = !validate || validate(stored[1]) ? (stored[1] as T) : initial;
  else if (store) value = initial;
  const set = useCallback(
    (next: T) => {
      if (store) store.setSlice(key, next);
      else setLocal(next);
    },
    [store, key],
  );
  return [value, set];
}
