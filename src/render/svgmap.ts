// Static choropleth maps as SVG strings, drawn with d3-geo (Mercator fitted to the features),
// so the command line can draw document maps in Node without WebGL. All text is escaped.
import { geoArea, geoMercator, geoPath } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { UnitGeometry } from '../core/model';
import { svgRoot, tag, text } from './svg';
import { safeColor } from './text';

export interface MapFeature {
  id: string;
  name: string;
  geometry: UnitGeometry | null;
}

export interface ChoroplethOptions {
  features: readonly MapFeature[];
  /** Value per feature id; null or missing = no data. */
  values: ReadonlyMap<string, number | null>;
  /** Ascending class boundaries: a value v is in class i where breaks[i-1] <= v < breaks[i]. */
  breaks: readonly number[];
  /** One colour per class (breaks.length + 1), #rgb or #rrggbb. */
  colors: readonly string[];
  /** Legend text per class; default: ranges from `format`. */
  legendLabels?: readonly string[];
  /** Names drawn on the map per feature id (omit for none). */
  labels?: ReadonlyMap<string, string>;
  format?: (n: number) => string;
  title?: string;
  legendTitle?: string;
  noDataLabel?: string;
  noDataColor?: string;
  width: number;
  height: number;
}

/** A sequential palette (ColorBrewer OrRd), light to dark, for 2–7 classes. */
export const SEQUENTIAL: readonly string[] = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#990000'];
export function palette(classes: number): string[] {
  const k = Math.max(1, Math.min(SEQUENTIAL.length, classes));
  if (k === 1) return [SEQUENTIAL[3] as string];
  return Array.from({ length: k }, (_, i) => SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / (k - 1))] as string);
}

/** Quantile class breaks for up to `k` classes (fewer if values repeat); [] when no values. */
export function quantileBreaks(values: readonly number[], k = 5): number[] {
  const v = values.filter(Number.isFinite).slice().sort((a, b) => a - b);
  if (v.length < 2) return [];
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = v[Math.min(v.length - 1, Math.floor((i * v.length) / k))] as number;
    if (q > (v[0] as number) && (out.length === 0 || q > (out[out.length - 1] as number))) out.push(q);
  }
  return out;
}

export function classOf(v: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && v >= (breaks[i] as number)) i++;
  return i;
}

// d3-geo is spherical: a polygon's exterior ring must run clockwise, else it means "the whole
// globe minus this shape". GeoJSON (RFC 7946) says counter-clockwise. Normalise per polygon.
function rewindPolygon(rings: Position[][]): Position[][] {
  const poly: Polygon = { type: 'Polygon', coordinates: rings };
  return geoArea(poly) > 2 * Math.PI ? rings.map((r) => r.slice().reverse()) : rings;
}
function rewind(g: UnitGeometry): UnitGeometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: rewindPolygon(g.coordinates) };
  const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: g.coordinates.map(rewindPolygon) };
  return mp;
}

export function renderChoroplethSvg(o: ChoroplethOptions): string {
  const fmt = o.format ?? ((n: number) => String(n));
  const classes = o.breaks.length + 1;
  const colors = Array.from({ length: classes }, (_, i) => safeColor(o.colors[i] ?? o.colors[o.colors.length - 1] ?? '#cccccc'));
  const noDataColor = safeColor(o.noDataColor ?? '#e6e6e6');
  const legendLabels =
    o.legendLabels && o.legendLabels.length === classes
      ? o.legendLabels
      : colors.map((_, i) => {
          const lo = o.breaks[i - 1];
          const hi = o.breaks[i];
          if (lo === undefined && hi === undefined) return '';
          if (lo === undefined) return `< ${fmt(hi as number)}`;
          if (hi === undefined) return `≥ ${fmt(lo)}`;
          return `${fmt(lo)} – ${fmt(hi)}`;
        });

  const legendW = Math.min(190, Math.round(o.width * 0.3));
  const pad = 8;
  const mapW = o.width - legendW - pad;
  const drawn = o.features.filter((f): f is MapFeature & { geometry: UnitGeometry } => f.geometry !== null);
  const collection = {
    type: 'FeatureCollection' as const,
    features: drawn.map((f) => ({ type: 'Feature' as const, properties: {}, geometry: rewind(f.geometry) })),
  };
  const projection = geoMercator();
  if (drawn.length) projection.fitExtent([[pad, pad], [Math.max(pad + 1, mapW), o.height - pad]], collection);
  const path = geoPath(projection);

  let body = '';
  drawn.forEach((f, i) => {
    const feature = collection.features[i];
    if (!feature) return;
    const v = o.values.get(f.id);
    const hasValue = typeof v === 'number' && Number.isFinite(v);
    const fill = hasValue ? (colors[classOf(v, o.breaks)] as string) : noDataColor;
    const d = path(feature) ?? '';
    if (!d) return;
    const tip = `${f.name}: ${hasValue ? fmt(v) : (o.noDataLabel ?? '–')}`;
    body += tag('path', { d, fill, stroke: '#ffffff', 'stroke-width': 0.8, 'stroke-linejoin': 'round', 'data-unit': f.id }, tag('title', {}, text(tip)));
  });
  if (o.labels) {
    for (const [i, f] of drawn.entries()) {
      const label = o.labels.get(f.id);
      const feature = collection.features[i];
      if (!label || !feature) continue;
      const [x, y] = path.centroid(feature);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      body += tag(
        'text',
        { x, y, 'font-size': 8, 'text-anchor': 'middle', 'dominant-baseline': 'middle', fill: '#222222', stroke: '#ffffff', 'stroke-width': 2, 'paint-order': 'stroke' },
        text(label),
      );
    }
  }

  // Legend: title, one swatch per class, then "no data" when any unit lacks a value.
  const lx = o.width - legendW;
  let ly = pad + 4;
  let legend = '';
  if (o.legendTitle) {
    legend += tag('text', { x: lx, y: ly + 9, 'font-size': 10, 'font-weight': 'bold', fill: '#222222' }, text(o.legendTitle));
    ly += 18;
  }
  const rows: [string, string][] = colors.map((c, i) => [c, legendLabels[i] ?? '']);
  if (drawn.some((f) => typeof o.values.get(f.id) !== 'number')) rows.push([noDataColor, o.noDataLabel ?? '–']);
  for (const [c, label] of rows) {
    legend += tag('rect', { x: lx, y: ly, width: 14, height: 10, fill: c, stroke: '#888888', 'stroke-width': 0.5 });
    legend += tag('text', { x: lx + 20, y: ly + 9, 'font-size': 9, fill: '#222222' }, text(label));
    ly += 15;
  }
  return svgRoot(o.width, o.height, o.title ?? '', body + legend);
}
