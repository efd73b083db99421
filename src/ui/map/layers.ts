// MapLibre layers as typed data. The indicator never touches geometry: colours and muting are
// feature-state, read by these paint expressions; the hovered, focused and selected units are
// outlined from a small source of their own.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../../core/classify';

/** The map's GeoJSON source: units, region outlines and basemap, told apart by `part`. */
export const SOURCE = 'map';
type Part = 'unit' | 'region' | 'basemap';
const part = (p: Part) => ['==', ['get', 'part'], p] as ExpressionSpecification;

/**
 * The source's data: the units, the region outlines and the basemap countries in one
 * collection, each feature marked with its `part` (the layers filter on it). One source, not
 * three: MapLibre's worker cuts one set of tiles, and each tile arrives with everything in it,
 * so the map is drawn in one frame instead of one per source (each frame is expensive under
 * software WebGL). Feature-state ids are the unit and region ids (`promoteId: unit_id`).
 */
export function mapData(units: FeatureCollection, regions: FeatureCollection, basemap: FeatureCollection | null): FeatureCollection {
  const mark = (fc: FeatureCollection, p: Part) => fc.features.map((f) => ({ ...f, properties: { ...f.properties, part: p } }));
  return {
    type: 'FeatureCollection',
    features: [...(basemap ? mark(basemap, 'basemap') : []), ...mark(units, 'unit'), ...mark(regions, 'region')],
  };
}

/**
 * The whole map in one style. The tiles' buffer (geometry kept beyond each tile's edge) is
 * 16 px instead of MapLibre's 128, which is meant for labels: these layers draw nothing wider
 * than 3 px, and the wide buffer nearly doubled the vertices every tile carries.
 */
export function mapStyle(data: FeatureCollection, outlineMinZoom: number): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE]: { type: 'geojson', data, promoteId: 'unit_id', buffer: 16 },
      [HIGHLIGHT]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, buffer: 16 },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e8eef2' } },
      ...basemapLayers(),
      ...unitLayers(outlineMinZoom),
      ...regionLayers(),
      ...highlightLayers(),
    ],
  };
}

// One shader program per layer type. MapLibre compiles a program for every combination of
// constant and data-driven paint properties, and under software WebGL (SwiftShader: no GPU,
// headless, locked-down machines) compiling one costs tens of milliseconds and slows the first
// frames. So every fill and every line here has the same shape: colour, opacity and width read
// feature-state with a constant default ('number' / 'to-color' of a coalesce), even where no
// state is ever set (basemap, region colour). fill-antialias is off: each fill would be
// outlined by one more draw (and program) per tile, and the line layers draw the edges anyway.
const state = (key: string, fallback: number): ExpressionSpecification => ['number', ['feature-state', key], fallback];
const stateColor = (key: string, fallback: string): ExpressionSpecification => ['to-color', ['coalesce', ['feature-state', key], fallback]];

export const basemapLayers = (): LayerSpecification[] => [
  {
    id: 'basemap-fill',
    type: 'fill',
    source: SOURCE,
    filter: part('basemap'),
    paint: { 'fill-antialias': false, 'fill-color': stateColor('color', '#f7f7f4'), 'fill-opacity': state('opacity', 1) },
  },
  {
    id: 'basemap-line',
    type: 'line',
    source: SOURCE,
    filter: part('basemap'),
    paint: { 'line-color': stateColor('color', '#b9b9b0'), 'line-width': state('width', 0.8) },
  },
];

/**
 * The units: colour and muting are feature-state. Their outlines are drawn from `outlineMinZoom`
 * (see core/geo/labels): a national layer's 10,000 borders at country zoom are noise, and most
 * of each frame's time. They never change, but read a property that no feature has (like the
 * basemap's state) to share the line program. The hovered, focused and selected units are
 * outlined by `highlightLayers`, at every zoom.
 */
export const unitLayers = (outlineMinZoom: number): LayerSpecification[] => [
  {
    id: 'units-fill',
    type: 'fill',
    source: SOURCE,
    filter: part('unit'),
    paint: {
      'fill-antialias': false,
      'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR]],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'muted'], false], 0.25, 0.9],
    },
  },
  {
    id: 'units-line',
    type: 'line',
    source: SOURCE,
    filter: part('unit'),
    minzoom: outlineMinZoom,
    paint: { 'line-color': ['to-color', ['coalesce', ['get', 'line_color'], '#ffffff']], 'line-width': ['number', ['get', 'line_width'], 0.6] },
  },
];

/** The source of the hovered, focused and selected units' outlines (core/views/map-paint). */
export const HIGHLIGHT = 'highlight';

export const highlightLayers = (): LayerSpecification[] => [
  {
    id: 'units-highlight',
    type: 'line',
    source: HIGHLIGHT,
    paint: {
      'line-color': ['match', ['get', 'kind'], 'selected', '#d6336c', 'focus', '#000000', '#333333'],
      'line-width': ['match', ['get', 'kind'], 'hover', 2, 3],
    },
  },
];

export const regionLayers = (): LayerSpecification[] => [
  {
    id: 'regions-line',
    type: 'line',
    source: SOURCE,
    filter: part('region'),
    paint: {
      'line-color': stateColor('color', '#3d3d3d'),
      'line-width': ['case', ['boolean', ['feature-state', 'active'], false], 2.6, 1.4],
    },
  },
];
