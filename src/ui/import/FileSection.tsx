// One file in the join report: what was read (format, encoding, delimiter, decimal, rows),
// the encoding/decimal overrides, how its rows were joined, the keys left to assign, the
// column-mapping step when the table was not recognised, and every row set aside with why.
import { useMemo, useState } from 'react';
import { formatNumber, t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { Unit } from '../../core/model';
import type { Decimal } from '../../core/parse/types';
import { issueMessage, setAsideView, type FileSummary } from '../../core/workspace/report';
import { shapeKey, type ColumnMapping, type StoredFile } from '../../core/workspace/schema';
import type { UnitChoice } from '../../core/workspace/unitSearch';
import { AssignUnit } from './AssignUnit';
import { ColumnMappingForm } from './ColumnMappingForm';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1251'] as const;
const SHOWN_ROWS = 100;

interface Props {
  summary: FileSummary;
  file: StoredFile | undefined;
  mapping: ColumnMapping | null;
  mapped: boolean;
  units: ReadonlyMap<string, Unit>;
  choices: readonly UnitChoice[];
  lang: Lang;
  onOptions(id: string, patch: Partial<StoredFile['options']>): void;
  onRemove(id: string): void;
  onAssign(folded: string, unitId: string): void;
  onMapping(shape: string, m: ColumnMapping | null): void;
}

export function FileSection({ summary, file, mapping, mapped, units, choices, lang, onOptions, onRemove, onAssign, onMapping }: Props) {
  const f = summary.report;
  const n = (v: number) => formatNumber(lang, v, 0);
  const setAside = useMemo(() => setAsideView(f, lang), [f, lang]);
  const setAsideRows = new Set(f.setAside.map((s) => s.row));
  const notes = f.issues.filter((i) => i.row === null || !setAsideRows.has(i.row));
  const [editMapping, setEditMapping] = useState(false);
  const unrecognised = f.resource === null && f.columns.length > 0 && (f.format === 'csv' || f.format === 'xlsx');
  const shape = shapeKey(f.columns);
  return (
    <section className="join-file" data-testid="join-file" data-path={f.path}>
      <h3>
        <span className="file-path">{f.path}</span> <span className="badge">{t(lang, `importui.resource.${f.resource ?? 'unknown'}`)}</span>
      </h3>
      <p className="small muted">
        {t(lang, 'importui.file.facts', {
          format: f.format,
          encoding: f.encoding ?? '—',
          delimiter: f.delimiter === '\t' ? 'TAB' : (f.delimiter ?? '—'),
          decimal: f.decimal ?? '—',
          rows: n(f.rows),
        })}
        {f.form ? ` · ${t(lang, `importui.mapping.form.${f.form}`)}` : ''}
      </p>
      {file && (
        <div className="file-options">
          {f.encoding !== null && (
            <label>
              <span>{t(lang, 'importui.file.encoding')}</span>
              <select data-testid="encoding-select" value={file.options.encoding ?? ''} onChange={(e) => onOptions(file.id, { encoding: e.target.value || null })}>
                <option value="">{t(lang, 'importui.file.auto', { detected: f.encoding })}</option>
                {ENCODINGS.map((e) => (
                  <option key={e} value={e}>{e}</option>
                ))}
              </select>
            </label>
          )}
          {f.format !== 'geojson' && f.format !== 'topojson' && f.format !== 'datapackage' && (
            <label>
              <span>{t(lang, 'importui.file.decimal')}</span>
              <select data-testid="decimal-select" value={file.options.decimal ?? ''} onChange={(e) => onOptions(file.id, { decimal: (e.target.value || null) as Decimal | null })}>
                <option value="">{t(lang, 'importui.file.auto', { detected: f.decimal ?? '—' })}</option>
                <option value=".">{t(lang, 'importui.file.decimalPoint')}</option>
                <option value=",">{t(lang, 'importui.file.decimalComma')}</option>
              </select>
            </label>
          )}
          <button type="button" className="link-button" data-testid="remove-file" onClick={() => onRemove(file.id)}>{t(lang, 'importui.file.remove')}</button>
        </div>
      )}
      {mapped && !editMapping && (
        <p className="small">
          {t(lang, 'importui.mapping.applied')}{' '}
          <button type="button" className="link-button" onClick={() => setEditMapping(true)}>{t(lang, 'importui.mapping.edit')}</button>
        </p>
      )}
      {((unrecognised && !mapped) || editMapping) && (
        <ColumnMappingForm
          columns={f.columns}
          initial={mapping}
          lang={lang}
          onSave={(m) => {
            setEditMapping(false);
            onMapping(shape, m);
          }}
          onForget={mapping ? () => { setEditMapping(false); onMapping(shape, null); } : null}
        />
      )}
      {summary.join && (
        <table className="join-counts" data-testid="join-counts">
          <caption className="sr-only">{t(lang, 'importui.join.caption', { path: f.path })}</caption>
          <tbody>
            <tr data-count="exact"><th scope="row">{t(lang, 'importui.join.exact')}</th><td className="num">{n(summary.join.exact)}</td></tr>
            {summary.join.fuzzy.map((z) => (
              <tr key={z.method} data-count={z.method}><th scope="row">{t(lang, 'importui.join.fuzzy', { method: t(lang, `import.method.${z.method}`) })}</th><td className="num">{n(z.rows)}</td></tr>
            ))}
            <tr data-count="unmatched" className={summary.join.unmatched ? 'bad' : ''}><th scope="row">{t(lang, 'importui.join.unmatched')}</th><td className="num" data-testid="unmatched-count">{n(summary.join.unmatched)}</td></tr>
            <tr data-count="duplicates"><th scope="row">{t(lang, 'importui.join.duplicates')}</th><td className="num">{n(summary.join.duplicates)}</td></tr>
            <tr data-count="ambiguous"><th scope="row">{t(lang, 'importui.join.ambiguous')}</th><td className="num">{n(summary.join.ambiguous)}</td></tr>
            <tr data-count="setaside"><th scope="row">{t(lang, 'importui.join.setAside')}</th><td className="num">{n(f.setAside.length)}</td></tr>
          </tbody>
        </table>
      )}
      {summary.open.length > 0 && (
        <div className="open-keys">
          <h4>{t(lang, 'importui.assign.title')}</h4>
          <ul>
            {summary.open.map((k) => (
              <li key={`${k.kind}:${k.folded}`} data-testid="open-key" data-key={k.key}>
                <p>
                  <strong className="key">{k.key}</strong>{' '}
                  <span className="small muted">{t(lang, k.kind === 'unmatched' ? 'importui.assign.unmatchedRows' : 'importui.assign.ambiguousRows', { rows: k.rows.slice(0, 10).join(', ') + (k.rows.length > 10 ? '…' : '') })}</span>
                </p>
                <AssignUnit keyText={k.key} suggestions={k.suggestions} units={units} choices={choices} lang={lang} onAssign={(id) => onAssign(k.folded, id)} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {setAside.length > 0 && (
        <details className="set-aside" open={setAside.length <= 20}>
          <summary>{t(lang, 'importui.setAside.title', { count: n(setAside.length) })}</summary>
          <div className="table-scroll">
            <table className="set-aside-table" data-testid="set-aside">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'importui.setAside.row')}</th>
                  <th scope="col">{t(lang, 'importui.setAside.cells')}</th>
                  <th scope="col">{t(lang, 'importui.setAside.why')}</th>
                </tr>
              </thead>
              <tbody>
                {setAside.slice(0, SHOWN_ROWS).map((r) => (
                  <tr key={r.row}>
                    <td className="num">{r.row}</td>
                    <td className="cells">{r.cells.join(' | ')}</td>
                    <td>
                      {r.messages.map((m, i) => (
                        <div key={i}>{m.column ? <code>{m.column}</code> : null} {m.text}</div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {setAside.length > SHOWN_ROWS && <p className="small">{t(lang, 'importui.setAside.more', { count: n(setAside.length - SHOWN_ROWS) })}</p>}
        </details>
      )}
      {notes.length > 0 && (
        <details className="file-notes" open={notes.length <= 5}>
          <summary>{t(lang, 'importui.notes.title', { count: n(notes.length) })}</summary>
          <ul>
            {notes.slice(0, SHOWN_ROWS).map((i, k) => (
              <li key={k} className={i.severity}>
                <span className="sr-only">{t(lang, `importui.severity.${i.severity}`)}</span>
                {i.row !== null ? `${t(lang, 'importui.setAside.row')} ${i.row}${i.column ? `, ${i.column}` : ''}: ` : ''}
                {issueMessage(lang, i)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
