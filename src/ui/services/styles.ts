// How a service's status is drawn (circles only: no glyphs needed). The legend draws the same
// with SVG so map and legend always agree. Colour comes from the service group.
import type { ExpressionSpecification } from 'maplibre-gl';

export interface StatusStyle {
  radius: number;
  fillOpacity: number;
  /** null = the group colour. */
  stroke: string | null;
  strokeWidth: number;
  /** An outer ring (mobile services). */
  ring: boolean;
}

export const STATUS_STYLE: Record<string, StatusStyle> = {
  active: { radius: 6, fillOpacity: 1, stroke: '#ffffff', strokeWidth: 1.5, ring: false },
  partial: { radius: 6, fillOpacity: 0.45, stroke: null, strokeWidth: 2, ring: false },
  online: { radius: 4, fillOpacity: 1, stroke: '#000000', strokeWidth: 2, ring: false },
  mobile: { radius: 5, fillOpacity: 1, stroke: '#ffffff', strokeWidth: 1, ring: true },
  planned: { radius: 6, fillOpacity: 0, stroke: null, strokeWidth: 2.5, ring: false },
  closed: { radius: 5, fillOpacity: 0.8, stroke: '#555555', strokeWidth: 1, ring: false },
};
const DEFAULT = STATUS_STYLE['active'] as StatusStyle;
export const statusStyle = (s: string): StatusStyle => STATUS_STYLE[s] ?? DEFAULT;

const byStatus = (pick: (s: StatusStyle) => number): ExpressionSpecification => {
  const pairs: (string | number)[] = [];
  for (const [k, v] of Object.entries(STATUS_STYLE)) pairs.push(k, pick(v));
  return ['match', ['get', 'status'], ...pairs, pick(DEFAULT)] as unknown as ExpressionSpecification;
};

export const circleRadius = byStatus((s) => s.radius);
export const circleOpacity = byStatus((s) => s.fillOpacity);
export const strokeWidth = byStatus((s) => s.strokeWidth);
export const strokeColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...Object.entries(STATUS_STYLE).flatMap(([k, v]) => [k, v.stroke ?? ['get', 'color']]),
  '#ffffff',
] as unknown as ExpressionSpecification;
