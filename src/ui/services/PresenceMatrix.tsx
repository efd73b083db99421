// Units × services: a table whose cells carry a mark and numbers (so colour is never the only
// cue), coloured as a heat-map when asked; CSV export of the same cells.
import { useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { PresenceView } from '../../core/views/services-presence';
import { PartialRows, useVisibleRows } from '../panels/PartialRows';

export function PresenceMatrix({ view, lang, onExport }: { view: PresenceView; lang: Lang; onExport(): void }) {
  const [heat, setHeat] = useState(true);
  // a national layer has 10,000 rows × every service: the first rows, the rest on request (and
  // all of them in the CSV)
  const { rows, hidden, showAll } = useVisibleRows(view.rows, null);
  return (
    <section className="presence" data-testid="presence">
      <div className="inline-form">
        <label className="inline">
          <input type="checkbox" checked={heat} onChange={(e) => setHeat(e.target.checked)} /> {t(lang, 'gapsui.presence.heat')}
        </label>
        <button type="button" data-testid="presence-export" onClick={onExport}>{t(lang, 'gapsui.export')}</button>
      </div>
      <ul className="presence-legend">
        {view.legend.map((l) => (
          <li key={l.status}>
            <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
            <span aria-hidden="true">{l.mark}</span> {l.label} <span className="muted small">({view.counts[l.status]})</span>
          </li>
        ))}
      </ul>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t(lang, 'gapsui.presence.caption')}>
        <table role="table" className="data-table presence-table" data-testid="presence-table">
          <caption>{t(lang, 'gapsui.presence.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'gapsui.table.unit')}</th>
              {view.services.map((s) => (
                <th key={s.key} scope="col" className="svc-col" title={s.label}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-unit-id={r.id} className={r.total ? 'total' : undefined}>
                <th scope="row">{r.name}</th>
                {r.cells.map((c, i) => (
                  <td
                    key={view.services[i]?.key ?? i}
                    className={`pcell${heat && c.dark ? ' dark' : ''}`}
                    data-status={c.status}
                    title={c.label}
                    style={heat ? { background: c.color } : undefined}
                  >
                    <span aria-hidden="true">{c.mark}{c.text ? ` ${c.text}` : ''}</span>
                    <span className="sr-only">{c.label}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && <PartialRows shown={rows.length} count={view.rows.length} lang={lang} testId="presence-partial" onShowAll={showAll} />}
    </section>
  );
}
