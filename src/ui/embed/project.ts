// The embed's map is plain SVG: units projected once (spherical Mercator, fitted to the focus
// extent) into path strings. No WebGL, no worker, no tiles: a few kilobytes of code instead of
// MapLibre's 440 KB (gzip), and it draws on any phone. Pure: no DOM.
import type { Geometry, Position } from 'geojson';
import type { BBox } from '../../core/geo/labels';
import type { MapGeometryModel } from '../../core/views/geometry';

export interface Projected {
  /** minX minY width height */
  viewBox: [number, number, number, number];
  units: Map<string, string>;
  regions: Map<string, string>;
  /** Label point of each unit, projected (keyboard navigation, service fallback). */
  points: Map<string, [number, number]>;
  project(lon: number, lat: number): [number, number];
}

const mercY = (lat: number): number => {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return (Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180) / Math.PI;
};

function ringPath(ring: readonly Position[], project: (lon: number, lat: number) => [number, number], minStep: number): string {
  let d = '';
  let last: [number, number] | null = null;
  let n = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    if (!p || p.length < 2) continue;
    const q = project(p[0] as number, p[1] as number);
    const isEnd = i === ring.length - 1;
    if (last && !isEnd && Math.abs(q[0] - last[0]) < minStep && Math.abs(q[1] - last[1]) < minStep) continue;
    d += `${n === 0 ? 'M' : 'L'}${q[0].toFixed(1)} ${q[1].toFixed(1)}`;
    last = q;
    n++;
  }
  return n >= 3 ? `${d}Z` : '';
}

/** SVG path data of a (multi)polygon; holes by the even-odd rule. */
export function geometryPath(g: Geometry | null, project: (lon: number, lat: number) => [number, number], minStep = 0.6): string {
  if (!g) return '';
  if (g.type === 'Polygon') return g.coordinates.map((r) => ringPath(r, project, minStep)).join('');
  if (g.type === 'MultiPolygon') return g.coordinates.map((poly) => poly.map((r) => ringPath(r, project, minStep)).join('')).join('');
  return '';
}

export function projectGeometry(geometry: MapGeometryModel, focus: BBox | null, width = 1000): Projected {
  const box = focus ?? geometry.bounds ?? [0, 0, 1, 1];
  const [w, s, e, n] = box;
  const padX = (e - w) * 0.03 || 0.01;
  const y0 = mercY(s);
  const y1 = mercY(n);
  const padY = (y1 - y0) * 0.03 || 0.01;
  const x0 = w - padX;
  const top = y1 + padY;
  const scale = width / (e - w + 2 * padX);
  const height = Math.max(1, (y1 - y0 + 2 * padY) * scale);
  const project = (lon: number, lat: number): [number, number] => [(lon - x0) * scale, (top - mercY(lat)) * scale];
  const units = new Map<string, string>();
  for (const f of geometry.units.features) units.set(f.properties.unit_id, geometryPath(f.geometry, project));
  const regions = new Map<string, string>();
  for (const f of geometry.regions.features) regions.set(f.properties.unit_id, geometryPath(f.geometry, project));
  const points = new Map<string, [number, number]>();
  for (const [id, [lon, lat]] of geometry.labelPoints) points.set(id, project(lon, lat));
  return { viewBox: [0, 0, width, Math.round(height * 10) / 10], units, regions, points, project };
}
