// The URL is the source of truth for what the user sees. A pure parse/serialise pair:
// parse never throws; invalid values fall back to defaults and are reported as notes so the UI
// can show them (and rewrite the URL with `replace`). Unknown parameters are kept in `rest` for
// views that own them (compare, embed …).
import { isClassMethod, type ClassMethod } from './classify';
import { MEASURES, type Measure } from './indicators';
import { isLang, type Lang } from './keys';

export const VIEWS = ['map', 'gaps', 'services', 'docs', 'compare'] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  view: View;
  region: string | null;
  unit: string | null;
  indicator: string | null;
  measure: Measure;
  classification: ClassMethod;
  classes: number;
  /** Inner thresholds for the manual classification. */
  breaks: number[];
  lang: Lang;
  /** URL of a data package to load instead of the default. */
  package: string | null;
  embed: boolean;
  /** Parameters this codec does not own, in order. */
  rest: [string, string][];
}

export interface UrlNote {
  param: string;
  value: string;
  reason: 'invalid' | 'unknown_unit' | 'unknown_indicator' | 'duplicate';
}

export const DEFAULT_STATE: ViewState = {
  view: 'map',
  region: null,
  unit: null,
  indicator: null,
  measure: 'count',
  classification: 'quantile',
  classes: 5,
  breaks: [],
  lang: 'sq',
  package: null,
  embed: false,
  rest: [],
};

const OWN = new Set(['view', 'region', 'unit', 'indicator', 'measure', 'class', 'k', 'breaks', 'lang', 'package', 'embed']);
const ID = /^[\p{L}\p{N}_.:-]{1,64}$/u;
const isView = (v: string): v is View => (VIEWS as readonly string[]).includes(v);
const isMeasure = (v: string): v is Measure => (MEASURES as readonly string[]).includes(v);

export function parseViewState(search: string, defaults: ViewState = DEFAULT_STATE): { state: ViewState; notes: UrlNote[] } {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: ViewState = { ...defaults, breaks: [...defaults.breaks], rest: [] };
  const notes: UrlNote[] = [];
  const seen = new Set<string>();
  for (const [param, raw] of params) {
    const value = raw.trim();
    if (!OWN.has(param)) {
      state.rest.push([param, raw]);
      continue;
    }
    if (seen.has(param)) {
      notes.push({ param, value, reason: 'duplicate' });
      continue;
    }
    seen.add(param);
    const bad = () => notes.push({ param, value, reason: 'invalid' });
    switch (param) {
      case 'view':
        if (isView(value)) state.view = value;
        else bad();
        break;
      case 'region':
      case 'unit':
      case 'indicator':
        if (value === '') break;
        if (ID.test(value)) state[param] = value;
        else bad();
        break;
      case 'measure':
        if (isMeasure(value)) state.measure = value;
        else bad();
        break;
      case 'class':
        if (isClassMethod(value)) state.classification = value;
        else bad();
        break;
      case 'k': {
        const n = Number(value);
        if (Number.isInteger(n) && n >= 2 && n <= 9) state.classes = n;
        else bad();
        break;
      }
      case 'breaks': {
        const xs = value.split(',').map((s) => Number(s));
        if (value !== '' && xs.every((x) => Number.isFinite(x))) state.breaks = xs;
        else bad();
        break;
      }
      case 'lang':
        if (isLang(value)) state.lang = value;
        else bad();
        break;
      case 'package':
        // Only http(s) or relative URLs; never javascript: or data:.
        if (/^(https?:\/\/|\.{0,2}\/)/i.test(value) || /^[\w.-][\w./-]*$/.test(value)) state.package = value;
        else bad();
        break;
      case 'embed':
        if (value === '1' || value === 'true') state.embed = true;
        else if (value === '0' || value === 'false') state.embed = false;
        else bad();
        break;
    }
  }
  return { state, notes };
}

/** Query string (without `?`), stable order, defaults omitted. */
export function serializeViewState(state: ViewState, defaults: ViewState = DEFAULT_STATE): string {
  const p = new URLSearchParams();
  if (state.view !== defaults.view) p.set('view', state.view);
  if (state.region) p.set('region', state.region);
  if (state.unit) p.set('unit', state.unit);
  if (state.indicator) p.set('indicator', state.indicator);
  if (state.measure !== defaults.measure) p.set('measure', state.measure);
  if (state.classification !== defaults.classification) p.set('class', state.classification);
  if (state.classes !== defaults.classes) p.set('k', String(state.classes));
  if (state.classification === 'manual' && state.breaks.length > 0) p.set('breaks', state.breaks.join(','));
  if (state.lang !== defaults.lang) p.set('lang', state.lang);
  if (state.package) p.set('package', state.package);
  if (state.embed) p.set('embed', '1');
  for (const [k, v] of state.rest) if (!OWN.has(k)) p.append(k, v);
  return p.toString();
}

/** Read a parameter another view owns. */
export const restParam = (state: ViewState, key: string): string | null => state.rest.find(([k]) => k === key)?.[1] ?? null;

/** Set (or remove with null) a parameter another view owns. */
export function withRestParam(state: ViewState, key: string, value: string | null): ViewState {
  const rest = state.rest.filter(([k]) => k !== key);
  if (value !== null && value !== '') rest.push([key, value]);
  return { ...state, rest };
}

/** Check ids against the loaded data: unknown ones fall back with a note. */
export function reconcileViewState(
  state: ViewState,
  known: { unitIds: ReadonlySet<string>; regionIds: ReadonlySet<string>; indicators: ReadonlySet<string> },
): { state: ViewState; notes: UrlNote[] } {
  const notes: UrlNote[] = [];
  const next = { ...state };
  if (next.region && !known.regionIds.has(next.region)) {
    notes.push({ param: 'region', value: next.region, reason: 'unknown_unit' });
    next.region = null;
  }
  if (next.unit && !known.unitIds.has(next.unit)) {
    notes.push({ param: 'unit', value: next.unit, reason: 'unknown_unit' });
    next.unit = null;
  }
  if (next.indicator && !known.indicators.has(next.indicator)) {
    notes.push({ param: 'indicator', value: next.indicator, reason: 'unknown_indicator' });
    next.indicator = null;
  }
  return { state: next, notes };
}
