// buildMapView with its per-hierarchy frame (names, regions, name order built once) gives the
// same view-model from a frame cached by earlier calls (other languages and states) as from a
// dataset seen for the first time: every language, measure, region focus, selection and
// small-number protection.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareDataset, type Dataset } from '../../src/core/dataset';
import type { Lang } from '../../src/core/keys';
import type { Observation } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { parseViewState, type ViewState } from '../../src/core/url';
import { buildMapView } from '../../src/core/views/map';

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${p}`, import.meta.url)));
const units = readPackage(null, [{ path: 'mk-units.geojson', bytes: fixture('mk-units.geojson') }]).pkg.units;
const munis = units.filter((u) => u.level === 'municipality');
const obs = (unitId: string, indicator: string, value: number): Observation => ({ unitId, indicator, value, year: 2021, unit: 'count', source: 'census', note: '' });
// a new package (new unit objects, so a new hierarchy and an empty frame cache) per call
const pkg = () => ({
  meta: { name: '', title: '', description: '', sources: [], licenses: [] },
  units: units.map((u) => ({ ...u })),
  // some units without a value; small counts for the protection
  observations: munis.flatMap((u, i) => (i % 7 === 3 ? [] : [obs(u.id, 'population', 1000 + 37 * i), obs(u.id, 'elderly', i % 5)])),
  services: [],
  capacities: [],
  norms: [],
});
const ds: Dataset = prepareDataset(pkg());

describe('buildMapView', () => {
  it('equals the view of a fresh dataset (cold frame) for every language, measure, focus, selection and protection', () => {
    const regions = ds.regions.map((r) => r.id);
    const queries = ['', 'indicator=elderly', 'indicator=elderly&measure=per1000', 'measure=per_km2', `region=${regions[1]}`, `region=${regions[0]}&indicator=elderly&class=equal&classes=3`, `unit=${munis[4]?.id}`, 'indicator=elderly&suppress=1', 'indicator=nothing'];
    for (const lang of ['sq', 'mk', 'en'] as Lang[]) {
      for (const q of queries) {
        const state: ViewState = { ...parseViewState(`?${q}`).state, lang };
        const want = buildMapView(prepareDataset(pkg()), state, lang);
        // the shared dataset's frame was built by earlier calls (other languages and states)
        expect(buildMapView(ds, state, lang)).toEqual(want);
        expect(buildMapView(ds, state, lang)).toEqual(want);
      }
    }
  });
});
