// Small-number protection in the compare view: with `suppress` on, the charts, their tables and
// CSV leave out exactly the values the map hides (primary and complementary), say so in a
// note, and show everything when it is off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankedBarsTable } from '../../src/core/compare/ranking';
import { DEFAULT_COMPARE_STATE, type CompareState } from '../../src/core/compare/state';
import { buildCompareChart } from '../../src/core/compare/views';
import { prepareDataset } from '../../src/core/dataset';
import { readPackage } from '../../src/core/parse/package';
import { parsePrivacy } from '../../src/core/privacy/config';
import { protectionOf, suppressionFor } from '../../src/core/privacy/dataset';

const dir = join(__dirname, '../fixtures/embed');
const descriptor: unknown = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
const files = ['units.geojson', 'indicators.csv', 'services.csv'].map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(dir, path))) }));
const ds = prepareDataset(readPackage(descriptor, files).pkg);
const on = protectionOf(ds, parsePrivacy('1', false));
const MUNIS: CompareState = { ...DEFAULT_COMPARE_STATE, regions: [], chart: 'bars', level: 'municipality', indicator: 'elderly_alone' };

const bars = (privacy: typeof on) => {
  const c = buildCompareChart(ds.pkg, MUNIS, 'en', '2026-11-23', privacy);
  if (c.kind !== 'bars') throw new Error(`expected bars, got ${c.kind}`);
  return c;
};

describe('compare with small-number protection', () => {
  it('is off unless the URL asks for it', () => {
    expect(protectionOf(ds, parsePrivacy(null, false))).toBeUndefined();
    expect(on?.threshold).toBe(4);
  });

  it('hides the values the map hides, in the bars, the table and the note', () => {
    const hidden = suppressionFor(ds, 'elderly_alone', parsePrivacy('1', false));
    // EX11 = 3 and EX23 = 2 (primary); EX12 = 0 stays; complementary cells make totals safe
    expect(hidden.has('EX11') && hidden.has('EX23')).toBe(true);
    expect(hidden.has('EX12')).toBe(false);
    const c = bars(on);
    const byId = new Map(c.model.rows.map((r) => [r.unitId, r]));
    for (const id of ['EX11', 'EX12', 'EX13', 'EX21', 'EX22', 'EX23']) {
      const r = byId.get(id);
      expect(r, id).toBeDefined();
      if (hidden.has(id)) {
        expect([r?.value, r?.count, r?.lower, r?.upper, r?.rank, r?.missing]).toEqual([null, null, null, null, null, 'suppressed']);
      } else expect(r?.value, id).not.toBeNull();
    }
    const shownIds = new Set(c.model.rows.filter((r) => r.value !== null).map((r) => r.unitId));
    const table = rankedBarsTable(c.model, 'en');
    const countCol = table.columns.findIndex((col) => col.key === 'count');
    const counts = table.rows.map((row) => row[countCol]);
    for (const id of hidden.keys()) expect(shownIds.has(id)).toBe(false);
    expect(counts).not.toContain(3);
    expect(counts).not.toContain(2);
    const note = c.frame.notes.find((n) => n.startsWith('Small-number protection'));
    expect(note).toContain(`${[...hidden.keys()].filter((id) => byId.has(id)).length} values`);
  });

  it('shows every value without it', () => {
    const c = bars(undefined);
    const byId = new Map(c.model.rows.map((r) => [r.unitId, r]));
    expect(byId.get('EX11')?.count).toBe(3);
    expect(byId.get('EX23')?.count).toBe(2);
    expect(c.frame.notes.some((n) => n.startsWith('Small-number protection'))).toBe(false);
  });

  it('hides them in the scatter, the small multiples and the area profile too', () => {
    const scatter = buildCompareChart(ds.pkg, { ...MUNIS, chart: 'scatter', x: 'population_65_plus', y: 'elderly_alone' }, 'en', '2026-11-23', on);
    if (scatter.kind !== 'scatter') throw new Error(scatter.kind);
    expect(scatter.model.points.map((p) => p.unitId)).not.toContain('EX11');
    expect(scatter.frame.notes.some((n) => n.startsWith('Small-number protection'))).toBe(true);
    const multiples = buildCompareChart(ds.pkg, { ...MUNIS, chart: 'multiples', multiples: 'by_region' }, 'en', '2026-11-23', on);
    if (multiples.kind !== 'multiples') throw new Error(multiples.kind);
    const ex11 = multiples.model.panels.flatMap((p) => p.units).find((u) => u.unitId === 'EX11');
    expect(ex11?.value).toBeNull();
    const profile = buildCompareChart(ds.pkg, { ...MUNIS, chart: 'profile', area: 'EX11' }, 'en', '2026-11-23', on);
    if (profile.kind !== 'profile') throw new Error(profile.kind);
    expect(profile.frame.notes.some((n) => n.startsWith('Small-number protection'))).toBe(true);
  });
});
