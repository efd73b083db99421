// MapLibre layers as typed data. The indicator never touches geometry: colours, muting, hover,
// focus and selection are feature-state, read by these paint expressions.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../../core/classify';

export const UNITS = 'units';
export const REGIONS = 'regions';
export const BASEMAP = 'basemap';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The whole map in one style: basemap (its data set later), units, region outlines. */
export function mapStyle(units: FeatureCollection, regions: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: {
      [BASEMAP]: { type: 'geojson', data: EMPTY },
      [UNITS]: { type: 'geojson', data: units, promoteId: 'unit_id' },
      [REGIONS]: { type: 'geojson', data: regions, promoteId: 'unit_id' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e8eef2' } },
      ...basemapLayers(),
      ...unitLayers(),
      ...regionLayers(),
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
    source: BASEMAP,
    paint: { 'fill-antialias': false, 'fill-color': stateColor('color', '#f7f7f4'), 'fill-opacity': state('opacity', 1) },
  },
  {
    id: 'basemap-line',
    type: 'line',
    source: BASEMAP,
    paint: { 'line-color': stateColor('color', '#b9b9b0'), 'line-width': state('width', 0.8) },
  },
];

export const unitLayers = (): LayerSpecification[] => [
  {
    id: 'units-fill',
    type: 'fill',
    source: UNITS,
    paint: {
      'fill-antialias': false,
      'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR]],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'muted'], false], 0.25, 0.9],
    },
  },
  {
    id: 'units-line',
    type: 'line',
    source: UNITS,
    paint: {
      'line-color': [
        'case',
        ['boolean', ['feature-state', 'selected'], false], '#d6336c',
        ['boolean', ['feature-state', 'focus'], false], '#000000',
        ['boolean', ['feature-state', 'hover'], false], '#333333',
        '#ffffff',
      ],
      'line-width': [
        'case',
        ['boolean', ['feature-state', 'selected'], false], 3,
        ['boolean', ['feature-state', 'focus'], false], 3,
        ['boolean', ['feature-state', 'hover'], false], 2,
        0.6,
      ],
    },
  },
];

export const regionLayers = (): LayerSpecification[] => [
  {
    id: 'regions-line',
    type: 'line',
    source: REGIONS,
    paint: {
      'line-color': stateColor('color', '#3d3d3d'),
      'line-width': ['case', ['boolean', ['feature-state', 'active'], false], 2.6, 1.4],
    },
  },
];
