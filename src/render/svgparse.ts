// A strict parser for the SVG subset our own renderers write (svg, g, path, rect, line,
// circle, text, title, desc). It serves two purposes:
//  - safety: before an SVG string from a document model is embedded in HTML, it must parse
//    under this whitelist (no script, no event handlers, no links, no style, no foreignObject);
//  - rasterising: src/render/raster.ts walks the parsed tree to draw the PNG fallback.
// Anything outside the subset makes the parse fail (null), and the figure is not embedded.

export interface SvgNode {
  name: string;
  attrs: Map<string, string>;
  children: (SvgNode | string)[];
}

const ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'line', 'circle', 'text', 'tspan', 'title', 'desc']);
/** Attributes whose value must be a plain number. */
const NUMERIC = ['width', 'height', 'stroke-width', 'opacity', 'fill-opacity', 'stroke-opacity', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'dx', 'dy', 'font-size'];
const ATTRIBUTES = new Set([
  ...NUMERIC,
  'xmlns',
  'viewBox',
  'role',
  'aria-label',
  'aria-hidden',
  'd',
  'fill',
  'fill-rule',
  'stroke',
  'stroke-linejoin',
  'font-family',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'transform',
  'class',
  'id',
  'data-unit',
]);
const COLOR_ATTRS = new Set(['fill', 'stroke']);
const COLOR = /^(?:none|#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})$/;
const NUMERIC_ATTRS = new Set(NUMERIC);
const NUMBER = /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/;
const ENTITY = /&(?:amp|lt|gt|quot|#39|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const TOKEN = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)/gy;
const ATTR = /\s+([a-zA-Z:-]+)="([^"<>]*)"/g;

function validValue(name: string, value: string): boolean {
  if (/url\s*\(|javascript|expression|@import/i.test(value)) return false;
  if (value.replace(ENTITY, '').includes('&')) return false;
  if (COLOR_ATTRS.has(name)) return COLOR.test(value);
  if (NUMERIC_ATTRS.has(name)) return NUMBER.test(value);
  if (name === 'd') return /^[MmLlHhVvZzAaCcQq0-9eE.,\s-]*$/.test(value);
  if (name === 'transform') return /^(?:\s*(?:translate|scale)\(\s*-?[\d.]+(?:[\s,]+-?[\d.]+)?\s*\))*\s*$/.test(value);
  if (name === 'viewBox') return /^[-\d.\s,]+$/.test(value);
  if (name === 'xmlns') return value === 'http://www.w3.org/2000/svg';
  return true;
}

export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (e) => {
    switch (e) {
      case '&amp;':
        return '&';
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&quot;':
        return '"';
      case '&#39;':
        return "'";
      default: {
        const cp = e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : parseInt(e.slice(2, -1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
      }
    }
  });
}

/** Parse an SVG of our subset; null if it is anything else. */
export function parseSvg(svg: string): SvgNode | null {
  const root: SvgNode = { name: '#root', attrs: new Map(), children: [] };
  const stack: SvgNode[] = [root];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < svg.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(svg);
    if (!m) return null;
    pos = TOKEN.lastIndex;
    const top = stack[stack.length - 1];
    if (!top) return null;
    if (m[5] !== undefined) {
      const txt = m[5];
      if (txt.replace(ENTITY, '').includes('&') || txt.includes('>')) return null;
      if (txt.trim() !== '') {
        if (top === root) return null;
        top.children.push(decodeEntities(txt));
      }
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2] ?? '';
    if (!ELEMENTS.has(name)) return null;
    if (closing) {
      if (top.name !== name || m[3] || m[4]) return null;
      stack.pop();
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(ATTR)) {
      const k = a[1] ?? '';
      const v = a[2] ?? '';
      if (!ATTRIBUTES.has(k) || attrs.has(k) || !validValue(k, v)) return null;
      attrs.set(k, decodeEntities(v));
    }
    if ((name === 'svg') !== (top === root)) return null;
    if (top === root && root.children.length) return null;
    const node: SvgNode = { name, attrs, children: [] };
    top.children.push(node);
    if (m[4] !== '/') stack.push(node);
  }
  const first = root.children[0];
  return stack.length === 1 && first !== undefined && typeof first !== 'string' ? first : null;
}

/** True when `svg` is an SVG of our subset (safe to embed as markup). */
export const isSafeSvg = (svg: string): boolean => parseSvg(svg) !== null;
