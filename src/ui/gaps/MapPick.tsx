// While picking, the next click on the map gives a point (and the unit under it) to the form.
import type * as maplibregl from 'maplibre-gl';
import { useEffect, useRef } from 'react';

export function MapPick({ map, active, onPick }: { map: maplibregl.Map; active: boolean; onPick(p: { lat: number; lon: number; unitId: string | null }): void }) {
  const cb = useRef(onPick);
  useEffect(() => {
    cb.current = onPick;
  }, [onPick]);
  useEffect(() => {
    if (!active) return;
    const canvas = map.getCanvas();
    canvas.style.cursor = 'crosshair';
    const onClick = (e: maplibregl.MapMouseEvent) => {
      const f = map.queryRenderedFeatures(e.point, { layers: ['units-fill'] })[0];
      const id = f?.properties?.['unit_id'];
      cb.current({ lat: e.lngLat.lat, lon: e.lngLat.lng, unitId: typeof id === 'string' ? id : null });
    };
    map.once('click', onClick);
    return () => {
      map.off('click', onClick);
      canvas.style.cursor = '';
    };
  }, [map, active]);
  return null;
}
