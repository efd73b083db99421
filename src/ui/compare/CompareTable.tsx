// The table behind a chart: every figure of the chart, sortable by any column.
import { useState } from 'react';
import { formatNumber, t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { sortTable, type SortDir, type TableColumn, type TableModel } from '../../core/compare/table';

export const columnLabel = (lang: Lang, c: TableColumn): string => c.label ?? t(lang, c.labelKey);

export function CompareTable({ table, caption, lang, testId }: { table: TableModel; caption: string; lang: Lang; testId: string }) {
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(null);
  const shown = sort ? sortTable(table, sort.key, sort.dir) : table;
  return (
    <div className="cmp-table-wrap">
      <table role="table" className="data-table cmp-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => {
              const active = sort?.key === c.key;
              const label = columnLabel(lang, c);
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    className="th-button"
                    title={t(lang, 'compare.table.sort', { column: label })}
                    onClick={() => setSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
                  >
                    {label} {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => {
                const col = table.columns[j];
                const text = v === null ? '—' : typeof v === 'number' ? formatNumber(lang, v, 2) : v;
                return j === 0 ? (
                  <th key={j} scope="row" className={col?.numeric ? 'num' : undefined}>
                    {text}
                  </th>
                ) : (
                  <td key={j} className={col?.numeric ? 'num' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
