// Fuzz: workspace restore — a stored record of any shape (migrateWorkspace), an exported zip of
// any bytes (unpackWorkspace), and the restored workspace read again (parseWorkspace: the user's
// files with their saved options, aliases and column mappings). Never an exception; outcomes are
// typed (ok / newer / corrupt with problem codes that have messages; an import report with typed
// issues); what comes back is well-formed; the prototype untouched. Cases: FUZZ_RUNS.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import { MANIFEST_NAME, packWorkspace, unpackWorkspace } from '../../src/core/workspace/archive';
import { applyJournal } from '../../src/core/workspace/journal';
import { migrateWorkspace, type Problem } from '../../src/core/workspace/migrate';
import { parseWorkspace } from '../../src/core/workspace/parse';
import { docEditsFromJson, docEditsToJson } from '../../src/core/docs/edits';
import { sanitiseGapsWorkspace } from '../../src/core/views/gaps-scenario';
import { defaultFileOptions, WORKSPACE_FORMAT, WORKSPACE_VERSION, type Workspace } from '../../src/core/workspace/schema';
import { anyText, expectPrototypeClean, expectTypedReport, FUZZ_RUNS, FUZZ_TIMEOUT, mutatedBytes } from '../fixtures/hostile/fuzz';

const numRuns = FUZZ_RUNS;
const enc = new TextEncoder();
const PROBLEMS: Problem['code'][] = ['not_object', 'version_invalid', 'files_invalid', 'file_dropped', 'alias_dropped', 'mapping_dropped', 'slice_dropped'];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
const BASE_UNITS: Unit[] = [{ id: 'A', name: 'Alpha', names: {}, level: 'municipality', parentId: null, aliases: [], geometry: null }];

function checkWorkspace(ws: Workspace): void {
  expect(ws.version).toBe(WORKSPACE_VERSION);
  expect(new Set(ws.files.map((f) => f.id)).size).toBe(ws.files.length);
  expect(new Set(ws.files.map((f) => f.path)).size).toBe(ws.files.length);
  for (const f of ws.files) {
    expect(f.bytes).toBeInstanceOf(Uint8Array);
    expect(f.size).toBe(f.bytes.length);
    expect(typeof f.path).toBe('string');
  }
  for (const [k, v] of ws.aliases) {
    expect([typeof k, typeof v]).toEqual(['string', 'string']);
    expect(FORBIDDEN).not.toContain(k);
  }
  for (const [k] of ws.slices) expect(typeof k).toBe('string');
}

const fileBytes = fc.oneof(
  fc.constantFrom('unit_id,indicator,value\nA,elderly,3\n', 'Komuna;Të moshuar\nAlpha;3\n', '<script>alert(1)</script>,=1+1\n"a,b",@SUM(1)\n', '{"type":"FeatureCollection","features":[]}', '').map((s) => enc.encode(s)),
  fc.uint8Array({ maxLength: 200 }),
);
const options = fc.oneof(
  fc.record({ encoding: fc.oneof(fc.constantFrom(null, 'utf-8', 'windows-1251', 'nonsense', 'utf-16be'), anyText(8)), resource: fc.constantFrom(null, 'indicators', 'units', 'norms', '__proto__'), decimal: fc.constantFrom(null, '.', ',', ';'), delimiter: fc.constantFrom(null, ',', ';', '\t', '', ',,'), crs: fc.constantFrom(null, 3857, 6316, -1, 1.5, 99999) }),
  fc.jsonValue({ maxDepth: 2 }),
);
const mapping = fc.record({ unitColumn: anyText(10), unitBy: fc.constantFrom('id', 'name', 'x'), form: fc.constantFrom('wide', 'long', '__proto__'), indicatorColumns: fc.array(anyText(10), { maxLength: 3 }), indicatorColumn: fc.option(anyText(10)), valueColumn: fc.option(anyText(10)) });
const record = fc.record(
  {
    version: fc.oneof(fc.constantFrom(1, 2, 3, 99, 0, -1, 1.5, '2'), fc.jsonValue({ maxDepth: 1 })),
    files: fc.oneof({ weight: 5, arbitrary: fc.array(fc.record({ id: fc.option(anyText(6)), path: fc.oneof(anyText(20), fc.constantFrom('a.csv', 'a.csv', 'u.geojson', 'x.xlsx', 'datapackage.json')), name: anyText(10), bytes: fc.oneof({ weight: 4, arbitrary: fileBytes }, fc.jsonValue({ maxDepth: 1 })), options, encoding: anyText(8), addedAt: anyText(10) }, { requiredKeys: [] }), { maxLength: 4 }) }, fc.jsonValue({ maxDepth: 2 })),
    aliases: fc.oneof(fc.array(fc.tuple(fc.oneof(anyText(12), fc.constantFrom(...FORBIDDEN)), fc.oneof(fc.constantFrom('A', 'B'), anyText(6))), { maxLength: 4 }), fc.dictionary(fc.oneof(anyText(8), fc.constantFrom(...FORBIDDEN)), fc.oneof(anyText(6), fc.jsonValue({ maxDepth: 1 })), { maxKeys: 4 }), fc.jsonValue({ maxDepth: 2 })),
    mappings: fc.oneof(fc.array(fc.tuple(anyText(20), fc.oneof(mapping, fc.jsonValue({ maxDepth: 1 }))), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    slices: fc.oneof(fc.array(fc.tuple(anyText(12), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    updatedAt: anyText(10),
  },
  { requiredKeys: [] },
);
const stored = fc.oneof({ weight: 5, arbitrary: record }, fc.anything({ maxDepth: 3, withTypedArray: true, withNullPrototype: true, withMap: true, withObjectString: true }));

describe('fuzz: workspace restore', () => {
  it('migrateWorkspace + parseWorkspace on any stored record: typed outcome, typed report', async () => {
    await fc.assert(
      fc.asyncProperty(stored, async (raw) => {
        const r = migrateWorkspace(raw);
        expect(['ok', 'newer', 'corrupt']).toContain(r.kind);
        const ws = r.kind === 'ok' ? r.ws : r.salvage;
        checkWorkspace(ws);
        if (r.kind !== 'newer') for (const p of r.problems) expect(PROBLEMS).toContain(p.code);
        const out = await parseWorkspace({ files: ws.files, aliases: ws.aliases, mappings: ws.mappings, base: { units: BASE_UNITS, observations: [] } });
        expectTypedReport(out.report);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('a journal of any shape applied over any stored record: null or a record migrate reads', () => {
    const journal = fc.oneof(
      { weight: 3, arbitrary: fc.record({ version: fc.constantFrom(2, 1, 3, '2'), updatedAt: fc.oneof(fc.constant('9999-01-01T00:00:00.000Z'), anyText(10)), aliases: fc.oneof(fc.array(fc.tuple(fc.oneof(anyText(8), fc.constantFrom(...FORBIDDEN)), anyText(6)), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), mappings: fc.jsonValue({ maxDepth: 2 }), slices: fc.oneof(fc.array(fc.tuple(anyText(12), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), options: fc.oneof(fc.array(fc.tuple(fc.oneof(anyText(4), fc.constantFrom('f1', '__proto__')), options), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }) },
      fc.anything({ maxDepth: 3, withNullPrototype: true }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), stored), journal, (raw, j) => {
        const merged = applyJournal(raw, j);
        if (merged !== null) {
          const r = migrateWorkspace(merged);
          expect(['ok', 'newer', 'corrupt']).toContain(r.kind);
          checkWorkspace(r.kind === 'ok' ? r.ws : r.salvage);
        }
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('unpackWorkspace on arbitrary bytes, byte-mutated exports and zips with hostile manifests: typed result', () => {
    const good = packWorkspace(
      { version: WORKSPACE_VERSION, files: [{ id: 'f1', path: '<script>alert(1)</script>.csv', size: 3, addedAt: '2024-01-01T00:00:00.000Z', options: defaultFileOptions(), bytes: enc.encode('a,b') }], aliases: [['=1+1', 'A']], mappings: [], slices: [['docs', { x: '<img src=x onerror=alert(1)>' }]], updatedAt: '2024-01-01T00:00:00.000Z' },
      { base: null, now: '2024-01-01T00:00:00.000Z' },
    );
    const manifest = fc.record({ format: fc.constantFrom(WORKSPACE_FORMAT, 'other'), version: fc.constantFrom(1, 2, 3, 'x'), base: fc.oneof(anyText(20), fc.constant(null)), files: fc.array(fc.record({ path: anyText(10), zipPath: fc.constantFrom('files/1-a.csv', '__proto__', 'constructor', '../x', MANIFEST_NAME, 'datapackage.json'), options: options }), { maxLength: 3 }), aliases: fc.jsonValue({ maxDepth: 2 }), slices: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] });
    // entries named like prototype keys: written as "__PROTO__" and renamed in the zip's bytes
    // (fflate's writer, like any plain object, cannot hold a "__proto__" key)
    const zipWith = fc
      .tuple(manifest, fc.uniqueArray(fc.tuple(fc.constantFrom('files/1-a.csv', '__PROTO__', 'constructor', 'prototype', 'datapackage.json'), fileBytes), { selector: (e) => e[0], maxLength: 3 }))
      .map(([m, entries]) => {
        const files: Record<string, Uint8Array> = {};
        for (const [k, b] of entries) files[k] = b;
        files[MANIFEST_NAME] = strToU8(JSON.stringify(m));
        const zip = zipSync(files);
        const from = strToU8('__PROTO__');
        for (let i = 0; i + from.length <= zip.length; i++) if (from.every((b, j) => zip[i + j] === b)) zip.set(strToU8('__proto__'), i);
        return zip;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), mutatedBytes(good), zipWith), (bytes) => {
        const r = unpackWorkspace(bytes, 1024 * 1024);
        if (r.ok) {
          checkWorkspace(r.ws);
          for (const p of r.problems) expect(PROBLEMS).toContain(p.code);
        } else expect(['not_zip', 'no_manifest', 'manifest_invalid', 'newer', 'too_large']).toContain(r.error);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('stored slices (document edits, gaps scenarios and norms) of any shape are read as valid values', () => {
    const runs = fc.array(fc.record({ text: fc.oneof(anyText(20), fc.jsonValue({ maxDepth: 1 })), bold: fc.jsonValue({ maxDepth: 0 }), italic: fc.boolean() }, { requiredKeys: [] }), { maxLength: 3 });
    const rich = fc.oneof(fc.array(fc.record({ runs, list: fc.constantFrom('bullet', 'ordered', 'x', undefined) }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }));
    const docEdits = fc.record({ version: fc.jsonValue({ maxDepth: 0 }), form1: fc.oneof(fc.array(fc.tuple(fc.oneof(anyText(10), fc.constantFrom(...FORBIDDEN)), rich), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })), form2: fc.oneof(fc.record({ fields: fc.array(fc.tuple(anyText(10), rich), { maxLength: 2 }), rows: fc.array(fc.tuple(fc.oneof(anyText(8), fc.constantFrom(...FORBIDDEN)), fc.jsonValue({ maxDepth: 2 })), { maxLength: 2 }), accepted: fc.array(fc.jsonValue({ maxDepth: 0 })), removed: fc.array(anyText(6)), added: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }) }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] });
    const edit = fc.record({ op: fc.constantFrom('add', 'move', 'resize', 'close', '__proto__'), serviceId: fc.oneof(anyText(8), fc.constantFrom(...FORBIDDEN)), service: fc.jsonValue({ maxDepth: 2 }), lat: fc.jsonValue({ maxDepth: 0 }), lon: fc.double(), capacity: fc.oneof(fc.double(), anyText(4)), unitId: anyText(6) }, { requiredKeys: [] });
    const gaps = fc.record({ scenarios: fc.oneof(fc.array(fc.record({ id: fc.oneof(fc.constantFrom('s1', 's1', '__proto__', 'constructor'), anyText(8)), name: anyText(200), edits: fc.array(edit, { maxLength: 3 }) }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })), norms: fc.oneof(fc.array(fc.record({ service: anyText(8), category: anyText(8), placesPer1000: fc.oneof(fc.double(), anyText(4)), source: anyText(10) }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), weights: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('need', 'coverage', '__proto__', 'constructor'), anyText(6)), fc.oneof(fc.double(), anyText(3))), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(docEdits, gaps, fc.anything({ maxDepth: 3, withNullPrototype: true })), (raw) => {
        // through JSON, as storage hands it back (prototype keys as own members)
        let stored: unknown = raw;
        try {
          stored = JSON.parse(JSON.stringify(raw) ?? 'null');
        } catch {
          /* keep the raw value */
        }
        for (const v of [raw, stored]) {
          const e = docEditsFromJson(v);
          expect(e.form1).toBeInstanceOf(Map);
          expect(JSON.parse(JSON.stringify(docEditsToJson(e)))).toEqual(docEditsToJson(docEditsFromJson(docEditsToJson(e))));
          const g = sanitiseGapsWorkspace(v);
          expect(g.version).toBe(1);
          for (const sc of g.scenarios) expect(sc.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
          for (const w of Object.values(g.weights)) expect(w >= 0 && w <= 10).toBe(true);
        }
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);
});
