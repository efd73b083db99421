// Form 1, chapter 3: the regional map of social problems. Beneficiary counts and rates per
// municipality and category, maps of the categories most above the national rate, and the
// data conflicts found at import (and by the gap engine).
import { denominatorOf } from '../indicators';
import { CATEGORY_KEYS } from '../keys';
import { smallLimit } from '../privacy/config';
import { cellValue, sourceNote, sourcesOf, type DocContext } from './context';
import { mapFigure } from './figures';
import { rich, type Block, type Cell, type Column, type TableRow } from './model';

export interface CategoryStat {
  category: string;
  count: number | null;
  rate: number | null;
  national: number | null;
  /** rate / national; null when either is missing. */
  ratio: number | null;
}

/** Categories with data in the region, with count, rate per 1,000 and the national rate. */
const statsOf = new WeakMap<DocContext, CategoryStat[]>();

export function categoryStats(ctx: DocContext): CategoryStat[] {
  const known = statsOf.get(ctx);
  if (known) return known;
  const out = computeStats(ctx);
  statsOf.set(ctx, out);
  return out;
}

function computeStats(ctx: DocContext): CategoryStat[] {
  const R = ctx.region.id;
  const present = ctx.ds.indicators.filter((i) => i.kind === 'category').map((i) => i.key);
  const order = (k: string) => {
    const i = (CATEGORY_KEYS as readonly string[]).indexOf(k);
    return i < 0 ? 999 : i;
  };
  const out: CategoryStat[] = [];
  for (const category of present.sort((a, b) => order(a) - order(b))) {
    const count = cellValue(ctx.cells(category, 'count', [R]).get(R));
    if (count === null) continue;
    const rate = cellValue(ctx.cells(category, 'per1000', [R]).get(R));
    const national = ctx.country ? cellValue(ctx.cells(category, 'per1000', [ctx.country.id]).get(ctx.country.id)) : null;
    out.push({ category, count, rate, national, ratio: rate !== null && national ? rate / national : null });
  }
  return out;
}

/** Categories above the national rate, most above first. */
export const aboveNational = (stats: readonly CategoryStat[]): CategoryStat[] =>
  stats.filter((s) => s.ratio !== null && s.ratio > 1).sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0));

function conflictNotes(ctx: DocContext): Block[] {
  const notes: Block[] = [];
  for (const i of ctx.issues) {
    const text = i.message ?? (i.messageKey ? ctx.tr(i.messageKey, i.params) : i.code);
    const where = [i.path, i.row ? `#${i.row}` : ''].filter(Boolean).join(' ');
    notes.push({ type: 'note', kind: 'conflict', text: ctx.tr('docs.conflict', { text: where ? `${text} (${where})` : text }) });
  }
  // A count larger than the population it is a share of: one of the two figures is wrong.
  for (const s of categoryStats(ctx)) {
    const denominator = denominatorOf(s.category, ctx.ds.index);
    const rates = ctx.cells(s.category, 'per1000', [...ctx.munis.map((m) => m.id), ctx.region.id]);
    for (const [id, c] of rates) {
      if (!c.ok || c.denominator === null || !(c.count > c.denominator)) continue;
      const text = ctx.tr('docs.conflict.denominator', {
        category: ctx.cat(s.category),
        unit: ctx.name(id),
        count: ctx.num(c.count),
        denominator: ctx.num(c.denominator),
        indicator: ctx.tr(`indicator.${denominator}`),
      });
      notes.push({ type: 'note', kind: 'conflict', text: ctx.tr('docs.conflict', { text }) });
    }
  }
  for (const w of ctx.gaps.warnings) {
    if (w.code !== 'count_conflict' && w.code !== 'count_mismatch') continue;
    if (!w.unitId || (w.unitId !== ctx.region.id && !ctx.muniOf(w.unitId))) continue;
    const params = { indicator: w.indicator ? ctx.cat(w.indicator) : '', unit: ctx.name(w.unitId) };
    const text = ctx.tr(w.code === 'count_conflict' ? 'docs.conflict.count' : 'docs.conflict.mismatch', params);
    notes.push({ type: 'note', kind: 'conflict', text: ctx.tr('docs.conflict', { text }) });
  }
  return notes;
}

export function chapter3(ctx: DocContext): Block[] {
  const R = ctx.region.id;
  const ids = ctx.munis.map((m) => m.id);
  const out: Block[] = [{ type: 'heading', level: 1, id: 'ch3', text: ctx.tr('docs.f1.ch3') }];
  out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.ch3.intro') }] });
  const stats = categoryStats(ctx);
  const ranked = [...stats].sort((a, b) => (b.ratio ?? -1) - (a.ratio ?? -1) || (b.count ?? 0) - (a.count ?? 0));
  const allCells = stats.flatMap((s) => [...ctx.cells(s.category, 'count', [...ids, R]).values()]);
  const src = sourcesOf(allCells);
  if (stats.length) {
    const note = sourceNote(ctx, src);
    out.push({
      type: 'table',
      id: 'f1.categories',
      caption: ctx.tr('docs.f1.t.categories', { n: ctx.nextTable() }),
      columns: [
        { key: 'category', label: ctx.tr('docs.category'), width: 2.6 },
        { key: 'count', label: ctx.tr('docs.count'), align: 'right' },
        { key: 'rate', label: ctx.tr('docs.per1000'), align: 'right' },
        { key: 'national', label: ctx.tr('docs.national_per1000'), align: 'right' },
        { key: 'ratio', label: ctx.tr('docs.ratio'), align: 'right' },
      ],
      rows: ranked.map((s) => {
        const l = ctx.cat(s.category);
        return {
          key: s.category,
          cells: [
            { text: l },
            ctx.cell(`f1.count:${s.category}:${R}`, s.count, 0, `${ctx.regionName} · ${l}`),
            ctx.cell(`f1.rate:${s.category}:${R}`, s.rate, 1, `${ctx.regionName} · ${l} ‰`),
            ctx.cell(`f1.national:${s.category}`, s.national, 1, `${ctx.country ? ctx.name(ctx.country) : ''} · ${l} ‰`),
            ctx.cell(`f1.ratio:${s.category}`, s.ratio, 2),
          ],
        };
      }),
      ...(note ? { note } : {}),
    });
  } else out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.none') }] });

  // Counts and rates per municipality, three categories per table to fit A4 portrait.
  const PER_TABLE = 3;
  for (let i = 0; i < stats.length; i += PER_TABLE) {
    const chunk = stats.slice(i, i + PER_TABLE);
    const cells = chunk.map((s) => ({ s, count: ctx.cells(s.category, 'count', [...ids, R]), rate: ctx.cells(s.category, 'per1000', [...ids, R]) }));
    const columns: Column[] = [{ key: 'name', label: ctx.tr('docs.municipality'), width: 1.8 }];
    for (const { s } of cells) {
      columns.push({ key: `${s.category}.n`, label: `${ctx.cat(s.category)}: ${ctx.tr('docs.count')}`, align: 'right' });
      columns.push({ key: `${s.category}.r`, label: ctx.tr('docs.per1000'), align: 'right', width: 0.8 });
    }
    const row = (id: string, label: string, total = false): TableRow => ({
      key: id,
      total,
      cells: [
        { text: label },
        ...cells.flatMap(({ s, count, rate }): Cell[] => [
          ctx.cell(`f1.count:${s.category}:${id}`, cellValue(count.get(id)), 0, `${label} · ${ctx.cat(s.category)}`),
          ctx.cell(`f1.rate:${s.category}:${id}`, cellValue(rate.get(id)), 1, `${label} · ${ctx.cat(s.category)} ‰`),
        ]),
      ],
    });
    out.push({
      type: 'table',
      id: `f1.by_municipality.${i / PER_TABLE + 1}`,
      caption: ctx.tr('docs.f1.t.by_municipality', { n: ctx.nextTable(), part: `${i / PER_TABLE + 1}/${Math.ceil(stats.length / PER_TABLE)}` }),
      columns,
      rows: [...ctx.munis.map((m) => row(m.id, ctx.name(m))), row(R, ctx.tr('docs.region_total'), true)],
    });
    const hidden = chunk.reduce((n, s) => n + ctx.hiddenCount(s.category, [...ids, R]), 0);
    if (hidden > 0 && ctx.protection) {
      out.push({ type: 'note', kind: 'source', text: ctx.tr('docs.suppressed', { n: hidden, threshold: ctx.protection.threshold, limit: smallLimit(ctx.protection) }) });
    }
  }

  // Maps of the two categories most above the national rate (else the two highest rates).
  const above = aboveNational(stats);
  const mapped = (above.length ? above : [...stats].filter((s) => s.rate !== null).sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0))).slice(0, 2);
  for (const s of mapped) {
    const rates = ctx.cells(s.category, 'per1000', ids);
    const fig = mapFigure(ctx, {
      id: `f1.map.${s.category}`,
      values: new Map(ids.map((id) => [id, cellValue(rates.get(id))])),
      caption: ctx.tr('docs.f1.f.category', { n: ctx.nextFigure(), category: ctx.cat(s.category) }),
      legendTitle: ctx.tr('docs.per1000'),
    });
    if (fig) out.push(fig);
  }

  out.push({ type: 'heading', level: 2, id: 'ch3.above', text: ctx.tr('docs.f1.above_national') });
  if (above.length) {
    out.push({
      type: 'list',
      ordered: false,
      items: above.map((s) => [
        {
          text: ctx.tr('docs.f1.above_item', { category: ctx.cat(s.category), region: ctx.num(s.rate, 1), national: ctx.num(s.national, 1), ratio: ctx.num(s.ratio, 2) }),
        },
      ]),
    });
  } else out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.above_none') }] });

  out.push({ type: 'heading', level: 2, id: 'ch3.problems', text: ctx.tr('docs.f1.problems') });
  const top = (above.length ? above : ranked).slice(0, 3).map((s) => ctx.cat(s.category).toLocaleLowerCase(ctx.lang));
  out.push({
    type: 'field',
    id: 'f1.problems',
    label: ctx.tr('docs.f1.problems'),
    defaultText: rich(top.length ? ctx.tr('docs.f1.problems.default', { list: top.join(', ') }) : ctx.tr('docs.fill_in')),
    userText: null,
  });

  out.push({ type: 'heading', level: 2, id: 'ch3.conflicts', text: ctx.tr('docs.f1.conflicts') });
  const notes = conflictNotes(ctx);
  out.push(...(notes.length ? notes : [{ type: 'paragraph' as const, runs: [{ text: ctx.tr('docs.f1.conflicts_none') }] }]));
  if (src.illustrative) out.push({ type: 'note', kind: 'illustrative', text: ctx.tr('docs.illustrative') });
  return out;
}
