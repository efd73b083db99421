// The hostile data package (tests/fixtures/hostile/package) through the whole core: it reads
// cleanly, every view-model the app renders carries the names literally (map, table, details,
// compare, gaps, services, presence, documents), the documents render as our own markup only,
// and the command line's analyze writes formula-safe CSV and safe HTML/DOCX for it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { CHARTS, DEFAULT_COMPARE_STATE, resolveCompareState } from '../../src/core/compare/state';
import { buildCompareChart } from '../../src/core/compare/views';
import { prepareDataset, unitName } from '../../src/core/dataset';
import { form1 } from '../../src/core/docs/form1';
import { form2 } from '../../src/core/docs/form2';
import { runGaps } from '../../src/core/gaps/engine';
import { readPackage } from '../../src/core/parse/package';
import { DEFAULT_STATE } from '../../src/core/url';
import { buildUnitDetails } from '../../src/core/views/details';
import { buildGapsView, readGapsParams } from '../../src/core/views/gaps';
import { buildMapGeometry } from '../../src/core/views/geometry';
import { buildMapView } from '../../src/core/views/map';
import { buildPresenceView } from '../../src/core/views/services-presence';
import { buildServicesView, indexServices, serviceDetails } from '../../src/core/views/services';
import { renderDocx } from '../../src/render/docx';
import { renderHtml } from '../../src/render/html';
import { cleanText } from '../../src/render/text';
import { LONG } from '../fixtures/hostile/corpus';
import { expectPrototypeClean, expectTypedReport } from '../fixtures/hostile/fuzz';
import { COUNTRY, HOSTILE_DIR, hostilePackageFiles, MUNICIPALITIES, PROVIDER, REGIONS, SERVICE_NAME, TITLE } from '../fixtures/hostile/make-package';
import { checkMarkup, checkWordXml } from '../fixtures/hostile/markup';
import { expectSafeCsv } from '../fixtures/hostile/csv';

const FILES = ['units.geojson', 'indicators.csv', 'services.csv', 'capacities.csv', 'norms.csv'];
const load = () => {
  const desc = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'datapackage.json'), 'utf8')) as unknown;
  return readPackage(desc, FILES.map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(path.join(HOSTILE_DIR, f))) })));
};
const NAMES = new Map<string, string>([[COUNTRY[0], COUNTRY[1]], ...REGIONS.map(([id, n]) => [id, n] as [string, string]), ...MUNICIPALITIES.map(([id, n]) => [id, n.trim()] as [string, string])]);

describe('the hostile package', () => {
  it('is what make-package.ts writes (regenerate with `npx tsx tests/fixtures/hostile/make-package.ts`)', () => {
    for (const [name, text] of Object.entries(hostilePackageFiles())) expect(readFileSync(path.join(HOSTILE_DIR, name), 'utf8'), name).toBe(text);
  });

  it('reads with a typed report; names, aliases, services and metadata arrive literally; the prototype is untouched', () => {
    const { pkg, report } = load();
    expectTypedReport(report);
    expect(report.ok).toBe(true);
    for (const [id, name] of NAMES) expect(pkg.units.find((u) => u.id === id)?.name, id).toBe(name);
    expect(pkg.units.find((u) => u.id === 'HX11')?.aliases).toContain(LONG);
    expect(pkg.units.find((u) => u.id === 'constructor')?.name).toBe('__proto__');
    expect(pkg.services.map((s) => s.id)).toEqual(['__proto__', 'S2', '=1+1']);
    expect(pkg.services[0]).toMatchObject({ name: SERVICE_NAME, provider: PROVIDER });
    expect(pkg.meta.title).toBe(TITLE);
    expect(pkg.meta.description.startsWith(LONG.slice(0, 1000))).toBe(true);
    expect(pkg.observations.length).toBeGreaterThan(40);
    expectPrototypeClean();
  });

  it('every view-model carries the names literally: map, table, details, compare, gaps, services, presence', () => {
    const { pkg } = load();
    const ds = prepareDataset(pkg);
    const geometry = buildMapGeometry(ds);
    expect(geometry.units.features.map((f) => f.properties.unit_id).sort()).toEqual(MUNICIPALITIES.map(([id]) => id).sort());
    for (const lang of ['en', 'sq', 'mk'] as const) {
      for (const indicator of ds.indicators.map((i) => i.key)) {
        const view = buildMapView(ds, { ...DEFAULT_STATE, indicator, lang }, lang);
        for (const u of view.tableUnits) {
          const unit = ds.hierarchy.get(u.id);
          expect(unit?.name).toBe(NAMES.get(u.id));
          // Macedonian shows Latin-only names transliterated to Cyrillic: still the same text
          expect(u.name).toBe(unit ? unitName(unit, lang) : '');
        }
      }
    }
    for (const [id, name] of NAMES) expect(buildUnitDetails(ds, id, 'en')?.name, id).toBe(name);
    expect(JSON.stringify(buildUnitDetails(ds, 'HX11', 'en'))).toContain(JSON.stringify(SERVICE_NAME).slice(1, -1));
    for (const chart of CHARTS) {
      const state = resolveCompareState(pkg, { ...DEFAULT_COMPARE_STATE, chart, level: 'municipality' }).state;
      const c = buildCompareChart(pkg, state, 'en', '2024-01-01');
      const json = JSON.stringify(c);
      if (chart === 'bars') for (const [, name] of MUNICIPALITIES) expect(json, name).toContain(JSON.stringify(name.trim()).slice(1, -1));
    }
    const result = runGaps(pkg);
    const gaps = buildGapsView({ ds, result, baseline: null, regionId: 'HX1', params: readGapsParams(DEFAULT_STATE), selectedUnit: 'constructor', lang: 'en' });
    expect(JSON.stringify(gaps)).toContain(JSON.stringify(NAMES.get('HX14')).slice(1, -1));
    const index = indexServices(ds, pkg.services, geometry.labelPoints);
    const services = buildServicesView(ds, index, DEFAULT_STATE, geometry.labelPoints, 'en');
    expect(JSON.stringify(services)).toContain(JSON.stringify(SERVICE_NAME).slice(1, -1));
    expect(serviceDetails(ds, index, '__proto__', 'en')).toMatchObject({ name: SERVICE_NAME });
    expect(serviceDetails(ds, index, 'constructor', 'en')).toBeNull();
    const presence = buildPresenceView(ds, pkg, null, 'en');
    expect(presence.rows.map((r) => r.id)).toContain('constructor');
    expectPrototypeClean();
  });

  it('Form 1 and Form 2 for each region render as our own markup with the names literal', async () => {
    const { pkg } = load();
    for (const [regionId, regionName] of REGIONS) {
      for (const lang of ['sq', 'en'] as const) {
        const docs = [form1(pkg, { lang, regionId, date: '2024-05-01' }), form2(pkg, { lang, regionId, date: '2024-05-01' }).doc];
        for (const doc of docs) {
          const { text } = checkMarkup(renderHtml(doc));
          expect(text).toContain(cleanText(regionName));
          for (const [id, name, region] of MUNICIPALITIES) if (region === regionId && JSON.stringify(doc).includes(`"${id}`)) expect(text).toContain(cleanText(name));
          const bytes = await renderDocx(doc);
          const { text: wordText } = checkWordXml(strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array()));
          expect(wordText).toContain(cleanText(regionName));
        }
      }
    }
  });
});

describe('social-map analyze on the hostile package', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes formula-safe gaps.csv and presence.csv, and documents with the names literal', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'social-map-hostile-'));
    dirs.push(out);
    const err: string[] = [];
    const code = await runAnalyze([HOSTILE_DIR, '--all', '--lang', 'en', '--out', out], { stdout: () => {}, stderr: (s) => err.push(s) });
    expect(code, err.join('')).toBe(0);
    const gaps = await readFile(path.join(out, 'gaps.csv'), 'utf8');
    const gapRows = expectSafeCsv(gaps);
    expect(gapRows.flat()).toContain(`'${NAMES.get('HX14')}`);
    expect(gapRows.flat()).toContain(`'${NAMES.get('HX23')}`);
    expectSafeCsv(await readFile(path.join(out, 'presence.csv'), 'utf8'));
    for (const [regionId, regionName] of REGIONS) {
      const dir = path.join(out, regionId);
      const html = await readFile(path.join(dir, 'social-map.html'), 'utf8');
      expect(checkMarkup(html).text).toContain(cleanText(regionName));
      const f1 = await mammoth.extractRawText({ path: path.join(dir, 'social-map.docx') });
      expect(f1.value).toContain(cleanText(regionName));
    }
  });
});
