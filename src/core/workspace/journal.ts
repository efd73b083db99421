// The journal: a synchronous copy of the latest workspace change (everything but file bytes),
// written next to the debounced IndexedDB write so that closing, reloading or crashing the tab
// in the ~300 ms before that write loses nothing. On the next open the journal is applied over
// the stored record when it is newer and of the same version; a journal that does not fit is
// ignored, never trusted over the record.
import type { Workspace } from './schema';

export interface JournalEntry {
  version: number;
  updatedAt: string;
  aliases: unknown[];
  mappings: unknown[];
  slices: unknown[];
  /** File options by file id (files themselves are written at once, bytes and all). */
  options: [string, unknown][];
}

export function journalOf(ws: Workspace): JournalEntry {
  return {
    version: ws.version,
    updatedAt: ws.updatedAt,
    aliases: ws.aliases,
    mappings: ws.mappings,
    slices: ws.slices,
    options: ws.files.map((f) => [f.id, f.options]),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asEntry(v: unknown): JournalEntry | null {
  if (!isRecord(v)) return null;
  const { version, updatedAt, aliases, mappings, slices, options } = v;
  if (typeof version !== 'number' || typeof updatedAt !== 'string') return null;
  if (!Array.isArray(aliases) || !Array.isArray(mappings) || !Array.isArray(slices) || !Array.isArray(options)) return null;
  const opts: [string, unknown][] = [];
  for (const o of options) {
    if (!Array.isArray(o) || o.length !== 2 || typeof o[0] !== 'string') return null;
    opts.push([o[0], o[1]]);
  }
  return { version, updatedAt, aliases, mappings, slices, options: opts };
}

/**
 * The stored record (unvalidated, as read) with a journal entry applied, or null when the entry
 * does not apply: unreadable, of another version than the record, or not newer than it. A record
 * that is null (nothing stored yet) takes the entry with no files. The result still goes through
 * migrateWorkspace, which validates every field.
 */
export function applyJournal(raw: unknown, journal: unknown): Record<string, unknown> | null {
  const entry = asEntry(journal);
  if (!entry) return null;
  if (raw === null) {
    return { version: entry.version, files: [], aliases: entry.aliases, mappings: entry.mappings, slices: entry.slices, updatedAt: entry.updatedAt };
  }
  if (!isRecord(raw) || raw.version !== entry.version) return null;
  if (typeof raw.updatedAt === 'string' && !(entry.updatedAt > raw.updatedAt)) return null;
  const options = new Map(entry.options);
  const files = Array.isArray(raw.files)
    ? raw.files.map((f: unknown) => (isRecord(f) && typeof f.id === 'string' && options.has(f.id) ? { ...f, options: options.get(f.id) } : f))
    : raw.files;
  return { ...raw, files, aliases: entry.aliases, mappings: entry.mappings, slices: entry.slices, updatedAt: entry.updatedAt };
}
