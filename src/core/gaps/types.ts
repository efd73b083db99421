// Types of the gap engine (see README.md for the method).
import type { UnitLevel } from '../keys';
import type { Norm, Service } from '../model';

/** Statuses whose services add supply ("active" in the broad sense). */
export const ACTIVE_STATUSES = ['active', 'partial', 'online', 'mobile'] as const;
export const isActiveStatus = (s: string): boolean => (ACTIVE_STATUSES as readonly string[]).includes(s);

export type RowLevel = 'unit' | 'region' | 'aggregate';

export interface GapRow {
  /** The unit's planning region (nearest ancestor-or-self of level `region`), null if none. */
  regionId: string | null;
  unitId: string;
  unitName: string;
  /** `unit`: a unit where need is computed; `region`: a planning region; `aggregate`: every other ancestor. */
  level: RowLevel;
  unitLevel: UnitLevel;
  service: string;
  category: string;
  /** Persons of the category (summed over member units for regions); null when unknown. */
  count: number | null;
  /** False when the category count is missing for the unit (or for some member units). */
  needKnown: boolean;
  /** Member units without a count for the category (0 or 1 for unit rows). */
  missingUnits: number;
  need: number;
  supply: number;
  /** supply / need; null when need is 0. */
  coverage: number | null;
  /** max(0, need − supply) for units; sum of the member units' gaps for regions. */
  gap: number;
  /** need > 0 and no active service of this kind for this category serves the unit (any member unit, for regions). */
  desert: boolean;
  /** Member units that are deserts (0 or 1 for unit rows). */
  desertUnits: number;
  /** An active service with unknown capacity serves the unit: supply is a lower bound. */
  capacityUnknown: boolean;
  /** Distinct active services of this kind for this category serving the unit. */
  active: number;
  /** Distinct planned services of this kind for this category serving the unit. */
  planned: number;
  /** Distance mode: km from the unit's representative point to the nearest active service of this kind. */
  nearestKm: number | null;
}

export type Decay =
  | { kind: 'gaussian' }
  | { kind: 'step'; zones?: { upToKm: number; weight: number }[] }
  | { kind: 'none' };

export interface DistanceOptions {
  /** Reach of a service with coordinates, km. */
  maxKm: number;
  /** Weight by distance d ≤ maxKm; default Gaussian (see README). */
  decay?: Decay;
}

export type ScenarioEdit =
  | { op: 'add'; service: Service }
  | { op: 'move'; serviceId: string; lat: number | null; lon: number | null; unitId: string | null }
  | { op: 'resize'; serviceId: string; capacity: number | null }
  | { op: 'close'; serviceId: string };

export interface Scenario {
  id: string;
  name: string;
  edits: ScenarioEdit[];
}

export interface GapOptions {
  /** Norms to use instead of the package's (or the illustrative defaults when both are empty). */
  norms?: Norm[];
  scenario?: Scenario;
  distance?: DistanceOptions;
}

export type GapWarningCode =
  | 'count_conflict'
  | 'count_mismatch'
  | 'duplicate_norm'
  | 'unknown_served_unit'
  | 'unlocated_service'
  | 'no_norm_for_service'
  | 'default_norms';

export interface GapWarning {
  code: GapWarningCode;
  unitId?: string;
  serviceId?: string;
  indicator?: string;
  detail: string;
}

export interface ServiceLoad {
  serviceId: string;
  /** Need-weighted demand in its catchment for the categories it serves (2SFCA step 1 denominator). */
  demand: number;
  capacity: number | null;
  /** Units (where need is computed) in its catchment. */
  units: string[];
  /** Categories with a norm it serves. */
  categories: string[];
}

export interface NormPair {
  service: string;
  category: string;
  placesPer1000: number;
  source: string;
}

export interface GapResult {
  /** The (service, category) pairs with a norm, in row order. */
  pairs: NormPair[];
  /** True when the illustrative default norms were used. */
  defaultNorms: boolean;
  /** Units where need is computed (leaf level), in row order. */
  unitIds: string[];
  /** Ancestors the unit rows roll up to (regions, country, …). */
  aggregateIds: string[];
  /** All rows: unit rows, then aggregate rows (regions and others). Built on first call. */
  rows(): GapRow[];
  unitRows(): GapRow[];
  /** Rows of level `region` only. */
  regionRows(): GapRow[];
  /** Any unit (leaf or ancestor) × service × category. */
  get(unitId: string, service: string, category: string): GapRow | undefined;
  /** Rows of one pair: unit rows first, then aggregates. */
  forPair(service: string, category: string): GapRow[];
  /** Per active service with a norm: its catchment and the need it faces. */
  loads: Map<string, ServiceLoad>;
  warnings: GapWarning[];
  distance: DistanceOptions | null;
  /** Unit id → its planning region id (null if none), for every unit in the package. */
  regionOf(unitId: string): string | null;
}
