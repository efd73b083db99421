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
import type { Decimal, FileReport } from './types';

/** Where a typed object came from: file, spreadsheet row, raw cells, the column for wide
 *  tables, and the region the row claims (a `region_id` column), if any. */
export interface Origin {
  path: string;
  row: number;
  cells: string[];
  column: string | null;
  region: string | null;
}

/** Typed object → its origin, so that validation can point at the row and set it aside.
 *  A Map, not a WeakMap: it lives for one read, and ephemeron tables cost the GC dearly at
 *  hundreds of thousands of rows. Rows traced by a table are kept as (table, row, column)
 *  in parallel arrays and the Origin object is only made when asked for: no object per row. */
export class Provenance {
  private readonly map = new Map<object, Origin | number>();
  private readonly sources: { path: string; region: (r: TableRow) => string | null }[] = [];
  private readonly src: number[] = [];
  private readonly rows: TableRow[] = [];
  private readonly columns: (string | null)[] = [];
  set(obj: object, origin: Origin): void {
    this.map.set(obj, origin);
  }
  /** Registers a table; returns its handle for setRow. */
  source(path: string, region: (r: TableRow) => string | null): number {
    return this.sources.push({ path, region }) - 1;
  }
  setRow(obj: object, source: number, r: TableRow, column: string | null): void {
    this.map.set(obj, this.rows.length);
    this.src.push(source);
    this.rows.push(r);
    this.columns.push(column);
  }
  get(obj: object): Origin | undefined {
    const v = this.map.get(obj);
    if (typeof v !== 'number') return v;
    const r = this.rows[v];
    const s = this.sources[this.src[v] ?? -1];
    if (!r || !s) return undefined;
    return { path: s.path, row: r.row, cells: r.cells, column: this.columns[v] ?? null, region: s.region(r) };
  }
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
  /** normKey of a cell value, cached (indicator and unit columns repeat few values). */
  key(raw: string): string {
    let k = this.keys.get(raw);
    if (k === undefined) {
      k = normKey(raw);
      if (this.keys.size < 100_000) this.keys.set(raw, k);
    }
    return k;
  }

  cell(r: TableRow, col: string): string {
    const i = this.at.get(col);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
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
    this.source ??= this.provenance.source(this.path, (row) => this.cell(row, 'region_id') || null);
    this.provenance.setRow(obj, this.source, r, column === null ? null : this.written(column));
    return obj;
  }
  private source: number | undefined;

  /** Sets aside the row if anything marked it; returns true when it was set aside. */
  setAsideIfFlagged(r: TableRow): boolean {
    const codes = this.rowCodes.get(r.row);
    if (!codes || codes.size === 0) return false;
    this.report.setAside.push({ row: r.row, cells: [...r.cells], codes: [...codes] });
    return true;
  }

  /** A number cell: null when empty; undefined (and an issue) when unreadable. */
  number(r: TableRow, col: string, opts: { required?: boolean; min?: number } = {}): number | null | undefined {
    const raw = this.cell(r, col);
    if (raw === '') {
      if (opts.required) this.flag(r, 'value_required', col);
      return null;
    }
    const p = parseNumber(raw, this.decimal);
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

  match(key: string, level?: UnitLevel | null): MatchResult {
    const prefer = level ?? this.preferLevel;
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
