// The rows of Form 2, table 5 (needed services): suggested from the priorities and the
// cooperation suggestions, then merged with the council's edits. The council accepts, edits,
// removes or adds rows; `ProposalEdits` records only what they did, so regenerating from new
// data refreshes every suggestion and its evidence while keeping their decisions.
import { SERVICE_GROUP_OF, isServiceKey, type ServiceGroup } from '../keys';
import type { DocContext } from './context';
import type { RichText } from './model';
import { sanitizeRichText } from './model';
import type { CooperationSuggestion, NeededService } from './priorities';

export const SECTIONS = ['5.1', '5.2', '5.3', '5.4', '5.5'] as const;
export type ProposalSection = (typeof SECTIONS)[number];
export const isSection = (v: unknown): v is ProposalSection => typeof v === 'string' && (SECTIONS as readonly string[]).includes(v);

/** Service group → section of table 5 (information, professional help and counselling are "other"). */
export const SECTION_OF_GROUP: Record<ServiceGroup, ProposalSection> = {
  prevention: '5.1',
  home: '5.2',
  community_day: '5.3',
  community_temporary: '5.3',
  out_of_family: '5.4',
  information: '5.5',
  professional_help: '5.5',
  counselling: '5.5',
  other: '5.5',
};
export const sectionOf = (service: string): ProposalSection => (isServiceKey(service) ? SECTION_OF_GROUP[SERVICE_GROUP_OF[service]] : '5.5');

export interface Evidence {
  need: number;
  supply: number;
  gap: number;
  coverage: number | null;
  /** Municipalities with a gap (ids), largest first. */
  municipalities: string[];
  /** Municipalities without the service (ids). */
  deserts: string[];
  score: number | null;
  illustrative: boolean;
}

export interface ProposalRow {
  /** `auto:<service>:<category>` for suggestions, any other id for rows the council added. */
  id: string;
  section: ProposalSection;
  service: string | null;
  category: string | null;
  subtype: string;
  categoryText: string;
  mode: string;
  origin: 'suggested' | 'user';
  /** The council changed a suggested row's text or section. */
  edited: boolean;
  /** Kept because the council accepted or edited it, though the data no longer suggest it. */
  stale: boolean;
  evidence: Evidence | null;
}

export interface RowEdit {
  section?: ProposalSection;
  subtype?: string;
  categoryText?: string;
  mode?: string;
}

export interface AddedRow {
  id: string;
  section: ProposalSection;
  subtype: string;
  categoryText: string;
  mode: string;
  /** Optional keys, so that evidence can be attached. */
  service?: string;
  category?: string;
}

export interface ProposalEdits {
  /** Narrative fields 1–4, by field id. */
  fields: Map<string, RichText>;
  /** Changes to suggested rows, by row id. */
  rows: Map<string, RowEdit>;
  /** Suggested rows the council accepted: kept even if the data stop suggesting them. */
  accepted: Set<string>;
  /** Suggested rows the council removed. */
  removed: Set<string>;
  added: AddedRow[];
}

export const emptyProposalEdits = (): ProposalEdits => ({ fields: new Map(), rows: new Map(), accepted: new Set(), removed: new Set(), added: [] });

/** The most suggestions table 5 starts with (the council adds more by hand). */
export const MAX_SUGGESTIONS = 10;

export const autoId = (service: string, category: string): string => `auto:${service}:${category}`;
const parseAutoId = (id: string): { service: string; category: string } | null => {
  const m = /^auto:([^:]+):([^:]+)$/.exec(id);
  return m?.[1] && m[2] ? { service: m[1], category: m[2] } : null;
};

export function evidenceOf(p: NeededService): Evidence {
  return { need: p.need, supply: p.supply, gap: p.gap, coverage: p.coverage, municipalities: p.gapUnits, deserts: p.desertUnits, score: p.score, illustrative: p.illustrative };
}

/** Evidence for any pair from the region's gap rows (for stale or user rows). */
function evidenceFromGaps(ctx: DocContext, service: string, category: string): Evidence | null {
  const top = ctx.gaps.get(ctx.region.id, service, category);
  if (!top) return null;
  const rows = ctx.gaps.forPair(service, category).filter((r) => r.level === 'unit' && ctx.muniOf(r.unitId));
  const munis = [...new Set(rows.filter((r) => r.gap > 0).map((r) => ctx.muniOf(r.unitId) as string))];
  const deserts = [...new Set(rows.filter((r) => r.desert).map((r) => ctx.muniOf(r.unitId) as string))];
  return { need: top.need, supply: top.supply, gap: top.gap, coverage: top.coverage, municipalities: munis, deserts, score: null, illustrative: ctx.gaps.defaultNorms };
}

/**
 * Mode of establishment for a needed service: from the engine's cooperation suggestions for the
 * pair (a joint inter-municipal service, co-financing places in a neighbour with spare places,
 * an unused capacity); without any, inter-municipal cooperation when two or more municipalities
 * have a gap, a municipal service with co-financing when one has.
 */
export function modeText(ctx: DocContext, service: string, category: string, need: NeededService | null): string {
  const sug = ctx.cooperation.filter((c) => c.service === service && c.category === category);
  const names = (ids: readonly string[]) => ids.map((u) => ctx.name(u)).join(', ');
  const parts: string[] = [];
  const joint = sug.find((c) => c.kind === 'joint_service');
  if (joint) parts.push(ctx.tr('docs.mode.inter_municipal_with', { municipalities: names(joint.units) }));
  const spare = sug.find((c) => c.kind === 'spare_neighbour');
  const provider = spare?.units[spare.units.length - 1];
  if (provider) parts.push(ctx.tr('docs.mode.co_financing_with', { provider: ctx.name(provider) }));
  const unused = sug.find((c) => c.kind === 'unused_capacity');
  if (unused) parts.push(ctx.tr('docs.mode.unused_capacity', { description: unused.capacityDescription ?? '' }));
  if (parts.length) return parts.join('; ');
  const units = need?.gapUnits ?? [];
  if (units.length >= 2) return ctx.tr('docs.mode.inter_municipal_with', { municipalities: names(units) });
  if (units[0]) return ctx.tr('docs.mode.municipal', { municipality: ctx.name(units[0]) });
  return ctx.tr('docs.mode.co_financing');
}

/** One cooperation suggestion as a sentence (Form 1, chapter 5). */
export function cooperationText(ctx: DocContext, c: CooperationSuggestion): string {
  const base = { service: ctx.svc(c.service), category: ctx.cat(c.category) };
  const deficit = c.kind === 'spare_neighbour' ? c.units.slice(0, -1) : c.units;
  const municipalities = deficit.map((u) => ctx.name(u)).join(', ');
  if (c.kind === 'joint_service') return ctx.tr('docs.f1.coop.joint', { ...base, municipalities, gap: ctx.num(c.gap) });
  if (c.kind === 'spare_neighbour')
    return ctx.tr('docs.f1.coop.spare', { ...base, municipalities, provider: ctx.name(c.units[c.units.length - 1] ?? ''), places: ctx.num(c.transferable ?? 0) });
  return ctx.tr('docs.f1.coop.unused', { ...base, municipalities, description: c.capacityDescription ?? '' });
}

/** Table 5 rows after the council's edits, and the suggested rows they removed (to restore). */
export function proposalRows(ctx: DocContext, edits: ProposalEdits): { rows: ProposalRow[]; removed: ProposalRow[] } {
  const suggested: ProposalRow[] = ctx.priorities.slice(0, MAX_SUGGESTIONS).map((p) => {
    return {
      id: autoId(p.service, p.category),
      section: sectionOf(p.service),
      service: p.service,
      category: p.category,
      subtype: ctx.svc(p.service),
      categoryText: ctx.cat(p.category),
      mode: modeText(ctx, p.service, p.category, p),
      origin: 'suggested',
      edited: false,
      stale: false,
      evidence: evidenceOf(p),
    };
  });
  const ids = new Set(suggested.map((r) => r.id));
  // Rows the council accepted or edited that the data no longer suggest: kept, marked stale.
  for (const id of new Set([...edits.accepted, ...edits.rows.keys()])) {
    if (ids.has(id)) continue;
    const k = parseAutoId(id);
    if (!k) continue;
    const p = ctx.priorities.find((q) => q.service === k.service && q.category === k.category);
    suggested.push({
      id,
      section: sectionOf(k.service),
      service: k.service,
      category: k.category,
      subtype: isServiceKey(k.service) ? ctx.svc(k.service) : k.service,
      categoryText: ctx.cat(k.category),
      mode: modeText(ctx, k.service, k.category, p ?? null),
      origin: 'suggested',
      edited: false,
      stale: !p,
      evidence: p ? evidenceOf(p) : evidenceFromGaps(ctx, k.service, k.category),
    });
    ids.add(id);
  }
  const rows: ProposalRow[] = [];
  const removed: ProposalRow[] = [];
  for (const r of suggested) {
    const e = edits.rows.get(r.id);
    const merged: ProposalRow = e
      ? {
          ...r,
          section: e.section && isSection(e.section) ? e.section : r.section,
          subtype: e.subtype ?? r.subtype,
          categoryText: e.categoryText ?? r.categoryText,
          mode: e.mode ?? r.mode,
          edited: true,
        }
      : r;
    (edits.removed.has(r.id) ? removed : rows).push(merged);
  }
  for (const a of edits.added) {
    if (edits.removed.has(a.id)) continue;
    rows.push({
      id: a.id,
      section: isSection(a.section) ? a.section : '5.5',
      service: a.service ?? null,
      category: a.category ?? null,
      subtype: a.subtype,
      categoryText: a.categoryText,
      mode: a.mode,
      origin: 'user',
      edited: true,
      stale: false,
      evidence: a.service && a.category ? evidenceFromGaps(ctx, a.service, a.category) : null,
    });
  }
  return { rows, removed };
}

// ---- storage: ProposalEdits ⇄ JSON (validated on the way in)

export function proposalEditsToJson(e: ProposalEdits): unknown {
  return { fields: [...e.fields.entries()], rows: [...e.rows.entries()], accepted: [...e.accepted], removed: [...e.removed], added: e.added };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function proposalEditsFromJson(v: unknown): ProposalEdits {
  const out = emptyProposalEdits();
  if (typeof v !== 'object' || v === null) return out;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.fields))
    for (const e of o.fields as unknown[]) {
      if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
      const rt = sanitizeRichText(e[1]);
      if (rt) out.fields.set(e[0], rt);
    }
  if (Array.isArray(o.rows))
    for (const e of o.rows as unknown[]) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'object' || e[1] === null) continue;
      const r = e[1] as Record<string, unknown>;
      const edit: RowEdit = {};
      if (isSection(r.section)) edit.section = r.section;
      for (const k of ['subtype', 'categoryText', 'mode'] as const) {
        const s = str(r[k]);
        if (s !== undefined) edit[k] = s;
      }
      out.rows.set(e[0], edit);
    }
  for (const k of ['accepted', 'removed'] as const) if (Array.isArray(o[k])) for (const id of o[k] as unknown[]) if (typeof id === 'string') out[k].add(id);
  if (Array.isArray(o.added))
    for (const a of o.added as unknown[]) {
      if (typeof a !== 'object' || a === null) continue;
      const r = a as Record<string, unknown>;
      const id = str(r.id);
      if (!id || !isSection(r.section)) continue;
      const row: AddedRow = { id, section: r.section, subtype: str(r.subtype) ?? '', categoryText: str(r.categoryText) ?? '', mode: str(r.mode) ?? '' };
      const service = str(r.service);
      const category = str(r.category);
      if (service) row.service = service;
      if (category) row.category = category;
      out.added.push(row);
    }
  return out;
}
