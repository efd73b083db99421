// Keyboard navigation on the embed map, pure: arrow keys go to the nearest unit in that
// direction (by label points); where there is none they step through the list by name, so every
// unit stays reachable. Home/End jump to the ends of the list; letters jump by name.

export type Direction = 'left' | 'right' | 'up' | 'down';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
export const arrowDirection = (key: string): Direction | null => ARROWS[key] ?? null;

/**
 * The unit to move to from `from` in direction `dir`. `order` is the list order (by name);
 * `points` are screen positions (y grows downwards).
 */
export function moveFocus(order: readonly string[], points: ReadonlyMap<string, [number, number]>, from: string | null, dir: Direction): string | null {
  if (order.length === 0) return null;
  const i = from === null ? -1 : order.indexOf(from);
  const p = from === null ? undefined : points.get(from);
  if (i < 0 || !p) return order[0] ?? null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of order) {
    if (id === from) continue;
    const q = points.get(id);
    if (!q) continue;
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    // Along the direction (must be positive) and across it (penalised).
    const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
    const across = dir === 'right' || dir === 'left' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0 || across > along * 2) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  if (best) return best;
  const step = dir === 'right' || dir === 'down' ? 1 : -1;
  return order[(i + step + order.length) % order.length] ?? null;
}

/** Type-ahead: the next unit (after `from`, wrapping) whose name starts with `prefix`. */
export function findByPrefix(order: readonly { id: string; name: string }[], from: string | null, prefix: string, locale: string): string | null {
  const p = prefix.toLocaleLowerCase(locale);
  if (!p) return null;
  const idx = from === null ? -1 : order.findIndex((u) => u.id === from);
  // A repeated single letter cycles to the next match; a longer prefix may keep the current one.
  const first = p.length === 1 ? idx + 1 : Math.max(idx, 0);
  for (let k = 0; k < order.length; k++) {
    const u = order[(first + k) % order.length];
    if (u && u.name.toLocaleLowerCase(locale).startsWith(p)) return u.id;
  }
  return null;
}
