// Command-line arguments → InputFile[]: a folder is its datapackage.json and the files it lists
// (or, without one, every data file in it); a datapackage.json the same; any other path is one
// file. Paths in reports are the ones the user typed, joined with the resource paths.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { own, text } from '../core/parse/props';
import type { InputFile } from '../core/parse/types';

const DATA_FILE = /\.(csv|tsv|txt|json|geojson|topojson|xlsx|xlsm)$/i;

export class UsageError extends Error {}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    throw new UsageError(`not found: ${p}`);
  }
}

async function bytesOf(p: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(p));
}

/** Resource paths listed by a descriptor (relative to its folder), in order. */
function listedPaths(descriptor: unknown): string[] {
  const resources = own(descriptor, 'resources');
  if (!Array.isArray(resources)) return [];
  const out: string[] = [];
  for (const r of resources) {
    const p = own(r, 'path');
    for (const one of Array.isArray(p) ? p : [p]) {
      const s = text(one);
      // only paths inside the package folder: no URLs, no absolute paths, no climbing out
      if (s && !/^[a-z]+:\/\//i.test(s) && !path.isAbsolute(s) && !s.split(/[\\/]/).includes('..')) out.push(s);
    }
  }
  return out;
}

async function readPackageFolder(dir: string, descriptorPath: string): Promise<InputFile[]> {
  const bytes = await bytesOf(descriptorPath);
  const files: InputFile[] = [{ path: descriptorPath, bytes }];
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return files; // readPackage reports the broken descriptor
  }
  for (const rel of listedPaths(descriptor)) {
    const p = path.join(dir, rel);
    try {
      files.push({ path: p, bytes: await bytesOf(p) });
    } catch {
      // a listed file that is missing is reported by readPackage (resource_file_missing)
    }
  }
  return files;
}

/** Reads every argument. Throws UsageError for paths that do not exist. */
export async function collectInputs(args: string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const push = (f: InputFile): void => {
    const key = path.resolve(f.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const arg of args) {
    if (await isDir(arg)) {
      const descriptor = path.join(arg, 'datapackage.json');
      const names = (await readdir(arg)).sort();
      if (names.includes('datapackage.json')) (await readPackageFolder(arg, descriptor)).forEach(push);
      else for (const n of names) if (DATA_FILE.test(n)) push({ path: path.join(arg, n), bytes: await bytesOf(path.join(arg, n)) });
    } else if (path.basename(arg).toLowerCase() === 'datapackage.json') {
      (await readPackageFolder(path.dirname(arg), arg)).forEach(push);
    } else {
      push({ path: arg, bytes: await bytesOf(arg) });
    }
  }
  return files;
}
