// Scatter of two indicators: one dot per area, the selected area highlighted and labelled, the
// national point as a cross.
import { scaleLinear } from 'd3';
import type { Scatter } from '../../../core/compare/scatter';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import { CHART_WIDTH, type ChartBody } from '../ChartFrame';
import { clip } from '../svgText';

export function scatterBody(s: Scatter, xLabel: string, yLabel: string, lang: Lang): ChartBody {
  const m = { top: 10, right: 20, bottom: 44, left: 64 };
  const height = 440;
  const x = scaleLinear().domain(s.xDomain).range([m.left, CHART_WIDTH - m.right]).nice();
  const y = scaleLinear().domain(s.yDomain).range([height - m.bottom, m.top]).nice();
  const fmt = (v: number) => formatNumber(lang, v, 2);
  const nat = s.national;
  const hi = s.points.filter((p) => p.highlighted);
  const node = (
    <g data-testid="scatter">
      {x.ticks(6).map((v) => (
        <g key={`x${v}`}>
          <line x1={x(v)} x2={x(v)} y1={m.top} y2={height - m.bottom} stroke="#e3e6ea" />
          <text x={x(v)} y={height - m.bottom + 14} fontSize={10.5} textAnchor="middle" fill="#454b52">
            {fmt(v)}
          </text>
        </g>
      ))}
      {y.ticks(6).map((v) => (
        <g key={`y${v}`}>
          <line x1={m.left} x2={CHART_WIDTH - m.right} y1={y(v)} y2={y(v)} stroke="#e3e6ea" />
          <text x={m.left - 6} y={y(v)} dy="0.35em" fontSize={10.5} textAnchor="end" fill="#454b52">
            {fmt(v)}
          </text>
        </g>
      ))}
      <text x={(m.left + CHART_WIDTH - m.right) / 2} y={height - 8} fontSize={11.5} textAnchor="middle" fill="#1b1f24">
        {clip(xLabel, CHART_WIDTH - 100, 11.5)}
      </text>
      <text transform={`translate(14, ${(m.top + height - m.bottom) / 2}) rotate(-90)`} fontSize={11.5} textAnchor="middle" fill="#1b1f24">
        {clip(yLabel, height - 60, 11.5)}
      </text>
      {s.points
        .filter((p) => !p.highlighted)
        .map((p) => (
          <circle key={p.unitId} cx={x(p.x)} cy={y(p.y)} r={4.5} fill="#4a6fa5" fillOpacity={0.75} stroke="#1d3557" strokeWidth={0.6} data-testid="point" data-unit-id={p.unitId}>
            <title>{`${p.name}${p.parentName ? ` (${p.parentName})` : ''}: ${fmt(p.x)}; ${fmt(p.y)}`}</title>
          </circle>
        ))}
      {nat.x !== null && nat.y !== null && (
        <g transform={`translate(${x(nat.x)}, ${y(nat.y)})`} data-testid="national-point">
          <title>{`${t(lang, 'compare.benchmark.national')}: ${fmt(nat.x)}; ${fmt(nat.y)}`}</title>
          <path d="M-7,0H7M0,-7V7" stroke="#1b1f24" strokeWidth={2.2} />
          <text x={x(nat.x) > CHART_WIDTH - 160 ? -9 : 9} y={-6} fontSize={11} fill="#1b1f24" textAnchor={x(nat.x) > CHART_WIDTH - 160 ? 'end' : 'start'}>
            {t(lang, 'compare.benchmark.national')}
          </text>
        </g>
      )}
      {hi.map((p) => (
        <g key={p.unitId} data-testid="point-highlighted" data-unit-id={p.unitId}>
          <circle cx={x(p.x)} cy={y(p.y)} r={7.5} fill="#b3005e" stroke="#1b1f24" strokeWidth={1.2}>
            <title>{`${p.name}: ${fmt(p.x)}; ${fmt(p.y)}`}</title>
          </circle>
          <text x={x(p.x) > CHART_WIDTH - 160 ? x(p.x) - 10 : x(p.x) + 10} y={y(p.y) - 8} fontSize={12} fontWeight={700} fill="#1b1f24" textAnchor={x(p.x) > CHART_WIDTH - 160 ? 'end' : 'start'}>
            {p.name}
          </text>
        </g>
      ))}
    </g>
  );
  return { height, node };
}
