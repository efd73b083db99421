// What the map writes to show a view: only the paint that differs (a selection repaints
// nothing; a region focus mutes the others), the outlined units, the zoom from which unit
// borders are drawn, and the slices a national layer's colours are written in.
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareDataset } from '../../src/core/dataset';
import { outlineMinZoom } from '../../src/core/geo/labels';
import type { Observation } from '../../src/core/model';
import { readPackage } from '../../src/core/parse/package';
import { parseViewState } from '../../src/core/url';
import { buildMapGeometry } from '../../src/core/views/geometry';
import { buildMapView } from '../../src/core/views/map';
import { highlightFeatures, paintChanges, type UnitPaint } from '../../src/core/views/map-paint';
import { MapState, UNITS_PER_FRAME } from '../../src/ui/map/mapState';

const bytes = new Uint8Array(readFileSync(new URL('../fixtures/import/mk-units.geojson', import.meta.url)));
const units = readPackage(null, [{ path: 'mk-units.geojson', bytes }]).pkg.units;
const munis = units.filter((u) => u.level === 'municipality');
const obs = (unitId: string, indicator: string, value: number): Observation => ({ unitId, indicator, value, year: 2021, unit: 'count', source: 'census', note: '' });
const ds = prepareDataset({
  meta: { name: '', title: '', description: '', sources: [], licenses: [] },
  units,
  observations: munis.flatMap((u, i) => [obs(u.id, 'population', 1000 + 37 * i), obs(u.id, 'elderly', (i * 7) % 13)]),
  services: [],
  capacities: [],
  norms: [],
});
const view = (q: string) => buildMapView(ds, { ...parseViewState(`?${q}`).state, lang: 'en' }, 'en');
const apply = (written: Map<string, UnitPaint>, changes: [string, UnitPaint][]) => {
  for (const [id, p] of changes) written.set(id, p);
  return written;
};

describe('paintChanges', () => {
  it('writes every unit once, then nothing for the same view', () => {
    const v = view('');
    const first = paintChanges(new Map(), v);
    expect(first).toHaveLength(munis.length);
    expect(first[0]?.[1]).toEqual({ color: v.units[0]?.color, muted: false });
    expect(paintChanges(apply(new Map(), first), v)).toEqual([]);
  });

  it('a selection repaints no unit; a region focus mutes the units outside it and recolours only changed ones', () => {
    const written = apply(new Map(), paintChanges(new Map(), view('')));
    expect(paintChanges(written, view(`unit=${munis[3]?.id}`))).toEqual([]);
    const region = ds.regions[2]?.id ?? '';
    const focused = view(`region=${region}`);
    const focus = new Map(paintChanges(written, focused));
    // muted: every unit outside the region; repainted inside it: those whose class changed
    // (the classes are those of the region's values)
    const outside = focused.units.filter((u) => !u.inFocus).map((u) => u.id);
    expect(outside.length).toBeGreaterThan(munis.length / 2);
    expect(outside.every((id) => focus.get(id)?.muted === true)).toBe(true);
    const recoloured = focused.units.filter((u) => u.inFocus && u.color !== written.get(u.id)?.color).map((u) => u.id);
    expect([...focus.keys()].sort()).toEqual([...outside, ...recoloured].sort());
  });

  it('a new indicator repaints the units whose colour changed, and only those', () => {
    const before = view('');
    const after = view('indicator=elderly');
    const written = apply(new Map(), paintChanges(new Map(), before));
    const changed = after.units.filter((u, i) => u.color !== before.units[i]?.color).map((u) => u.id);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(munis.length);
    expect(paintChanges(written, after).map(([id]) => id)).toEqual(changed);
  });
});

describe('highlightFeatures', () => {
  const g = buildMapGeometry(ds);
  const [a, b] = [munis[0]?.id ?? '', munis[1]?.id ?? ''];
  it('outlines hovered, focused and selected units in that order, the same unit once per kind', () => {
    const fc = highlightFeatures(g.units, { hover: a, focus: b, selected: a });
    expect(fc.features.map((f) => `${f.properties.kind}:${f.properties.unit_id}`)).toEqual([`hover:${a}`, `focus:${b}`, `selected:${a}`]);
    expect(fc.features[0]?.geometry).toBe(g.units.features.find((f) => f.properties.unit_id === a)?.geometry);
  });
  it('skips ids that are not mapped units and null ones', () => {
    expect(highlightFeatures(g.units, { hover: null, focus: 'MK999', selected: '__proto__' }).features).toEqual([]);
  });
});

describe('outlineMinZoom', () => {
  const square = (w: number): Polygon => ({ type: 'Polygon', coordinates: [[[20, 41], [20 + w, 41], [20 + w, 41 + w], [20, 41 + w], [20, 41]]] });
  it('is the zoom at which the median unit is 12 px wide', () => {
    // 12 px = w / 360 · 512 · 2^z
    expect(outlineMinZoom([square(0.02), square(0.02), square(5)])).toBe(8.7);
    expect(outlineMinZoom([square(0.25)])).toBe(5.1);
  });
  it("draws North Macedonia's municipal borders from zoom 5.5 or lower (the country fills a map at ~7)", () => {
    const z = buildMapGeometry(ds).outlineMinZoom;
    expect(z).toBeGreaterThan(3);
    expect(z).toBeLessThanOrEqual(5.5);
  });
  it('is 0 without any width', () => {
    expect(outlineMinZoom([])).toBe(0);
    expect(outlineMinZoom([null, square(0)])).toBe(0);
  });
});

describe('MapState', () => {
  afterEach(() => vi.unstubAllGlobals());
  const frames: (() => void)[] = [];
  const nextFrame = () => frames.shift()?.();
  const setup = () => {
    frames.length = 0;
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => (frames.length = 0));
    const writes: { id: string | number | undefined; state: Record<string, unknown> }[] = [];
    const map = { setFeatureState: (f: { id?: string | number }, state: Record<string, unknown>) => void writes.push({ id: f.id, state }) };
    return { writes, state: new MapState(map) };
  };
  const national = (n: number, color: string) => ({ regionId: null, units: Array.from({ length: n }, (_, i) => ({ id: `M${i}`, color, inFocus: true })) });

  it('writes a national layer in slices of UNITS_PER_FRAME, one per frame; a small one at once', () => {
    const { writes, state } = setup();
    const n = 2 * UNITS_PER_FRAME + 10;
    state.show(national(n, '#111111'));
    expect(writes).toHaveLength(UNITS_PER_FRAME);
    expect(state.pending).toBe(true);
    nextFrame();
    expect(writes).toHaveLength(2 * UNITS_PER_FRAME);
    nextFrame();
    expect(writes).toHaveLength(n);
    expect(state.pending).toBe(false);
    expect(frames).toHaveLength(0);
    expect(writes[n - 1]).toEqual({ id: `M${n - 1}`, state: { color: '#111111', muted: false } });
  });

  it('a new view during the slices writes what differs from what is on the map, and no unit twice for one view', () => {
    const { writes, state } = setup();
    const n = 2 * UNITS_PER_FRAME;
    state.show(national(n, '#111111'));
    const half = national(n, '#111111');
    half.units.forEach((u, i) => (u.color = i % 2 ? '#222222' : '#111111'));
    state.show(half);
    while (frames.length) nextFrame();
    // first slice of the first view, then of the second only the odd units and those never written
    const second = writes.slice(UNITS_PER_FRAME);
    expect(new Set(second.map((w) => w.id)).size).toBe(second.length);
    const last = new Map(writes.map((w) => [w.id, w.state['color']]));
    expect(last.size).toBe(n);
    expect([...last].every(([id, c]) => c === (Number(String(id).slice(1)) % 2 ? '#222222' : '#111111'))).toBe(true);
  });

  it('all at once when asked (before the first tiles), and the active region flag moves', () => {
    const { writes, state } = setup();
    state.show({ ...national(4000, '#111111'), regionId: 'R1' }, true);
    expect(writes.filter((w) => 'color' in w.state)).toHaveLength(4000);
    expect(writes.find((w) => w.id === 'R1')?.state).toEqual({ active: true });
    state.show({ ...national(4000, '#111111'), regionId: 'R2' });
    expect(writes.slice(-2)).toEqual([{ id: 'R1', state: { active: false } }, { id: 'R2', state: { active: true } }]);
  });
});
