// The gaps workspace slice (scenarios, edited norms, priority weights), sanitised on load.
import { EMPTY_GAPS_WORKSPACE, GAPS_WORKSPACE_KEY, sanitiseGapsWorkspace, type GapsWorkspace } from '../../core/views/gaps-scenario';
import { useLocalSlice } from './useLocalSlice';

export type SetGapsWorkspace = (next: GapsWorkspace | ((prev: GapsWorkspace) => GapsWorkspace)) => void;

export function useGapsWorkspace(): [GapsWorkspace, SetGapsWorkspace] {
  return useLocalSlice<GapsWorkspace>(GAPS_WORKSPACE_KEY, EMPTY_GAPS_WORKSPACE, sanitiseGapsWorkspace);
}
