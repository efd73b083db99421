import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../../src/core/i18n';
import { LANGS } from '../../src/core/keys';
import { importUi } from '../../src/core/i18n/messages/importui';
import { JOIN_METHODS, RESOURCE_NAMES } from '../../src/core/parse/types';

const dir = new URL('../../src/ui/import/', import.meta.url);
const sources = readdirSync(dir).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(new URL(f, dir), 'utf8'));
sources.push(readFileSync(new URL('../../src/ui/ErrorBoundary.tsx', import.meta.url), 'utf8'));

// keys built at run time: `importui.<prefix>.${value}`
const dynamic = [
  ...['name', 'id'].map((v) => `importui.mapping.by.${v}`),
  ...['wide', 'long'].map((v) => `importui.mapping.form.${v}`),
  ...['too_large', 'unreadable', 'zip_invalid', 'skipped'].map((v) => `importui.refused.${v}`),
  ...[...RESOURCE_NAMES, 'unknown'].map((v) => `importui.resource.${v}`),
  ...['saved', 'saving', 'memory'].map((v) => `importui.save.${v}`),
  ...['error', 'warning'].map((v) => `importui.severity.${v}`),
  ...['worker', 'main'].map((v) => `importui.where.${v}`),
  ...['not_zip', 'no_manifest', 'manifest_invalid', 'newer', 'too_large'].map((v) => `importui.workspace.error.${v}`),
  ...JOIN_METHODS.map((m) => `import.method.${m}`),
];

describe('import UI messages', () => {
  it('every key the import UI uses exists in sq, mk and en', () => {
    const used = new Set<string>(dynamic);
    for (const src of sources) for (const m of src.matchAll(/'(importui\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g)) if (m[1]) used.add(m[1]);
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].flatMap((k) => LANGS.filter((l) => !hasKey(l, k)).map((l) => `${l}:${k}`));
    expect(missing).toEqual([]);
  });

  it('Macedonian strings are Cyrillic, not Latin', () => {
    const latinHeavy = Object.entries(importUi.mk).filter(([, v]) => {
      const text = v.replace(/\{\w+\}|CSV|TSV|TXT|XLSX|Excel|GeoJSON|TopoJSON|JSON|datapackage\.json|social-map[\w-.]*|\.zip|unit_id|ms|MB|utf-8/g, '');
      return /[A-Za-z]{3,}/.test(text);
    });
    expect(latinHeavy).toEqual([]);
  });
});
