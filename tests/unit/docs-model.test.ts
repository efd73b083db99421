import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  collectNumbers,
  diffNumbers,
  editsFromJson,
  editsToJson,
  fieldText,
  plainToRich,
  regenerate,
  richToMarkup,
  richToPlain,
  sanitizeRichText,
  type Doc,
  type FieldBlock,
  type RichText,
} from '../../src/core/docs/model';
import { sampleDoc } from '../fixtures/docs/sample-doc';

const field = (doc: Doc, id: string): FieldBlock => {
  const f = doc.blocks.find((b): b is FieldBlock => b.type === 'field' && b.id === id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
};

/** The same document with one number changed, one removed and one added (new data). */
function newerDoc(): Doc {
  const d = sampleDoc();
  for (const b of d.blocks) {
    if (b.type !== 'table') continue;
    b.rows = b.rows.filter((r) => r.key !== 'M2');
    const m1 = b.rows.find((r) => r.key === 'M1');
    if (m1?.cells[1]) m1.cells[1] = { text: '99,000', num: { key: 'pop:M1', value: 99000, label: 'Kumanovo · population' } };
    b.rows.push({ key: 'M4', cells: [{ text: 'Lipkovo' }, { text: '27,058', num: { key: 'pop:M4', value: 27058 } }] });
  }
  return d;
}

describe('document model: edits', () => {
  it('plain text becomes paragraphs, bullets, numbered items and bold/italic runs', () => {
    const rt = plainToRich('Intro with **bold** and _italic_.\n\n- one\n* two\n1. first\nsnake_case_word stays');
    expect(rt).toEqual([
      { runs: [{ text: 'Intro with ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'italic', italic: true }, { text: '.' }] },
      { runs: [{ text: 'one' }], list: 'bullet' },
      { runs: [{ text: 'two' }], list: 'bullet' },
      { runs: [{ text: 'first' }], list: 'ordered' },
      { runs: [{ text: 'snake_case_word stays' }] },
    ]);
    expect(richToPlain(rt)).toBe('Intro with bold and italic.\n- one\n- two\n1. first\nsnake_case_word stays');
  });

  it('round-trips rich text through the editable markup', () => {
    const rt: RichText = [
      { runs: [{ text: 'A ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'both', bold: true, italic: true }, { text: ' and ' }, { text: 'it', italic: true }] },
      { runs: [{ text: 'one' }], list: 'bullet' },
      { runs: [{ text: 'first' }], list: 'ordered' },
      { runs: [{ text: 'second' }], list: 'ordered' },
    ];
    expect(richToMarkup(rt)).toBe('A **bold** and **_both_** and _it_\n- one\n1. first\n2. second');
    expect(plainToRich(richToMarkup(rt))).toEqual(rt);
  });

  it('applies edits by field id and leaves the other fields on their defaults', () => {
    const doc = sampleDoc();
    const mine: RichText = [{ runs: [{ text: 'Our own basis' }] }];
    const out = applyEdits(doc, new Map([['intro.basis', mine], ['no.such.field', mine]]));
    expect(fieldText(field(out, 'intro.basis'))).toEqual(mine);
    expect(field(out, 'intro.basis').defaultText).toEqual(field(doc, 'intro.basis').defaultText);
    expect(field(doc, 'intro.basis').userText).toBeNull(); // input not mutated
  });

  it('keeps user text across regeneration and reports which numbers changed', () => {
    const prev = sampleDoc();
    const mine: RichText = [{ runs: [{ text: 'Kept after new data', bold: true }] }];
    const { doc, changes } = regenerate(prev, newerDoc(), new Map([['intro.basis', mine]]));
    expect(fieldText(field(doc, 'intro.basis'))).toEqual(mine);
    const byKey = new Map(changes.map((c) => [c.key, c]));
    expect(byKey.get('pop:M1')).toMatchObject({ before: 98104, after: 99000, kind: 'changed', label: 'Kumanovo · population' });
    expect(byKey.get('pop:M2')).toMatchObject({ before: 4000, after: null, kind: 'removed' });
    expect(byKey.get('pop:M4')).toMatchObject({ before: null, after: 27058, kind: 'added' });
    expect(byKey.has('pop:R')).toBe(false); // unchanged
    expect(byKey.has('pop:M3')).toBe(false); // null both times
    expect(changes).toHaveLength(3);
  });

  it('no previous version: no changes; identical regeneration: no changes', () => {
    expect(regenerate(null, sampleDoc(), new Map()).changes).toEqual([]);
    expect(diffNumbers(sampleDoc(), sampleDoc())).toEqual([]);
    expect(collectNumbers(sampleDoc()).get('pop:total')?.value).toBe(102104);
  });

  it('edits survive a JSON round trip; malformed stored edits are dropped', () => {
    const edits = new Map<string, RichText>([['a', [{ runs: [{ text: 'x', italic: true }], list: 'bullet' }]]]);
    expect(editsFromJson(JSON.parse(JSON.stringify(editsToJson(edits))))).toEqual(edits);
    const junk = JSON.parse('[["b", [{"runs": [{"text": 1}, {"text": "ok", "bold": "yes", "__proto__": {"x": 1}}], "list": "evil"}]], [1, []], "x"]');
    const out = editsFromJson(junk);
    expect([...out.keys()]).toEqual(['b']);
    expect(out.get('b')).toEqual([{ runs: [{ text: 'ok' }] }]);
    expect(sanitizeRichText('nope')).toBeNull();
  });
});
