// A document model → a Word file (.docx) with the `docx` package, in Node and the browser:
// real Word headings (Heading 1–3 styles, so the navigation pane and a table of contents
// work), tables with a repeated header row, a header with region and date, page numbers
// "n / N" in the footer, figures as SVG with a PNG fallback rasterised by our own code
// (src/render/raster.ts, at 3× for print), source / illustrative / conflict notes.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, Doc, NoteKind, RichText, Run, TableBlock } from '../core/docs/model';
import { fieldText } from '../core/docs/model';
import { rasterizeSvg } from './raster';
import { isSafeSvg } from './svgparse';
import { cleanText } from './text';

export interface DocxOptions {
  /** Word for "page" in the footer ("Faqe", "Страница", "Page"). */
  pageLabel?: string;
  /** Shown in place of a figure whose SVG is not our safe subset. */
  figureUnavailable?: string;
}

const FONT = 'Arial';
// A4 with 20 mm left / 18 mm right margins: 210 − 38 = 172 mm of text width, in twips.
const TEXT_WIDTH_TWIPS = Math.round((172 / 25.4) * 1440);
// The widest a figure may be, in px at 96 dpi (172 mm).
const MAX_FIGURE_PX = Math.floor((172 / 25.4) * 96);
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const NOTE_FILL: Record<NoteKind, string> = { illustrative: 'FFF6E5', source: 'F4F4F4', conflict: 'FDECEE' };

const textRun = (r: Run, extra: { size?: number; italics?: boolean; color?: string } = {}): TextRun =>
  new TextRun({ text: cleanText(r.text), bold: r.bold ?? false, italics: (r.italic ?? false) || (extra.italics ?? false), size: extra.size, color: extra.color });

class Builder {
  private orderedInstance = 0;
  constructor(private readonly o: DocxOptions) {}

  rich(rt: RichText): Paragraph[] {
    const out: Paragraph[] = [];
    let prev: RichText[number]['list'];
    for (const p of rt) {
      const children = p.runs.map((r) => textRun(r));
      if (p.list === 'bullet') out.push(new Paragraph({ children, bullet: { level: 0 } }));
      else if (p.list === 'ordered') {
        if (prev !== 'ordered') this.orderedInstance++;
        out.push(new Paragraph({ children, numbering: { reference: 'ordered', level: 0, instance: this.orderedInstance } }));
      } else out.push(new Paragraph({ children, spacing: { after: 120 } }));
      prev = p.list;
    }
    return out;
  }

  table(b: TableBlock): (Paragraph | Table)[] {
    const n = Math.max(1, b.columns.length);
    const weights = b.columns.map((c) => c.width ?? 1);
    const total = weights.reduce((a, w) => a + w, 0) || 1;
    const widths = weights.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / total));
    const align = (i: number) => (b.columns[i]?.align === 'right' ? AlignmentType.RIGHT : b.columns[i]?.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
    const cellPara = (text: string, i: number, bold: boolean, italics = false) =>
      new Paragraph({ alignment: align(i), children: [new TextRun({ text: cleanText(text), bold, italics, size: 18 })] });
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map(
        (c, i) => new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' }, children: [cellPara(c.label, i, true)] }),
      ),
    });
    const rows = b.rows.map((r) =>
      r.section
        ? new TableRow({
            cantSplit: true,
            children: [new TableCell({ columnSpan: n, shading: { type: ShadingType.CLEAR, fill: 'F4F4F4', color: 'auto' }, children: [cellPara(r.cells[0]?.text ?? '', 0, true)] })],
          })
        : new TableRow({
            cantSplit: true,
            children: b.columns.map((_, i) => {
              const c = r.cells[i];
              return new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children: [cellPara(c?.text ?? '', i, (r.total ?? false) || (c?.bold ?? false), c?.italic ?? false)] });
            }),
          }),
    );
    const out: (Paragraph | Table)[] = [];
    if (b.caption) out.push(new Paragraph({ keepNext: true, spacing: { before: 160, after: 60 }, children: [new TextRun({ text: cleanText(b.caption), bold: true, size: 19 })] }));
    out.push(new Table({ width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] }));
    if (b.note) out.push(new Paragraph({ spacing: { before: 60, after: 160 }, children: [new TextRun({ text: cleanText(b.note), size: 16, color: '444444' })] }));
    return out;
  }

  figure(b: Extract<Block, { type: 'figure' }>): Paragraph[] {
    const caption = new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: cleanText(b.caption), italics: true, size: 18 })] });
    const raster = isSafeSvg(b.svg) ? rasterizeSvg(b.svg, 3) : null;
    if (!raster) return [new Paragraph({ children: [new TextRun({ text: cleanText(this.o.figureUnavailable ?? '[figure]') })] }), caption];
    const k = Math.min(1, MAX_FIGURE_PX / b.width);
    const image = new ImageRun({
      type: 'svg',
      data: new TextEncoder().encode(b.svg),
      fallback: { type: 'png', data: raster.png },
      transformation: { width: Math.round(b.width * k), height: Math.round(b.height * k) },
      altText: { name: cleanText(b.id), title: cleanText(b.caption), description: cleanText(b.alt) },
    });
    return [new Paragraph({ keepNext: true, children: [image] }), caption];
  }

  block(b: Block, firstChapter: boolean): (Paragraph | Table)[] {
    switch (b.type) {
      case 'heading': {
        const opts: IParagraphOptions = {
          heading: HEADINGS[b.level],
          pageBreakBefore: b.level === 1 && !firstChapter,
          keepNext: true,
          children: [new TextRun({ text: cleanText(b.text) })],
        };
        return [new Paragraph(opts)];
      }
      case 'paragraph':
        return [new Paragraph({ spacing: { after: 120 }, children: b.runs.map((r) => textRun(r)) })];
      case 'list':
        return this.rich(b.items.map((runs) => ({ runs, list: b.ordered ? 'ordered' : 'bullet' })));
      case 'table':
        return this.table(b);
      case 'figure':
        return this.figure(b);
      case 'note':
        return [
          new Paragraph({
            shading: { type: ShadingType.CLEAR, fill: NOTE_FILL[b.kind], color: 'auto' },
            spacing: { before: 60, after: 160 },
            children: [new TextRun({ text: cleanText(b.text), size: 17, italics: b.kind !== 'source' })],
          }),
        ];
      case 'field':
        return this.rich(fieldText(b));
    }
  }
}

/** Render the document to .docx bytes (works in Node and the browser). */
export async function renderDocx(doc: Doc, o: DocxOptions = {}): Promise<Uint8Array> {
  const builder = new Builder(o);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: cleanText(doc.title) })] }),
  ];
  if (doc.subtitle) children.push(new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: cleanText(doc.subtitle), size: 26, color: '333333' })] }));
  children.push(new Paragraph({ children: [new TextRun({ text: cleanText(doc.header.region), bold: true, size: 24 })] }));
  children.push(new Paragraph({ children: [new TextRun({ text: cleanText(doc.header.date), size: 22 })] }));
  // Chapters start on a new page; the title page is the first page, so the first chapter also does.
  for (const b of doc.blocks) children.push(...builder.block(b, false));

  const footerChildren: ParagraphChild[] = [];
  if (o.pageLabel) footerChildren.push(new TextRun({ text: `${cleanText(o.pageLabel)} `, size: 16 }));
  footerChildren.push(new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 }));

  const document = new Document({
    creator: 'social-map',
    title: cleanText(doc.title),
    description: cleanText(doc.subtitle),
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1247, bottom: 1134, left: 1134, right: 1020, header: 567, footer: 567 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
                children: [new TextRun({ text: cleanText(doc.header.region), size: 16, color: '555555' }), new TextRun({ text: `\t${cleanText(doc.header.date)}`, size: 16, color: '555555' })],
              }),
            ],
          }),
        },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: footerChildren })] }) },
        children,
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}
