// The URL is the source of truth: this hook reads it, and writes it back on every change
// (push for user actions, replace for corrections), following back/forward.
import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type UrlNote, type ViewState } from '../../core/url';

function read(): { state: ViewState; notes: UrlNote[] } {
  return parseViewState(window.location.search);
}

function write(state: ViewState, mode: 'push' | 'replace') {
  const qs = serializeViewState(state);
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

export function useUrlState() {
  const [{ state, notes }, setParsed] = useState(read);

  useEffect(() => {
    // Invalid parameters are dropped from the address bar, not left to confuse a later reader.
    if (notes.length > 0) write(state, 'replace');
    const onPop = () => setParsed(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = useCallback((patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push') => {
    setParsed((prev) => {
      const next = { ...prev.state, ...patch };
      write(next, mode);
      return { state: next, notes: prev.notes };
    });
  }, []);

  const addNotes = useCallback((extra: UrlNote[]) => {
    if (extra.length) setParsed((prev) => ({ state: prev.state, notes: [...prev.notes, ...extra] }));
  }, []);
  const dismissNotes = useCallback(() => setParsed((prev) => ({ state: prev.state, notes: [] })), []);

  return { state, notes, update, addNotes, dismissNotes };
}
