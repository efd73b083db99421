// Embed-only URL parameters, pure: `height=<px>` (the map's height), `layers=services`,
// `table=1` (open the table alternative). The shared ones (region, unit, indicator, lang,
// package, measure, class, k, suppress) are the app's own.
import { restParam, serializeViewState, withRestParam, type ViewState } from '../../core/url';
import { SUPPRESS_PARAM } from '../../core/privacy/config';

export interface EmbedOptions {
  /** Map height in CSS pixels; null = from the map's shape. */
  height: number | null;
  services: boolean;
  table: boolean;
}

export const HEIGHT_MIN = 160;
export const HEIGHT_MAX = 2000;
export const EMBED_PARAMS = ['height', 'layers', 'table', SUPPRESS_PARAM] as const;

export function parseEmbedOptions(state: ViewState): EmbedOptions {
  const h = Number(restParam(state, 'height'));
  const layers = (restParam(state, 'layers') ?? '').split(',').map((s) => s.trim());
  return {
    height: Number.isInteger(h) && h >= HEIGHT_MIN && h <= HEIGHT_MAX ? h : null,
    services: layers.includes('services'),
    table: restParam(state, 'table') === '1',
  };
}

/** The embed's state for the current view: the map, no app-only parameters. */
export function embedState(state: ViewState, opts: Partial<EmbedOptions>): ViewState {
  const keep = new Set<string>(EMBED_PARAMS);
  let next: ViewState = { ...state, view: 'map', embed: true, rest: state.rest.filter(([k]) => keep.has(k)) };
  if (opts.height !== undefined) next = withRestParam(next, 'height', opts.height === null ? null : String(opts.height));
  if (opts.services !== undefined) next = withRestParam(next, 'layers', opts.services ? 'services' : null);
  if (opts.table !== undefined) next = withRestParam(next, 'table', opts.table ? '1' : null);
  return next;
}

/** Absolute URL of the page at `href` with `state` as its query. */
export function urlFor(href: string, state: ViewState): string {
  const u = new URL(href);
  u.search = serializeViewState(state);
  u.hash = '';
  return u.toString();
}
