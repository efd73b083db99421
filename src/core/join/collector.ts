// Accumulates every joined row into the join report: exact, fuzzy (grouped by key), unmatched
// (one entry per row, with suggestions), duplicates and ambiguous rows.
import type { JoinReport } from '../parse/types';
import { isExactMethod, suggestUnits, type MatchResult, type UnitIndex } from './match';

export class JoinCollector {
  readonly report: JoinReport = { matched: 0, exact: 0, fuzzy: [], unmatched: [], duplicates: [], ambiguous: [] };
  private readonly fuzzyAt = new Map<string, number>();
  private readonly suggestions = new Map<string, string[]>();

  constructor(private readonly index: UnitIndex) {}

  /** Records one row's outcome. */
  record(path: string, row: number, key: string, r: MatchResult): void {
    const rep = this.report;
    if (r.unitId !== null && r.method !== 'ambiguous' && r.method !== 'unmatched' && r.method !== 'duplicate') {
      rep.matched++;
      if (isExactMethod(r.method)) {
        rep.exact++;
        return;
      }
      const id = `${path}\u0000${key}`;
      const at = this.fuzzyAt.get(id);
      const existing = at === undefined ? undefined : rep.fuzzy[at];
      if (existing) existing.count++;
      else {
        this.fuzzyAt.set(id, rep.fuzzy.length);
        rep.fuzzy.push({ path, row, key, unit_id: r.unitId, method: r.method, count: 1 });
      }
      return;
    }
    if (r.method === 'ambiguous') {
      rep.ambiguous.push({ path, row, key, candidates: r.candidates });
      return;
    }
    let s = this.suggestions.get(key);
    if (!s) {
      s = key.trim() === '' ? [] : suggestUnits(this.index, key);
      this.suggestions.set(key, s);
    }
    rep.unmatched.push({ path, row, key, suggestions: s });
  }

  duplicate(path: string, row: number, key: string, unitId: string, firstRow: number): void {
    this.report.duplicates.push({ path, row, key, unit_id: unitId, first_row: firstRow });
  }
}
