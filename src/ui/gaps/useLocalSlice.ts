// Stand-in for the workspace store's `useWorkspaceSlice<T>(key, initial)` until it lands: one
// slice of state, kept in localStorage, read back through a sanitiser (storage is untrusted).
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'social-map:workspace:';

function read<T>(key: string, initial: T, sanitise: (x: unknown) => T): T {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? initial : sanitise(JSON.parse(raw));
  } catch {
    return initial;
  }
}

export function useLocalSlice<T>(key: string, initial: T, sanitise: (x: unknown) => T = (x) => x as T): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => read(key, initial, sanitise));
  useEffect(() => {
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // storage full or disabled: the slice still works for this page
    }
  }, [key, value]);
  const set = useCallback((next: T | ((prev: T) => T)) => setValue((prev) => (typeof next === 'function' ? (next as (p: T) => T)(prev) : next)), []);
  return [value, set];
}
