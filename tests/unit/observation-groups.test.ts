// ObservationIndex over typed-array groups answers exactly as the Map-of-Maps index it replaced
// (kept here as the reference): same indicators in the same order, same observation (the same
// object) for every unit × indicator × year and for "latest", same lists, same unit of measure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObservationIndex } from '../../src/core/indicators';
import type { Observation } from '../../src/core/model';
import { findGroup, groupObservations } from '../../src/core/observationGroups';
import { ObservationStore } from '../../src/core/observationStore';
import { packObservationsSteps, runToEnd } from '../../src/core/workspace/transfer';

class ReferenceIndex {
  private readonly index = new Map<string, Map<string, Observation[]>>();
  constructor(observations: readonly Observation[]) {
    for (const o of observations) {
      let byUnit = this.index.get(o.indicator);
      if (!byUnit) this.index.set(o.indicator, (byUnit = new Map()));
      const list = byUnit.get(o.unitId);
      if (list) list.push(o);
      else byUnit.set(o.unitId, [o]);
    }
  }
  indicators(): string[] {
    return [...this.index.keys()];
  }
  get(indicator: string, unitId: string, year: number | null = null): Observation | undefined {
    const list = this.index.get(indicator)?.get(unitId);
    if (!list || list.length === 0) return undefined;
    if (year !== null) return list.find((o) => o.year === year);
    let best = list[0];
    for (const o of list) if ((o.year ?? -Infinity) > (best?.year ?? -Infinity)) best = o;
    return best;
  }
  all(indicator: string): Observation[] {
    return [...(this.index.get(indicator)?.values() ?? [])].flat();
  }
  unitOf(indicator: string): string {
    const first = this.index.get(indicator)?.values().next().value?.[0];
    return first?.unit || 'count';
  }
}

const INDS = ['population', 'elderly', '__proto__', 'constructor', 'x'];
const UNITS = ['A', 'B', 'C', 'toString', 'D'];
const YEARS = [null, 2020, 2021, 2022];
const arbObs: fc.Arbitrary<Observation> = fc.record({
  unitId: fc.constantFrom(...UNITS),
  indicator: fc.constantFrom(...INDS),
  value: fc.integer({ min: 0, max: 1000 }),
  year: fc.constantFrom(...YEARS),
  unit: fc.constantFrom('count', '', 'percent'),
  source: fc.constantFrom('', 's1', 'illustrative'),
  note: fc.constant(''),
});

describe('ObservationIndex over groups', () => {
  it('answers like the Map-of-Maps index for every key, year and list', () => {
    fc.assert(
      fc.property(fc.array(arbObs, { maxLength: 80 }), (obs) => {
        const ref = new ReferenceIndex(obs);
        const idx = new ObservationIndex(obs);
        expect(idx.indicators()).toEqual(ref.indicators());
        for (const i of [...INDS, 'missing']) {
          expect(idx.has(i)).toBe(ref.indicators().includes(i));
          expect(idx.all(i)).toEqual(ref.all(i));
          // the same objects, in the same order
          idx.all(i).forEach((o, k) => expect(o).toBe(ref.all(i)[k]));
          expect(idx.unitOf(i)).toBe(ref.unitOf(i));
          for (const u of [...UNITS, 'nope']) for (const y of [...YEARS, 1999]) expect(idx.get(i, u, y)).toBe(ref.get(i, u, y));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same over columns (an ObservationStore: rows of the page, then packed rows), reading years without making objects', () => {
    fc.assert(
      fc.property(fc.array(arbObs, { maxLength: 80 }), fc.nat(), (obs, cut) => {
        const prefix = obs.length ? cut % (obs.length + 1) : 0;
        const store = new ObservationStore(obs.slice(0, prefix), prefix, runToEnd(packObservationsSteps(obs.slice(prefix))));
        const made = new Set<number>();
        const at = store.at.bind(store);
        store.at = (i: number) => (made.add(i), at(i));
        const ref = new ReferenceIndex(obs);
        const idx = new ObservationIndex(store, groupObservations(obs));
        for (const i of [...INDS, 'missing'])
          for (const u of [...UNITS, 'nope'])
            for (const y of [...YEARS, 1999]) {
              made.clear();
              expect(idx.get(i, u, y)).toEqual(ref.get(i, u, y));
              expect(made.size).toBeLessThanOrEqual(1);
            }
      }),
      { numRuns: 300 },
    );
  });

  it('groups by indicator, then unit in order of first appearance, rows in input order', () => {
    const o = (unitId: string, indicator: string, year: number): Observation => ({ unitId, indicator, value: year, year, unit: '', source: '', note: '' });
    const obs = [o('B', 'p', 1), o('A', 'q', 1), o('A', 'p', 1), o('B', 'p', 2), o('C', 'q', 1), o('A', 'p', 2)];
    const g = groupObservations(obs);
    expect(g.indicators).toEqual(['p', 'q']);
    expect(g.units).toEqual(['B', 'A', 'C']);
    // p: B (0, 3), A (2, 5); q: A (1), C (4)
    expect([...g.order]).toEqual([0, 3, 2, 5, 1, 4]);
    expect([...g.groupStart]).toEqual([0, 2, 4, 5, 6]);
    expect([...g.indStart]).toEqual([0, 2, 4]);
    expect(findGroup(g, 0, 1)).toBe(1); // p × A
    expect(findGroup(g, 1, 0)).toBe(-1); // q × B
    expect(findGroup(g, 1, 2)).toBe(3); // q × C
  });

  it('is empty for no observations', () => {
    const idx = new ObservationIndex([]);
    expect(idx.indicators()).toEqual([]);
    expect(idx.get('p', 'A')).toBeUndefined();
    expect(idx.all('p')).toEqual([]);
    expect(idx.unitOf('p')).toBe('count');
  });
});
