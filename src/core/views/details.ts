// View-model of the details panel of one unit: every indicator with source and year, and the
// services that stand in or serve it.
import { unitName, type Dataset } from '../dataset';
import { t } from '../i18n';
import { computeCells, denominatorOf } from '../indicators';
import type { Lang } from '../keys';
import { isIllustrative, type Service } from '../model';
import type { PrivacyConfig } from '../privacy/config';
import { suppressionFor } from '../privacy/dataset';
import { suppressedLabel } from '../privacy/labels';
import { formatValue, indicatorLabel } from './map';

export interface DetailRow {
  key: string;
  label: string;
  value: string;
  rate: string | null;
  year: string;
  source: string;
  illustrative: boolean;
}

export interface DetailService {
  id: string;
  name: string;
  service: string;
  provider: string;
  status: string;
  capacity: string;
  here: boolean;
  illustrative: boolean;
}

export interface UnitDetails {
  id: string;
  name: string;
  levelLabel: string;
  parentName: string;
  rows: DetailRow[];
  services: DetailService[];
}

export function servicesFor(services: readonly Service[], unitId: string): { s: Service; here: boolean }[] {
  const out: { s: Service; here: boolean }[] = [];
  for (const s of services) {
    const here = s.unitId === unitId;
    if (here || s.serves.includes(unitId)) out.push({ s, here });
  }
  return out;
}

/** `privacy`: small-number protection in force (counts and their rates hidden where needed). */
export function buildUnitDetails(ds: Dataset, unitId: string, lang: Lang, privacy?: PrivacyConfig): UnitDetails | null {
  const unit = ds.hierarchy.get(unitId);
  if (!unit) return null;
  const parent = ds.hierarchy.parent(unitId);
  const rows: DetailRow[] = [];
  for (const info of ds.indicators) {
    const count = computeCells([unitId], { indicator: info.key, measure: 'count' }, ds.hierarchy, ds.index).get(unitId);
    if (!count?.ok) continue;
    const hidden = privacy ? suppressionFor(ds, info.key, privacy).get(unitId) : undefined;
    if (hidden && privacy) {
      rows.push({
        key: info.key,
        label: indicatorLabel(info.key, lang),
        value: suppressedLabel(lang, hidden, 'count', privacy),
        rate: null,
        year: count.year === null ? '' : String(count.year),
        source: count.sources.join('; '),
        illustrative: count.illustrative,
      });
      continue;
    }
    const rateCell = info.kind === 'category' && info.additive
      ? computeCells([unitId], { indicator: info.key, measure: 'per1000' }, ds.hierarchy, ds.index).get(unitId)
      : undefined;
    rows.push({
      key: info.key,
      label: indicatorLabel(info.key, lang),
      value: formatValue(count, 'count', lang) + (info.unit && info.unit !== 'count' ? ` ${info.unit === 'km2' ? 'km²' : info.unit}` : ''),
      rate: rateCell?.ok
        ? `${formatValue(rateCell, 'per1000', lang)} ${t(lang, 'details.per1000Of', { denominator: indicatorLabel(denominatorOf(info.key, ds.index), lang) })}`
        : null,
      year: count.year === null ? '' : String(count.year),
      source: count.sources.join('; '),
      illustrative: count.illustrative,
    });
  }
  const services = servicesFor(ds.pkg.services, unitId).map(({ s, here }) => ({
    id: s.id,
    name: s.name,
    service: t(lang, `service.${s.service}`),
    provider: s.provider,
    status: t(lang, `status.${s.status}`),
    capacity: s.capacity === null ? t(lang, 'details.capacityUnknown') : String(s.capacity),
    here,
    illustrative: isIllustrative(s.source),
  }));
  return {
    id: unit.id,
    name: unitName(unit, lang),
    levelLabel: t(lang, `level.${unit.level}`),
    parentName: parent ? unitName(parent, lang) : '',
    rows,
    services,
  };
}
