// Indicator tables → Observation[]. Long form: one row per unit × indicator (× year). Wide form:
// one row per unit (× year), one column per indicator; each non-empty cell becomes an
// observation. A wide row with an unreadable cell keeps its good cells and is listed as set
// aside with the codes of the bad ones.
import { isUnitLevel, type UnitLevel } from '../keys';
import type { Observation } from '../model';
import type { TableRow } from './csv';
import type { CsvRowStream, StreamResult } from './csv-stream';
import type { Speculation } from './speculation';
import { isIndicatorColumn, type Recognised, fallbackNameColumn } from './recognise';
import { FirstRows } from './first-rows';
import { issue } from './issues';
import { normKey } from './props';
import type { TableContext } from './table-context';

function yearOf(ctx: TableContext, r: TableRow, raw = ctx.cell(r, 'year')): number | null | undefined {
  if (raw === '') return null;
  const y = Number(raw);
  if (!Number.isInteger(y) || y < 1800 || y > 2200) {
    ctx.flag(r, 'year_invalid', 'year', { value: raw.slice(0, 20) });
    return undefined;
  }
  return y;
}

function levelOf(raw: string): UnitLevel | null {
  if (raw === '') return null;
  const l = normKey(raw);
  return isUnitLevel(l) ? l : null;
}

const levelOfRow = (ctx: TableContext, r: TableRow): UnitLevel | null => levelOf(ctx.cell(r, 'level'));

function unitKeys(ctx: TableContext, rec: Recognised): { keyCol: string; fallbackCol: string | null } | null {
  if (!rec.unitColumn) return null;
  const keyCol = ctx.cols[rec.unitColumn.index] ?? 'unit_id';
  const fb = fallbackNameColumn(ctx.cols, rec.unitColumn.index);
  return { keyCol, fallbackCol: fb >= 0 ? (ctx.cols[fb] ?? null) : null };
}

/** Measure of a wide column from its name: shares in percent, areas in km², else counts. */
export function measureOf(indicator: string): string {
  if (/(^|_)(pct|percent|share)($|_)/.test(indicator)) return 'percent';
  if (/(^|_)per_1000($|_)/.test(indicator)) return 'rate_per_1000';
  if (/(^|_)km2$/.test(indicator)) return 'km2';
  return 'count';
}

export function readIndicators(ctx: TableContext, rec: Recognised): Observation[] {
  const keys = unitKeys(ctx, rec);
  if (!keys) {
    ctx.report.issues.push(issue('column_missing', ctx.table.headerRow, null, { column: 'unit_id | unit_name' }));
    for (const r of ctx.table.rows) ctx.report.setAside.push({ row: r.row, cells: [...r.cells], codes: ['column_missing'] });
    return [];
  }
  ctx.learnLevel(ctx.table.rows.map((r) => ctx.cell(r, keys.keyCol)));
  return rec.form === 'wide' ? readWide(ctx, keys) : readLong(ctx, keys);
}

const VALUE_OPTS = { required: true } as const;

/** The long-form row reader: one row at a time, so that a streamed table (readLongStream)
 *  and a whole one (readLong) run the very same code. Columns are looked up once. */
function longReader(ctx: TableContext, keys: { keyCol: string; fallbackCol: string | null }): { read: (r: TableRow) => void; out: Observation[] } {
  const out: Observation[] = [];
  const seen = new FirstRows();
  for (const req of ['indicator', 'value']) {
    if (!ctx.has(req)) ctx.report.issues.push(issue('column_missing', ctx.table.headerRow, null, { column: req }));
  }
  const at = {
    key: ctx.columnIndex(keys.keyCol),
    fallback: keys.fallbackCol ? ctx.columnIndex(keys.fallbackCol) : -1,
    level: ctx.columnIndex('level'),
    indicator: ctx.columnIndex('indicator'),
    value: ctx.columnIndex('value'),
    year: ctx.columnIndex('year'),
    unit: ctx.columnIndex('unit'),
    source: ctx.columnIndex('source'),
    note: ctx.columnIndex('note'),
  };
  const read = (r: TableRow): void => {
    const key = ctx.cellAt(r, at.key);
    const unitId = ctx.joinRow(r, key, keys.keyCol, at.fallback >= 0 ? ctx.cellAt(r, at.fallback) : '', levelOf(ctx.cellAt(r, at.level)));
    const indicator = ctx.key(ctx.cellAt(r, at.indicator));
    if (indicator === '') ctx.flag(r, 'value_required', 'indicator');
    const value = ctx.numberOf(r, ctx.cellAt(r, at.value), 'value', VALUE_OPTS);
    const year = yearOf(ctx, r, ctx.cellAt(r, at.year));
    if (unitId !== null && indicator !== '' && typeof value === 'number' && year !== undefined) {
      const first = seen.firstOrAdd(unitId, indicator, year, r.row);
      if (first !== undefined) {
        ctx.join.duplicate(ctx.path, r.row, key, unitId, first);
        ctx.flag(r, 'row_duplicate', keys.keyCol, { first, unit: unitId, indicator });
      }
    }
    if (ctx.setAsideIfFlagged(r) || unitId === null || typeof value !== 'number' || year === undefined) return;
    const unit = (at.unit >= 0 ? ctx.key(ctx.cellAt(r, at.unit)) : '') || 'count';
    out.push(ctx.trace({ unitId, indicator, value, year, unit, source: ctx.cellAt(r, at.source), note: ctx.cellAt(r, at.note) }, r, 'value'));
  };
  return { read, out };
}

function readLong(ctx: TableContext, keys: { keyCol: string; fallbackCol: string | null }): Observation[] {
  const reader = longReader(ctx, keys);
  for (const r of ctx.table.rows) reader.read(r);
  return reader.out;
}

/**
 * A long-form indicator table read row by row from its text (csv-stream.ts): each row is
 * shaped, voted on (decimal separator), counted (preferred level), joined, validated and made
 * an observation, then dropped. `ctx.spec` holds the guesses (speculation.ts). The caller
 * checks that the table is long-form with a unit column.
 */
export function readLongStream(ctx: TableContext, rec: Recognised, rows: CsvRowStream, spec: Speculation): { observations: Observation[]; stream: StreamResult } {
  const keys = unitKeys(ctx, rec);
  if (!keys) throw new Error('readLongStream: no unit column');
  ctx.spec = spec;
  ctx.streamFrom(rows);
  const reader = longReader(ctx, keys);
  const header = ctx.table.header;
  const keyAt = ctx.columnIndex(keys.keyCol);
  const stream = rows.stream((r, plain) => {
    // a row without `.` or `,` in any cell gives no vote
    if (!plain) spec.vote(r.row, r.cells, header);
    spec.countLevel(ctx.matchAt(ctx.cellAt(r, keyAt), null));
    reader.read(r);
  });
  return { observations: reader.out, stream };
}

function readWide(ctx: TableContext, keys: { keyCol: string; fallbackCol: string | null }): Observation[] {
  const out: Observation[] = [];
  const seen = new Map<string, number>();
  const indicatorCols = ctx.cols.filter((c, i) => ctx.columnIndex(c) === i && c !== keys.keyCol && isIndicatorColumn(c));
  for (const r of ctx.table.rows) {
    const key = ctx.cell(r, keys.keyCol);
    const unitId = ctx.joinRow(r, key, keys.keyCol, keys.fallbackCol ? ctx.cell(r, keys.fallbackCol) : '', levelOfRow(ctx, r));
    const year = yearOf(ctx, r);
    if (unitId !== null && year !== undefined) {
      const dupKey = `${unitId}\u0000${year ?? ''}`;
      const first = seen.get(dupKey);
      if (first !== undefined) {
        ctx.join.duplicate(ctx.path, r.row, key, unitId, first);
        ctx.flag(r, 'row_duplicate', keys.keyCol, { first, unit: unitId, indicator: '*' });
      } else seen.set(dupKey, r.row);
    }
    const values: [string, number][] = [];
    for (const c of indicatorCols) {
      const v = ctx.number(r, c);
      if (typeof v === 'number') values.push([c, v]);
    }
    const setAside = ctx.setAsideIfFlagged(r);
    // an unmatched, ambiguous or duplicate unit or a bad year: nothing of the row is used
    if (unitId === null || year === undefined || (setAside && ctx.report.setAside.at(-1)?.codes.some((c) => c === 'row_duplicate'))) continue;
    for (const [indicator, value] of values) {
      out.push(ctx.trace({ unitId, indicator, value, year, unit: measureOf(indicator), source: ctx.cell(r, 'source'), note: ctx.cell(r, 'note') }, r, indicator));
    }
  }
  return out;
}
