import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/csv';
import { readPackage } from '../../src/core/parse/package';
import { ISSUE_CSV_HEADER, issueCsvRows, openKeys, setAsideView, summariseFiles } from '../../src/core/workspace/report';

const enc = new TextEncoder();
const units = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { unit_id: 'R', name: 'Vardar', level: 'region' }, geometry: null },
    { type: 'Feature', properties: { unit_id: 'A', name: 'Veles', level: 'municipality', parent_id: 'R', name_mk: 'Велес' }, geometry: { type: 'Polygon', coordinates: [[[21, 41], [22, 41], [22, 42], [21, 42], [21, 41]]] } },
    { type: 'Feature', properties: { unit_id: 'B', name: 'Čaška', level: 'municipality', parent_id: 'R' }, geometry: { type: 'Polygon', coordinates: [[[20, 41], [21, 41], [21, 42], [20, 42], [20, 41]]] } },
  ],
};
const { report } = readPackage(null, [
  { path: 'units.geojson', bytes: enc.encode(JSON.stringify(units)) },
  { path: 'i.csv', bytes: enc.encode('unit_name,indicator,value\nVeles,x,1\nВЕЛЕС,y,2\nCASKA,x,3\nNowhere,x,4\nNowhere,y,5\nVeles,x,6\n=HYPERLINK(1),x,7\n') },
]);

describe('join report view', () => {
  it('counts each file’s rows: exact, by fuzzy method, unmatched, duplicates', () => {
    const [u, f] = summariseFiles(report);
    expect(u?.join).toBeNull();
    expect(f?.join).toEqual({ exact: 2, fuzzy: [{ method: 'folded', rows: 2 }], unmatched: 3, duplicates: 1, ambiguous: 0 });
    expect(f?.errors).toBeGreaterThan(0);
  });

  it('groups unmatched rows by folded key for assignment', () => {
    expect(openKeys(report, 'i.csv').map((k) => [k.key, k.folded, k.rows, k.kind])).toEqual([
      ['Nowhere', 'nowhere', [5, 6], 'unmatched'],
      ['=HYPERLINK(1)', 'hyperlink 1', [8], 'unmatched'],
    ]);
  });

  it('lists set-aside rows with their messages in the UI language, and issues as formula-safe CSV', () => {
    const f = report.files[1];
    if (!f) throw new Error('no file');
    const view = setAsideView(f, 'mk');
    expect(view.map((v) => v.row)).toEqual([5, 6, 7, 8]);
    expect(view[0]?.messages).toEqual([{ column: 'unit_name', text: 'Ниту една единица не одговара на „Nowhere“.' }]);
    const en = issueCsvRows(report, 'en');
    expect(en.find((r) => r[1] === 5)).toEqual(['i.csv', 5, 'unit_name', 'error', 'unit_unmatched', 'No unit matches "Nowhere".', 'Nowhere | x | 4']);
    const csv = toCsv(ISSUE_CSV_HEADER, en);
    expect(csv).toContain(`,'=HYPERLINK(1) | x | 7\n`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
