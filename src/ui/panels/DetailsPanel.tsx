import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { UnitDetails } from '../../core/views/details';
import { ValueCell } from './ValueCell';

export function DetailsPanel({ details, lang, onClose }: { details: UnitDetails; lang: Lang; onClose(): void }) {
  return (
    <section className="details" aria-labelledby="details-title" data-testid="details">
      <header className="details-head">
        <h2 id="details-title">{details.name}</h2>
        <button type="button" onClick={onClose} aria-label={t(lang, 'details.close')}>×</button>
      </header>
      <p className="muted small">
        {details.levelLabel}
        {details.parentName ? ` · ${t(lang, 'details.partOf', { parent: details.parentName })}` : ''}
      </p>
      <h3>{t(lang, 'details.indicators')}</h3>
      <table role="table" className="details-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'details.indicator')}</th>
            <th scope="col">{t(lang, 'details.value')}</th>
            <th scope="col">{t(lang, 'details.year')}</th>
            <th scope="col">{t(lang, 'details.source')}</th>
          </tr>
        </thead>
        <tbody>
          {details.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <ValueCell value={r.value} rate={r.rate} />
              <td>{r.year}</td>
              <td className="small">
                {r.illustrative ? <span className="badge-illustrative">{t(lang, 'app.illustrative')}</span> : r.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t(lang, 'details.services')}</h3>
      {details.services.length === 0 ? (
        <p className="muted">{t(lang, 'details.noServices')}</p>
      ) : (
        <ul className="service-list">
          {details.services.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> — {s.service} · {s.status} · {t(lang, 'details.capacity')}: {s.capacity}
              {!s.here && <span className="muted small"> ({t(lang, 'details.servesFromElsewhere')})</span>}
              {s.illustrative && <span className="badge-illustrative"> {t(lang, 'app.illustrative')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
