// Classification of values into classes for a choropleth, with an explicit "no data" class.
import { ckmeans, quantileSorted } from 'simple-statistics';

export const CLASS_METHODS = ['quantile', 'equal', 'jenks', 'manual'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];
export const isClassMethod = (v: unknown): v is ClassMethod =>
  typeof v === 'string' && (CLASS_METHODS as readonly string[]).includes(v);

export const NO_DATA = -1;

export interface Classification {
  method: ClassMethod;
  /** Class boundaries, ascending: class i is [bounds[i], bounds[i+1]] (last one closed). */
  bounds: number[];
  /** Number of classes actually used (may be fewer than asked when values are few). */
  k: number;
  classOf(value: number | null): number;
}

function dedupe(sorted: number[]): number[] {
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v > (out[out.length - 1] as number)) out.push(v);
  return out;
}

function make(method: ClassMethod, bounds: number[]): Classification {
  const b = dedupe(bounds);
  const k = Math.max(b.length - 1, b.length === 1 ? 1 : 0);
  return {
    method,
    bounds: b,
    k,
    classOf(value) {
      if (value === null || !Number.isFinite(value)) return NO_DATA;
      if (b.length <= 1) return 0;
      for (let i = 1; i < b.length - 1; i++) if (value < (b[i] as number)) return i - 1;
      return b.length - 2;
    },
  };
}

/**
 * Classify `values` (nulls = no data) into at most `k` classes.
 * `manualBreaks` are the inner thresholds for method `manual`.
 */
export function classify(values: readonly (number | null)[], method: ClassMethod, k: number, manualBreaks: readonly number[] = []): Classification {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return make(method, []);
  const min = xs[0] as number;
  const max = xs[xs.length - 1] as number;
  const kk = Math.max(1, Math.min(Math.floor(k), 9));
  if (min === max) return make(method, [min, max]);
  switch (method) {
    case 'equal': {
      const step = (max - min) / kk;
      return make(method, Array.from({ length: kk + 1 }, (_, i) => (i === kk ? max : min + step * i)));
    }
    case 'quantile': {
      const inner = Array.from({ length: kk - 1 }, (_, i) => quantileSorted(xs, (i + 1) / kk));
      return make(method, [min, ...inner, max]);
    }
    case 'jenks': {
      const clusters = ckmeans(xs, Math.min(kk, dedupe(xs).length));
      const inner = clusters.slice(1).map((c) => c[0] as number);
      return make(method, [min, ...inner, max]);
    }
    case 'manual': {
      const inner = [...manualBreaks].filter((v) => Number.isFinite(v) && v > min && v < max).sort((a, b) => a - b);
      return make(method, [min, ...inner, max]);
    }
  }
}

/** Colour-blind-safe sequential palettes (ColorBrewer YlGnBu / Purples), light to dark. */
const YLGNBU: Record<number, string[]> = {
  1: ['#41b6c4'],
  2: ['#a1dab4', '#225ea8'],
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  8: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  9: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'],
};
export const NO_DATA_COLOR = '#d9d9d9';

export function paletteFor(k: number): string[] {
  return YLGNBU[Math.max(1, Math.min(9, k))] ?? (YLGNBU[5] as string[]);
}
