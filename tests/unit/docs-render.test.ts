import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { unzipSync, unzlibSync, strFromU8 } from 'fflate';
import { renderHtml } from '../../src/render/html';
import { renderDocx } from '../../src/render/docx';
import { rasterizeSvg } from '../../src/render/raster';
import { isSafeSvg, parseSvg } from '../../src/render/svgparse';
import { classOf, quantileBreaks } from '../../src/render/svgmap';
import { cssString, escapeXml } from '../../src/render/text';
import { FEATURES, sampleDoc, sampleMap } from '../fixtures/docs/sample-doc';

/** Snapshot normalisation: numbers rounded to integers, element ids re-indexed in order. */
function normalise(html: string): string {
  const ids = new Map<string, string>();
  return html
    .replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n))))
    .replace(/\bid="([^"]*)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size + 1}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/></g, '>\n<');
}

/** Pixel (x, y) of a PNG we wrote (RGB, filter 0) → [r, g, b]. */
function pixel(png: Uint8Array, x: number, y: number): number[] {
  const view = new DataView(png.buffer, png.byteOffset);
  const width = view.getUint32(16);
  let off = 8;
  const idat: Uint8Array[] = [];
  while (off < png.length) {
    const len = view.getUint32(off);
    const type = strFromU8(png.subarray(off + 4, off + 8));
    if (type === 'IDAT') idat.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = unzlibSync(idat[0] as Uint8Array);
  const i = y * (width * 3 + 1) + 1 + x * 3;
  return [raw[i] ?? -1, raw[i + 1] ?? -1, raw[i + 2] ?? -1];
}

describe('text escaping', () => {
  it('escapes markup, drops XML-invalid characters and shows bidi overrides as code points', () => {
    expect(escapeXml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(escapeXml('a\u0000b\u0007c')).toBe('abc');
    expect(escapeXml('Kratovo\u202Egnp.exe')).toBe('Kratovo[U+202E]gnp.exe');
    expect(cssString('a"b\\c}</style>')).toBe('"a\\22 b\\5c c\\7d \\3c \\2f style\\3e "');
  });
});

describe('svg subset parser', () => {
  it('accepts our maps and rejects scripts, handlers, links, styles and foreign content', () => {
    expect(isSafeSvg(sampleMap())).toBe(true);
    const bad = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" onload="alert(1)"></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><a href="javascript:alert(1)"><rect x="0" y="0" width="1" height="1"/></a></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect x="0" y="0" width="1" height="1" fill="url(#x)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><foreignObject></foreignObject></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text x="0" y="0">a<b</text></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><g></svg>',
      '<p>not svg</p>',
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg><script>x</script>',
    ];
    for (const s of bad) expect(isSafeSvg(s), s).toBe(false);
  });
});

describe('choropleth svg', () => {
  it('colours units by class, greys units without data, escapes names', () => {
    const root = parseSvg(sampleMap());
    expect(root).not.toBeNull();
    const paths = (root?.children ?? []).filter((c) => typeof c !== 'string' && c.name === 'path');
    const fill = new Map(paths.map((p) => (typeof p === 'string' ? ['', ''] : [p.attrs.get('data-unit'), p.attrs.get('fill')])));
    expect(fill.get('M1')).toBe('#fdd49e'); // 10 < 20
    expect(fill.get('M2')).toBe('#d7301f'); // 30 ≥ 20
    expect(fill.get('M3')).toBe('#e6e6e6'); // no data
    expect(sampleMap()).not.toContain('<script>');
    expect(sampleMap()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws counter-clockwise GeoJSON polygons as the shape, not the whole globe', () => {
    // Three 0.2° squares side by side: each must be about a third of the drawn width.
    const root = parseSvg(sampleMap());
    const m1 = root?.children.find((c) => typeof c !== 'string' && c.attrs.get('data-unit') === 'M1');
    const d = typeof m1 === 'object' ? (m1.attrs.get('d') ?? '') : '';
    const xs = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(150);
    expect(FEATURES).toHaveLength(3);
  });

  it('computes quantile breaks and classes', () => {
    const b = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(b).toEqual([3, 5, 7, 9]);
    expect([1, 3, 8, 10].map((v) => classOf(v, b))).toEqual([0, 1, 3, 4]);
    expect(quantileBreaks([5, 5, 5], 4)).toEqual([]);
  });
});

describe('raster fallback', () => {
  it('rasterises our SVG to a PNG of the scaled size with the fills in place', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect x="0" y="0" width="10" height="10" fill="#ff0000"/><g transform="translate(10,0)"><path d="M0,0L10,0L10,10L0,10Z" fill="#0000ff"/></g><text x="1" y="1">ignored</text></svg>';
    const r = rasterizeSvg(svg, 2);
    expect(r?.width).toBe(40);
    expect(r?.height).toBe(20);
    const png = r?.png ?? new Uint8Array();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pixel(png, 5, 5)).toEqual([255, 0, 0]);
    expect(pixel(png, 30, 10)).toEqual([0, 0, 255]);
    expect(rasterizeSvg('<svg onload="x"></svg>')).toBeNull();
  });
});

describe('html renderer', () => {
  const html = renderHtml(sampleDoc(), { pageLabel: 'Page' });

  it('shows hostile strings literally, never as markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\sonerror=/i); // the text is there, never as an attribute
    expect(html).not.toContain('\u202E');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot; onerror=&quot;alert(2)');
    expect(html).toContain('Kratovo[U+202E]gnp.exe');
    // The region also lands in CSS (running header): escaped for CSS, cannot close the style.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('is print-ready: A4, chapters on new pages, running header, page numbers, no script', () => {
    expect(html).toContain('@page { size: A4');
    expect(html.match(/<section class="chapter">/g)).toHaveLength(2);
    expect(html).toContain('counter(page) " / " counter(pages)');
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/<h2 id="ch2\.1">2\.1 Municipalities<\/h2>/);
    expect(html).toMatch(/<td colspan="2">Group A<\/td>/);
  });

  it('replaces a figure whose SVG is not our safe subset', () => {
    const doc = sampleDoc();
    const fig = doc.blocks.find((b) => b.type === 'figure');
    if (fig?.type === 'figure') fig.svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" onload="alert(1)"></svg>';
    const out = renderHtml(doc, { figureUnavailable: 'FIGURE UNAVAILABLE' });
    expect(out).not.toContain('onload');
    expect(out).toContain('FIGURE UNAVAILABLE');
  });

  it('matches the normalised snapshot', async () => {
    await expect(normalise(html)).toMatchFileSnapshot('../fixtures/docs/sample-doc.snapshot.html');
  });
});

describe('docx renderer', () => {
  it('opens as a Word document with headings, tables, images, lists and literal hostile text', async () => {
    const bytes = await renderDocx(sampleDoc(), { pageLabel: 'Page' });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<h1>1. Introduction</h1>');
    expect(html).toContain('<h1>2. Data on the region</h1>');
    expect(html).toContain('<h2>2.1 Municipalities</h2>');
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html).toMatch(/<td colspan="2"><p><strong>Group A<\/strong><\/p><\/td>/);
    expect(html).toMatch(/<img alt="Map of beneficiaries" src="data:image\/png;base64,/);
    expect(html).toContain('<ul><li>first point</li><li>second point</li></ul>');
    expect(html).toContain('<ol><li>step one</li></ol>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Kratovo[U+202E]gnp.exe');
    expect(html).not.toMatch(/<script/i);
  });

  it('has a header with region and date, a footer with page numbers and an SVG with PNG fallback', async () => {
    const files = unzipSync(await renderDocx(sampleDoc(), { pageLabel: 'Page' }));
    const names = Object.keys(files);
    const xml = (re: RegExp) => names.filter((n) => re.test(n)).map((n) => strFromU8(files[n] as Uint8Array)).join('\n');
    const header = xml(/^word\/header\d*\.xml$/);
    expect(header).toContain('Northeast &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(header).toContain('2024-05-01');
    const footer = xml(/^word\/footer\d*\.xml$/);
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(names.some((n) => /^word\/media\/.*\.svg$/.test(n))).toBe(true);
    expect(names.some((n) => /^word\/media\/.*\.png$/.test(n))).toBe(true);
    expect(xml(/^word\/document\.xml$/)).toContain('w:pStyle w:val="Heading1"');
  });
});
