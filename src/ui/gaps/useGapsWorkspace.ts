// The gaps workspace slice (scenarios, edited norms, priority weights): kept in the workspace
// store (IndexedDB, exported with the workspace) when the app runs inside its provider, else in
// localStorage. Sanitised on read; unchanged parts keep their identity so the engine is not
// re-run for, say, a new priority weight. The setter also takes an updater function.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EMPTY_GAPS_WORKSPACE, GAPS_WORKSPACE_KEY, makeStabiliser, sanitiseGapsWorkspace, type GapsWorkspace } from '../../core/views/gaps-scenario';
import { useWorkspaceSlice, useWorkspaceStore } from '../../io/workspace/react';
import { useLocalSlice } from './useLocalSlice';

export type SetGapsWorkspace = (next: GapsWorkspace | ((prev: GapsWorkspace) => GapsWorkspace)) => void;

const isJson = (v: unknown): v is unknown => v !== undefined;

export function useGapsWorkspace(): [GapsWorkspace, SetGapsWorkspace] {
  const store = useWorkspaceStore();
  const [stored, setStored] = useWorkspaceSlice<unknown>(GAPS_WORKSPACE_KEY, null, isJson);
  const [local, setLocal] = useLocalSlice<unknown>(GAPS_WORKSPACE_KEY, null, !store);
  const raw = store ? stored : local;
  const write = store ? setStored : setLocal;
  const [stabilise] = useState(makeStabiliser);
  const ws = useMemo(() => stabilise(raw === null ? EMPTY_GAPS_WORKSPACE : sanitiseGapsWorkspace(raw)), [raw, stabilise]);
  const latest = useRef(ws);
  useEffect(() => {
    latest.current = ws;
  }, [ws]);
  const set = useCallback<SetGapsWorkspace>(
    (next) => {
      const v = typeof next === 'function' ? next(latest.current) : next;
      latest.current = v;
      write(v);
    },
    [write],
  );
  return [ws, set];
}
