import { readFileSync } from 'node:fs';
import { booleanClockwise } from '@turf/turf';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import { guessProjection } from '../../src/core/parse/crs';

const fixture = (name: string): InputFile => ({ path: name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))) });
const json = (path: string, v: unknown): InputFile => ({ path, bytes: new TextEncoder().encode(JSON.stringify(v)) });
// region_derived: the fixtures' municipalities name a parent region that the file does not hold
const codes = (f: { issues: { code: string }[] } | undefined) => (f?.issues ?? []).map((i) => i.code).filter((c) => c !== 'region_derived');
type Ring = number[][];
const outer = (g: unknown): Ring => ((g as { coordinates: Ring[] }).coordinates[0] ?? []);

describe('units from GeoJSON and TopoJSON', () => {
  it('reprojects a declared EPSG:3857 file', () => {
    const { pkg, report } = readPackage(null, [fixture('mk-units-3857.geojson')]);
    expect(codes(report.files[0])).toEqual(['reprojected']);
    const first = outer(pkg.units[0]?.geometry)[0] ?? [];
    expect(first[0]).toBeCloseTo(20.5, 6);
    expect(first[1]).toBeCloseTo(41.0, 6);
  });

  it('refuses projected coordinates without a declaration, naming the likely projection', () => {
    const { pkg, report } = readPackage(null, [fixture('mk-units-6316-undeclared.geojson')]);
    const issue = report.files[0]?.issues.find((i) => i.code === 'coordinates_projected');
    expect(issue?.severity).toBe('error');
    expect(String(issue?.params.projection)).toContain('EPSG:6316');
    expect(pkg.units.every((u) => u.geometry === null)).toBe(true);
    expect(report.ok).toBe(false);
  });

  it('reprojects the same file when the user names the CRS', () => {
    const { pkg, report } = readPackage(null, [fixture('mk-units-6316-undeclared.geojson')], { crs: 6316 });
    expect(codes(report.files[0])).toEqual(['reprojected']);
    const first = outer(pkg.units[0]?.geometry)[0] ?? [];
    expect(first[0]).toBeCloseTo(20.5, 5);
    expect(first[1]).toBeCloseTo(41.0, 5);
  });

  it('guesses projections from coordinate magnitudes', () => {
    expect(guessProjection([7_480_000, 4_540_000, 7_520_000, 4_600_000])).toContain('6316');
    expect(guessProjection([2_280_000, 5_010_000, 2_300_000, 5_040_000])).toContain('3857');
    expect(guessProjection([450_000, 4_540_000, 500_000, 4_600_000])).toContain('32634');
    expect(guessProjection([450_000, 4_540_000, 500_000, 4_600_000])).toContain('6870');
  });

  it('repairs clockwise exterior rings and says so once', () => {
    const { pkg, report } = readPackage(null, [fixture('mk-units-clockwise.geojson')]);
    expect(report.files[0]?.issues.filter((i) => i.code !== 'region_derived').map((i) => [i.code, i.params.count])).toEqual([['winding_repaired', 3]]);
    const shaped = pkg.units.filter((u) => u.geometry !== null);
    expect(shaped).toHaveLength(3);
    for (const u of shaped) expect(booleanClockwise(outer(u.geometry))).toBe(false);
  });

  it('reports self-intersections, bad geometry types and broken rings', () => {
    const bowtie = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]];
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { unit_id: 'a', name: 'A', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: bowtie } },
        { type: 'Feature', properties: { unit_id: 'b', name: 'B', level: 'municipality' }, geometry: { type: 'Point', coordinates: [1, 1] } },
        { type: 'Feature', properties: { unit_id: 'c', name: 'C', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 'x']]] } },
        { type: 'Feature', properties: { unit_id: 'd', name: 'D', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
      ],
    };
    const { pkg, report } = readPackage(null, [json('u.geojson', fc)]);
    expect(report.files[0]?.issues.map((i) => [i.code, i.row])).toEqual([
      ['self_intersection', 1],
      ['geometry_type', 2],
      ['geometry_invalid', 3],
      ['ring_closed', null],
    ]);
    expect(pkg.units.map((u) => [u.id, u.geometry?.type ?? null])).toEqual([
      ['a', 'Polygon'],
      ['b', null],
      ['c', null],
      ['d', 'Polygon'],
    ]);
  });

  it('maps Natural Earth admin-1 properties onto unit fields', () => {
    const ne = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { iso_3166_2: 'MK-13', name: 'Veles', type_en: 'Municipality', region: 'Vardar', name_en: 'Veles' },
          geometry: { type: 'Polygon', coordinates: [[[21, 41], [22, 41], [22, 42], [21, 42], [21, 41]]] },
        },
      ],
    };
    const { pkg, report } = readPackage(null, [json('ne.geojson', ne)]);
    expect(pkg.units).toMatchObject([{ id: 'MK-13', name: 'Veles', level: 'municipality', names: { en: 'Veles' } }]);
    expect(report.files[0]?.issues.map((i) => [i.code, i.params.from, i.params.to])).toEqual([
      ['properties_mapped', 'iso_3166_2', 'unit_id'],
      ['properties_mapped', 'type_en', 'level'],
    ]);
  });

  it('maps geoBoundaries properties (shapeID, shapeName, shapeType)', () => {
    const gb = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { shapeID: 'X-1', shapeName: 'Tetovo', shapeType: 'ADM2' }, geometry: null }] };
    const { pkg } = readPackage(null, [json('gb.geojson', gb)]);
    expect(pkg.units).toMatchObject([{ id: 'X-1', name: 'Tetovo', level: 'municipality' }]);
  });

  it('reads TopoJSON', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { unit_id: 'a', name: 'A', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
        { type: 'Feature', properties: { unit_id: 'b', name: 'B', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]] } },
      ],
    };
    const topo = topology({ units: fc as never });
    const { pkg, report } = readPackage(null, [json('u.topojson', topo)]);
    expect(report.files[0]?.format).toBe('topojson');
    expect(pkg.units.map((u) => [u.id, u.geometry?.type])).toEqual([
      ['a', 'Polygon'],
      ['b', 'Polygon'],
    ]);
  });

  it('refuses unsupported declared CRSs and reports duplicate ids', () => {
    const fc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:2100' } },
      features: [
        { type: 'Feature', properties: { unit_id: 'a', name: 'A', level: 'municipality' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: { unit_id: 'a', name: 'A2', level: 'municipality' }, geometry: null },
      ],
    };
    const { report } = readPackage(null, [json('u.geojson', fc)]);
    expect(codes(report.files[0])).toEqual(['crs_unsupported', 'unit_id_duplicate']);
  });
});
