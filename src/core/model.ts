// The typed data package: what every part of social-map works on, in Node, a worker or the
// browser. Parsers (src/core/parse) turn files into this; nothing else reads raw files.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CapacityKind, Lang, ProviderType, ServiceStatus, UnitLevel } from './keys';

export type UnitGeometry = Polygon | MultiPolygon;

export interface Unit {
  id: string;
  /** Name as given in the `name` property. */
  name: string;
  /** Names by language/script where the package has them (`name_sq`, `name_mk`, `name_en`). */
  names: Partial<Record<Lang, string>>;
  level: UnitLevel;
  parentId: string | null;
  /** Aliases (`name_alt`, separated by `|` in files), any script. */
  aliases: string[];
  /** null for a region given without geometry (its shape is the union of its children). */
  geometry: UnitGeometry | null;
}

/** One indicator observation (long form). */
export interface Observation {
  unitId: string;
  indicator: string;
  value: number;
  year: number | null;
  /** `count` (default), `percent`, `rate_per_1000`, `currency`, `km2`, … */
  unit: string;
  source: string;
  note: string;
}

export interface Service {
  id: string;
  name: string;
  provider: string;
  providerType: ProviderType | string;
  /** Service key (contract 2); unknown keys are kept and reported by validation. */
  service: string;
  targetGroups: string[];
  unitId: string | null;
  lat: number | null;
  lon: number | null;
  /** Users it can serve at once; null = unknown (never zero, never infinite). */
  capacity: number | null;
  users: number | null;
  status: ServiceStatus;
  /** Unit ids of its catchment; empty = the unit it stands in. */
  serves: string[];
  funding: string;
  source: string;
}

export interface UnusedCapacity {
  id: string;
  unitId: string;
  kind: CapacityKind | string;
  description: string;
  size: number | null;
  sizeUnit: string;
  lat: number | null;
  lon: number | null;
  source: string;
}

export interface Norm {
  service: string;
  category: string;
  placesPer1000: number;
  source: string;
}

export interface PackageMeta {
  name: string;
  title: string;
  description: string;
  /** Free-form: who and when, shown next to the data. */
  sources: { title: string; path?: string; date?: string }[];
  licenses: { name: string; title?: string }[];
  /** Recipient of the proposal (ministries get renamed: the package names it). */
  recipient?: string;
  /** Language of `name` in the units, if known. */
  country?: string;
}

export interface DataPackage {
  meta: PackageMeta;
  units: Unit[];
  observations: Observation[];
  services: Service[];
  capacities: UnusedCapacity[];
  norms: Norm[];
}

/** A source string marks a figure as synthetic when it is exactly this (case-insensitive). */
export const ILLUSTRATIVE = 'illustrative';
export const isIllustrative = (source: string | undefined | null): boolean =>
  typeof source === 'string' && source.trim().toLowerCase().startsWith(ILLUSTRATIVE);

export type AnyGeometry = Geometry;
