// The embed's map: an SVG listbox of units. Each unit in focus is an option (its name and value
// are its accessible name); arrow keys move spatially, Home/End and letters by name, Enter or
// Space selects, Escape clears. Focus and selection are drawn as separate outlines on top.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LOCALE_OF, t } from '../../core/i18n';
import type { Lang, ServiceGroup } from '../../core/keys';
import type { MapUnit, MapView } from '../../core/views/map';
import { arrowDirection, findByPrefix, moveFocus } from './keyboard';
import type { Projected } from './project';

export interface ServicePoint {
  id: string;
  x: number;
  y: number;
  group: ServiceGroup;
  color: string;
}

interface Props {
  projected: Projected;
  view: MapView;
  lang: Lang;
  /** Map height in CSS pixels (null: from the map's shape). */
  height: number | null;
  services: ServicePoint[] | null;
  onSelect(id: string | null): void;
  /** The unit under the pointer or the keyboard focus (for the read-out). */
  onPoint(unit: MapUnit | null): void;
}

const HELP_ID = 'embed-map-help';

export function SvgMap({ projected, view, lang, height, services, onSelect, onPoint }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const refs = useRef(new Map<string, SVGPathElement>());
  const [active, setActive] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const order = view.tableUnits;
  const ids = order.map((u) => u.id);
  const selected = view.selected?.id ?? null;
  // The one option in the tab order: the last one the keyboard reached, else the selection.
  const tabStop = active && ids.includes(active) ? active : selected && ids.includes(selected) ? selected : (ids[0] ?? null);

  // A hook for tests and for measuring: the map has been drawn.
  useEffect(() => {
    const el = wrap.current;
    if (!el || el.getAttribute('data-drawn') === 'true') return;
    requestAnimationFrame(() => {
      el.setAttribute('data-drawn', 'true');
      performance.mark('social-map:map-drawn');
    });
  }, [projected]);

  const move = (id: string | null) => {
    if (!id) return;
    setActive(id);
    refs.current.get(id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const current = focused ?? tabStop;
    const dir = arrowDirection(e.key);
    if (dir) {
      move(moveFocus(ids, projected.points, current, dir));
    } else if (e.key === 'Home') {
      move(ids[0] ?? null);
    } else if (e.key === 'End') {
      move(ids[ids.length - 1] ?? null);
    } else if ((e.key === 'Enter' || e.key === ' ') && current) {
      onSelect(current);
    } else if (e.key === 'Escape') {
      onSelect(null);
    } else if (e.key.length === 1 && /\p{L}|\p{N}/u.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = e.timeStamp;
      typed.current = { text: now - typed.current.at < 800 ? typed.current.text + e.key : e.key, at: now };
      move(findByPrefix(order, current, typed.current.text, LOCALE_OF[lang]));
    } else {
      return;
    }
    e.preventDefault();
  };

  const [, , w, h] = projected.viewBox;
  const r = Math.max(w, h) * 0.009;
  const byId = new Map(view.units.map((u) => [u.id, u]));
  const outline = (id: string | null, cls: string) => {
    const d = id ? projected.units.get(id) : undefined;
    return d ? <path className={cls} d={d} fillRule="evenodd" vectorEffect="non-scaling-stroke" /> : null;
  };

  return (
    <div ref={wrap} className="embed-map" data-testid="map">
      <svg
        className="embed-svg"
        viewBox={projected.viewBox.join(' ')}
        preserveAspectRatio="xMidYMid meet"
        style={height ? { height: `${height}px`, maxHeight: 'none' } : undefined}
        role="listbox"
        aria-label={t(lang, 'map.label', { indicator: view.indicatorLabel, level: view.level ? t(lang, `level.${view.level}`) : '' })}
        aria-describedby={HELP_ID}
        onKeyDown={onKeyDown}
        onMouseLeave={() => onPoint(null)}
      >
        <g aria-hidden="true" className="muted-units">
          {view.units
            .filter((u) => !u.inFocus)
            .map((u) => (
              <path key={u.id} d={projected.units.get(u.id) ?? ''} fill={u.color} fillRule="evenodd" vectorEffect="non-scaling-stroke" />
            ))}
        </g>
        {order.map((u) => (
          <path
            key={u.id}
            ref={(el) => {
              if (el) refs.current.set(u.id, el);
              else refs.current.delete(u.id);
            }}
            id={`unit-${u.id}`}
            role="option"
            aria-selected={u.id === selected}
            aria-label={t(lang, 'embed.unitOption', { name: u.name, value: u.valueLabel })}
            tabIndex={u.id === tabStop ? 0 : -1}
            d={projected.units.get(u.id) ?? ''}
            fill={u.color}
            fillRule="evenodd"
            vectorEffect="non-scaling-stroke"
            data-unit-id={u.id}
            onClick={() => {
              setActive(u.id);
              onSelect(u.id);
            }}
            onFocus={() => {
              setFocused(u.id);
              setActive(u.id);
              onPoint(u);
            }}
            onBlur={() => {
              setFocused(null);
              onPoint(null);
            }}
            onMouseEnter={() => onPoint(u)}
          />
        ))}
        <g aria-hidden="true" className="region-lines">
          {[...projected.regions].map(([id, d]) => (
            <path key={id} d={d} className={id === view.regionId ? 'active' : ''} fillRule="evenodd" vectorEffect="non-scaling-stroke" />
          ))}
        </g>
        {services && (
          <g aria-hidden="true" className="service-points">
            {services.map((s) => (
              <circle key={s.id} cx={s.x} cy={s.y} r={r} fill={s.color} vectorEffect="non-scaling-stroke" />
            ))}
          </g>
        )}
        <g aria-hidden="true">
          {outline(selected && byId.get(selected)?.inFocus ? selected : null, 'outline-selected')}
          {focused && outline(focused, 'outline-focus-halo')}
          {outline(focused, 'outline-focus')}
        </g>
      </svg>
      <p id={HELP_ID} className="sr-only">{t(lang, 'embed.keyboardHelp')}</p>
    </div>
  );
}
