// The small-number protection a page's URL asks for (`suppress`), the same object while the
// parameter is unchanged (the views built from it are memoised on it).
import { useMemo } from 'react';
import { parsePrivacy, SUPPRESS_PARAM, type PrivacyConfig } from '../../core/privacy/config';
import { restParam, type ViewState } from '../../core/url';

export function usePrivacy(state: ViewState): PrivacyConfig {
  const raw = restParam(state, SUPPRESS_PARAM);
  return useMemo(() => parsePrivacy(raw, state.embed), [raw, state.embed]);
}
