// Presence matrix: which kinds of service are present in which unit, with counts and capacity.
//
// A service touches a unit when the unit is the one it stands in or one it serves, contains one
// of those (a region "has" what its municipalities have), or lies inside one of them (a regional
// service serves every municipality of the region). Status of a cell, best first:
// present (an `active` service) > partial > mobile > online > planned > absent; closed services
// are ignored. `count`, `capacity` and `unknownCapacity` describe the services that are in use
// (active, partial, mobile, online); a service touching several units counts fully in each.
import { SERVICE_KEYS } from '../keys';
import type { DataPackage } from '../model';
import type { CsvCell } from '../csv';
import { makeLocator } from './catchment';
import { treeOf } from './tree';
import { isActiveStatus } from './types';

export type PresenceStatus = 'present' | 'partial' | 'mobile' | 'online' | 'planned' | 'absent';
const RANK: Record<PresenceStatus, number> = { present: 5, partial: 4, mobile: 3, online: 2, planned: 1, absent: 0 };
const STATUS_OF: Record<string, PresenceStatus> = { active: 'present', partial: 'partial', mobile: 'mobile', online: 'online', planned: 'planned' };

export interface PresenceCell {
  unitId: string;
  service: string;
  status: PresenceStatus;
  /** Services in use (active, partial, mobile, online). */
  count: number;
  /** Summed known capacity of those; null when some are counted but none has a known capacity. */
  capacity: number | null;
  unknownCapacity: number;
  planned: number;
  /** Ids of the services in use. */
  serviceIds: string[];
}

export interface PresenceMatrix {
  unitIds: string[];
  services: string[];
  get(unitId: string, service: string): PresenceCell | undefined;
  /** Unit by unit, services in `services` order. */
  cells(): PresenceCell[];
}

export function presenceMatrix(pkg: DataPackage, unitIds?: readonly string[]): PresenceMatrix {
  const tree = treeOf(pkg.units);
  const n = tree.ids.length;
  const extra = [...new Set(pkg.services.map((s) => s.service))].filter((k) => k && !(SERVICE_KEYS as string[]).includes(k));
  const services = [...SERVICE_KEYS, ...extra];
  const K = services.length;
  const keyPos = new Map(services.map((s, i) => [s, i]));
  const status = new Uint8Array(n * K);
  const count = new Int32Array(n * K);
  const cap = new Float64Array(n * K);
  const known = new Int32Array(n * K);
  const unknown = new Int32Array(n * K);
  const planned = new Int32Array(n * K);
  const ids = new Map<number, string[]>();

  const reachCache = new Map<number, Int32Array>();
  const reach = (i: number): Int32Array => {
    const hit = reachCache.get(i);
    if (hit) return hit;
    const out = [i, ...tree.ancestors(i)];
    const stack = [...(tree.children[i] ?? [])];
    const seen = new Set<number>(out);
    while (stack.length) {
      const c = stack.pop() ?? -1;
      if (c < 0 || seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      stack.push(...(tree.children[c] ?? []));
    }
    const arr = Int32Array.from(out);
    reachCache.set(i, arr);
    return arr;
  };
  const locate = makeLocator(tree);
  const stamp = new Int32Array(n).fill(-1);

  pkg.services.forEach((s, j) => {
    const st = STATUS_OF[s.status];
    const k = keyPos.get(s.service);
    if (!st || k === undefined) return;
    const at = new Set<string>(s.serves);
    if (s.unitId) at.add(s.unitId);
    if (at.size === 0 && s.lat !== null && s.lon !== null) {
      const found = locate(s.lon, s.lat);
      if (found) at.add(found);
    }
    const inUse = isActiveStatus(s.status);
    for (const id of at) {
      const i0 = tree.index.get(id);
      if (i0 === undefined) continue;
      for (const u of reach(i0)) {
        if (stamp[u] === j) continue;
        stamp[u] = j;
        const c = u * K + k;
        if (RANK[st] > (status[c] ?? 0)) status[c] = RANK[st];
        if (!inUse) {
          planned[c] = (planned[c] ?? 0) + 1;
          continue;
        }
        count[c] = (count[c] ?? 0) + 1;
        if (s.capacity !== null && Number.isFinite(s.capacity)) {
          cap[c] = (cap[c] ?? 0) + s.capacity;
          known[c] = (known[c] ?? 0) + 1;
        } else unknown[c] = (unknown[c] ?? 0) + 1;
        const list = ids.get(c);
        if (list) list.push(s.id);
        else ids.set(c, [s.id]);
      }
    }
  });

  const byRank: PresenceStatus[] = ['absent', 'planned', 'online', 'mobile', 'partial', 'present'];
  const cell = (u: number, k: number): PresenceCell => {
    const c = u * K + k;
    const cnt = count[c] ?? 0;
    return {
      unitId: tree.ids[u] ?? '',
      service: services[k] ?? '',
      status: byRank[status[c] ?? 0] ?? 'absent',
      count: cnt,
      capacity: cnt > 0 && (known[c] ?? 0) === 0 ? null : (cap[c] ?? 0),
      unknownCapacity: unknown[c] ?? 0,
      planned: planned[c] ?? 0,
      serviceIds: ids.get(c) ?? [],
    };
  };
  const wanted = (unitIds ?? tree.ids).filter((id) => tree.index.has(id));
  return {
    unitIds: wanted,
    services,
    get(unitId, service) {
      const u = tree.index.get(unitId);
      const k = keyPos.get(service);
      return u === undefined || k === undefined ? undefined : cell(u, k);
    },
    cells() {
      const out: PresenceCell[] = [];
      for (const id of wanted) {
        const u = tree.index.get(id) ?? 0;
        for (let k = 0; k < K; k++) out.push(cell(u, k));
      }
      return out;
    },
  };
}

export const PRESENCE_CSV_HEADER = ['unit_id', 'service', 'count', 'capacity', 'status', 'unknown_capacity', 'planned'];

/** Plain data rows for presence.csv (write them with toCsv from src/core/csv.ts). */
export function presenceCsvRows(m: PresenceMatrix): CsvCell[][] {
  return m.cells().map((c) => [c.unitId, c.service, c.count, c.capacity, c.status, c.unknownCapacity, c.planned]);
}
