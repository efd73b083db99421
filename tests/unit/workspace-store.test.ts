import { describe, expect, it } from 'vitest';
import { unpackWorkspace } from '../../src/core/workspace/archive';
import { WorkspaceStore } from '../../src/io/workspace/store';

// Node has no IndexedDB: the store opens in memory and says so; its logic is the same.
async function memoryStore(): Promise<WorkspaceStore> {
  const s = new WorkspaceStore();
  await s.load();
  return s;
}
const bytes = (t: string) => new TextEncoder().encode(t);

describe('workspace store (in memory)', () => {
  it('opens without IndexedDB with a notice, never throws', async () => {
    const s = await memoryStore();
    const snap = s.getSnapshot();
    expect(snap.loaded).toBe(true);
    expect(snap.persistent).toBe(false);
    expect(snap.notice?.kind).toBe('unavailable');
  });

  it('a file with the same path replaces the earlier one and keeps its options', async () => {
    const s = await memoryStore();
    const [a] = s.addFiles([{ path: 'd.csv', bytes: bytes('a') }]);
    if (!a) throw new Error('no file');
    s.setFileOptions(a.id, { encoding: 'windows-1251' });
    const [b] = s.addFiles([{ path: 'd.csv', bytes: bytes('bb') }]);
    const files = s.getSnapshot().ws.files;
    expect(files.map((f) => [f.path, f.size, f.options.encoding])).toEqual([['d.csv', 2, 'windows-1251']]);
    expect(b?.id).not.toBe(a.id);
    s.removeFiles([b?.id ?? '']);
    expect(s.getSnapshot().ws.files).toEqual([]);
  });

  it('aliases, mappings and slices: set, replace, remove; slices are stored as JSON', async () => {
    const s = await memoryStore();
    s.setAlias('другово', 'MK00307');
    s.setAlias('другово', 'MK00101');
    s.setAlias('oslomej', 'MK00307');
    s.setAlias('oslomej', null);
    expect(s.getSnapshot().ws.aliases).toEqual([['другово', 'MK00101']]);
    s.setSlice('docs.edits', { at: new Date(0), list: [1, undefined], nested: { ok: true } });
    expect(s.getSlice('docs.edits')).toEqual({ at: '1970-01-01T00:00:00.000Z', list: [1, null], nested: { ok: true } });
    s.setSlice('__proto__', { x: 1 });
    expect(s.hasSlice('__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    s.setSlice('docs.edits', undefined);
    expect(s.hasSlice('docs.edits')).toBe(false);
  });

  it('notifies subscribers and exports what it holds', async () => {
    const s = await memoryStore();
    let calls = 0;
    const off = s.subscribe(() => calls++);
    s.addFiles([{ path: 'x.csv', bytes: bytes('unit_id,indicator,value\n') }]);
    s.setSlice('gaps.scenarios', [{ name: 'a' }]);
    off();
    s.setAlias('a', 'B');
    expect(calls).toBe(2);
    const r = unpackWorkspace(s.exportArchive({ base: null }), 1 << 20);
    if (!r.ok) throw new Error(r.error);
    expect(r.ws.files.map((f) => f.path)).toEqual(['x.csv']);
    expect(r.ws.slices).toEqual([['gaps.scenarios', [{ name: 'a' }]]]);
    expect(r.ws.aliases).toEqual([['a', 'B']]);
  });
});
