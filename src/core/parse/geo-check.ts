// Geometry checks for units: structure (rings of ≥ 4 finite positions, closed), type (Polygon,
// MultiPolygon, or a GeometryCollection of them), winding repaired to RFC 7946 (exterior
// counter-clockwise) and self-intersections reported (crossings.ts: like turf kinks, with
// bounded work). Per-feature findings that
// repeat in every feature (winding) are summed into one issue per file by the caller.
import { booleanClockwise } from '@turf/turf';
import type { Position } from 'geojson';
import type { UnitGeometry } from '../model';
import type { UnitLevel } from '../keys';
import type { Project } from './crs';
import { issue } from './issues';
import { own } from './props';
import type { ImportIssue } from './types';
import { append } from './append';
import { countCrossings } from './crossings';

export interface GeoStats {
  rewound: number;
  firstRewound: number | null;
  ringsClosed: number;
  selfIntersecting: number;
}

export const newGeoStats = (): GeoStats => ({ rewound: 0, firstRewound: null, ringsClosed: 0, selfIntersecting: 0 });

function readRing(raw: unknown, project: Project, stats: GeoStats): Position[] | null {
  if (!Array.isArray(raw)) return null;
  const ring: Position[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
    const q = project ? project([p[0], p[1]]) : [p[0], p[1]];
    const [x, y] = q;
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    ring.push([x, y]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0] ?? 0, first[1] ?? 0]);
    stats.ringsClosed++;
  }
  return ring.length >= 4 ? ring : null;
}

/** Rings of one polygon, outer ring first; wrong winding repaired. null = unusable. */
function readPolygon(raw: unknown, project: Project, stats: GeoStats): { rings: Position[][]; rewound: boolean } | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const rings: Position[][] = [];
  let rewound = false;
  for (let i = 0; i < raw.length; i++) {
    const ring = readRing(raw[i], project, stats);
    if (!ring) {
      if (i === 0) return null;
      continue; // a broken hole is dropped; the outer ring still stands
    }
    const cw = booleanClockwise(ring);
    const want = i === 0 ? false : true; // exterior counter-clockwise, holes clockwise
    if (cw !== want) {
      ring.reverse();
      rewound = true;
    }
    rings.push(ring);
  }
  return { rings, rewound };
}

function polygonsOf(geom: unknown): { polys: unknown[]; ok: boolean } {
  const type = own(geom, 'type');
  const coords = own(geom, 'coordinates');
  if (type === 'Polygon') return { polys: [coords], ok: true };
  if (type === 'MultiPolygon') return { polys: Array.isArray(coords) ? coords : [], ok: Array.isArray(coords) };
  if (type === 'GeometryCollection') {
    const parts = own(geom, 'geometries');
    if (!Array.isArray(parts)) return { polys: [], ok: false };
    const polys: unknown[] = [];
    for (const p of parts) {
      const sub = polygonsOf(p);
      if (!sub.ok) return { polys: [], ok: false };
      append(polys, sub.polys);
    }
    return { polys, ok: true };
  }
  return { polys: [], ok: false };
}

/** A feature's geometry → unit geometry, reporting what it repaired or refused. */
export function checkGeometry(
  geom: unknown,
  row: number,
  level: UnitLevel,
  project: Project | 'refuse',
  stats: GeoStats,
  issues: ImportIssue[],
): UnitGeometry | null {
  if (geom === null || geom === undefined) {
    if (level !== 'region' && level !== 'country') issues.push(issue('geometry_missing', row, null));
    return null;
  }
  if (project === 'refuse') return null;
  const { polys, ok } = polygonsOf(geom);
  if (!ok) {
    const type = own(geom, 'type');
    issues.push(issue('geometry_type', row, null, { type: typeof type === 'string' ? type.slice(0, 40) : '?' }));
    return null;
  }
  const out: Position[][][] = [];
  let rewound = false;
  for (const raw of polys) {
    const p = readPolygon(raw, project, stats);
    if (!p) {
      issues.push(issue('geometry_invalid', row, null, { part: out.length + 1 }));
      return null;
    }
    rewound ||= p.rewound;
    out.push(p.rings);
  }
  if (out.length === 0) {
    issues.push(issue('geometry_invalid', row, null, { part: 0 }));
    return null;
  }
  if (rewound) {
    stats.rewound++;
    stats.firstRewound ??= row;
  }
  let crossings = 0;
  for (const rings of out) crossings += countCrossings(rings).count;
  if (crossings > 0) {
    stats.selfIntersecting++;
    issues.push(issue('self_intersection', row, null, { count: crossings }));
  }
  const first = out[0];
  return out.length === 1 && first ? { type: 'Polygon', coordinates: first } : { type: 'MultiPolygon', coordinates: out };
}

/** File-level summary of repairs (one issue each, not one per feature). */
export function geoStatsIssues(stats: GeoStats): ImportIssue[] {
  const out: ImportIssue[] = [];
  if (stats.rewound > 0) out.push(issue('winding_repaired', stats.firstRewound, null, { count: stats.rewound }));
  if (stats.ringsClosed > 0) out.push(issue('ring_closed', null, null, { count: stats.ringsClosed }));
  return out;
}
