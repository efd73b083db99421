// Manual class limits as a user types them: numbers separated by ";" or spaces, with a decimal
// point or a decimal comma ("12,5" — how Albanian and Macedonian write it). Stored in the URL as
// `breaks=12.5,40` (ViewState.breaks).

/** Ascending distinct limits, or null when a part is not a number (or nothing was typed). */
export function parseBreaks(text: string): number[] | null {
  const parts = text.split(/[;\s]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 8) return null;
  const xs: number[] = [];
  for (const p of parts) {
    if (!/^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(p)) return null;
    const x = Number(p.replace(',', '.'));
    if (!Number.isFinite(x)) return null;
    xs.push(x);
  }
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** Limits as the field shows them, separated by "; " (as given: typed limits are never rounded). */
export function breaksText(breaks: readonly number[]): string {
  return breaks.map((b) => String(b)).join('; ');
}

/** A computed limit rounded for a reader (what a switch to manual limits starts from): whole
 *  numbers from 100, one decimal from 10, else two. */
export function roundBreak(b: number): number {
  const abs = Math.abs(b);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const f = 10 ** digits;
  return Math.round(b * f) / f;
}
