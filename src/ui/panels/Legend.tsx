import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { MapView } from '../../core/views/map';

export function Legend({ view, lang }: { view: MapView; lang: Lang }) {
  const { legend } = view;
  return (
    <section className="legend" aria-label={t(lang, 'legend.title')}>
      <h2 className="legend-title">{legend.title}</h2>
      <p className="muted small">{legend.method}</p>
      <ul>
        {legend.classes.map((c) => (
          <li key={c.label}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span>{c.label}</span> <span className="muted small">({t(lang, 'legend.units', { count: c.count })})</span>
          </li>
        ))}
        <li>
          <span className="swatch swatch-nodata" style={{ background: legend.noData.color }} aria-hidden="true" />
          <span>{legend.noData.label}</span> <span className="muted small">({t(lang, 'legend.units', { count: legend.noData.count })})</span>
        </li>
        {legend.suppressed && (
          <li data-testid="legend-suppressed">
            <span className="swatch" style={{ background: legend.suppressed.color }} aria-hidden="true" />
            <span>{legend.suppressed.label}</span> <span className="muted small">({t(lang, 'legend.units', { count: legend.suppressed.count })})</span>
          </li>
        )}
      </ul>
      {view.illustrative && <p className="badge-illustrative">{t(lang, 'app.illustrative')}</p>}
      {view.sources.length > 0 && (
        <details className="muted small sources">
          <summary>
            {t(lang, 'details.source')} ({view.sources.length}){view.years.length > 0 ? ` · ${view.years.join(', ')}` : ''}
          </summary>
          <ul>
            {view.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
