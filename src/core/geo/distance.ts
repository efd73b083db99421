// Great-circle distances and a local planar projection (for spatial indexes only: every
// distance reported is haversine).

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Haversine distance in km between two WGS84 points. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Equirectangular projection to km around a reference latitude. Distances in it are within a
 * few per cent of the truth over a country; callers search with a margin and confirm with
 * haversine.
 */
export interface LocalProjection {
  x(lon: number): number;
  y(lat: number): number;
  /** Factor by which an east–west distance may be under-estimated in the covered latitudes. */
  slack: number;
}

export function localProjection(minLat: number, maxLat: number): LocalProjection {
  const lo = Math.max(-89, Math.min(89, Number.isFinite(minLat) ? minLat : 0));
  const hi = Math.max(-89, Math.min(89, Number.isFinite(maxLat) ? maxLat : 0));
  const lat0 = (lo + hi) / 2;
  const k = Math.cos(lat0 * RAD);
  const cosMin = Math.min(Math.cos(lo * RAD), Math.cos(hi * RAD));
  const slack = Math.max(1, k / Math.max(cosMin, 1e-6)) * 1.01;
  return {
    x: (lon) => lon * RAD * EARTH_RADIUS_KM * k,
    y: (lat) => lat * RAD * EARTH_RADIUS_KM,
    slack,
  };
}
