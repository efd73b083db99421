// The planning norms in use, editable: places per 1,000 persons of a category. Edits are saved
// with the workspace; illustrative norms say so.
import { useState } from 'react';
import { formatNumber, t } from '../../core/i18n';
import { CATEGORY_KEYS, SERVICE_KEYS, type Lang } from '../../core/keys';
import type { NormsView } from '../../core/views/gaps-plan';

interface Props {
  view: NormsView;
  lang: Lang;
  onSet(service: string, category: string, value: number | null): void;
  onReset(): void;
}

function NormInput({ value, label, onCommit }: { value: number; label: string; onCommit(v: number): void }) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const v = Number(text.replace(',', '.'));
    if (Number.isFinite(v) && v >= 0) onCommit(v);
    setText(null);
  };
  return (
    <input
      type="number"
      min={0}
      step="any"
      className="norm-input"
      aria-label={label}
      value={text ?? String(value)}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(null);
      }}
    />
  );
}

export function NormsEditor({ view, lang, onSet, onReset }: Props) {
  const [svc, setSvc] = useState<string>(SERVICE_KEYS[0] ?? 'day_care');
  const [cat, setCat] = useState<string>(CATEGORY_KEYS[0]);
  const [val, setVal] = useState('');
  return (
    <section className="norms" data-testid="gaps-norms">
      <p className="small muted">
        {t(lang, 'gapsui.norms.note')} {view.edited && <strong>{t(lang, 'gapsui.norms.edited')}</strong>}
      </p>
      {view.illustrative && <p className="badge-illustrative">{t(lang, 'gaps.default_norms')}</p>}
      <div className="table-wrap">
        <table role="table" className="data-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'gapsui.service')}</th>
              <th scope="col">{t(lang, 'gapsui.category')}</th>
              <th scope="col" className="num">{t(lang, 'gapsui.norms.value')}</th>
              <th scope="col">{t(lang, 'gapsui.norms.source')}</th>
              <th scope="col"><span className="sr-only">{t(lang, 'gapsui.norms.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={`${r.service}:${r.category}`} data-norm={`${r.service}:${r.category}`}>
                <td>{r.serviceLabel}</td>
                <td>{r.categoryLabel}</td>
                <td className="num">
                  <NormInput value={r.placesPer1000} label={`${r.serviceLabel} · ${r.categoryLabel}`} onCommit={(v) => onSet(r.service, r.category, v)} />
                </td>
                <td className="small">{r.illustrative ? <span className="badge-illustrative">{t(lang, 'gapsui.illustrative')}</span> : r.source}</td>
                <td>
                  <button type="button" onClick={() => onSet(r.service, r.category, null)}>{t(lang, 'gapsui.norms.remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const v = Number(val.replace(',', '.'));
          if (val !== '' && Number.isFinite(v) && v >= 0) {
            onSet(svc, cat, v);
            setVal('');
          }
        }}
      >
        <strong>{t(lang, 'gapsui.norms.add')}</strong>
        <select aria-label={t(lang, 'gapsui.service')} value={svc} onChange={(e) => setSvc(e.target.value)}>
          {SERVICE_KEYS.map((k) => (
            <option key={k} value={k}>{t(lang, `service.${k}`)}</option>
          ))}
        </select>
        <select aria-label={t(lang, 'gapsui.category')} value={cat} onChange={(e) => setCat(e.target.value)}>
          {CATEGORY_KEYS.map((k) => (
            <option key={k} value={k}>{t(lang, `category.${k}`)}</option>
          ))}
        </select>
        <input type="number" min={0} step="any" aria-label={t(lang, 'gapsui.norms.value')} placeholder={formatNumber(lang, 10, 0)} value={val} onChange={(e) => setVal(e.target.value)} />
        <button type="submit">{t(lang, 'gapsui.norms.add')}</button>
        {view.edited && (
          <button type="button" onClick={onReset}>{t(lang, 'gapsui.norms.reset')}</button>
        )}
      </form>
    </section>
  );
}
