// Legend: colour by service group (with counts), symbol by status, the unit ring, clusters and
// the unused-capacity toggle.
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { CAPACITY_COLOR, CLOSED_COLOR, type ServicesView } from '../../core/views/services';
import { StatusMark } from './StatusMark';

interface Props {
  view: ServicesView;
  lang: Lang;
  showCapacities: boolean;
  onShowCapacities(v: boolean): void;
}

export function ServiceLegend({ view, lang, showCapacities, onShowCapacities }: Props) {
  const neutral = '#4a5560';
  return (
    <section className="legend" data-testid="svc-legend" aria-label={t(lang, 'gapsui.svc.legend.groups')}>
      <h2 className="legend-title">{t(lang, 'gapsui.svc.legend.groups')}</h2>
      <ul>
        {view.legend.map((g) => (
          <li key={g.group} data-group={g.group} data-count={g.count}>
            <span className="swatch" style={{ background: g.color }} aria-hidden="true" />
            <span>{g.label}</span> <span className="muted small">({g.count})</span>
          </li>
        ))}
      </ul>
      <h3>{t(lang, 'gapsui.svc.legend.status')}</h3>
      <ul>
        {view.statuses.map((s) => (
          <li key={s.status}>
            <StatusMark status={s.status} color={s.status === 'closed' ? CLOSED_COLOR : neutral} />
            <span>{s.label}</span> <span className="muted small">({s.count})</span>
          </li>
        ))}
        <li>
          <StatusMark status="active" color={neutral} atUnit />
          <span>{t(lang, 'gapsui.svc.legend.atUnit')}</span>
        </li>
        <li>
          <svg width="24" height="24" viewBox="-12 -12 24 24" aria-hidden="true" className="svc-legend-mark">
            <circle r={10} fill={neutral} stroke="#fff" strokeWidth={2} />
          </svg>
          <span>{t(lang, 'gapsui.svc.legend.cluster')}</span>
        </li>
      </ul>
      <label className="inline">
        <input type="checkbox" data-testid="svc-show-capacities" checked={showCapacities} onChange={(e) => onShowCapacities(e.target.checked)} />
        <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" className="svc-legend-mark">
          <circle r={5} fill="#fff" stroke={CAPACITY_COLOR} strokeWidth={3} />
        </svg>
        {t(lang, 'gapsui.svc.showCapacities')} ({view.capacities.list.length})
      </label>
    </section>
  );
}
