// The `suppress` URL parameter: `0` off, `1` on with the default threshold, `<n>` (2–99) on
// with threshold n (counts 1…n shown as "<n+1>"). The embed is always protected: `0` is
// ignored there.
import { restParam, type ViewState } from '../url';
import { DEFAULT_THRESHOLD } from './suppress';

export interface PrivacyConfig {
  enabled: boolean;
  /** Counts from 1 to `threshold` are not shown. */
  threshold: number;
}

export const SUPPRESS_PARAM = 'suppress';

export function parsePrivacy(raw: string | null, embed: boolean): PrivacyConfig {
  const v = (raw ?? '').trim().toLowerCase();
  const on: PrivacyConfig = { enabled: true, threshold: DEFAULT_THRESHOLD };
  const off: PrivacyConfig = { enabled: false, threshold: DEFAULT_THRESHOLD };
  if (v === '1' || v === 'true' || v === 'on') return on;
  if (/^\d{1,2}$/.test(v) && Number(v) >= 2) return { enabled: true, threshold: Number(v) };
  // Empty, `0`, or anything not understood: the default for the mode.
  return embed ? on : off;
}

/** The parameter value that reproduces `config` (null = the mode's default, omit it). */
export function serializePrivacy(config: PrivacyConfig, embed: boolean): string | null {
  if (!config.enabled) return null;
  if (config.threshold === DEFAULT_THRESHOLD) return embed ? null : '1';
  return String(config.threshold);
}

/** The label of a small count: "<5" for the default threshold. */
export const smallLimit = (config: Pick<PrivacyConfig, 'threshold'>): number => config.threshold + 1;

/** The protection a view's URL asks for (`suppress`; always on in the embed). */
export const privacyOf = (state: ViewState): PrivacyConfig => parsePrivacy(restParam(state, SUPPRESS_PARAM), state.embed);
