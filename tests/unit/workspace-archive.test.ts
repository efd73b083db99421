import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkspaceArchive, packWorkspace, unpackWorkspace, MANIFEST_NAME } from '../../src/core/workspace/archive';
import { defaultFileOptions, WORKSPACE_VERSION, type Workspace } from '../../src/core/workspace/schema';

const MAX = 10 * 1024 * 1024;
const win1251 = new Uint8Array([0xce, 0xef, 0xf8, 0xf2, 0xe8, 0xed, 0xe0, 0x3b, 0x78, 0x0d, 0x0a]);

const sample = (): Workspace => ({
  version: WORKSPACE_VERSION,
  files: [
    { id: 'a', path: 'in/day-centres.csv', size: win1251.length, addedAt: '2024-06-01T09:00:00.000Z', options: { ...defaultFileOptions(), encoding: 'windows-1251', decimal: ',' }, bytes: win1251 },
    { id: 'b', path: 'units.geojson', size: 2, addedAt: '2024-06-01T09:00:01.000Z', options: { ...defaultFileOptions(), crs: 6316 }, bytes: new Uint8Array([123, 125]) },
    { id: 'c', path: '../../etc/passwd "x".csv', size: 1, addedAt: '2024-06-01T09:00:02.000Z', options: defaultFileOptions(), bytes: new Uint8Array([61]) },
  ],
  aliases: [['другово', 'MK00307'], ['veles opstina', 'MK00101']],
  mappings: [['["a","b"]', { unitColumn: 'a', unitBy: 'name', form: 'wide', indicatorColumns: ['b'], indicatorColumn: null, valueColumn: null }]],
  slices: [['gaps.scenarios', [{ name: '+1 day centre', add: 1 }]], ['docs.edits', { x: 'Текст <b>' }]],
  updatedAt: '2024-06-01T09:05:00.000Z',
});

describe('workspace export → import', () => {
  it('restores the workspace exactly (bytes, options, aliases, mappings, slices)', () => {
    const ws = sample();
    const zip = packWorkspace(ws, { base: './data/mk/datapackage.json', resources: new Map([['in/day-centres.csv', 'indicators'], ['units.geojson', 'units']]) });
    expect(isWorkspaceArchive(zip)).toBe(true);
    const r = unpackWorkspace(zip, MAX);
    if (!r.ok) throw new Error(r.error);
    expect(r.ws).toEqual(ws);
    expect(r.base).toBe('./data/mk/datapackage.json');
    expect(r.problems).toEqual([]);
  });

  it('writes a data package: datapackage.json lists the user files with their resource and encoding', () => {
    const zip = packWorkspace(sample(), { base: null, resources: new Map([['in/day-centres.csv', 'indicators'], ['units.geojson', 'units']]) });
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['datapackage.json', 'files/1-day-centres.csv', 'files/2-units.geojson', 'files/3-passwd_x_.csv', MANIFEST_NAME].sort());
    const desc = JSON.parse(strFromU8(entries['datapackage.json'] ?? new Uint8Array())) as { resources: unknown[] };
    expect(desc.resources).toEqual([
      { name: 'indicators', path: 'files/1-day-centres.csv', encoding: 'windows-1251' },
      { name: 'units', path: 'files/2-units.geojson' },
      { name: 'file_1', path: 'files/3-passwd_x_.csv' },
    ]);
    expect(entries['files/1-day-centres.csv']).toEqual(win1251);
  });

  it('refuses what is not a workspace export, with a typed error', () => {
    expect(unpackWorkspace(new Uint8Array([1, 2, 3]), MAX)).toMatchObject({ ok: false, error: 'not_zip' });
    const other = packWorkspace(sample(), { base: null });
    // a plain data package (no manifest)
    const entries = Object.fromEntries(Object.entries(unzipSync(other)).filter(([k]) => k !== MANIFEST_NAME));
    expect(unpackWorkspace(zipSync(entries), MAX)).toMatchObject({ ok: false, error: 'no_manifest' });
    expect(isWorkspaceArchive(zipSync(entries))).toBe(false);
    expect(isWorkspaceArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(false);
    // an empty workspace is a workspace
    expect(unpackWorkspace(packWorkspace({ ...sample(), files: [] }, { base: null }), MAX).ok).toBe(true);
    // a newer export is refused
    const newer = unzipSync(other);
    const m = JSON.parse(strFromU8(newer[MANIFEST_NAME] ?? new Uint8Array())) as Record<string, unknown>;
    newer[MANIFEST_NAME] = strToU8(JSON.stringify({ ...m, version: 99 }));
    expect(unpackWorkspace(zipSync(newer), MAX)).toMatchObject({ ok: false, error: 'newer', detail: '99' });
    expect(unpackWorkspace(other, 3)).toMatchObject({ ok: false, error: 'too_large' });
  });

  it('round-trips arbitrary workspaces (fast-check)', () => {
    const file = fc.record({
      path: fc.string({ minLength: 1, maxLength: 40 }),
      bytes: fc.uint8Array({ maxLength: 200 }),
      encoding: fc.constantFrom(null, 'utf-8', 'windows-1251'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(file, { selector: (f) => f.path, maxLength: 5 }),
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string({ minLength: 1 })), { maxLength: 5 }),
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 50 }), fc.jsonValue()), { maxLength: 4 }),
        (files, aliases, slices) => {
          const ws: Workspace = {
            version: WORKSPACE_VERSION,
            files: files.map((f, i) => ({ id: `f${i}`, path: f.path, size: f.bytes.length, addedAt: '2024-01-01T00:00:00.000Z', options: { ...defaultFileOptions(), encoding: f.encoding }, bytes: f.bytes })),
            aliases: [...new Map(aliases.filter(([k]) => !['__proto__', 'constructor', 'prototype'].includes(k)))],
            mappings: [],
            slices: [...new Map(slices.map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown]))],
            updatedAt: '2024-01-01T00:00:00.000Z',
          };
          const r = unpackWorkspace(packWorkspace(ws, { base: null }), MAX);
          if (!r.ok) throw new Error(r.error);
          expect(r.ws).toEqual(ws);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary bytes (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (junk) => {
        const withMagic = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk]);
        for (const b of [junk, withMagic]) {
          expect(typeof unpackWorkspace(b, 64 * 1024).ok).toBe('boolean');
          expect(typeof isWorkspaceArchive(b)).toBe('boolean');
        }
      }),
      { numRuns: 5000 },
    );
    // a real export with bytes changed here and there
    const good = packWorkspace(sample(), { base: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const b = good.slice();
        for (const [i, v] of edits) b[i] = v;
        const r = unpackWorkspace(b, 64 * 1024);
        if (r.ok) expect(r.ws.version).toBe(WORKSPACE_VERSION);
        else expect(['not_zip', 'no_manifest', 'manifest_invalid', 'newer', 'too_large']).toContain(r.error);
      }),
      { numRuns: 2000 },
    );
  });
});
