// The parse client without Worker (Node has none, like a browser that blocks it): the same
// parse, merge and index run on the page, and the page's slice runner builds the Dataset from
// them; the result equals the one-go prepareDataset(mergePackages(base, user)).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../src/core/dataset';
import type { DataPackage, Observation } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { mergePackages } from '../../src/core/workspace/merge';
import { parseWorkspace, type ParseInput } from '../../src/core/workspace/parse';
import { assembleDataset } from '../../src/core/workspace/prepared';
import { defaultFileOptions } from '../../src/core/workspace/schema';
import { ParseCancelled, ParseClient } from '../../src/io/worker/client';
import { runSliced, SliceAborted } from '../../src/io/worker/slices';

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${p}`, import.meta.url)));
const units = readPackage(null, [{ path: 'mk-units.geojson', bytes: fixture('mk-units.geojson') }]).pkg.units;
const munis = units.filter((u) => u.level === 'municipality');
const obs = (unitId: string, indicator: string, value: number): Observation => ({ unitId, indicator, value, year: 2021, unit: 'count', source: 'census', note: '' });
const base: DataPackage = {
  meta: { name: '', title: 'base', description: '', sources: [], licenses: [] },
  units,
  observations: munis.map((u, i) => obs(u.id, 'population', 1000 + i)),
  services: [],
  capacities: [],
  norms: [],
};
const text = `unit_id,indicator,value,year\n${munis.map((u, i) => `${u.id},population,${i},2022\n${u.id},day_centre_users,${i % 7},2022`).join('\n')}\n`;
const input: ParseInput = {
  files: [{ path: 'mine.csv', bytes: new TextEncoder().encode(text), options: defaultFileOptions() }],
  aliases: [],
  mappings: [],
  base: { units: base.units, observations: base.observations },
};

describe('ParseClient without Worker', () => {
  it('parses, merges and indexes on the page; the sliced assembly gives the one-go Dataset', async () => {
    const client = new ParseClient();
    expect(client.mode).toBe('main');
    const phases: string[] = [];
    const done = await client.parse(input, (p) => phases.push(p.phase));
    expect(done.where).toBe('main');
    expect(phases).toContain('parsing');
    expect(done.report.files[0]?.resource).toBe('indicators');
    const ds = await runSliced(assembleDataset(done.prepared, prepareDataset(base)), () => true, 0);
    const user = (await parseWorkspace(input)).pkg;
    const want = prepareDataset(mergePackages(base, user));
    expect(ds.indicators).toEqual(want.indicators);
    for (const u of munis) {
      expect(ds.index.get('population', u.id)).toEqual(want.index.get('population', u.id));
      expect(ds.index.get('day_centre_users', u.id)).toEqual(want.index.get('day_centre_users', u.id));
    }
    expect(ds.pkg.observations).toEqual(want.pkg.observations);
  });

  it('cancel rejects the parse; an assembly whose run is over stops between slices', async () => {
    const client = new ParseClient();
    const p = client.parse(input, () => {});
    client.cancel();
    await expect(p).rejects.toBeInstanceOf(ParseCancelled);
    const done = await client.parse(input, () => {});
    let alive = true;
    const run = runSliced(assembleDataset(done.prepared, prepareDataset(base)), () => alive, 0);
    alive = false;
    await expect(run).rejects.toBeInstanceOf(SliceAborted);
  });
});
