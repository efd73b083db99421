// Gaps compared: a grid of regions (columns) by service × category (rows); each cell coloured
// by its coverage class, labelled with coverage and "deserts / units".
import { COVERAGE_CLASSES, NO_COVERAGE_COLOR, type GapCell, type GapsCompared } from '../../../core/compare/gaps';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import { CHART_WIDTH, type ChartBody } from '../ChartFrame';
import { clip, wrap } from '../svgText';

const LABEL_W = 230;

export function gapsBody(g: GapsCompared, rowLabels: string[], lang: Lang): ChartBody {
  const cols = g.regions.length + 1;
  const colW = (CHART_WIDTH - 12 - LABEL_W - 12) / cols;
  const headLines = [...g.regions.map((r) => r.name), t(lang, 'compare.gaps.national')].map((n) => wrap(n, colW - 4, 10.5).slice(0, 2));
  const headH = Math.max(...headLines.map((l) => l.length)) * 13 + 6;
  const rowH = 36;
  const legendTop = headH + g.rows.length * rowH + 12;
  const legend = [...COVERAGE_CLASSES.map((c) => ({ color: c.color, label: t(lang, c.labelKey) })), { color: NO_COVERAGE_COLOR, label: t(lang, 'compare.gaps.no_need') }];
  const height = legendTop + Math.ceil(legend.length / 4) * 17 + 4;
  const pct = (c: number | null) => (c === null ? '—' : `${formatNumber(lang, c * 100, 0)} %`);
  const cell = (c: Pick<GapCell, 'coverage' | 'desertUnits' | 'units'> & { classIndex: number; capacityUnknown?: boolean }, x: number, y: number, key: string, title: string) => {
    const fill = c.classIndex < 0 ? NO_COVERAGE_COLOR : (COVERAGE_CLASSES[c.classIndex]?.color ?? NO_COVERAGE_COLOR);
    const dark = c.classIndex === 0 || c.classIndex === COVERAGE_CLASSES.length - 1;
    const ink = dark ? '#ffffff' : '#1b1f24';
    return (
      <g key={key} transform={`translate(${x}, ${y})`} data-testid="gap-cell">
        <title>{title}</title>
        <rect width={colW - 3} height={rowH - 3} fill={fill} stroke="#ffffff" />
        <text x={(colW - 3) / 2} y={14} fontSize={11.5} fontWeight={600} textAnchor="middle" fill={ink}>
          {pct(c.coverage)}
          {c.capacityUnknown ? '+' : ''}
        </text>
        <text x={(colW - 3) / 2} y={27} fontSize={10} textAnchor="middle" fill={ink}>
          {`${c.desertUnits}/${c.units}`}
        </text>
      </g>
    );
  };
  const node = (
    <g transform="translate(12, 0)" data-testid="gaps">
      {headLines.map((lines, i) => (
        <text key={i} x={LABEL_W + i * colW + (colW - 3) / 2} y={0} fontSize={10.5} fontWeight={600} textAnchor="middle" fill="#1b1f24">
          {lines.map((l, j) => (
            <tspan key={j} x={LABEL_W + i * colW + (colW - 3) / 2} dy={13}>
              {l}
            </tspan>
          ))}
        </text>
      ))}
      {g.rows.map((r, i) => {
        const y = headH + i * rowH;
        const label = rowLabels[i] ?? `${r.service} · ${r.category}`;
        const lines = wrap(label, LABEL_W - 8, 11).slice(0, 2);
        return (
          <g key={`${r.service}/${r.category}`} data-testid="gap-row">
            <text x={0} y={y + (lines.length === 1 ? 20 : 13)} fontSize={11} fill="#1b1f24">
              {lines.map((l, j) => (
                <tspan key={j} x={0} dy={j === 0 ? 0 : 13}>
                  {clip(l, LABEL_W - 8, 11)}
                </tspan>
              ))}
            </text>
            {r.cells.map((c, j) =>
              cell(c, LABEL_W + j * colW, y, c.regionId, `${g.regions[j]?.name ?? c.regionId} · ${label}: ${pct(c.coverage)}; ${formatNumber(lang, c.supply, 1)} / ${formatNumber(lang, c.need, 1)}; ${c.desertUnits}/${c.units}`),
            )}
            {cell(r.national, LABEL_W + r.cells.length * colW, y, 'national', `${t(lang, 'compare.gaps.national')} · ${label}: ${pct(r.national.coverage)}`)}
          </g>
        );
      })}
      <g transform={`translate(0, ${legendTop})`}>
        {legend.map((l, i) => (
          <g key={i} transform={`translate(${(i % 4) * 192}, ${Math.floor(i / 4) * 17})`}>
            <rect width={14} height={11} fill={l.color} stroke="#4d4d4d" strokeWidth={0.6} />
            <text x={19} y={10} fontSize={11} fill="#1b1f24">
              {l.label}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
  return { height, node };
}
