import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../src/core/dataset';
import { readPackage } from '../../src/core/parse/package';
import { parsePrivacy, serializePrivacy } from '../../src/core/privacy/config';
import { isPeopleCount, suppressionFor } from '../../src/core/privacy/dataset';
import { DEFAULT_STATE, withRestParam } from '../../src/core/url';
import { buildMapView, mapTableCsv } from '../../src/core/views/map';
import { buildUnitDetails } from '../../src/core/views/details';

const dir = join(__dirname, '../fixtures/embed');
function fixture() {
  const descriptor: unknown = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  const files = ['units.geojson', 'indicators.csv', 'services.csv'].map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(dir, path))) }));
  return prepareDataset(readPackage(descriptor, files).pkg);
}

describe('the suppress parameter', () => {
  it('is off by default in the app, on by default in the embed, and cannot be switched off there', () => {
    expect(parsePrivacy(null, false)).toEqual({ enabled: false, threshold: 4 });
    expect(parsePrivacy(null, true)).toEqual({ enabled: true, threshold: 4 });
    expect(parsePrivacy('0', true)).toEqual({ enabled: true, threshold: 4 });
    expect(parsePrivacy('1', false)).toEqual({ enabled: true, threshold: 4 });
    expect(parsePrivacy('9', false)).toEqual({ enabled: true, threshold: 9 });
    expect(parsePrivacy('abc', false).enabled).toBe(false);
    expect(parsePrivacy('100', true)).toEqual({ enabled: true, threshold: 4 });
  });

  it('round-trips', () => {
    for (const embed of [false, true]) {
      for (const raw of [null, '1', '7']) {
        const c = parsePrivacy(raw, embed);
        expect(parsePrivacy(serializePrivacy(c, embed), embed)).toEqual(c);
      }
    }
  });
});

describe('suppression on a data package', () => {
  const ds = fixture();
  const on = { enabled: true, threshold: 4 };

  it('protects counts of people in a category only', () => {
    expect(isPeopleCount(ds, 'elderly_alone')).toBe(true);
    expect(isPeopleCount(ds, 'population')).toBe(false);
    expect(suppressionFor(ds, 'population', on).size).toBe(0);
    expect(suppressionFor(ds, 'elderly_alone', { enabled: false, threshold: 4 }).size).toBe(0);
  });

  it('hides small municipalities and one complement per region; region and country totals stay', () => {
    const s = suppressionFor(ds, 'elderly_alone', on);
    expect(Object.fromEntries(s)).toEqual({ EX11: 'primary', EX23: 'primary', EX13: 'secondary', EX21: 'secondary' });
  });

  it('the map view-model shows "<5" and "hidden", keeps the values out, and hides rates too', () => {
    const state = withRestParam({ ...DEFAULT_STATE, indicator: 'elderly_alone' }, 'suppress', '1');
    const view = buildMapView(ds, state, 'en');
    const byId = new Map(view.units.map((u) => [u.id, u]));
    expect(byId.get('EX11')?.valueLabel).toBe('<5');
    expect(byId.get('EX13')?.valueLabel).toBe('hidden');
    expect(byId.get('EX12')?.valueLabel).toBe('0');
    expect(byId.get('EX22')?.valueLabel).toBe('40');
    expect(byId.get('EX11')?.cell.ok).toBe(false);
    expect(view.legend.suppressed?.count).toBe(4);
    // No legend bound comes from a hidden value.
    expect(view.legend.classes.map((c) => c.label).join(' ')).not.toMatch(/\b(2|3|25|12)\b/);

    const rate = buildMapView(ds, { ...state, measure: 'per1000' }, 'en');
    const r = new Map(rate.units.map((u) => [u.id, u]));
    expect(r.get('EX11')?.valueLabel).toBe('hidden');
    expect(r.get('EX22')?.cell.ok).toBe(true);
  });

  it('shows the true values when protection is off', () => {
    const view = buildMapView(ds, { ...DEFAULT_STATE, indicator: 'elderly_alone' }, 'en');
    expect(view.units.find((u) => u.id === 'EX11')?.valueLabel).toBe('3');
    expect(view.legend.suppressed).toBeNull();
  });

  it('exports (CSV rows) and the details panel never carry a hidden value', () => {
    const state = withRestParam({ ...DEFAULT_STATE, indicator: 'elderly_alone' }, 'suppress', '1');
    const { header, rows } = mapTableCsv(buildMapView(ds, state, 'en'));
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(header).toEqual(['unit_id', 'name', 'region', 'indicator', 'measure', 'value', 'flag']);
    expect(byId.get('EX11')?.slice(5)).toEqual([null, '<5']);
    expect(byId.get('EX13')?.slice(5)).toEqual([null, 'hidden']);
    expect(byId.get('EX22')?.slice(5)).toEqual([40, '']);
    const row = buildUnitDetails(ds, 'EX11', 'en', on)?.rows.find((r) => r.key === 'elderly_alone');
    expect(row?.value).toBe('<5');
    expect(row?.rate).toBeNull();
    expect(buildUnitDetails(ds, 'EX11', 'en')?.rows.find((r) => r.key === 'elderly_alone')?.value).toBe('3');
    // A region total stays when nothing under it needs it hidden.
    expect(buildUnitDetails(ds, 'EX1', 'en', on)?.rows.find((r) => r.key === 'elderly_alone')?.value).toBe('28');
  });
});
