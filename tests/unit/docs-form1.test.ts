import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { buildContext } from '../../src/core/docs/context';
import { buildForm1, form1 } from '../../src/core/docs/form1';
import { collectNumbers, regenerate, fieldText, type Doc, type FieldBlock, type RichText } from '../../src/core/docs/model';
import { leafAdjacency } from '../../src/core/docs/priorities';
import { prepareDataset } from '../../src/core/dataset';
import { runGaps } from '../../src/core/gaps/engine';
import { prioritise } from '../../src/core/gaps/priorities';
import { formatNumber } from '../../src/core/i18n';
import { computeCells, type Measure } from '../../src/core/indicators';
import { renderDocx } from '../../src/render/docx';
import { renderHtml } from '../../src/render/html';
import { docsPackage } from '../fixtures/docs/package';

const OPTS = { lang: 'en' as const, regionId: 'NE', date: '2024-05-01' };
const headings = (d: Doc) => d.blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level}:${b.text}`] : []));
const field = (d: Doc, id: string) => d.blocks.find((b): b is FieldBlock => b.type === 'field' && b.id === id);

/** The core's own answer for every number key the document uses. */
function coreValue(key: string): number | null {
  const ds = prepareDataset(docsPackage());
  const v = (indicator: string, measure: Measure, id: string) => {
    const c = computeCells([id], { indicator, measure }, ds.hierarchy, ds.index).get(id);
    return c?.ok ? c.value : null;
  };
  const gaps = runGaps(ds.pkg);
  const [prefix, a = '', b = ''] = key.split(':');
  const share = (ind: string, id: string) => {
    const p = v(ind, 'count', id);
    const n = v('population', 'count', id);
    return p !== null && n ? (100 * p) / n : null;
  };
  switch (prefix) {
    case 'f1.pop': return v('population', 'count', a);
    case 'f1.area': return v('area_km2', 'count', a);
    case 'f1.density': return v('population', 'per_km2', a);
    case 'f1.share0_17': return share('population_0_17', a);
    case 'f1.share65': return share('population_65_plus', a);
    case 'f1.households': return v('households', 'count', a);
    case 'f1.free': return v(a, 'count', b);
    case 'f1.count': return v(a, 'count', b);
    case 'f1.rate': return v(a, 'per1000', b);
    case 'f1.national': return v(a, 'per1000', 'MK');
    case 'f1.ratio': return (v(a, 'per1000', 'NE') ?? NaN) / (v(a, 'per1000', 'MK') ?? NaN);
    case 'f1.need': return gaps.get('NE', a, b)?.need ?? null;
    case 'f1.supply': return gaps.get('NE', a, b)?.supply ?? null;
    case 'f1.gap': return gaps.get('NE', a, b)?.gap ?? null;
    case 'f1.score':
      return prioritise(ds.pkg, gaps, { regionId: 'NE', adjacency: leafAdjacency(ds.pkg, gaps) }).find((p) => p.service === a && p.category === b)?.score ?? null;
    case 'f1.service_capacity': return ds.pkg.services.find((s) => s.id === a)?.capacity ?? null;
    case 'f1.unused': return ds.pkg.capacities.find((c) => c.id === a)?.size ?? null;
    default: throw new Error(`no core value for ${key}`);
  }
}

describe('Form 1: Regional Social Map', () => {
  const doc = form1(docsPackage(), OPTS);

  it('has the five chapters and sections of Formulari 1, in the manual\'s Albanian wording', () => {
    const sq = form1(docsPackage(), { ...OPTS, lang: 'sq' });
    const h1 = headings(sq).filter((h) => h.startsWith('1:') || /^2:4\.[12]/.test(h));
    expect(h1).toEqual([
      '1:1. Hyrje',
      '1:2. Të dhëna për rajonin',
      '1:3. Harta rajonale e problemeve sociale',
      '1:4. Kapacitetet dhe shërbimet sociale në dispozicion në rajonin e planifikimit',
      '2:4.1. Kapacitetet institucionale në fushën e mbrojtjes sociale',
      '2:4.2. Kapacitete të pashfrytëzuara në dispozicion',
      '1:5. Shërbimet e nevojshme sociale në rajonin e planifikimit',
    ]);
    expect(sq.title).toBe('Harta sociale e rajonit të planifikimit (HSRP)');
    const mk = form1(docsPackage(), { ...OPTS, lang: 'mk' });
    expect(mk.title).toBe('Социјална карта на планскиот регион');
    expect(mk.header.region).toBe('Североисточен');
    expect(JSON.stringify(mk.blocks)).toContain('Куманово');
    for (const id of ['basis', 'purpose', 'participants', 'method', 'period']) expect(field(doc, `f1.intro.${id}`), id).toBeDefined();
    expect(fieldText(field(doc, 'f1.intro.purpose') as FieldBlock)[0]?.runs[0]?.text).toContain('Ministry of Social Policy, Demography and Youth');
  });

  it('prints every number as the core computes it (value and formatted text)', () => {
    const nums = collectNumbers(doc);
    expect(nums.size).toBeGreaterThan(60);
    const checked = new Set<string>();
    for (const [key, n] of nums) {
      if (/^f1\.(providers|capacity|users|unknown):/.test(key)) continue; // checked by hand below
      const want = coreValue(key);
      if (want === null) expect(n.value, key).toBeNull();
      else expect(n.value, key).toBeCloseTo(want, 9);
      checked.add(key.split(':')[0] ?? '');
    }
    expect([...checked].sort()).toEqual(
      ['f1.area', 'f1.count', 'f1.density', 'f1.free', 'f1.gap', 'f1.households', 'f1.national', 'f1.need', 'f1.pop', 'f1.rate', 'f1.ratio', 'f1.score', 'f1.service_capacity', 'f1.share0_17', 'f1.share65', 'f1.supply', 'f1.unused'].sort(),
    );
    // Services by group (4.1), by hand from the fixture: day care S1 (30, 24 users) + S5 (20, partial); home care S2 (40, 38).
    expect(nums.get('f1.providers:day_care')?.value).toBe(2);
    expect(nums.get('f1.capacity:day_care')?.value).toBe(50);
    expect(nums.get('f1.users:day_care')?.value).toBe(24);
    expect(nums.get('f1.capacity:home_care')?.value).toBe(40);
    expect(nums.get('f1.unknown:counselling')?.value).toBe(1);
    expect(nums.has('f1.providers:temporary_stay')).toBe(false); // planned only
    // Population total and its text.
    expect(nums.get('f1.pop:NE')?.value).toBe(98000 + 7500 + 18000);
    const table = doc.blocks.find((b) => b.type === 'table' && b.id === 'f1.municipalities');
    const total = table?.type === 'table' ? table.rows.find((r) => r.key === 'NE') : undefined;
    expect(total?.cells[1]?.text).toBe(formatNumber('en', 123500, 0));
  });

  it('ranks categories against the national rate and maps the top ones', () => {
    const list = doc.blocks.find((b, i) => b.type === 'list' && doc.blocks[i - 1]?.type === 'heading' && (doc.blocks[i - 1] as { id: string }).id === 'ch3.above');
    const first = list?.type === 'list' ? list.items[0]?.[0]?.text : '';
    // Households on social assistance: NE 3530/37600 households vs MK 4680/62600.
    expect(first).toMatch(/^Households on social assistance: 93\.9 per 1,000 in the region against 74\.8/);
    const figs = doc.blocks.filter((b) => b.type === 'figure').map((b) => (b.type === 'figure' ? b.id : ''));
    expect(figs).toEqual(['f1.map.density', 'f1.map.social_assistance_households', 'f1.map.children_at_risk']);
  });

  it('shows the presence matrix, unused capacities, needed services and illustrative notes', () => {
    const presence = doc.blocks.find((b) => b.type === 'table' && b.id === 'f1.presence');
    const row = presence?.type === 'table' ? presence.rows.find((r) => r.key === 'M3') : undefined;
    const cols = presence?.type === 'table' ? presence.columns.map((c) => c.key) : [];
    expect(row?.cells[cols.indexOf('community_day')]?.text).toBe('◐'); // S5 partial
    expect(row?.cells[cols.indexOf('home')]?.text).toBe('–');
    const unused = doc.blocks.find((b) => b.type === 'table' && b.id === 'f1.unused');
    expect(unused?.type === 'table' && unused.rows.map((r) => r.key)).toEqual(['C1', 'C2']);
    const needed = doc.blocks.find((b) => b.type === 'table' && b.id === 'f1.needed');
    expect(needed?.type === 'table' && needed.rows.length).toBeGreaterThanOrEqual(5);
    expect(doc.blocks.filter((b) => b.type === 'note' && b.kind === 'illustrative').length).toBeGreaterThanOrEqual(3);
  });

  it('lists data conflicts from the import and from the gap engine', () => {
    const pkg = docsPackage();
    pkg.observations.push({ unitId: 'M2', indicator: 'elderly', value: 420, year: 2023, unit: 'count', source: 'illustrative', note: '' });
    const d = form1(pkg, { ...OPTS, importIssues: [{ severity: 'warning', code: 'row_duplicate', message: 'Row repeated <b>', path: 'indicators.csv', row: 7 }] });
    const notes = d.blocks.filter((b) => b.type === 'note' && b.kind === 'conflict').map((b) => (b.type === 'note' ? b.text : ''));
    expect(notes).toEqual([
      'Data conflict: Row repeated <b> (indicators.csv #7)',
      expect.stringMatching(/^Data conflict: Two different values were given for Elderly persons in Kratovo/),
    ]);
    expect(doc.blocks.some((b) => b.type === 'paragraph' && b.runs[0]?.text === 'No data conflicts were found at import.')).toBe(true);
  });

  it('flags a count larger than the population it is measured against', () => {
    const pkg = docsPackage();
    const kr = pkg.observations.find((o) => o.unitId === 'M2' && o.indicator === 'children_at_risk');
    if (kr) kr.value = 1200; // Kratovo has 1,100 children aged 0–17
    const notes = form1(pkg, OPTS).blocks.flatMap((b) => (b.type === 'note' && b.kind === 'conflict' ? [b.text] : []));
    expect(notes).toEqual(['Data conflict: Children at risk in Kratovo: 1,200, more than the 1,100 of “Population aged 0–17” it is measured against. One of the two figures is wrong.']);
  });

  it('keeps user edits across regeneration with new data and reports the changed numbers', () => {
    const edits = new Map<string, RichText>([
      ['f1.intro.basis', [{ runs: [{ text: 'Decision 12/2024 of the council', bold: true }] }]],
      ['f1.needed.summary', [{ runs: [{ text: 'Our conclusions' }], list: 'bullet' }]],
    ]);
    const before = form1(docsPackage(), OPTS, edits);
    const pkg = docsPackage();
    const m1 = pkg.observations.find((o) => o.unitId === 'M1' && o.indicator === 'population');
    if (m1) m1.value = 99000;
    const { doc: after, changes } = regenerate(before, form1(pkg, OPTS), edits);
    expect(fieldText(field(after, 'f1.intro.basis') as FieldBlock)).toEqual(edits.get('f1.intro.basis'));
    expect(fieldText(field(after, 'f1.needed.summary') as FieldBlock)).toEqual(edits.get('f1.needed.summary'));
    const keys = new Map(changes.map((c) => [c.key, c]));
    expect(keys.get('f1.pop:M1')).toMatchObject({ before: 98000, after: 99000, kind: 'changed' });
    expect(keys.get('f1.pop:NE')).toMatchObject({ before: 123500, after: 124500 });
    expect(keys.has('f1.pop:M2')).toBe(false);
  });

  it('numbers tables and figures from 1 each time it is built from the same context', () => {
    const ctx = buildContext(docsPackage(), OPTS);
    const a = buildForm1(ctx);
    const b = buildForm1(ctx);
    const captions = (d: Doc) => d.blocks.flatMap((x) => (x.type === 'table' || x.type === 'figure' ? [x.caption] : []));
    expect(captions(b)).toEqual(captions(a));
    expect(captions(a)[0]).toMatch(/^Table 1\./);
  });

  it('renders to DOCX (headings, tables, map images) and escapes hostile provider names in HTML', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await renderDocx(doc)) });
    expect(value.match(/<h1>/g)).toHaveLength(5);
    expect(value).toContain('<h2>4.1. Institutional capacities in social protection</h2>');
    expect((value.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(value.match(/<img /g)).toHaveLength(3);
    const html = renderHtml(doc);
    expect(html).toContain('Counselling &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });
});
