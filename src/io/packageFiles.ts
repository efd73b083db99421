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

/**
 * Downloads the descriptor and every resource it lists. `guess`: resource paths to request at
 * once, in parallel with the descriptor (the descriptor still decides what is returned; a
 * guessed path it does not list is dropped, one it lists but was not guessed is fetched after).
 */
export async function fetchPackageFiles(packageUrl: string, signal?: AbortSignal, guess: readonly string[] = []): Promise<PackageFiles> {
  const base = new URL(packageUrl, window.location.href);
  const guessed = new Map(guess.map((path) => [path, bytes(new URL(path, base), signal)]));
  for (const p of guessed.values()) p.catch(() => undefined); // reported below if the descriptor lists it
  const text = new TextDecoder().decode(await bytes(base, signal));
  const descriptor: unknown = JSON.parse(text);
  const resources: ResourceRef[] =
    descriptor && typeof descriptor === 'object' && Array.isArray((descriptor as { resources?: unknown }).resources)
      ? ((descriptor as { resources: ResourceRef[] }).resources)
      : [];
  const paths = resources.map((r) => r.path).filter((p): p is string => typeof p === 'string');
  const files: InputFile[] = await Promise.all(
    paths.map(async (path) => {
      const got = guessed.get(path);
      guessed.delete(path); // a path listed twice is fetched twice, as without a guess
      return { path, bytes: await (got ?? bytes(new URL(path, base), signal)) };
    }),
  );
  return { descriptor, files };
}

// Downloads started before anyone asked, by absolute URL. Each is handed out once: a later
// load of the same URL (a retry, a reload of the data) downloads again.
const early = new Map<string, Promise<PackageFiles>>();

const key = (packageUrl: string) => new URL(packageUrl, window.location.href).href;

// The bundled package's resource paths when this build was made (vite.config.ts).
declare const __DEFAULT_PACKAGE_FILES__: readonly string[] | undefined;
const DEFAULT_FILES: readonly string[] = typeof __DEFAULT_PACKAGE_FILES__ === 'undefined' ? [] : __DEFAULT_PACKAGE_FILES__;

/** Starts downloading `packageUrl` now; the next `takePrefetched` of the same URL gets it. */
export function prefetchPackageFiles(packageUrl: string): void {
  const k = key(packageUrl);
  if (early.has(k)) return;
  const p = fetchPackageFiles(packageUrl, undefined, k === key(DEFAULT_PACKAGE_URL) ? DEFAULT_FILES : []);
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
