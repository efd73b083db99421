// Safe access to objects parsed from user files: own properties only, so that keys such as
// `__proto__`, `constructor` or `prototype` are plain data and never reach a prototype.
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function own(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const isForbiddenKey = (k: string): boolean => FORBIDDEN.has(k);

/** Own enumerable keys, without the forbidden ones. */
export function ownKeys(obj: unknown): string[] {
  if (!isRecord(obj)) return [];
  return Object.keys(obj).filter((k) => !FORBIDDEN.has(k));
}

/** A property as text: strings trimmed, finite numbers printed, anything else ''. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return String(v);
  return '';
}

/** Header or property name → contract form: lower case, spaces and dashes → `_`. */
export function normKey(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}
