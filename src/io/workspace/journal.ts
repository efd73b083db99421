// The workspace journal in localStorage (see core/workspace/journal.ts): written synchronously
// on every change, removed once IndexedDB holds that change. Everything here fails quietly:
// without localStorage (Node, privacy settings, quota) the debounced write is all there is.
import { journalOf } from '../../core/workspace/journal';
import type { Workspace } from '../../core/workspace/schema';

export const JOURNAL_KEY = 'social-map.workspace-journal';
/** Past this the journal is not kept (localStorage holds ~5 MB per origin, shared). */
const MAX_CHARS = 2_000_000;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(ws: Workspace): void {
  const ls = storage();
  if (!ls) return;
  try {
    const text = JSON.stringify(journalOf(ws));
    if (text.length > MAX_CHARS) ls.removeItem(JOURNAL_KEY);
    else ls.setItem(JOURNAL_KEY, text);
  } catch {
    // quota or serialisation: drop the journal rather than keep an older one
    try {
      ls.removeItem(JOURNAL_KEY);
    } catch {
      /* nothing more to do */
    }
  }
}

export function readJournal(): unknown {
  try {
    const text = storage()?.getItem(JOURNAL_KEY);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export function clearJournal(): void {
  try {
    storage()?.removeItem(JOURNAL_KEY);
  } catch {
    /* nothing to do */
  }
}
