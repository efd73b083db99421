import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { form2 } from '../../src/core/docs/form2';
import { collectNumbers, fieldText, regenerate, type Doc, type FieldBlock } from '../../src/core/docs/model';
import { autoId, emptyProposalEdits, proposalEditsFromJson, proposalEditsToJson, sectionOf, type ProposalEdits } from '../../src/core/docs/proposal';
import { prepareDataset } from '../../src/core/dataset';
import { runGaps } from '../../src/core/gaps/engine';
import { renderDocx } from '../../src/render/docx';
import { docsPackage } from '../fixtures/docs/package';

const OPTS = { lang: 'en' as const, regionId: 'NE', date: '2024-05-01' };
const field = (d: Doc, id: string) => d.blocks.find((b): b is FieldBlock => b.type === 'field' && b.id === id);
const table5 = (d: Doc) => {
  const t = d.blocks.find((b) => b.type === 'table' && b.id === 'f2.services');
  if (t?.type !== 'table') throw new Error('no table 5');
  return t;
};
const HOME = autoId('home_care', 'elderly');
const DAY_PWD = autoId('day_care', 'persons_with_disabilities');
const COUNSEL = autoId('counselling', 'dv_victims');
const DAY_ELD = autoId('day_care', 'elderly');

describe('Form 2: Proposal', () => {
  const { doc, rows } = form2(docsPackage(), OPTS);

  it('has fields 1–4 filled from the data and table 5 with sections 5.1–5.5', () => {
    const sq = form2(docsPackage(), { ...OPTS, lang: 'sq' }).doc;
    expect(sq.title).toBe('Propozim për nevojën e zhvillimit të shërbimeve sociale');
    const h2 = sq.blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [b.text] : []));
    expect(h2).toEqual([
      '1. Rajoni i planifikimit',
      '2. Komunat në rajonin e planifikimit',
      '3. Problemet sociale dominuese në rajonin e planifikimit',
      '4. Identifikimi i grupeve vulnerabile në rajonin e planifikimit',
      '5. Shërbimet e nevojshme sociale në rajonin e planifikimit',
    ]);
    expect(table5(sq).columns.map((c) => c.label)).toEqual(['Nënlloji i shërbimit', 'Kategoria e përdoruesve', 'Mënyra e themelimit']);
    expect(table5(sq).rows.filter((r) => r.section).map((r) => r.cells[0]?.text)).toEqual([
      '5.1. Parandalimi social',
      '5.2. Shërbime në shtëpi',
      '5.3. Shërbime në komunitet',
      '5.4. Shërbimet e mbrojtjes jashtë familjes',
      '5.5. Shërbime tjera sociale',
    ]);
    expect(fieldText(field(doc, 'f2.region') as FieldBlock)).toEqual([{ runs: [{ text: 'Northeast' }] }]);
    expect(fieldText(field(doc, 'f2.municipalities') as FieldBlock).map((p) => p.runs[0]?.text)).toEqual(['Kratovo', 'Kriva Palanka', 'Kumanovo']);
    expect(fieldText(field(doc, 'f2.problems') as FieldBlock)[0]?.runs[0]?.text).toBe('Households on social assistance: 1.26× the national rate');
    expect(fieldText(field(doc, 'f2.groups') as FieldBlock)[0]?.runs[0]?.text).toBe('Households on social assistance: 3,530 persons (93.9 per 1,000)');
  });

  it('puts each suggested service in its section, with its evidence equal to the gap engine', () => {
    const gaps = runGaps(prepareDataset(docsPackage()).pkg);
    const t = table5(doc);
    let section = '';
    for (const r of t.rows) {
      if (r.section) section = r.cells[0]?.text.slice(0, 3) ?? '';
      const row = rows.find((x) => x.id === r.key);
      if (row?.service) expect(section, row.id).toBe(sectionOf(row.service));
    }
    expect(rows.find((r) => r.id === HOME)?.section).toBe('5.2');
    expect(rows.find((r) => r.id === DAY_PWD)?.section).toBe('5.3');
    expect(rows.find((r) => r.id === COUNSEL)?.section).toBe('5.5');
    for (const r of rows) {
      const g = gaps.get('NE', r.service ?? '', r.category ?? '');
      expect(r.evidence?.need, r.id).toBeCloseTo(g?.need ?? NaN, 9);
      expect(r.evidence?.gap, r.id).toBeCloseTo(g?.gap ?? NaN, 9);
    }
    const nums = collectNumbers(doc);
    expect(nums.get('f2.supply:home_care:elderly')?.value).toBeCloseTo(gaps.get('NE', 'home_care', 'elderly')?.supply ?? NaN, 9);
    // Home care gap is in all three municipalities, Kriva Palanka has no home care at all.
    expect(rows.find((r) => r.id === HOME)?.evidence?.deserts).toEqual(['M3']);
    expect(rows.find((r) => r.id === HOME)?.mode).toMatch(/^Inter-municipal cooperation \(/);
    const annex = doc.blocks.find((b) => b.type === 'table' && b.id === 'f2.evidence');
    expect(annex?.type === 'table' && annex.rows.map((r) => r.key)).toEqual(rows.map((r) => r.id));
  });

  it('keeps accepted, edited, removed and added rows across regeneration with new data', () => {
    const edits: ProposalEdits = emptyProposalEdits();
    edits.rows.set(HOME, { mode: 'Joint public institution of Kumanovo and Kratovo', subtype: 'Home care with respite' });
    edits.removed.add(COUNSEL);
    edits.accepted.add(DAY_ELD);
    edits.added.push({ id: 'u1', section: '5.1', subtype: 'Outreach to Roma settlements', categoryText: 'Roma and Egyptian communities', mode: 'Volunteering' });
    edits.fields.set('f2.problems', [{ runs: [{ text: 'Poverty and ageing', bold: true }] }]);
    const before = form2(docsPackage(), OPTS, edits);

    // New data: a large new day centre in Kratovo closes the day-care gap for the elderly.
    const pkg = docsPackage();
    const s1 = pkg.services[0];
    if (s1) pkg.services.push({ ...s1, id: 'S9', unitId: 'M2', serves: ['M2', 'M3'], capacity: 100 });
    const m3 = pkg.observations.find((o) => o.unitId === 'M3' && o.indicator === 'elderly');
    if (m3) m3.value = 700;
    const after = form2(pkg, OPTS, edits);
    const byId = new Map(after.rows.map((r) => [r.id, r]));

    expect(byId.get(HOME)).toMatchObject({ mode: 'Joint public institution of Kumanovo and Kratovo', subtype: 'Home care with respite', edited: true, categoryText: 'Elderly persons' });
    expect(byId.has(COUNSEL)).toBe(false);
    expect(after.removed.map((r) => r.id)).toEqual([COUNSEL]);
    expect(byId.get(DAY_ELD)).toMatchObject({ stale: true });
    expect(byId.get('u1')).toMatchObject({ origin: 'user', section: '5.1', subtype: 'Outreach to Roma settlements', evidence: null });
    expect(fieldText(field(after.doc, 'f2.problems') as FieldBlock)).toEqual([{ runs: [{ text: 'Poverty and ageing', bold: true }] }]);
    // Evidence is refreshed from the new data (Kriva Palanka elderly 500 → 700 at 50 per 1,000).
    expect((byId.get(HOME)?.evidence?.need ?? 0) - (before.rows.find((r) => r.id === HOME)?.evidence?.need ?? 0)).toBeCloseTo(10, 9);
    const t = table5(after.doc);
    const keys = t.rows.map((r) => r.key);
    expect(keys.indexOf('u1')).toBe(keys.indexOf('section:5.1') + 1);
    expect(t.rows.find((r) => r.key === HOME)?.cells.map((c) => c.text)).toEqual(['Home care with respite', 'Elderly persons', 'Joint public institution of Kumanovo and Kratovo']);
    const { changes } = regenerate(before.doc, after.doc, edits.fields);
    expect(changes.find((c) => c.key === 'f2.need:home_care:elderly')).toMatchObject({ kind: 'changed' });
  });

  it('stores edits as JSON and validates them on the way back', () => {
    const edits = emptyProposalEdits();
    edits.rows.set(HOME, { mode: 'x', section: '5.3' });
    edits.removed.add(COUNSEL);
    edits.added.push({ id: 'u1', section: '5.4', subtype: 's', categoryText: 'c', mode: 'm', service: 'foster_care', category: 'children_without_parental_care' });
    expect(proposalEditsFromJson(JSON.parse(JSON.stringify(proposalEditsToJson(edits))))).toEqual(edits);
    const junk = proposalEditsFromJson({ rows: [['a', { section: '9.9', mode: 3, subtype: 'ok' }]], added: [{ id: 'z', section: 'bad' }], removed: [1, 'r'], fields: 'no' });
    expect(junk.rows.get('a')).toEqual({ subtype: 'ok' });
    expect(junk.added).toEqual([]);
    expect([...junk.removed]).toEqual(['r']);
    expect(proposalEditsFromJson(null)).toEqual(emptyProposalEdits());
  });

  it('renders to DOCX with the fields, table 5 and the evidence annex', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await renderDocx(doc)) });
    expect(value).toContain('<h2>5. Social services needed in the planning region</h2>');
    expect(value).toContain('<h1>Annex: evidence for the proposed services</h1>');
    expect(value.match(/<table>/g)).toHaveLength(2);
    expect(value).toContain('<td colspan="3"><p><strong>5.2. Home services</strong></p></td>');
  });
});
