// What both documents are built from: the prepared dataset, the region and its municipalities,
// the gap engine's result, the priorities and cooperation suggestions, and the language's
// formatting and vocabulary. Built once per (package, region, language).
import { prepareDataset, unitName, type Dataset } from '../dataset';
import { runGaps } from '../gaps/engine';
import type { GapResult } from '../gaps/types';
import { formatNumber, LOCALE_OF, t, type Params } from '../i18n';
import { computeCells, type Cell, type Measure } from '../indicators';
import type { Lang } from '../keys';
import type { DataPackage, Norm, Unit } from '../model';
import type { Cell as DocCell, NumRef, Run } from './model';
import { leafAdjacency, regionCooperation, regionNeeds, type CooperationSuggestion, type EnginePriority, type NeededService } from './priorities';
import type { PriorityWeights } from '../gaps/priorities';
import type { PrivacyConfig } from '../privacy/config';
import { protectionOf, type Protection } from '../privacy/dataset';

/** An issue found at import (or any data conflict) to list in Form 1, chapter 3. */
export interface DocIssue {
  severity: 'error' | 'warning';
  code: string;
  /** Already translated text; else `messageKey` + `params` are translated. */
  message?: string;
  messageKey?: string;
  params?: Record<string, string | number>;
  path?: string;
  row?: number | null;
}

export interface DocOptions {
  lang: Lang;
  regionId: string;
  /** ISO date (YYYY-MM-DD) printed in the header. */
  date: string;
  importIssues?: readonly DocIssue[];
  /** A gap result computed already (the app shares its own); else computed here. */
  gaps?: GapResult;
  norms?: Norm[];
  /** The gap engine's priorities and cooperation suggestions as the app computed them (its
   *  weights); else computed here with the default weights and the units' adjacency. */
  priorities?: readonly EnginePriority[];
  cooperation?: readonly CooperationSuggestion[];
  weights?: Partial<PriorityWeights>;
  /** Small-number protection (URL `suppress`): hidden counts, and the rates made from them,
   *  read "–" and a note says why (src/core/privacy). */
  privacy?: PrivacyConfig;
}

export interface DocContext {
  lang: Lang;
  date: string;
  dateText: string;
  ds: Dataset;
  pkg: DataPackage;
  region: Unit;
  regionName: string;
  /** Municipalities of the region (or its children when it has none), sorted by name. */
  munis: Unit[];
  country: Unit | null;
  gaps: GapResult;
  /** The region's needed services with a gap, best first. */
  priorities: NeededService[];
  /** Cooperation suggestions touching the region. */
  cooperation: CooperationSuggestion[];
  issues: readonly DocIssue[];
  tr(key: string, params?: Params): string;
  name(u: Unit | string): string;
  cat(key: string): string;
  svc(key: string): string;
  num(value: number | null, digits?: number): string;
  /** A numeric table cell with a stable key. */
  cell(key: string, value: number | null, digits?: number, label?: string): DocCell;
  run(key: string, value: number | null, digits?: number, label?: string): Run;
  /** Values of an indicator; those small-number protection hides come back as no data. */
  cells(indicator: string, measure: Measure, unitIds: readonly string[]): Map<string, Cell>;
  /** How many of these units' values of `indicator` small-number protection hides. */
  hiddenCount(indicator: string, unitIds: readonly string[]): number;
  /** The protection in force, if any. */
  protection: Protection | null;
  /** The unit's municipality (itself, or its ancestor at that level). */
  muniOf(unitId: string): string | null;
  nextTable(): number;
  nextFigure(): number;
  /** Restart table and figure numbering (each document numbers from 1). */
  resetNumbering(): void;
}

const nameCollator = (lang: Lang) => new Intl.Collator(LOCALE_OF[lang]);

export function buildContext(pkg: DataPackage, o: DocOptions): DocContext {
  const ds = prepareDataset(pkg);
  const h = ds.hierarchy;
  const region = h.get(o.regionId);
  if (!region) throw new Error(`unknown region: ${o.regionId}`);
  const lang = o.lang;
  const name = (u: Unit | string): string => {
    const unit = typeof u === 'string' ? h.get(u) : u;
    return unit ? unitName(unit, lang) : String(u);
  };
  let munis = h.atLevel('municipality', region.id).filter((u) => u.id !== region.id);
  if (!munis.length) munis = [...h.children(region.id)];
  const coll = nameCollator(lang);
  munis.sort((a, b) => coll.compare(name(a), name(b)));
  const country = h.ancestorAt(region.id, 'country') ?? h.atLevel('country')[0] ?? null;
  const gaps = o.gaps ?? runGaps(ds.pkg, o.norms ? { norms: o.norms } : {});
  const muniIds = new Set(munis.map((m) => m.id));
  const muniOf = (unitId: string): string | null => {
    if (muniIds.has(unitId)) return unitId;
    const m = h.ancestorAt(unitId, 'municipality');
    if (m) return muniIds.has(m.id) ? m.id : null;
    return h.ancestors(unitId).find((a) => muniIds.has(a.id))?.id ?? null;
  };
  const adjacency = o.priorities && o.cooperation ? undefined : leafAdjacency(ds.pkg, gaps);
  const priorities = regionNeeds(ds.pkg, gaps, region.id, muniOf, { priorities: o.priorities, adjacency, weights: o.weights });
  const cooperation = regionCooperation(ds.pkg, gaps, region.id, (id) => muniOf(id) !== null, { cooperation: o.cooperation, adjacency });
  const num = (value: number | null, digits = 0): string => (value === null || !Number.isFinite(value) ? '–' : formatNumber(lang, value, digits));
  const ref = (key: string, value: number | null, label?: string): NumRef => (label ? { key, value, label } : { key, value });
  const cellCache = new Map<string, Map<string, Cell>>();
  const protection = (o.privacy && protectionOf(ds, o.privacy)) ?? null;
  const hiddenOf = (indicator: string): ReadonlyMap<string, unknown> => protection?.hidden(indicator) ?? new Map();
  let tables = 0;
  let figures = 0;
  const dateText = /^\d{4}-\d{2}-\d{2}$/.test(o.date)
    ? new Intl.DateTimeFormat(LOCALE_OF[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${o.date}T00:00:00Z`))
    : o.date;
  return {
    lang,
    date: o.date,
    dateText,
    ds,
    pkg: ds.pkg,
    region,
    regionName: name(region),
    munis,
    country,
    gaps,
    priorities,
    cooperation,
    issues: o.importIssues ?? [],
    tr: (key, params) => t(lang, key, params),
    name,
    cat: (key) => t(lang, `category.${key}`),
    svc: (key) => t(lang, `service.${key}`),
    num,
    cell: (key, value, digits = 0, label) => ({ text: num(value, digits), num: ref(key, value, label) }),
    run: (key, value, digits = 0, label) => ({ text: num(value, digits), num: ref(key, value, label) }),
    cells: (indicator, measure, unitIds) => {
      // each value once per document: the chapters ask again for the same units, and a
      // national reference aggregates every unit of the country
      const key = `${indicator}\u0000${measure}`;
      let known = cellCache.get(key);
      if (!known) cellCache.set(key, (known = new Map()));
      const missing = unitIds.filter((id) => !known.has(id));
      if (missing.length > 0) for (const [id, c] of computeCells(missing, { indicator, measure }, h, ds.index)) known.set(id, c);
      const hidden = hiddenOf(indicator);
      return new Map(unitIds.map((id) => [id, (!hidden.has(id) && known.get(id)) || { ok: false, reason: 'no_data' }]));
    },
    hiddenCount: (indicator, unitIds) => {
      const hidden = hiddenOf(indicator);
      return new Set(unitIds.filter((id) => hidden.has(id))).size;
    },
    protection,
    muniOf,
    nextTable: () => ++tables,
    nextFigure: () => ++figures,
    resetNumbering: () => {
      tables = 0;
      figures = 0;
    },
  };
}

/** Value of an ok cell, else null. */
export const cellValue = (c: Cell | undefined): number | null => (c && c.ok ? c.value : null);

/** Distinct sources and years of the ok cells, for "Source: … ; year: …" notes. */
export function sourcesOf(cells: Iterable<Cell | undefined>): { sources: string[]; years: number[]; illustrative: boolean } {
  const sources = new Set<string>();
  const years = new Set<number>();
  let illustrative = false;
  for (const c of cells) {
    if (!c || !c.ok) continue;
    c.sources.forEach((s) => sources.add(s));
    if (c.year !== null) years.add(c.year);
    illustrative ||= c.illustrative;
  }
  return { sources: [...sources].sort(), years: [...years].sort((a, b) => a - b), illustrative };
}

export function sourceNote(ctx: DocContext, s: { sources: string[]; years: number[] }): string | undefined {
  if (!s.sources.length) return undefined;
  const sources = s.sources.join('; ');
  return s.years.length ? ctx.tr('docs.source_year', { sources, years: s.years.join(', ') }) : ctx.tr('docs.source', { sources });
}
