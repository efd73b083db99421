// A table that draws only its first rows (core/views/table.ts visibleRows): the rows to draw,
// and under the table how many are shown with a button for all of them.
import { useState } from 'react';
import { formatNumber, t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { visibleRows } from '../../core/views/table';

/** The rows of `all` to draw (the selected one always), how many are left out, and "show all". */
export function useVisibleRows<T extends { id: string }>(all: readonly T[], selectedId: string | null): { rows: T[]; hidden: number; showAll(): void } {
  const [showAll, setShowAll] = useState(false);
  return { ...visibleRows(all, showAll, selectedId), showAll: () => setShowAll(true) };
}

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
