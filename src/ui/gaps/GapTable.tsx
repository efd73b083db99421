// The accessible alternative to the gap map: the same units and values, sortable; deserts are
// marked in words (and `data-desert`), not by colour alone.
import { useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { sortGapUnits, type GapSortKey, type GapsView } from '../../core/views/gaps';
import { PartialRows, useVisibleRows } from '../panels/PartialRows';

export function GapTable({ view, lang, onSelect, selected }: { view: GapsView; lang: Lang; onSelect(id: string): void; selected: string | null }) {
  const [sort, setSort] = useState<{ key: GapSortKey; dir: 'asc' | 'desc' }>({ key: 'gap', dir: 'desc' });
  const sorted = sortGapUnits(view.tableUnits, sort.key, sort.dir, lang);
  // the first rows in the chosen order (largest gap first), the selected one, the rest on request
  const { rows, hidden, showAll } = useVisibleRows(sorted, selected);
  const header = (key: GapSortKey, label: string, num = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={num ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="th-button"
          data-testid={`gaps-sort-${key}`}
          title={t(lang, 'gapsui.table.sortBy', { column: label })}
          onClick={() => setSort({ key, dir: active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : key === 'name' || key === 'region' ? 'asc' : 'desc' })}
        >
          {label} {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  };
  const showRegion = !view.regionId;
  return (
    <div className="table-wrap">
      <table role="table" className="data-table gaps-table" data-testid="gaps-table">
        <caption>{t(lang, 'gapsui.table.caption', { title: `${view.title} · ${view.metricLabel}`, count: sorted.length })}</caption>
        <thead>
          <tr>
            {header('name', t(lang, 'gapsui.table.unit'))}
            {showRegion && header('region', t(lang, 'gapsui.table.region'))}
            {header('need', t(lang, 'gaps.col.need'), true)}
            {header('supply', t(lang, 'gaps.col.supply'), true)}
            {header('coverage', t(lang, 'gaps.col.coverage'), true)}
            {header('gap', t(lang, 'gaps.col.gap'), true)}
            {header('desert', t(lang, 'gaps.col.desert'))}
            {view.comparing && header('delta', t(lang, 'gapsui.table.delta'), true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr
              key={u.id}
              data-unit-id={u.id}
              data-desert={u.desert ? 'true' : 'false'}
              data-gap={u.row && u.needKnown ? u.row.gap : ''}
              aria-selected={selected === u.id}
              className={`${selected === u.id ? 'selected' : ''}${u.desert ? ' desert-row' : ''}`}
            >
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(u.id)}>{u.name}</button>
              </th>
              {showRegion && <td>{u.regionName}</td>}
              <td className="num">{u.needLabel}</td>
              <td className="num" title={u.capacityUnknown ? t(lang, 'gapsui.capacityUnknownMark') : undefined}>{u.supplyLabel}</td>
              <td className="num">
                {view.metric === 'coverage' && <span className="swatch" style={{ background: u.color }} aria-hidden="true" />} {u.coverageLabel}
              </td>
              <td className="num">
                {view.metric === 'gap' && <span className="swatch" style={{ background: u.color }} aria-hidden="true" />} {u.gapLabel}
              </td>
              <td>{u.desert ? <strong className="desert-mark">{t(lang, 'gapsui.desertShort')}</strong> : u.needKnown ? '' : <span className="muted">{t(lang, 'gaps.need_unknown')}</span>}</td>
              {view.comparing && <td className={`num delta${u.delta && u.delta.gap < 0 ? ' better' : u.delta && u.delta.gap > 0 ? ' worse' : ''}`}>{u.delta?.label ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <PartialRows shown={rows.length} count={sorted.length} lang={lang} testId="gaps-table-partial" onShowAll={showAll} />}
      {view.units.some((u) => u.capacityUnknown && u.inFocus) && <p className="small muted">{t(lang, 'gapsui.capacityUnknownMark')}</p>}
    </div>
  );
}

export function RegionRows({ view, lang }: { view: GapsView; lang: Lang }) {
  if (view.regionRows.length === 0) return null;
  return (
    <div className="table-wrap region-rows">
      <table role="table" className="data-table" data-testid="gaps-region-rows">
        <caption>
          {t(lang, 'gapsui.regionRows')} · {view.title}
          <span className="small muted"> — {t(lang, 'gapsui.regionRows.note')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'gapsui.table.region')}</th>
            <th scope="col" className="num">{t(lang, 'gaps.col.need')}</th>
            <th scope="col" className="num">{t(lang, 'gaps.col.supply')}</th>
            <th scope="col" className="num">{t(lang, 'gaps.col.coverage')}</th>
            <th scope="col" className="num">{t(lang, 'gaps.col.gap')}</th>
            <th scope="col">{t(lang, 'gaps.col.desert')}</th>
            {view.comparing && <th scope="col" className="num">{t(lang, 'gapsui.table.delta')}</th>}
          </tr>
        </thead>
        <tbody>
          {view.regionRows.map((r) => (
            <tr key={r.id} data-unit-id={r.id} data-gap={r.row.gap} data-desert-units={r.row.desertUnits}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.needLabel}</td>
              <td className="num">{r.supplyLabel}</td>
              <td className="num">{r.coverageLabel}</td>
              <td className="num">{r.gapLabel}</td>
              <td>
                {r.row.desertUnits > 0 ? t(lang, 'gapsui.desertUnits', { n: r.row.desertUnits }) : ''}
                {r.row.missingUnits > 0 ? <span className="muted"> {t(lang, 'gapsui.missingUnits', { n: r.row.missingUnits })}</span> : null}
              </td>
              {view.comparing && <td className="num delta">{r.delta?.label ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
