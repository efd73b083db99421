// Coordinate reference systems. GeoJSON is WGS84 lon/lat (RFC 7946). A file that declares
// another CRS (the old `crs` member, or the user's option) is reprojected when it is one used in
// the region; coordinates outside lon/lat ranges without a declaration are refused with the
// likely projection named. Definitions: EPSG registry (epsg.io), written out here so that no
// network or database is needed.
import proj4 from 'proj4';
import { issue } from './issues';
import { own } from './props';
import type { ImportIssue } from './types';

export const PROJ_DEFS: Record<number, { name: string; proj: string }> = {
  3857: { name: 'WGS 84 / Pseudo-Mercator', proj: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs' },
  32634: { name: 'WGS 84 / UTM zone 34N', proj: '+proj=utm +zone=34 +datum=WGS84 +units=m +no_defs' },
  32633: { name: 'WGS 84 / UTM zone 33N', proj: '+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs' },
  6316: { name: 'MGI 1901 / Balkans zone 7', proj: '+proj=tmerc +lat_0=0 +lon_0=21 +k=0.9999 +x_0=7500000 +y_0=0 +ellps=bessel +towgs84=682,-203,480,0,0,0,0 +units=m +no_defs' },
  3909: { name: 'MGI 1901 / Balkans zone 7 (deprecated code)', proj: '+proj=tmerc +lat_0=0 +lon_0=21 +k=0.9999 +x_0=7500000 +y_0=0 +ellps=bessel +towgs84=682,-203,480,0,0,0,0 +units=m +no_defs' },
  6870: { name: 'ETRS89 / Albania TM 2010', proj: '+proj=tmerc +lat_0=0 +lon_0=20 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs' },
};

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';
const GEOGRAPHIC = new Set([4326, 4258, 4979, 84]);

export type Project = ((p: number[]) => number[]) | null;

/** EPSG code from a GeoJSON `crs` member (`EPSG:3857`, `urn:ogc:def:crs:EPSG::3857`, CRS84). */
export function declaredEpsg(geojson: unknown): number | null | 'unknown' {
  const crs = own(geojson, 'crs');
  if (crs === undefined || crs === null) return null;
  const name = own(own(crs, 'properties'), 'name');
  const code = own(own(crs, 'properties'), 'code');
  if (typeof code === 'number' && Number.isInteger(code)) return code;
  if (typeof name !== 'string') return 'unknown';
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(?:[\d.]*:)?(\d{4,5})\s*$/i.exec(name) ?? /^\s*(\d{4,5})\s*$/.exec(name);
  return m?.[1] ? Number(m[1]) : 'unknown';
}

function bboxOf(geometries: unknown[]): [number, number, number, number] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (c: unknown, depth: number): void => {
    if (!Array.isArray(c) || depth > 6) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      return;
    }
    for (const k of c) walk(k, depth + 1);
  };
  for (const g of geometries) {
    walk(own(g, 'coordinates'), 0);
    const parts = own(g, 'geometries');
    if (Array.isArray(parts)) for (const p of parts) walk(own(p, 'coordinates'), 0);
  }
  return minX === Infinity ? null : [minX, minY, maxX, maxY];
}

/** Names the projection that coordinates of this magnitude most likely are in. */
export function guessProjection(b: [number, number, number, number]): string {
  const [minX, minY, maxX, maxY] = b;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  if (cx > 7_000_000 && cx < 8_000_000 && cy > 4_300_000 && cy < 5_300_000) return 'EPSG:6316 (MGI 1901 / Balkans zone 7)';
  if (cx > 6_000_000 && cx < 7_000_000 && cy > 4_300_000 && cy < 5_300_000) return 'EPSG:6315 (MGI 1901 / Balkans zone 6)';
  if (cx > 4_300_000 && cx < 4_700_000 && cy > 4_300_000 && cy < 4_800_000) return 'EPSG:2462 (Albanian 1987 / Gauss-Kruger zone 4)';
  if (cx > 1_500_000 && cx < 3_500_000 && cy > 4_500_000 && cy < 6_000_000) return 'EPSG:3857 (Web Mercator)';
  if (cx > 150_000 && cx < 850_000 && cy > 4_300_000 && cy < 4_800_000) return 'EPSG:32634 (UTM 34N) or EPSG:6870 (Albania TM 2010)';
  return 'unknown';
}

/**
 * Decides how to read a file's coordinates: returns a projector to WGS84, identity (null) for
 * lon/lat, or 'refuse' when coordinates are projected and nothing declares how.
 */
export function prepareCrs(geojson: unknown, geometries: unknown[], optionEpsg: number | undefined, issues: ImportIssue[]): Project | 'refuse' {
  const declared = declaredEpsg(geojson);
  const epsg = declared ?? optionEpsg ?? null;
  if (epsg === 'unknown') {
    const name = own(own(own(geojson, 'crs'), 'properties'), 'name');
    issues.push(issue('crs_unsupported', null, 'crs', { crs: typeof name === 'string' ? name.slice(0, 80) : '?' }));
    return 'refuse';
  }
  if (epsg !== null && !GEOGRAPHIC.has(epsg)) {
    const def = PROJ_DEFS[epsg];
    if (!def) {
      issues.push(issue('crs_unsupported', null, 'crs', { crs: `EPSG:${epsg}` }));
      return 'refuse';
    }
    const conv = proj4(def.proj, WGS84);
    issues.push(issue('reprojected', null, 'crs', { crs: `EPSG:${epsg}`, name: def.name }));
    return (p: number[]) => conv.forward([p[0] ?? NaN, p[1] ?? NaN]);
  }
  const b = bboxOf(geometries);
  if (b && (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)) {
    issues.push(issue('coordinates_projected', null, null, { projection: guessProjection(b), x: Math.round(b[0]), y: Math.round(b[1]) }));
    return 'refuse';
  }
  return null;
}
