// The manual class limits field: the user types "10; 25,5; 40" and the map follows on Enter or
// when the field loses focus; what cannot be read is said, and the map keeps its last limits.
import { useId, useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { breaksText, parseBreaks } from '../../core/views/breaks';

interface Props {
  breaks: readonly number[];
  lang: Lang;
  onChange(breaks: number[]): void;
}

export function BreaksInput({ breaks, lang, onChange }: Props) {
  const id = useId();
  const shown = breaksText(breaks);
  const [draft, setDraft] = useState(shown);
  const [prevShown, setPrevShown] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  if (shown !== prevShown) {
    // limits changed from outside (URL, back button): follow them
    setPrevShown(shown);
    setDraft(shown);
    setInvalid(false);
  }
  const commit = () => {
    const xs = parseBreaks(draft);
    setInvalid(xs === null);
    if (xs !== null && breaksText(xs) !== shown) onChange(xs);
  };
  return (
    <label className="breaks">
      <span>{t(lang, 'controls.breaks')}</span>
      <input
        type="text"
        inputMode="decimal"
        data-testid="breaks-input"
        value={draft}
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <small id={`${id}-help`} className={invalid ? 'error' : 'muted'} role={invalid ? 'alert' : undefined}>
        {t(lang, invalid ? 'controls.breaksInvalid' : 'controls.breaksHelp')}
      </small>
    </label>
  );
}
