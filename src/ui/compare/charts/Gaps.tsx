// Gaps compared: a grid of regions (columns) by service × category (rows); each cell coloured
// by its coverage class, labelled with coverage and "deserts / units".
import { COVERAGE_CLASSES, NO_COVERAGE_COLOR, type GapCell, type GapsCompared } from '../../../core/compare/gaps';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import { CHART_WIDTH, type ChartBody } from '../ChartFrame';
import { legendHeight, SvgLegend } from '../Legend';
import { clip, textWidth, wrapMax } from '../svgText';

const LABEL_W = 230;

export function gapsBody(g: GapsCompared, rowLabels: string[], lang: Lang): ChartBody {
  const cols = g.regions.length + 1;
  const colW = (CHART_WIDTH - 12 - LABEL_W - 48) / cols;
  const heads = [...g.regions.map((r) => r.name), t(lang, 'compare.gaps.national')];
  // Column heads are written at an angle when any is wider than its column.
  const angled = heads.some((n) => textWidth(n, 10.5) > colW - 4);
  const headH = angled ? Math.min(140, Math.max(...heads.map((n) => textWidth(n, 10.5))) * 0.64 + 12) : 20;
  const rowH = 36;
  const legendTop = headH + g.rows.length * rowH + 12;
  const legend = [...COVERAGE_CLASSES.map((c) => ({ color: c.color, label: t(lang, c.labelKey) })), { color: NO_COVERAGE_COLOR, label: t(lang, 'compare.gaps.no_need') }];
  const height = legendTop + legendHeight(legend, CHART_WIDTH - 24) + 4;
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
      {heads.map((n, i) => {
        const cx = LABEL_W + i * colW + (colW - 3) / 2;
        return angled ? (
          <text key={i} transform={`translate(${cx - 4}, ${headH - 6}) rotate(-40)`} fontSize={10.5} fontWeight={600} fill="#1b1f24">
            {clip(n, 200, 10.5)}
          </text>
        ) : (
          <text key={i} x={cx} y={headH - 6} fontSize={10.5} fontWeight={600} textAnchor="middle" fill="#1b1f24">
            {n}
          </text>
        );
      })}
      {g.rows.map((r, i) => {
        const y = headH + i * rowH;
        const label = rowLabels[i] ?? `${r.service} · ${r.category}`;
        const lines = wrapMax(label, LABEL_W - 8, 11, 2);
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
      <SvgLegend items={legend} width={CHART_WIDTH - 24} x={0} y={legendTop} />
    </g>
  );
  return { height, node };
}
