import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateWorkspace, salvage } from '../../src/core/workspace/migrate';
import { WORKSPACE_VERSION } from '../../src/core/workspace/schema';

const dir = new URL('../fixtures/workspace/', import.meta.url);
/** Fixture JSON with {"$bytes": base64} decoded to Uint8Array. */
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8'), (_k, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && '$bytes' in v) {
      return new Uint8Array(Buffer.from(String((v as { $bytes: unknown }).$bytes), 'base64'));
    }
    return v;
  });
}
const decode1251 = (b: Uint8Array | undefined) => new TextDecoder('windows-1251').decode(b);

describe('workspace migrations', () => {
  it('reads version 1 (bytes inline, aliases as an object) into the current version', () => {
    const r = migrateWorkspace(fixture('v1.json'));
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.from).toBe(1);
    expect(r.ws.version).toBe(WORKSPACE_VERSION);
    expect(r.ws.files.map((f) => [f.id, f.path, f.options.encoding, f.size])).toEqual([
      ['f1', 'day-centres.csv', 'windows-1251', 58],
      ['f2', 'home-care.csv', null, 50],
    ]);
    expect(decode1251(r.ws.files[0]?.bytes)).toContain('Другово;7');
    // the hostile key is dropped; the others kept in order
    expect(r.ws.aliases).toEqual([
      ['другово', 'MK00307'],
      ['oslomej', 'MK00307'],
    ]);
    expect(r.ws.mappings).toEqual([]);
    expect(r.ws.slices).toEqual([]);
    expect(r.ws.updatedAt).toBe('2024-05-02T10:06:00.000Z');
  });

  it('reads version 2 as it is', () => {
    const r = migrateWorkspace(fixture('v2.json'));
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.from).toBe(2);
    expect(r.problems).toEqual([]);
    expect(r.ws.files[0]?.options).toEqual({ encoding: 'windows-1251', resource: null, decimal: ',', delimiter: null, crs: null });
    expect(r.ws.mappings[0]?.[1]).toMatchObject({ unitColumn: 'Општина', form: 'wide', indicatorColumns: ['day_centre_users'] });
    expect(r.ws.slices).toEqual([['docs.edits', { MK005: { intro: 'Текст' } }]]);
  });

  it('refuses a newer version but salvages what it can read', () => {
    const r = migrateWorkspace(fixture('newer-v7.json'));
    if (r.kind !== 'newer') throw new Error(r.kind);
    expect(r.version).toBe(7);
    expect(r.salvage.files.map((f) => f.path)).toEqual(['future.csv']);
    expect(r.salvage.aliases).toEqual([['x', 'MK00101']]);
  });

  it('calls a broken record corrupt, with what can be read', () => {
    const r = migrateWorkspace(fixture('corrupt.json'));
    if (r.kind !== 'corrupt') throw new Error(r.kind);
    expect(r.problems[0]?.code).toBe('version_invalid');
    expect(r.salvage.aliases).toEqual([['велес', 'MK00101']]);
    expect(migrateWorkspace(null).kind).toBe('corrupt');
    expect(migrateWorkspace({ version: 2, files: 'x' }).kind).toBe('corrupt');
  });

  it('drops files without bytes and duplicate paths, and reports them', () => {
    const r = migrateWorkspace({
      version: 2,
      files: [
        { id: 'a', path: 'a.csv', bytes: new Uint8Array([65]) },
        { id: 'a', path: 'b.csv', bytes: new Uint8Array([66]) },
        { id: 'c', path: 'a.csv', bytes: new Uint8Array([67]) },
        { id: 'd', path: 'd.csv' },
      ],
      aliases: [],
    });
    if (r.kind !== 'ok') throw new Error(r.kind);
    expect(r.ws.files.map((f) => [f.id, f.path])).toEqual([
      ['a', 'a.csv'],
      ['a_', 'b.csv'],
    ]);
    expect(r.problems.map((p) => [p.code, p.detail])).toEqual([
      ['file_dropped', 'a.csv'],
      ['file_dropped', 'd.csv'],
    ]);
  });

  it('never throws on arbitrary records (fast-check)', () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true, withObjectString: true, withNullPrototype: true }), fc.integer({ min: -2, max: 9 }), (junk, version) => {
        for (const raw of [junk, { version, files: junk, aliases: junk, mappings: junk, slices: junk }, { version, files: [junk] }]) {
          const r = migrateWorkspace(raw);
          expect(['ok', 'newer', 'corrupt']).toContain(r.kind);
          salvage(raw);
        }
      }),
      { numRuns: 4000 },
    );
  });
});
