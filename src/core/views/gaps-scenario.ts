// What-if scenarios and the gaps workspace slice (scenarios, edited norms, priority weights):
// pure edits on plain data, a sanitiser for what comes back from storage (hostile input is data),
// and a memoised engine runner that re-runs only when its inputs change.
import { runGaps } from '../gaps/engine';
import { DEFAULT_PRIORITY_WEIGHTS, type PriorityWeights } from '../gaps/priorities';
import { compareToBaseline, summariseDeltas } from '../gaps/scenario';
import type { GapResult, Scenario, ScenarioEdit } from '../gaps/types';
import { formatNumber, t } from '../i18n';
import { SERVICE_STATUSES, type Lang, type ServiceStatus } from '../keys';
import type { DataPackage, Norm, Service } from '../model';

export interface GapsWorkspace {
  version: 1;
  scenarios: Scenario[];
  /** Norms edited by the user (all of them); null = the package's (or the illustrative defaults). */
  norms: Norm[] | null;
  weights: PriorityWeights;
}

export const EMPTY_GAPS_WORKSPACE: GapsWorkspace = { version: 1, scenarios: [], norms: null, weights: { ...DEFAULT_PRIORITY_WEIGHTS } };
export const GAPS_WORKSPACE_KEY = 'gaps.workspace';

// ---------------------------------------------------------------- sanitising stored data

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max = 200): string => (typeof x === 'string' ? x.slice(0, max) : '');
const numOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const strList = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 100)).slice(0, 500) : []);
const BAD_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const safeId = (x: unknown): string => {
  const s = str(x, 100);
  return BAD_KEYS.has(s) ? '' : s;
};

function cleanService(x: unknown): Service | null {
  if (!isObj(x)) return null;
  const status = (SERVICE_STATUSES as readonly string[]).includes(str(x['status'])) ? (str(x['status']) as ServiceStatus) : 'active';
  const cap = numOrNull(x['capacity']);
  return {
    id: safeId(x['id']),
    name: str(x['name']),
    provider: str(x['provider']),
    providerType: str(x['providerType'], 40),
    service: safeId(x['service']),
    targetGroups: strList(x['targetGroups']),
    unitId: safeId(x['unitId']) || null,
    lat: numOrNull(x['lat']),
    lon: numOrNull(x['lon']),
    capacity: cap !== null && cap >= 0 ? cap : null,
    users: numOrNull(x['users']),
    status,
    serves: strList(x['serves']),
    funding: str(x['funding'], 60),
    source: str(x['source']),
  };
}

function cleanEdit(x: unknown): ScenarioEdit | null {
  if (!isObj(x)) return null;
  const id = safeId(x['serviceId']);
  switch (x['op']) {
    case 'add': {
      const s = cleanService(x['service']);
      return s && s.service ? { op: 'add', service: s } : null;
    }
    case 'move':
      return id ? { op: 'move', serviceId: id, lat: numOrNull(x['lat']), lon: numOrNull(x['lon']), unitId: safeId(x['unitId']) || null } : null;
    case 'resize': {
      const c = numOrNull(x['capacity']);
      return id ? { op: 'resize', serviceId: id, capacity: c !== null && c >= 0 ? c : null } : null;
    }
    case 'close':
      return id ? { op: 'close', serviceId: id } : null;
    default:
      return null;
  }
}

/** Whatever storage returns, a valid workspace slice (unknown or broken parts dropped). */
export function sanitiseGapsWorkspace(x: unknown): GapsWorkspace {
  if (!isObj(x)) return { ...EMPTY_GAPS_WORKSPACE, weights: { ...EMPTY_GAPS_WORKSPACE.weights } };
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (const s of Array.isArray(x['scenarios']) ? x['scenarios'] : []) {
    if (!isObj(s)) continue;
    const id = safeId(s['id']);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || seen.has(id)) continue;
    seen.add(id);
    const edits = (Array.isArray(s['edits']) ? s['edits'] : []).map(cleanEdit).filter((e): e is ScenarioEdit => e !== null);
    scenarios.push({ id, name: str(s['name'], 120) || id, edits });
  }
  let norms: Norm[] | null = null;
  if (Array.isArray(x['norms'])) {
    norms = [];
    for (const n of x['norms']) {
      if (!isObj(n)) continue;
      const v = numOrNull(n['placesPer1000']);
      const service = safeId(n['service']);
      const category = safeId(n['category']);
      if (v !== null && v >= 0 && service && category) norms.push({ service, category, placesPer1000: v, source: str(n['source']) });
    }
  }
  const w = isObj(x['weights']) ? x['weights'] : {};
  const weights = { ...DEFAULT_PRIORITY_WEIGHTS };
  for (const k of Object.keys(DEFAULT_PRIORITY_WEIGHTS) as (keyof PriorityWeights)[]) {
    const v = numOrNull(w[k]);
    if (v !== null && v >= 0 && v <= 10) weights[k] = v;
  }
  return { version: 1, scenarios, norms, weights };
}

/**
 * Keeps the identity of unchanged parts across reads: storage hands back a JSON copy on every
 * change, and the engine runner memoises on identity, so a new slider weight must not look like
 * new norms or a new scenario. Returns the previous object when nothing changed.
 */
export function makeStabiliser(): (next: GapsWorkspace) => GapsWorkspace {
  let prev: GapsWorkspace | null = null;
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  return (next) => {
    if (!prev) return (prev = next);
    const old = new Map(prev.scenarios.map((s) => [s.id, s]));
    const scenarios = next.scenarios.map((s) => {
      const o = old.get(s.id);
      return o && same(o, s) ? o : s;
    });
    const keepList = scenarios.length === prev.scenarios.length && scenarios.every((s, i) => s === prev?.scenarios[i]);
    const out: GapsWorkspace = {
      version: 1,
      scenarios: keepList ? prev.scenarios : scenarios,
      norms: same(prev.norms, next.norms) ? prev.norms : next.norms,
      weights: same(prev.weights, next.weights) ? prev.weights : next.weights,
    };
    if (out.scenarios === prev.scenarios && out.norms === prev.norms && out.weights === prev.weights) return prev;
    return (prev = out);
  };
}

// ---------------------------------------------------------------- edits

/** A new empty scenario with a fresh id, appended. */
export function addScenario(ws: GapsWorkspace, name: string): { ws: GapsWorkspace; id: string } {
  const ids = new Set(ws.scenarios.map((s) => s.id));
  let n = ws.scenarios.length + 1;
  while (ids.has(`s${n}`)) n++;
  const id = `s${n}`;
  return { ws: { ...ws, scenarios: [...ws.scenarios, { id, name: name.trim().slice(0, 120) || id, edits: [] }] }, id };
}

export function renameScenario(ws: GapsWorkspace, id: string, name: string): GapsWorkspace {
  return { ...ws, scenarios: ws.scenarios.map((s) => (s.id === id ? { ...s, name: name.trim().slice(0, 120) || s.name } : s)) };
}

export function deleteScenario(ws: GapsWorkspace, id: string): GapsWorkspace {
  return { ...ws, scenarios: ws.scenarios.filter((s) => s.id !== id) };
}

export function addEdit(ws: GapsWorkspace, id: string, edit: ScenarioEdit): GapsWorkspace {
  return { ...ws, scenarios: ws.scenarios.map((s) => (s.id === id ? { ...s, edits: [...s.edits, edit] } : s)) };
}

export function removeEdit(ws: GapsWorkspace, id: string, index: number): GapsWorkspace {
  return { ...ws, scenarios: ws.scenarios.map((s) => (s.id === id ? { ...s, edits: s.edits.filter((_, i) => i !== index) } : s)) };
}

export interface NewServiceInput {
  service: string;
  targetGroups: string[];
  unitId: string | null;
  capacity: number | null;
  lat: number | null;
  lon: number | null;
  name?: string;
}

/** A service to add in a scenario; its id is unique within the package and the scenario. */
export function scenarioService(scenario: Scenario, existing: readonly Service[], input: NewServiceInput): Service {
  const ids = new Set(existing.map((s) => s.id));
  for (const e of scenario.edits) if (e.op === 'add') ids.add(e.service.id);
  let n = 1;
  while (ids.has(`${scenario.id}-new-${n}`)) n++;
  return {
    id: `${scenario.id}-new-${n}`,
    name: input.name?.trim() || `${scenario.name}: ${input.service}`,
    provider: '',
    providerType: 'public',
    service: input.service,
    targetGroups: [...input.targetGroups],
    unitId: input.unitId,
    lat: input.lat,
    lon: input.lon,
    capacity: input.capacity !== null && Number.isFinite(input.capacity) && input.capacity >= 0 ? input.capacity : null,
    users: null,
    status: 'active',
    serves: [],
    funding: '',
    source: 'scenario',
  };
}

/** One line describing an edit, in the user's language. */
export function describeEdit(edit: ScenarioEdit, names: { service(id: string): string; unit(id: string | null): string }, lang: Lang): string {
  switch (edit.op) {
    case 'add':
      return t(lang, 'gapsui.edit.add', {
        service: t(lang, `service.${edit.service.service}`),
        unit: names.unit(edit.service.unitId),
        capacity: edit.service.capacity === null ? t(lang, 'gapsui.unknown') : edit.service.capacity,
        categories: edit.service.targetGroups.map((c) => t(lang, `category.${c}`)).join(', ') || t(lang, 'gapsui.allCategories'),
      });
    case 'move':
      return t(lang, 'gapsui.edit.move', { name: names.service(edit.serviceId), unit: names.unit(edit.unitId) });
    case 'resize':
      return t(lang, 'gapsui.edit.resize', { name: names.service(edit.serviceId), capacity: edit.capacity === null ? t(lang, 'gapsui.unknown') : edit.capacity });
    case 'close':
      return t(lang, 'gapsui.edit.close', { name: names.service(edit.serviceId) });
  }
}

// ---------------------------------------------------------------- memoised engine

export interface GapRunInputs {
  pkg: DataPackage;
  norms: readonly Norm[] | null;
  scenario: Scenario | null;
  distanceKm: number | null;
}

/**
 * A runner that keeps the last few results by input identity (package, norms, scenario objects
 * and the distance value): asking again for the same inputs never re-runs the engine, so region,
 * pair, metric or sort changes cost nothing. Workspace edits make new objects, hence new runs.
 */
export function makeGapRunner(run: typeof runGaps = runGaps, size = 4): { get(inputs: GapRunInputs): GapResult; runs(): number } {
  const cache: { inputs: GapRunInputs; result: GapResult }[] = [];
  let count = 0;
  const same = (a: GapRunInputs, b: GapRunInputs) => a.pkg === b.pkg && a.norms === b.norms && a.scenario === b.scenario && a.distanceKm === b.distanceKm;
  return {
    get(inputs) {
      const hit = cache.find((c) => same(c.inputs, inputs));
      if (hit) return hit.result;
      count++;
      const result = run(inputs.pkg, {
        ...(inputs.norms ? { norms: [...inputs.norms] } : {}),
        ...(inputs.scenario ? { scenario: inputs.scenario } : {}),
        ...(inputs.distanceKm ? { distance: { maxKm: inputs.distanceKm } } : {}),
      });
      cache.unshift({ inputs, result });
      if (cache.length > size) cache.pop();
      return result;
    },
    runs: () => count,
  };
}

/** A scenario against the baseline, over the unit rows of a region (or all): gap change and deserts. */
export function scenarioSummary(base: GapResult, scen: GapResult, regionId: string | null, lang: Lang): { gap: number; removed: number; created: number; label: string } {
  const deltas = compareToBaseline(base, scen).filter((d) => !regionId || d.base.regionId === regionId);
  const s = summariseDeltas(deltas);
  const gap = Math.abs(s.gap) < 1e-9 ? 0 : s.gap;
  const g = formatNumber(lang, gap, Math.abs(gap) >= 100 ? 0 : 1);
  return { gap, removed: s.desertsRemoved, created: s.desertsCreated, label: t(lang, 'gapsui.sc.summary', { gap: gap > 0 ? `+${g}` : g, removed: s.desertsRemoved, created: s.desertsCreated }) };
}

export interface ScenarioFormModel {
  /** Units where need is computed, in the region (or all). */
  units: { key: string; label: string }[];
  /** Services with a norm, and for each the categories it has a norm for. */
  services: { key: string; label: string; categories: { key: string; label: string }[] }[];
  /** Existing services in the region, to move, resize or close. */
  existing: { key: string; label: string }[];
}

export function scenarioFormModel(
  pkg: DataPackage,
  result: GapResult,
  regionId: string | null,
  name: (unitId: string) => string,
  lang: Lang,
): ScenarioFormModel {
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  const units = result.unitIds
    .filter((id) => !regionId || result.regionOf(id) === regionId)
    .map((id) => ({ key: id, label: name(id) }))
    .sort(byLabel);
  const keys = [...new Set(result.pairs.map((p) => p.service))];
  const services = keys
    .map((k) => ({
      key: k,
      label: t(lang, `service.${k}`),
      categories: result.pairs.filter((p) => p.service === k).map((p) => ({ key: p.category, label: t(lang, `category.${p.category}`) })).sort(byLabel),
    }))
    .sort(byLabel);
  const inRegion = (s: Service) =>
    !regionId || [s.unitId, ...s.serves].some((id) => id !== null && (id === regionId || result.regionOf(id) === regionId));
  const existing = pkg.services
    .filter((s) => s.status !== 'closed' && inRegion(s))
    .map((s) => ({ key: s.id, label: `${s.name || s.id} (${s.unitId ? name(s.unitId) : '?'})` }))
    .sort(byLabel);
  return { units, services, existing };
}
