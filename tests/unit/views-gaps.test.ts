import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../src/core/dataset';
import { runGaps } from '../../src/core/gaps/engine';
import { computeAdjacency } from '../../src/core/geo/adjacency';
import type { DataPackage } from '../../src/core/model';
import { DEFAULT_STATE, parseViewState, serializeViewState } from '../../src/core/url';
import { buildGapsView, choosePair, readGapsParams, sortGapUnits, withGapsParams, type GapsParams } from '../../src/core/views/gaps';
import { buildCooperationView, buildNormsView, buildPrioritiesView, editNorm, type PlanInputs } from '../../src/core/views/gaps-plan';
import {
  addEdit, addScenario, EMPTY_GAPS_WORKSPACE, makeGapRunner, makeStabiliser, removeEdit, sanitiseGapsWorkspace, scenarioService,
} from '../../src/core/views/gaps-scenario';
import { buildMapGeometry } from '../../src/core/views/geometry';
import { tinyGapsPackage as pkg } from '../fixtures/gaps/tiny';

const ds = prepareDataset(pkg);
const base = runGaps(ds.pkg);
const params = (p: Partial<GapsParams> = {}): GapsParams => ({ service: 'day_care', category: 'elderly', metric: 'coverage', distanceKm: null, scenarioId: null, ...p });
const view = (p: Partial<GapsParams> = {}, regionId: string | null = 'R1', result = base, baseline: typeof base | null = null) =>
  buildGapsView({ ds, result, baseline, regionId, params: params(p), selectedUnit: null, lang: 'en' });

describe('gaps URL parameters', () => {
  it('round-trip through the URL as rest parameters, bad values dropped', () => {
    const s = withGapsParams(DEFAULT_STATE, { service: 'day_care', category: 'elderly', metric: 'gap', distanceKm: 25, scenarioId: 's1' });
    const back = parseViewState(serializeViewState({ ...s, view: 'gaps' })).state;
    expect(readGapsParams(back)).toEqual({ service: 'day_care', category: 'elderly', metric: 'gap', distanceKm: 25, scenarioId: 's1' });
    const bad = parseViewState('?view=gaps&service=<x>&metric=zzz&distance=-3&scenario=a%20b').state;
    expect(readGapsParams(bad)).toEqual({ service: null, category: null, metric: 'coverage', distanceKm: null, scenarioId: null });
  });
});

describe('choosePair', () => {
  it('keeps a pair that has a norm, offers only services with a norm for the category', () => {
    const p = choosePair(base, { service: 'home_care', category: 'elderly' }, 'en');
    expect(p.chosen).toMatchObject({ service: 'home_care', category: 'elderly', placesPer1000: 50 });
    expect(p.services.map((s) => s.key).sort()).toEqual(['day_care', 'home_care']);
    expect(p.categories.map((c) => c.key).sort()).toEqual(['elderly', 'persons_with_disabilities']);
  });
  it('falls back to the category’s service with most need when the pair has no norm', () => {
    // persons_with_disabilities has a norm for day care only
    expect(choosePair(base, { service: 'home_care', category: 'persons_with_disabilities' }, 'en').chosen?.service).toBe('day_care');
    // elderly: home care need (180 + 20) beats day care (36 + 4)
    expect(choosePair(base, { service: 'counselling', category: 'elderly' }, 'en').chosen?.service).toBe('home_care');
  });
});

describe('buildGapsView (hand-computed tiny package, README worked example)', () => {
  it('region R1, day care × elderly, coverage: classes, desert, region row', () => {
    const v = view();
    expect(v.tableUnits.map((u) => u.id)).toEqual(['M1', 'M2', 'M3']);
    const by = new Map(v.units.map((u) => [u.id, u]));
    expect(by.get('M1')?.row?.gap).toBeCloseTo(10 / 3, 6);
    expect(by.get('M1')?.classIndex).toBe(2); // 66.7 % in 50–75 %
    expect(by.get('M2')?.classIndex).toBe(4); // 116.7 % ≥ 100 %
    expect(by.get('M3')).toMatchObject({ desert: true, classIndex: 0 });
    expect(by.get('M3')?.valueLabel).toContain('no service');
    expect(v.deserts).toEqual(['M3']);
    expect(v.legend.desert.count).toBe(1);
    expect(v.regionRows).toHaveLength(1);
    expect(v.regionRows[0]?.row.gap).toBeCloseTo(9 + 1 / 3, 6); // 3.333 + 0 + 6, not 36 − 30
    expect(v.regionRows[0]?.row.need).toBeCloseTo(36, 9);
    // the map sees the same colours and only R1 in focus
    expect(v.mapView.units.filter((u) => u.inFocus).map((u) => u.id)).toEqual(['M1', 'M2', 'M3']);
    expect(v.mapView.units.find((u) => u.id === 'M3')?.color).toBe(by.get('M3')?.color);
  });

  it('whole country: both deserts, a unit without figures is no data (never a desert), all regions summed', () => {
    const v = view({}, null);
    expect(v.deserts.sort()).toEqual(['M3', 'M4']);
    const m5 = v.units.find((u) => u.id === 'M5');
    expect(m5).toMatchObject({ desert: false, classIndex: -1, needKnown: false });
    expect(v.legend.noData.count).toBe(1);
    expect(v.regionRows.map((r) => r.id)).toEqual(['R1', 'R2', 'XX']);
    expect(v.regionRows.find((r) => r.id === 'XX')?.row.need).toBeCloseTo(40, 9);
  });

  it('gap metric: zero gap is its own class, positive gaps classed', () => {
    const v = view({ metric: 'gap' });
    const by = new Map(v.units.map((u) => [u.id, u]));
    expect(by.get('M2')?.classIndex).toBe(0);
    expect(by.get('M1')?.classIndex).toBeGreaterThan(0);
    expect(by.get('M3')?.value).toBeCloseTo(6, 9);
    expect(v.legend.classes[0]?.count).toBe(1);
  });

  it('sorts by gap with missing values last in both directions', () => {
    const v = view({ metric: 'gap' }, null);
    const desc = sortGapUnits(v.tableUnits, 'gap', 'desc', 'en').map((u) => u.id);
    const asc = sortGapUnits(v.tableUnits, 'gap', 'asc', 'en').map((u) => u.id);
    expect(desc).toEqual(['M3', 'M4', 'M1', 'M2', 'M5']);
    expect(asc).toEqual(['M2', 'M1', 'M4', 'M3', 'M5']);
  });
});

describe('what-if scenarios', () => {
  it('a day-care service in M3 removes its desert and its gap; the baseline and the data stay', () => {
    const before = JSON.stringify(pkg.services);
    const created = addScenario(EMPTY_GAPS_WORKSPACE, 'New day centre');
    const id = created.id;
    let ws = created.ws;
    const sc0 = ws.scenarios[0];
    if (!sc0) throw new Error('no scenario');
    const svc = scenarioService(sc0, pkg.services, { service: 'day_care', targetGroups: ['elderly'], unitId: 'M3', capacity: 10, lat: null, lon: null });
    ws = addEdit(ws, id, { op: 'add', service: svc });
    const sc = ws.scenarios[0];
    if (!sc) throw new Error('no scenario');
    const runner = makeGapRunner();
    const scen = runner.get({ pkg: ds.pkg, norms: null, scenario: sc, distanceKm: null });
    const v = view({}, 'R1', scen, base);
    const m3 = v.units.find((u) => u.id === 'M3');
    expect(m3).toMatchObject({ desert: false });
    expect(m3?.row?.gap).toBe(0);
    expect(m3?.delta).toMatchObject({ desert: -1 });
    expect(m3?.delta?.gap).toBeCloseTo(-6, 9);
    expect(v.deserts).toEqual([]);
    expect(v.regionRows[0]?.delta?.gap).toBeCloseTo(-6, 9);
    expect(base.get('M3', 'day_care', 'elderly')?.desert).toBe(true);
    expect(JSON.stringify(pkg.services)).toBe(before);
  });

  it('the runner re-runs the engine only when its inputs change', () => {
    const runner = makeGapRunner();
    const { ws } = addScenario(EMPTY_GAPS_WORKSPACE, 'A');
    const sc = ws.scenarios[0] ?? null;
    const a = runner.get({ pkg: ds.pkg, norms: null, scenario: null, distanceKm: null });
    runner.get({ pkg: ds.pkg, norms: null, scenario: null, distanceKm: null });
    runner.get({ pkg: ds.pkg, norms: null, scenario: sc, distanceKm: null });
    expect(runner.get({ pkg: ds.pkg, norms: null, scenario: null, distanceKm: null })).toBe(a);
    expect(runner.runs()).toBe(2);
    runner.get({ pkg: ds.pkg, norms: null, scenario: null, distanceKm: 20 });
    runner.get({ pkg: ds.pkg, norms: null, scenario: sc ? { ...sc } : null, distanceKm: null });
    expect(runner.runs()).toBe(4);
  });

  it('scenario ids and added service ids are unique; edits can be removed', () => {
    let r = addScenario(EMPTY_GAPS_WORKSPACE, 'A');
    r = addScenario(r.ws, 'B');
    expect(r.ws.scenarios.map((s) => s.id)).toEqual(['s1', 's2']);
    const sc = r.ws.scenarios[1];
    if (!sc) throw new Error('no scenario');
    const a = scenarioService(sc, pkg.services, { service: 'day_care', targetGroups: [], unitId: 'M1', capacity: 5, lat: null, lon: null });
    const ws2 = addEdit(r.ws, sc.id, { op: 'add', service: a });
    const sc2 = ws2.scenarios[1];
    if (!sc2) throw new Error('no scenario');
    const b = scenarioService(sc2, pkg.services, { service: 'day_care', targetGroups: [], unitId: 'M1', capacity: Number.NaN, lat: null, lon: null });
    expect(b.id).not.toBe(a.id);
    expect(b.capacity).toBeNull();
    expect(removeEdit(ws2, sc.id, 0).scenarios[1]?.edits).toEqual([]);
  });

  it('a JSON round trip (what the workspace store hands back) keeps unchanged parts identical', () => {
    const stabilise = makeStabiliser();
    const a = addScenario(addScenario(EMPTY_GAPS_WORKSPACE, 'A').ws, 'B').ws;
    const roundTrip = (w: typeof a) => sanitiseGapsWorkspace(JSON.parse(JSON.stringify(w)));
    const first = stabilise(roundTrip(a));
    expect(stabilise(roundTrip(a))).toBe(first);
    const weighted = stabilise(roundTrip({ ...a, weights: { ...a.weights, size: 0.9 } }));
    expect(weighted).not.toBe(first);
    expect(weighted.scenarios).toBe(first.scenarios);
    expect(weighted.norms).toBe(first.norms);
    const edited = stabilise(roundTrip(addEdit(a, 's2', { op: 'close', serviceId: 'S1' })));
    expect(edited.scenarios[0]).toBe(first.scenarios[0]);
    expect(edited.scenarios[1]).not.toBe(first.scenarios[1]);
    // so the runner re-runs for the edited scenario only
    const runner = makeGapRunner();
    const run = (w: typeof a, i: number) => runner.get({ pkg: ds.pkg, norms: w.norms, scenario: w.scenarios[i] ?? null, distanceKm: null });
    run(first, 0);
    run(first, 1);
    run(weighted, 0);
    run(edited, 0);
    expect(runner.runs()).toBe(2);
    run(edited, 1);
    expect(runner.runs()).toBe(3);
  });

  it('sanitises what storage returns: hostile keys, unknown ops, bad numbers dropped', () => {
    const raw = JSON.parse(
      '{"scenarios":[{"id":"s1","name":"ok","edits":[{"op":"resize","serviceId":"S2","capacity":20},{"op":"explode"},{"op":"close","serviceId":"__proto__"},{"op":"add","service":{"id":"n","service":"day_care","capacity":-4,"targetGroups":["elderly",5]}}]},{"id":"__proto__","edits":[]},{"id":"s1","edits":[]}],"norms":[{"service":"day_care","category":"elderly","placesPer1000":"x"},{"service":"day_care","category":"elderly","placesPer1000":12}],"weights":{"size":3,"unmet":-1}}',
    ) as unknown;
    const ws = sanitiseGapsWorkspace(raw);
    expect(ws.scenarios.map((s) => s.id)).toEqual(['s1']);
    expect(ws.scenarios[0]?.edits.map((e) => e.op)).toEqual(['resize', 'add']);
    const add = ws.scenarios[0]?.edits[1];
    expect(add?.op === 'add' && add.service.capacity).toBeNull();
    expect(add?.op === 'add' && add.service.targetGroups).toEqual(['elderly']);
    expect(ws.norms).toEqual([{ service: 'day_care', category: 'elderly', placesPer1000: 12, source: '' }]);
    expect(ws.weights.size).toBe(3);
    expect(ws.weights.unmet).toBe(EMPTY_GAPS_WORKSPACE.weights.unmet);
    expect(sanitiseGapsWorkspace('nonsense')).toEqual(EMPTY_GAPS_WORKSPACE);
  });
});

describe('norms, priorities, cooperation', () => {
  it('editing a norm changes the need and drops the illustrative label of that pair only', () => {
    const ill: DataPackage = { ...pkg, norms: pkg.norms.map((n) => ({ ...n, source: 'illustrative' })) };
    const r = runGaps(ill);
    expect(buildNormsView(r.pairs, false, 'en').rows.every((x) => x.illustrative)).toBe(true);
    const norms = editNorm(r.pairs, 'day_care', 'elderly', 20);
    const r2 = runGaps(ill, { norms });
    const nv = buildNormsView(r2.pairs, true, 'en');
    expect(nv.rows.find((x) => x.service === 'day_care' && x.category === 'elderly')).toMatchObject({ placesPer1000: 20, illustrative: false });
    expect(nv.illustrative).toBe(true);
    expect(r2.get('M1', 'day_care', 'elderly')?.need).toBeCloseTo(20, 9);
    expect(editNorm(r.pairs, 'home_care', 'elderly', null)).toHaveLength(2);
  });

  const adjacency = computeAdjacency(pkg.units.filter((u) => u.level === 'municipality').map((u) => ({ id: u.id, geometry: u.geometry })));
  const inputs = (result = base, regionId: string | null = null): PlanInputs => ({
    pkg: ds.pkg, result, baseline: null, regionId, adjacency, regionName: (id) => `R:${id}`, unitName: (id) => `U:${id}`, lang: 'en',
  });

  it('priorities expose components whose points add up to the score; weights reorder them', () => {
    const w = { ...EMPTY_GAPS_WORKSPACE.weights };
    const p = buildPrioritiesView(inputs(), w);
    expect(p.rows.length).toBeGreaterThan(0);
    for (const row of p.rows) expect(row.components.reduce((s, c) => s + c.points, 0)).toBeCloseTo(row.score, 6);
    const onlySize = buildPrioritiesView(inputs(), { size: 1, unmet: 0, vulnerability: 0, feasibility: 0, innovation: 0 });
    expect(onlySize.rows[0]).toMatchObject({ regionId: 'R1', service: 'home_care', category: 'elderly' }); // need 180, the largest
    expect(buildPrioritiesView(inputs(base, 'R2'), w).rows.every((r) => r.regionId === 'R2')).toBe(true);
  });

  it('cooperation suggestions name units and modes', () => {
    const c = buildCooperationView(inputs());
    expect(c.total).toBeGreaterThan(0);
    // largest transferable first: M1 lacks 50 home-care places, M4 (next to it) has 10 spare
    expect(c.rows[0]).toMatchObject({ kind: 'spare_neighbour', title: 'Home help and care · Elderly persons' });
    expect(c.rows[0]?.units.map((u) => u.id)).toEqual(['M1', 'M4']);
    // day care for the elderly: M3 (gap 6) and M1 (gap 3.3) both border M2 (3.3 spare); larger gap first
    const day = c.rows.filter((r) => r.kind === 'spare_neighbour' && r.title.startsWith('Day care · Elderly'));
    expect(day.map((r) => r.units.map((u) => u.id))).toEqual([['M3', 'M2'], ['M1', 'M2']]);
    const spare = day[1];
    expect(spare?.text).toContain('U:M1');
    expect(spare?.modeLabel).toBe('Co-financing');
  });
});

describe('services geometry helper', () => {
  it('label points exist for every mapped unit', () => {
    expect(buildMapGeometry(ds).labelPoints.size).toBe(5);
  });
});
