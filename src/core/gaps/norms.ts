// Planning norms: places of a service needed per 1,000 persons of a category.
import type { Norm } from '../model';
import type { GapWarning, NormPair } from './types';

export const DEFAULT_NORMS_SOURCE = 'illustrative: social-map default planning norms, not official';

/**
 * Illustrative defaults, used only when neither the package nor the user gives norms. Which
 * service serves which category follows the manual's Figure 1; the numbers are round orders of
 * magnitude for a first look (e.g. 400 foster-care places per 1,000 children without parental
 * care), NOT official standards: the council should replace them.
 */
const TABLE: [string, string, number][] = [
  ['prevention', 'children_at_risk', 50],
  ['prevention', 'addictions', 100],
  ['information', 'social_assistance_households', 50],
  ['information', 'jobseekers', 20],
  ['professional_help', 'social_assistance_households', 30],
  ['professional_help', 'roma_egyptian', 20],
  ['counselling', 'dv_victims', 300],
  ['counselling', 'children_at_risk', 50],
  ['home_care', 'elderly', 30],
  ['home_care', 'elderly_alone', 150],
  ['home_care', 'severe_disability', 150],
  ['home_care', 'blind', 100],
  ['personal_assistance', 'severe_disability', 200],
  ['personal_assistance', 'blind', 150],
  ['day_care', 'children_at_risk', 20],
  ['day_care', 'persons_with_disabilities', 30],
  ['day_care', 'elderly', 5],
  ['day_care', 'marginalised', 10],
  ['rehabilitation', 'persons_with_disabilities', 20],
  ['rehabilitation', 'marginalised', 10],
  ['resocialisation', 'children_conflict_law', 200],
  ['resocialisation', 'after_prison', 200],
  ['temporary_stay', 'children_without_parental_care', 50],
  ['temporary_stay', 'dv_victims', 100],
  ['temporary_stay', 'trafficking_victims', 500],
  ['temporary_stay', 'homeless', 300],
  ['respite_care', 'family_caregivers', 20],
  ['halfway_house', 'after_prison', 100],
  ['halfway_house', 'addictions', 50],
  ['supported_living', 'persons_with_disabilities', 5],
  ['supported_living', 'children_without_parental_care', 100],
  ['foster_care', 'children_without_parental_care', 400],
  ['residential_care', 'elderly', 10],
  ['residential_care', 'persons_with_disabilities', 5],
  ['residential_care', 'asylum_seekers', 100],
  ['other', 'lgbtiq', 50],
];

export const DEFAULT_NORMS: readonly Norm[] = TABLE.map(([service, category, placesPer1000]) => ({
  service,
  category,
  placesPer1000,
  source: DEFAULT_NORMS_SOURCE,
}));

/**
 * The distinct (service, category) pairs with a usable norm, in first-seen order. A pair given
 * twice keeps its last value (an edit made later wins) and raises `duplicate_norm`; negative or
 * non-finite norms are dropped.
 */
export function normPairs(norms: readonly Norm[], warnings: GapWarning[]): NormPair[] {
  const byKey = new Map<string, NormPair>();
  for (const n of norms) {
    if (!n.service || !n.category || !Number.isFinite(n.placesPer1000) || n.placesPer1000 < 0) continue;
    const key = `${n.service}\u0000${n.category}`;
    const prev = byKey.get(key);
    if (prev) {
      if (prev.placesPer1000 !== n.placesPer1000)
        warnings.push({
          code: 'duplicate_norm',
          detail: `${n.service} × ${n.category}: ${n.placesPer1000} replaces ${prev.placesPer1000}`,
        });
      prev.placesPer1000 = n.placesPer1000;
      prev.source = n.source;
    } else byKey.set(key, { service: n.service, category: n.category, placesPer1000: n.placesPer1000, source: n.source });
  }
  return [...byKey.values()];
}
