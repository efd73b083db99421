// What the map must write to show a view. Colours and muting are feature-state on the units:
// only what differs from what is already written (a map draws a change of feature-state by
// rewriting the paint of every changed feature in every tile, so a new selection must not
// repaint a national layer of 10,000 units). The hovered, focused and selected units are
// outlined from a small collection of their own, drawn at every zoom.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapUnit } from './map';

/** The feature-state of one unit on the map. */
export interface UnitPaint {
  color: string;
  muted: boolean;
}

/** The units of `view` whose paint differs from `written`, in the view's order. */
export function paintChanges(written: ReadonlyMap<string, UnitPaint>, view: { units: readonly Pick<MapUnit, 'id' | 'color' | 'inFocus'>[] }): [string, UnitPaint][] {
  const out: [string, UnitPaint][] = [];
  for (const u of view.units) {
    const next: UnitPaint = { color: u.color, muted: !u.inFocus };
    const was = written.get(u.id);
    if (!was || was.color !== next.color || was.muted !== next.muted) out.push([u.id, next]);
  }
  return out;
}

export type HighlightKind = 'hover' | 'focus' | 'selected';
type UnitFeatures = FeatureCollection<Geometry, { unit_id: string }>;
export type HighlightFeatures = FeatureCollection<Geometry, { unit_id: string; kind: HighlightKind }>;

const indexes = new WeakMap<UnitFeatures, Map<string, Feature<Geometry, { unit_id: string }>>>();
function featureIndex(units: UnitFeatures): Map<string, Feature<Geometry, { unit_id: string }>> {
  let index = indexes.get(units);
  if (!index) {
    index = new Map(units.features.map((f) => [f.properties.unit_id, f]));
    indexes.set(units, index);
  }
  return index;
}

/** The outlines of the hovered, focused and selected units, in drawing order (selected on top). */
export function highlightFeatures(units: UnitFeatures, ids: Readonly<Record<HighlightKind, string | null>>): HighlightFeatures {
  const index = featureIndex(units);
  const features: HighlightFeatures['features'] = [];
  for (const kind of ['hover', 'focus', 'selected'] as const) {
    const id = ids[kind];
    const f = id === null ? undefined : index.get(id);
    if (f) features.push({ type: 'Feature', geometry: f.geometry, properties: { unit_id: f.properties.unit_id, kind } });
  }
  return { type: 'FeatureCollection', features };
}
