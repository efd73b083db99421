// Form 2: the Proposal on the need to develop social services (Formulari 2), sent yearly to
// the ministry. Fields 1–4 are filled from the data and editable; table 5 lists the needed
// services by section (5.1–5.5) with sub-type, user category and mode of establishment; an
// annex keeps the evidence of every row (need, supply, gap, municipalities).
import { buildContext, type DocContext, type DocOptions } from './context';
import { aboveNational, categoryStats } from './form1-problems';
import { applyEdits, bullets, rich, type Block, type Doc, type RichText, type TableRow } from './model';
import { emptyProposalEdits, proposalRows, SECTIONS, type ProposalEdits, type ProposalRow } from './proposal';

export const FORM2_KIND = 'proposal';

const h = (level: 1 | 2 | 3, id: string, text: string): Block => ({ type: 'heading', level, id, text });

function fields(ctx: DocContext): Block[] {
  const stats = categoryStats(ctx);
  const above = aboveNational(stats);
  const problems = [
    ...above.slice(0, 4).map((s) => ctx.tr('docs.f2.problem_item', { category: ctx.cat(s.category), ratio: ctx.num(s.ratio, 2) })),
    ...ctx.priorities.slice(0, 3).map((p) => ctx.tr('docs.f2.gap_item', { service: ctx.svc(p.service), category: ctx.cat(p.category), gap: ctx.num(p.gap) })),
  ];
  const groups = [...stats]
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0))
    .map((s) => ctx.tr('docs.f2.group_item', { category: ctx.cat(s.category), count: ctx.num(s.count), rate: ctx.num(s.rate, 1) }));
  const field = (id: string, key: string, defaultText: RichText): Block[] => [
    h(2, id, ctx.tr(key)),
    { type: 'field', id, label: ctx.tr(key), defaultText, userText: null },
  ];
  return [
    ...field('f2.region', 'docs.f2.f1', rich(ctx.regionName)),
    ...field('f2.municipalities', 'docs.f2.f2', bullets(ctx.munis.map((m) => ctx.name(m)))),
    ...field('f2.problems', 'docs.f2.f3', problems.length ? bullets(problems) : rich(ctx.tr('docs.fill_in'))),
    ...field('f2.groups', 'docs.f2.f4', groups.length ? bullets(groups) : rich(ctx.tr('docs.fill_in'))),
  ];
}

function table5(ctx: DocContext, rows: readonly ProposalRow[]): Block {
  const out: TableRow[] = [];
  for (const s of SECTIONS) {
    out.push({ key: `section:${s}`, section: true, cells: [{ text: ctx.tr(`docs.f2.s${s.replace('.', '_')}`) }] });
    const inSection = rows.filter((r) => r.section === s);
    if (!inSection.length) out.push({ key: `empty:${s}`, cells: [{ text: ctx.tr('docs.f2.empty_section') }, { text: '' }, { text: '' }] });
    for (const r of inSection) out.push({ key: r.id, cells: [{ text: r.subtype }, { text: r.categoryText }, { text: r.mode }] });
  }
  return {
    type: 'table',
    id: 'f2.services',
    caption: '',
    columns: [
      { key: 'subtype', label: ctx.tr('docs.f2.col.subtype'), width: 1.6 },
      { key: 'category', label: ctx.tr('docs.f2.col.category'), width: 1.6 },
      { key: 'mode', label: ctx.tr('docs.f2.col.mode'), width: 2 },
    ],
    rows: out,
  };
}

function annex(ctx: DocContext, rows: readonly ProposalRow[]): Block[] {
  const withEvidence = rows.filter((r) => r.evidence);
  const out: Block[] = [h(1, 'f2.annex', ctx.tr('docs.f2.annex')), { type: 'paragraph', runs: [{ text: ctx.tr('docs.f2.annex.intro') }] }];
  if (!withEvidence.length) return [...out, { type: 'paragraph', runs: [{ text: ctx.tr('docs.none') }] }];
  out.push({
    type: 'table',
    id: 'f2.evidence',
    caption: ctx.tr('docs.f2.t.evidence', { n: ctx.nextTable() }),
    columns: [
      { key: 'section', label: '5.x', width: 0.4 },
      { key: 'subtype', label: ctx.tr('docs.f2.col.subtype'), width: 1.4 },
      { key: 'category', label: ctx.tr('docs.f2.col.category'), width: 1.4 },
      { key: 'need', label: ctx.tr('docs.need'), align: 'right', width: 0.7 },
      { key: 'supply', label: ctx.tr('docs.supply'), align: 'right', width: 0.7 },
      { key: 'gap', label: ctx.tr('docs.gap'), align: 'right', width: 0.7 },
      { key: 'munis', label: ctx.tr('docs.f2.municipalities_gap'), width: 1.4 },
      { key: 'deserts', label: ctx.tr('docs.deserts'), width: 1.4 },
    ],
    rows: withEvidence.map((r) => {
      const e = r.evidence;
      const k = r.service && r.category ? `${r.service}:${r.category}` : r.id;
      const l = `${r.subtype} · ${r.categoryText}`;
      return {
        key: r.id,
        cells: [
          { text: r.section },
          { text: r.subtype },
          { text: r.categoryText },
          ctx.cell(`f2.need:${k}`, e?.need ?? null, 0, `${l} · ${ctx.tr('docs.need')}`),
          ctx.cell(`f2.supply:${k}`, e?.supply ?? null, 0, `${l} · ${ctx.tr('docs.supply')}`),
          ctx.cell(`f2.gap:${k}`, e?.gap ?? null, 0, `${l} · ${ctx.tr('docs.gap')}`),
          { text: (e?.municipalities ?? []).map((u) => ctx.name(u)).join(', ') || '–' },
          { text: (e?.deserts ?? []).map((u) => ctx.name(u)).join(', ') || '–' },
        ],
      };
    }),
  });
  if (withEvidence.some((r) => r.evidence?.illustrative) || ctx.gaps.defaultNorms) out.push({ type: 'note', kind: 'illustrative', text: ctx.tr('docs.illustrative') });
  return out;
}

export interface Form2 {
  doc: Doc;
  rows: ProposalRow[];
  /** Suggested rows the council removed (for the UI to offer restoring them). */
  removed: ProposalRow[];
}

/** Form 2 for one region with the council's edits merged (fields and table 5 rows). */
export function buildForm2(ctx: DocContext, edits: ProposalEdits = emptyProposalEdits()): Form2 {
  ctx.resetNumbering();
  const { rows, removed } = proposalRows(ctx, edits);
  const recipient = ctx.pkg.meta.recipient?.trim();
  const blocks: Block[] = [
    ...(recipient ? [{ type: 'paragraph' as const, runs: [{ text: ctx.tr('docs.f2.recipient', { recipient }), bold: true }] }] : []),
    ...fields(ctx),
    h(2, 'f2.services', ctx.tr('docs.f2.f5')),
    table5(ctx, rows),
    ...annex(ctx, rows),
  ];
  const doc: Doc = {
    lang: ctx.lang,
    kind: FORM2_KIND,
    title: ctx.tr('docs.f2.title'),
    subtitle: ctx.tr('docs.f2.subtitle', { region: ctx.regionName }),
    header: { region: ctx.regionName, date: ctx.dateText },
    blocks,
  };
  return { doc: applyEdits(doc, edits.fields), rows, removed };
}

export function form2(pkg: Parameters<typeof buildContext>[0], o: DocOptions, edits?: ProposalEdits): Form2 {
  return buildForm2(buildContext(pkg, o), edits);
}
