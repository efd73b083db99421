// Country outlines shipped with the app (Natural Earth 1:50m via the world-atlas package, ISC;
// Natural Earth is public domain). Loaded from our own origin, after the data.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { featuresNear } from '../core/geo/clip';
import type { BBox } from '../core/geo/labels';

let cache: Promise<FeatureCollection> | null = null;
/** The countries around `extent` (all of them when no extent is known). */
export function loadBasemap(extent: BBox | null = null): Promise<FeatureCollection> {
  cache ??= fetch(countriesUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topo) => feature(topo, topo.objects.countries) as FeatureCollection);
  return extent ? cache.then((fc) => featuresNear(fc, extent, 1.5)) : cache;
}
