// The user's package on top of the base package (the default or ?package=): user rows win
// where they describe the same thing, everything else is added.
//
//   units         by id (a user's unit replaces the base unit with the same id; new ones added)
//   observations  by unit × indicator × year
//   services      by service id (rows without an id are added)
//   capacities    by capacity id (rows without an id are added)
//   norms         by service × category
//   meta          the base's, with the user's sources added
// A user package that brings its own datapackage.json is a whole package: it replaces the base.
import type { DataPackage, Observation, Unit } from '../model';

/** Base rows with user rows of the same key replaced in place, then the user's new rows. */
function byKey<T>(base: readonly T[], user: readonly T[], key: (x: T) => string | null): T[] {
  const userByKey = new Map<string, T>();
  const extra: T[] = [];
  for (const u of user) {
    const k = key(u);
    if (k === null) extra.push(u);
    else if (!userByKey.has(k)) userByKey.set(k, u);
  }
  const out: T[] = [];
  const used = new Set<string>();
  for (const b of base) {
    const k = key(b);
    const u = k === null ? undefined : userByKey.get(k);
    if (k !== null && u !== undefined) {
      if (!used.has(k)) out.push(u);
      used.add(k);
    } else out.push(b);
  }
  for (const [k, u] of userByKey) if (!used.has(k)) out.push(u);
  // one by one: push(...extra) overflows the call stack beyond ~100,000 rows
  for (const x of extra) out.push(x);
  return out;
}

const obsKey = (o: Observation): string => `${o.unitId}\u0000${o.indicator}\u0000${o.year ?? ''}`;

/** byKey for observations, fast when the user's indicators are new (the usual case): only
 *  rows of indicators present on both sides get a key; the others are kept or added. */
export function mergeObservations(base: readonly Observation[], user: readonly Observation[]): Observation[] {
  const userInds = new Set<string>();
  for (const o of user) userInds.add(o.indicator);
  const shared = new Set<string>();
  for (const o of base) if (userInds.has(o.indicator)) shared.add(o.indicator);
  if (shared.size === 0) return base.concat(user);
  return byKey(base, user, (o) => (shared.has(o.indicator) ? obsKey(o) : null));
}

const nonEmpty = (s: string): string | null => (s.trim() === '' ? null : s);

/** True when the user package adds nothing (no unit, row, service, capacity or norm). */
export function isEmptyPackage(p: DataPackage): boolean {
  return p.units.length === 0 && p.observations.length === 0 && p.services.length === 0 && p.capacities.length === 0 && p.norms.length === 0;
}

/** Units by id. readPackage returns the base units it was given as context too (the same
 *  objects): they replace themselves. When no user unit differs, `base` itself is returned. */
export function mergeUnits(base: readonly Unit[], user: readonly Unit[]): Unit[] {
  const changed = changedUnits(base, user);
  if (changed === null) return byKey(base, user, (u) => u.id);
  return changed.length === 0 ? (base as Unit[]) : byKey(base, changed, (u) => u.id);
}

/** The user's units that are not the base's own objects: merging only these gives the same
 *  units as merging all of them. null when the base repeats an id (then merge them all). */
export function changedUnits(base: readonly Unit[], user: readonly Unit[]): Unit[] | null {
  const own = new Map<string, Unit>();
  for (const b of base) {
    if (own.has(b.id)) return null;
    own.set(b.id, b);
  }
  return user.filter((u) => own.get(u.id) !== u);
}

export type PackageRest = Omit<DataPackage, 'units' | 'observations'>;

/** Meta, services, capacities and norms (the cheap part of a merge). A side the user leaves
 *  empty keeps the base's array itself. */
export function mergeRest(base: PackageRest, user: PackageRest): PackageRest {
  const titles = new Set(base.meta.sources.map((s) => s.title));
  const sources = [...base.meta.sources, ...user.meta.sources.filter((s) => !titles.has(s.title))];
  return {
    meta: { ...base.meta, sources },
    services: user.services.length === 0 ? base.services : byKey(base.services, user.services, (s) => nonEmpty(s.id)),
    capacities: user.capacities.length === 0 ? base.capacities : byKey(base.capacities, user.capacities, (c) => nonEmpty(c.id)),
    norms: user.norms.length === 0 ? base.norms : byKey(base.norms, user.norms, (n) => `${n.service}\u0000${n.category}`),
  };
}

export function mergePackages(base: DataPackage, user: DataPackage): DataPackage {
  if (isEmptyPackage(user)) return base;
  const rest = mergeRest(base, user);
  return {
    meta: rest.meta,
    units: mergeUnits(base.units, user.units),
    observations: mergeObservations(base.observations, user.observations),
    services: rest.services,
    capacities: rest.capacities,
    norms: rest.norms,
  };
}
