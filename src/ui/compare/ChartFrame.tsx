// A chart with everything that must travel with it: title, subtitle (unit, polarity, method,
// benchmark), caveats, and the source and date line, all drawn inside the SVG so that the SVG and
// PNG exports carry them; then the export buttons and the table behind the chart.
import { useRef, type ReactNode } from 'react';
import type { ChartFrame as Frame } from '../../core/compare/views';
import { tableCsv, type TableModel } from '../../core/compare/table';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import { columnLabel, CompareTable } from './CompareTable';
import { downloadCsv, downloadPng, downloadSvg } from './exportChart';
import { FONT, wrap } from './svgText';

export const CHART_WIDTH = 800;
const PAD = 12;

export interface ChartBody {
  height: number;
  node: ReactNode;
}

export function ChartFrame({ frame, body, table, lang, testId }: { frame: Frame; body: ChartBody; table: TableModel; lang: Lang; testId: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const inner = CHART_WIDTH - 2 * PAD;
  const titleLines = wrap(frame.title, inner, 17);
  const subLines = frame.subtitle.flatMap((s) => wrap(s, inner, 12));
  const noteLines = frame.notes.flatMap((s) => wrap(s, inner, 11));
  const footLines = wrap(frame.footer, inner, 11);
  const headH = PAD + titleLines.length * 22 + subLines.length * 16 + 8;
  const bodyTop = headH;
  const noteTop = bodyTop + body.height + 10;
  const footTop = noteTop + noteLines.length * 15 + 4;
  const height = footTop + footLines.length * 15 + PAD;
  const titleId = `${testId}-title`;
  const onPng = () => {
    if (svgRef.current) downloadPng(svgRef.current, frame.filename).catch((e: unknown) => console.warn('PNG export failed', e));
  };
  return (
    <figure className="cmp-figure" data-testid={testId}>
      <svg
        ref={svgRef}
        className="cmp-svg"
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        fontFamily={FONT}
        data-testid={`${testId}-svg`}
      >
        <rect x={0} y={0} width={CHART_WIDTH} height={height} fill="#ffffff" />
        <text id={titleId} x={PAD} y={PAD} fontSize={17} fontWeight={700} fill="#1b1f24">
          {titleLines.map((l, i) => (
            <tspan key={i} x={PAD} dy={i === 0 ? 17 : 22}>
              {l}
            </tspan>
          ))}
        </text>
        <text x={PAD} y={PAD + titleLines.length * 22} fontSize={12} fill="#454b52">
          {subLines.map((l, i) => (
            <tspan key={i} x={PAD} dy={i === 0 ? 14 : 16}>
              {l}
            </tspan>
          ))}
        </text>
        <g transform={`translate(0, ${bodyTop})`}>{body.node}</g>
        <text x={PAD} y={noteTop} fontSize={11} fill="#454b52">
          {noteLines.map((l, i) => (
            <tspan key={i} x={PAD} dy={i === 0 ? 11 : 15}>
              {l}
            </tspan>
          ))}
        </text>
        <text x={PAD} y={footTop} fontSize={11} fill="#5b6168" data-testid={`${testId}-footer`}>
          {footLines.map((l, i) => (
            <tspan key={i} x={PAD} dy={i === 0 ? 11 : 15}>
              {l}
            </tspan>
          ))}
        </text>
      </svg>
      <div className="cmp-export" role="group" aria-label={frame.title}>
        <button type="button" data-testid="export-csv" onClick={() => downloadCsv(tableCsv(table, (c) => columnLabel(lang, c)), frame.filename)}>
          {t(lang, 'compare.export.csv')}
        </button>
        <button type="button" data-testid="export-svg" onClick={() => svgRef.current && downloadSvg(svgRef.current, frame.filename)}>
          {t(lang, 'compare.export.svg')}
        </button>
        <button type="button" data-testid="export-png" onClick={onPng}>
          {t(lang, 'compare.export.png')}
        </button>
      </div>
      <CompareTable table={table} caption={frame.title} lang={lang} testId={`${testId}-table`} />
    </figure>
  );
}
