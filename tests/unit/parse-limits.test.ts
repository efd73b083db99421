// Limits and hostile shapes: each gets a typed issue with a message key, never an exception.
import { describe, expect, it } from 'vitest';
import { readPackage, type InputFile } from '../../src/core/parse/package';
import { DEFAULT_LIMITS } from '../../src/core/parse/types';

const enc = new TextEncoder();
const file = (path: string, text: string): InputFile => ({ path, bytes: enc.encode(text) });
const codesOf = (r: ReturnType<typeof readPackage>, i = 0) => (r.report.files[i]?.issues ?? []).map((x) => x.code);

describe('limits', () => {
  it('states its defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 200 * 1024 * 1024, maxColumns: 100_000, maxCellChars: 1_000_000, maxJsonDepth: 100, maxVertices: 5_000_000 });
  });

  it('refuses a file over the size limit, saying the limit', () => {
    const r = readPackage(null, [file('big.csv', 'unit_id,indicator,value\nA,x,1\n')], { limits: { maxFileBytes: 10 } });
    expect(r.report.files[0]?.issues[0]).toMatchObject({ code: 'file_too_large', severity: 'error', messageKey: 'import.issue.file_too_large', params: { limit: 10 } });
  });

  it('refuses a table with more than 100,000 columns', () => {
    const header = Array.from({ length: 100_001 }, (_, i) => `c${i}`).join(',');
    const r = readPackage(null, [file('wide.csv', `${header}\n1\n`)]);
    expect(codesOf(r)).toContain('too_many_columns');
  });

  it('cuts a cell over 1,000,000 characters and says so', () => {
    const r = readPackage(null, [file('cell.csv', `unit_id,indicator,value,note\nA,x,1,${'y'.repeat(1_000_001)}\n`)]);
    const i = r.report.files[0]?.issues.find((x) => x.code === 'cell_too_long');
    expect(i).toMatchObject({ row: 2, column: 'note', params: { length: 1_000_001, limit: 1_000_000 } });
  });

  it('refuses JSON nested deeper than 100, even 100,000 deep', () => {
    for (const depth of [101, 100_000]) {
      const r = readPackage(null, [file('deep.geojson', '['.repeat(depth) + ']'.repeat(depth))]);
      expect(codesOf(r)).toEqual(['json_too_deep']);
    }
    const ok = readPackage(null, [file('ok.geojson', '['.repeat(50) + ']'.repeat(50))]);
    expect(codesOf(ok)).not.toContain('json_too_deep');
  });

  it('refuses geometry with more vertices than the limit', () => {
    const ring = Array.from({ length: 2000 }, (_, i) => [Math.cos(i / 318) , Math.sin(i / 318)]);
    ring.push(ring[0] ?? [1, 0]);
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { unit_id: 'a', name: 'A' }, geometry: { type: 'Polygon', coordinates: [ring] } }] };
    const r = readPackage(null, [file('u.geojson', JSON.stringify(fc))], { limits: { maxVertices: 1000 } });
    expect(codesOf(r)).toEqual(['too_many_vertices']);
  });

  it('reports empty, binary and unknown files', () => {
    expect(codesOf(readPackage(null, [{ path: 'e.csv', bytes: new Uint8Array() }]))).toEqual(['file_empty']);
    expect(codesOf(readPackage(null, [{ path: 'b.csv', bytes: new Uint8Array([1, 0, 0, 0, 200, 0, 0, 0, 0, 0, 0, 0]) }]))).toContain('file_binary');
    expect(codesOf(readPackage(null, [file('x.json', '{"type":"Something"}')]))).toEqual(['format_unknown']);
    expect(codesOf(readPackage(null, [file('x.json', '{"type":')]))).toEqual(['json_invalid']);
  });
});

describe('prototype pollution', () => {
  it('treats __proto__, constructor and prototype as plain data', () => {
    const csv = '__proto__,constructor,prototype,unit_id,indicator,value\n{"polluted":1},x,y,A,elderly,1\n';
    const geo = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"polluted":1},"unit_id":"A","name":"Alpha","constructor":"x"},"geometry":null}]}';
    const desc = JSON.parse('{"__proto__":{"polluted":1},"resources":[{"name":"__proto__","path":"a.csv"}]}') as unknown;
    const r = readPackage(desc, [file('u.geojson', geo), file('a.csv', csv)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(r.pkg.units.map((u) => u.id)).toEqual(['A']);
    expect(r.pkg.observations.map((o) => [o.unitId, o.indicator])).toEqual([['A', 'elderly']]);
  });
});
