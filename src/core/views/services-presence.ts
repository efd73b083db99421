// View-model for the presence matrix: the region (or country) and its mapped units × service
// kinds, each cell a status (present / partial / mobile / online / planned / absent) with the
// number of services in use and their known capacity; a heat-map colour and a CSV export.
import { toCsv } from '../csv';
import { unitName, type Dataset } from '../dataset';
import { presenceMatrix, type PresenceCell, type PresenceStatus } from '../gaps/presence';
import { formatNumber, hasKey, t } from '../i18n';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import { groupOf } from './services';

/** Sequential blues (ColorBrewer), darkest for a full service; absent stays white. */
export const PRESENCE_COLORS: Record<PresenceStatus, string> = {
  present: '#08519c',
  partial: '#2171b5', // white text on it: 5.1:1 (#3182bd was 4.1:1, under WCAG AA)
  mobile: '#6baed6',
  online: '#9ecae1',
  planned: '#deebf7',
  absent: '#ffffff',
};
/** Short marks so the status does not rest on colour alone. */
export const PRESENCE_MARKS: Record<PresenceStatus, string> = { present: '●', partial: '◐', mobile: '⇄', online: '@', planned: '○', absent: '–' };
export const PRESENCE_STATUSES: PresenceStatus[] = ['present', 'partial', 'mobile', 'online', 'planned', 'absent'];

export interface PresenceCellView {
  status: PresenceStatus;
  mark: string;
  color: string;
  /** Dark cells get light text. */
  dark: boolean;
  /** e.g. "2 · 40" (services · known places), "" when absent. */
  text: string;
  /** Full sentence for screen readers and the tooltip. */
  label: string;
}

export interface PresenceRowView {
  id: string;
  name: string;
  /** The region (or country) row above its units. */
  total: boolean;
  cells: PresenceCellView[];
}

export interface PresenceView {
  services: { key: string; label: string; group: string }[];
  rows: PresenceRowView[];
  legend: { status: PresenceStatus; label: string; color: string; mark: string }[];
  /** Cells in the units (not the total row) per status. */
  counts: Record<PresenceStatus, number>;
}

function cellView(c: PresenceCell | undefined, unit: string, service: string, lang: Lang): PresenceCellView {
  const status: PresenceStatus = c?.status ?? 'absent';
  const parts: string[] = [];
  if (c && c.count > 0) {
    parts.push(formatNumber(lang, c.count, 0));
    if (c.capacity !== null && c.capacity > 0) parts.push(formatNumber(lang, c.capacity, 0) + (c.unknownCapacity > 0 ? '+?' : ''));
    else if (c.unknownCapacity > 0) parts.push('?');
  } else if (c && c.planned > 0) parts.push(formatNumber(lang, c.planned, 0));
  const label = t(lang, 'gapsui.presence.cell', {
    unit,
    service,
    status: t(lang, `gaps.presence.${status}`),
    count: c?.count ?? 0,
    capacity: c && c.capacity !== null ? formatNumber(lang, c.capacity, 0) : t(lang, 'gapsui.unknown'),
    unknown: c?.unknownCapacity ?? 0,
    planned: c?.planned ?? 0,
  });
  return { status, mark: PRESENCE_MARKS[status], color: PRESENCE_COLORS[status], dark: status === 'present' || status === 'partial', text: parts.join(' · '), label };
}

/** Units shown: the mapped units of the region (or all), with the region (or countries) first. */
function scope(ds: Dataset, regionId: string | null): { totals: string[]; units: string[] } {
  const h = ds.hierarchy;
  const level = ds.mapLevel;
  const units = level ? h.atLevel(level, regionId).map((u) => u.id) : [];
  const totals = regionId ? [regionId] : h.atLevel('country').map((u) => u.id);
  return { totals, units };
}

export function buildPresenceView(ds: Dataset, pkg: DataPackage, regionId: string | null, lang: Lang): PresenceView {
  const h = ds.hierarchy;
  const { totals, units } = scope(ds, regionId);
  const m = presenceMatrix(pkg, [...totals, ...units]);
  const services = m.services.map((k) => ({ key: k, label: hasKey('en', `service.${k}`) ? t(lang, `service.${k}`) : k, group: groupOf(k) }));
  const name = (id: string) => {
    const u = h.get(id);
    return u ? unitName(u, lang) : id;
  };
  const counts = Object.fromEntries(PRESENCE_STATUSES.map((s) => [s, 0])) as Record<PresenceStatus, number>;
  const row = (id: string, total: boolean): PresenceRowView => {
    const n = name(id);
    const cells = services.map((s) => cellView(m.get(id, s.key), n, s.label, lang));
    if (!total) for (const c of cells) counts[c.status]++;
    return { id, name: n, total, cells };
  };
  const unitRows = units.map((id) => row(id, false)).sort((a, b) => a.name.localeCompare(b.name, lang));
  return {
    services,
    rows: [...totals.map((id) => row(id, true)), ...unitRows],
    legend: PRESENCE_STATUSES.map((s) => ({ status: s, label: t(lang, `gaps.presence.${s}`), color: PRESENCE_COLORS[s], mark: PRESENCE_MARKS[s] })),
    counts,
  };
}

export const PRESENCE_VIEW_CSV_HEADER = ['unit_id', 'unit_name', 'service', 'status', 'count', 'capacity', 'unknown_capacity', 'planned'];

/** CSV of the matrix in scope, one row per unit × service (formula-safe, via toCsv). */
export function presenceViewCsv(ds: Dataset, pkg: DataPackage, regionId: string | null, lang: Lang): string {
  const { totals, units } = scope(ds, regionId);
  const m = presenceMatrix(pkg, [...totals, ...units]);
  const h = ds.hierarchy;
  const rows = m.cells().map((c) => {
    const u = h.get(c.unitId);
    return [c.unitId, u ? unitName(u, lang) : c.unitId, c.service, c.status, c.count, c.capacity, c.unknownCapacity, c.planned];
  });
  return toCsv(PRESENCE_VIEW_CSV_HEADER, rows, { bom: true });
}
