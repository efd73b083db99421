// The services view: points on the map by group and status (clustered when zoomed out),
// filters, legend, the per-service panel, the services and unused-capacity lists, and the
// presence matrix of the region with its CSV.
import { useMemo, useState } from 'react';
import { t } from '../../core/i18n';
import { restParam, withRestParam } from '../../core/url';
import { buildPresenceView, presenceViewCsv } from '../../core/views/services-presence';
import { buildServicesView, indexServices, plainMapView, serviceDetails, withServiceFilters, type ServiceFilters as Filters } from '../../core/views/services';
import '../gaps/gaps.css';
import { MapPanel } from '../map/MapPanel';
import { downloadText } from '../services/download';
import { PresenceMatrix } from '../services/PresenceMatrix';
import { ServiceDetails } from '../services/ServiceDetails';
import { ServiceFilters } from '../services/ServiceFilters';
import { ServiceLayers } from '../services/ServiceLayers';
import { ServiceLegend } from '../services/ServiceLegend';
import { CapacityList, ServiceList } from '../services/ServiceList';
import { useMapGeometry, type PageProps } from './MapPage';

export function ServicesPage({ ds, state, update }: PageProps) {
  const lang = state.lang;
  const regionId = state.region;
  const geometry = useMapGeometry(ds);
  const [showCapacities, setShowCapacities] = useState(false);
  const index = useMemo(() => indexServices(ds, ds.pkg.services, geometry.labelPoints), [ds, geometry]);
  const view = useMemo(() => buildServicesView(ds, index, state, geometry.labelPoints, lang), [ds, index, state, geometry, lang]);
  const mapView = useMemo(() => plainMapView(ds, regionId, null, lang), [ds, regionId, lang]);
  const presence = useMemo(() => buildPresenceView(ds, ds.pkg, regionId, lang), [ds, regionId, lang]);
  const selected = restParam(state, 'svc');
  const details = useMemo(() => (selected ? serviceDetails(ds, index, selected, lang) : null), [ds, index, selected, lang]);
  const select = (id: string | null) => update({ rest: withRestParam(state, 'svc', id).rest });
  const focusBounds = (regionId && geometry.regionBounds.get(regionId)) || geometry.bounds;

  return (
    <div className="layout services-page" data-testid="services-page">
      <aside className="sidebar">
        <h2>{t(lang, 'gapsui.svc.title')}</h2>
        <ServiceFilters
          view={view}
          regions={mapView.regions}
          lang={lang}
          onRegion={(id) => update({ region: id, unit: null })}
          onChange={(patch: Partial<Filters>) => update({ rest: withServiceFilters(state, patch).rest })}
        />
        {details && <ServiceDetails d={details} lang={lang} onClose={() => select(null)} />}
        <ServiceLegend view={view} lang={lang} showCapacities={showCapacities} onShowCapacities={setShowCapacities} />
      </aside>
      <div className="main">
        <MapPanel geometry={geometry} view={mapView} lang={lang} focusBounds={focusBounds} onSelect={() => undefined}>
          {(map) => (
            <ServiceLayers
              map={map}
              points={view.points}
              capacities={view.capacities.points}
              showCapacities={showCapacities}
              selected={selected}
              lang={lang}
              onSelect={select}
            />
          )}
        </MapPanel>
        <ServiceList view={view} lang={lang} selected={selected} onSelect={select} />
        <details className="gaps-section">
          <summary><h2>{t(lang, 'gapsui.svc.capacities')}</h2></summary>
          <CapacityList view={view} lang={lang} />
        </details>
        <details className="gaps-section" open>
          <summary><h2>{t(lang, 'gapsui.presence.title')}</h2></summary>
          <PresenceMatrix
            view={presence}
            lang={lang}
            onExport={() => downloadText(`presence${regionId ? `-${regionId}` : ''}.csv`, presenceViewCsv(ds, ds.pkg, regionId, lang))}
          />
        </details>
      </div>
    </div>
  );
}
