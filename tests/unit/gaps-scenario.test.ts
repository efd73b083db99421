import { describe, expect, it } from 'vitest';
import { runGaps } from '../../src/core/gaps/engine';
import { applyScenario, compareToBaseline, summariseDeltas } from '../../src/core/gaps/scenario';
import type { Scenario } from '../../src/core/gaps/types';
import type { Service } from '../../src/core/model';
import { tinyGapsPackage as pkg } from '../fixtures/gaps/tiny';

const newHomeCare: Service = {
  id: 'NEW', name: 'Regional home care', provider: 'region', providerType: 'public', service: 'home_care', targetGroups: ['elderly'],
  unitId: 'M1', lat: null, lon: null, capacity: 25, users: null, status: 'active', serves: [], funding: 'co_financed', source: 'scenario',
};

describe('applyScenario', () => {
  it('adds, moves, resizes and closes on a copy, never on the input', () => {
    const before = JSON.stringify(pkg.services);
    const sc: Scenario = {
      id: 'a', name: 'A',
      edits: [
        { op: 'add', service: newHomeCare },
        { op: 'add', service: { ...newHomeCare } }, // same id again → renamed
        { op: 'resize', serviceId: 'S2', capacity: 20 },
        { op: 'move', serviceId: 'S3', lat: 42.15, lon: 21.05, unitId: 'M4' },
        { op: 'move', serviceId: 'S1', lat: null, lon: null, unitId: 'M2' },
        { op: 'close', serviceId: 'S7' },
        { op: 'close', serviceId: 'does-not-exist' },
      ],
    };
    const out = applyScenario(pkg.services, sc);
    expect(JSON.stringify(pkg.services)).toBe(before);
    expect(out.map((s) => s.id).slice(-2)).toEqual(['NEW', 'NEW-2']);
    expect(out.find((s) => s.id === 'S2')?.capacity).toBe(20);
    expect(out.find((s) => s.id === 'S3')).toMatchObject({ unitId: 'M4', lat: 42.15, serves: [] });
    // S1 has an explicit catchment (M1, M2): it stays
    expect(out.find((s) => s.id === 'S1')?.serves).toEqual(['M1', 'M2']);
    expect(out.find((s) => s.id === 'S7')?.status).toBe('closed');
    expect(out).toHaveLength(pkg.services.length + 2);
  });
});

describe('scenarios change the gaps', () => {
  it('adding a home-care service in M1 removes the desert and lowers the gap', () => {
    const base = runGaps(pkg);
    const scen = runGaps(pkg, { scenario: { id: 'add', name: 'Add', edits: [{ op: 'add', service: newHomeCare }] } });
    expect(base.get('M1', 'home_care', 'elderly')).toMatchObject({ gap: 50, desert: true });
    expect(scen.get('M1', 'home_care', 'elderly')).toMatchObject({ supply: 25, gap: 25, desert: false });
    expect(scen.get('R1', 'home_care', 'elderly')?.gap).toBeCloseTo(95, 12);
    const deltas = compareToBaseline(base, scen);
    const m1 = deltas.find((d) => d.unitId === 'M1' && d.service === 'home_care');
    expect(m1).toMatchObject({ supply: 25, gap: -25, desert: -1, coverage: 0.5 });
    const sum = summariseDeltas(deltas);
    expect(sum).toMatchObject({ gap: -25, desertsRemoved: 1, desertsCreated: 0, rowsChanged: 1 });
  });

  it('closing S4 turns its whole catchment into deserts', () => {
    const base = runGaps(pkg);
    const scen = runGaps(pkg, { scenario: { id: 'close', name: 'Close', edits: [{ op: 'close', serviceId: 'S4' }] } });
    expect(scen.get('M2', 'home_care', 'elderly')).toMatchObject({ supply: 0, gap: 100, desert: true });
    expect(scen.get('M3', 'home_care', 'elderly')).toMatchObject({ supply: 0, gap: 30, desert: true });
    const sum = summariseDeltas(compareToBaseline(base, scen));
    expect(sum.desertsCreated).toBe(2);
    expect(sum.gap).toBeCloseTo(60, 12);
  });

  it('resizing an unknown capacity makes it count', () => {
    const scen = runGaps(pkg, { scenario: { id: 'r', name: 'R', edits: [{ op: 'resize', serviceId: 'S3', capacity: 4 }] } });
    expect(scen.get('M3', 'day_care', 'persons_with_disabilities')).toMatchObject({ supply: 4, gap: 0, capacityUnknown: false });
  });
});
