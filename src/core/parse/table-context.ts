// Shared per-table state for the row readers: normalised columns, cell access, numbers with the
// file's decimal separator, issue and set-aside bookkeeping, and unit matching with a level
// preference learnt from the table itself.
import type { UnitLevel } from '../keys';
import type { JoinCollector } from '../join/collector';
import { matchUnit, type MatchResult, type UnitIndex } from '../join/match';
import type { TableRow, Table } from './csv';
import { issue, type IssueCode } from './issues';
import { parseNumber } from './numbers';
import { normKey } from './props';
import { Provenance } from './provenance';
import type { Speculation } from './speculation';
import type { Decimal, FileReport } from './types';

export { Provenance, type Origin } from './provenance';

export interface NumberOptions {
  required?: boolean;
  min?: number;
}

export class TableContext {
  readonly cols: string[];
  private readonly at = new Map<string, number>();
  private readonly matches = new Map<UnitLevel | null, Map<string, MatchResult>>();
  private preferLevel: UnitLevel | null = null;
  private readonly rowCodes = new Map<number, Set<IssueCode>>();

  constructor(
    readonly path: string,
    readonly table: Table,
    readonly decimal: Decimal,
    readonly report: FileReport,
    readonly index: UnitIndex,
    readonly join: JoinCollector,
    readonly provenance: Provenance = new Provenance(),
  ) {
    this.cols = table.header.map(normKey);
    this.cols.forEach((c, i) => {
      if (this.at.has(c)) report.issues.push(issue('header_duplicate', table.headerRow, table.header[i] ?? c, { column: c }));
      else this.at.set(c, i);
    });
  }

  has(col: string): boolean {
    return this.at.has(col);
  }

  columnIndex(col: string): number {
    return this.at.get(col) ?? -1;
  }

  /** Header as written for a normalised column (for issue locations). */
  written(col: string): string {
    const i = this.at.get(col);
    return i === undefined ? col : (this.table.header[i] ?? col);
  }

  private readonly keys = new Map<string, string>();
  /** The last values key() saw, by a cheap fingerprint: a value seen again (a table's few
   *  indicators) is answered by comparing it, without hashing it for the Map. */
  private readonly recentRaw: string[] = new Array<string>(64).fill('');
  private readonly recentKey: string[] = new Array<string>(64).fill('');
  /** normKey of a cell value, cached (indicator and unit columns repeat few values). */
  key(raw: string): string {
    const n = raw.length;
    const slot = n === 0 ? 0 : (n * 7 + raw.charCodeAt(0) * 3 + raw.charCodeAt(n - 1) + raw.charCodeAt(n >> 1)) & 63;
    if (this.recentRaw[slot] === raw) return this.recentKey[slot] ?? normKey(raw);
    let k = this.keys.get(raw);
    if (k === undefined) {
      k = normKey(raw);
      if (this.keys.size < 100_000) this.keys.set(raw, k);
    }
    this.recentRaw[slot] = raw;
    this.recentKey[slot] = k;
    return k;
  }

  cell(r: TableRow, col: string): string {
    const i = this.at.get(col);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  }

  /** cell() by column index (columnIndex(); -1: no such column, ''). */
  cellAt(r: TableRow, i: number): string {
    return i < 0 ? '' : (r.cells[i] ?? '').trim();
  }

  /** Adds an issue tied to a row; errors (and duplicates, which keep the first row) mark the
   *  row to be set aside. */
  flag(r: TableRow, code: IssueCode, col: string | null, params: Record<string, string | number> = {}, severity?: 'error' | 'warning'): void {
    const iss = issue(code, r.row, col === null ? null : this.written(col), params, severity);
    this.report.issues.push(iss);
    if (iss.severity === 'error' || code === 'row_duplicate') {
      let s = this.rowCodes.get(r.row);
      if (!s) {
        s = new Set();
        this.rowCodes.set(r.row, s);
      }
      s.add(code);
    }
  }

  /** Remembers where `obj` came from (see Provenance). Returns obj. */
  trace<T extends object>(obj: T, r: TableRow, column: string | null = null): T {
    const hasRegion = (this.hasRegion ??= this.has('region_id'));
    this.source ??= this.provenance.source({
      path: this.path,
      hasRegion,
      region: (row) => (typeof row === 'number' ? (this.regionByRow.get(row) ?? null) : this.cell(row, 'region_id') || null),
      cells: (row) => (typeof row === 'number' ? (this.rowSource?.cells(row) ?? []) : row.cells),
    });
    let col: string | null = null;
    if (column !== null) {
      col = this.writtenCache.get(column) ?? null;
      if (col === null) this.writtenCache.set(column, (col = this.written(column)));
    }
    if (this.rowSource) {
      // streamed: keep the row number (and the region it claims), not the cells
      const region = hasRegion ? this.cell(r, 'region_id') : '';
      if (region !== '') this.regionByRow.set(r.row, region);
      this.provenance.setRow(obj, this.source, r.row, col);
    } else this.provenance.setRow(obj, this.source, r, col);
    return obj;
  }
  private source: number | undefined;
  private hasRegion: boolean | undefined;
  private readonly writtenCache = new Map<string, string>();
  private rowSource: { cells(row: number): string[] } | null = null;
  private readonly regionByRow = new Map<number, string>();

  /** The table is streamed: rows are traced by number, and their cells read again from
   *  `rows` when validation asks for them. */
  streamFrom(rows: { cells(row: number): string[] }): void {
    this.rowSource = rows;
  }

  /** Set while a table is streamed: the decimal separator and the preferred level are
   *  guesses until the last row (see speculation.ts). */
  spec: Speculation | null = null;

  /** Sets aside the row if anything marked it; returns true when it was set aside. */
  setAsideIfFlagged(r: TableRow): boolean {
    const codes = this.rowCodes.get(r.row);
    if (!codes || codes.size === 0) return false;
    this.report.setAside.push({ row: r.row, cells: [...r.cells], codes: [...codes] });
    return true;
  }

  /** A number cell: null when empty; undefined (and an issue) when unreadable. */
  number(r: TableRow, col: string, opts: NumberOptions = {}): number | null | undefined {
    return this.numberOf(r, this.cell(r, col), col, opts);
  }

  /** number() of a cell already read (`raw`, trimmed) from column `col`. */
  numberOf(r: TableRow, raw: string, col: string, opts: NumberOptions): number | null | undefined {
    if (raw === '') {
      if (opts.required) this.flag(r, 'value_required', col);
      return null;
    }
    const p = this.spec ? this.spec.parse(raw) : parseNumber(raw, this.decimal);
    if (!p.ok) {
      this.flag(r, 'value_not_number', col, { value: raw.slice(0, 60) });
      return undefined;
    }
    if (p.value !== null && opts.min !== undefined && p.value < opts.min) {
      this.flag(r, 'value_negative', col, { value: raw.slice(0, 60) });
      return undefined;
    }
    return p.value;
  }

  /** Learns the level most keys of this table name unambiguously (see matchUnit). */
  learnLevel(keys: Iterable<string>): void {
    const counts = new Map<UnitLevel, number>();
    for (const k of keys) {
      const m = this.match(k);
      const lvl = m.unitId ? this.index.units.get(m.unitId)?.level : undefined;
      if (lvl) counts.set(lvl, (counts.get(lvl) ?? 0) + 1);
    }
    let best: UnitLevel | null = null;
    let n = 0;
    for (const [l, c] of counts) if (c > n) [best, n] = [l, c];
    this.preferLevel = best;
    for (const byKey of this.matches.values()) for (const [k, m] of byKey) if (m.method === 'ambiguous') byKey.delete(k);
  }

  private lastKey = '';
  private lastPrefer: UnitLevel | null = null;
  private lastMatch: MatchResult | null = null;

  match(key: string, level?: UnitLevel | null): MatchResult {
    if (this.spec && (level === null || level === undefined)) {
      // a key that names one unit without a preference names it with any preference
      const m = this.matchAt(key, null);
      return m.method === 'ambiguous' ? this.matchAt(key, this.spec.level()) : m;
    }
    return this.matchAt(key, level ?? this.preferLevel);
  }

  /** matchUnit with exactly this preferred level, cached. */
  matchAt(key: string, prefer: UnitLevel | null): MatchResult {
    // rows of one unit mostly come together: the last answer first
    if (this.lastMatch && key === this.lastKey && prefer === this.lastPrefer) return this.lastMatch;
    this.lastKey = key;
    this.lastPrefer = prefer;
    return (this.lastMatch = this.matchCached(key, prefer));
  }

  private matchCached(key: string, prefer: UnitLevel | null): MatchResult {
    let byKey = this.matches.get(prefer);
    if (!byKey) {
      byKey = new Map();
      this.matches.set(prefer, byKey);
    }
    let m = byKey.get(key);
    if (!m) {
      m = matchUnit(this.index, key, { preferLevel: prefer });
      byKey.set(key, m);
    }
    return m;
  }

  /** Matches a row's unit and records the outcome; flags unmatched/ambiguous rows. */
  joinRow(r: TableRow, key: string, col: string, fallbackKey = '', level?: UnitLevel | null): string | null {
    let m = this.match(key, level);
    let usedKey = key;
    if (m.unitId === null && fallbackKey !== '') {
      const f = this.match(fallbackKey, level);
      if (f.unitId !== null) {
        m = f;
        usedKey = fallbackKey;
      }
    }
    this.join.record(this.path, r.row, usedKey, m);
    if (m.method === 'ambiguous') this.flag(r, 'unit_ambiguous', col, { key: usedKey.slice(0, 80), candidates: m.candidates.slice(0, 5).join(', ') });
    else if (m.unitId === null) this.flag(r, key === '' ? 'value_required' : 'unit_unmatched', col, { key: key.slice(0, 80) });
    return m.method === 'ambiguous' ? null : m.unitId;
  }
}
