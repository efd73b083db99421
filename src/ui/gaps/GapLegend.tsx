// Legend of the gap map: classes, no figure, no need, and the desert outline with its count.
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { DESERT_OUTLINE, type GapsView } from '../../core/views/gaps';

export function GapLegend({ view, lang }: { view: GapsView; lang: Lang }) {
  const { legend } = view;
  const units = (n: number) => <span className="muted small">({t(lang, 'gapsui.legend.count', { count: n })})</span>;
  return (
    <section className="legend" aria-label={legend.title} data-testid="gaps-legend">
      <h2 className="legend-title">{legend.title}</h2>
      <ul>
        {legend.classes.map((c) => (
          <li key={c.label}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span>{c.label}</span> {units(c.count)}
          </li>
        ))}
        {legend.noNeed.count > 0 && (
          <li>
            <span className="swatch" style={{ background: legend.noNeed.color }} aria-hidden="true" />
            <span>{legend.noNeed.label}</span> {units(legend.noNeed.count)}
          </li>
        )}
        <li>
          <span className="swatch swatch-nodata" style={{ background: legend.noData.color }} aria-hidden="true" />
          <span>{legend.noData.label}</span> {units(legend.noData.count)}
        </li>
        <li data-testid="gaps-legend-desert" data-count={legend.desert.count}>
          <svg width="22" height="14" aria-hidden="true" className="desert-swatch">
            <rect x="2" y="2" width="18" height="10" fill="none" stroke="#fff" strokeWidth="4" />
            <rect x="2" y="2" width="18" height="10" fill="none" stroke={DESERT_OUTLINE} strokeWidth="2.2" strokeDasharray="4 2.5" />
          </svg>
          <span>{t(lang, 'gapsui.legend.desert')}</span> {units(legend.desert.count)}
        </li>
      </ul>
      {view.pair?.illustrative && <p className="badge-illustrative">{t(lang, 'gaps.default_norms')}</p>}
    </section>
  );
}
