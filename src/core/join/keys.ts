// Name keys for joining, from strict to loose. Each is applied to both the file's key and the
// units' names, so both sides meet in the same form.
import { foldName } from '../text/fold';
import { cyrillicToLatin, latinToMkCyrillic } from '../text/translit';

/**
 * Script-independent key: Serbian ђ/ћ read as Macedonian ѓ/ќ, Latin → Macedonian Cyrillic →
 * Latin (so that Đorče, Gjorče and Ѓорче meet), folded to ASCII, and the English-style digraphs
 * of some statistics offices (ch, sh, zh: "Chashka") read as č, š, ž.
 */
export function translitKey(s: string): string {
  const mk = s.replace(/ћ/g, 'ќ').replace(/Ћ/g, 'Ќ').replace(/ђ/g, 'ѓ').replace(/Ђ/g, 'Ѓ');
  const latin = cyrillicToLatin(latinToMkCyrillic(mk));
  return foldName(latin).replace(/([csz])h/g, '$1');
}

/** Words that name the kind of unit rather than the unit, in any of the region's languages. */
export const PREFIXES_RAW = [
  'Komuna/Opština',
  'Komuna e',
  'Komuna',
  'Bashkia e',
  'Bashkia',
  'Bashkisë',
  'Qyteti i',
  'Qyteti',
  'Qarku i',
  'Qarku',
  'Qark',
  'Prefektura e',
  'Prefektura',
  'Rajoni i',
  'Rajoni',
  'Regjioni i',
  'Regjioni',
  'Општина',
  'Opština',
  'Opstina',
  'Opčina',
  'Municipality of',
  'Municipality',
  'City of',
  'Grad',
  'Град',
  'Region',
  'Регион',
  'Плански регион',
  'Planning region',
];

/** Suffixes written after the name ("Veles Municipality", "Велес општина"). */
export const SUFFIXES_RAW = ['Municipality', 'Opština', 'Општина', 'Komuna', 'Bashkia', 'Region', 'Регион', 'Planning region'];

const PREFIX_KEYS = [...new Set(PREFIXES_RAW.map(translitKey))].sort((a, b) => b.length - a.length);
const SUFFIX_KEYS = [...new Set(SUFFIXES_RAW.map(translitKey))].sort((a, b) => b.length - a.length);

/** translitKey without the kind-of-unit words at its start or end ("bashkia e tirane" → "tirane"). */
export function strippedKey(s: string): string {
  return stripKinds(translitKey(s));
}

/** strippedKey of a key already made by translitKey (one transliteration, not two). */
export function stripKinds(translitted: string): string {
  let k = translitted;
  for (let guard = 0; guard < 4; guard++) {
    const before = k;
    for (const p of PREFIX_KEYS) {
      if (k.startsWith(`${p} `)) {
        k = k.slice(p.length + 1);
        break;
      }
    }
    for (const p of SUFFIX_KEYS) {
      if (k.endsWith(` ${p}`)) {
        k = k.slice(0, -(p.length + 1));
        break;
      }
    }
    if (k === before) break;
  }
  return k;
}

/** Levenshtein distance, capped: returns cap + 1 as soon as the distance exceeds cap. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}
