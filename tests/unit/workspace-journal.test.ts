import { describe, expect, it } from 'vitest';
import { applyJournal, journalOf } from '../../src/core/workspace/journal';
import { migrateWorkspace } from '../../src/core/workspace/migrate';
import { defaultFileOptions, emptyWorkspace, type Workspace } from '../../src/core/workspace/schema';

const stored: Workspace = {
  ...emptyWorkspace('2026-11-23T10:00:00.000Z'),
  files: [{ id: 'f1', path: 'kumanovo.csv', size: 3, addedAt: '2026-11-23T09:00:00.000Z', options: defaultFileOptions(), bytes: new Uint8Array([1, 2, 3]) }],
  aliases: [['kumanovo', 'MK00701']],
  slices: [['docs.edits.MK007', { text: 'old' }]],
};
const later = (ws: Workspace, patch: Partial<Workspace>): Workspace => ({ ...ws, ...patch, updatedAt: '2026-11-23T10:00:01.000Z' });

describe('workspace journal', () => {
  it('a newer journal brings back slices, aliases and file options; bytes stay those stored', () => {
    const next = later(stored, {
      slices: [['docs.edits.MK007', { text: 'new' }]],
      aliases: [],
      files: stored.files.map((f) => ({ ...f, options: { ...f.options, encoding: 'windows-1251' } })),
    });
    const merged = applyJournal(stored, JSON.parse(JSON.stringify(journalOf(next))));
    const r = migrateWorkspace(merged);
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.ws.slices).toEqual([['docs.edits.MK007', { text: 'new' }]]);
    expect(r.ws.aliases).toEqual([]);
    expect(r.ws.files.map((f) => [f.id, f.options.encoding, [...f.bytes]])).toEqual([['f1', 'windows-1251', [1, 2, 3]]]);
    expect(r.ws.updatedAt).toBe('2026-11-23T10:00:01.000Z');
  });

  it('a journal that is not newer, of another version, or unreadable does not apply', () => {
    expect(applyJournal(stored, journalOf(stored))).toBeNull();
    expect(applyJournal(stored, { ...journalOf(later(stored, {})), version: 3 })).toBeNull();
    expect(applyJournal(stored, { ...journalOf(later(stored, {})), slices: 'x' })).toBeNull();
    expect(applyJournal(stored, { ...journalOf(later(stored, {})), options: [[1, {}]] })).toBeNull();
    expect(applyJournal(stored, null)).toBeNull();
    expect(applyJournal(stored, '{"__proto__":{"x":1}}')).toBeNull();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('with nothing stored yet, the journal alone is the workspace (no files)', () => {
    const first = later(emptyWorkspace(), { slices: [['gaps.workspace', { scenarios: [] }]] });
    const r = migrateWorkspace(applyJournal(null, journalOf(first)));
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.ws.slices).toEqual([['gaps.workspace', { scenarios: [] }]]);
    expect(r.ws.files).toEqual([]);
  });
});
