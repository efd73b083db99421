import { describe, expect, it } from 'vitest';
import { visibleRows } from '../../src/core/views/table';

const rows = Array.from({ length: 12 }, (_, i) => ({ id: `U${i}` }));

describe('units table: rows drawn', () => {
  it('draws every row up to the limit', () => {
    expect(visibleRows(rows, false, null, 12)).toEqual({ rows, hidden: 0 });
  });
  it('past the limit draws the first rows in order, plus the selected unit, and counts the rest', () => {
    const r = visibleRows(rows, false, 'U10', 5);
    expect(r.rows.map((x) => x.id)).toEqual(['U0', 'U1', 'U2', 'U3', 'U4', 'U10']);
    expect(r.hidden).toBe(6);
    expect(visibleRows(rows, false, 'U2', 5).hidden).toBe(7);
  });
  it('draws all when asked', () => {
    expect(visibleRows(rows, true, null, 5).rows).toHaveLength(12);
  });
});
