// Services and unused capacities on the map. Points cluster when zoomed out (a cluster is a grey
// disc sized by its count; the count itself is React text over the map, as we ship no glyphs).
// Clicking a point opens its panel; clicking a cluster zooms in.
import type { FeatureCollection, Point } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { CAPACITY_COLOR, type ServiceFeatureProps } from '../../core/views/services';
import { circleOpacity, circleRadius, strokeColor, strokeWidth } from './styles';

const SVC = 'svc-points';
const CAP = 'svc-capacities';
const LAYERS = ['svc-clusters', 'svc-unit-ring', 'svc-mobile-ring', 'svc-points', 'svc-selected', 'svc-capacities'];
const CLICKABLE = ['svc-points', 'svc-clusters'];

interface Props {
  map: maplibregl.Map;
  points: FeatureCollection<Point, ServiceFeatureProps>;
  capacities: FeatureCollection<Point, { id: string }>;
  showCapacities: boolean;
  selected: string | null;
  lang: Lang;
  onSelect(id: string | null): void;
}

interface ClusterLabel {
  id: number;
  count: number;
  x: number;
  y: number;
}

export function ServiceLayers({ map, points, capacities, showCapacities, selected, lang, onSelect }: Props) {
  const [labels, setLabels] = useState<ClusterLabel[]>([]);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    map.addSource(SVC, { type: 'geojson', data: empty, cluster: true, clusterRadius: 36, clusterMaxZoom: 8 });
    map.addSource(CAP, { type: 'geojson', data: empty });
    const notCluster: maplibregl.FilterSpecification = ['!', ['has', 'point_count']];
    map.addLayer({
      id: 'svc-clusters',
      type: 'circle',
      source: SVC,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#4a5560',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 11, 10, 15, 30, 19],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: 'svc-unit-ring',
      type: 'circle',
      source: SVC,
      filter: ['all', notCluster, ['==', ['get', 'placed'], 'unit']],
      paint: { 'circle-radius': 10, 'circle-opacity': 0, 'circle-stroke-color': '#222222', 'circle-stroke-opacity': 0.7, 'circle-stroke-width': 1 },
    });
    map.addLayer({
      id: 'svc-mobile-ring',
      type: 'circle',
      source: SVC,
      filter: ['all', notCluster, ['==', ['get', 'status'], 'mobile']],
      paint: { 'circle-radius': 9, 'circle-opacity': 0, 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 2 },
    });
    map.addLayer({
      id: 'svc-points',
      type: 'circle',
      source: SVC,
      filter: notCluster,
      paint: {
        'circle-radius': circleRadius,
        'circle-color': ['get', 'color'],
        'circle-opacity': circleOpacity,
        'circle-stroke-color': strokeColor,
        'circle-stroke-width': strokeWidth,
      },
    });
    map.addLayer({
      id: 'svc-selected',
      type: 'circle',
      source: SVC,
      filter: ['==', ['get', 'id'], ''],
      paint: { 'circle-radius': 12, 'circle-opacity': 0, 'circle-stroke-color': '#d6336c', 'circle-stroke-width': 3 },
    });
    map.addLayer({
      id: 'svc-capacities',
      type: 'circle',
      source: CAP,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': CAPACITY_COLOR, 'circle-stroke-width': 3 },
    });

    const onClick = (e: maplibregl.MapMouseEvent) => {
      const f = map.queryRenderedFeatures(e.point, { layers: CLICKABLE })[0];
      if (!f) return;
      const clusterId = f.properties?.['cluster_id'];
      if (typeof clusterId === 'number') {
        const src = map.getSource(SVC) as maplibregl.GeoJSONSource | undefined;
        const center = (f.geometry as Point).coordinates as [number, number];
        void src?.getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom, duration: 300 }));
        return;
      }
      const id = f.properties?.['id'];
      if (typeof id === 'string') onSelectRef.current(id);
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    map.on('click', onClick);
    for (const l of CLICKABLE) {
      map.on('mouseenter', l, enter);
      map.on('mouseleave', l, leave);
    }

    // cluster counts as HTML over the map, following the camera
    let clusters: { id: number; count: number; lngLat: [number, number] }[] = [];
    const place = () =>
      setLabels(clusters.map((c) => {
        const p = map.project(c.lngLat);
        return { id: c.id, count: c.count, x: p.x, y: p.y };
      }));
    const refresh = () => {
      if (!map.getLayer('svc-clusters')) return;
      const seen = new Set<number>();
      clusters = [];
      for (const f of map.queryRenderedFeatures({ layers: ['svc-clusters'] })) {
        const id = f.properties?.['cluster_id'];
        const count = f.properties?.['point_count'];
        if (typeof id !== 'number' || typeof count !== 'number' || seen.has(id)) continue;
        seen.add(id);
        clusters.push({ id, count, lngLat: (f.geometry as Point).coordinates as [number, number] });
      }
      place();
    };
    map.on('move', place);
    map.on('idle', refresh);
    const el = map.getContainer();
    return () => {
      map.off('click', onClick);
      for (const l of CLICKABLE) {
        map.off('mouseenter', l, enter);
        map.off('mouseleave', l, leave);
      }
      map.off('move', place);
      map.off('idle', refresh);
      el.removeAttribute('data-services-count');
      if (!map.getStyle()) return;
      for (const id of [...LAYERS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
      for (const id of [SVC, CAP]) if (map.getSource(id)) map.removeSource(id);
    };
  }, [map]);

  useEffect(() => {
    (map.getSource(SVC) as maplibregl.GeoJSONSource | undefined)?.setData(points);
    map.getContainer().setAttribute('data-services-count', String(points.features.length));
  }, [map, points]);
  useEffect(() => {
    (map.getSource(CAP) as maplibregl.GeoJSONSource | undefined)?.setData(capacities);
  }, [map, capacities]);
  useEffect(() => {
    if (map.getLayer('svc-capacities')) map.setLayoutProperty('svc-capacities', 'visibility', showCapacities ? 'visible' : 'none');
  }, [map, showCapacities]);
  useEffect(() => {
    if (map.getLayer('svc-selected')) map.setFilter('svc-selected', ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], selected ?? '']]);
  }, [map, selected]);

  return (
    <div className="cluster-labels" aria-hidden="true">
      {labels.map((l) => (
        <span key={l.id} className="cluster-label" style={{ left: l.x, top: l.y }} title={t(lang, 'gapsui.svc.clusterLabel', { n: l.count })}>
          {l.count}
        </span>
      ))}
    </div>
  );
}
