// Needed services for a region, as the documents use them: the gap engine's priorities
// (src/core/gaps/priorities.ts, score components exposed) joined with the evidence the
// documents print (need, supply, gap, the municipalities with a gap and without the service),
// and the engine's cooperation suggestions (src/core/gaps/cooperation.ts) for the region.
import { suggestCooperation, type CooperationSuggestion } from '../gaps/cooperation';
import { DEFAULT_PRIORITY_WEIGHTS, prioritise, type Priority as EnginePriority, type PriorityWeights } from '../gaps/priorities';
import type { GapResult } from '../gaps/types';
import type { Adjacency } from '../geo/adjacency';
import { unitAdjacency } from '../geo/unitAdjacency';
import { isIllustrative, type DataPackage } from '../model';

export type { CooperationSuggestion, EnginePriority };

export interface ScoreComponent {
  key: keyof PriorityWeights;
  value: number;
  weight: number;
}

export interface NeededService {
  service: string;
  category: string;
  /** Region totals in places (the engine's region row). */
  need: number;
  supply: number;
  gap: number;
  coverage: number | null;
  /** Municipalities with a gap > 0, largest gap first. */
  gapUnits: string[];
  /** Municipalities where no active service of the kind serves the category. */
  desertUnits: string[];
  /** 0–100, from the engine. */
  score: number;
  components: ScoreComponent[];
  /** The norm behind the need is illustrative (default norms or an illustrative source). */
  illustrative: boolean;
  capacityUnknown: boolean;
}

/** Adjacency of the units where need is computed (for neighbouring surplus and joint services). */
export function leafAdjacency(pkg: DataPackage, gaps: GapResult): Adjacency {
  return unitAdjacency(pkg.units, gaps.unitIds);
}

/**
 * The region's needed services, best first: the engine's priorities (given, or computed here
 * with the default weights) for the rows with a gap, with their evidence.
 */
export function regionNeeds(
  pkg: DataPackage,
  gaps: GapResult,
  regionId: string,
  muniOf: (unitId: string) => string | null,
  o: { priorities?: readonly EnginePriority[]; adjacency?: Adjacency; weights?: Partial<PriorityWeights> } = {},
): NeededService[] {
  const ranked = (o.priorities ?? prioritise(pkg, gaps, { regionId, adjacency: o.adjacency, weights: o.weights })).filter((p) => p.regionId === regionId);
  const weights = { ...DEFAULT_PRIORITY_WEIGHTS, ...o.weights };
  const norm = new Map(gaps.pairs.map((p) => [`${p.service}\u0000${p.category}`, p]));
  const out: NeededService[] = [];
  for (const p of ranked) {
    const top = gaps.get(regionId, p.service, p.category);
    if (!top || !(top.gap > 0)) continue;
    const rows = gaps.forPair(p.service, p.category).filter((r) => r.level === 'unit' && muniOf(r.unitId) !== null);
    const gapBy = new Map<string, number>();
    const deserts = new Set<string>();
    for (const r of rows) {
      const m = muniOf(r.unitId) as string;
      if (r.gap > 0) gapBy.set(m, (gapBy.get(m) ?? 0) + r.gap);
      if (r.desert) deserts.add(m);
    }
    out.push({
      service: p.service,
      category: p.category,
      need: top.need,
      supply: top.supply,
      gap: top.gap,
      coverage: top.coverage,
      gapUnits: [...gapBy.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m),
      desertUnits: [...deserts],
      score: p.score,
      components: (Object.keys(p.components) as (keyof PriorityWeights)[]).map((key) => ({ key, value: p.components[key], weight: weights[key] })),
      illustrative: gaps.defaultNorms || isIllustrative(norm.get(`${p.service}\u0000${p.category}`)?.source),
      capacityUnknown: top.capacityUnknown,
    });
  }
  return out;
}

/** Units whose gap a suggestion addresses (the provider of spare places is not one of them). */
export const deficitUnits = (c: CooperationSuggestion): string[] => (c.kind === 'spare_neighbour' ? c.units.slice(0, -1) : c.kind === 'unused_capacity' ? c.units.slice(0, 1) : c.units);

/**
 * The engine's cooperation suggestions (given, or computed here) that address a gap in one of
 * the region's municipalities, leaving out offers of less than one place; joint services first,
 * then spare places (most first), then unused capacities.
 */
export function regionCooperation(
  pkg: DataPackage,
  gaps: GapResult,
  regionId: string,
  inRegion: (unitId: string) => boolean,
  o: { cooperation?: readonly CooperationSuggestion[]; adjacency?: Adjacency } = {},
): CooperationSuggestion[] {
  const all = o.cooperation ?? suggestCooperation(pkg, gaps, o.adjacency ?? leafAdjacency(pkg, gaps), { regionId });
  const order = { joint_service: 0, spare_neighbour: 1, unused_capacity: 2 } as const;
  return all
    .filter((c) => c.regionIds.includes(regionId) && deficitUnits(c).some(inRegion))
    .filter((c) => c.kind !== 'spare_neighbour' || (c.transferable ?? 0) >= 1)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order[a.c.kind] - order[b.c.kind] || a.i - b.i)
    .map(({ c }) => c);
}
