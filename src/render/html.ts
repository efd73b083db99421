// A document model → one standalone, print-ready HTML file (A4, margins, running header with
// region and date, page numbers, a page break before every chapter, no app chrome, no script).
// Every piece of text is escaped; figures are our own SVG and are embedded only if they parse
// under the strict whitelist of src/render/svgparse.ts (else a text placeholder is shown).
import type { Block, Doc, FieldBlock, Run, RichText, TableBlock } from '../core/docs/model';
import { fieldText } from '../core/docs/model';
import { isSafeSvg } from './svgparse';
import { cssString, escapeXml as esc } from './text';

export interface HtmlOptions {
  /** Show field labels above edited/editable narrative (off in the final document). */
  showFieldLabels?: boolean;
  /** Text for "page" in the footer, e.g. "Faqe". */
  pageLabel?: string;
  /** Shown in place of a figure whose SVG is not our safe subset. */
  figureUnavailable?: string;
}

const CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 20mm; }
* { box-sizing: border-box; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
body { margin: 0 auto; max-width: 180mm; padding: 12mm 0; }
header.doc-head { display: flex; justify-content: space-between; font-size: 8.5pt; color: #555; border-bottom: 0.5pt solid #999; margin-bottom: 8mm; }
h1.doc-title { font-size: 20pt; margin: 18mm 0 4mm; }
p.doc-subtitle { font-size: 12pt; color: #333; margin: 0 0 10mm; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 3mm; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
section.chapter { break-before: page; page-break-before: always; }
p, ul, ol { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 1mm; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 1mm 1.5mm; vertical-align: top; unicode-bidi: isolate; }
th { background: #eee; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.section td { background: #f4f4f4; font-weight: bold; }
tr.total td { font-weight: bold; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 1mm; }
p.table-note { font-size: 8.5pt; color: #444; }
figure { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
aside.note { font-size: 8.5pt; padding: 1.5mm 2.5mm; margin: 1mm 0 3mm; border-left: 2pt solid #999; background: #f7f7f7; }
aside.note.illustrative { border-color: #c77700; background: #fff6e5; }
aside.note.conflict { border-color: #b00020; background: #fdecee; }
div.field { margin: 0 0 3mm; }
div.field .field-label { font-size: 8pt; color: #666; text-transform: uppercase; letter-spacing: 0.03em; }
@media screen { body { padding: 12mm; } }
`;

function runsHtml(rs: readonly Run[]): string {
  return rs
    .map((r) => {
      let s = esc(r.text);
      if (r.italic) s = `<em>${s}</em>`;
      if (r.bold) s = `<strong>${s}</strong>`;
      return s;
    })
    .join('');
}

/** Rich text → paragraphs and lists (consecutive list paragraphs grouped). */
export function richHtml(rt: RichText): string {
  let out = '';
  let open: 'ul' | 'ol' | null = null;
  for (const p of rt) {
    const want = p.list === 'bullet' ? 'ul' : p.list === 'ordered' ? 'ol' : null;
    if (open && want !== open) {
      out += `</${open}>`;
      open = null;
    }
    if (want && !open) {
      out += `<${want}>`;
      open = want;
    }
    out += want ? `<li>${runsHtml(p.runs)}</li>` : `<p>${runsHtml(p.runs)}</p>`;
  }
  if (open) out += `</${open}>`;
  return out;
}

function tableHtml(b: TableBlock): string {
  const align = b.columns.map((c) => c.align ?? 'left');
  const cls = (i: number) => (align[i] === 'right' ? ' class="num"' : '');
  let s = `<table id="${esc(`t-${b.id}`)}">${b.caption ? `<caption>${esc(b.caption)}</caption>` : ''}<thead><tr>`;
  s += b.columns.map((c, i) => `<th scope="col"${cls(i)}>${esc(c.label)}</th>`).join('');
  s += '</tr></thead><tbody>';
  for (const r of b.rows) {
    if (r.section) {
      s += `<tr class="section"><td colspan="${b.columns.length}">${esc(r.cells[0]?.text ?? '')}</td></tr>`;
      continue;
    }
    s += `<tr${r.total ? ' class="total"' : ''}>`;
    s += r.cells
      .map((c, i) => {
        let v = esc(c.text);
        if (c.italic) v = `<em>${v}</em>`;
        if (c.bold) v = `<strong>${v}</strong>`;
        return `<td${cls(i)}>${v}</td>`;
      })
      .join('');
    s += '</tr>';
  }
  s += '</tbody></table>';
  if (b.note) s += `<p class="table-note">${esc(b.note)}</p>`;
  return s;
}

function fieldHtml(f: FieldBlock, o: HtmlOptions): string {
  const label = o.showFieldLabels ? `<div class="field-label">${esc(f.label)}</div>` : '';
  return `<div class="field" data-field="${esc(f.id)}">${label}${richHtml(fieldText(f))}</div>`;
}

export function blockHtml(b: Block, o: HtmlOptions = {}): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${runsHtml(b.runs)}</p>`;
    case 'list': {
      const t = b.ordered ? 'ol' : 'ul';
      return `<${t}>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</${t}>`;
    }
    case 'table':
      return tableHtml(b);
    case 'figure': {
      const img = isSafeSvg(b.svg) ? b.svg : `<p>${esc(o.figureUnavailable ?? '[figure]')}</p>`;
      return `<figure id="${esc(`f-${b.id}`)}" role="group" aria-label="${esc(b.alt)}">${img}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    }
    case 'note':
      return `<aside class="note ${b.kind}">${esc(b.text)}</aside>`;
    case 'field':
      return fieldHtml(b, o);
  }
}

/** The whole document as a standalone HTML page (UTF-8, no scripts, no external resources). */
export function renderHtml(doc: Doc, o: HtmlOptions = {}): string {
  const page = o.pageLabel ?? '';
  const pageCss = `@page { @top-left { content: ${cssString(doc.header.region)}; font-size: 8pt; color: #555; } @top-right { content: ${cssString(doc.header.date)}; font-size: 8pt; color: #555; } @bottom-center { content: ${cssString(page ? `${page} ` : '')} counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }`;
  let body = '';
  let inChapter = false;
  for (const b of doc.blocks) {
    if (b.type === 'heading' && b.level === 1) {
      if (inChapter) body += '</section>';
      body += '<section class="chapter">';
      inChapter = true;
    }
    body += blockHtml(b, o);
  }
  if (inChapter) body += '</section>';
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${esc(doc.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(doc.title)} — ${esc(doc.header.region)}</title>` +
    `<style>${CSS}${pageCss}</style></head><body>` +
    `<header class="doc-head"><span>${esc(doc.header.region)}</span><span>${esc(doc.header.date)}</span></header>` +
    `<h1 class="doc-title">${esc(doc.title)}</h1>` +
    (doc.subtitle ? `<p class="doc-subtitle">${esc(doc.subtitle)}</p>` : '') +
    body +
    '</body></html>\n'
  );
}
