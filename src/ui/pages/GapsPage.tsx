// The gaps view: choropleth of coverage or gap for a (service, category) pair with deserts
// outlined, the table and region totals, priorities, cooperation, norms and what-if scenarios.
// The engine runs through a memoised runner: only norms, distance or the scenario re-run it.
import type { FeatureCollection, Point } from 'geojson';
import { useMemo, useState } from 'react';
import type { PriorityWeights } from '../../core/gaps/priorities';
import type { ScenarioEdit } from '../../core/gaps/types';
import { unitAdjacency } from '../../core/geo/unitAdjacency';
import { t } from '../../core/i18n';
import { unitName } from '../../core/dataset';
import { buildGapsView, readGapsParams, withGapsParams, type GapsParams } from '../../core/views/gaps';
import { buildCooperationView, buildNormsView, buildPrioritiesView, editNorm, gapsViewCsv, type PlanInputs } from '../../core/views/gaps-plan';
import {
  addEdit, addScenario, deleteScenario, describeEdit, EMPTY_GAPS_WORKSPACE, makeGapRunner, removeEdit, renameScenario, scenarioFormModel,
  scenarioService, scenarioSummary, type NewServiceInput,
} from '../../core/views/gaps-scenario';
import { DesertLayer } from '../gaps/DesertLayer';
import { GapControls } from '../gaps/GapControls';
import { GapLegend } from '../gaps/GapLegend';
import { GapTable, RegionRows } from '../gaps/GapTable';
import { MapPick } from '../gaps/MapPick';
import { NormsEditor } from '../gaps/NormsEditor';
import { Cooperation, Priorities } from '../gaps/Priorities';
import { AddServiceForm, ModifyServiceForm } from '../gaps/ScenarioForms';
import { ScenarioPanel } from '../gaps/ScenarioPanel';
import { useGapsWorkspace } from '../gaps/useGapsWorkspace';
import '../gaps/gaps.css';
import { MapPanel } from '../map/MapPanel';
import { downloadText } from '../services/download';
import { useMapGeometry, type PageProps } from './MapPage';

export function GapsPage({ ds, state, update }: PageProps) {
  const lang = state.lang;
  const regionId = state.region;
  const geometry = useMapGeometry(ds);
  const params = useMemo(() => readGapsParams(state), [state]);
  const [ws, setWs] = useGapsWorkspace();
  const [runner] = useState(() => makeGapRunner());
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<{ lat: number; lon: number; unitId: string | null } | null>(null);

  const scenario = ws.scenarios.find((s) => s.id === params.scenarioId) ?? null;
  const { distanceKm } = params;
  const base = useMemo(() => runner.get({ pkg: ds.pkg, norms: ws.norms, scenario: null, distanceKm }), [runner, ds.pkg, ws.norms, distanceKm]);
  const shown = useMemo(() => (scenario ? runner.get({ pkg: ds.pkg, norms: ws.norms, scenario, distanceKm }) : base), [runner, ds.pkg, ws.norms, scenario, distanceKm, base]);
  const baseline = scenario ? base : null;
  const view = useMemo(
    () => buildGapsView({ ds, result: shown, baseline, regionId, params, selectedUnit: state.unit, lang }),
    [ds, shown, baseline, regionId, params, state.unit, lang],
  );

  const names = useMemo(() => {
    const h = ds.hierarchy;
    return (id: string | null) => {
      const u = id ? h.get(id) : undefined;
      return u ? unitName(u, lang) : (id ?? '?');
    };
  }, [ds, lang]);
  const adjacency = useMemo(() => unitAdjacency(ds.pkg.units, ds.mapLevel ? ds.hierarchy.atLevel(ds.mapLevel).map((u) => u.id) : []), [ds]);
  const plan: PlanInputs = useMemo(
    () => ({ pkg: ds.pkg, result: shown, baseline, regionId, adjacency, regionName: names, unitName: names, lang }),
    [ds.pkg, shown, baseline, regionId, adjacency, names, lang],
  );
  const priorities = useMemo(() => buildPrioritiesView(plan, ws.weights), [plan, ws.weights]);
  const cooperation = useMemo(() => buildCooperationView(plan), [plan]);
  const norms = useMemo(() => buildNormsView(base.pairs, ws.norms !== null, lang), [base, ws.norms, lang]);
  const summary = useMemo(() => (scenario ? scenarioSummary(base, shown, regionId, lang).label : null), [scenario, base, shown, regionId, lang]);
  const formModel = useMemo(() => scenarioFormModel(ds.pkg, base, regionId, names, lang), [ds.pkg, base, regionId, names, lang]);
  const serviceName = useMemo(() => {
    const m = new Map(ds.pkg.services.map((s) => [s.id, s.name || s.id]));
    return (id: string) => m.get(id) ?? id;
  }, [ds.pkg]);
  const edits = scenario ? scenario.edits.map((e) => describeEdit(e, { service: serviceName, unit: names }, lang)) : [];
  const added = useMemo<FeatureCollection<Point, { id: string }>>(() => {
    const features: FeatureCollection<Point, { id: string }>['features'] = [];
    for (const e of scenario?.edits ?? []) {
      if (e.op !== 'add') continue;
      const p: [number, number] | undefined =
        e.service.lat !== null && e.service.lon !== null ? [e.service.lon, e.service.lat] : e.service.unitId ? geometry.labelPoints.get(e.service.unitId) : undefined;
      if (p) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { id: e.service.id } });
    }
    return { type: 'FeatureCollection', features };
  }, [scenario, geometry]);

  const setParams = (patch: Partial<GapsParams>) => update({ rest: withGapsParams(state, patch).rest });
  const edit = (e: ScenarioEdit) => {
    if (scenario) setWs((prev) => addEdit(prev, scenario.id, e));
  };
  const onAdd = (input: NewServiceInput) => {
    if (!scenario) return;
    edit({ op: 'add', service: scenarioService(scenario, ds.pkg.services, input) });
    setPicked(null);
  };
  const setWeight = (k: keyof PriorityWeights, v: number) => setWs((prev) => ({ ...prev, weights: { ...prev.weights, [k]: v } }));
  const focusBounds = (regionId && geometry.regionBounds.get(regionId)) || geometry.bounds;

  return (
    <div className="layout gaps-page" data-testid="gaps-page">
      <aside className="sidebar">
        <h2>{t(lang, 'gapsui.title')}</h2>
        <GapControls view={view} params={params} regions={view.mapView.regions} regionId={regionId} lang={lang} onRegion={(id) => update({ region: id, unit: null })} onChange={setParams} />
        <GapLegend view={view} lang={lang} />
        <ScenarioPanel
          scenarios={ws.scenarios}
          active={scenario}
          edits={edits}
          summary={summary}
          lang={lang}
          onShow={(id) => setParams({ scenarioId: id })}
          onCreate={(name) => {
            const r = addScenario(ws, name || `${t(lang, 'gapsui.sc.title')} ${ws.scenarios.length + 1}`);
            setWs(r.ws);
            setParams({ scenarioId: r.id });
          }}
          onRename={(id, name) => setWs((prev) => renameScenario(prev, id, name))}
          onDelete={(id) => {
            setWs((prev) => deleteScenario(prev, id));
            setParams({ scenarioId: null });
          }}
          onUndo={(i) => scenario && setWs((prev) => removeEdit(prev, scenario.id, i))}
        >
          <AddServiceForm
            key={`${scenario?.id ?? ''}:${regionId ?? ''}`}
            model={formModel}
            lang={lang}
            defaults={{ unitId: state.unit && formModel.units.some((u) => u.key === state.unit) ? state.unit : null, service: view.pair?.service ?? null, category: view.pair?.category ?? null }}
            picked={picked}
            picking={picking}
            onPick={() => setPicking((p) => !p)}
            onAdd={onAdd}
          />
          <ModifyServiceForm model={formModel} lang={lang} onEdit={edit} />
        </ScenarioPanel>
      </aside>
      <div className="main">
        <MapPanel
          geometry={geometry}
          view={view.mapView}
          lang={lang}
          focusBounds={focusBounds}
          onSelect={(id) => {
            if (!picking) update({ unit: id });
          }}
        >
          {(map) => (
            <>
              <DesertLayer map={map} units={geometry.units} deserts={view.deserts} added={added} />
              <MapPick
                map={map}
                active={picking}
                onPick={(p) => {
                  setPicked(p);
                  setPicking(false);
                }}
              />
            </>
          )}
        </MapPanel>
        <RegionRows view={view} lang={lang} />
        <GapTable view={view} lang={lang} selected={state.unit} onSelect={(id) => update({ unit: id })} />
        <p className="export-row">
          <button type="button" data-testid="gaps-export" onClick={() => downloadText(`gaps${regionId ? `-${regionId}` : ''}.csv`, gapsViewCsv(shown, ds.pkg, regionId, lang))}>
            {t(lang, 'gapsui.export')}
          </button>
        </p>
        <details className="gaps-section" open>
          <summary><h2>{t(lang, 'gapsui.prio.title')}</h2></summary>
          <Priorities
            view={priorities}
            lang={lang}
            showRegion={!regionId}
            comparing={!!baseline}
            onWeight={setWeight}
            onReset={() => setWs((prev) => ({ ...prev, weights: { ...EMPTY_GAPS_WORKSPACE.weights } }))}
          />
        </details>
        <details className="gaps-section">
          <summary><h2>{t(lang, 'gapsui.coop.title')}</h2></summary>
          <Cooperation rows={cooperation.rows} total={cooperation.total} lang={lang} />
        </details>
        <details className="gaps-section">
          <summary><h2>{t(lang, 'gapsui.norms.title')}</h2></summary>
          <NormsEditor
            view={norms}
            lang={lang}
            onSet={(s, c, v) => setWs((prev) => ({ ...prev, norms: editNorm(base.pairs, s, c, v) }))}
            onReset={() => setWs((prev) => ({ ...prev, norms: null }))}
          />
        </details>
      </div>
    </div>
  );
}
