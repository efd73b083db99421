// Indicator metadata as label/value pairs for display (label, unit, polarity, denominator,
// interval method, source, years).
import { t } from '../i18n';
import type { Lang } from '../keys';
import { indicatorLabel, unitLabel, type IndicatorMeta } from './metadata';

export interface IndicatorMetaView {
  key: string;
  label: string;
  items: { key: string; labelKey: string; value: string }[];
}

export function indicatorMetaView(meta: IndicatorMeta, lang: Lang): IndicatorMetaView {
  const denominator = meta.denominator ? indicatorLabel(lang, { key: meta.denominator, labelKey: `indicator.${meta.denominator}` }) : null;
  const items = [
    { key: 'unit', labelKey: 'compare.meta.unit', value: unitLabel(lang, meta) },
    { key: 'polarity', labelKey: 'compare.meta.polarity', value: t(lang, `compare.polarity.${meta.polarity}`) },
    ...(denominator ? [{ key: 'denominator', labelKey: 'compare.meta.denominator', value: denominator }] : []),
    {
      key: 'method',
      labelKey: 'compare.meta.method',
      value: meta.intervalMethod ? t(lang, `compare.method.${meta.intervalMethod}`) : t(lang, 'compare.method.none'),
    },
    { key: 'sources', labelKey: 'compare.meta.sources', value: meta.sources.join('; ') || '—' },
    { key: 'years', labelKey: 'compare.meta.years', value: meta.years.join(', ') || '—' },
  ];
  return { key: meta.key, label: indicatorLabel(lang, meta), items };
}
