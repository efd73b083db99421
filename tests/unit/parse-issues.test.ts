import { describe, expect, it } from 'vitest';
import { hasKey } from '../../src/core/i18n';
import { ISSUE_CODES, issueKey } from '../../src/core/parse/issues';
import { JOIN_METHODS } from '../../src/core/parse/types';

describe('import issue messages', () => {
  it('exist for every issue code and join method in sq, mk and en', () => {
    const missing: string[] = [];
    const keys = [...ISSUE_CODES.map(issueKey), ...JOIN_METHODS.map((m) => `import.method.${m}`)];
    for (const k of keys) for (const lang of ['sq', 'mk', 'en'] as const) if (!hasKey(lang, k)) missing.push(`${lang}:${k}`);
    expect(missing).toEqual([]);
  });
});
