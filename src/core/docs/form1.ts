// Form 1: the Regional Social Map (Harta sociale e rajonit të planifikimit, HSRP), five
// chapters as in the manual (Formulari 1). Chapters 1–2 here; 3 in form1-problems.ts; 4–5 in
// form1-services.ts. Every number comes from the core (indicators, gap engine) and carries a
// stable key; narrative parts are editable fields with stable ids.
import { buildContext, cellValue, sourceNote, sourcesOf, type DocContext, type DocOptions } from './context';
import { mapFigure } from './figures';
import { chapter3 } from './form1-problems';
import { chapter4, chapter5 } from './form1-services';
import { applyEdits, rich, type Block, type Column, type Doc, type FieldEdits, type TableRow } from './model';

export const FORM1_KIND = 'social-map';

const field = (id: string, label: string, text: string): Block => ({ type: 'field', id, label, defaultText: rich(text), userText: null });
const h = (level: 1 | 2 | 3, id: string, text: string): Block => ({ type: 'heading', level, id, text });

export function illustrativeNote(ctx: DocContext): Block {
  return { type: 'note', kind: 'illustrative', text: ctx.tr('docs.illustrative') };
}

function dataYears(ctx: DocContext): string {
  const ids = new Set(ctx.munis.map((m) => m.id));
  const years = new Set<number>();
  for (const o of ctx.pkg.observations) if (o.year !== null && (ids.has(o.unitId) || ctx.muniOf(o.unitId))) years.add(o.year);
  const list = [...years].sort((a, b) => a - b);
  return list.length ? list.join(', ') : '–';
}

function chapter1(ctx: DocContext): Block[] {
  const recipient = ctx.pkg.meta.recipient?.trim() || ctx.tr('docs.f1.recipient.default');
  const municipalities = ctx.munis.map((m) => ctx.name(m)).join(', ');
  const pkgName = ctx.pkg.meta.title || ctx.pkg.meta.name;
  const parts: [string, string, string][] = [
    ['basis', 'docs.f1.basis', ctx.tr('docs.f1.basis.default')],
    ['purpose', 'docs.f1.purpose', ctx.tr('docs.f1.purpose.default', { recipient })],
    ['participants', 'docs.f1.participants', ctx.tr('docs.f1.participants.default', { municipalities })],
    ['method', 'docs.f1.method', ctx.tr('docs.f1.method.default', { package: pkgName })],
    ['period', 'docs.f1.period', ctx.tr('docs.f1.period.default', { date: ctx.dateText, years: dataYears(ctx) })],
  ];
  return [h(1, 'ch1', ctx.tr('docs.f1.ch1')), ...parts.flatMap(([id, key, text]) => [h(3, `ch1.${id}`, ctx.tr(key)), field(`f1.intro.${id}`, ctx.tr(key), text)])];
}

function chapter2(ctx: DocContext): Block[] {
  const ids = ctx.munis.map((m) => m.id);
  const all = [...ids, ctx.region.id];
  const pop = ctx.cells('population', 'count', all);
  const area = ctx.cells('area_km2', 'count', all);
  const dens = ctx.cells('population', 'per_km2', all);
  const kids = ctx.cells('population_0_17', 'count', all);
  const old = ctx.cells('population_65_plus', 'count', all);
  const hh = ctx.cells('households', 'count', all);
  const share = (part: ReturnType<typeof ctx.cells>, id: string): number | null => {
    const p = cellValue(part.get(id));
    const n = cellValue(pop.get(id));
    return p !== null && n ? (100 * p) / n : null;
  };
  const R = ctx.region.id;
  const out: Block[] = [h(1, 'ch2', ctx.tr('docs.f1.ch2'))];
  out.push({
    type: 'paragraph',
    runs: [
      {
        text: ctx.tr('docs.f1.ch2.summary', {
          region: ctx.regionName,
          count: ctx.munis.length,
          population: ctx.num(cellValue(pop.get(R))),
          area: ctx.num(cellValue(area.get(R))),
          density: ctx.num(cellValue(dens.get(R)), 1),
        }),
        num: { key: `f1.pop:${R}`, value: cellValue(pop.get(R)), label: `${ctx.regionName} · ${ctx.tr('docs.population')}` },
      },
    ],
  });

  type Col = { key: string; label: string; value: (id: string) => number | null; digits: number };
  const has = (m: ReturnType<typeof ctx.cells>) => ids.some((id) => cellValue(m.get(id)) !== null);
  const cols: Col[] = [{ key: 'pop', label: ctx.tr('docs.population'), value: (id) => cellValue(pop.get(id)), digits: 0 }];
  if (has(area)) cols.push({ key: 'area', label: ctx.tr('docs.area'), value: (id) => cellValue(area.get(id)), digits: 0 });
  if (has(dens)) cols.push({ key: 'density', label: ctx.tr('docs.density'), value: (id) => cellValue(dens.get(id)), digits: 1 });
  if (has(kids)) cols.push({ key: 'share0_17', label: ctx.tr('docs.share_0_17'), value: (id) => share(kids, id), digits: 1 });
  if (has(old)) cols.push({ key: 'share65', label: ctx.tr('docs.share_65'), value: (id) => share(old, id), digits: 1 });
  if (has(hh)) cols.push({ key: 'households', label: ctx.tr('docs.households'), value: (id) => cellValue(hh.get(id)), digits: 0 });
  const columns: Column[] = [{ key: 'name', label: ctx.tr('docs.municipality'), width: 2.2 }, ...cols.map((c) => ({ key: c.key, label: c.label, align: 'right' as const, width: 1 }))];
  const row = (id: string, label: string, total = false): TableRow => ({
    key: id,
    total,
    cells: [{ text: label }, ...cols.map((c) => ctx.cell(`f1.${c.key}:${id}`, c.value(id), c.digits, `${label} · ${c.label}`))],
  });
  const src = sourcesOf([...pop.values(), ...area.values(), ...kids.values(), ...old.values(), ...hh.values()]);
  const note = sourceNote(ctx, src);
  out.push({
    type: 'table',
    id: 'f1.municipalities',
    caption: ctx.tr('docs.f1.t.municipalities', { n: ctx.nextTable() }),
    columns,
    rows: [...ctx.munis.map((m) => row(m.id, ctx.name(m))), row(R, ctx.tr('docs.region_total'), true)],
    ...(note ? { note } : {}),
  });
  const fig = mapFigure(ctx, {
    id: 'f1.map.density',
    values: new Map(ids.map((id) => [id, cellValue(dens.get(id))])),
    caption: ctx.tr('docs.f1.f.density', { n: ctx.nextFigure() }),
    legendTitle: ctx.tr('docs.density'),
  });
  if (fig) out.push(fig);

  // Other indicators the package has (unemployment, poverty, rural share…): region value and range.
  const free = ctx.ds.indicators.filter((i) => i.kind === 'free');
  const rows: TableRow[] = [];
  const freeCells = [];
  for (const info of free) {
    const cells = ctx.cells(info.key, 'count', all);
    const vals = ids.map((id) => cellValue(cells.get(id))).filter((v): v is number => v !== null);
    if (!vals.length) continue;
    freeCells.push(...cells.values());
    const label = ctx.tr(`indicator.${info.key}`) === `indicator.${info.key}` ? info.key.replace(/_/g, ' ') : ctx.tr(`indicator.${info.key}`);
    const unit = info.unit && info.unit !== 'count' ? ` (${info.unit})` : '';
    const regionValue = cellValue(cells.get(R));
    const s = sourcesOf(cells.values());
    rows.push({
      key: info.key,
      cells: [
        { text: label + unit },
        ctx.cell(`f1.free:${info.key}:${R}`, regionValue, 1, `${ctx.regionName} · ${label}`),
        { text: `${ctx.num(Math.min(...vals), 1)} – ${ctx.num(Math.max(...vals), 1)}` },
        { text: s.years.join(', ') || '–' },
        { text: s.sources.join('; ') || '–' },
      ],
    });
  }
  if (rows.length) {
    out.push({
      type: 'table',
      id: 'f1.other',
      caption: ctx.tr('docs.f1.t.other', { n: ctx.nextTable() }),
      columns: [
        { key: 'indicator', label: ctx.tr('docs.indicator'), width: 2 },
        { key: 'region', label: ctx.tr('docs.region_total'), align: 'right', width: 1 },
        { key: 'range', label: ctx.tr('docs.range'), align: 'right', width: 1.4 },
        { key: 'year', label: ctx.tr('docs.year'), width: 0.8 },
        { key: 'source', label: ctx.tr('docs.source_col'), width: 2 },
      ],
      rows,
    });
  }
  out.push(h(2, 'ch2.context', ctx.tr('docs.f1.ch2.context')));
  out.push(field('f1.region.context', ctx.tr('docs.f1.ch2.context'), ctx.tr('docs.f1.ch2.context.default')));
  if (src.illustrative || sourcesOf(freeCells).illustrative) out.push(illustrativeNote(ctx));
  return out;
}

/** Form 1 for one region, with the user's edits merged into the narrative fields. */
export function buildForm1(ctx: DocContext, edits: FieldEdits = new Map()): Doc {
  ctx.resetNumbering();
  const blocks = [...chapter1(ctx), ...chapter2(ctx), ...chapter3(ctx), ...chapter4(ctx), ...chapter5(ctx)];
  const doc: Doc = {
    lang: ctx.lang,
    kind: FORM1_KIND,
    title: ctx.tr('docs.f1.title'),
    subtitle: ctx.tr('docs.f1.subtitle', { region: ctx.regionName }),
    header: { region: ctx.regionName, date: ctx.dateText },
    blocks,
  };
  return applyEdits(doc, edits);
}

/** Convenience: context + Form 1 in one call. */
export function form1(pkg: Parameters<typeof buildContext>[0], o: DocOptions, edits: FieldEdits = new Map()): Doc {
  return buildForm1(buildContext(pkg, o), edits);
}
