// Static maps for the documents: a choropleth of the region's municipalities, drawn by our own
// SVG renderer (pure TypeScript, so it runs in Node for the command line).
import { palette, quantileBreaks, renderChoroplethSvg } from '../../render/svgmap';
import type { DocContext } from './context';
import type { FigureBlock } from './model';

export const FIGURE_WIDTH = 620;
export const FIGURE_HEIGHT = 400;

export function mapFigure(
  ctx: DocContext,
  o: { id: string; values: ReadonlyMap<string, number | null>; caption: string; legendTitle: string; digits?: number },
): FigureBlock | null {
  const features = ctx.munis.filter((m) => m.geometry).map((m) => ({ id: m.id, name: ctx.name(m), geometry: m.geometry }));
  if (!features.length) return null;
  const finite = [...o.values.values()].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const breaks = quantileBreaks(finite, Math.min(5, Math.max(2, finite.length)));
  const digits = o.digits ?? 1;
  const svg = renderChoroplethSvg({
    features,
    values: o.values,
    breaks,
    colors: palette(breaks.length + 1),
    labels: new Map(features.map((f) => [f.id, f.name])),
    format: (n) => ctx.num(n, digits),
    legendTitle: o.legendTitle,
    noDataLabel: ctx.tr('docs.no_data'),
    title: o.caption,
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
  });
  const alt = features.map((f) => `${f.name}: ${ctx.num(o.values.get(f.id) ?? null, digits)}`).join('; ');
  return { type: 'figure', id: o.id, svg, width: FIGURE_WIDTH, height: FIGURE_HEIGHT, alt: `${o.caption}. ${alt}`, caption: o.caption };
}
