// Typed object → the row it came from, so that validation can point at the row and set it
// aside. Kept as parallel arrays, one entry per traced object and its row, with the table and
// column per run of entries; the Origin object is only made when asked for. A row is either a
// TableRow (tables read whole: its cells are at hand) or a row number (tables streamed: the
// cells were dropped and are read again from the text when asked for, see csv-stream.ts).
// The object → entry Map is built on the first lookup: a package without findings never
// pays for hashing a million objects. (A Map, not a WeakMap: it lives for one read, and
// ephemeron tables cost the GC dearly at hundreds of thousands of rows.)
import type { TableRow } from './csv';

export interface Origin {
  path: string;
  row: number;
  cells: string[];
  column: string | null;
  /** The region the row claims (a `region_id` column), if any. */
  region: string | null;
}

type RowRef = TableRow | number;

export interface ProvenanceSource {
  path: string;
  /** Whether any row of the table can claim a region. */
  hasRegion: boolean;
  region(ref: RowRef): string | null;
  cells(ref: RowRef): string[];
}

export class Provenance {
  private readonly explicit = new Map<object, Origin>();
  private readonly sources: ProvenanceSource[] = [];
  private readonly objs: object[] = [];
  private readonly rows: RowRef[] = [];
  /** Entries come in runs of one table and column: where each run starts, its table and
   *  its column (a long table is one run; a wide one, one run per cell). */
  private readonly runStart: number[] = [];
  private readonly runSrc: number[] = [];
  private readonly runColumn: (string | null)[] = [];
  private index: Map<object, number> | null = null;
  private indexed = 0;
  private regions = false;

  set(obj: object, origin: Origin): void {
    this.explicit.set(obj, origin);
    if (origin.region !== null) this.regions = true;
  }

  /** Registers a table; returns its handle for setRow. */
  source(s: ProvenanceSource): number {
    if (s.hasRegion) this.regions = true;
    return this.sources.push(s) - 1;
  }

  setRow(obj: object, source: number, r: RowRef, column: string | null): void {
    const n = this.runSrc.length;
    if (n === 0 || this.runSrc[n - 1] !== source || this.runColumn[n - 1] !== column) {
      this.runStart.push(this.objs.length);
      this.runSrc.push(source);
      this.runColumn.push(column);
    }
    this.objs.push(obj);
    this.rows.push(r);
  }

  /** The run entry `i` belongs to (binary search over run starts). */
  private run(i: number): number {
    let lo = 0;
    let hi = this.runStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.runStart[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Whether any traced row can claim a region (else regionOf is always null). */
  get hasRegions(): boolean {
    return this.regions;
  }

  private entry(obj: object): number | undefined {
    const index = (this.index ??= new Map());
    for (; this.indexed < this.objs.length; this.indexed++) index.set(this.objs[this.indexed] as object, this.indexed);
    return index.get(obj);
  }

  /** The region `obj`'s row claims; null when none (or `obj` was not traced). */
  regionOf(obj: object): string | null {
    const e = this.explicit.get(obj);
    if (e) return e.region;
    if (!this.regions) return null;
    const i = this.entry(obj);
    if (i === undefined) return null;
    const s = this.sources[this.runSrc[this.run(i)] ?? -1];
    const r = this.rows[i];
    return s && r !== undefined ? s.region(r) : null;
  }

  get(obj: object): Origin | undefined {
    const e = this.explicit.get(obj);
    if (e) return e;
    const i = this.entry(obj);
    if (i === undefined) return undefined;
    const r = this.rows[i];
    const run = this.run(i);
    const s = this.sources[this.runSrc[run] ?? -1];
    if (r === undefined || !s) return undefined;
    return { path: s.path, row: typeof r === 'number' ? r : r.row, cells: s.cells(r), column: this.runColumn[run] ?? null, region: s.region(r) };
  }
}
