// Spreadsheet safety of every CSV the product writes, on the hostile package: the map table
// export (DataTable), the compare chart tables (every chart kind), the gaps view export, the
// services presence export, the import issues download (JoinReport) and toCsv itself. A cell
// that begins with = + - @ tab or CR is neutralised with a leading apostrophe, unless it is a
// number: numbers are written bare, negative ones included. (The command line's gaps.csv and
// presence.csv: tests/unit/hostile-package.test.ts.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARTS, DEFAULT_COMPARE_STATE, resolveCompareState } from '../../src/core/compare/state';
import { tableCsv } from '../../src/core/compare/table';
import { buildCompareChart } from '../../src/core/compare/views';
import { toCsv } from '../../src/core/csv';
import { prepareDataset } from '../../src/core/dataset';
import { runGaps } from '../../src/core/gaps/engine';
import { readPackage } from '../../src/core/parse/package';
import { DEFAULT_STATE } from '../../src/core/url';
import { gapsViewCsv } from '../../src/core/views/gaps-plan';
import { buildMapView, mapTableCsv } from '../../src/core/views/map';
import { presenceViewCsv } from '../../src/core/views/services-presence';
import { ISSUE_CSV_HEADER, issueCsvRows } from '../../src/core/workspace/report';
import { CORPUS, FORMULA } from '../fixtures/hostile/corpus';
import { expectSafeCsv } from '../fixtures/hostile/csv';
import { HOSTILE_DIR, MUNICIPALITIES, SIGNED_INDICATOR } from '../fixtures/hostile/make-package';

const FILES = ['units.geojson', 'indicators.csv', 'services.csv', 'capacities.csv', 'norms.csv'];
const load = () =>
  readPackage(
    JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'datapackage.json'), 'utf8')) as unknown,
    FILES.map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(path.join(HOSTILE_DIR, f))) })),
  );
const FORMULA_NAMES = MUNICIPALITIES.map(([, n]) => n.trim()).filter((n) => /^[=+\-@]/.test(n));

describe('every CSV export is spreadsheet-safe', () => {
  it('toCsv: the corpus neutralised, numbers bare (negative included), text round-trips', () => {
    const rows = CORPUS.map((s, i) => [s, -i - 0.5, i, s.length > 1000 ? null : s]);
    const out = toCsv(['text', 'neg', 'pos', '=header'], rows);
    const back = expectSafeCsv(out);
    expect(back[0]).toEqual(['text', 'neg', 'pos', "'=header"]);
    CORPUS.forEach((s, i) => {
      expect(back[i + 1]?.[0]).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      expect(back[i + 1]?.[1]).toBe(String(-i - 0.5));
    });
    for (const f of FORMULA) expect(out).toContain(f.replace(/"/g, '""').replace(/^/, "'"));
  });

  it('the map table export (units table → CSV), for every indicator, a negative value stays a number', () => {
    const { pkg } = load();
    const ds = prepareDataset(pkg);
    let negatives = 0;
    for (const indicator of ds.indicators.map((i) => i.key)) {
      const view = buildMapView(ds, { ...DEFAULT_STATE, indicator, lang: 'en' }, 'en');
      const { header, rows } = mapTableCsv(view);
      const back = expectSafeCsv(toCsv(header, rows, { bom: true }));
      for (const name of FORMULA_NAMES) expect(back.some((r) => r[1] === `'${name}`), name).toBe(true);
      if (indicator === SIGNED_INDICATOR) negatives = back.filter((r) => /^-\d/.test(r[5] ?? '')).length;
    }
    expect(negatives).toBeGreaterThan(0);
  });

  it('the compare chart tables, every chart kind, municipalities and regions', () => {
    const { pkg } = load();
    let negatives = 0;
    for (const chart of CHARTS) {
      for (const level of ['municipality', 'region'] as const) {
        for (const indicator of [SIGNED_INDICATOR, null]) {
          const state = resolveCompareState(pkg, { ...DEFAULT_COMPARE_STATE, chart, level, indicator, x: indicator, y: indicator }).state;
          const c = buildCompareChart(pkg, state, 'en', '2024-01-01');
          expect(c.kind, `${chart} ${level}`).not.toBe('empty');
          if (c.kind === 'empty') continue;
          const back = expectSafeCsv(tableCsv(c.table, (col) => col.label ?? col.labelKey));
          negatives += back.flat().filter((v) => /^-\d/.test(v)).length;
          if (chart === 'bars' && level === 'municipality') for (const name of FORMULA_NAMES) expect(back.flat(), name).toContain(`'${name}`);
        }
      }
    }
    expect(negatives).toBeGreaterThan(0);
  });

  it('the gaps view export and the services presence export', () => {
    const { pkg } = load();
    const ds = prepareDataset(pkg);
    const result = runGaps(pkg);
    for (const region of [null, 'HX1', 'HX2']) {
      const gaps = expectSafeCsv(gapsViewCsv(result, pkg, region, 'en'));
      const presence = expectSafeCsv(presenceViewCsv(ds, pkg, region, 'en'));
      if (region === null) {
        for (const name of FORMULA_NAMES) {
          expect(gaps.flat(), name).toContain(`'${name}`);
          expect(presence.flat(), name).toContain(`'${name}`);
        }
      }
    }
  });

  it('the import issues download: hostile headers, keys and set-aside cells', () => {
    const enc = new TextEncoder();
    const units = readFileSync(path.join(HOSTILE_DIR, 'units.geojson'));
    const rows = FORMULA.map((f, i) => `"${f.replace(/"/g, '""')}",elderly,${i},"${f.replace(/"/g, '""')}"`).join('\n');
    const { report } = readPackage(null, [
      { path: 'units.geojson', bytes: new Uint8Array(units) },
      { path: '=cmd|x.csv', bytes: enc.encode(`unit_name,indicator,value,=HYPERLINK("x")\n${rows}\n`) },
    ]);
    for (const lang of ['en', 'sq', 'mk'] as const) {
      const back = expectSafeCsv(toCsv(ISSUE_CSV_HEADER, issueCsvRows(report, lang), { bom: true }));
      expect(back.flat()).toContain("'=cmd|x.csv");
      // set-aside rows keep their raw cells, neutralised as one text cell
      expect(back.some((r) => r[4] === 'unit_unmatched' && (r[6] ?? '').startsWith("'@SUM(1+1)"))).toBe(true);
    }
  });
});
