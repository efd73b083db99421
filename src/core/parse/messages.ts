// An issue as text in the user's language. Params that are keys (a unit level) are translated
// too; everything else is shown as written (t() inserts params as text, never markup).
import { t } from '../i18n';
import type { Lang } from '../keys';
import type { ImportIssue } from './types';

export function issueMessage(lang: Lang, issue: ImportIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  const level = params.level;
  if (typeof level === 'string' && level !== '') params.level = t(lang, `level.${level}`).toLowerCase();
  return t(lang, issue.messageKey, params);
}
