import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { MapUnit, MapView } from '../../core/views/map';

export function Tooltip({ unit, x, y, view, lang }: { unit: MapUnit; x: number; y: number; view: MapView; lang: Lang }) {
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: x + 12, top: y + 12 }}>
      <strong>{unit.name}</strong>
      {unit.regionName && <div className="muted">{unit.regionName}</div>}
      <div>
        {view.indicatorLabel}: <span className="value">{unit.valueLabel}</span>
        {unit.illustrative && <span className="badge-illustrative"> {t(lang, 'app.illustrative')}</span>}
      </div>
    </div>
  );
}
