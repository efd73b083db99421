// Property-based: no input escapes the parser as an exception. Every outcome is a report with
// typed issues (known codes and message keys), and no bug is hidden behind internal_error.
// Runs: FUZZ_RUNS (default 1000 per property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/parse/decode';
import { parseCsv } from '../../src/core/parse/csv';
import { parseNumber } from '../../src/core/parse/numbers';
import { ISSUE_CODES, issueKey } from '../../src/core/parse/issues';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import { DEFAULT_LIMITS, type ImportReport } from '../../src/core/parse/types';

const numRuns = Number(process.env.FUZZ_RUNS ?? 1000);
const codes = new Set<string>(ISSUE_CODES);

function wellFormed(report: ImportReport): void {
  expect(typeof report.ok).toBe('boolean');
  for (const f of report.files) {
    for (const i of f.issues) {
      expect(codes.has(i.code), i.code).toBe(true);
      expect(i.code).not.toBe('internal_error');
      expect(i.messageKey).toBe(issueKey(i.code as (typeof ISSUE_CODES)[number]));
      expect(i.row === null || (Number.isInteger(i.row) && i.row >= 1)).toBe(true);
    }
  }
  const errors = report.files.some((f) => f.issues.some((i) => i.severity === 'error'));
  expect(report.ok).toBe(!errors);
}

const enc = new TextEncoder();
const name = fc.constantFrom('a.csv', 'b.tsv', 'c.json', 'd.geojson', 'e.topojson', 'datapackage.json', 'f.txt', 'g.xlsx', 'h');
const units: InputFile = {
  path: 'u.geojson',
  bytes: enc.encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { unit_id: 'A', name: 'Alpha', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }],
    }),
  ),
};

describe('fuzz: nothing throws', () => {
  it('decodeBytes on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.option(fc.constantFrom('utf-8', 'windows-1251', 'utf-16be', 'nonsense')), (bytes, enc) => {
        const d = decodeBytes(bytes, enc);
        expect(typeof d.text).toBe('string');
      }),
      { numRuns },
    );
  });

  it('parseCsv on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1000 }), fc.option(fc.constantFrom(',', ';', '\t', '|')), (text, d) => {
        const r = parseCsv(text, DEFAULT_LIMITS, d);
        if (r.table) for (const row of r.table.rows) expect(row.cells).toHaveLength(r.table.header.length);
      }),
      { numRuns },
    );
  });

  it('parseCsv on CSV-shaped text', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '""', '"a,b"', '\n', '\r\n', ';', '1,5', '1.234', ''));
    const csv = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
    fc.assert(fc.property(csv, (text) => void parseCsv(text, DEFAULT_LIMITS)), { numRuns });
  });

  it('parseNumber gives a finite number, null or a refusal', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('.' as const, ',' as const), (s, d) => {
        const p = parseNumber(s, d);
        if (p.ok && p.value !== null) expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('readPackage on arbitrary bytes under any name', () => {
    fc.assert(
      fc.property(name, fc.uint8Array({ maxLength: 2000 }), (path, bytes) => {
        wellFormed(readPackage(null, [units, { path, bytes }]).report);
      }),
      { numRuns },
    );
  });

  it('readPackage on arbitrary JSON as GeoJSON, TopoJSON and descriptor', () => {
    fc.assert(
      fc.property(fc.constantFrom('x.geojson', 'x.topojson', 'datapackage.json'), fc.jsonValue({ maxDepth: 6 }), (path, value) => {
        wellFormed(readPackage(null, [{ path, bytes: enc.encode(JSON.stringify(value) ?? 'null') }]).report);
        wellFormed(readPackage(value, [units]).report);
      }),
      { numRuns },
    );
  });

  it('readPackage on GeoJSON-shaped values with odd members', () => {
    const coord = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string({ maxLength: 3 }));
    const ring = fc.array(fc.array(coord, { minLength: 0, maxLength: 3 }), { maxLength: 8 });
    const geometry = fc.oneof(
      fc.constant(null),
      fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'GeometryCollection', 'Nope'), coordinates: fc.oneof(fc.array(ring, { maxLength: 3 }), fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 3 })) }),
    );
    const props = fc.dictionary(fc.constantFrom('unit_id', 'name', 'level', 'parent_id', 'name_alt', '__proto__', 'constructor', 'id', 'NAME'), fc.jsonValue({ maxDepth: 2 }));
    const fcoll = fc.record({
      type: fc.constant('FeatureCollection'),
      crs: fc.option(fc.record({ type: fc.constant('name'), properties: fc.record({ name: fc.constantFrom('EPSG:3857', 'urn:ogc:def:crs:EPSG::6316', 'EPSG:9999', 'x') }) }), { nil: undefined }),
      features: fc.array(fc.record({ type: fc.constant('Feature'), properties: fc.option(props), geometry }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fcoll, (v) => {
        wellFormed(readPackage(null, [{ path: 'u.geojson', bytes: enc.encode(JSON.stringify(v)) }]).report);
      }),
      { numRuns },
    );
  });

  it('readPackage on Topology-shaped values', () => {
    const position = fc.array(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.constant(null)), { maxLength: 3 });
    const arcs = fc.array(fc.array(position, { maxLength: 5 }), { maxLength: 5 });
    const arcRef = fc.oneof(fc.integer({ min: -8, max: 8 }), fc.constant(1e9), fc.string({ maxLength: 2 }));
    const geom = fc.record({
      type: fc.constantFrom('Polygon', 'MultiPolygon', 'GeometryCollection', 'LineString', 'Point', 'X'),
      arcs: fc.oneof(fc.array(fc.array(arcRef, { maxLength: 4 }), { maxLength: 3 }), fc.array(fc.array(fc.array(arcRef, { maxLength: 3 }), { maxLength: 2 }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 2 })),
      properties: fc.option(fc.dictionary(fc.constantFrom('unit_id', 'name', 'level', '__proto__'), fc.jsonValue({ maxDepth: 1 }))),
      geometries: fc.option(fc.array(fc.record({ type: fc.constantFrom('Polygon', 'Point'), arcs: fc.array(fc.array(arcRef, { maxLength: 3 }), { maxLength: 2 }) }), { maxLength: 3 }), { nil: undefined }),
    });
    const topo = fc.record({
      type: fc.constant('Topology'),
      arcs,
      transform: fc.option(fc.record({ scale: fc.array(fc.double(), { minLength: 2, maxLength: 2 }), translate: fc.array(fc.double(), { minLength: 2, maxLength: 2 }) }), { nil: undefined }),
      objects: fc.dictionary(fc.constantFrom('units', 'a', '__proto__'), fc.oneof(geom, fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.array(geom, { maxLength: 3 }) }))),
    });
    fc.assert(
      fc.property(topo, (v) => {
        wellFormed(readPackage(null, [{ path: 'u.topojson', bytes: enc.encode(JSON.stringify(v)) }]).report);
      }),
      { numRuns },
    );
  });

  it('readPackage on table-shaped CSV with contract columns', () => {
    const col = fc.constantFrom('unit_id', 'unit_name', 'indicator', 'value', 'year', 'unit', 'service', 'service_id', 'lat', 'lon', 'capacity', 'users', 'status', 'kind', 'size', 'places_per_1000', 'category', 'target_groups', 'serves', 'region_id', '__proto__', 'constructor');
    const val = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('A', 'Alpha', 'ALPHA', '-1', '1,5', '1.234', '1e309', '100', 'elderly', 'day_care', '', '999999999999'));
    const table = fc
      .tuple(fc.uniqueArray(col, { minLength: 1, maxLength: 7 }), fc.array(fc.array(val, { maxLength: 8 }), { maxLength: 12 }), fc.constantFrom(',', ';', '\t'))
      .map(([h, rows, d]) => [h.join(d), ...rows.map((r) => r.join(d))].join('\n'));
    fc.assert(
      fc.property(table, (text) => {
        wellFormed(readPackage(null, [units, { path: 't.csv', bytes: enc.encode(text) }]).report);
      }),
      { numRuns },
    );
  });
});
