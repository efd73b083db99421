// Under a table that draws only its first rows (core/views/table.ts visibleRows): how many are
// shown, and a button for all of them.
import { formatNumber, t } from '../../core/i18n';
import type { Lang } from '../../core/keys';

export function PartialRows({ shown, count, lang, testId, onShowAll }: { shown: number; count: number; lang: Lang; testId: string; onShowAll(): void }) {
  return (
    <p className="table-partial" data-testid={testId}>
      {t(lang, 'table.partial', { shown: formatNumber(lang, shown), count: formatNumber(lang, count) })}{' '}
      <button type="button" className="link-button" onClick={onShowAll}>
        {t(lang, 'table.showAll', { count: formatNumber(lang, count) })}
      </button>
    </p>
  );
}
