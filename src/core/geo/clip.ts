// Keep only the features near an extent: the basemap needs the neighbours of the data, not the
// whole world (fewer features for MapLibre's worker to tile on an old laptop).
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { BBox } from './labels';

/** Features whose bounding box meets `extent` grown by `margin` (a fraction of its size). */
export function featuresNear(fc: FeatureCollection, extent: BBox, margin = 1): FeatureCollection {
  const [w, s, e, n] = extent;
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  const grown: BBox = [w - dx, s - dy, e + dx, n + dy];
  const near = (f: Feature) => {
    if (!f.geometry) return false;
    const [fw, fs, fe, fn] = turfBbox(f) as BBox;
    return fw <= grown[2] && fe >= grown[0] && fs <= grown[3] && fn >= grown[1];
  };
  return { type: 'FeatureCollection', features: fc.features.filter(near) };
}
