// Transliteration between Macedonian Latin romanisation and Macedonian (and Serbian) Cyrillic.
// Pure and deterministic; used for name matching and for writing unit names in Cyrillic.
//
// Latin → Cyrillic follows the Macedonian romanisation (dž, dz, gj/ǵ, kj/ḱ, lj, nj, č, š, ž, c, j)
// and also accepts the Serbo-Croatian letters đ (→ ѓ) and ć (→ ќ), because names of Macedonian
// places are often written that way (Đorče Petrov → Ѓорче Петров).
// Cyrillic → Latin writes diacritics (č, š, ž, dž) and gj/kj/dz for ѓ/ќ/ѕ, so that a Macedonian
// name goes Cyrillic → Latin → Cyrillic unchanged. Serbian ђ/ћ become đ/ć.
// Characters outside these alphabets (digits, spaces, punctuation, other letters) pass unchanged.

const LATIN_DIGRAPHS: ReadonlyMap<string, string> = new Map([
  ['dž', 'џ'],
  ['dz', 'ѕ'],
  ['gj', 'ѓ'],
  ['kj', 'ќ'],
  ['lj', 'љ'],
  ['nj', 'њ'],
]);

const LATIN_SINGLE: ReadonlyMap<string, string> = new Map([
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['ć', 'ќ'],
  ['d', 'д'],
  ['đ', 'ѓ'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['ǵ', 'ѓ'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'ј'],
  ['k', 'к'],
  ['ḱ', 'ќ'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['š', 'ш'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['z', 'з'],
  ['ž', 'ж'],
  // single-code-point digraph letters (Unicode compatibility forms)
  ['ǆ', 'џ'],
  ['ǉ', 'љ'],
  ['ǌ', 'њ'],
]);

const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'g'],
  ['д', 'd'],
  ['ѓ', 'gj'],
  ['ђ', 'đ'],
  ['е', 'e'],
  ['ѐ', 'e'],
  ['ж', 'ž'],
  ['з', 'z'],
  ['ѕ', 'dz'],
  ['и', 'i'],
  ['ѝ', 'i'],
  ['ј', 'j'],
  ['к', 'k'],
  ['л', 'l'],
  ['љ', 'lj'],
  ['м', 'm'],
  ['н', 'n'],
  ['њ', 'nj'],
  ['о', 'o'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['ќ', 'kj'],
  ['ћ', 'ć'],
  ['у', 'u'],
  ['ф', 'f'],
  ['х', 'h'],
  ['ц', 'c'],
  ['ч', 'č'],
  ['џ', 'dž'],
  ['ш', 'š'],
]);

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLetter = (ch: string | undefined): ch is string => ch !== undefined && /\p{L}/u.test(ch);

/** Macedonian Latin romanisation → Macedonian Cyrillic, preserving case. */
export function latinToMkCyrillic(s: string): string {
  const chars = Array.from(s.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const next = chars[i + 1];
    if (next !== undefined) {
      const di = LATIN_DIGRAPHS.get(lower + next.toLowerCase());
      if (di !== undefined) {
        out += isUpper(ch) ? di.toUpperCase() : di;
        i++;
        continue;
      }
    }
    const single = LATIN_SINGLE.get(lower);
    if (single === undefined) out += ch;
    else
      out += isUpper(ch) || ch === 'ǅ' || ch === 'ǈ' || ch === 'ǋ' ? single.toUpperCase() : single;
  }
  return out;
}

/** Macedonian or Serbian Cyrillic → Latin with diacritics (ѓ→gj, ќ→kj, ѕ→dz, џ→dž, ђ→đ, ћ→ć). */
export function cyrillicToLatin(s: string): string {
  const chars = Array.from(s.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const lat = CYRILLIC_TO_LATIN.get(lower);
    if (lat === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch)) {
      out += lat;
      continue;
    }
    if (lat.length === 1) {
      out += lat.toUpperCase();
      continue;
    }
    // Multi-letter output of a capital: ALL CAPS inside an upper-case word (ЉУБОЈНО → LJUBOJNO),
    // else title case (Љубојно → Ljubojno).
    const next = chars[i + 1];
    const prev = chars[i - 1];
    const allCaps = isLetter(next) ? isUpper(next) : isLetter(prev) && isUpper(prev);
    out += allCaps ? lat.toUpperCase() : (lat[0] as string).toUpperCase() + lat.slice(1);
  }
  return out;
}
