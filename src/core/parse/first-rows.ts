// The duplicate check of long indicator tables: (unit, indicator, year) → the first row that
// had it. Units and indicators are numbered as they come; each unit has its own small
// open-addressing hash table (indicator × year → first row, linear probing, at most half full)
// in one shared typed array, so that the rows of one unit, which mostly come together, touch a
// few cache lines instead of one per row, and no string, boxed number or Map entry is made per
// row. A unit's table that is half full is copied to the end, four times as large. Beyond 2^21
// indicators (hostile files) the key is a string in a Map again.
const EMPTY = 0;

export class FirstRows {
  private readonly units = new Map<string, number>();
  private readonly indicators = new Map<string, number>();
  private readonly spill = new Map<string, number>();
  /** Per unit: where its table starts in `slots`, its capacity (slots) and its size. */
  private start = new Int32Array(256);
  private cap = new Int32Array(256);
  private size = new Int32Array(256);
  /** Pairs (indicator × 512 + year, first row); row 0 = empty (rows are 1-based). */
  private slots = new Int32Array(8192);
  private used = 0;

  /** The first row seen with this triple; if none, `row` becomes it and undefined is returned. */
  firstOrAdd(unitId: string, indicator: string, year: number | null, row: number): number | undefined {
    let u = this.units.get(unitId);
    if (u === undefined) this.units.set(unitId, (u = this.addUnit()));
    let i = this.indicators.get(indicator);
    if (i === undefined) this.indicators.set(indicator, (i = this.indicators.size));
    if (i >= 2 ** 21) {
      const k = `${unitId}\u0000${indicator}\u0000${year ?? ''}`;
      const first = this.spill.get(k);
      if (first === undefined) this.spill.set(k, row);
      return first;
    }
    // years 1800–2200 or none take 9 bits
    const rest = i * 512 + (year === null ? 511 : year - 1800);
    const base = this.start[u] ?? 0;
    const mask = (this.cap[u] ?? 0) - 1;
    const slots = this.slots;
    let at = mix(rest) & mask;
    for (;;) {
      const r = slots[base + 2 * at + 1] ?? EMPTY;
      if (r === EMPTY) break;
      if (slots[base + 2 * at] === rest) return r;
      at = (at + 1) & mask;
    }
    slots[base + 2 * at] = rest;
    slots[base + 2 * at + 1] = row;
    const n = (this.size[u] ?? 0) + 1;
    this.size[u] = n;
    if (n * 2 > mask + 1) this.growUnit(u);
    return undefined;
  }

  private addUnit(): number {
    const u = this.units.size;
    if (u >= this.start.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.cap = grow(this.cap);
      this.size = grow(this.size);
    }
    this.start[u] = this.alloc(16);
    this.cap[u] = 16;
    return u;
  }

  /** Room for a table of `cap` slots at the end of `slots`; returns where it starts. */
  private alloc(cap: number): number {
    const at = this.used;
    this.used += 2 * cap;
    if (this.used > this.slots.length) {
      const bigger = new Int32Array(Math.max(this.slots.length * 2, this.used));
      bigger.set(this.slots);
      this.slots = bigger;
    }
    return at;
  }

  private growUnit(u: number): void {
    const oldBase = this.start[u] ?? 0;
    const oldCap = this.cap[u] ?? 0;
    const cap = oldCap * 4;
    const base = this.alloc(cap);
    const slots = this.slots;
    const mask = cap - 1;
    for (let j = 0; j < oldCap; j++) {
      const r = slots[oldBase + 2 * j + 1] ?? EMPTY;
      if (r === EMPTY) continue;
      const rest = slots[oldBase + 2 * j] ?? 0;
      let at = mix(rest) & mask;
      while ((slots[base + 2 * at + 1] ?? EMPTY) !== EMPTY) at = (at + 1) & mask;
      slots[base + 2 * at] = rest;
      slots[base + 2 * at + 1] = r;
    }
    this.start[u] = base;
    this.cap[u] = cap;
  }
}

function mix(x: number): number {
  let h = Math.imul(x ^ 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
