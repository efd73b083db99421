// The searchable unit list of the "assign to a unit" box: a query matches a unit's id, names
// in any script and aliases after folding (case, diacritics) and transliteration, so "kicevo",
// "Кичево" and "Kërçovë" find the same unit. Prefix matches rank before matches inside a name.
import { translitKey } from '../join/keys';
import type { Unit } from '../model';
import { foldName } from '../text/fold';

export interface UnitChoice {
  id: string;
  /** The unit's keys: folded and transliterated forms of its id, names and aliases. */
  keys: string[];
}

export function unitChoices(units: readonly Unit[]): UnitChoice[] {
  return units
    .filter((u) => u.level !== 'country')
    .map((u) => {
      const names = [u.id, u.name, ...Object.values(u.names).filter((n): n is string => typeof n === 'string'), ...u.aliases];
      const keys = new Set<string>();
      for (const n of names) {
        keys.add(foldName(n));
        keys.add(translitKey(n));
      }
      keys.delete('');
      return { id: u.id, keys: [...keys] };
    });
}

/** Ids of the units the query finds, best first, at most `limit`. An empty query finds none. */
export function searchUnits(choices: readonly UnitChoice[], query: string, limit = 20): string[] {
  const q = new Set([foldName(query), translitKey(query)].filter((s) => s !== ''));
  if (q.size === 0) return [];
  const scored: [number, string][] = [];
  for (const c of choices) {
    let best = Infinity;
    for (const k of c.keys) {
      for (const s of q) {
        if (k === s) best = Math.min(best, 0);
        else if (k.startsWith(s)) best = Math.min(best, 1);
        else if (k.includes(` ${s}`)) best = Math.min(best, 2);
        else if (k.includes(s)) best = Math.min(best, 3);
      }
    }
    if (best < Infinity) scored.push([best, c.id]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, limit).map((s) => s[1]);
}
