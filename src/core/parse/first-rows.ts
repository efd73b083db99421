// The duplicate check of long indicator tables: (unit, indicator, year) → the first row that
// had it. Units and indicators are numbered as they come and the triple is kept in an
// open-addressing hash table in one typed array (unit, indicator × year, first row side by
// side: one cache line per probe; linear probing, at most half full): no string, boxed number
// or Map entry per row. Beyond 2^21 indicators (hostile files) the key is a
// string in a Map again.
export class FirstRows {
  private readonly units = new Map<string, number>();
  private readonly indicators = new Map<string, number>();
  private readonly spill = new Map<string, number>();
  /** Slots of three: unit, indicator × 512 + year, first row (0 = empty: rows are 1-based). */
  private slots = new Int32Array(3 * 1024);
  private size = 0;

  /** The first row seen with this triple; if none, `row` becomes it and undefined is returned. */
  firstOrAdd(unitId: string, indicator: string, year: number | null, row: number): number | undefined {
    let u = this.units.get(unitId);
    if (u === undefined) this.units.set(unitId, (u = this.units.size));
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
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let at = hash(u, rest) & mask;
    for (;;) {
      const r = slots[at * 3 + 2] ?? 0;
      if (r === 0) break;
      if (slots[at * 3] === u && slots[at * 3 + 1] === rest) return r;
      at = (at + 1) & mask;
    }
    slots[at * 3] = u;
    slots[at * 3 + 1] = rest;
    slots[at * 3 + 2] = row;
    if (++this.size * 2 > mask + 1) this.grow();
    return undefined;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 3 - 1;
    for (let j = 0; j < old.length; j += 3) {
      const r = old[j + 2] ?? 0;
      if (r === 0) continue;
      const u = old[j] ?? 0;
      const rest = old[j + 1] ?? 0;
      let at = hash(u, rest) & mask;
      while ((slots[at * 3 + 2] ?? 0) !== 0) at = (at + 1) & mask;
      slots[at * 3] = u;
      slots[at * 3 + 1] = rest;
      slots[at * 3 + 2] = r;
    }
    this.slots = slots;
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
