// Priorities with their score components (a stacked bar and the numbers) and weight sliders;
// cooperation suggestions below.
import { formatNumber, t } from '../../core/i18n';
import type { PriorityWeights } from '../../core/gaps/priorities';
import type { Lang } from '../../core/keys';
import type { CooperationRowView, PrioritiesView } from '../../core/views/gaps-plan';

const COMPONENT_COLORS: Record<keyof PriorityWeights, string> = {
  size: '#332288',
  unmet: '#CC6677',
  vulnerability: '#DDCC77',
  feasibility: '#117733',
  innovation: '#88CCEE',
};

interface Props {
  view: PrioritiesView;
  lang: Lang;
  showRegion: boolean;
  comparing: boolean;
  onWeight(key: keyof PriorityWeights, value: number): void;
  onReset(): void;
}

export function Priorities({ view, lang, showRegion, comparing, onWeight, onReset }: Props) {
  return (
    <section className="priorities" data-testid="gaps-priorities">
      <fieldset className="weights">
        <legend>{t(lang, 'gapsui.prio.weights')}</legend>
        {view.weights.map((w) => (
          <label key={w.key} className="weight">
            <span className="swatch" style={{ background: COMPONENT_COLORS[w.key] }} aria-hidden="true" />
            <span className="weight-label">{w.label}</span>
            <input type="range" min={0} max={1} step={0.05} value={w.value} data-testid={`weight-${w.key}`} onChange={(e) => onWeight(w.key, Number(e.target.value))} />
            <output>{formatNumber(lang, w.value, 2)}</output>
          </label>
        ))}
        <button type="button" onClick={onReset}>{t(lang, 'gapsui.prio.reset')}</button>
      </fieldset>
      {view.rows.length === 0 ? (
        <p className="muted">{t(lang, 'gapsui.prio.none')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t(lang, 'gapsui.prio.of', { n: view.rows.length, total: view.total })}>
          <table role="table" className="data-table">
            <caption>{t(lang, 'gapsui.prio.of', { n: view.rows.length, total: view.total })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t(lang, 'gapsui.prio.rank')}</th>
                <th scope="col">{t(lang, 'gapsui.service')}</th>
                {showRegion && <th scope="col">{t(lang, 'gapsui.table.region')}</th>}
                <th scope="col" className="num">{t(lang, 'gaps.priority.score')}</th>
                <th scope="col">{t(lang, 'gapsui.prio.components')}</th>
                <th scope="col">{t(lang, 'gapsui.prio.need')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={`${r.regionId}:${r.service}:${r.category}`}>
                  <td className="num">
                    {r.rank}
                    {comparing && <div className="small muted">{r.baseRank === null ? t(lang, 'gapsui.prio.newRank') : t(lang, 'gapsui.prio.baseRank', { rank: r.baseRank })}</div>}
                  </td>
                  <th scope="row">{r.title}</th>
                  {showRegion && <td>{r.regionName}</td>}
                  <td className="num">{r.scoreLabel}</td>
                  <td>
                    <div className="stack" aria-hidden="true">
                      {r.components.map((c) => (
                        <span key={c.key} style={{ width: `${c.points}%`, background: COMPONENT_COLORS[c.key] }} />
                      ))}
                    </div>
                    <ul className="components small">
                      {r.components.map((c) => (
                        <li key={c.key}>
                          {c.label}: {formatNumber(lang, c.value, 2)} → {formatNumber(lang, c.points, 1)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="small">
                    {r.needLabel} / {r.gapLabel} / {r.coverageLabel}
                    <div className="muted">{t(lang, 'gapsui.prio.inputs', { deserts: r.desertUnits, capacities: r.capacities, surplus: r.surplusLabel })}</div>
                    <div className="muted">{r.rateLabel}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Cooperation({ rows, total, lang }: { rows: CooperationRowView[]; total: number; lang: Lang }) {
  return (
    <section className="cooperation" data-testid="gaps-cooperation">
      {rows.length === 0 ? (
        <p className="muted">{t(lang, 'gapsui.coop.none')}</p>
      ) : (
        <>
          <p className="small muted">{t(lang, 'gapsui.prio.of', { n: rows.length, total })}</p>
          <ol className="coop-list">
            {rows.map((r, i) => (
              <li key={i}>
                <strong>{r.title}</strong> — {r.text}
                <div className="small">
                  {t(lang, 'gapsui.coop.mode')}: {r.modeLabel}
                  {r.crossRegion && <span className="muted"> · {t(lang, 'gapsui.coop.cross')}</span>}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
