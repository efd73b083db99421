// Building SVG as a string, safely: element and attribute names are ours (constants), every
// attribute value and text node is escaped. Used by the static maps and charts in documents.
import { escapeXml, svgNum } from './text';

export type SvgAttrs = Record<string, string | number | undefined>;

/** `<name attr="…">children</name>`; children must already be SVG produced by these helpers. */
export function tag(name: string, attrs: SvgAttrs, children?: string): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    s += ` ${k}="${typeof v === 'number' ? svgNum(v) : escapeXml(v)}"`;
  }
  return children === undefined ? `${s}/>` : `${s}>${children}</${name}>`;
}

/** A text node (escaped). */
export const text = (s: string): string => escapeXml(s);

/** The root element with a title for assistive technology. */
export function svgRoot(width: number, height: number, title: string, body: string): string {
  return tag(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${svgNum(width)} ${svgNum(height)}`,
      role: 'img',
      'aria-label': title,
      'font-family': 'Arial, Helvetica, sans-serif',
    },
    tag('title', {}, text(title)) + body,
  );
}
