// Deserts drawn as a thick dashed outline over the choropleth (pattern, not colour), and the
// what-if services of the scenario shown as rings. The container gets `data-desert-count`
// (features given) and `data-desert-drawn` (distinct units MapLibre reports in the source).
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { DESERT_OUTLINE } from '../../core/views/gaps';

const SRC = 'gaps-deserts';
const NEW_SRC = 'gaps-new-services';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Props {
  map: maplibregl.Map;
  units: FeatureCollection<Geometry, { unit_id: string }>;
  deserts: readonly string[];
  added: FeatureCollection<Point, { id: string }>;
}

export function DesertLayer({ map, units, deserts, added }: Props) {
  const data = useMemo<FeatureCollection<Geometry, { unit_id: string }>>(() => {
    const set = new Set(deserts);
    return { type: 'FeatureCollection', features: units.features.filter((f) => set.has(f.properties.unit_id)) };
  }, [units, deserts]);

  useEffect(() => {
    map.addSource(SRC, { type: 'geojson', data: EMPTY });
    map.addSource(NEW_SRC, { type: 'geojson', data: EMPTY });
    map.addLayer({ id: 'gaps-deserts-halo', type: 'line', source: SRC, paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.9 } });
    map.addLayer({
      id: 'gaps-deserts-line',
      type: 'line',
      source: SRC,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': DESERT_OUTLINE, 'line-width': 3, 'line-dasharray': [2, 1.2] },
    });
    map.addLayer({
      id: 'gaps-new-services',
      type: 'circle',
      source: NEW_SRC,
      paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-stroke-color': '#b3005e', 'circle-stroke-width': 3 },
    });
    const el = map.getContainer();
    const onIdle = () => {
      if (!map.getSource(SRC) || !map.isSourceLoaded(SRC)) return;
      const ids = new Set(map.querySourceFeatures(SRC).map((f) => String(f.properties['unit_id'])));
      el.setAttribute('data-desert-drawn', String(ids.size));
    };
    map.on('idle', onIdle);
    return () => {
      map.off('idle', onIdle);
      if (!map.getStyle()) return;
      for (const id of ['gaps-new-services', 'gaps-deserts-line', 'gaps-deserts-halo']) if (map.getLayer(id)) map.removeLayer(id);
      for (const id of [NEW_SRC, SRC]) if (map.getSource(id)) map.removeSource(id);
      el.removeAttribute('data-desert-count');
      el.removeAttribute('data-desert-drawn');
    };
  }, [map]);

  useEffect(() => {
    const src = map.getSource(SRC) as maplibregl.GeoJSONSource | undefined;
    src?.setData(data);
    map.getContainer().setAttribute('data-desert-count', String(data.features.length));
    map.getContainer().removeAttribute('data-desert-drawn');
    map.triggerRepaint();
  }, [map, data]);

  useEffect(() => {
    (map.getSource(NEW_SRC) as maplibregl.GeoJSONSource | undefined)?.setData(added);
  }, [map, added]);

  return null;
}
