// Three languages, complete. Each feature keeps its strings in messages/<feature>.ts with the
// same keys in sq, mk and en; tests/unit/i18n.test.ts fails when any key is missing.
import type { Lang } from '../keys';
import { catalogues } from './messages';

export type MessageKey = string;
export type Params = Record<string, string | number>;

const merged: Record<Lang, Map<string, string>> = { sq: new Map(), mk: new Map(), en: new Map() };
for (const cat of catalogues) {
  for (const lang of ['sq', 'mk', 'en'] as const) {
    for (const [k, v] of Object.entries(cat[lang])) merged[lang].set(k, v);
  }
}

/** Translate `key`; `{name}` placeholders are replaced by params (as text, never markup). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = merged[lang].get(key) ?? merged.en.get(key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}

export function hasKey(lang: Lang, key: MessageKey): boolean {
  return merged[lang].has(key);
}

export function allKeys(lang: Lang): string[] {
  return [...merged[lang].keys()];
}

export const LOCALE_OF: Record<Lang, string> = { sq: 'sq-AL', mk: 'mk-MK', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();
/** Numbers formatted for the language's locale (grouping, decimal separator). */
export function formatNumber(lang: Lang, value: number, maxFractionDigits = 1): string {
  const id = `${lang}:${maxFractionDigits}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_OF[lang], { maximumFractionDigits: maxFractionDigits });
    formatters.set(id, f);
  }
  return f.format(value);
}
