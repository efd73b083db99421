// Forms that add edits to the active scenario: add a service (unit, service, categories,
// capacity, optionally a point picked on the map) and move / resize / close an existing one.
import { useState } from 'react';
import { formatNumber, t } from '../../core/i18n';
import type { ScenarioEdit } from '../../core/gaps/types';
import type { Lang } from '../../core/keys';
import type { NewServiceInput, ScenarioFormModel } from '../../core/views/gaps-scenario';

interface AddProps {
  model: ScenarioFormModel;
  lang: Lang;
  defaults: { unitId: string | null; service: string | null; category: string | null };
  picked: { lat: number; lon: number; unitId: string | null } | null;
  picking: boolean;
  onPick(): void;
  onAdd(input: NewServiceInput): void;
}

export function AddServiceForm({ model, lang, defaults, picked, picking, onPick, onAdd }: AddProps) {
  const [unit, setUnit] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [cats, setCats] = useState<string[] | null>(null);
  const [capacity, setCapacity] = useState('');
  const unitId = unit ?? picked?.unitId ?? defaults.unitId ?? model.units[0]?.key ?? '';
  const svc = service ?? defaults.service ?? model.services[0]?.key ?? '';
  const catOptions = model.services.find((s) => s.key === svc)?.categories ?? [];
  const chosen = cats ?? (defaults.category && catOptions.some((c) => c.key === defaults.category) ? [defaults.category] : catOptions.map((c) => c.key));
  const cap = capacity.trim() === '' ? null : Number(capacity.replace(',', '.'));
  const valid = !!unitId && !!svc && chosen.length > 0 && (cap === null || (Number.isFinite(cap) && cap >= 0));
  return (
    <form
      className="scenario-form"
      data-testid="scenario-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        onAdd({ service: svc, targetGroups: chosen, unitId, capacity: cap, lat: picked?.lat ?? null, lon: picked?.lon ?? null });
        setCapacity('');
      }}
    >
      <h3>{t(lang, 'gapsui.sc.add')}</h3>
      <label className="block">
        <span>{t(lang, 'gapsui.sc.unit')}</span>
        <select data-testid="sc-add-unit" value={unitId} onChange={(e) => setUnit(e.target.value)}>
          {model.units.map((u) => (
            <option key={u.key} value={u.key}>{u.label}</option>
          ))}
        </select>
      </label>
      <label className="block">
        <span>{t(lang, 'gapsui.service')}</span>
        <select
          data-testid="sc-add-service"
          value={svc}
          onChange={(e) => {
            setService(e.target.value);
            setCats(null);
          }}
        >
          {model.services.map((s) => (
            <option key={s.key} value={s.key}>{s.label}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t(lang, 'gapsui.sc.categories')}</legend>
        {catOptions.map((c) => (
          <label key={c.key} className="inline">
            <input
              type="checkbox"
              data-testid={`sc-add-cat-${c.key}`}
              checked={chosen.includes(c.key)}
              onChange={(e) => setCats(e.target.checked ? [...chosen, c.key] : chosen.filter((k) => k !== c.key))}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span>{t(lang, 'gapsui.sc.capacity')}</span>
        <input data-testid="sc-add-capacity" type="number" min={0} step="any" value={capacity} placeholder={t(lang, 'gapsui.unknown')} onChange={(e) => setCapacity(e.target.value)} />
      </label>
      <p className="small">
        <button type="button" data-testid="sc-add-pick" aria-pressed={picking} onClick={onPick}>
          {picking ? t(lang, 'gapsui.sc.picking') : t(lang, 'gapsui.sc.pick')}
        </button>{' '}
        {picked && <span className="muted">{t(lang, 'gapsui.sc.coords', { lat: formatNumber(lang, picked.lat, 4), lon: formatNumber(lang, picked.lon, 4) })}</span>}
      </p>
      <button type="submit" data-testid="sc-add-submit" disabled={!valid}>{t(lang, 'gapsui.sc.addButton')}</button>
    </form>
  );
}

type Action = 'resize' | 'move' | 'close';

export function ModifyServiceForm({ model, lang, onEdit }: { model: ScenarioFormModel; lang: Lang; onEdit(edit: ScenarioEdit): void }) {
  const [id, setId] = useState<string | null>(null);
  const [action, setAction] = useState<Action>('resize');
  const [capacity, setCapacity] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const serviceId = id ?? model.existing[0]?.key ?? '';
  const unitId = unit ?? model.units[0]?.key ?? '';
  if (model.existing.length === 0) return null;
  return (
    <form
      className="scenario-form"
      data-testid="scenario-modify"
      onSubmit={(e) => {
        e.preventDefault();
        if (!serviceId) return;
        if (action === 'close') onEdit({ op: 'close', serviceId });
        else if (action === 'move') onEdit({ op: 'move', serviceId, unitId, lat: null, lon: null });
        else {
          const c = capacity.trim() === '' ? null : Number(capacity.replace(',', '.'));
          if (c !== null && !(Number.isFinite(c) && c >= 0)) return;
          onEdit({ op: 'resize', serviceId, capacity: c });
        }
      }}
    >
      <h3>{t(lang, 'gapsui.sc.modify')}</h3>
      <label className="block">
        <span>{t(lang, 'gapsui.sc.existing')}</span>
        <select data-testid="sc-mod-service" value={serviceId} onChange={(e) => setId(e.target.value)}>
          {model.existing.map((s) => (
            <option key={s.key} value={s.key}>{s.label}</option>
          ))}
        </select>
      </label>
      <label className="block">
        <span>{t(lang, 'gapsui.sc.action')}</span>
        <select data-testid="sc-mod-action" value={action} onChange={(e) => setAction(e.target.value as Action)}>
          <option value="resize">{t(lang, 'gapsui.sc.resize')}</option>
          <option value="move">{t(lang, 'gapsui.sc.move')}</option>
          <option value="close">{t(lang, 'gapsui.sc.close')}</option>
        </select>
      </label>
      {action === 'resize' && (
        <label className="block">
          <span>{t(lang, 'gapsui.sc.capacity')}</span>
          <input data-testid="sc-mod-capacity" type="number" min={0} step="any" value={capacity} placeholder={t(lang, 'gapsui.unknown')} onChange={(e) => setCapacity(e.target.value)} />
        </label>
      )}
      {action === 'move' && (
        <label className="block">
          <span>{t(lang, 'gapsui.sc.unit')}</span>
          <select value={unitId} onChange={(e) => setUnit(e.target.value)}>
            {model.units.map((u) => (
              <option key={u.key} value={u.key}>{u.label}</option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" data-testid="sc-mod-submit">{t(lang, 'gapsui.sc.apply')}</button>
    </form>
  );
}
