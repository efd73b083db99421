// JSON text → value, with a nesting-depth check before parsing (deep nesting is refused with
// a message instead of exhausting the stack later).
import { issue } from './issues';
import type { ImportIssue } from './types';

/** Greatest nesting depth of arrays/objects, stopping early once above `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function parseJson(text: string, maxDepth: number, issues: ImportIssue[]): { ok: true; value: unknown } | { ok: false } {
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) {
    issues.push(issue('json_too_deep', null, null, { limit: maxDepth }));
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    issues.push(issue('json_invalid', null, null, { detail: msg.slice(0, 160) }));
    return { ok: false };
  }
}
