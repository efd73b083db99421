// What the import controls do: take files (picker, folder, drop, zip), restore an exported
// workspace, export it, reset it. Confirmations are state rendered by the UI (ConfirmDialog).
import { useCallback, useState } from 'react';
import { DEFAULT_LIMITS, type ResourceName } from '../../core/parse/types';
import { unpackWorkspace } from '../../core/workspace/archive';
import { isEmptyWorkspace, type Workspace } from '../../core/workspace/schema';
import { DEFAULT_PACKAGE_URL } from '../../io/fetchPackage';
import { collectFromDataTransfer, collectFromFileList, type Collected, type Refusal } from '../../io/files';
import { useWorkspaceStore } from '../../io/workspace/react';
import { download, today } from './download';
import { useImportSession } from './ImportProvider';

export const SIZE_LIMIT = DEFAULT_LIMITS.maxFileBytes;

export type Confirm = { kind: 'reset' } | { kind: 'replace'; ws: Workspace; base: string | null };

export interface Notice {
  kind: 'error' | 'info';
  key: string;
  params?: Record<string, string | number>;
}

/** Switches the page's ?package= to `base` (the URL hook follows popstate). */
function switchPackage(base: string | null): void {
  const u = new URL(window.location.href);
  const current = u.searchParams.get('package') ?? DEFAULT_PACKAGE_URL;
  const want = base ?? DEFAULT_PACKAGE_URL;
  if (current === want) return;
  if (want === DEFAULT_PACKAGE_URL) u.searchParams.delete('package');
  else u.searchParams.set('package', want);
  window.history.pushState(null, '', u);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useImportActions(onOpen: () => void) {
  const store = useWorkspaceStore();
  const session = useImportSession();
  const [refused, setRefused] = useState<Refusal[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [busy, setBusy] = useState(false);

  const restore = useCallback(
    async (ws: Workspace, base: string | null) => {
      if (!store) return;
      await store.replace(ws);
      switchPackage(base);
      setNotice({ kind: 'info', key: 'importui.workspace.restored', params: { files: ws.files.length, aliases: ws.aliases.length } });
    },
    [store],
  );

  const offerWorkspace = useCallback(
    (bytes: Uint8Array) => {
      if (!store) return;
      const r = unpackWorkspace(bytes, SIZE_LIMIT);
      if (!r.ok) {
        setNotice({ kind: 'error', key: `importui.workspace.error.${r.error}`, params: { detail: r.detail } });
        return;
      }
      const current = store.getSnapshot();
      if (isEmptyWorkspace(current.ws) && current.persistent) void restore(r.ws, r.base);
      else setConfirm({ kind: 'replace', ws: r.ws, base: r.base });
    },
    [store, restore],
  );

  const take = useCallback(
    (c: Collected) => {
      setRefused(c.refused);
      onOpen();
      if (!store) return;
      for (const w of c.workspaces) offerWorkspace(w.bytes);
      if (c.files.length > 0) {
        const added = store.addFiles(c.files);
        session?.noteAdded(added.map((f) => f.id));
        setNotice(null);
      } else if (c.workspaces.length === 0 && c.refused.length === 0) {
        setNotice({ kind: 'info', key: 'importui.nothing' });
      }
    },
    [store, session, onOpen, offerWorkspace],
  );

  const run = useCallback(async (job: () => Promise<Collected>) => {
    setBusy(true);
    try {
      take(await job());
    } catch (err) {
      setNotice({ kind: 'error', key: 'importui.readFailed', params: { detail: String(err).slice(0, 200) } });
    } finally {
      setBusy(false);
    }
  }, [take]);

  const fromInput = useCallback(
    (input: HTMLInputElement) => {
      const files = input.files ? Array.from(input.files) : [];
      input.value = '';
      if (files.length > 0) void run(() => collectFromFileList(files, SIZE_LIMIT));
    },
    [run],
  );

  const fromDrop = useCallback((dt: DataTransfer) => {
    const job = collectFromDataTransfer(dt, SIZE_LIMIT); // reads the entries synchronously first
    void run(() => job);
  }, [run]);

  const workspaceFromInput = useCallback(
    async (input: HTMLInputElement) => {
      const f = input.files?.[0];
      input.value = '';
      if (!f) return;
      if (f.size > SIZE_LIMIT) {
        setRefused([{ path: f.name, reason: 'too_large', size: f.size, limit: SIZE_LIMIT }]);
        return;
      }
      offerWorkspace(new Uint8Array(await f.arrayBuffer()));
    },
    [offerWorkspace],
  );

  const exportWorkspace = useCallback(() => {
    if (!store) return;
    const resources = new Map<string, ResourceName | null>();
    for (const f of session?.getSnapshot().result?.output.report.files ?? []) resources.set(f.path, f.resource);
    const base = new URL(window.location.href).searchParams.get('package') ?? DEFAULT_PACKAGE_URL;
    const zip = store.exportArchive({ base, resources });
    download(`social-map-workspace-${today()}.zip`, zip, 'application/zip');
  }, [store, session]);

  const confirmYes = useCallback(() => {
    const c = confirm;
    setConfirm(null);
    if (!c || !store) return;
    if (c.kind === 'reset') {
      void store.reset().then(() => setNotice({ kind: 'info', key: 'importui.workspace.resetDone' }));
    } else void restore(c.ws, c.base);
  }, [confirm, store, restore]);

  return {
    refused,
    notice,
    confirm,
    busy,
    fromInput,
    fromDrop,
    workspaceFromInput,
    exportWorkspace,
    askReset: () => setConfirm({ kind: 'reset' }),
    confirmYes,
    confirmNo: () => setConfirm(null),
    dismissNotice: () => setNotice(null),
  };
}

export type ImportActions = ReturnType<typeof useImportActions>;
