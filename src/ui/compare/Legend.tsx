// A flowing SVG legend (swatch + label), wrapped to the chart width.
import { flowLegend, type LegendItem } from './svgText';

export function legendHeight(items: readonly LegendItem[], width: number): number {
  return flowLegend(items, width).height;
}

export function SvgLegend({ items, width, x, y }: { items: readonly LegendItem[]; width: number; x: number; y: number }) {
  const laid = flowLegend(items, width);
  return (
    <g transform={`translate(${x}, ${y})`} data-testid="legend">
      {laid.items.map((l, i) => (
        <g key={i} transform={`translate(${l.x}, ${l.y})`}>
          <rect width={14} height={11} fill={l.color} stroke="#4d4d4d" strokeWidth={0.6} strokeDasharray={l.dashed ? '2 2' : undefined} />
          <text x={19} y={10} fontSize={11} fill="#1b1f24">
            {l.label}
          </text>
        </g>
      ))}
    </g>
  );
}
