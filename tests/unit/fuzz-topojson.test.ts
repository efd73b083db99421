// Fuzz: TopoJSON units (readPackage on .topojson bytes). Topologies with arcs out of range,
// negative (reversed) and non-integer arc references, broken transforms, nested collections,
// objects named like prototype keys and hostile properties: always a typed report (a bad
// topology is `topojson_invalid`, never an exception), the prototype untouched. Cases: FUZZ_RUNS.
import fc from 'fast-check';
import type { FeatureCollection, GeoJsonObject } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../src/core/parse/package';
import { anyKey, anyText, expectPrototypeClean, expectTypedReport, FUZZ_RUNS, FUZZ_TIMEOUT, runsFor } from '../fixtures/hostile/fuzz';

const numRuns = FUZZ_RUNS;
const enc = new TextEncoder();
const PROPS = ['unit_id', 'name', 'level', 'parent_id', 'name_alt', 'id'];

const int = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -3, max: 6 }) }, fc.integer(), fc.double(), fc.constantFrom(-1, ~0, ~5, 2 ** 31, Number.MAX_SAFE_INTEGER), anyText(3), fc.constant(null));
const arcRefs = fc.oneof(fc.array(int, { maxLength: 4 }), fc.array(fc.array(int, { maxLength: 4 }), { maxLength: 3 }), fc.array(fc.array(fc.array(int, { maxLength: 3 }), { maxLength: 2 }), { maxLength: 2 }), int);
const properties = fc.option(fc.dictionary(anyKey(PROPS), fc.oneof(anyText(20), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 6 }), { nil: undefined });
const geometry: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  g: fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'), arcs: arcRefs, properties, id: fc.option(anyText(5), { nil: undefined }) }, { requiredKeys: ['type'] }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('Point', 'MultiPoint'), coordinates: fc.jsonValue({ maxDepth: 2 }), properties }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('GeometryCollection'), geometries: fc.oneof(fc.array(tie('g'), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })), properties }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.record({ type: fc.constantFrom(null, 'Nope', '__proto__') }), fc.jsonValue({ maxDepth: 2 })) },
  ),
})).g;
const delta = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })).map((p) => [...p]);
const arcs = fc.oneof({ weight: 5, arbitrary: fc.array(fc.array(delta, { minLength: 1, maxLength: 8 }), { maxLength: 6 }) }, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));
const transform = fc.option(fc.oneof(fc.record({ scale: fc.tuple(fc.double(), fc.double()), translate: fc.tuple(fc.double(), fc.double()) }), fc.record({ scale: fc.constant([0.001, 0.001]), translate: fc.constant([20, 41]) }), fc.jsonValue({ maxDepth: 2 })), { nil: undefined });
const topo = fc.record(
  {
    type: fc.constantFrom('Topology', 'Topology', 'Topology', 'topology'),
    transform,
    arcs,
    objects: fc.oneof({ weight: 5, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('units', 'regions', '__proto__', 'constructor', 'prototype'), anyText(8)), geometry, { minKeys: 1, maxKeys: 3 }) }, fc.jsonValue({ maxDepth: 2 })),
    bbox: fc.option(fc.array(fc.double(), { maxLength: 4 }), { nil: undefined }),
  },
  { requiredKeys: ['type', 'arcs', 'objects'] },
);

describe('fuzz: TopoJSON', () => {
  it('any Topology-shaped file gives a typed report', () => {
    fc.assert(
      fc.property(topo, (v) => {
        const { pkg, report } = readPackage(null, [{ path: 'u.topojson', bytes: enc.encode(JSON.stringify(v)) }]);
        expectTypedReport(report);
        for (const u of pkg.units) expect(typeof u.id).toBe('string');
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('a valid topology with hostile properties keeps them as text', () => {
    const text = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("x")', '__proto__', 'constructor', '\u202Egnp.exe');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }), (names) => {
        const features = names.map(([name, parent], i) => ({
          type: 'Feature' as const,
          properties: { unit_id: `U${i}`, name, level: 'municipality', parent_id: parent },
          geometry: { type: 'Polygon' as const, coordinates: [[[20 + i, 41], [20.5 + i, 41], [20.5 + i, 41.5], [20 + i, 41]]] },
        }));
        const collection: FeatureCollection = { type: 'FeatureCollection', features };
        const t = topology({ units: collection as GeoJsonObject }, 1e5);
        const { pkg, report } = readPackage(null, [{ path: 'h.topojson', bytes: enc.encode(JSON.stringify(t)) }]);
        expectTypedReport(report);
        names.forEach(([name], i) => expect(pkg.units.find((u) => u.id === `U${i}`)?.name).toBe(name.trim()));
        expectPrototypeClean();
      }),
      { numRuns: runsFor(1 / 10) },
    );
  }, FUZZ_TIMEOUT);
});
