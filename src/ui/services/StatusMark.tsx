// One status symbol as SVG, drawn like the map layer does.
import { statusStyle } from './styles';

export function StatusMark({ status, color, atUnit = false }: { status: string; color: string; atUnit?: boolean }) {
  const s = statusStyle(status);
  return (
    <svg width="24" height="24" viewBox="-12 -12 24 24" aria-hidden="true" className="svc-legend-mark">
      {atUnit && <circle r={10} fill="none" stroke="#222" strokeOpacity={0.7} strokeWidth={1} />}
      {s.ring && <circle r={9} fill="none" stroke={color} strokeWidth={2} />}
      <circle r={s.radius} fill={color} fillOpacity={s.fillOpacity} stroke={s.stroke ?? color} strokeWidth={s.strokeWidth} />
    </svg>
  );
}
