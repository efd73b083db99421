// Prototype pollution, parser by parser: `__proto__`, `constructor` and `prototype` as CSV
// headers (long and wide), XLSX headers, GeoJSON/TopoJSON property names and values, object
// names in a topology, datapackage.json members and resource names, URL parameters, workspace
// aliases and slices, unit and service ids. After each, a fresh object has no `polluted`
// member, Object.prototype has exactly the properties it had, and the data is still read.
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCompareParams } from '../../src/core/compare/state';
import { prepareDataset } from '../../src/core/dataset';
import { docEditsFromJson } from '../../src/core/docs/edits';
import { t } from '../../src/core/i18n';
import { readPackage } from '../../src/core/parse/package';
import { readPackageAsync } from '../../src/core/parse/xlsx';
import { DEFAULT_STATE, parseViewState, serializeViewState } from '../../src/core/url';
import { buildMapView } from '../../src/core/views/map';
import { sanitiseGapsWorkspace } from '../../src/core/views/gaps-scenario';
import { unpackWorkspace } from '../../src/core/workspace/archive';
import { migrateWorkspace } from '../../src/core/workspace/migrate';
import { expectPrototypeClean } from '../fixtures/hostile/fuzz';

const enc = new TextEncoder();
const file = (path: string, text: string) => ({ path, bytes: enc.encode(text) });
const SQ = (x: number) => `{"type":"Polygon","coordinates":[[[${x},41],[${x + 0.1},41],[${x + 0.1},41.1],[${x},41.1],[${x},41]]]}`;
const UNITS = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"unit_id":"A","name":"Alpha","level":"municipality"},"geometry":${SQ(21)}},{"type":"Feature","properties":{"unit_id":"constructor","name":"__proto__","level":"municipality"},"geometry":${SQ(21.1)}}]}`;
const POLLUTER = '{"polluted":true}';

afterEach(() => expectPrototypeClean());

describe('prototype keys are plain data', () => {
  it('CSV headers, long form: extra columns named like prototype keys are ignored', () => {
    const csv = `__proto__,constructor,prototype,unit_id,indicator,value\n"${POLLUTER.replace(/"/g, '""')}",x,y,A,elderly,3\n,,,constructor,elderly,4\n`;
    const { pkg, report } = readPackage(null, [file('u.geojson', UNITS), file('i.csv', csv)]);
    expect(report.ok).toBe(true);
    expect(pkg.observations.map((o) => [o.unitId, o.indicator, o.value])).toEqual([['A', 'elderly', 3], ['constructor', 'elderly', 4]]);
  });

  it('CSV headers, wide form: indicators named like prototype keys stay indicators, and the map shows them', () => {
    const csv = 'unit_id,__proto__,constructor,prototype,toString\nA,1,2,3,4\nconstructor,5,6,7,8\n';
    const { pkg } = readPackage(null, [file('u.geojson', UNITS), file('w.csv', csv)]);
    const keys = [...new Set(pkg.observations.map((o) => o.indicator))].sort();
    expect(keys).toEqual(['__proto__', 'constructor', 'prototype', 'tostring']);
    const ds = prepareDataset(pkg);
    for (const indicator of keys) {
      const view = buildMapView(ds, { ...DEFAULT_STATE, indicator, lang: 'en' }, 'en');
      expect(view.tableUnits.map((u) => u.id).sort()).toEqual(['A', 'constructor']);
    }
  });

  it('XLSX headers', async () => {
    const cell = (r: string, v: string) => `<c r="${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell('A1', 'unit_id')}${cell('B1', '__proto__')}${cell('C1', 'constructor')}</row><row r="2">${cell('A2', 'A')}<c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row></sheetData></worksheet>`;
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    const { pkg, report } = await readPackageAsync(null, [file('u.geojson', UNITS), { path: 'w.xlsx', bytes: xlsx }]);
    expect(report.files.find((f) => f.path === 'w.xlsx')?.columns).toEqual(['unit_id', '__proto__', 'constructor']);
    expect(pkg.observations.length).toBeGreaterThan(0);
  });

  it('GeoJSON property names and values, a unit id "constructor"', () => {
    const geo = `{"type":"FeatureCollection","__proto__":${POLLUTER},"features":[{"type":"Feature","__proto__":${POLLUTER},"properties":{"__proto__":${POLLUTER},"constructor":{"prototype":${POLLUTER}},"prototype":${POLLUTER},"unit_id":"constructor","name":"__proto__","name_alt":"__proto__|constructor"},"geometry":null}]}`;
    const { pkg } = readPackage(null, [file('u.geojson', geo)]);
    expect(pkg.units.map((u) => [u.id, u.name, u.aliases])).toEqual([['constructor', '__proto__', ['__proto__', 'constructor']]]);
  });

  it('TopoJSON objects named like prototype keys', () => {
    const topo = `{"type":"Topology","arcs":[[[0,0],[1,0],[0,1],[-1,0],[0,-1]]],"objects":{"__proto__":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"unit_id":"P","name":"P"}}]},"constructor":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"unit_id":"C","name":"C","__proto__":${POLLUTER}}}]}}}`;
    const { pkg } = readPackage(null, [file('u.topojson', topo)]);
    // objects named like prototype keys are read like any other, and pollute nothing
    expect(pkg.units.map((u) => u.id).sort()).toEqual(['C', 'P']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('datapackage.json members, resource names and dialects', () => {
    const desc = JSON.parse(`{"__proto__":${POLLUTER},"constructor":{"prototype":${POLLUTER}},"name":"__proto__","title":"constructor","resources":[{"name":"__proto__","path":"x.csv"},{"name":"units","path":"u.geojson","__proto__":${POLLUTER},"dialect":{"__proto__":{"delimiter":";"}}},{"name":"indicators","path":"i.csv"}]}`) as unknown;
    const { pkg } = readPackage(desc, [file('u.geojson', UNITS), file('i.csv', 'unit_id,indicator,value\nA,elderly,1\n')]);
    expect(pkg.meta.name).toBe('__proto__');
    expect(pkg.observations).toHaveLength(1);
  });

  it('URL parameters: the app codec, the compare codec and view parameters', () => {
    for (const q of ['__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '__proto__=x&constructor=y&prototype=z', 'indicator=__proto__&unit=constructor&region=prototype', '__proto__.polluted=1&regions=__proto__,constructor,prototype']) {
      const { state } = parseViewState(q);
      parseViewState(serializeViewState(state));
      const c = parseCompareParams(new URLSearchParams(q));
      expect(c.regions).toEqual([]);
      expect(c.indicator).toBeNull();
    }
  });

  it('workspace: v1 aliases object, slices and archive manifests with prototype keys', () => {
    const v1 = JSON.parse(`{"version":1,"files":[],"aliases":{"__proto__":"A","constructor":"A","prototype":"A","alpha":"A"}}`) as unknown;
    const r = migrateWorkspace(v1);
    expect(r.kind === 'ok' ? r.ws.aliases : null).toEqual([['alpha', 'A']]);
    const v2 = JSON.parse(`{"version":2,"__proto__":${POLLUTER},"files":[],"aliases":[["__proto__","A"],["constructor","A"]],"slices":[["__proto__",${POLLUTER}],["x",{"__proto__":${POLLUTER}}]]}`) as unknown;
    const r2 = migrateWorkspace(v2);
    expect(r2.kind === 'ok' ? r2.ws.aliases : null).toEqual([]);
    const zip = zipSync({ 'social-map-workspace.json': strToU8(`{"format":"social-map-workspace","version":2,"__proto__":${POLLUTER},"files":[{"path":"a.csv","zipPath":"__proto__"}]}`) });
    expect(unpackWorkspace(zip, 1024).ok).toBe(true);
    expect(docEditsFromJson(JSON.parse(`{"__proto__":${POLLUTER},"form1":[["__proto__",[{"runs":[{"text":"x"}]}]]]}`)).form1.get('__proto__')).toEqual([{ runs: [{ text: 'x' }] }]);
    expect(sanitiseGapsWorkspace(JSON.parse(`{"__proto__":${POLLUTER},"weights":{"__proto__":${POLLUTER}}}`)).scenarios).toEqual([]);
  });

  it('message parameters named like prototype keys are not looked up on the prototype', () => {
    expect(t('en', 'app.urlNote', JSON.parse('{"__proto__":"x","param":"constructor","value":"toString"}') as Record<string, string>)).toContain('constructor=toString');
  });
});
