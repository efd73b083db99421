// Small-number protection in the Regional Social Map: with `suppress` on, the counts the map
// hides (and the rates made from them) read "–" in the per-municipality tables, their numbers
// are not in the document, and a note under the table says how many; off, they are shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/core/docs/context';
import { buildForm1 } from '../../src/core/docs/form1';
import { collectNumbers, type Doc } from '../../src/core/docs/model';
import { prepareDataset } from '../../src/core/dataset';
import { readPackage } from '../../src/core/parse/package';
import { parsePrivacy } from '../../src/core/privacy/config';
import { suppressionFor } from '../../src/core/privacy/dataset';

const dir = join(__dirname, '../fixtures/embed');
const descriptor: unknown = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
const files = ['units.geojson', 'indicators.csv', 'services.csv'].map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(dir, path))) }));
const pkg = readPackage(descriptor, files).pkg;
const ON = parsePrivacy('1', false);
const form1 = (privacy?: typeof ON): Doc => buildForm1(buildContext(pkg, { lang: 'en', regionId: 'EX1', date: '2026-11-23', ...(privacy ? { privacy } : {}) }));
const countCell = (doc: Doc, unit: string) => {
  for (const b of doc.blocks) {
    if (b.type !== 'table' || !b.id.startsWith('f1.by_municipality')) continue;
    const col = b.columns.findIndex((c) => c.key === 'elderly_alone.n');
    if (col < 0) continue;
    return b.rows.find((r) => r.key === unit)?.cells[col]?.text;
  }
  return undefined;
};

describe('the Regional Social Map with small-number protection', () => {
  const hidden = suppressionFor(prepareDataset(pkg), 'elderly_alone', ON);

  it('shows the small counts without it', () => {
    const doc = form1();
    expect(countCell(doc, 'EX11')).toBe('3');
    expect(collectNumbers(doc).get('f1.count:elderly_alone:EX11')?.value).toBe(3);
    expect(doc.blocks.some((b) => b.type === 'note' && b.text.startsWith('Small-number protection'))).toBe(false);
  });

  it('writes "–" for every hidden count and rate, keeps their numbers out, and says how many under the table', () => {
    expect(hidden.has('EX11')).toBe(true);
    const doc = form1(ON);
    const nums = collectNumbers(doc);
    for (const id of ['EX11', 'EX12', 'EX13', 'EX1']) {
      if (hidden.has(id)) {
        expect(countCell(doc, id), id).toBe('–');
        expect(nums.get(`f1.count:elderly_alone:${id}`)?.value ?? null, id).toBeNull();
        expect(nums.get(`f1.rate:elderly_alone:${id}`)?.value ?? null, id).toBeNull();
      } else expect(countCell(doc, id), id).not.toBe('–');
    }
    const notes = doc.blocks.filter((b) => b.type === 'note' && b.text.startsWith('Small-number protection'));
    expect(notes.length).toBeGreaterThan(0);
  });
});
