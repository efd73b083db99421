// Unit names in the three languages. Macedonian Cyrillic comes from the LAU Latin name by rule
// (src/core/text/translit.ts); a name the rule gets wrong goes into MK_EXCEPTIONS (none so far:
// all 80 names transliterate correctly once "X - Y" is written "X-Y").
// Albanian forms: for the municipalities with an established Albanian name (mostly those where
// Albanian is co-official). These come from general knowledge, not from a file in data/facts:
// to be checked by a native speaker. The other municipalities keep the Latin LAU name in `name_sq`.

export const MK_EXCEPTIONS: ReadonlyMap<string, string> = new Map<string, string>();

export const ALBANIAN_MUNICIPALITY_NAMES: ReadonlyMap<string, string> = new Map([
  ['MK00211', 'Shtip'],
  ['MK00303', 'Dibër'],
  ['MK00307', 'Kërçovë'],
  ['MK00310', 'Ohër'],
  ['MK00311', 'Plasnicë'],
  ['MK00312', 'Strugë'],
  ['MK00313', 'Qendër Zhupë'],
  ['MK00505', 'Krushevë'],
  ['MK00509', 'Resnjë'],
  ['MK00601', 'Bogovinë'],
  ['MK00602', 'Bërvenicë'],
  ['MK00603', 'Vrapçisht'],
  ['MK00604', 'Gostivar'],
  ['MK00605', 'Zhelinë'],
  ['MK00606', 'Jegunoc'],
  ['MK00607', 'Mavrovë dhe Rostushë'],
  ['MK00608', 'Tearcë'],
  ['MK00609', 'Tetovë'],
  ['MK00703', 'Kumanovë'],
  ['MK00704', 'Likovë'],
  ['MK00802', 'Haraçinë'],
  ['MK00804', 'Gazi Babë'],
  ['MK00805', 'Gjorçe Petrov'],
  ['MK00808', 'Karposh'],
  ['MK00811', 'Saraj'],
  ['MK00812', 'Sopisht'],
  ['MK00813', 'Studeniçan'],
  ['MK00814', 'Qendër'],
  ['MK00815', 'Çair'],
  ['MK00816', 'Çuçer-Sandevë'],
  ['MK00817', 'Shuto Orizarë'],
]);

/** Albanian region names (general knowledge, unverified); keyed by NUTS3 region code. */
export const ALBANIAN_REGION_NAMES: ReadonlyMap<string, string> = new Map([
  ['MK001', 'Rajoni i Vardarit'],
  ['MK002', 'Rajoni Lindor'],
  ['MK003', 'Rajoni Jugperëndimor'],
  ['MK004', 'Rajoni Juglindor'],
  ['MK005', 'Rajoni i Pellagonisë'],
  ['MK006', 'Rajoni i Pollogut'],
  ['MK007', 'Rajoni Verilindor'],
  ['MK008', 'Rajoni i Shkupit'],
]);

export const COUNTRY = {
  unit_id: 'MK',
  name: 'North Macedonia',
  name_en: 'North Macedonia',
  name_mk: 'Северна Македонија',
  name_sq: 'Maqedonia e Veriut',
} as const;

/** "Čučer - Sandevo" (LAU spelling) → "Čučer-Sandevo" (usual spelling). */
export const compactHyphen = (s: string): string => s.replace(/\s+-\s+/g, '-');

/** Distinct non-empty aliases, in first-seen order, minus the names already given. */
export function aliases(
  given: readonly string[],
  candidates: readonly (string | undefined)[],
): string {
  const seen = new Set(given.map((s) => s.toLowerCase()));
  const out: string[] = [];
  for (const c of candidates) {
    const v = c?.trim();
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out.join('|');
}
