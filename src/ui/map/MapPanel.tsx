// The map owns its camera: React passes the view-model and the focus extent, never centre or
// zoom per frame. Geometry is uploaded once per data set; a new indicator only updates
// feature-state.
import * as maplibregl from 'maplibre-gl';
import type { MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { FeatureCollection, Geometry } from 'geojson';
import type { BBox } from '../../core/geo/labels';
import type { MapUnit, MapView } from '../../core/views/map';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { basemapNow, loadBasemap, prefetchBasemap } from '../../io/basemap';
import { highlightFeatures } from '../../core/views/map-paint';
import { HIGHLIGHT, SOURCE, mapData, mapStyle } from './layers';
import { MapState } from './mapState';
import { Tooltip } from './Tooltip';
import { ErrorBoundary } from '../ErrorBoundary';

// MapLibre's worker ships as its own file, served from our origin. It is started as soon as
// this module is loaded (src/main.tsx loads the map page in parallel with the app and the
// data), so that it has loaded and compiled its code when the first map asks for tiles; the
// basemap is downloaded meanwhile too.
maplibregl.setWorkerUrl(workerUrl);
maplibregl.prewarm();
prefetchBasemap();

export interface MapGeometry {
  units: FeatureCollection<Geometry, { unit_id: string }>;
  regions: FeatureCollection<Geometry, { unit_id: string }>;
  labelPoints: Map<string, [number, number]>;
  regionLabels: { id: string; point: [number, number] }[];
  bounds: BBox | null;
  outlineMinZoom: number;
}

const FIT_PADDING = 24;

interface Props {
  geometry: MapGeometry;
  view: MapView;
  lang: Lang;
  focusBounds: BBox | null;
  onSelect(unitId: string | null): void;
  /** Extra layers drawn above the choropleth (services, deserts …). */
  children?: (map: maplibregl.Map) => React.ReactNode;
}

/**
 * The map in its own error boundary: where MapLibre cannot start (no WebGL2: old machines,
 * hardware acceleration switched off by policy) or fails later, the panel says so and the
 * table, details and the rest of the page keep working.
 */
export function MapPanel(props: Props) {
  return (
    <ErrorBoundary name={t(props.lang, 'nav.map')} lang={props.lang}>
      <MapPanelInner {...props} />
    </ErrorBoundary>
  );
}

function MapPanelInner({ geometry, view, lang, focusBounds, onSelect, children }: Props) {
  const container = useRef<HTMLDivElement>(null);
  // The map belongs to the geometry it was made for: after a data change the old (removed) map
  // is never painted on while the new one loads.
  const [mapState, setMapState] = useState<{ m: maplibregl.Map; g: MapGeometry } | null>(null);
  const map = mapState && mapState.g === geometry ? mapState.m : null;
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  /** What the live region last said about a selection made with the keyboard. */
  const [said, setSaid] = useState('');
  const [, setCameraTick] = useState(0);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  // The latest props, for the map's own event handlers (set before the effects below run).
  const wanted = useRef({ view, focusBounds });
  useEffect(() => {
    wanted.current = { view, focusBounds };
  });
  /** The feature-state of the current map. */
  const shown = useRef<MapState | null>(null);
  /** The extent the camera was last fitted to, per map. */
  const fitted = useRef<{ m: maplibregl.Map | null; key: string }>({ m: null, key: '' });

  // Create the map once per geometry; dispose on unmount (per-instance state, no singletons).
  // Units, region outlines and basemap are one source in the first style (see mapData): the
  // worker tiles them at once and the first frame with data draws everything. The basemap has
  // almost always been downloaded by now (this module started it); if not, it is added when
  // it comes, and the map is drawn without it if it cannot be had.
  useEffect(() => {
    if (!container.current) return;
    const early = basemapNow(geometry.bounds);
    const bounds = wanted.current.focusBounds ?? geometry.bounds;
    const m = new maplibregl.Map({
      container: container.current,
      style: mapStyle(mapData(geometry.units, geometry.regions, early ?? null), geometry.outlineMinZoom),
      bounds: bounds ?? undefined,
      fitBoundsOptions: { padding: FIT_PADDING },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      keyboard: false,
    });
    m.touchZoomRotate.disableRotation();
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // The basemap: 'pending' until its data is on the map ('set') or could not be had ('none').
    let basemap: 'pending' | 'set' | 'none' = early ? 'set' : 'pending';
    let late: FeatureCollection | null = null;
    let live = true;
    const setBasemap = () => {
      const src = live && late && m.getStyle() ? m.getSource<maplibregl.GeoJSONSource>(SOURCE) : undefined;
      if (!src || !late) return;
      void src.setData(mapData(geometry.units, geometry.regions, late));
      basemap = 'set';
    };
    fitted.current = { m, key: bounds?.join(',') ?? '' };
    const state = new MapState(m);
    m.on('style.load', () => {
      // the view's colours before any tile is drawn: the first frame with data is the final one
      state.show(wanted.current.view, true);
      shown.current = state;
      setMapState({ m, g: geometry });
      setBasemap();
    });
    if (!early) {
      loadBasemap(geometry.bounds).then(
        (fc) => {
          late = fc;
          setBasemap();
        },
        () => {
          basemap = 'none'; // the map works without the outlines around it
          if (live && m.getStyle()) m.triggerRepaint();
        },
      );
    }
    m.on('mousemove', 'units-fill', (e: MapMouseEvent & { features?: maplibregl.MapGeoJSONFeature[] }) => {
      const id = e.features?.[0]?.properties?.['unit_id'];
      if (typeof id !== 'string') return;
      m.getCanvas().style.cursor = 'pointer';
      setHover({ id, x: e.point.x, y: e.point.y });
    });
    m.on('mouseleave', 'units-fill', () => {
      m.getCanvas().style.cursor = '';
      setHover(null);
    });
    m.on('click', (e: MapMouseEvent) => {
      const f = m.queryRenderedFeatures(e.point, { layers: ['units-fill'] })[0];
      const id = f?.properties?.['unit_id'];
      onSelectRef.current(typeof id === 'string' ? id : null);
    });
    m.on('moveend', () => {
      container.current?.setAttribute('data-zoom', m.getZoom().toFixed(2));
      setCameraTick((n) => n + 1);
    });
    // Hooks for tests and the benchmark: the map has been drawn completely at least once —
    // the choropleth in the view's colours, the outlines and the basemap (idle: every tile of
    // every source is loaded and nothing is left to draw); and the units outlined now.
    m.on('idle', () => {
      const done = shown.current === state && !state.pending && basemap !== 'pending' && m.getSource(SOURCE) !== undefined && m.isSourceLoaded(SOURCE);
      if (done) container.current?.setAttribute('data-drawn', 'true');
      // what the outline layer draws, as `kind:unit` (hover, focus, selected)
      if (m.getSource(HIGHLIGHT) && m.isSourceLoaded(HIGHLIGHT)) {
        const drawn = m.querySourceFeatures(HIGHLIGHT).map((f) => `${String(f.properties['kind'])}:${String(f.properties['unit_id'])}`);
        container.current?.setAttribute('data-outlined', [...new Set(drawn)].sort().join(' '));
      }
    });
    return () => {
      live = false;
      state.dispose();
      setMapState(null);
      m.remove();
    };
  }, [geometry]);

  // Paint the view-model through feature-state (what changed since the map last showed it).
  useEffect(() => {
    if (map && shown.current?.map === map) shown.current.show(view);
  }, [map, view]);

  // Outline the hovered, focused and selected units.
  const hoverId = hover?.id ?? null;
  const selectedId = view.selected?.id ?? null;
  useEffect(() => {
    map?.getSource<maplibregl.GeoJSONSource>(HIGHLIGHT)?.setData(highlightFeatures(geometry.units, { hover: hoverId, focus: focusId, selected: selectedId }));
  }, [map, geometry, hoverId, focusId, selectedId]);

  // App-initiated camera moves only when the focus extent changes.
  const boundsKey = focusBounds?.join(',') ?? '';
  useEffect(() => {
    if (!map || !focusBounds) return;
    if (fitted.current.m === map && fitted.current.key === boundsKey) return;
    map.fitBounds(focusBounds, { padding: FIT_PADDING, duration: 0 });
    fitted.current = { m: map, key: boundsKey };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, boundsKey]);

  // Keyboard: arrows move the focus between units in table order, Home/End to the ends,
  // Enter selects (and says so).
  const order: MapUnit[] = view.tableUnits;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (order.length === 0) return;
    const i = focusId ? order.findIndex((u) => u.id === focusId) : -1;
    const to = (u: MapUnit | undefined) => {
      setFocusId(u?.id ?? null);
      setSaid('');
      e.preventDefault();
    };
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      to(order[(i + 1) % order.length]);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      to(order[(i - 1 + order.length) % order.length]);
    } else if (e.key === 'Home') {
      to(order[0]);
    } else if (e.key === 'End') {
      to(order[order.length - 1]);
    } else if ((e.key === 'Enter' || e.key === ' ') && focusId) {
      onSelect(focusId);
      const u = order[i];
      if (u) setSaid(t(lang, 'embed.announce', { name: u.name, value: u.valueLabel }));
      e.preventDefault();
    } else if (e.key === 'Escape') {
      setFocusId(null);
      onSelect(null);
    }
  };

  const byId = useMemo(() => new Map(view.units.map((u) => [u.id, u])), [view.units]);
  let tip: { unit: MapUnit; x: number; y: number } | null = null;
  if (hover && byId.get(hover.id)) tip = { unit: byId.get(hover.id) as MapUnit, x: hover.x, y: hover.y };
  else if (focusId && map && byId.get(focusId)) {
    const p = geometry.labelPoints.get(focusId);
    if (p) {
      const px = map.project(p);
      tip = { unit: byId.get(focusId) as MapUnit, x: px.x, y: px.y };
    }
  }
  const focused = focusId ? byId.get(focusId) : undefined;

  return (
    <div className="map-wrap">
      <div
        ref={container}
        className="map"
        data-testid="map"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label={t(lang, 'map.label', { indicator: view.indicatorLabel, level: view.level ? t(lang, `level.${view.level}`) : '' })}
        aria-describedby="map-keyboard-help"
        onKeyDown={onKeyDown}
        onBlur={() => setFocusId(null)}
      />
      <p id="map-keyboard-help" className="sr-only">{t(lang, 'map.keyboardHelp')}</p>
      <div className="sr-only" aria-live="polite">
        {said || (focused ? t(lang, 'map.announceSelected', { name: focused.name, value: focused.valueLabel }) : '')}
      </div>
      {tip && <Tooltip unit={tip.unit} x={tip.x} y={tip.y} view={view} lang={lang} />}
      {map && <RegionLabels map={map} labels={geometry.regionLabels} view={view} />}
      {map && children?.(map)}
    </div>
  );
}

function RegionLabels({ map, labels, view }: { map: maplibregl.Map; labels: MapGeometry['regionLabels']; view: MapView }) {
  // The labels' elements exist from the first render (the names are portalled into them at
  // once); the effect only places them on the map as markers.
  const els = useMemo(
    () =>
      new Map(
        labels.map(({ id }) => {
          const el = document.createElement('div');
          el.className = 'region-label';
          return [id, el] as const;
        }),
      ),
    [labels],
  );
  useEffect(() => {
    const markers = labels.map(({ id, point }) => {
      const el = els.get(id);
      return el ? new maplibregl.Marker({ element: el }).setLngLat(point).addTo(map) : null;
    });
    return () => markers.forEach((mk) => mk?.remove());
  }, [map, labels, els]);
  const names = new Map(view.regions.map((r) => [r.id, r.name]));
  return (
    <>
      {labels.map(({ id }) => {
        const el = els.get(id);
        return el ? createPortal(<span aria-hidden="true" className={id === view.regionId ? 'active' : ''}>{names.get(id) ?? id}</span>, el, id) : null;
      })}
    </>
  );
}

