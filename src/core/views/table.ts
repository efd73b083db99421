// How many rows the units table draws. A national layer has 10,000 units: drawing them all
// costs the page a second of layout on every change (measured by the bench's long-task key),
// and nobody reads 10,000 rows. The table draws the first rows in the chosen order (sort by value
// to see the top or the bottom), always the selected unit, and offers the rest on request and in
// the CSV download, which always holds every row.

export const TABLE_ROWS_SHOWN = 500;

export function visibleRows<T extends { id: string }>(rows: readonly T[], showAll: boolean, selectedId: string | null, limit = TABLE_ROWS_SHOWN): { rows: T[]; hidden: number } {
  if (showAll || rows.length <= limit) return { rows: [...rows], hidden: 0 };
  const shown = rows.slice(0, limit);
  if (selectedId !== null && !shown.some((r) => r.id === selectedId)) {
    const sel = rows.find((r) => r.id === selectedId);
    if (sel) shown.push(sel);
  }
  return { rows: shown, hidden: rows.length - shown.length };
}
