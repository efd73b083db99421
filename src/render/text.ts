// Text hygiene shared by every renderer. Data is text: it is escaped for the context it lands
// in (HTML/XML text, attribute, CSS string), characters XML cannot hold are dropped, and
// invisible bidirectional controls (U+202E "right-to-left override" and friends, which can make
// "exe.txt" read as "txt.exe") are shown as visible code points instead of acting.

// C0 controls other than tab/newline/carriage return, U+FFFE/U+FFFF: not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const codePoint = (c: string): string => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** Text safe for any XML/HTML text node once escaped: no invalid characters, bidi controls made visible. */
export function cleanText(s: string): string {
  return s.replace(XML_INVALID, '').replace(LONE_SURROGATE, '\uFFFD').replace(BIDI_CONTROLS, codePoint);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for HTML/XML text and double- or single-quoted attribute values. */
export function escapeXml(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A quoted CSS string literal: everything but letters, digits and spaces is hex-escaped. */
export function cssString(s: string): string {
  let out = '"';
  for (const ch of cleanText(s).replace(/[\n\r\t]/g, ' ')) {
    if (/^[\p{L}\p{N} ]$/u.test(ch)) out += ch;
    else out += `\\${(ch.codePointAt(0) ?? 0).toString(16)} `;
  }
  return out + '"';
}

/** A CSS/SVG colour we accept: #rgb or #rrggbb. Anything else becomes the fallback. */
export function safeColor(c: string, fallback = '#cccccc'): string {
  return /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(c) ? c : fallback;
}

/** A number for an SVG attribute: finite, rounded to 2 decimals. */
export function svgNum(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
