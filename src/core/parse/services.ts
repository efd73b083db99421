// Services, unused capacities, norms and units-as-CSV tables → typed objects. Unknown keys
// (service, category, status, provider type, kind) are kept and reported as warnings.
import {
  CAPACITY_KINDS,
  PROVIDER_TYPES,
  SERVICE_STATUSES,
  isCategoryKey,
  isServiceKey,
  type ServiceStatus,
} from '../keys';
import type { Norm, Service, Unit, UnusedCapacity } from '../model';
import type { TableRow } from './csv';
import { levelOf } from './geo';
import { issue } from './issues';
import { normKey } from './props';
import type { TableContext } from './table-context';

const list = (raw: string): string[] =>
  raw
    .split(/[;|,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function requireColumns(ctx: TableContext, cols: string[]): void {
  for (const c of cols) if (!ctx.has(c)) ctx.report.issues.push(issue('column_missing', ctx.table.headerRow, null, { column: c }));
}

function latLon(ctx: TableContext, r: TableRow): { lat: number | null; lon: number | null } {
  const lat = ctx.number(r, 'lat');
  const lon = ctx.number(r, 'lon');
  if (typeof lat === 'number' && typeof lon === 'number') {
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      ctx.flag(r, 'lat_lon_invalid', 'lat', { lat, lon });
      return { lat: null, lon: null };
    }
    return { lat, lon };
  }
  if ((lat === null) !== (lon === null)) ctx.flag(r, 'lat_lon_invalid', lat === null ? 'lat' : 'lon', { lat: String(lat ?? ''), lon: String(lon ?? '') });
  return { lat: null, lon: null };
}

export function readServices(ctx: TableContext): Service[] {
  requireColumns(ctx, ['service']);
  const out: Service[] = [];
  const ids = new Map<string, number>();
  ctx.learnLevel(ctx.table.rows.map((r) => ctx.cell(r, 'unit_id')));
  for (const r of ctx.table.rows) {
    let id = ctx.cell(r, 'service_id');
    if (id === '') id = `${ctx.path}#${r.row}`;
    const first = ids.get(id);
    if (first !== undefined) ctx.flag(r, 'row_duplicate', 'service_id', { first, unit: id, indicator: '' });
    else ids.set(id, r.row);
    const service = normKey(ctx.cell(r, 'service'));
    if (service === '') ctx.flag(r, 'value_required', 'service');
    else if (!isServiceKey(service)) ctx.flag(r, 'service_unknown', 'service', { value: service.slice(0, 60) });
    const targetGroups = list(ctx.cell(r, 'target_groups')).map(normKey);
    for (const g of targetGroups) if (!isCategoryKey(g)) ctx.flag(r, 'category_unknown', 'target_groups', { value: g.slice(0, 60) });
    const unitKey = ctx.cell(r, 'unit_id');
    const { lat, lon } = latLon(ctx, r);
    let unitId: string | null = null;
    if (unitKey !== '') unitId = ctx.joinRow(r, unitKey, 'unit_id');
    else if (lat === null) ctx.flag(r, 'service_no_location', 'unit_id');
    const capacity = ctx.number(r, 'capacity', { min: 0 });
    const users = ctx.number(r, 'users', { min: 0 });
    if (typeof capacity === 'number' && typeof users === 'number' && users > capacity) {
      ctx.flag(r, 'users_above_capacity', 'users', { users, capacity });
    }
    const statusRaw = normKey(ctx.cell(r, 'status'));
    let status: ServiceStatus = 'active';
    if (statusRaw !== '') {
      const s = SERVICE_STATUSES.find((k) => k === statusRaw);
      if (s) status = s;
      else ctx.flag(r, 'status_unknown', 'status', { value: statusRaw.slice(0, 40) });
    }
    const providerType = normKey(ctx.cell(r, 'provider_type'));
    if (providerType !== '' && !(PROVIDER_TYPES as readonly string[]).includes(providerType)) {
      ctx.flag(r, 'provider_type_unknown', 'provider_type', { value: providerType.slice(0, 40) });
    }
    const serves: string[] = [];
    for (const k of list(ctx.cell(r, 'serves'))) {
      const m = ctx.match(k);
      if (m.unitId !== null && m.method !== 'ambiguous') serves.push(m.unitId);
      else ctx.flag(r, 'unit_unmatched', 'serves', { key: k.slice(0, 80) }, 'warning');
    }
    if (ctx.setAsideIfFlagged(r)) continue;
    out.push(ctx.trace({
      id,
      name: ctx.cell(r, 'name') || service,
      provider: ctx.cell(r, 'provider'),
      providerType,
      service,
      targetGroups,
      unitId,
      lat,
      lon,
      capacity: typeof capacity === 'number' ? capacity : null,
      users: typeof users === 'number' ? users : null,
      status,
      serves,
      funding: ctx.cell(r, 'funding'),
      source: ctx.cell(r, 'source'),
    }, r));
  }
  return out;
}

export function readCapacities(ctx: TableContext): UnusedCapacity[] {
  requireColumns(ctx, ['unit_id', 'kind']);
  const out: UnusedCapacity[] = [];
  ctx.learnLevel(ctx.table.rows.map((r) => ctx.cell(r, 'unit_id')));
  for (const r of ctx.table.rows) {
    const unitId = ctx.joinRow(r, ctx.cell(r, 'unit_id'), 'unit_id');
    const kind = normKey(ctx.cell(r, 'kind'));
    if (kind !== '' && !(CAPACITY_KINDS as readonly string[]).includes(kind)) ctx.flag(r, 'kind_unknown', 'kind', { value: kind.slice(0, 40) });
    const size = ctx.number(r, 'size', { min: 0 });
    const { lat, lon } = latLon(ctx, r);
    if (ctx.setAsideIfFlagged(r) || unitId === null) continue;
    out.push(ctx.trace({
      id: ctx.cell(r, 'capacity_id') || `${ctx.path}#${r.row}`,
      unitId,
      kind: kind || 'other',
      description: ctx.cell(r, 'description'),
      size: typeof size === 'number' ? size : null,
      sizeUnit: ctx.cell(r, 'size_unit'),
      lat,
      lon,
      source: ctx.cell(r, 'source'),
    }, r));
  }
  return out;
}

export function readNorms(ctx: TableContext): Norm[] {
  requireColumns(ctx, ['service', 'category', 'places_per_1000']);
  const out: Norm[] = [];
  for (const r of ctx.table.rows) {
    const service = normKey(ctx.cell(r, 'service'));
    const category = normKey(ctx.cell(r, 'category'));
    if (service === '') ctx.flag(r, 'value_required', 'service');
    else if (!isServiceKey(service)) ctx.flag(r, 'service_unknown', 'service', { value: service.slice(0, 60) });
    if (category === '') ctx.flag(r, 'value_required', 'category');
    else if (!isCategoryKey(category)) ctx.flag(r, 'category_unknown', 'category', { value: category.slice(0, 60) });
    const v = ctx.number(r, 'places_per_1000', { required: true, min: 0 });
    if (ctx.setAsideIfFlagged(r) || typeof v !== 'number' || service === '' || category === '') continue;
    out.push(ctx.trace({ service, category, placesPer1000: v, source: ctx.cell(r, 'source') }, r, 'places_per_1000'));
  }
  return out;
}

/** Units given as a table (no geometry): unit_id, name, level, parent_id, name_alt, name_xx. */
export function readUnitsTable(ctx: TableContext): Unit[] {
  const out: Unit[] = [];
  const seen = new Map<string, number>();
  for (const r of ctx.table.rows) {
    const id = ctx.cell(r, 'unit_id');
    if (id === '') {
      ctx.flag(r, 'unit_id_missing', 'unit_id');
      ctx.setAsideIfFlagged(r);
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) ctx.flag(r, 'unit_id_duplicate', 'unit_id', { id, first });
    seen.set(id, r.row);
    const name = ctx.cell(r, 'name');
    if (name === '') ctx.flag(r, 'unit_name_missing', 'name', { id });
    const level = levelOf(ctx.cell(r, 'level'));
    if (!level) ctx.flag(r, 'unit_level_invalid', 'level', { value: ctx.cell(r, 'level').slice(0, 40) });
    if (ctx.setAsideIfFlagged(r) || !level) continue;
    const names: Unit['names'] = {};
    for (const lang of ['sq', 'mk', 'en'] as const) {
      const v = ctx.cell(r, `name_${lang}`);
      if (v) names[lang] = v;
    }
    const aliases = ctx.cell(r, 'name_alt').split('|').map((s) => s.trim()).filter(Boolean);
    out.push({ id, name: name || id, names, level, parentId: ctx.cell(r, 'parent_id') || null, aliases, geometry: null });
  }
  return out;
}
