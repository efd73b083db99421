// Where the app's data comes from: the package named in the URL (or the bundled default),
// with the user's workspace on top (their files parsed, merged and indexed in the worker, their
// aliases and mappings applied; see src/ui/import/session.ts). While restored user files are
// still being parsed, `ds` stays undefined so that nothing renders without them; files added
// while data is shown keep it showing until theirs is ready.
//
// The page subscribes to what it shows only (session.pageData): progress and other session
// changes do not re-render the whole app. A new dataset is handed over in a transition, so that
// React renders the page for it in slices (10,000 table rows and map units) instead of one task.
import { useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { prepareDataset, type Dataset } from '../../core/dataset';
import type { ImportReport } from '../../core/parse/package';
import { DEFAULT_PACKAGE_URL, fetchPackage } from '../../io/fetchPackage';
import { useWorkspaceStore } from '../../io/workspace/react';
import { useImportSession } from '../import/ImportProvider';

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
  const store = useWorkspaceStore();
  const base = query.data?.pkg;
  useEffect(() => {
    session?.setBase(url, base ?? null);
  }, [session, url, base]);
  const [page, setPage] = useState(() => (session ? session.pageData(url, base ?? null) : null));
  useEffect(() => {
    if (!session) return;
    const sync = () => {
      const next = session.pageData(url, base ?? null);
      startTransition(() => setPage(next));
    };
    sync();
    const a = session.subscribe(sync);
    const b = store?.subscribe(sync);
    return () => {
      a();
      b?.();
    };
  }, [session, store, url, base]);
  const shown = page?.ds;
  useEffect(() => {
    session?.markApplied(shown);
  }, [session, shown]);
  const plain = useMemo(() => (!session && base ? prepareDataset(base) : undefined), [session, base]);
  const ds = page ? page.ds : plain;
  return { ds, report: query.data?.report, userReport: page?.userReport, pending: query.isPending || (page?.waiting ?? false), error: query.error };
}
