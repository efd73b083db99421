// Fuzz: the URL codecs — the app's (parseViewState) and every view's readers of its own
// parameters (compare, gaps, services filters, privacy, embed). Arbitrary query strings and
// hostile key/value pairs (prototype keys, script, javascript: URLs, percent-encoding, repeats):
// never an exception; every value kept is valid for its field; every refusal is a note with its
// parameter (the location) and a reason that has a message; parse ∘ serialise is stable; the
// prototype untouched. Cases: FUZZ_RUNS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTS, parseCompareParams, writeCompareParams } from '../../src/core/compare/state';
import { hasKey } from '../../src/core/i18n';
import { LANGS } from '../../src/core/keys';
import { parsePrivacy } from '../../src/core/privacy/config';
import { parseViewState, serializeViewState, VIEWS, type ViewState } from '../../src/core/url';
import { readGapsParams } from '../../src/core/views/gaps';
import { readServiceFilters } from '../../src/core/views/services';
import { parseEmbedOptions } from '../../src/ui/embed/params';
import { anyText, expectPrototypeClean, FUZZ_RUNS, FUZZ_TIMEOUT } from '../fixtures/hostile/fuzz';

const numRuns = FUZZ_RUNS;
const KEYS = ['view', 'region', 'unit', 'indicator', 'measure', 'class', 'k', 'breaks', 'lang', 'package', 'embed', 'chart', 'level', 'regions', 'x', 'y', 'area', 'bench', 'mult', 'ci', 'service', 'category', 'metric', 'distance', 'scenario', 'sf_service', 'sf_provider', 'suppress', 'height', 'layers', 'table', 'form', 'doclang'];
const VALUES = ['map', 'compare', 'MK005', 'MK00501', 'en', 'mk', '3', '9', '10', '1,2,3', 'quantile', 'manual', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/dp.json', 'https://evil.example/datapackage.json', './hostile/datapackage.json', '1', 'true', 'services', '1e9', '-1', 'NaN', 'Infinity'];
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor.prototype.polluted') }, { weight: 1, arbitrary: anyText(10) });
const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 2, arbitrary: anyText(30) });
/** Percent-encoded as a link would carry it; a lone surrogate as the invalid UTF-8 a link can hold. */
const pct = (s: string) =>
  s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[^A-Za-z0-9._~-]/g, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%ED%A0%80';
    }
  });
const query = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('&', '=', '?', '%', '%zz', '%00', '+', '#', 'a', '__proto__', '%E2%80%AE'), { maxLength: 30 }).map((xs) => xs.join('')) },
);
const ID = /^[\p{L}\p{N}_.:-]{1,64}$/u;
const SCHEMES = /^\s*(javascript|data|vbscript|file|blob):/i;

function checkState(s: ViewState): void {
  expect(VIEWS).toContain(s.view);
  expect(LANGS).toContain(s.lang);
  expect(Number.isInteger(s.classes) && s.classes >= 2 && s.classes <= 9).toBe(true);
  for (const b of s.breaks) expect(Number.isFinite(b)).toBe(true);
  for (const id of [s.region, s.unit, s.indicator]) if (id !== null) expect(id).toMatch(ID);
  if (s.package !== null) expect(s.package).not.toMatch(SCHEMES);
  expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
  for (const [k, v] of s.rest) expect([typeof k, typeof v]).toEqual(['string', 'string']);
}

describe('fuzz: URL codecs', () => {
  it('parseViewState: valid fields, typed notes with a message, stable round trip', () => {
    fc.assert(
      fc.property(query, (q) => {
        const { state, notes } = parseViewState(q);
        checkState(state);
        const given = new Set(new URLSearchParams(q).keys());
        for (const n of notes) {
          expect(given.has(n.param)).toBe(true);
          expect(['invalid', 'duplicate']).toContain(n.reason);
          expect(hasKey('en', 'app.urlNote') && hasKey('sq', 'app.urlNote') && hasKey('mk', 'app.urlNote')).toBe(true);
        }
        const again = parseViewState(serializeViewState(state));
        // breaks are written only with class=manual (they mean nothing otherwise)
        expect(again.state).toEqual(state.classification === 'manual' ? state : { ...state, breaks: [] });
        expect(again.notes).toEqual([]);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);

  it('every view’s own parameters: valid or absent, never an exception', () => {
    fc.assert(
      fc.property(query, (q) => {
        const params = new URLSearchParams(q);
        const c = parseCompareParams(params);
        expect(CHARTS).toContain(c.chart);
        expect(new Set(c.regions).size).toBe(c.regions.length);
        for (const id of [...c.regions, c.indicator, c.x, c.y, c.area, c.benchmark]) {
          if (id === null) continue;
          expect(id).toMatch(ID);
          expect(['__proto__', 'constructor', 'prototype']).not.toContain(id);
        }
        const written = new URLSearchParams();
        writeCompareParams(c, written);
        expect(parseCompareParams(written)).toEqual(c);

        const { state } = parseViewState(q);
        const g = readGapsParams(state);
        for (const k of [g.service, g.category]) if (k !== null) expect(k).toMatch(/^[a-z0-9_]{1,64}$/);
        if (g.distanceKm !== null) expect(g.distanceKm > 0 && g.distanceKm <= 500).toBe(true);
        const f = readServiceFilters(state);
        for (const v of Object.values(f)) if (v !== null) expect(v).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        const p = parsePrivacy(params.get('suppress'), state.embed);
        expect(Number.isInteger(p.threshold) && p.threshold >= 2).toBe(true);
        const e = parseEmbedOptions(state);
        if (e.height !== null) expect(e.height >= 160 && e.height <= 2000).toBe(true);
        expectPrototypeClean();
      }),
      { numRuns },
    );
  }, FUZZ_TIMEOUT);
});
