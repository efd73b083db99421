// Ranked bars: one bar per area coloured by its call, the 95 % interval as a whisker, the
// benchmark as a dashed reference line. Draws the view-model; computes only pixels.
import { scaleLinear } from 'd3';
import type { RankedBars } from '../../../core/compare/ranking';
import { CALL_COLORS, DASHED_CALLS } from '../../../core/compare/multiples';
import { CALLS } from '../../../core/compare/significance';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import type { ChartBody } from '../ChartFrame';
import { CHART_WIDTH } from '../ChartFrame';
import { legendHeight, SvgLegend } from '../Legend';
import { clip } from '../svgText';

const LABEL_W = 200;
const VALUE_W = 70;

export function barsBody(m: RankedBars, lang: Lang): ChartBody {
  const rowH = m.rows.length > 20 ? 16 : 24;
  const top = 22;
  const x0 = LABEL_W;
  const x1 = CHART_WIDTH - VALUE_W - 12;
  const x = scaleLinear().domain(m.domain).range([x0, x1]).nice();
  const plotH = m.rows.length * rowH;
  const axisY = top + plotH + 4;
  const legendY = axisY + 26;
  const legend = CALLS.filter((c) => m.tally[c] > 0).map((c) => ({ color: CALL_COLORS[c], label: `${t(lang, `compare.call.${c}`)} (${m.tally[c]})`, dashed: DASHED_CALLS.has(c) }));
  const height = legendY + legendHeight(legend, CHART_WIDTH - 24) + 4;
  const fmt = (v: number) => formatNumber(lang, v, 2);
  const font = rowH < 20 ? 10.5 : 12;
  const bench = m.benchmark.value;
  const benchLabel = `${m.benchmark.unitId === null ? t(lang, 'compare.benchmark.national') : m.benchmark.name}: ${bench === null ? '—' : fmt(bench)}`;
  const zero = x(0);
  const node = (
    <g data-testid="bars">
      {x.ticks(6).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top} y2={axisY} stroke="#e3e6ea" />
          <text x={x(tick)} y={axisY + 14} fontSize={10.5} textAnchor="middle" fill="#454b52">
            {fmt(tick)}
          </text>
        </g>
      ))}
      {m.rows.map((r, i) => {
        const y = top + i * rowH;
        const cy = y + rowH / 2;
        const barH = rowH * 0.62;
        const name = r.name;
        const full = r.parentName ? `${r.name} (${r.parentName})` : r.name;
        const none = t(lang, r.missing === 'suppressed' ? 'compare.hidden' : 'compare.call.no_data');
        return (
          <g key={r.unitId} data-testid="bar-row" data-unit-id={r.unitId} data-call={r.call}>
            <title>{`${full}: ${r.value === null ? none : fmt(r.value)}${r.lower !== null && r.upper !== null ? ` (${fmt(r.lower)}–${fmt(r.upper)})` : ''} · ${t(lang, `compare.call.${r.call}`)}`}</title>
            <text x={x0 - 6} y={cy} dy="0.35em" fontSize={font} textAnchor="end" fill="#1b1f24">
              {clip(name, LABEL_W - 14, font)}
            </text>
            {r.value === null ? (
              <text x={zero + 4} y={cy} dy="0.35em" fontSize={font} fill="#6b7178" fontStyle="italic">
                {none}
              </text>
            ) : (
              <rect
                data-testid="bar"
                x={Math.min(zero, x(r.value))}
                y={cy - barH / 2}
                width={Math.max(0.5, Math.abs(x(r.value) - zero))}
                height={barH}
                fill={CALL_COLORS[r.call]}
                stroke="#4d4d4d"
                strokeWidth={0.6}
                strokeDasharray={DASHED_CALLS.has(r.call) ? '3 2' : undefined}
              />
            )}
            {r.lower !== null && r.upper !== null && (
              <g data-testid="ci" stroke="#1b1f24" strokeWidth={1.2}>
                <line x1={x(r.lower)} x2={x(r.upper)} y1={cy} y2={cy} />
                <line x1={x(r.lower)} x2={x(r.lower)} y1={cy - 4} y2={cy + 4} />
                <line x1={x(r.upper)} x2={x(r.upper)} y1={cy - 4} y2={cy + 4} />
              </g>
            )}
            {r.value !== null && (
              <text x={x1 + 8} y={cy} dy="0.35em" fontSize={font} fill="#1b1f24">
                {fmt(r.value)}
              </text>
            )}
          </g>
        );
      })}
      {bench !== null && (
        <g data-testid="benchmark-line">
          <line x1={x(bench)} x2={x(bench)} y1={top - 6} y2={axisY} stroke="#1b1f24" strokeWidth={1.5} strokeDasharray="5 3" />
          <text x={x(bench)} y={top - 9} fontSize={11} textAnchor="middle" fill="#1b1f24" fontWeight={600}>
            {benchLabel}
          </text>
        </g>
      )}
      <SvgLegend items={legend} width={CHART_WIDTH - 24} x={12} y={legendY} />
    </g>
  );
  return { height, node };
}
