// Country outlines shipped with the app (Natural Earth 1:50m via the world-atlas package, ISC;
// Natural Earth is public domain). Loaded from our own origin, after the data.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';

let cache: Promise<FeatureCollection> | null = null;
export function loadBasemap(): Promise<FeatureCollection> {
  cache ??= fetch(countriesUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topo) => feature(topo, topo.objects.countries) as FeatureCollection);
  return cache;
}
