// Fuzz: datapackage.json, given parsed (readPackage(descriptor, files)) or as a file among the
// others. Members of every type, resources with hostile names and paths (traversal, URLs,
// arrays, prototype keys), dialects, encodings and metadata from the hostile corpus: always a
// typed report, metadata as plain strings, the prototype untouched. Cases: FUZZ_RUNS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import { anyText, expectPrototypeClean, expectTypedReport, FUZZ_RUNS, FUZZ_TIMEOUT } from '../fixtures/hostile/fuzz';

const numRuns = FUZZ_RUNS;
const enc = new TextEncoder();
const FILES: InputFile[] = [
  { path: 'units.geojson', bytes: enc.encode(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { unit_id: 'A', name: 'Alpha', level: 'municipality' }, geometry: null }] })) },
  { path: 'indicators.csv', bytes: enc.encode('unit_id,indicator,value\nA,elderly,3\n') },
  { path: 'data/services.csv', bytes: enc.encode('service_id,name,service,unit_id\nS1,<b>x</b>,day_care,A\n') },
];
const PATHS = ['units.geojson', 'indicators.csv', 'data/services.csv', './units.geojson', '../../etc/passwd', '/etc/passwd', 'C:\\\\x.csv', 'javascript:alert(1)', 'https://evil.example/x.csv', 'data:text/csv,a', '', '__proto__', 'services.csv'];
const path = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PATHS) }, anyText(20), fc.array(fc.constantFrom(...PATHS), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }));
const resource = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        name: fc.oneof(fc.constantFrom('units', 'indicators', 'services', 'capacities', 'norms', '__proto__', 'constructor'), anyText(12), fc.jsonValue({ maxDepth: 1 })),
        path,
        encoding: fc.oneof(fc.constantFrom('utf-8', 'windows-1251', 'UTF-16', 'nonsense', ''), anyText(8), fc.integer()),
        dialect: fc.oneof(fc.record({ delimiter: fc.oneof(fc.constantFrom(',', ';', '\t', '|', '', ',,', '"'), anyText(3)) }), fc.jsonValue({ maxDepth: 2 })),
        format: fc.constantFrom('csv', 'geojson', 'xlsx', 'exe'),
      },
      { requiredKeys: [] },
    ),
  },
  fc.jsonValue({ maxDepth: 2 }),
);
const descriptor = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        name: anyText(20),
        title: anyText(40),
        description: fc.oneof(anyText(60), fc.jsonValue({ maxDepth: 2 })),
        region: fc.oneof(fc.constantFrom('A', '__proto__'), anyText(8)),
        recipient: anyText(20),
        country: anyText(6),
        sources: fc.oneof(fc.array(fc.record({ title: anyText(20), path: anyText(20), date: anyText(10) }, { requiredKeys: [] }), { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
        licenses: fc.oneof(fc.array(fc.record({ name: anyText(10), title: anyText(10) }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
        resources: fc.oneof({ weight: 4, arbitrary: fc.array(resource, { maxLength: 6 }) }, fc.jsonValue({ maxDepth: 2 })),
        ['__proto__']: fc.record({ polluted: fc.constant(true), resources: fc.constant([]) }),
        constructor: fc.jsonValue({ maxDepth: 2 }),
        prototype: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withTypedArray: true, withMap: true, withSet: true, withObjectString: true }),
);

function checkMeta(meta: { name: unknown; title: unknown; description: unknown; sources: { title: unknown }[] }): void {
  for (const v of [meta.name, meta.title, meta.description]) expect(typeof v).toBe('string');
  for (const s of meta.sources) expect(typeof s.title).toBe('string');
}

describe('fuzz: datapackage.json', () => {
  it('any descriptor value, given parsed, gives a typed report and string metadata', () => {
    fc.assert(
      fc.property(descriptor, fc.subarray(FILES), (d, files) => {
        const { pkg, report } = readPackage(d, files);
        expectTypedReport(report);
        checkMeta(pkg.meta);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('any descriptor as a datapackage.json file among the files (JSON text, prototype keys literal)', () => {
    fc.assert(
      fc.property(descriptor, fc.subarray(FILES), fc.constantFrom('datapackage.json', 'pkg/datapackage.json', 'DATAPACKAGE.JSON'), (d, files, name) => {
        let text: string;
        try {
          text = JSON.stringify(d) ?? 'null';
        } catch {
          text = '{';
        }
        const { pkg, report } = readPackage(null, [{ path: name, bytes: enc.encode(text) }, ...files]);
        expectTypedReport(report);
        checkMeta(pkg.meta);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);
});
