// Checks the committed default data package data/mk/ (built by scripts/build-data.ts).
import { area, booleanClockwise, booleanPointInPolygon } from '@turf/turf';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CAPACITY_KINDS,
  CATEGORY_KEYS,
  PROVIDER_TYPES,
  SERVICE_KEYS,
  SERVICE_STATUSES,
} from '../../src/core/keys';

const DIR = join(__dirname, '..', '..', 'data', 'mk');
const text = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const csv = (name: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(text(name), { header: true, skipEmptyLines: true }).data;

interface Props {
  unit_id: string;
  name: string;
  name_en: string;
  name_mk: string;
  name_sq: string;
  name_alt: string;
  level: string;
  parent_id: string | null;
}
type UnitFeature = Feature<Polygon | MultiPolygon, Props>;

const units = (
  JSON.parse(text('units.geojson')) as FeatureCollection<Polygon | MultiPolygon, Props>
).features as UnitFeature[];
const byId = new Map(units.map((u) => [u.properties.unit_id, u]));
const municipalities = units.filter((u) => u.properties.level === 'municipality');
const regions = units.filter((u) => u.properties.level === 'region');
const indicators = csv('indicators.csv');
const services = csv('services.csv');
const capacities = csv('capacities.csv');
const norms = csv('norms.csv');

/** Official 2021 census totals of the planning regions (data/facts/mk_planning_regions.csv). */
const REGION_POP_2021: Record<string, number> = {
  MK001: 138722,
  MK002: 150234,
  MK003: 177398,
  MK004: 148387,
  MK005: 210431,
  MK006: 251552,
  MK007: 152982,
  MK008: 607007,
};

const rings = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
const decimals = (x: number): number => (String(x).split('.')[1] ?? '').length;

describe('data/mk units', () => {
  it('has 80 municipalities, 8 regions and one country, with unique ids', () => {
    expect(municipalities).toHaveLength(80);
    expect(regions).toHaveLength(8);
    expect(
      units.filter((u) => u.properties.level === 'country').map((u) => u.properties.unit_id),
    ).toEqual(['MK']);
    expect(new Set(units.map((u) => u.properties.unit_id)).size).toBe(units.length);
  });

  it('links every municipality to a region and every region to the country', () => {
    for (const m of municipalities) {
      expect(byId.get(m.properties.parent_id ?? '')?.properties.level, m.properties.unit_id).toBe(
        'region',
      );
      expect(m.properties.unit_id.startsWith(m.properties.parent_id ?? '-')).toBe(true);
    }
    for (const r of regions) expect(r.properties.parent_id).toBe('MK');
  });

  it('puts exactly the 9 Pelagonia municipalities in MK005', () => {
    const names = municipalities
      .filter((m) => m.properties.parent_id === 'MK005')
      .map((m) => m.properties.name);
    expect(names.sort()).toEqual(
      [
        'Bitola',
        'Demir Hisar',
        'Dolneni',
        'Krivogaštani',
        'Kruševo',
        'Mogila',
        'Novaci',
        'Prilep',
        'Resen',
      ].sort(),
    );
  });

  it('names units in three languages, Macedonian in Cyrillic', () => {
    for (const u of units) {
      const p = u.properties;
      expect(p.name && p.name_en && p.name_sq && p.name_mk, p.unit_id).toBeTruthy();
      expect(p.name_mk, p.unit_id).toMatch(/^[\u0400-\u04FF\s-]+$/);
      expect(p.name_en + p.name_sq, p.unit_id).not.toMatch(/[\u0400-\u04FF]/);
    }
    expect(byId.get('MK00805')?.properties.name_mk).toBe('Ѓорче Петров');
    expect(byId.get('MK00816')?.properties.name_mk).toBe('Чучер-Сандево');
    expect(byId.get('MK00810')?.properties.name).toBe('Petrovec');
    expect(byId.get('MK00810')?.properties.name_alt.split('|')).not.toContain('Skopje');
    expect(byId.get('MK00307')?.properties.name_mk).toBe('Кичево');
  });

  it('has WGS84 coordinates with at most 5 decimals and RFC 7946 winding', () => {
    let n = 0;
    for (const u of units) {
      rings(u.geometry).forEach((poly) =>
        poly.forEach((ring, i) => {
          expect(booleanClockwise(ring), `${u.properties.unit_id} ring ${i}`).toBe(i > 0);
          for (const [x, y] of ring) {
            n++;
            if (x === undefined || y === undefined) throw new Error('short position');
            if (decimals(x) > 5 || decimals(y) > 5 || x < 20 || x > 23.1 || y < 40.8 || y > 42.4)
              throw new Error(`${u.properties.unit_id}: bad position ${x},${y}`);
          }
        }),
      );
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('tiles each region with its municipalities (no gaps, no overlaps) and stays small', () => {
    for (const r of regions) {
      const parts = municipalities.filter((m) => m.properties.parent_id === r.properties.unit_id);
      const sum = parts.reduce((s, m) => s + area(m), 0);
      expect(Math.abs(sum / area(r) - 1), r.properties.unit_id).toBeLessThan(1e-6);
    }
    expect(Buffer.byteLength(text('units.geojson'))).toBeLessThan(400 * 1024);
  });
});

describe('data/mk indicators', () => {
  const value = (unit: string, indicator: string): number => {
    const row = indicators.find((r) => r['unit_id'] === unit && r['indicator'] === indicator);
    if (row === undefined) throw new Error(`no ${indicator} for ${unit}`);
    return Number(row['value']);
  };

  it('gives every municipality its real 2021 population, adding up to the official regional totals', () => {
    const sums = new Map<string, number>();
    for (const m of municipalities) {
      const p = value(m.properties.unit_id, 'population');
      expect(Number.isInteger(p) && p > 0).toBe(true);
      const r = m.properties.parent_id ?? '';
      sums.set(r, (sums.get(r) ?? 0) + p);
    }
    expect(Object.fromEntries(sums)).toEqual(REGION_POP_2021);
    const pop = indicators.filter((r) => r['indicator'] === 'population');
    expect(
      pop.every((r) => r['year'] === '2021' && r['source']?.startsWith('SSO Census 2021')),
    ).toBe(true);
  });

  it('has a 2023 estimate and an area for every municipality', () => {
    for (const m of municipalities) {
      expect(value(m.properties.unit_id, 'population_estimate')).toBeGreaterThan(0);
      expect(value(m.properties.unit_id, 'area_km2')).toBeGreaterThan(1);
    }
  });

  it('labels every illustrative row and scales to the real national totals', () => {
    const real = new Set(['population', 'population_estimate', 'area_km2']);
    for (const r of indicators) {
      expect(r['source'] === 'illustrative', `${r['unit_id']} ${r['indicator']}`).toBe(
        !real.has(r['indicator'] ?? ''),
      );
      expect(Number.isFinite(Number(r['value'])) && r['value'] !== '').toBe(true);
    }
    const total = (k: string): number =>
      indicators.filter((r) => r['indicator'] === k).reduce((s, r) => s + Number(r['value']), 0);
    expect(total('elderly')).toBe(419125);
    expect(total('households')).toBe(598632);
    expect(total('social_assistance_households')).toBe(32345);
    for (const k of [
      'persons_with_disabilities',
      'children_at_risk',
      'children_without_parental_care',
      'dv_victims',
    ])
      expect(indicators.filter((r) => r['indicator'] === k)).toHaveLength(80);
  });
});

describe('data/mk services, capacities, norms', () => {
  const insideOwn = (unitId: string, lat: string, lon: string): boolean => {
    const u = byId.get(unitId);
    return (
      u !== undefined &&
      booleanPointInPolygon([Number(lon), Number(lat)], u, { ignoreBoundary: true })
    );
  };

  it('has at least 150 illustrative services covering all 16 service keys', () => {
    expect(services.length).toBeGreaterThanOrEqual(150);
    expect(new Set(services.map((s) => s['service']))).toEqual(new Set(SERVICE_KEYS));
    expect(new Set(services.map((s) => s['service_id'])).size).toBe(services.length);
    for (const s of services) {
      expect(s['source']).toBe('illustrative');
      expect(PROVIDER_TYPES as readonly string[]).toContain(s['provider_type']);
      expect(SERVICE_STATUSES as readonly string[]).toContain(s['status']);
      for (const c of (s['target_groups'] ?? '').split(';'))
        expect(CATEGORY_KEYS as readonly string[]).toContain(c);
      for (const id of (s['serves'] ?? '').split(';').filter(Boolean))
        expect(byId.get(id)?.properties.level, s['service_id']).toBe('municipality');
    }
  });

  it('places every service inside its own municipality, with at most 5 decimals', () => {
    const outside = services.filter(
      (s) => !insideOwn(s['unit_id'] ?? '', s['lat'] ?? '', s['lon'] ?? ''),
    );
    expect(outside.map((s) => s['service_id'])).toEqual([]);
    for (const s of services)
      expect(decimals(Number(s['lat'])) <= 5 && decimals(Number(s['lon'])) <= 5).toBe(true);
  });

  it('mixes statuses, catchments and unknown capacities', () => {
    const count = (f: (s: Record<string, string>) => boolean): number => services.filter(f).length;
    for (const st of ['planned', 'closed', 'partial', 'online', 'mobile'])
      expect(
        count((s) => s['status'] === st),
        st,
      ).toBeGreaterThan(0);
    expect(count((s) => (s['serves'] ?? '').split(';').length >= 3)).toBeGreaterThan(5);
    expect(count((s) => s['capacity'] === '')).toBeGreaterThan(0);
    expect(new Set(services.map((s) => s['provider_type']))).toEqual(new Set(PROVIDER_TYPES));
  });

  it('has about 20 illustrative unused capacities and at least 15 illustrative norms', () => {
    expect(capacities.length).toBeGreaterThanOrEqual(15);
    for (const c of capacities) {
      expect(c['source']).toBe('illustrative');
      expect(CAPACITY_KINDS as readonly string[]).toContain(c['kind']);
      expect(byId.get(c['unit_id'] ?? '')?.properties.level).toBe('municipality');
      if (c['lat'] !== '')
        expect(insideOwn(c['unit_id'] ?? '', c['lat'] ?? '', c['lon'] ?? '')).toBe(true);
    }
    expect(norms.length).toBeGreaterThanOrEqual(15);
    for (const n of norms) {
      expect(n['source']).toBe('illustrative');
      expect(SERVICE_KEYS as readonly string[]).toContain(n['service']);
      expect(CATEGORY_KEYS as readonly string[]).toContain(n['category']);
      expect(Number(n['places_per_1000'])).toBeGreaterThan(0);
    }
  });
});

describe('data/mk datapackage.json', () => {
  const pkg = JSON.parse(text('datapackage.json')) as {
    name: string;
    resources: { name: string; path: string; bytes: number; hash: string }[];
    social_map: { recipient: string; illustrative_resources: string[] };
  };

  it('lists the five resources with the bytes and hash of the committed files', () => {
    expect(pkg.name).toBe('social-map-mk');
    expect(pkg.resources.map((r) => r.name)).toEqual([
      'units',
      'indicators',
      'services',
      'capacities',
      'norms',
    ]);
    for (const r of pkg.resources) {
      const body = readFileSync(join(DIR, r.path));
      expect(r.bytes, r.path).toBe(body.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
    }
    expect(pkg.social_map.illustrative_resources).toEqual(['services', 'capacities', 'norms']);
    expect(pkg.social_map.recipient).toBe('Ministry of Social Policy, Demography and Youth');
  });
});
