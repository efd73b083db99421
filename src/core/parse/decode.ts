// Bytes → text. Order of evidence: user override, byte-order mark, UTF-16 by its NUL-byte
// pattern, strict UTF-8, then Windows-1250 (Latin with diacritics: Albanian, Serbian/Croatian
// Latin) against Windows-1251 (Cyrillic) scored by how letters form words: Cyrillic words are
// made only of high bytes, Latin words with diacritics mix ASCII letters and high bytes.
import { issue } from './issues';
import type { ImportIssue } from './types';

export type DecodeMethod = 'override' | 'bom' | 'nul_pattern' | 'strict_utf8' | 'mostly_utf8' | 'scored';

export interface DecodeResult {
  text: string;
  /** WHATWG label: utf-8, utf-16le, utf-16be, windows-1250, windows-1251, or the override. */
  encoding: string;
  method: DecodeMethod;
  issues: ImportIssue[];
}

function decoder(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

function safeDecode(label: string, bytes: Uint8Array): string {
  const d = decoder(label) ?? new TextDecoder('utf-8');
  return d.decode(bytes);
}

/** Canonical WHATWG name of a label, or null if the platform does not know it. */
export function encodingName(label: string): string | null {
  const d = decoder(label.trim());
  return d ? d.encoding : null;
}

function bomOf(b: Uint8Array): { encoding: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without BOM: text in the Latin and Cyrillic ranges has a NUL (or 0x04) in every
 *  other byte. Returns the byte order, or null. */
export function utf16ByNulPattern(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 8192);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Counts well-formed UTF-8 multi-byte sequences and stray high bytes. */
export function utf8Evidence(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const cc = b[i + k] ?? 0;
      if (cc < 0x80 || cc > 0xbf) ok = false;
    }
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

export interface CodePageScore {
  /** Words made only of Cyrillic letters (length ≥ 2) when read as Windows-1251. */
  cyrillicWords: number;
  /** Words mixing ASCII letters and high-byte letters (Latin with diacritics). */
  mixedWords: number;
}

/** Scores Windows-1251 (Cyrillic) against Windows-1250 (Latin with diacritics). */
export function scoreCodePages(b: Uint8Array): CodePageScore {
  const sample = b.length > 1_000_000 ? b.subarray(0, 1_000_000) : b;
  const text = safeDecode('windows-1251', sample);
  let cyrillicWords = 0;
  let mixedWords = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    let ascii = 0;
    let cyr = 0;
    for (const ch of w) {
      if (/[A-Za-z]/.test(ch)) ascii++;
      else if (/[\u0400-\u04ff]/.test(ch)) cyr++;
    }
    if (cyr > 0 && ascii > 0) mixedWords++;
    else if (cyr >= 2 && ascii === 0) cyrillicWords++;
  }
  return { cyrillicWords, mixedWords };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes bytes to text, never throws. `override` is a WHATWG encoding label chosen by the user
 * (or declared by the data package); an unknown label is reported and detection is used.
 */
export function decodeBytes(bytes: Uint8Array, override?: string | null): DecodeResult {
  const issues: ImportIssue[] = [];
  if (override) {
    const name = encodingName(override);
    if (name) {
      const bom = bomOf(bytes);
      const body = bom && bom.encoding === name ? bytes.subarray(bom.length) : bytes;
      return { text: stripBom(safeDecode(name, body)), encoding: name, method: 'override', issues };
    }
    issues.push(issue('encoding_override_invalid', null, null, { encoding: override }));
  }
  const bom = bomOf(bytes);
  if (bom) {
    return { text: safeDecode(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, method: 'bom', issues };
  }
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return { text: stripBom(safeDecode(utf16, bytes)), encoding: utf16, method: 'nul_pattern', issues };

  const strict = decoder('utf-8', true);
  if (strict) {
    try {
      return { text: strict.decode(bytes), encoding: 'utf-8', method: 'strict_utf8', issues };
    } catch {
      // not UTF-8: fall through to the legacy code pages
    }
  }
  const ev = utf8Evidence(bytes);
  if (ev.valid >= 8 && ev.invalid * 20 <= ev.valid) {
    issues.push(issue('encoding_uncertain', null, null, { encoding: 'utf-8', invalid: ev.invalid }));
    return { text: safeDecode('utf-8', bytes), encoding: 'utf-8', method: 'mostly_utf8', issues };
  }
  const score = scoreCodePages(bytes);
  const encoding = score.cyrillicWords > score.mixedWords ? 'windows-1251' : 'windows-1250';
  const strong = Math.max(score.cyrillicWords, score.mixedWords);
  const weak = Math.min(score.cyrillicWords, score.mixedWords);
  // A confident choice is visible in the file report's `encoding`; only doubt is an issue.
  if (strong === 0 || weak * 3 > strong) issues.push(issue('encoding_uncertain', null, null, { encoding }));
  return { text: safeDecode(encoding, bytes), encoding, method: 'scored', issues };
}
