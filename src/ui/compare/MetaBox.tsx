// Indicator metadata, shown next to every chart of the indicator.
import type { IndicatorMetaView } from '../../core/compare/metaView';
import type { Lang } from '../../core/keys';
import { t } from '../../core/i18n';

export function MetaBox({ view, lang }: { view: IndicatorMetaView; lang: Lang }) {
  return (
    <section className="cmp-meta" data-testid="compare-meta" aria-label={t(lang, 'compare.meta.title')}>
      <h3>{view.label}</h3>
      <dl>
        {view.items.map((it) => (
          <div key={it.key}>
            <dt>{t(lang, it.labelKey)}</dt>
            <dd>{it.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
