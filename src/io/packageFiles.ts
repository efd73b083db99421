// Downloads a data package's files over HTTP (datapackage.json, then each resource relative to
// it) without parsing them. Kept free of the parser so that the entry chunk can start the
// download at once, in parallel with the app's code (see src/main.tsx); fetchPackage takes the
// early download over instead of asking again.
import type { InputFile } from '../core/parse/package';

export const DEFAULT_PACKAGE_URL = './data/mk/datapackage.json';

export interface PackageFiles {
  descriptor: unknown;
  files: InputFile[];
}

interface ResourceRef {
  path?: unknown;
}

async function bytes(url: URL, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchPackageFiles(packageUrl: string, signal?: AbortSignal): Promise<PackageFiles> {
  const base = new URL(packageUrl, window.location.href);
  const text = new TextDecoder().decode(await bytes(base, signal));
  const descriptor: unknown = JSON.parse(text);
  const resources: ResourceRef[] =
    descriptor && typeof descriptor === 'object' && Array.isArray((descriptor as { resources?: unknown }).resources)
      ? ((descriptor as { resources: ResourceRef[] }).resources)
      : [];
  const paths = resources.map((r) => r.path).filter((p): p is string => typeof p === 'string');
  const files: InputFile[] = await Promise.all(
    paths.map(async (path) => ({ path, bytes: await bytes(new URL(path, base), signal) })),
  );
  return { descriptor, files };
}

// Downloads started before anyone asked, by absolute URL. Each is handed out once: a later
// load of the same URL (a retry, a reload of the data) downloads again.
const early = new Map<string, Promise<PackageFiles>>();

const key = (packageUrl: string) => new URL(packageUrl, window.location.href).href;

/** Starts downloading `packageUrl` now; the next `takePrefetched` of the same URL gets it. */
export function prefetchPackageFiles(packageUrl: string): void {
  const k = key(packageUrl);
  if (early.has(k)) return;
  const p = fetchPackageFiles(packageUrl);
  p.catch(() => undefined); // reported to whoever takes it, not as an unhandled rejection
  early.set(k, p);
}

/** The early download of `packageUrl`, if one was started and not taken yet. */
export function takePrefetched(packageUrl: string): Promise<PackageFiles> | undefined {
  const k = key(packageUrl);
  const p = early.get(k);
  early.delete(k);
  return p;
}
