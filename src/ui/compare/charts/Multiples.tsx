// Small multiples: one small map per panel, all coloured with the model's shared classing.
// Panels whose units have no geometry are drawn as tiles (one square per unit).
import { geoPath, geoTransform } from 'd3';
import type { Feature, FeatureCollection } from 'geojson';
import { NO_DATA_COLOR } from '../../../core/classify';
import { DASHED_CALLS, type Panel, type SmallMultiples } from '../../../core/compare/multiples';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import type { UnitGeometry } from '../../../core/model';
import { CHART_WIDTH, type ChartBody } from '../ChartFrame';
import { legendHeight, SvgLegend } from '../Legend';
import { clip } from '../svgText';

const GAP = 12;

/**
 * A planar fit of lon/lat shapes into w × h: x = lon · cos(mid-latitude), y = −lat, scaled and
 * centred. Planar, so the ring winding of the data does not matter (d3's spherical projections
 * expect clockwise rings, GeoJSON files usually have counter-clockwise ones).
 */
function planarPath(fc: FeatureCollection, w: number, h: number) {
  const raw = geoPath(geoTransform({ point(x, y) { this.stream.point(x, -y); } }));
  const [[x0, y0], [x1, y1]] = raw.bounds(fc);
  const k = Math.cos(((-(y0 + y1) / 2) * Math.PI) / 180);
  const bw = Math.max(1e-9, (x1 - x0) * k);
  const bh = Math.max(1e-9, y1 - y0);
  const s = Math.min(w / bw, h / bh);
  const dx = (w - bw * s) / 2;
  const dy = (h - bh * s) / 2;
  return geoPath(
    geoTransform({
      point(x, y) {
        this.stream.point(dx + (x - x0) * k * s, dy + (-y - y0) * s);
      },
    }),
  );
}

function panelNode(p: Panel, title: string, w: number, h: number, lang: Lang, byCall: boolean) {
  const mapH = h - 22;
  const withGeom = p.units.filter((u): u is typeof u & { geometry: UnitGeometry } => u.geometry !== null);
  const label = (u: Panel['units'][number]) =>
    `${u.name}: ${u.value === null ? t(lang, 'compare.call.no_data') : formatNumber(lang, u.value, 2)} · ${t(lang, `compare.call.${u.call}`)}`;
  let shapes;
  if (withGeom.length === p.units.length && withGeom.length > 0) {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: withGeom.map((u): Feature => ({ type: 'Feature', properties: {}, geometry: u.geometry })),
    };
    const path = planarPath(fc, w - 8, mapH - 8);
    shapes = withGeom.map((u) => (
      <path
        transform="translate(4, 4)"
        key={u.unitId}
        d={path({ type: 'Feature', properties: {}, geometry: u.geometry }) ?? ''}
        fill={u.fill}
        stroke="#5b6168"
        strokeWidth={0.6}
        strokeDasharray={byCall && DASHED_CALLS.has(u.call) ? '2 2' : undefined}
        data-unit-id={u.unitId}
      >
        <title>{label(u)}</title>
      </path>
    ));
  } else {
    const n = p.units.length;
    const cols = Math.max(1, Math.ceil(Math.sqrt(n * (w / mapH))));
    const size = Math.min((w - 8) / cols, (mapH - 8) / Math.ceil(n / cols));
    shapes = p.units.map((u, i) => (
      <g key={u.unitId} transform={`translate(${4 + (i % cols) * size}, ${4 + Math.floor(i / cols) * size})`} data-unit-id={u.unitId}>
        <title>{label(u)}</title>
        <rect width={size - 3} height={size - 3} fill={u.fill} stroke="#5b6168" strokeWidth={0.6} strokeDasharray={byCall && DASHED_CALLS.has(u.call) ? '2 2' : undefined} />
        <text x={(size - 3) / 2} y={(size - 3) / 2} dy="0.35em" fontSize={Math.min(11, size / 5)} textAnchor="middle" fill="#1b1f24">
          {clip(u.name, size - 8, Math.min(11, size / 5))}
        </text>
      </g>
    ));
  }
  return (
    <>
      <text x={0} y={13} fontSize={12} fontWeight={600} fill="#1b1f24">
        {clip(title, w, 12)}
      </text>
      <g transform="translate(0, 20)">
        <rect width={w} height={mapH} fill="none" stroke="#e3e6ea" />
        {shapes}
      </g>
    </>
  );
}

export function multiplesBody(m: SmallMultiples, titles: string[], lang: Lang): ChartBody {
  const n = m.panels.length;
  const cols = n <= 2 ? n : n <= 4 ? 2 : n <= 9 ? 3 : 4;
  const w = (CHART_WIDTH - 24 - GAP * (cols - 1)) / cols;
  const h = w * 0.8 + 22;
  const rows = Math.ceil(n / cols);
  const legendTop = rows * (h + GAP) + 4;
  const legend =
    m.classing.kind === 'breaks'
      ? [
          ...m.classing.colors.map((color, i) => {
            const b = m.classing.kind === 'breaks' ? m.classing.bounds : [];
            return { color, label: `${formatNumber(lang, b[i] ?? 0, 2)} – ${formatNumber(lang, b[i + 1] ?? 0, 2)}` };
          }),
          { color: NO_DATA_COLOR, label: t(lang, 'compare.call.no_data') },
        ]
      : m.classing.calls
          .filter((c) => m.panels.some((p) => p.units.some((u) => u.call === c)))
          .map((c) => ({ color: m.classing.kind === 'calls' ? m.classing.colors[c] : NO_DATA_COLOR, label: t(lang, `compare.call.${c}`), dashed: DASHED_CALLS.has(c) }));
  const height = legendTop + legendHeight(legend, CHART_WIDTH - 24) + 4;
  const node = (
    <g transform="translate(12, 0)" data-testid="multiples">
      {m.panels.map((p, i) => (
        <g key={p.id} transform={`translate(${(i % cols) * (w + GAP)}, ${Math.floor(i / cols) * (h + GAP)})`} data-testid="panel" data-panel-id={p.id}>
          {panelNode(p, titles[i] ?? p.title, w, h, lang, m.classing.kind === 'calls')}
        </g>
      ))}
      <SvgLegend items={legend} width={CHART_WIDTH - 24} x={0} y={legendTop} />
    </g>
  );
  return { height, node };
}
