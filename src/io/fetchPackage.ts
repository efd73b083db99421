// Loads a data package over HTTP (the bundled default, or ?package=<url>): datapackage.json,
// then each resource relative to it (src/io/packageFiles.ts; the entry may have started that
// download already). Parsing is the core's job (readPackage).
import { readPackage, type ReadResult } from '../core/parse/package';
import { fetchPackageFiles, takePrefetched } from './packageFiles';

export { DEFAULT_PACKAGE_URL } from './packageFiles';

export async function fetchPackage(packageUrl: string, signal?: AbortSignal): Promise<ReadResult> {
  const { descriptor, files } = await (takePrefetched(packageUrl) ?? fetchPackageFiles(packageUrl, signal));
  signal?.throwIfAborted();
  return readPackage(descriptor, files);
}
