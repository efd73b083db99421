// What-if scenarios: choose the one shown (or the baseline), create, rename, delete, list its
// changes (each undoable) and its effect against the baseline. The forms live in ScenarioForms.
import { useState } from 'react';
import { t } from '../../core/i18n';
import type { Scenario } from '../../core/gaps/types';
import type { Lang } from '../../core/keys';

interface Props {
  scenarios: Scenario[];
  active: Scenario | null;
  edits: string[];
  summary: string | null;
  lang: Lang;
  onShow(id: string | null): void;
  onCreate(name: string): void;
  onRename(id: string, name: string): void;
  onDelete(id: string): void;
  onUndo(index: number): void;
  children?: React.ReactNode;
}

export function ScenarioPanel({ scenarios, active, edits, summary, lang, onShow, onCreate, onRename, onDelete, onUndo, children }: Props) {
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <section className="scenarios" data-testid="gaps-scenarios" aria-label={t(lang, 'gapsui.sc.title')}>
      <h2>{t(lang, 'gapsui.sc.title')}</h2>
      <label className="block">
        <span>{t(lang, 'gapsui.sc.active')}</span>
        <select data-testid="scenario-select" value={active?.id ?? ''} onChange={(e) => onShow(e.target.value || null)}>
          <option value="">{t(lang, 'gapsui.sc.baseline')}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate(name);
          setName('');
        }}
      >
        <input data-testid="scenario-name" aria-label={t(lang, 'gapsui.sc.new')} placeholder={t(lang, 'gapsui.sc.new')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <button type="submit" data-testid="scenario-create">{t(lang, 'gapsui.sc.create')}</button>
      </form>
      {active && (
        <div className="scenario-active" data-testid="scenario-active" data-scenario-id={active.id}>
          {renaming === null ? (
            <p>
              <strong>{active.name}</strong>{' '}
              <button type="button" className="link-button" onClick={() => setRenaming(active.name)}>{t(lang, 'gapsui.sc.rename')}</button>{' '}
              <button type="button" className="link-button" onClick={() => onDelete(active.id)}>{t(lang, 'gapsui.sc.delete')}</button>
            </p>
          ) : (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                onRename(active.id, renaming);
                setRenaming(null);
              }}
            >
              <input aria-label={t(lang, 'gapsui.sc.rename')} value={renaming} maxLength={120} onChange={(e) => setRenaming(e.target.value)} />
              <button type="submit">{t(lang, 'gapsui.sc.rename')}</button>
            </form>
          )}
          {summary && <p className="scenario-summary" data-testid="scenario-summary">{summary}</p>}
          <h3>{t(lang, 'gapsui.sc.edits')}</h3>
          {edits.length === 0 ? (
            <p className="muted small">{t(lang, 'gapsui.sc.noEdits')}</p>
          ) : (
            <ol className="edit-list small" data-testid="scenario-edits">
              {edits.map((e, i) => (
                <li key={i}>
                  {e} <button type="button" className="link-button" onClick={() => onUndo(i)}>{t(lang, 'gapsui.sc.undo')}</button>
                </li>
              ))}
            </ol>
          )}
          {children}
        </div>
      )}
      {!active && <p className="small">{t(lang, 'gapsui.sc.needScenario')}</p>}
      <p className="small muted">{t(lang, 'gapsui.sc.note')}</p>
    </section>
  );
}
