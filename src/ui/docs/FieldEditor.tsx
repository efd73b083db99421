// An editable narrative field: a labelled textarea holding the text in a small markup
// (one paragraph per line, "- " bullets, "1. " numbered, **bold**, _italic_), with bold and
// italic buttons that wrap the selection. The text is parsed into runs (never HTML) and
// handed up on every change; the raw text stays local so typing is never rewritten.
import { useId, useRef, useState } from 'react';
import { fieldText, plainToRich, richToMarkup, type FieldBlock, type RichText } from '../../core/docs/model';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { Rich } from './Blocks';

interface Props {
  field: FieldBlock;
  uiLang: Lang;
  onChange: (id: string, text: RichText | null) => void;
}

export function FieldEditor({ field, uiLang, onChange }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => richToMarkup(fieldText(field)));
  const edited = field.userText !== null;
  // The text can change from outside (edits restored from the workspace, new data changing the
  // generated text): follow it, unless it is just what the user typed coming back.
  const external = JSON.stringify(fieldText(field));
  const [prevExternal, setPrevExternal] = useState(external);
  if (external !== prevExternal) {
    setPrevExternal(external);
    if (external !== JSON.stringify(plainToRich(text))) setText(richToMarkup(fieldText(field)));
  }

  const update = (next: string) => {
    setText(next);
    onChange(field.id, plainToRich(next));
  };
  const wrap = (marker: string) => {
    const el = area.current;
    if (!el) return;
    const { selectionStart: a, selectionEnd: b } = el;
    const next = `${text.slice(0, a)}${marker}${text.slice(a, b)}${marker}${text.slice(b)}`;
    update(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(a + marker.length, b + marker.length);
    });
  };
  const reset = () => {
    setText(richToMarkup(field.defaultText));
    onChange(field.id, null);
  };

  return (
    <div className={`doc-field${edited ? ' edited' : ''}`} data-field={field.id}>
      <div className="field-tools">
        <label htmlFor={id} className="field-label">
          {field.label}
          {edited && <span className="field-edited"> · {t(uiLang, 'docs.ui.edited')}</span>}
        </label>
        <button type="button" onClick={() => wrap('**')} aria-label={t(uiLang, 'docs.ui.bold')} title={t(uiLang, 'docs.ui.bold')}>
          <strong>B</strong>
        </button>
        <button type="button" onClick={() => wrap('_')} aria-label={t(uiLang, 'docs.ui.italic')} title={t(uiLang, 'docs.ui.italic')}>
          <em>I</em>
        </button>
        {edited && (
          <button type="button" onClick={reset}>
            {t(uiLang, 'docs.ui.reset')}
          </button>
        )}
      </div>
      <textarea
        id={id}
        ref={area}
        value={text}
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        onChange={(e) => update(e.target.value)}
        aria-describedby={`${id}-help`}
        data-testid={`doc-field-${field.id}`}
      />
      <p id={`${id}-help`} className="field-help">
        {t(uiLang, 'docs.ui.field_help')}
      </p>
      <div className="field-preview" aria-hidden="true">
        <Rich text={fieldText(field)} />
      </div>
    </div>
  );
}
