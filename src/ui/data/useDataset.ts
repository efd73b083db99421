// Where the app's data comes from: the package named in the URL (or the bundled default),
// with the user's workspace on top (their files parsed in the worker, their aliases and
// mappings applied; see src/ui/import/session.ts). While restored user files are still being
// parsed, `ds` stays undefined so that nothing renders without them.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { prepareDataset, type Dataset } from '../../core/dataset';
import type { ImportReport } from '../../core/parse/package';
import { DEFAULT_PACKAGE_URL, fetchPackage } from '../../io/fetchPackage';
import { useWorkspace } from '../../io/workspace/react';
import { useImportSession, useSessionSnapshot } from '../import/ImportProvider';

export interface DatasetState {
  ds: Dataset | undefined;
  /** Report of the base package. */
  report: ImportReport | undefined;
  /** Report of the user's files (undefined when there are none). */
  userReport: ImportReport | undefined;
  pending: boolean;
  error: Error | null;
}

export function useDataset(packageUrl: string | null): DatasetState {
  const url = packageUrl ?? DEFAULT_PACKAGE_URL;
  const query = useQuery({
    queryKey: ['package', url],
    queryFn: ({ signal }) => fetchPackage(url, signal),
  });
  const session = useImportSession();
  const snap = useSessionSnapshot(session);
  const ws = useWorkspace();
  const base = query.data?.pkg;
  useEffect(() => {
    session?.setBase(url, base ?? null);
  }, [session, url, base]);
  const waiting = session !== null && ws.loaded && session.waiting(url);
  const ds = useMemo(() => {
    if (!base || waiting) return undefined;
    return session ? session.dataset(base, url) : prepareDataset(base);
    // snap.result / snap.phase decide what session.dataset returns
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, waiting, session, url, snap.result, snap.phase]);
  const userResult = snap.result && snap.result.url === url ? snap.result : null;
  return { ds, report: query.data?.report, userReport: userResult?.output.report, pending: query.isPending || waiting, error: query.error };
}
