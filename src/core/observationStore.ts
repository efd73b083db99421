// Observations kept in columns (as they arrive from the parse worker) and turned into objects
// only when asked for: the map needs one observation per unit and indicator shown, not a
// million objects (which cost the page seconds to build and the garbage collector long pauses
// for as long as they live). `toArray()` builds them all, once, for the views that walk every
// observation (gaps, documents, compare): Dataset.pkg.observations is a getter calling it.
import type { Observation } from './model';
import { observationAt, type PackedObservations } from './workspace/transfer';

/** What ObservationIndex reads observations from (an array is one). */
export interface ObservationSource {
  readonly length: number;
  at(i: number): Observation | undefined;
  /** The year of row `i` without making its object (optional: an array has none). */
  yearAt?(i: number): number | null;
}

export class ObservationStore implements ObservationSource {
  readonly length: number;
  private readonly made = new Map<number, Observation>();
  private all: Observation[] | null = null;

  /** Rows [0, prefix) are `own`'s (objects the page has already), the rest are `packed`'s. */
  constructor(
    private readonly own: readonly Observation[],
    private readonly prefix: number,
    private readonly packed: PackedObservations,
  ) {
    this.length = prefix + packed.n;
  }

  at(i: number): Observation | undefined {
    if (this.all) return this.all[i];
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    if (i < this.prefix) return this.own[i];
    let o = this.made.get(i);
    if (!o) this.made.set(i, (o = this.row(i - this.prefix)));
    return o;
  }

  yearAt(i: number): number | null {
    if (this.all) return this.all[i]?.year ?? null;
    if (i < this.prefix) return this.own[i]?.year ?? null;
    const y = this.packed.year[i - this.prefix] ?? NaN;
    return Number.isNaN(y) ? null : y;
  }

  private row(k: number): Observation {
    return observationAt(this.packed, k);
  }

  /** Every observation as an object (built once; the objects `at` gave out are reused). */
  toArray(): Observation[] {
    if (this.all) return this.all;
    const out = new Array<Observation>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i) as Observation;
    this.made.clear();
    this.all = out;
    return out;
  }
}
