// What a prebuilt basemap file says about itself (scripts/build-basemap.ts writes it; the app
// reads it to decide whether the file covers the data it shows).
import type { BBox } from './labels';

/** How far around the data the basemap reaches: the extent grown by this times its size. */
export const BASEMAP_MARGIN = 1.5;

export interface BasemapMeta {
  source: string;
  generator: string;
  /** The data extent the file was cut for. */
  extent: BBox;
  margin: number;
  /** `extent` grown by `margin`: every polygon part meeting this box is in the file. */
  covers: BBox;
}

/** Whether a file cut for `meta.covers` holds every part near `extent` (grown the same way). */
export function basemapCovers(meta: BasemapMeta, extent: BBox, margin = BASEMAP_MARGIN): boolean {
  const [w, s, e, n] = extent;
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  const eps = 1e-9;
  const [cw, cs, ce, cn] = meta.covers;
  return w - dx >= cw - eps && s - dy >= cs - eps && e + dx <= ce + eps && n + dy <= cn + eps;
}
