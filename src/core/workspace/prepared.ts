// An import made ready for the page in the parse worker: the user's package merged onto the base
// (mergePackages), areas computed and observations indexed (prepareDataset), all in typed arrays
// and a few small lists that cross to the page by transfer. The page keeps the observations in
// those columns (ObservationStore: objects made when asked for; pkg.observations builds them all
// on first use) and reuses what did not change: the base's unit objects (and so its hierarchy
// and map geometry) and its own observation objects.
//
// prepareImport + assembleDataset give the same Dataset as prepareDataset(mergePackages(base,
// user)) (tests/unit/workspace-prepared.test.ts).
import { withComputedAreas, type Dataset } from '../dataset';
import { buildHierarchy, defaultMapLevel } from '../hierarchy';
import { indicatorCatalog, ObservationIndex, type IndicatorInfo } from '../indicators';
import { isIllustrative, type DataPackage, type Observation, type Unit } from '../model';
import { groupBuffers, groupObservations, type ObservationGroups } from '../observationGroups';
import { changedUnits, mergeObservations, mergeRest, mergeUnits, type PackageRest } from './merge';
import { ObservationStore } from '../observationStore';
import { packedBuffers, packObservations, packUnits, runToEnd, unitBuffers, unpackUnitsSteps, type PackedObservations, type PackedUnits } from './transfer';
import { unitChoices, type UnitChoice } from './unitSearch';

export interface BaseContext {
  units: Unit[];
  observations: Observation[];
}

export interface PreparedImport {
  /** The user's files are a whole package: the base is not used. */
  whole: boolean;
  /** For a merge, the user's units that are not the base's own (new or replacing one; null:
   *  the base repeats an id, `units` then holds them all); for a whole package, every unit. */
  units: PackedUnits;
  unitsAll: boolean;
  /** The first `basePrefix` merged observations are base.observations[0 .. basePrefix). */
  basePrefix: number;
  /** The merged observations after the prefix (areas computed from geometry included). */
  observations: PackedObservations;
  /** Groups over all merged observations (prefix included). */
  groups: ObservationGroups;
  indicators: IndicatorInfo[];
  illustrativeObservations: boolean;
  /** The user's meta, services, capacities and norms (merged on the page: small). */
  rest: PackageRest;
  /** The searchable unit list of the join report's "assign to a unit" box. */
  choices: UnitChoice[];
}

/** In the worker (or on the page without one): merge, areas, index, catalog. */
export function prepareImport(base: BaseContext | null, user: DataPackage): PreparedImport {
  const { units: userUnits, observations: userObs, ...rest } = user;
  let units = userUnits;
  let send = userUnits;
  let unitsAll = true;
  let observations = userObs;
  if (base) {
    const changed = changedUnits(base.units, userUnits);
    unitsAll = changed === null;
    send = changed ?? userUnits;
    units = mergeUnits(base.units, userUnits);
    observations = mergeObservations(base.observations, userObs);
  }
  const withAreas = withComputedAreas({ ...rest, units, observations });
  const merged = withAreas.observations;
  let prefix = 0;
  if (base) while (prefix < base.observations.length && prefix < merged.length && merged[prefix] === base.observations[prefix]) prefix++;
  const groups = groupObservations(merged);
  const idx = new ObservationIndex(merged, groups);
  return {
    whole: base === null,
    units: packUnits(send),
    unitsAll,
    basePrefix: prefix,
    observations: packObservations(prefix === 0 ? merged : merged.slice(prefix)),
    groups,
    indicators: indicatorCatalog(withAreas, idx),
    illustrativeObservations: merged.some((o) => isIllustrative(o.source)),
    rest,
    choices: unitChoices(units),
  };
}

/** The buffers of a prepared import, to transfer. */
export const preparedBuffers = (p: PreparedImport): ArrayBuffer[] => [...unitBuffers(p.units), ...packedBuffers(p.observations), ...groupBuffers(p.groups)];

/**
 * On the page: the Dataset of a prepared import on top of `base` (the base package's own
 * Dataset, from prepareDataset). A generator: every `yield` is a point where the caller may
 * let the page breathe; run it to the end for the Dataset.
 */
export function* assembleDataset(p: PreparedImport, base: Dataset | null): Generator<void, Dataset, void> {
  const basePkg = base?.pkg ?? null;
  let units: Unit[];
  if (p.units.heads.length === 0 && !p.unitsAll && !p.whole && basePkg) units = basePkg.units;
  else {
    const own = yield* unpackUnitsSteps(p.units);
    units = p.whole || !basePkg ? own : mergeUnits(basePkg.units, own);
  }
  yield;

  const store = new ObservationStore(basePkg?.observations ?? [], p.basePrefix, p.observations);
  const rest = p.whole || !basePkg ? p.rest : mergeRest(basePkg, p.rest);
  const pkg: DataPackage = {
    meta: rest.meta,
    units,
    // built on first use (gaps, documents, compare); the map reads through the index
    get observations(): Observation[] {
      return store.toArray();
    },
    services: rest.services,
    capacities: rest.capacities,
    norms: rest.norms,
  };
  const same = base !== null && units === base.pkg.units;
  const hierarchy = same ? base.hierarchy : buildHierarchy(units);
  return {
    pkg,
    hierarchy,
    index: new ObservationIndex(store, p.groups),
    indicators: p.indicators,
    mapLevel: same ? base.mapLevel : defaultMapLevel(hierarchy),
    regions: same ? base.regions : hierarchy.atLevel('region'),
    illustrative:
      p.illustrativeObservations ||
      pkg.services.some((s) => isIllustrative(s.source)) ||
      pkg.capacities.some((c) => isIllustrative(c.source)) ||
      pkg.norms.some((x) => isIllustrative(x.source)),
  };
}

export { runToEnd };
