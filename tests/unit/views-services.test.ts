import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../src/core/dataset';
import type { DataPackage } from '../../src/core/model';
import { DEFAULT_STATE, parseViewState, serializeViewState } from '../../src/core/url';
import { buildMapGeometry } from '../../src/core/views/geometry';
import { buildPresenceView, presenceViewCsv } from '../../src/core/views/services-presence';
import {
  buildServicesView, CLOSED_COLOR, GROUP_COLORS, indexServices, readServiceFilters, serviceDetails, spread, withServiceFilters,
} from '../../src/core/views/services';
import { tinyGapsPackage } from '../fixtures/gaps/tiny';

// The tiny package, with one service located by coordinates only (inside M5) and a hostile name.
const s2 = tinyGapsPackage.services[1];
if (!s2) throw new Error('fixture changed');
const pkg: DataPackage = {
  ...tinyGapsPackage,
  services: [
    ...tinyGapsPackage.services,
    { ...s2, id: 'S9', name: '=HYPERLINK("x")', unitId: null, lat: 42.15, lon: 21.15, service: 'foster_care', providerType: 'ngo', status: 'partial' },
  ],
};
const ds = prepareDataset(pkg);
const geo = buildMapGeometry(ds);
const index = indexServices(ds, ds.pkg.services, geo.labelPoints);
const state = (q: string) => parseViewState(q).state;

describe('service filters in the URL', () => {
  it('round-trip as sf_* parameters', () => {
    const s = withServiceFilters({ ...DEFAULT_STATE, view: 'services' }, { service: 'day_care', status: 'planned', category: 'elderly', provider: 'ngo' });
    expect(serializeViewState(s)).toContain('sf_service=day_care');
    expect(readServiceFilters(parseViewState(serializeViewState(s)).state)).toEqual({ service: 'day_care', category: 'elderly', provider: 'ngo', status: 'planned' });
    expect(readServiceFilters(withServiceFilters(s, { service: null }))).toMatchObject({ service: null, status: 'planned' });
  });
});

describe('placing services', () => {
  it('coordinates first; else the unit’s label point, spread so they do not overlap; the unit found by polygon', () => {
    const s9 = index.byId.get('S9');
    expect(s9).toMatchObject({ placed: 'point', unitId: 'M5', regionIds: ['R2'] });
    const inM1 = index.services.filter((p) => p.unitId === 'M1' && p.placed === 'unit');
    expect(inM1.length).toBe(3); // S1, S5, S8
    const keys = new Set(inM1.map((p) => `${p.lon},${p.lat}`));
    expect(keys.size).toBe(3);
    // S1 serves M1 + M2 (both R1); S4 stands in M2 and serves M3
    expect(index.byId.get('S4')?.regionIds).toEqual(['R1']);
  });
  it('spread keeps one marker on the point and rings around it otherwise', () => {
    expect(spread([21, 42], 0, 1)).toEqual([21, 42]);
    const a = spread([21, 42], 0, 2);
    const b = spread([21, 42], 1, 2);
    expect(a).not.toEqual(b);
    expect(Math.abs(a[1] - 42)).toBeLessThan(0.02);
  });
});

describe('buildServicesView', () => {
  it('colours by group (9 distinct colours), closed greyed, filters and region focus applied', () => {
    expect(new Set(Object.values(GROUP_COLORS)).size).toBe(9);
    const all = buildServicesView(ds, index, state('?view=services'), geo.labelPoints, 'en');
    expect(all.total).toBe(9);
    expect(all.points.features).toHaveLength(9);
    const s5 = all.points.features.find((f) => f.properties.id === 'S5');
    expect(s5?.properties).toMatchObject({ color: CLOSED_COLOR, status: 'closed', placed: 'unit' });
    expect(all.points.features.find((f) => f.properties.id === 'S1')?.properties.color).toBe(GROUP_COLORS.community_day);
    expect(all.legend.find((l) => l.group === 'community_day')?.count).toBe(4);

    const r2 = buildServicesView(ds, index, state('?view=services&region=R2'), geo.labelPoints, 'en');
    expect(r2.list.map((s) => s.id).sort()).toEqual(['S6', 'S7', 'S9']);
    expect(r2.capacities.list).toEqual([]);

    const planned = buildServicesView(ds, index, state('?view=services&sf_status=planned'), geo.labelPoints, 'en');
    expect(planned.list.map((s) => s.id)).toEqual(['S6']);
    expect(planned.total).toBe(9);
    const pwd = buildServicesView(ds, index, state('?view=services&sf_category=persons_with_disabilities'), geo.labelPoints, 'en');
    expect(pwd.list.map((s) => s.id).sort()).toEqual(['S1', 'S3']);
    const ngo = buildServicesView(ds, index, state('?view=services&sf_provider=ngo'), geo.labelPoints, 'en');
    expect(ngo.list.map((s) => s.id)).toEqual(['S9']);
  });

  it('unused capacities are their own list and points (at the unit when without coordinates)', () => {
    const v = buildServicesView(ds, index, state('?view=services&region=R1'), geo.labelPoints, 'en');
    expect(v.capacities.list).toMatchObject([{ id: 'C1', unitName: 'Name M3', kindLabel: 'Empty building', sizeLabel: '400 m2', placed: true }]);
    expect(v.capacities.points.features[0]?.geometry.coordinates).toEqual(geo.labelPoints.get('M3'));
  });

  it('details: unknown capacity said so, catchment named, hostile text kept as text', () => {
    const d3 = serviceDetails(ds, index, 'S3', 'en');
    expect(d3).toMatchObject({ capacity: 'unknown', capacityKnown: false, serves: ['Name M3'], status: 'Active', location: 'no coordinates: shown at its unit' });
    expect(serviceDetails(ds, index, 'S1', 'en')?.serves).toEqual(['Name M1', 'Name M2']);
    expect(serviceDetails(ds, index, 'S9', 'mk')?.name).toBe('=HYPERLINK("x")');
    expect(serviceDetails(ds, index, 'nope', 'en')).toBeNull();
  });
});

describe('presence matrix view', () => {
  it('region row first, its units below, statuses with counts and capacity', () => {
    const v = buildPresenceView(ds, ds.pkg, 'R1', 'en');
    expect(v.rows.map((r) => r.id)).toEqual(['R1', 'M1', 'M2', 'M3']);
    const col = (k: string) => v.services.findIndex((s) => s.key === k);
    const cell = (unit: string, k: string) => v.rows.find((r) => r.id === unit)?.cells[col(k)];
    expect(cell('M3', 'day_care')).toMatchObject({ status: 'present', text: '1 · ?' }); // S3, capacity unknown
    expect(cell('M1', 'home_care')).toMatchObject({ status: 'absent', text: '' }); // S5 closed
    expect(cell('M2', 'day_care')).toMatchObject({ status: 'present', text: '2 · 40' }); // S1 (30) + S2 (10)
    expect(cell('R1', 'day_care')?.text).toBe('3 · 40+?');
    expect(cell('M2', 'day_care')?.label).toContain('Present');
    const r2 = buildPresenceView(ds, ds.pkg, 'R2', 'en');
    expect(r2.rows.find((r) => r.id === 'M4')?.cells[col('day_care')]).toMatchObject({ status: 'planned', mark: '○' });
    expect(r2.rows.find((r) => r.id === 'M4')?.cells[col('home_care')]?.status).toBe('mobile');
    expect(r2.rows.find((r) => r.id === 'M5')?.cells[col('foster_care')]?.status).toBe('partial');
  });

  it('CSV export: one row per unit × service, formula-safe names', () => {
    const bad: DataPackage = { ...pkg, units: pkg.units.map((u) => (u.id === 'M1' ? { ...u, name: '=cmd|1' } : u)) };
    const dsb = prepareDataset(bad);
    const csv = presenceViewCsv(dsb, dsb.pkg, 'R1', 'en');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('unit_id,unit_name,service,status,count,capacity,unknown_capacity,planned');
    expect(lines).toHaveLength(1 + 4 * 16);
    expect(csv).toContain("M1,'=cmd|1,");
    expect(csv).toContain('M2,Name M2,day_care,present,2,40,0,0');
  });
});
