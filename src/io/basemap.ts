// Country outlines shipped with the app (Natural Earth 1:50m via the world-atlas package, ISC;
// Natural Earth is public domain), loaded from our own origin. For the bundled data a prebuilt
// cut of it (data/basemap/, scripts/build-basemap.ts: 8 KB gzipped instead of 229 KB) is
// enough; other packages get the parts of the world file near their data.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import worldUrl from 'world-atlas/countries-50m.json?url';
import regionalUrl from '../../data/basemap/mk-countries-50m.json?url';
import { BASEMAP_MARGIN, basemapCovers, type BasemapMeta } from '../core/geo/basemap-meta';
import type { BBox } from '../core/geo/labels';
import { partsNear } from '../core/geo/near';

type Countries = Topology<{ countries: GeometryCollection }> & { meta?: BasemapMeta };

// One download per file and page (a failed one is tried again next time).
const files = new Map<string, Promise<Countries>>();
const here = new Map<string, Countries>();
function file(url: string): Promise<Countries> {
  let p = files.get(url);
  if (!p) {
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      const topo = (await r.json()) as Countries;
      here.set(url, topo);
      return topo;
    });
    p.catch(() => files.delete(url));
    files.set(url, p);
  }
  return p;
}

const regionalCovers = (topo: Countries | undefined, extent: BBox | null): topo is Countries =>
  !!topo?.meta && !!extent && basemapCovers(topo.meta, extent);

/** Starts downloading the bundled region's basemap (most loads need it: the default data). */
export function prefetchBasemap(): void {
  file(regionalUrl).catch(() => undefined);
}

/**
 * The countries around `extent` now, without waiting, when the bundled region's file covers it
 * and has been downloaded already (prefetchBasemap); otherwise undefined (use loadBasemap).
 */
export function basemapNow(extent: BBox | null): FeatureCollection | undefined {
  const regional = here.get(regionalUrl);
  return regionalCovers(regional, extent) ? feature(regional, regional.objects.countries) : undefined;
}

/** The countries around `extent` (all of them when no extent is known). */
export async function loadBasemap(extent: BBox | null = null): Promise<FeatureCollection> {
  if (extent) {
    const regional = await file(regionalUrl).catch(() => undefined);
    if (regionalCovers(regional, extent)) return feature(regional, regional.objects.countries);
  }
  const world = await file(worldUrl);
  const all = feature(world, world.objects.countries);
  return extent ? partsNear(all, extent, BASEMAP_MARGIN) : all;
}
