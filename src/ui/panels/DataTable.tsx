// The accessible alternative to the map: the same units and values, sortable.
import { useState } from 'react';
import { t } from '../../core/i18n';
import { suppressedTitle } from '../../core/privacy/labels';
import type { Lang } from '../../core/keys';
import { toCsv } from '../../core/csv';
import { mapTableCsv, sortUnits, type MapView, type SortKey } from '../../core/views/map';
import { PartialRows, useVisibleRows } from './PartialRows';
import { downloadCsv } from '../compare/exportChart';

export function DataTable({ view, lang, onSelect }: { view: MapView; lang: Lang; onSelect(id: string): void }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const sorted = sortUnits(view.tableUnits, sort.key, sort.dir, lang);
  const { rows, hidden, showAll } = useVisibleRows(sorted, view.selected?.id ?? null);
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="th-button"
          title={t(lang, 'table.sortBy', { column: label })}
          onClick={() => setSort({ key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {label} {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap">
      <button
        type="button"
        className="csv-button"
        data-testid="units-table-csv"
        onClick={() => {
          const { header, rows: csvRows } = mapTableCsv(view);
          downloadCsv(toCsv(header, csvRows, { bom: true }), `${view.indicator ?? 'table'}-${view.measure}`);
        }}
      >
        {t(lang, 'embed.csv')}
      </button>
      <table role="table" className="data-table" data-testid="units-table">
        <caption>{t(lang, 'table.caption', { indicator: `${view.indicatorLabel} · ${view.measureLabel}`, count: sorted.length })}</caption>
        <thead>
          <tr>
            {header('name', t(lang, 'table.name'))}
            {header('region', t(lang, 'table.region'))}
            {header('value', t(lang, 'table.value'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id} data-unit-id={u.id} aria-selected={view.selected?.id === u.id} className={view.selected?.id === u.id ? 'selected' : ''}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(u.id)}>
                  {u.name}
                </button>
              </th>
              <td>{u.regionName}</td>
              <td className="num">
                <span className="swatch" style={{ background: u.color }} aria-hidden="true" />{' '}
                {u.suppressed && view.privacy ? <abbr title={suppressedTitle(lang, u.suppressed, view.privacy)}>{u.valueLabel}</abbr> : u.valueLabel}
                {u.illustrative ? <abbr className="illustrative-mark" title={t(lang, 'app.illustrative')}>*</abbr> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <PartialRows shown={rows.length} count={sorted.length} lang={lang} testId="units-table-partial" onShowAll={showAll} />}
    </div>
  );
}
