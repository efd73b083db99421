// How a suppressed value reads: "<5" for a small count, "hidden" for a complementary cell or
// for any rate computed from a suppressed count.
import { t } from '../i18n';
import type { Measure } from '../indicators';
import type { Lang } from '../keys';
import { smallLimit, type PrivacyConfig } from './config';
import type { Suppression } from './suppress';

export function suppressedLabel(lang: Lang, s: Suppression, measure: Measure, privacy: PrivacyConfig): string {
  return s === 'primary' && measure === 'count' ? t(lang, 'embed.small', { limit: smallLimit(privacy) }) : t(lang, 'embed.hidden');
}

/** The longer explanation (a title or a footnote). */
export function suppressedTitle(lang: Lang, s: Suppression, privacy: PrivacyConfig): string {
  return t(lang, s === 'primary' ? 'embed.smallTitle' : 'embed.hiddenTitle', { limit: smallLimit(privacy) });
}
