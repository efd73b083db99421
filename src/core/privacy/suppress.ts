// Small-number protection for counts of people: primary suppression of counts from 1 to a
// threshold, then complementary (secondary) suppression so that no suppressed cell can be
// recovered exactly from a published total. Pure; the method is described in README.md.

export const DEFAULT_THRESHOLD = 4;

/** Why a cell is not shown: it is small itself, or it would reveal a small one. */
export type Suppression = 'primary' | 'secondary';

/** An additive relation: `total` = sum of `parts` (a region and its municipalities). */
export interface Relation {
  total: string;
  parts: readonly string[];
}

/** A count from 1 to `threshold` (0 is shown: a true zero reveals no person). */
export function isSmall(value: number | null | undefined, threshold: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= threshold;
}

interface Bounds {
  lo: number;
  hi: number;
}

/**
 * What an attacker who knows this method can say about a suppressed cell: a primary cell lies
 * in [1, threshold]; a secondary one is never small and never zero, so in [threshold+1, ∞).
 */
function boundsOf(status: Suppression, threshold: number): Bounds {
  return status === 'primary' ? { lo: 1, hi: threshold } : { lo: threshold + 1, hi: Infinity };
}

interface Member {
  id: string;
  /** +1 for a part, −1 for the total (Σ parts − total = 0). */
  sign: 1 | -1;
  value: number;
}

/**
 * Is some suppressed member of the relation recoverable to a single value? With the visible
 * members moved to the right-hand side, Σ sign·x over suppressed members = R; each member's
 * feasible range follows from the others' bounds. Exposed when fewer than two whole values remain.
 */
function exposed(members: readonly Member[], status: ReadonlyMap<string, Suppression>, threshold: number): boolean {
  const hidden = members.filter((m) => status.has(m.id));
  if (hidden.length === 0) return false;
  // R = Σ sign·value of suppressed members (= −Σ sign·value of visible ones).
  const r = hidden.reduce((s, m) => s + m.sign * m.value, 0);
  for (const m of hidden) {
    // sign·x_m = R − Σ_{j≠m} sign_j·x_j
    let minRest = 0;
    let maxRest = 0;
    for (const j of hidden) {
      if (j === m) continue;
      const b = boundsOf(status.get(j.id) as Suppression, threshold);
      if (j.sign === 1) {
        minRest += b.lo;
        maxRest += b.hi;
      } else {
        minRest -= b.hi;
        maxRest -= b.lo;
      }
    }
    const own = boundsOf(status.get(m.id) as Suppression, threshold);
    const a = r - maxRest;
    const b = r - minRest;
    const lo = Math.max(own.lo, m.sign === 1 ? a : -b);
    const hi = Math.min(own.hi, m.sign === 1 ? b : -a);
    if (hi - lo < 1) return true;
  }
  return false;
}

/**
 * Cells to suppress among `values` (null = not published) under additive `relations`.
 * Returns only suppressed ids; every other cell may be shown as it is.
 */
export function suppressCounts(
  values: ReadonlyMap<string, number | null>,
  relations: readonly Relation[],
  threshold: number = DEFAULT_THRESHOLD,
): Map<string, Suppression> {
  const status = new Map<string, Suppression>();
  for (const [id, v] of values) if (isSmall(v, threshold)) status.set(id, 'primary');
  const valueOf = (id: string): number | null => {
    const v = values.get(id);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };

  // Each pass adds at least one suppression or ends: at most |values| passes.
  let changed = status.size > 0;
  while (changed) {
    changed = false;
    for (const rel of relations) {
      const total = valueOf(rel.total);
      // A total that is not published discloses nothing.
      if (total === null) continue;
      const members: Member[] = [{ id: rel.total, sign: -1, value: total }];
      for (const p of rel.parts) {
        const v = valueOf(p);
        if (v !== null) members.push({ id: p, sign: 1, value: v });
      }
      while (exposed(members, status, threshold)) {
        const candidate = members
          .filter((m) => m.sign === 1 && !status.has(m.id) && m.value > 0)
          .sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
        if (candidate) status.set(candidate.id, 'secondary');
        else if (!status.has(rel.total)) status.set(rel.total, 'secondary');
        else break; // nothing left to hide in this relation
        changed = true;
      }
    }
  }
  return status;
}
