// Folding of place names for matching: case, diacritics (ë ç č ć š ž đ …), punctuation and
// spacing. Script is kept (Cyrillic stays Cyrillic); translitKey (join/keys.ts) goes further.

const SPECIAL: ReadonlyMap<string, string> = new Map([
  ['đ', 'dj'],
  ['ð', 'd'],
  ['ł', 'l'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['ø', 'o'],
  ['œ', 'oe'],
  ['ı', 'i'],
  ['ħ', 'h'],
]);

/**
 * Lower case, without diacritics, punctuation as single spaces, trimmed:
 * `  Češinovo – Obleševo ` → `cesinovo oblesevo`, `DIBËR` → `diber`, `Ѓорче` → `горче`.
 */
export function foldName(s: string): string {
  const lower = s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  let out = '';
  for (const ch of lower) out += SPECIAL.get(ch) ?? ch;
  return out
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
