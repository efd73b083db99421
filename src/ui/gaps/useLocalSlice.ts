// Fallback for useGapsWorkspace outside the workspace provider: one JSON value in localStorage
// (read back as unknown: the caller sanitises). Writes only while `enabled`.
import { useEffect, useState } from 'react';

const PREFIX = 'social-map:workspace:';

function read(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function useLocalSlice<T>(key: string, initial: T, enabled: boolean): [T | unknown, (next: T) => void] {
  const [value, setValue] = useState<unknown>(() => (enabled ? (read(key) ?? initial) : initial));
  useEffect(() => {
    if (!enabled) return;
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // storage full or disabled: the value still lives for this page
    }
  }, [key, value, enabled]);
  return [value, setValue];
}
