// State → view-model for the services view: services as map points (by coordinates, else at
// their unit's label point), coloured by service group and styled by status, filters, legend,
// the per-service panel and the unused capacities (Form 1, 4.2). No DOM, no MapLibre.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { unitName, type Dataset } from '../dataset';
import { buildPolygonIndex } from '../geo/points';
import { labelPoint } from '../geo/labels';
import { formatNumber, hasKey, t } from '../i18n';
import { isServiceKey, SERVICE_GROUP_OF, SERVICE_GROUPS, SERVICE_STATUSES, type Lang, type ServiceGroup } from '../keys';
import { isIllustrative, type Service } from '../model';
import { restParam, withRestParam, type ViewState } from '../url';
import type { Option } from './gaps';
import type { MapUnit, MapView } from './map';

/** Paul Tol's "muted" qualitative scheme: 9 colours distinguishable with colour-vision deficiency. */
export const GROUP_COLORS: Record<ServiceGroup, string> = {
  prevention: '#CC6677',
  information: '#332288',
  professional_help: '#DDCC77',
  counselling: '#117733',
  home: '#88CCEE',
  community_day: '#882255',
  community_temporary: '#44AA99',
  out_of_family: '#999933',
  other: '#AA4499',
};
export const CLOSED_COLOR = '#9e9e9e';
export const CAPACITY_COLOR = '#222222';

export const groupOf = (service: string): ServiceGroup => (isServiceKey(service) ? SERVICE_GROUP_OF[service] : 'other');

export interface ServiceFilters {
  service: string | null;
  category: string | null;
  provider: string | null;
  status: string | null;
}
const FILTER_PARAMS: Record<keyof ServiceFilters, string> = { service: 'sf_service', category: 'sf_category', provider: 'sf_provider', status: 'sf_status' };
const KEY = /^[A-Za-z0-9_-]{1,64}$/;

export function readServiceFilters(state: ViewState): ServiceFilters {
  const get = (k: keyof ServiceFilters) => {
    const v = restParam(state, FILTER_PARAMS[k]);
    return v && KEY.test(v) ? v : null;
  };
  return { service: get('service'), category: get('category'), provider: get('provider'), status: get('status') };
}

export function withServiceFilters(state: ViewState, patch: Partial<ServiceFilters>): ViewState {
  let s = state;
  for (const k of Object.keys(patch) as (keyof ServiceFilters)[]) s = withRestParam(s, FILTER_PARAMS[k], patch[k] ?? null);
  return s;
}

// ---------------------------------------------------------------- placing, once per data set

export interface PlacedService {
  service: Service;
  /** Where it is drawn: its coordinates, or its unit's label point (spread around it). */
  placed: 'point' | 'unit' | 'none';
  lon: number | null;
  lat: number | null;
  /** The unit it stands in (given, or found from its coordinates). */
  unitId: string | null;
  /** Planning regions it stands in or serves. */
  regionIds: string[];
}

export interface ServiceIndex {
  services: PlacedService[];
  byId: Map<string, PlacedService>;
}

/** Spread n markers around a point (≈1 km apart) so services of one unit do not hide each other. */
export function spread(point: [number, number], i: number, n: number): [number, number] {
  if (n <= 1) return point;
  const ring = Math.floor(i / 8) + 1;
  const inRing = Math.min(8, n - (ring - 1) * 8);
  const a = (2 * Math.PI * (i % 8)) / inRing;
  const r = 0.012 * ring;
  return [point[0] + (r * Math.cos(a)) / Math.cos((point[1] * Math.PI) / 180), point[1] + r * Math.sin(a)];
}

export function indexServices(ds: Dataset, services: readonly Service[], labelPoints: ReadonlyMap<string, [number, number]>): ServiceIndex {
  const h = ds.hierarchy;
  const leafLevel = ds.mapLevel;
  const polys = leafLevel ? h.atLevel(leafLevel).filter((u) => u.geometry) : [];
  const locate = buildPolygonIndex(polys.map((u) => ({ id: u.id, geometry: u.geometry })));
  const pointOf = (id: string): [number, number] | null => {
    const p = labelPoints.get(id);
    if (p) return p;
    const g = h.get(id)?.geometry;
    return g ? labelPoint(g) : null;
  };
  const regionOf = (id: string | null) => (id ? (h.ancestorAt(id, 'region')?.id ?? null) : null);
  const atUnit = new Map<string, number>();
  const out: PlacedService[] = services.map((s) => {
    const hasPoint = s.lat !== null && s.lon !== null && Number.isFinite(s.lat) && Number.isFinite(s.lon);
    let unitId = s.unitId && h.get(s.unitId) ? s.unitId : null;
    if (!unitId && hasPoint) {
      const k = locate.locate(s.lon ?? 0, s.lat ?? 0);
      unitId = k >= 0 ? (locate.ids[k] ?? null) : null;
    }
    const regionIds = [...new Set([regionOf(unitId), ...s.serves.map((id) => regionOf(id))].filter((r): r is string => !!r))];
    if (hasPoint) return { service: s, placed: 'point', lon: s.lon, lat: s.lat, unitId, regionIds };
    if (unitId && pointOf(unitId)) {
      atUnit.set(unitId, (atUnit.get(unitId) ?? 0) + 1);
      return { service: s, placed: 'unit', lon: null, lat: null, unitId, regionIds };
    }
    return { service: s, placed: 'none', lon: null, lat: null, unitId, regionIds };
  });
  const seen = new Map<string, number>();
  for (const p of out) {
    if (p.placed !== 'unit' || !p.unitId) continue;
    const i = seen.get(p.unitId) ?? 0;
    seen.set(p.unitId, i + 1);
    const base = pointOf(p.unitId);
    if (!base) continue;
    [p.lon, p.lat] = spread(base, i, atUnit.get(p.unitId) ?? 1);
  }
  return { services: out, byId: new Map(out.map((p) => [p.service.id, p])) };
}

// ---------------------------------------------------------------- the view

export interface ServiceFeatureProps {
  id: string;
  color: string;
  status: string;
  placed: 'point' | 'unit';
}

export interface ServiceListItem {
  id: string;
  name: string;
  serviceLabel: string;
  group: ServiceGroup;
  color: string;
  status: string;
  statusLabel: string;
  unitName: string;
  capacityLabel: string;
  placed: PlacedService['placed'];
  illustrative: boolean;
}

export interface CapacityItem {
  id: string;
  unitName: string;
  kindLabel: string;
  description: string;
  sizeLabel: string;
  illustrative: boolean;
  placed: boolean;
}

export interface ServicesView {
  filters: ServiceFilters;
  options: { services: Option[]; categories: Option[]; providers: Option[]; statuses: Option[] };
  points: FeatureCollection<Point, ServiceFeatureProps>;
  list: ServiceListItem[];
  total: number;
  legend: { group: ServiceGroup; label: string; color: string; count: number }[];
  statuses: { status: string; label: string; count: number }[];
  capacities: { points: FeatureCollection<Point, { id: string }>; list: CapacityItem[] };
  regionId: string | null;
}

export const statusLabel = (lang: Lang, s: string): string => (hasKey('en', `status.${s}`) ? t(lang, `status.${s}`) : s);
export const providerLabel = (lang: Lang, p: string): string => (p && hasKey('en', `provider.${p}`) ? t(lang, `provider.${p}`) : p || t(lang, 'gapsui.unknown'));
export const fundingLabel = (lang: Lang, f: string): string => (f && hasKey('en', `gapsui.funding.${f}`) ? t(lang, `gapsui.funding.${f}`) : f || t(lang, 'gapsui.unknown'));
export const capacityLabel = (lang: Lang, c: number | null): string => (c === null ? t(lang, 'gapsui.capacityUnknown') : formatNumber(lang, c, 0));
const kindLabel = (lang: Lang, k: string): string => (hasKey('en', `gapsui.capKind.${k}`) ? t(lang, `gapsui.capKind.${k}`) : k);

export function matchesFilters(s: Service, f: ServiceFilters): boolean {
  if (f.service && s.service !== f.service) return false;
  if (f.category && !s.targetGroups.includes(f.category)) return false;
  if (f.provider && s.providerType !== f.provider) return false;
  if (f.status && s.status !== f.status) return false;
  return true;
}

export function buildServicesView(ds: Dataset, index: ServiceIndex, state: ViewState, labelPoints: ReadonlyMap<string, [number, number]>, lang: Lang): ServicesView {
  const h = ds.hierarchy;
  const filters = readServiceFilters(state);
  const regionId = state.region;
  const inRegion = index.services.filter((p) => !regionId || p.regionIds.includes(regionId));
  const shown = inRegion.filter((p) => matchesFilters(p.service, filters));
  const name = (id: string | null) => {
    const u = id ? h.get(id) : undefined;
    return u ? unitName(u, lang) : '';
  };

  const count = (key: (s: Service) => string[]) => {
    const m = new Map<string, number>();
    for (const p of inRegion) for (const k of key(p.service)) if (k) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const opts = (m: Map<string, number>, label: (k: string) => string) =>
    [...m].map(([key, n]) => ({ key, label: `${label(key)} (${n})` })).sort((a, b) => a.label.localeCompare(b.label, lang));
  const services = opts(count((s) => [s.service]), (k) => (hasKey('en', `service.${k}`) ? t(lang, `service.${k}`) : k));
  const categories = opts(count((s) => s.targetGroups), (k) => (hasKey('en', `category.${k}`) ? t(lang, `category.${k}`) : k));
  const providers = opts(count((s) => [String(s.providerType)]), (k) => providerLabel(lang, k));
  const stCount = count((s) => [s.status]);
  const statuses = SERVICE_STATUSES.filter((s) => stCount.has(s)).map((s) => ({ key: s, label: `${statusLabel(lang, s)} (${stCount.get(s) ?? 0})` }));

  const features: Feature<Point, ServiceFeatureProps>[] = [];
  for (const p of shown) {
    if (p.placed === 'none' || p.lon === null || p.lat === null) continue;
    const g = groupOf(p.service.service);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { id: p.service.id, color: p.service.status === 'closed' ? CLOSED_COLOR : GROUP_COLORS[g], status: p.service.status, placed: p.placed },
    });
  }
  const list: ServiceListItem[] = shown
    .map((p) => {
      const g = groupOf(p.service.service);
      return {
        id: p.service.id,
        name: p.service.name || p.service.id,
        serviceLabel: hasKey('en', `service.${p.service.service}`) ? t(lang, `service.${p.service.service}`) : p.service.service,
        group: g,
        color: GROUP_COLORS[g],
        status: p.service.status,
        statusLabel: statusLabel(lang, p.service.status),
        unitName: name(p.unitId),
        capacityLabel: capacityLabel(lang, p.service.capacity),
        placed: p.placed,
        illustrative: isIllustrative(p.service.source),
      };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, lang) || a.name.localeCompare(b.name, lang));
  const legend = SERVICE_GROUPS.map((g) => ({ group: g, label: t(lang, `group.${g}`), color: GROUP_COLORS[g], count: list.filter((s) => s.group === g).length }));
  const statusCounts = SERVICE_STATUSES.map((s) => ({ status: s, label: statusLabel(lang, s), count: list.filter((x) => x.status === s).length }));

  const capFeatures: Feature<Point, { id: string }>[] = [];
  const capList: CapacityItem[] = [];
  for (const c of ds.pkg.capacities) {
    if (regionId && h.ancestorAt(c.unitId, 'region')?.id !== regionId) continue;
    const pt: [number, number] | null =
      c.lat !== null && c.lon !== null && Number.isFinite(c.lat) && Number.isFinite(c.lon) ? [c.lon, c.lat] : (labelPoints.get(c.unitId) ?? null);
    if (pt) capFeatures.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pt }, properties: { id: c.id } });
    capList.push({
      id: c.id,
      unitName: name(c.unitId) || c.unitId,
      kindLabel: kindLabel(lang, String(c.kind)),
      description: c.description,
      sizeLabel: c.size === null ? '' : `${formatNumber(lang, c.size, 1)} ${c.sizeUnit}`.trim(),
      illustrative: isIllustrative(c.source),
      placed: !!pt,
    });
  }
  capList.sort((a, b) => a.unitName.localeCompare(b.unitName, lang));

  return {
    filters,
    options: { services, categories, providers, statuses },
    points: { type: 'FeatureCollection', features },
    list,
    total: inRegion.length,
    legend,
    statuses: statusCounts,
    capacities: { points: { type: 'FeatureCollection', features: capFeatures }, list: capList },
    regionId,
  };
}

// ---------------------------------------------------------------- one service

export interface ServiceDetails {
  id: string;
  name: string;
  provider: string;
  providerType: string;
  service: string;
  group: string;
  color: string;
  targetGroups: string[];
  capacity: string;
  capacityKnown: boolean;
  users: string;
  status: string;
  serves: string[];
  unit: string;
  location: string;
  funding: string;
  source: string;
  illustrative: boolean;
}

export function serviceDetails(ds: Dataset, index: ServiceIndex, id: string, lang: Lang): ServiceDetails | null {
  const p = index.byId.get(id);
  if (!p) return null;
  const s = p.service;
  const h = ds.hierarchy;
  const name = (uid: string) => {
    const u = h.get(uid);
    return u ? unitName(u, lang) : uid;
  };
  const g = groupOf(s.service);
  const serves = s.serves.length > 0 ? s.serves : p.unitId ? [p.unitId] : [];
  return {
    id: s.id,
    name: s.name || s.id,
    provider: s.provider || t(lang, 'gapsui.unknown'),
    providerType: providerLabel(lang, String(s.providerType)),
    service: hasKey('en', `service.${s.service}`) ? t(lang, `service.${s.service}`) : s.service,
    group: t(lang, `group.${g}`),
    color: GROUP_COLORS[g],
    targetGroups: s.targetGroups.map((c) => (hasKey('en', `category.${c}`) ? t(lang, `category.${c}`) : c)),
    capacity: capacityLabel(lang, s.capacity),
    capacityKnown: s.capacity !== null,
    users: s.users === null ? t(lang, 'gapsui.unknown') : formatNumber(lang, s.users, 0),
    status: statusLabel(lang, s.status),
    serves: serves.map(name),
    unit: p.unitId ? name(p.unitId) : t(lang, 'gapsui.unknown'),
    location:
      p.placed === 'point'
        ? `${formatNumber(lang, s.lat ?? 0, 4)}, ${formatNumber(lang, s.lon ?? 0, 4)}`
        : p.placed === 'unit'
          ? t(lang, 'gapsui.svc.atUnit')
          : t(lang, 'gapsui.svc.notPlaced'),
    funding: fundingLabel(lang, s.funding),
    source: s.source,
    illustrative: isIllustrative(s.source),
  };
}

// ---------------------------------------------------------------- the base map under the points

export const PLAIN_FILL = '#eef1f4';

/** A neutral map view (no indicator) so MapPanel draws the units under the service points. */
export function plainMapView(ds: Dataset, regionId: string | null, selectedUnit: string | null, lang: Lang): MapView {
  const h = ds.hierarchy;
  const mapped = ds.mapLevel ? h.atLevel(ds.mapLevel) : [];
  const units: MapUnit[] = mapped
    .map((u) => {
      const region = h.ancestorAt(u.id, 'region');
      return {
        id: u.id,
        name: unitName(u, lang),
        regionId: region?.id ?? null,
        regionName: region ? unitName(region, lang) : '',
        inFocus: !regionId || region?.id === regionId,
        cell: { ok: false, reason: 'no_data' } as const,
        classIndex: -1,
        color: PLAIN_FILL,
        valueLabel: '',
        illustrative: false,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const title = t(lang, 'gapsui.svc.title');
  return {
    indicator: null,
    indicatorLabel: title,
    measure: 'count',
    measureLabel: '',
    breaks: [],
    level: ds.mapLevel,
    regionId,
    units,
    tableUnits: units.filter((u) => u.inFocus),
    legend: { title, classes: [], noData: { color: PLAIN_FILL, label: '', count: 0 }, method: '' },
    regions: ds.regions.map((r) => ({ id: r.id, name: unitName(r, lang) })),
    selected: selectedUnit ? (units.find((u) => u.id === selectedUnit) ?? null) : null,
    illustrative: false,
    sources: [],
    years: [],
  };
}
