// Loads a data package over HTTP (the bundled default, or ?package=<url>): datapackage.json,
// then each resource relative to it. Parsing is the core's job (readPackage).
import { readPackage, type InputFile, type ReadResult } from '../core/parse/package';

export const DEFAULT_PACKAGE_URL = './data/mk/datapackage.json';

interface ResourceRef {
  path?: unknown;
}

async function bytes(url: URL, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchPackage(packageUrl: string, signal?: AbortSignal): Promise<ReadResult> {
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
  return readPackage(descriptor, files);
}
