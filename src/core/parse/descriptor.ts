// datapackage.json → package metadata and resources (name, path(s), encoding, delimiter).
import type { PackageMeta } from '../model';
import { issue } from './issues';
import { isRecord, own, text } from './props';
import { isResourceName, type ImportIssue, type ResourceName } from './types';

export interface ResourceDecl {
  name: string;
  resource: ResourceName | null;
  paths: string[];
  encoding: string | null;
  delimiter: string | null;
}

export interface Descriptor {
  meta: PackageMeta;
  resources: ResourceDecl[];
  /** `region`: the unit id the package is about, if it says so. */
  region: string | null;
}

export const emptyMeta = (): PackageMeta => ({ name: '', title: '', description: '', sources: [], licenses: [] });

/** Normalised path for matching: forward slashes, no leading `./`. */
export const normPath = (p: string): string => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

export function readDescriptor(value: unknown, issues: ImportIssue[]): Descriptor {
  const meta = emptyMeta();
  if (!isRecord(value)) {
    issues.push(issue('descriptor_invalid', null, null, { detail: 'object' }));
    return { meta, resources: [], region: null };
  }
  meta.name = text(own(value, 'name'));
  meta.title = text(own(value, 'title'));
  meta.description = text(own(value, 'description'));
  const recipient = text(own(value, 'recipient'));
  if (recipient) meta.recipient = recipient;
  const country = text(own(value, 'country'));
  if (country) meta.country = country;
  const sources = own(value, 'sources');
  if (Array.isArray(sources)) {
    for (const s of sources.slice(0, 1000)) {
      const title = text(own(s, 'title'));
      if (!title) continue;
      const src: PackageMeta['sources'][number] = { title };
      const path = text(own(s, 'path'));
      const date = text(own(s, 'date'));
      if (path) src.path = path;
      if (date) src.date = date;
      meta.sources.push(src);
    }
  }
  const licenses = own(value, 'licenses');
  if (Array.isArray(licenses)) {
    for (const l of licenses.slice(0, 100)) {
      const name = text(own(l, 'name'));
      if (!name) continue;
      const title = text(own(l, 'title'));
      meta.licenses.push(title ? { name, title } : { name });
    }
  }
  const resources: ResourceDecl[] = [];
  const list = own(value, 'resources');
  if (!Array.isArray(list)) {
    issues.push(issue('descriptor_invalid', null, 'resources', { detail: 'resources' }));
    return { meta, resources, region: text(own(value, 'region')) || null };
  }
  list.slice(0, 1000).forEach((r: unknown, i: number) => {
    const name = text(own(r, 'name'));
    const rawPath = own(r, 'path');
    const paths = (Array.isArray(rawPath) ? rawPath : [rawPath]).map(text).filter(Boolean).map(normPath);
    if (!name || paths.length === 0) {
      issues.push(issue('descriptor_invalid', null, `resources[${i}]`, { detail: name ? 'path' : 'name' }));
      return;
    }
    const dialect = own(r, 'dialect');
    const delimiter = text(own(dialect, 'delimiter'));
    resources.push({
      name,
      resource: isResourceName(name) ? name : null,
      paths,
      encoding: text(own(r, 'encoding')) || null,
      delimiter: delimiter || null,
    });
  });
  return { meta, resources, region: text(own(value, 'region')) || null };
}

/** The declared resource a file belongs to: exact path, else the longer path ends with the other. */
export function resourceForPath(desc: Descriptor, filePath: string): ResourceDecl | null {
  const p = normPath(filePath);
  for (const r of desc.resources) if (r.paths.includes(p)) return r;
  for (const r of desc.resources) if (r.paths.some((rp) => p.endsWith(`/${rp}`) || rp.endsWith(`/${p}`))) return r;
  return null;
}

export const isDescriptorPath = (p: string): boolean => /(^|[/\\])datapackage\.json$/i.test(p);
