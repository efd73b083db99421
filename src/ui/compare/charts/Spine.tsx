// Spine chart (Fingertips): per indicator, the national range (min–max), the interquartile box,
// the national value as a line at the centre, and the area's value as a dot coloured by its call.
import type { Profile } from '../../../core/compare/profile';
import { CALL_COLORS } from '../../../core/compare/multiples';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import { CHART_WIDTH, type ChartBody } from '../ChartFrame';
import { clip, wrapMax } from '../svgText';

const LABEL_W = 300;
const COL_W = 66;

export function spineBody(p: Profile, labels: string[], lang: Lang): ChartBody {
  const rowH = 32;
  const top = 22;
  const sx0 = 12 + LABEL_W + 2 * COL_W + 10;
  const sx1 = CHART_WIDTH - 16;
  const sx = (f: number) => sx0 + f * (sx1 - sx0);
  const fmt = (v: number | null) => (v === null ? '—' : formatNumber(lang, v, 2));
  const height = top + p.rows.length * rowH + 8;
  const node = (
    <g data-testid="spine">
      <text x={12 + LABEL_W + COL_W - 6} y={14} fontSize={11} textAnchor="end" fontWeight={600} fill="#1b1f24">
        {clip(p.name, COL_W + 40, 11)}
      </text>
      <text x={12 + LABEL_W + 2 * COL_W - 6} y={14} fontSize={11} textAnchor="end" fontWeight={600} fill="#1b1f24">
        {t(lang, 'compare.col.national')}
      </text>
      {p.rows.map((r, i) => {
        const y = top + i * rowH;
        const cy = y + rowH / 2;
        const s = r.scaled;
        return (
          <g key={r.meta.key} data-testid="spine-row" data-indicator={r.meta.key} data-call={r.call}>
            <title>{`${labels[i] ?? r.meta.key}: ${fmt(r.value)} · ${t(lang, `compare.call.${r.call}`)}`}</title>
            <rect x={0} y={y} width={CHART_WIDTH} height={rowH} fill={i % 2 ? '#ffffff' : '#f6f7f9'} />
            <text x={12} y={cy} fontSize={11} fill="#1b1f24">
              {wrapMax(labels[i] ?? r.meta.key, LABEL_W - 8, 11, 2).map((l, j, all) => (
                <tspan key={j} x={12} dy={j === 0 ? (all.length === 1 ? 4 : -2) : 12}>
                  {l}
                </tspan>
              ))}
            </text>
            <text x={12 + LABEL_W + COL_W - 6} y={cy} dy="0.35em" fontSize={11.5} textAnchor="end" fill="#1b1f24">
              {fmt(r.value)}
            </text>
            <text x={12 + LABEL_W + 2 * COL_W - 6} y={cy} dy="0.35em" fontSize={11.5} textAnchor="end" fill="#454b52">
              {fmt(r.national)}
            </text>
            {s && (
              <g>
                <rect x={sx(Math.min(s.min, s.max))} y={cy - 7} width={Math.abs(sx(s.max) - sx(s.min))} height={14} fill="#d9d9d9" />
                <rect x={sx(Math.min(s.q1, s.q3))} y={cy - 7} width={Math.abs(sx(s.q3) - sx(s.q1))} height={14} fill="#8c8c8c" />
                <line x1={sx(s.national)} x2={sx(s.national)} y1={cy - 11} y2={cy + 11} stroke="#b3005e" strokeWidth={2} />
                {s.value !== null && <circle cx={sx(s.value)} cy={cy} r={6} fill={CALL_COLORS[r.call]} stroke="#1b1f24" strokeWidth={1} data-testid="spine-value" />}
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
  return { height, node };
}
