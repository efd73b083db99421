// GeoJSON / TopoJSON → Unit[]. Properties named differently (Natural Earth, geoBoundaries,
// GADM, national GIS offices) are mapped onto unit_id / name / level / parent_id; geometry is
// checked, repaired or reported (geo-check.ts), projected coordinates are detected and declared
// CRSs reprojected (crs.ts).
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Unit, UnitGeometry } from '../model';
import { isUnitLevel, type UnitLevel } from '../keys';
import { checkGeometry, geoStatsIssues, newGeoStats } from './geo-check';
import { prepareCrs } from './crs';
import { issue } from './issues';
import { isRecord, normKey, own, ownKeys, text } from './props';
import { DEFAULT_LIMITS, type ImportIssue, type Limits } from './types';
import { topologyPositions } from './topo-size';
import { append } from './append';

export interface GeoReadResult {
  units: Unit[];
  issues: ImportIssue[];
  /** Property names seen, as written. */
  columns: string[];
  rows: number;
}

/** Candidate property names (normalised) for each unit field, in order of preference. */
export const PROPERTY_CANDIDATES: Record<'unit_id' | 'name' | 'level' | 'parent_id', readonly string[]> = {
  unit_id: ['unit_id', 'id', 'code', 'kod', 'kodi', 'shapeid', 'lau_code', 'lau_id', 'nuts_id', 'iso_3166_2', 'code_hasc', 'hasc', 'gid_2', 'gid_1', 'adm2_pcode', 'adm1_pcode', 'adm3_pcode', 'fid'],
  name: ['name', 'unit_name', 'shapename', 'name_latn', 'name_en', 'name_sq', 'name_mk', 'emri', 'naziv', 'ime', 'adm2_en', 'adm1_en', 'adm3_en', 'name_2', 'name_1', 'nam'],
  level: ['level', 'shapetype', 'type_en', 'type', 'engtype_2', 'engtype_1'],
  parent_id: ['parent_id', 'parent', 'parent_code', 'region_id', 'region_code', 'qark_id', 'gid_1'],
};

const LEVEL_WORDS: Record<string, UnitLevel> = Object.assign(Object.create(null) as Record<string, UnitLevel>, {
  adm0: 'country', state: 'country', drzava: 'country', shteti: 'country',
  adm1: 'region', qark: 'region', qarku: 'region', prefecture: 'region', district: 'region', rajon: 'region', regjion: 'region', regjioni: 'region', region: 'region', planning_region: 'region', statistical_region: 'region', регион: 'region', плански_регион: 'region',
  adm2: 'municipality', municipality: 'municipality', municipal: 'municipality', komuna: 'municipality', bashkia: 'municipality', bashki: 'municipality', opstina: 'municipality', opština: 'municipality', општина: 'municipality', obcina: 'municipality', commune: 'municipality',
  adm3: 'admin_unit', njesi_administrative: 'admin_unit', njësi_administrative: 'admin_unit', administrative_unit: 'admin_unit',
  settlement: 'settlement', village: 'settlement', fshat: 'settlement', naselba: 'settlement', населено_место: 'settlement', city: 'settlement', town: 'settlement',
});

export function levelOf(raw: string): UnitLevel | null {
  const k = normKey(raw);
  if (isUnitLevel(k)) return k;
  return LEVEL_WORDS[k] ?? null;
}

function pick(props: unknown, keys: readonly string[], byNorm: Map<string, string>): { value: string; from: string } | null {
  for (const k of keys) {
    const actual = byNorm.get(k);
    if (actual === undefined) continue;
    const v = text(own(props, actual));
    if (v !== '') return { value: v, from: actual };
  }
  return null;
}

/** Positions nested at any depth; false when something is not a number pair. */
function countPositions(coords: unknown, depth = 0): number {
  if (!Array.isArray(coords) || depth > 6) return -1;
  if (coords.length >= 2 && typeof coords[0] === 'number') return 1;
  let n = 0;
  for (const c of coords) {
    const k = countPositions(c, depth + 1);
    if (k < 0) return -1;
    n += k;
  }
  return n;
}

interface RawFeature {
  props: unknown;
  geometry: unknown;
  id: unknown;
}

function featuresOf(value: unknown, issues: ImportIssue[]): RawFeature[] | null {
  const type = own(value, 'type');
  if (type === 'FeatureCollection') {
    const fs = own(value, 'features');
    if (!Array.isArray(fs)) {
      issues.push(issue('geojson_invalid', null, 'features', { detail: 'features' }));
      return null;
    }
    return fs.map((f: unknown) => ({ props: own(f, 'properties'), geometry: own(f, 'geometry'), id: own(f, 'id') }));
  }
  if (type === 'Feature') return [{ props: own(value, 'properties'), geometry: own(value, 'geometry'), id: own(value, 'id') }];
  issues.push(issue('geojson_invalid', null, null, { detail: typeof type === 'string' ? type.slice(0, 40) : 'type' }));
  return null;
}

/** TopoJSON → GeoJSON FeatureCollection of all its objects (refused when it would expand to
 *  more than `maxVertices` positions: shared arcs multiply). */
export function topologyToGeoJson(value: unknown, issues: ImportIssue[], maxVertices = DEFAULT_LIMITS.maxVertices): unknown {
  const objects = own(value, 'objects');
  if (own(value, 'type') !== 'Topology' || !isRecord(objects) || !Array.isArray(own(value, 'arcs'))) {
    issues.push(issue('topojson_invalid', null, null, { detail: 'Topology' }));
    return null;
  }
  const positions = topologyPositions(value, maxVertices);
  if (positions > maxVertices) {
    issues.push(issue('too_many_vertices', null, null, { count: positions, limit: maxVertices }));
    return null;
  }
  const features: unknown[] = [];
  // every own key, also one named `__proto__` or `constructor`: the object is taken with own()
  // and handed over itself, so its name is never used to index anything
  for (const name of Object.keys(objects)) {
    const object = own(objects, name);
    try {
      if (!isRecord(object)) throw new Error('not an object');
      const fc: unknown = topoFeature(value as unknown as Topology, object as unknown as Parameters<typeof topoFeature>[1]);
      const list = own(fc, 'features');
      if (Array.isArray(list)) append(features, list as unknown[]);
      else features.push(fc);
    } catch (err) {
      issues.push(issue('topojson_invalid', null, name, { detail: String(err).slice(0, 120) }));
    }
  }
  return { type: 'FeatureCollection', features };
}

export interface GeoOptions {
  limits: Limits;
  /** EPSG code to assume when the file declares none. */
  crs?: number;
}

/** GeoJSON (already parsed) → units. Never throws. */
export function readUnitsGeoJson(value: unknown, opts: GeoOptions): GeoReadResult {
  const issues: ImportIssue[] = [];
  const feats = featuresOf(value, issues);
  if (!feats) return { units: [], issues, columns: [], rows: 0 };

  const vertices = feats.reduce((n, f) => n + Math.max(0, countPositions(own(f.geometry, 'coordinates'))), 0);
  if (vertices > opts.limits.maxVertices) {
    issues.push(issue('too_many_vertices', null, null, { count: vertices, limit: opts.limits.maxVertices }));
    return { units: [], issues, columns: [], rows: feats.length };
  }
  const project = prepareCrs(value, feats.map((f) => f.geometry), opts.crs, issues);

  const columnSet = new Set<string>();
  for (const f of feats) for (const k of ownKeys(f.props)) columnSet.add(k);
  const columns = [...columnSet];
  const byNorm = new Map<string, string>();
  for (const c of columns) if (!byNorm.has(normKey(c))) byNorm.set(normKey(c), c);
  const mapped = new Map<string, string>();

  const units: Unit[] = [];
  const seen = new Map<string, number>();
  const stats = newGeoStats();
  let levelMissing = 0;
  feats.forEach((f, i) => {
    const row = i + 1;
    const idP = pick(f.props, PROPERTY_CANDIDATES.unit_id, byNorm);
    const fid = text(f.id);
    const id = idP?.value ?? fid;
    if (idP && normKey(idP.from) !== 'unit_id') mapped.set('unit_id', idP.from);
    if (!idP && fid) mapped.set('unit_id', 'id');
    const nameP = pick(f.props, PROPERTY_CANDIDATES.name, byNorm);
    if (nameP && normKey(nameP.from) !== 'name') mapped.set('name', nameP.from);
    if (id === '') {
      issues.push(issue('unit_id_missing', row, 'unit_id'));
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push(issue('unit_id_duplicate', row, 'unit_id', { id, first }));
      return;
    }
    seen.set(id, row);
    if (!nameP) issues.push(issue('unit_name_missing', row, 'name', { id }));
    const levelP = pick(f.props, PROPERTY_CANDIDATES.level, byNorm);
    let level: UnitLevel = 'municipality';
    if (levelP) {
      const l = levelOf(levelP.value);
      if (l) level = l;
      else issues.push(issue('unit_level_invalid', row, levelP.from, { value: levelP.value }, 'warning'));
      if (normKey(levelP.from) !== 'level') mapped.set('level', levelP.from);
    } else {
      levelMissing++;
    }
    const parentP = pick(f.props, PROPERTY_CANDIDATES.parent_id, byNorm);
    if (parentP && normKey(parentP.from) !== 'parent_id') mapped.set('parent_id', parentP.from);
    const names: Unit['names'] = {};
    for (const lang of ['sq', 'mk', 'en'] as const) {
      const v = text(own(f.props, byNorm.get(`name_${lang}`) ?? `name_${lang}`));
      if (v) names[lang] = v;
    }
    const aliasRaw = text(own(f.props, byNorm.get('name_alt') ?? 'name_alt'));
    const aliases = aliasRaw ? aliasRaw.split('|').map((s) => s.trim()).filter(Boolean) : [];
    const geometry: UnitGeometry | null = checkGeometry(f.geometry, row, level, project, stats, issues);
    units.push({ id, name: nameP?.value ?? id, names, level, parentId: parentP?.value || null, aliases, geometry });
  });
  for (const [to, from] of mapped) issues.push(issue('properties_mapped', null, from, { to, from }));
  if (levelMissing > 0) {
    issues.push(issue('unit_level_invalid', null, 'level', { value: '', assumed: 'municipality', count: levelMissing }, 'warning'));
  }
  append(issues, geoStatsIssues(stats));
  return { units, issues, columns, rows: feats.length };
}

/** Regions named as parents but not given: derived (geometry null, the app unions children). */
export function deriveMissingParents(units: Unit[], issues: ImportIssue[]): Unit[] {
  const ids = new Set(units.map((u) => u.id));
  const added: Unit[] = [];
  for (const u of units) {
    if (!u.parentId || ids.has(u.parentId)) continue;
    ids.add(u.parentId);
    const level: UnitLevel = u.level === 'settlement' ? 'municipality' : u.level === 'admin_unit' ? 'municipality' : u.level === 'region' ? 'country' : 'region';
    added.push({ id: u.parentId, name: u.parentId, names: {}, level, parentId: null, aliases: [], geometry: null });
    issues.push(issue('region_derived', null, 'parent_id', { id: u.parentId, level }));
  }
  return added;
}
