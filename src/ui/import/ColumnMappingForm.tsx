// The column-mapping step for a table the core could not recognise: which column names the
// unit (by id or by name), and which columns are indicators (wide) or which hold the indicator
// and its value (long). Saved for every file with the same columns.
import { useId, useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { ColumnMapping } from '../../core/workspace/schema';

interface Props {
  columns: string[];
  initial: ColumnMapping | null;
  lang: Lang;
  onSave(m: ColumnMapping): void;
  onForget: (() => void) | null;
}

export function ColumnMappingForm({ columns, initial, lang, onSave, onForget }: Props) {
  const id = useId();
  const [unitColumn, setUnitColumn] = useState(initial?.unitColumn ?? columns[0] ?? '');
  const [unitBy, setUnitBy] = useState<ColumnMapping['unitBy']>(initial?.unitBy ?? 'name');
  const [form, setForm] = useState<ColumnMapping['form']>(initial?.form ?? 'wide');
  const [wide, setWide] = useState<string[]>(initial?.indicatorColumns ?? columns.slice(1));
  const [indicatorColumn, setIndicatorColumn] = useState(initial?.indicatorColumn ?? columns[1] ?? '');
  const [valueColumn, setValueColumn] = useState(initial?.valueColumn ?? columns[2] ?? '');
  const others = columns.filter((c) => c !== unitColumn);
  const chosenWide = wide.filter((c) => c !== unitColumn && columns.includes(c));
  const valid = unitColumn !== '' && (form === 'wide' ? chosenWide.length > 0 : indicatorColumn !== '' && valueColumn !== '' && indicatorColumn !== valueColumn && indicatorColumn !== unitColumn && valueColumn !== unitColumn);
  const save = () => {
    if (!valid) return;
    onSave({
      unitColumn,
      unitBy,
      form,
      indicatorColumns: form === 'wide' ? chosenWide : [],
      indicatorColumn: form === 'long' ? indicatorColumn : null,
      valueColumn: form === 'long' ? valueColumn : null,
    });
  };
  const select = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <label>
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => set(e.target.value)}>
        {columns.map((c) => (
          <option key={c} value={c}>{c}</option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="column-mapping" data-testid="column-mapping">
      <legend>{t(lang, 'importui.mapping.title')}</legend>
      <p className="small">{t(lang, 'importui.mapping.intro')}</p>
      {select(t(lang, 'importui.mapping.unitColumn'), unitColumn, setUnitColumn, 'mapping-unit')}
      <div role="radiogroup" aria-label={t(lang, 'importui.mapping.unitBy')}>
        {(['name', 'id'] as const).map((v) => (
          <label key={v} className="inline">
            <input type="radio" name={`${id}-by`} checked={unitBy === v} onChange={() => setUnitBy(v)} /> {t(lang, `importui.mapping.by.${v}`)}
          </label>
        ))}
      </div>
      <div role="radiogroup" aria-label={t(lang, 'importui.mapping.form')}>
        {(['wide', 'long'] as const).map((v) => (
          <label key={v} className="inline">
            <input type="radio" name={`${id}-form`} data-testid={`mapping-form-${v}`} checked={form === v} onChange={() => setForm(v)} /> {t(lang, `importui.mapping.form.${v}`)}
          </label>
        ))}
      </div>
      {form === 'wide' ? (
        <fieldset>
          <legend>{t(lang, 'importui.mapping.indicators')}</legend>
          {others.map((c) => (
            <label key={c} className="inline">
              <input type="checkbox" checked={chosenWide.includes(c)} onChange={(e) => setWide(e.target.checked ? [...chosenWide, c] : chosenWide.filter((x) => x !== c))} /> {c}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          {select(t(lang, 'importui.mapping.indicatorColumn'), indicatorColumn, setIndicatorColumn, 'mapping-indicator')}
          {select(t(lang, 'importui.mapping.valueColumn'), valueColumn, setValueColumn, 'mapping-value')}
        </>
      )}
      <div className="row-actions">
        <button type="button" data-testid="mapping-save" disabled={!valid} onClick={save}>{t(lang, 'importui.mapping.save')}</button>
        {onForget && <button type="button" onClick={onForget}>{t(lang, 'importui.mapping.forget')}</button>}
      </div>
    </fieldset>
  );
}
