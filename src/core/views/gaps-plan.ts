// View-models for planning on top of the gaps: the norms table (editable), the priorities with
// their score components and weights, and the inter-municipal cooperation suggestions.
import { toCsv } from '../csv';
import { suggestCooperation, type CooperationSuggestion } from '../gaps/cooperation';
import { GAPS_CSV_HEADER, gapsCsvRows, scopedRows, unitNamer } from '../gaps/report';
import { prioritise, type Priority, type PriorityWeights } from '../gaps/priorities';
import type { GapResult, NormPair } from '../gaps/types';
import type { Adjacency } from '../geo/adjacency';
import { formatNumber, t } from '../i18n';
import type { Lang } from '../keys';
import { isIllustrative, type DataPackage, type Norm } from '../model';
import { fmtPct, fmtPlaces } from './gaps';

// ---------------------------------------------------------------- norms

export const USER_NORM_SOURCE = 'user';

export interface NormRow {
  service: string;
  category: string;
  serviceLabel: string;
  categoryLabel: string;
  placesPer1000: number;
  source: string;
  illustrative: boolean;
}

export interface NormsView {
  rows: NormRow[];
  /** Some norm in use is illustrative. */
  illustrative: boolean;
  /** The user has edited the norms (saved with the workspace). */
  edited: boolean;
}

export function buildNormsView(pairs: readonly NormPair[], edited: boolean, lang: Lang): NormsView {
  const rows = pairs
    .map((p) => ({
      service: p.service,
      category: p.category,
      serviceLabel: t(lang, `service.${p.service}`),
      categoryLabel: t(lang, `category.${p.category}`),
      placesPer1000: p.placesPer1000,
      source: p.source,
      illustrative: isIllustrative(p.source),
    }))
    .sort((a, b) => a.serviceLabel.localeCompare(b.serviceLabel, lang) || a.categoryLabel.localeCompare(b.categoryLabel, lang));
  return { rows, illustrative: rows.some((r) => r.illustrative), edited };
}

/**
 * The full norm list after setting one pair (added if new; null removes it). The edited pair's
 * source becomes `user`, so it is no longer labelled illustrative; the others keep theirs.
 */
export function editNorm(current: readonly NormPair[], service: string, category: string, value: number | null): Norm[] {
  const out: Norm[] = [];
  let found = false;
  for (const p of current) {
    if (p.service === service && p.category === category) {
      found = true;
      if (value !== null) out.push({ service, category, placesPer1000: value, source: USER_NORM_SOURCE });
    } else out.push({ service: p.service, category: p.category, placesPer1000: p.placesPer1000, source: p.source });
  }
  if (!found && value !== null) out.push({ service, category, placesPer1000: value, source: USER_NORM_SOURCE });
  return out;
}

// ---------------------------------------------------------------- priorities

export const WEIGHT_KEYS = ['size', 'unmet', 'vulnerability', 'feasibility', 'innovation'] as const satisfies readonly (keyof PriorityWeights)[];

export interface PriorityComponentView {
  key: keyof PriorityWeights;
  label: string;
  /** 0–1. */
  value: number;
  /** Share of the score in points (weight × value × 100 / Σ weights). */
  points: number;
}

export interface PriorityRowView {
  rank: number;
  /** Rank in the baseline when comparing, null otherwise or when absent there. */
  baseRank: number | null;
  regionId: string;
  regionName: string;
  service: string;
  category: string;
  title: string;
  score: number;
  scoreLabel: string;
  components: PriorityComponentView[];
  needLabel: string;
  gapLabel: string;
  coverageLabel: string;
  desertUnits: number;
  rateLabel: string;
  capacities: number;
  surplusLabel: string;
}

export interface PrioritiesView {
  rows: PriorityRowView[];
  total: number;
  weights: { key: keyof PriorityWeights; label: string; value: number }[];
}

export interface PlanInputs {
  pkg: DataPackage;
  result: GapResult;
  baseline: GapResult | null;
  regionId: string | null;
  adjacency: Adjacency | null;
  regionName(id: string): string;
  unitName(id: string): string;
  lang: Lang;
}

export function buildPrioritiesView(inp: PlanInputs, weights: PriorityWeights, limit = 20): PrioritiesView {
  const { lang } = inp;
  const opts = { weights, ...(inp.regionId ? { regionId: inp.regionId } : {}), ...(inp.adjacency ? { adjacency: inp.adjacency } : {}) };
  const list = prioritise(inp.pkg, inp.result, opts);
  const base = inp.baseline ? prioritise(inp.pkg, inp.baseline, opts) : null;
  const baseRank = new Map((base ?? []).map((p) => [`${p.regionId}\u0000${p.service}\u0000${p.category}`, p.rank]));
  const wSum = WEIGHT_KEYS.reduce((s, k) => s + weights[k], 0);
  const rate = (p: Priority) =>
    p.inputs.vulnerabilityKnown && p.inputs.ratePer1000 !== null && p.inputs.nationalRatePer1000 !== null
      ? t(lang, 'gapsui.prio.rate', { rate: formatNumber(lang, p.inputs.ratePer1000, 1), national: formatNumber(lang, p.inputs.nationalRatePer1000, 1) })
      : t(lang, 'gapsui.prio.rateUnknown');
  const rows = list.slice(0, limit).map((p) => ({
    rank: p.rank,
    baseRank: base ? (baseRank.get(`${p.regionId}\u0000${p.service}\u0000${p.category}`) ?? null) : null,
    regionId: p.regionId,
    regionName: inp.regionName(p.regionId),
    service: p.service,
    category: p.category,
    title: `${t(lang, `service.${p.service}`)} · ${t(lang, `category.${p.category}`)}`,
    score: p.score,
    scoreLabel: formatNumber(lang, p.score, 1),
    components: WEIGHT_KEYS.map((k) => ({
      key: k,
      label: t(lang, `gaps.priority.${k}`),
      value: p.components[k],
      points: wSum > 0 ? (100 * weights[k] * p.components[k]) / wSum : 0,
    })),
    needLabel: fmtPlaces(lang, p.inputs.need),
    gapLabel: fmtPlaces(lang, p.inputs.gap),
    coverageLabel: fmtPct(lang, p.inputs.coverage),
    desertUnits: p.inputs.desertUnits,
    rateLabel: rate(p),
    capacities: p.inputs.capacities,
    surplusLabel: fmtPlaces(lang, p.inputs.surplus),
  }));
  return { rows, total: list.length, weights: WEIGHT_KEYS.map((k) => ({ key: k, label: t(lang, `gaps.priority.${k}`), value: weights[k] })) };
}

// ---------------------------------------------------------------- cooperation

export interface CooperationRowView {
  kind: CooperationSuggestion['kind'];
  text: string;
  modeLabel: string;
  units: { id: string; name: string }[];
  title: string;
  gapLabel: string;
  crossRegion: boolean;
}

export function buildCooperationView(inp: PlanInputs, limit = 20): { rows: CooperationRowView[]; total: number } {
  const { lang } = inp;
  if (!inp.adjacency) return { rows: [], total: 0 };
  const list = suggestCooperation(inp.pkg, inp.result, inp.adjacency, inp.regionId ? { regionId: inp.regionId } : {});
  const rows = list.slice(0, limit).map((s) => {
    const names = s.units.map((id) => ({ id, name: inp.unitName(id) }));
    const text = t(lang, `gaps.coop.kind.${s.kind}`, {
      unit: names[0]?.name ?? '',
      other: names[names.length - 1]?.name ?? '',
      units: names.map((n) => n.name).join(', '),
      gap: fmtPlaces(lang, s.gap),
      surplus: fmtPlaces(lang, s.surplus ?? 0),
      capacity: s.capacityDescription || s.capacityId || '',
    });
    return {
      kind: s.kind,
      text,
      modeLabel: t(lang, `gaps.coop.mode.${s.mode}`),
      units: names,
      title: `${t(lang, `service.${s.service}`)} · ${t(lang, `category.${s.category}`)}`,
      gapLabel: fmtPlaces(lang, s.gap),
      crossRegion: s.crossRegion,
    };
  });
  return { rows, total: list.length };
}

// ---------------------------------------------------------------- export

/** gaps.csv (contract columns) for the region in scope, every pair with a norm; formula-safe. */
export function gapsViewCsv(result: GapResult, pkg: DataPackage, regionId: string | null, lang: Lang): string {
  return toCsv(GAPS_CSV_HEADER, gapsCsvRows(scopedRows(result, { regionId }), unitNamer(pkg, lang)), { bom: true });
}
