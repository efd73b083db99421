// All 80 North Macedonian municipalities: LAU Latin names, MakStat's English-style spellings
// ("Chashka") and Macedonian Cyrillic names match each other in every direction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import { buildUnitIndex, matchUnit } from '../../src/core/join/match';
import { parseCsv } from '../../src/core/parse/csv';
import { DEFAULT_LIMITS } from '../../src/core/parse/types';

const text = readFileSync(new URL('../fixtures/import/mk-municipalities-80.csv', import.meta.url), 'utf8');
const table = parseCsv(text, DEFAULT_LIMITS).table;
if (!table) throw new Error('fixture unreadable');
const rows = table.rows.map((r) => ({ id: r.cells[0] ?? '', lau: r.cells[1] ?? '', makstat: r.cells[2] ?? '', mk: r.cells[3] ?? '' }));

const unitsNamed = (pick: (r: (typeof rows)[number]) => string): Unit[] =>
  rows.map((r) => ({ id: r.id, name: pick(r), names: {}, level: 'municipality', parentId: null, aliases: [], geometry: null }));

describe('joining the 80 municipalities of North Macedonia', () => {
  it('fixture has 80 distinct municipalities', () => {
    expect(rows).toHaveLength(80);
    expect(new Set(rows.map((r) => r.mk)).size).toBe(80);
  });

  const cases: [string, (r: (typeof rows)[number]) => string, (r: (typeof rows)[number]) => string][] = [
    ['Cyrillic file → Latin (LAU) units', (r) => r.lau, (r) => r.mk],
    ['Latin (LAU) file → Cyrillic units', (r) => r.mk, (r) => r.lau],
    ['MakStat spellings → Cyrillic units', (r) => r.mk, (r) => r.makstat],
    ['MakStat spellings → Latin (LAU) units', (r) => r.lau, (r) => r.makstat],
    ['upper-case Cyrillic → Latin units', (r) => r.lau, (r) => r.mk.toUpperCase()],
    ['"Општина X" → Latin units', (r) => r.lau, (r) => `Општина ${r.mk}`],
    ['"Municipality of X" → Cyrillic units', (r) => r.mk, (r) => `Municipality of ${r.lau}`],
  ];
  for (const [title, unitName, fileName] of cases) {
    it(title, () => {
      const idx = buildUnitIndex(unitsNamed(unitName));
      const wrong = rows
        .map((r) => ({ key: fileName(r), want: r.id, got: matchUnit(idx, fileName(r)) }))
        .filter((x) => x.got.unitId !== x.want)
        .map((x) => `${x.key} → ${x.got.unitId ?? x.got.method} (want ${x.want})`);
      expect(wrong).toEqual([]);
    });
  }

  it('uses transliteration, not a looser method, for plain Cyrillic ↔ Latin', () => {
    const idx = buildUnitIndex(unitsNamed((r) => r.lau));
    const methods = new Set(rows.map((r) => matchUnit(idx, r.mk).method));
    expect([...methods]).toEqual(['transliterated']);
  });
});
