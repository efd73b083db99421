/** Appends items one by one: `push(...items)` overflows the call stack for large arrays. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}
