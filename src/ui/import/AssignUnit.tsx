// Assign a row's key to a unit: a combobox whose list is filtered by folded and transliterated
// names (any script), showing the closest units first before anything is typed.
import { useId, useMemo, useState } from 'react';
import { unitName } from '../../core/dataset';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { Unit } from '../../core/model';
import { searchUnits, type UnitChoice } from '../../core/workspace/unitSearch';

interface Props {
  keyText: string;
  suggestions: string[];
  units: ReadonlyMap<string, Unit>;
  choices: readonly UnitChoice[];
  lang: Lang;
  onAssign(unitId: string): void;
}

export function unitLabel(u: Unit, units: ReadonlyMap<string, Unit>, lang: Lang): string {
  const parent = u.parentId ? units.get(u.parentId) : undefined;
  return `${unitName(u, lang)}${parent ? ` · ${unitName(parent, lang)}` : ''} (${u.id})`;
}

export function AssignUnit({ keyText, suggestions, units, choices, lang, onAssign }: Props) {
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const inputId = useId();
  const results = useMemo(() => (q.trim() === '' ? suggestions.filter((s) => units.has(s)) : searchUnits(choices, q, 12)), [q, suggestions, choices, units]);
  const pick = (id: string) => {
    const u = units.get(id);
    if (!u) return;
    setChosen(id);
    setQ(unitLabel(u, units, lang));
    setExpanded(false);
  };
  const activeId = results[active] !== undefined ? `${listId}-${active}` : undefined;
  return (
    <div className="assign-unit">
      <label htmlFor={inputId} className="sr-only">{t(lang, 'importui.assign.label', { key: keyText })}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={expanded ? activeId : undefined}
        data-testid="assign-input"
        placeholder={t(lang, 'importui.assign.placeholder')}
        value={q}
        onFocus={() => setExpanded(true)}
        onBlur={() => setExpanded(false)}
        onChange={(e) => {
          setQ(e.target.value);
          setChosen(null);
          setActive(0);
          setExpanded(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setExpanded(true);
            setActive((a) => Math.min(a + 1, Math.max(0, results.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const id = results[active];
            if (expanded && id) pick(id);
            else if (chosen) onAssign(chosen);
          } else if (e.key === 'Escape') setExpanded(false);
        }}
      />
      <ul id={listId} role="listbox" className="assign-list" hidden={!expanded || results.length === 0}>
        {results.map((id, i) => {
          const u = units.get(id);
          if (!u) return null;
          return (
            <li
              key={id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              data-unit-id={id}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(id);
              }}
            >
              {unitLabel(u, units, lang)}
            </li>
          );
        })}
      </ul>
      <button type="button" data-testid="assign-button" disabled={chosen === null} onClick={() => chosen && onAssign(chosen)}>
        {t(lang, 'importui.assign.button')}
      </button>
    </div>
  );
}
