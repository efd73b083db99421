// Fuzz: GeoJSON units (readPackage on .geojson bytes). Odd members at every level — geometry
// types, coordinates that are not numbers, rings that do not close, projected or absurd numbers,
// declared CRSs, single Features, properties under hostile and prototype keys — and text from
// the hostile corpus in every property. Always a typed report; names arrive literally; the
// prototype is untouched. Cases: FUZZ_RUNS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../src/core/parse/package';
import { anyKey, anyText, expectPrototypeClean, expectTypedReport, FUZZ_RUNS, FUZZ_TIMEOUT, runsFor, SHORT_HOSTILE } from '../fixtures/hostile/fuzz';

const numRuns = FUZZ_RUNS;
const enc = new TextEncoder();
const PROPS = ['unit_id', 'name', 'level', 'parent_id', 'name_alt', 'name_sq', 'name_mk', 'name_en', 'id', 'NAME', 'shapeName', 'shapeID', 'ADM2_EN', 'type'];

const num = fc.oneof({ weight: 4, arbitrary: fc.double({ min: -200, max: 200, noNaN: true }) }, fc.double(), fc.integer(), fc.constantFrom(1e308, -1e308, 0, -0, 7_500_000, 4_600_000), fc.constant(null), fc.string({ maxLength: 3 }));
const position = fc.oneof({ weight: 6, arbitrary: fc.tuple(num, num).map((p) => [...p]) }, fc.array(num, { maxLength: 4 }), anyText(4));
const ring = fc.oneof({ weight: 4, arbitrary: fc.array(position, { minLength: 3, maxLength: 10 }).map((r) => [...r, r[0]]) }, fc.array(position, { maxLength: 6 }));
const polygon = fc.array(ring, { minLength: 0, maxLength: 3 });
const geometry: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  g: fc.oneof(
    { weight: 2, arbitrary: fc.record({ type: fc.constant('Polygon'), coordinates: polygon }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('MultiPolygon'), coordinates: fc.array(polygon, { maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.array(tie('g'), { maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('Point', 'LineString', 'MultiPoint', 'Nope', '__proto__'), coordinates: fc.oneof(position, fc.array(position, { maxLength: 4 })) }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant(undefined), fc.jsonValue({ maxDepth: 3 })) },
  ),
})).g;
const value = fc.oneof({ weight: 4, arbitrary: anyText(24) }, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('municipality', 'region', 'country', 'settlement', 'admin_unit', 'komuna', 'ADM2', 'A', 'B'));
const props = fc.oneof({ weight: 6, arbitrary: fc.dictionary(anyKey(PROPS), value, { maxKeys: 8 }) }, fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const feature = fc.record({ type: fc.constantFrom('Feature', 'Feature', 'Feature', 'feature', 'Nope'), properties: props, geometry, id: fc.option(fc.oneof(fc.integer(), anyText(6)), { nil: undefined }) }, { requiredKeys: ['type', 'properties', 'geometry'] });
const crs = fc.option(
  fc.oneof(
    fc.record({ type: fc.constant('name'), properties: fc.record({ name: fc.constantFrom('EPSG:4326', 'EPSG:3857', 'urn:ogc:def:crs:EPSG::6316', 'urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:99999', 'javascript:alert(1)') }) }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  { nil: undefined },
);
const collection = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('FeatureCollection'), crs, features: fc.array(feature, { maxLength: 7 }) }, { requiredKeys: ['type', 'features'] }) },
  { weight: 1, arbitrary: feature },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('FeatureCollection'), features: fc.jsonValue({ maxDepth: 2 }) }) },
);

describe('fuzz: GeoJSON', () => {
  it('any GeoJSON-shaped file gives a typed report and units with text ids and names', () => {
    fc.assert(
      fc.property(collection, fc.constantFrom('u.geojson', 'u.json', 'units.GEOJSON'), (v, path) => {
        const { pkg, report } = readPackage(null, [{ path, bytes: enc.encode(JSON.stringify(v) ?? 'null') }]);
        expectTypedReport(report);
        for (const u of pkg.units) {
          expect(typeof u.id).toBe('string');
          expect(typeof u.name).toBe('string');
          expect(u.id).not.toBe('');
        }
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('hostile names, ids and aliases arrive literally (trimmed), never interpreted', () => {
    const hostile = fc.constantFrom(...SHORT_HOSTILE.filter((s) => s.trim() !== ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile, hostile), { minLength: 1, maxLength: 5 }), (names) => {
        const features = names.map(([name, alias, id], i) => ({
          type: 'Feature',
          properties: { unit_id: `${id}#${i}`, name, level: 'municipality', name_alt: alias.replace(/\|/g, '/'), PROTO_KEY: { polluted: true }, constructor: name, prototype: { polluted: 1 } },
          geometry: { type: 'Polygon', coordinates: [[[20 + i, 41], [20.5 + i, 41], [20.5 + i, 41.5], [20 + i, 41]]] },
        }));
        // JSON text with literal "__proto__" keys, as a file would hold them
        const text = JSON.stringify({ type: 'FeatureCollection', features }).replace(/"PROTO_KEY"/g, '"__proto__"');
        expect(text).toContain('"__proto__":{"polluted":true}');
        const { pkg, report } = readPackage(null, [{ path: 'h.geojson', bytes: enc.encode(text) }]);
        expectTypedReport(report);
        names.forEach(([name, , id], i) => {
          const u = pkg.units.find((x) => x.id === `${id}#${i}`.trim());
          expect(u?.name, name).toBe(name.trim());
        });
        expectPrototypeClean();
      }),
      { numRuns: runsFor(1 / 4) },
    );
  }, FUZZ_TIMEOUT);
});
