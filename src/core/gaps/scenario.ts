// What-if scenarios: edits applied to a copy of the services, never to the loaded data, and a
// row-by-row comparison of a scenario's gaps with the baseline.
import type { Service } from '../model';
import type { GapResult, GapRow, Scenario } from './types';

/** The services after the scenario's edits, in order. The input array and objects are untouched. */
export function applyScenario(services: readonly Service[], scenario: Scenario): Service[] {
  const out: Service[] = services.map((s) => ({ ...s, targetGroups: [...s.targetGroups], serves: [...s.serves] }));
  const pos = new Map<string, number>();
  out.forEach((s, i) => {
    if (!pos.has(s.id)) pos.set(s.id, i);
  });
  const closed = new Set<number>();
  for (const e of scenario.edits) {
    if (e.op === 'add') {
      let id = e.service.id || `${scenario.id}-new`;
      for (let k = 2; pos.has(id); k++) id = `${e.service.id || `${scenario.id}-new`}-${k}`;
      pos.set(id, out.length);
      out.push({ ...e.service, id, targetGroups: [...e.service.targetGroups], serves: [...e.service.serves] });
      continue;
    }
    const i = pos.get(e.serviceId);
    const s = i !== undefined ? out[i] : undefined;
    if (i === undefined || !s) continue;
    if (e.op === 'close') closed.add(i);
    else if (e.op === 'resize') s.capacity = e.capacity !== null && Number.isFinite(e.capacity) && e.capacity >= 0 ? e.capacity : null;
    else {
      // a catchment that was just "where it stands" follows the service; an explicit one stays
      const followed = s.serves.length === 0 || (s.serves.length === 1 && s.serves[0] === s.unitId);
      s.lat = e.lat;
      s.lon = e.lon;
      s.unitId = e.unitId;
      if (followed) s.serves = [];
    }
  }
  for (const i of closed) {
    const s = out[i];
    if (s) s.status = 'closed';
  }
  return out;
}

export interface RowDelta {
  unitId: string;
  level: GapRow['level'];
  service: string;
  category: string;
  base: GapRow;
  scenario: GapRow;
  supply: number;
  gap: number;
  /** null when either coverage is null. */
  coverage: number | null;
  /** −1 desert removed, +1 desert created, 0 unchanged. */
  desert: -1 | 0 | 1;
}

/** Per-row changes from baseline to scenario (rows present in both; unchanged rows included). */
export function compareToBaseline(base: GapResult, scen: GapResult): RowDelta[] {
  const out: RowDelta[] = [];
  for (const b of base.rows()) {
    const s = scen.get(b.unitId, b.service, b.category);
    if (!s) continue;
    out.push({
      unitId: b.unitId,
      level: b.level,
      service: b.service,
      category: b.category,
      base: b,
      scenario: s,
      supply: s.supply - b.supply,
      gap: s.gap - b.gap,
      coverage: s.coverage !== null && b.coverage !== null ? s.coverage - b.coverage : null,
      desert: b.desert === s.desert ? 0 : s.desert ? 1 : -1,
    });
  }
  return out;
}

/** Totals of a comparison over the unit rows: gap change and deserts removed/created. */
export function summariseDeltas(deltas: readonly RowDelta[]): { gap: number; desertsRemoved: number; desertsCreated: number; rowsChanged: number } {
  let gap = 0;
  let desertsRemoved = 0;
  let desertsCreated = 0;
  let rowsChanged = 0;
  for (const d of deltas) {
    if (d.level !== 'unit') continue;
    gap += d.gap;
    if (d.desert < 0) desertsRemoved++;
    if (d.desert > 0) desertsCreated++;
    if (d.gap !== 0 || d.supply !== 0 || d.desert !== 0) rowsChanged++;
  }
  return { gap, desertsRemoved, desertsCreated, rowsChanged };
}
