// The embed's one-line source: the distinct source names behind the indicator, without the
// per-row links (a package may cite one URL per unit), at most `max` of them. Pure.
import { isIllustrative } from '../../core/model';

const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i;

export function sourceLine(sources: readonly string[], max = 3): { names: string[]; more: number } {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    if (isIllustrative(s)) continue;
    for (const part of s.split(';')) {
      const p = part.trim();
      if (!p || URL_LIKE.test(p)) continue;
      const key = p.toLocaleLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(p);
    }
  }
  return { names: names.slice(0, max), more: Math.max(0, names.length - max) };
}
