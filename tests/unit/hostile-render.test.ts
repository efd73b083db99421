// The renderers on the hostile corpus: a document with a corpus string in every text slot of
// every block type → standalone HTML, DOCX; a choropleth SVG with corpus names, title and legend.
// Each output parses as our own markup only (no script, handler, link or style from data) and
// shows every corpus string literally (XML-invalid characters dropped and bidi controls made
// visible, as src/render/text.ts documents).
import mammoth from 'mammoth';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, Doc } from '../../src/core/docs/model';
import { renderDocx } from '../../src/render/docx';
import { renderHtml } from '../../src/render/html';
import { isSafeSvg } from '../../src/render/svgparse';
import { renderChoroplethSvg } from '../../src/render/svgmap';
import { cleanText } from '../../src/render/text';
import { CORPUS, LONG } from '../fixtures/hostile/corpus';
import { checkMarkup, checkWordXml } from '../fixtures/hostile/markup';

const S = CORPUS.filter((s) => s !== LONG);
const at = (i: number) => S[i % S.length] as string;
const square = (i: number) => ({ type: 'Polygon' as const, coordinates: [[[21 + i * 0.1, 41], [21.1 + i * 0.1, 41], [21.1 + i * 0.1, 41.1], [21 + i * 0.1, 41.1], [21 + i * 0.1, 41]]] });

/** Words the SVG subset parser refuses in any attribute value (src/render/svgparse.ts). */
const REFUSED_IN_ATTRIBUTES = /url\s*\(|javascript|expression|@import/i;
const ATTR_SAFE = S.filter((s) => !REFUSED_IN_ATTRIBUTES.test(s));

function corpusMap(title = ATTR_SAFE[3] ?? ''): string {
  const features = S.map((name, i) => ({ id: `u${i}`, name, geometry: square(i) }));
  return renderChoroplethSvg({
    features,
    values: new Map(features.map((f, i) => [f.id, i % 3 === 0 ? null : i])),
    breaks: [10, 20],
    colors: ['#fee', 'javascript:alert(1)', '#c00'],
    legendLabels: [at(0), at(1), at(2)],
    labels: new Map(features.map((f) => [f.id, f.name])),
    title,
    legendTitle: at(4),
    noDataLabel: at(5),
    noDataColor: 'url(javascript:alert(1))',
    width: 600,
    height: 400,
  });
}

/** Every block type, each text slot filled from the corpus (all strings used at least once). */
function corpusDoc(): Doc {
  const blocks: Block[] = [];
  S.forEach((s, i) => {
    blocks.push({ type: 'heading', level: ((i % 3) + 1) as 1 | 2 | 3, text: s, id: s });
    blocks.push({ type: 'paragraph', runs: [{ text: s, bold: i % 2 === 0 }, { text: at(i + 1), italic: true }] });
  });
  blocks.push({ type: 'list', ordered: false, items: S.map((s) => [{ text: s }]) });
  blocks.push({
    type: 'table',
    id: at(0),
    caption: at(1),
    note: at(2),
    columns: [{ key: 'a', label: at(3) }, { key: 'b', label: at(4), align: 'right' }],
    rows: [{ key: 's', cells: [{ text: at(5) }], section: true }, ...S.map((s, i) => ({ key: `r${i}`, cells: [{ text: s, bold: true }, { text: at(i + 7), italic: true }] }))],
  });
  blocks.push({ type: 'figure', id: at(6), svg: corpusMap(), width: 600, height: 400, alt: at(7), caption: at(8) });
  blocks.push({ type: 'figure', id: 'evil', svg: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>', width: 10, height: 10, alt: 'x', caption: 'x' });
  for (const kind of ['illustrative', 'source', 'conflict'] as const) blocks.push({ type: 'note', kind, text: at(blocks.length) });
  blocks.push({ type: 'field', id: at(9), label: at(10), defaultText: [{ runs: [{ text: at(11) }] }], userText: S.map((s) => ({ runs: [{ text: s }], list: 'bullet' as const })) });
  return { lang: 'en', kind: at(12), title: at(13), subtitle: at(14), header: { region: at(15), date: at(16) }, blocks };
}

describe('the markup checker', () => {
  it('fails on markup that data could have injected', () => {
    for (const bad of ['<p><img src=x onerror=alert(1)></p>', '<p onclick="x">a</p>', '<p>a < b</p>', '<svg><a href="javascript:alert(1)"></a></svg>', '<div style="x">a</div>']) {
      expect(() => checkMarkup(bad), bad).toThrow();
    }
    expect(checkMarkup('<p class="a">x &lt;script&gt;</p>').text).toBe('x <script>');
    expect(() => checkWordXml('<w:p><w:r><w:t>a<script>b</script></w:t></w:r></w:p>')).toThrow();
  });
});

describe('hostile corpus through the renderers', () => {
  it('standalone HTML: only our tags and attributes, a CSP with no script, every string literal', () => {
    const html = renderHtml(corpusDoc(), { showFieldLabels: true, pageLabel: at(17), figureUnavailable: at(18) });
    const { tags, text } = checkMarkup(html);
    for (const bad of ['script', 'img', 'iframe', 'a', 'math', 'style-x']) expect(tags.has(bad)).toBe(false);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    for (const s of S) expect(text, JSON.stringify(s)).toContain(cleanText(s));
    // the figure that was not our SVG subset is replaced by its placeholder text
    expect(text).toContain(cleanText(at(18)));
  });

  it('choropleth SVG: our safe subset, colours whitelisted, every name literal', () => {
    const svg = corpusMap();
    expect(isSafeSvg(svg)).toBe(true);
    const { text } = checkMarkup(svg);
    for (const s of S) expect(text, JSON.stringify(s)).toContain(cleanText(s));
    // the colours given as javascript: and url(…) fell back to safe ones
    for (const m of svg.matchAll(/\sfill="([^"]*)"/g)) expect(m[1]).toMatch(/^(none|#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})$/);
  });

  it('a map titled with a URL-like word is refused by the SVG subset and shown as a placeholder (fail-safe)', () => {
    for (const title of S.filter((s) => REFUSED_IN_ATTRIBUTES.test(s))) {
      const svg = corpusMap(title);
      expect(isSafeSvg(svg), title).toBe(false);
      const doc: Doc = { lang: 'en', kind: 'x', title: 't', subtitle: '', header: { region: 'r', date: '' }, blocks: [{ type: 'figure', id: 'f', svg, width: 1, height: 1, alt: title, caption: title }] };
      const html = renderHtml(doc, { figureUnavailable: 'FIGURE UNAVAILABLE' });
      expect(checkMarkup(html).tags.has('svg')).toBe(false);
      expect(html).toContain('FIGURE UNAVAILABLE');
    }
  });

  it('DOCX: well-formed WordprocessingML, every string literal in the text Word shows', async () => {
    const bytes = await renderDocx(corpusDoc(), { pageLabel: at(17), figureUnavailable: at(18) });
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const { text } = checkWordXml(xml);
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    for (const s of S) {
      // Word keeps text runs; line breaks inside a run are split by the writer
      const expected = cleanText(s).replace(/\r\n|\r|\n/g, '\n').split('\n')[0] ?? '';
      expect(text.includes(expected) || raw.includes(expected), JSON.stringify(s)).toBe(true);
    }
    for (const part of Object.keys(files)) expect(part).not.toMatch(/vbaProject|\.bin$|activeX/i);
  });

  it('the 100,000-character string renders whole in HTML and DOCX', async () => {
    const doc: Doc = { lang: 'en', kind: 'x', title: 't', subtitle: '', header: { region: LONG, date: '' }, blocks: [{ type: 'paragraph', runs: [{ text: LONG }] }] };
    expect(checkMarkup(renderHtml(doc)).text).toContain(LONG.slice(0, 100_000 - 25));
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml'] ?? new Uint8Array());
    expect(checkWordXml(xml).text).toContain(LONG.slice(-5000, -25));
  });
});
