// The main map view: controls, legend, details, map and the table alternative.
import { useMemo } from 'react';
import type { Dataset } from '../../core/dataset';
import type { ViewState } from '../../core/url';
import { buildUnitDetails } from '../../core/views/details';
import { buildMapGeometry } from '../../core/views/geometry';
import { buildMapView } from '../../core/views/map';
import { EmbedDialog } from '../embed/EmbedDialog';
import { MapPanel } from '../map/MapPanel';
import { Controls } from '../panels/Controls';
import { DataTable } from '../panels/DataTable';
import { DetailsPanel } from '../panels/DetailsPanel';
import { Legend } from '../panels/Legend';

export interface PageProps {
  ds: Dataset;
  state: ViewState;
  update(patch: Partial<ViewState>, mode?: 'push' | 'replace'): void;
}

export function useMapGeometry(ds: Dataset) {
  return useMemo(() => buildMapGeometry(ds), [ds]);
}

export function MapPage({ ds, state, update }: PageProps) {
  const lang = state.lang;
  const geometry = useMapGeometry(ds);
  const view = useMemo(() => buildMapView(ds, state, lang), [ds, state, lang]);
  const details = useMemo(() => (state.unit ? buildUnitDetails(ds, state.unit, lang, view.privacy) : null), [ds, state.unit, lang, view.privacy]);
  const focusBounds = (state.region && geometry.regionBounds.get(state.region)) || geometry.bounds;
  return (
    <div className="layout">
      <aside className="sidebar">
        <Controls ds={ds} view={view} state={state} lang={lang} onChange={(p) => update(p)} />
        <Legend view={view} lang={lang} />
        <EmbedDialog state={state} view={view} />
        {details && <DetailsPanel details={details} lang={lang} onClose={() => update({ unit: null })} />}
      </aside>
      <div className="main">
        <MapPanel geometry={geometry} view={view} lang={lang} focusBounds={focusBounds} onSelect={(id) => update({ unit: id })} />
        <DataTable view={view} lang={lang} onSelect={(id) => update({ unit: id })} />
      </div>
    </div>
  );
}
