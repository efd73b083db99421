// Small multiples: one small map per panel, all coloured with the model's shared classing.
// Panels whose units have no geometry are drawn as tiles (one square per unit).
import { geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection } from 'geojson';
import { NO_DATA_COLOR } from '../../../core/classify';
import type { Panel, SmallMultiples } from '../../../core/compare/multiples';
import { formatNumber, t } from '../../../core/i18n';
import type { Lang } from '../../../core/keys';
import type { UnitGeometry } from '../../../core/model';
import { CHART_WIDTH, type ChartBody } from '../ChartFrame';
import { clip } from '../svgText';

const GAP = 12;

function panelNode(p: Panel, title: string, w: number, h: number, lang: Lang) {
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
    const projection = geoMercator().fitExtent([[4, 4], [w - 4, mapH - 4]], fc);
    const path = geoPath(projection);
    shapes = withGeom.map((u) => (
      <path key={u.unitId} d={path({ type: 'Feature', properties: {}, geometry: u.geometry }) ?? ''} fill={u.fill} stroke="#5b6168" strokeWidth={0.6} data-unit-id={u.unitId}>
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
        <rect width={size - 3} height={size - 3} fill={u.fill} stroke="#5b6168" strokeWidth={0.6} />
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
          .map((c) => ({ color: m.classing.kind === 'calls' ? m.classing.colors[c] : NO_DATA_COLOR, label: t(lang, `compare.call.${c}`) }));
  const height = legendTop + Math.ceil(legend.length / 4) * 17 + 4;
  const node = (
    <g transform="translate(12, 0)" data-testid="multiples">
      {m.panels.map((p, i) => (
        <g key={p.id} transform={`translate(${(i % cols) * (w + GAP)}, ${Math.floor(i / cols) * (h + GAP)})`} data-testid="panel" data-panel-id={p.id}>
          {panelNode(p, titles[i] ?? p.title, w, h, lang)}
        </g>
      ))}
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
