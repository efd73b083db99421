// The choices the compare view's controls offer, labelled in the user's language.
import { t } from '../i18n';
import type { Lang } from '../keys';
import type { DataPackage } from '../model';
import { compareContext, displayName } from './context';
import { comparableIndicators, indicatorLabel, unitLabel, type Display } from './metadata';

export interface Option {
  value: string;
  label: string;
}

export interface CompareOptions {
  indicators: (Option & { display: Display; description: string })[];
  regions: Option[];
  /** Areas for the profile / highlight: regions, then municipalities grouped by region. */
  areas: { group: string; options: Option[] }[];
  /** National first (value ''), then the regions. */
  benchmarks: Option[];
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

export function compareOptions(pkg: DataPackage, lang: Lang): CompareOptions {
  const { h } = compareContext(pkg);
  const indicators = comparableIndicators(pkg).map((m) => ({
    value: m.key,
    label: indicatorLabel(lang, m),
    display: m.display,
    description: `${unitLabel(lang, m)} · ${t(lang, `compare.polarity.${m.polarity}`)}`,
  }));
  const regionUnits = h.atLevel('region');
  const regions = regionUnits.map((u) => ({ value: u.id, label: displayName(u, lang) })).sort(byLabel);
  const areas = [
    { group: t(lang, 'compare.level.region'), options: regions },
    ...regionUnits
      .map((r) => ({
        group: displayName(r, lang),
        options: h
          .atLevel('municipality', r.id)
          .map((u) => ({ value: u.id, label: displayName(u, lang) }))
          .sort(byLabel),
      }))
      .filter((g) => g.options.length > 0)
      .sort((a, b) => a.group.localeCompare(b.group)),
  ];
  return {
    indicators,
    regions,
    areas,
    benchmarks: [{ value: '', label: t(lang, 'compare.benchmark.national') }, ...regions],
  };
}
