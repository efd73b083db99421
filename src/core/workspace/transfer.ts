// Observations in columns for the trip from the parse worker to the page: a few typed arrays
// and one string table clone (and transfer) far faster than a million small objects.
import type { Observation } from '../model';

export interface PackedObservations {
  n: number;
  strings: string[];
  unit: Uint32Array;
  indicator: Uint32Array;
  value: Float64Array;
  /** NaN stands for null. */
  year: Float64Array;
  measure: Uint32Array;
  source: Uint32Array;
  note: Uint32Array;
}

export function packObservations(obs: readonly Observation[]): PackedObservations {
  const n = obs.length;
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const p: PackedObservations = {
    n,
    strings,
    unit: new Uint32Array(n),
    indicator: new Uint32Array(n),
    value: new Float64Array(n),
    year: new Float64Array(n),
    measure: new Uint32Array(n),
    source: new Uint32Array(n),
    note: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = obs[i] as Observation;
    p.unit[i] = id(o.unitId);
    p.indicator[i] = id(o.indicator);
    p.value[i] = o.value;
    p.year[i] = o.year === null ? NaN : o.year;
    p.measure[i] = id(o.unit);
    p.source[i] = id(o.source);
    p.note[i] = id(o.note);
  }
  return p;
}

export function unpackObservations(p: PackedObservations): Observation[] {
  const out: Observation[] = new Array<Observation>(p.n);
  const s = (i: number | undefined): string => p.strings[i ?? 0] ?? '';
  for (let i = 0; i < p.n; i++) {
    const y = p.year[i] ?? NaN;
    out[i] = {
      unitId: s(p.unit[i]),
      indicator: s(p.indicator[i]),
      value: p.value[i] ?? 0,
      year: Number.isNaN(y) ? null : y,
      unit: s(p.measure[i]),
      source: s(p.source[i]),
      note: s(p.note[i]),
    };
  }
  return out;
}

/** The buffers to transfer. */
export const packedBuffers = (p: PackedObservations): ArrayBuffer[] =>
  [p.unit, p.indicator, p.value, p.year, p.measure, p.source, p.note].map((a) => a.buffer as ArrayBuffer);
