// Where the app's data comes from: the package named in the URL (or the bundled default),
// prepared once. The workspace (user imports, aliases, edits) is merged here.
import { useQuery } from '@tanstack/react-query';
import { prepareDataset, type Dataset } from '../../core/dataset';
import type { ImportReport } from '../../core/parse/package';
import { DEFAULT_PACKAGE_URL, fetchPackage } from '../../io/fetchPackage';

export interface DatasetState {
  ds: Dataset | undefined;
  report: ImportReport | undefined;
  pending: boolean;
  error: Error | null;
}

export function useDataset(packageUrl: string | null): DatasetState {
  const url = packageUrl ?? DEFAULT_PACKAGE_URL;
  const query = useQuery({
    queryKey: ['package', url],
    queryFn: async ({ signal }) => {
      const res = await fetchPackage(url, signal);
      return { ds: prepareDataset(res.pkg), report: res.report };
    },
  });
  return { ds: query.data?.ds, report: query.data?.report, pending: query.isPending, error: query.error };
}
