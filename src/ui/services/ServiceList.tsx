// The services shown, as a table (the accessible alternative to the points), and the unused
// capacities (Form 1, 4.2) as their own list.
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { CLOSED_COLOR, type ServicesView } from '../../core/views/services';
import { StatusMark } from './StatusMark';

export function ServiceList({ view, lang, selected, onSelect }: { view: ServicesView; lang: Lang; selected: string | null; onSelect(id: string): void }) {
  return (
    <div className="table-wrap">
      <table role="table" className="data-table" data-testid="svc-table">
        <caption>{t(lang, 'gapsui.svc.list')} · {t(lang, 'gapsui.svc.count', { shown: view.list.length, total: view.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'gapsui.svc.col.name')}</th>
            <th scope="col">{t(lang, 'gapsui.service')}</th>
            <th scope="col">{t(lang, 'gapsui.svc.col.unit')}</th>
            <th scope="col">{t(lang, 'gapsui.table.status')}</th>
            <th scope="col" className="num">{t(lang, 'gapsui.svc.col.capacity')}</th>
          </tr>
        </thead>
        <tbody>
          {view.list.map((s) => (
            <tr key={s.id} data-service-id={s.id} className={selected === s.id ? 'selected' : ''} aria-selected={selected === s.id}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(s.id)}>{s.name}</button>
                {s.illustrative ? <abbr className="illustrative-mark" title={t(lang, 'app.illustrative')}>*</abbr> : null}
              </th>
              <td>
                <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.serviceLabel}
              </td>
              <td>
                {s.unitName}
                {s.placed !== 'point' && <span className="muted small"> ({t(lang, s.placed === 'unit' ? 'gapsui.svc.atUnit' : 'gapsui.svc.notPlaced')})</span>}
              </td>
              <td>
                <StatusMark status={s.status} color={s.status === 'closed' ? CLOSED_COLOR : s.color} atUnit={s.placed === 'unit'} /> {s.statusLabel}
              </td>
              <td className="num">{s.capacityLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CapacityList({ view, lang }: { view: ServicesView; lang: Lang }) {
  const list = view.capacities.list;
  if (list.length === 0) return <p className="muted">{t(lang, 'gapsui.svc.noCapacities')}</p>;
  return (
    <div className="table-wrap">
      <table role="table" className="data-table" data-testid="svc-capacities">
        <caption>{t(lang, 'gapsui.svc.capacities')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'gapsui.svc.col.unit')}</th>
            <th scope="col">{t(lang, 'gapsui.svc.col.kind')}</th>
            <th scope="col">{t(lang, 'gapsui.svc.col.description')}</th>
            <th scope="col" className="num">{t(lang, 'gapsui.svc.col.size')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.id} data-capacity-id={c.id}>
              <th scope="row">{c.unitName}</th>
              <td>{c.kindLabel}</td>
              <td>
                {c.description}
                {c.illustrative ? <abbr className="illustrative-mark" title={t(lang, 'app.illustrative')}>*</abbr> : null}
              </td>
              <td className="num">{c.sizeLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
