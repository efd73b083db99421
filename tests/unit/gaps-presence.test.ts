import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/csv';
import { PRESENCE_CSV_HEADER, presenceCsvRows, presenceMatrix } from '../../src/core/gaps/presence';
import { tinyGapsPackage as pkg } from '../fixtures/gaps/tiny';

describe('presenceMatrix', () => {
  const m = presenceMatrix(pkg);

  it('present where an active service stands or serves; counts and known capacity', () => {
    // M2 day care: S1 (serves M1, M2; 30) and S2 (10)
    expect(m.get('M2', 'day_care')).toMatchObject({ status: 'present', count: 2, capacity: 40, unknownCapacity: 0, serviceIds: ['S1', 'S2'] });
    expect(m.get('M1', 'day_care')).toMatchObject({ status: 'present', count: 1, capacity: 30 });
  });

  it('unknown capacity: counted, capacity null (not 0)', () => {
    expect(m.get('M3', 'day_care')).toMatchObject({ status: 'present', count: 1, capacity: null, unknownCapacity: 1 });
  });

  it('mobile, planned, closed and absent', () => {
    expect(m.get('M4', 'home_care')).toMatchObject({ status: 'mobile', count: 1, capacity: 30 });
    expect(m.get('M4', 'day_care')).toMatchObject({ status: 'planned', count: 0, planned: 1, capacity: 0 });
    expect(m.get('M1', 'home_care')).toMatchObject({ status: 'absent', count: 0 }); // S5 is closed
    expect(m.get('M5', 'foster_care')).toMatchObject({ status: 'absent', count: 0, capacity: 0 });
  });

  it('a region has what its units have, each service once; a regional service reaches its units', () => {
    expect(m.get('R1', 'day_care')).toMatchObject({ status: 'present', count: 3, capacity: 40, unknownCapacity: 1 });
    expect(m.get('R1', 'home_care')).toMatchObject({ status: 'present', count: 1, capacity: 60 });
    const regional = presenceMatrix({
      ...pkg,
      services: [{ ...pkg.services[0], id: 'RS', service: 'respite_care', unitId: 'R2', serves: [], status: 'partial' } as (typeof pkg.services)[number]],
    });
    expect(regional.get('M5', 'respite_care')?.status).toBe('partial');
    expect(regional.get('M1', 'respite_care')?.status).toBe('absent');
    expect(regional.get('XX', 'respite_care')?.status).toBe('partial');
  });

  it('covers all contract service keys (plus unknown ones found in the data) for the units asked', () => {
    const sub = presenceMatrix(pkg, ['M1', 'M2', 'nope']);
    expect(sub.unitIds).toEqual(['M1', 'M2']);
    expect(sub.services).toHaveLength(16);
    expect(sub.cells()).toHaveLength(32);
  });

  it('builds presence.csv rows', () => {
    const text = toCsv(PRESENCE_CSV_HEADER, presenceCsvRows(presenceMatrix(pkg, ['M3'])));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('unit_id,service,count,capacity,status,unknown_capacity,planned');
    expect(lines).toContain('M3,day_care,1,,present,1,0');
    expect(lines).toContain('M3,home_care,1,60,present,0,0');
    expect(lines).toContain('M3,foster_care,0,0,absent,0,0');
  });
});
