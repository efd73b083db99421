// A generic, format-independent document: what Form 1 and Form 2 are built as, and what the
// DOCX, HTML and React renderers draw. Plain data (JSON-serialisable), no markup anywhere:
// every string is text, renderers escape it. Numbers are formatted when the model is built
// (the document's language decides the locale) and carry a stable key and their raw value, so
// that regenerating from new data can report which numbers changed.
import type { Lang } from '../keys';

export { isIllustrative } from '../model';

/** A raw number behind a formatted text, with a stable key (same meaning across regenerations). */
export interface NumRef {
  key: string;
  value: number | null;
  /** Human label for change reports ("Kumanovo · population"). */
  label?: string;
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  num?: NumRef;
}

export interface RichPara {
  runs: Run[];
  /** Part of a bulleted or numbered list. */
  list?: 'bullet' | 'ordered';
}

/** Narrative text a user can edit: paragraphs and list items of runs with bold/italic. */
export type RichText = RichPara[];

export interface Cell {
  text: string;
  num?: NumRef;
  bold?: boolean;
  italic?: boolean;
}

export interface Column {
  key: string;
  label: string;
  align?: 'left' | 'right' | 'center';
  /** Relative width (any unit; renderers normalise). */
  width?: number;
}

export interface TableRow {
  key: string;
  cells: Cell[];
  /** A section label spanning all columns (cells[0] only). */
  section?: boolean;
  /** A total or summary row, drawn in bold. */
  total?: boolean;
}

export type NoteKind = 'illustrative' | 'source' | 'conflict';

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
  id: string;
}
export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
}
export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: Run[][];
}
export interface TableBlock {
  type: 'table';
  id: string;
  columns: Column[];
  rows: TableRow[];
  caption: string;
  note?: string;
}
export interface FigureBlock {
  type: 'figure';
  id: string;
  /** SVG produced by our own renderers (src/render/svg*.ts) from data; never user markup. */
  svg: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
}
export interface NoteBlock {
  type: 'note';
  kind: NoteKind;
  text: string;
}
export interface FieldBlock {
  type: 'field';
  /** Stable id: user edits are stored under it and merged on regeneration. */
  id: string;
  label: string;
  defaultText: RichText;
  /** The user's text, if they edited the field; null = the generated default is shown. */
  userText: RichText | null;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | FigureBlock | NoteBlock | FieldBlock;

export interface Doc {
  lang: Lang;
  /** Which document: used for file names and the UI. */
  kind: string;
  title: string;
  subtitle: string;
  header: { region: string; date: string };
  blocks: Block[];
}

/** User edits of narrative fields, by field id. */
export type FieldEdits = ReadonlyMap<string, RichText>;

// ---------------------------------------------------------------------------------------------
// Building helpers

export const runs = (text: string, style: { bold?: boolean; italic?: boolean } = {}): Run[] => [{ text, ...style }];
export const rich = (...paras: string[]): RichText => paras.map((p) => ({ runs: [{ text: p }] }));
export const bullets = (items: string[]): RichText => items.map((p) => ({ runs: [{ text: p }], list: 'bullet' }));

/** The text a field shows: the user's if edited, else the generated default. */
export const fieldText = (f: FieldBlock): RichText => f.userText ?? f.defaultText;

export const runsText = (rs: readonly Run[]): string => rs.map((r) => r.text).join('');

/** Rich text → the editable plain form `plainToRich` reads back (lossless for our styles). */
export function richToMarkup(rt: RichText): string {
  let n = 0;
  return rt
    .map((p) => {
      n = p.list === 'ordered' ? n + 1 : 0;
      const prefix = p.list === 'bullet' ? '- ' : p.list === 'ordered' ? `${n}. ` : '';
      const body = p.runs
        .map((r) => {
          if (!r.text) return '';
          let t = r.text;
          if (r.italic) t = `_${t}_`;
          if (r.bold) t = `**${t}**`;
          return t;
        })
        .join('');
      return prefix + body;
    })
    .join('\n');
}
export const richToPlain = (rt: RichText): string =>
  rt.map((p) => (p.list === 'bullet' ? '- ' : p.list === 'ordered' ? '1. ' : '') + runsText(p.runs)).join('\n');

/**
 * Plain text → rich text: one paragraph per line; lines starting with "- " or "* " are
 * bullets, "1. " numbered; **bold** and _italic_ markers become styled runs.
 */
export function plainToRich(text: string): RichText {
  const out: RichText = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    let list: RichPara['list'];
    let body = line;
    const b = /^\s*[-*•]\s+(.*)$/.exec(line);
    const o = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (b?.[1] !== undefined) {
      list = 'bullet';
      body = b[1];
    } else if (o?.[1] !== undefined) {
      list = 'ordered';
      body = o[1];
    }
    const para: RichPara = { runs: parseInline(body) };
    if (list) para.list = list;
    out.push(para);
  }
  return out;
}

function parseInline(s: string): Run[] {
  const out: Run[] = [];
  const re = /\*\*(.+?)\*\*|(?<![\p{L}\p{N}])_(.+?)_(?![\p{L}\p{N}])/gu;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index) });
    const bi = m[1] !== undefined ? /^_(.+)_$/su.exec(m[1]) : null;
    if (bi?.[1] !== undefined) out.push({ text: bi[1], bold: true, italic: true });
    else if (m[1] !== undefined) out.push({ text: m[1], bold: true });
    else if (m[2] !== undefined) out.push({ text: m[2], italic: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last) });
  return out.length ? out : [{ text: '' }];
}

// ---------------------------------------------------------------------------------------------
// Edits and regeneration

/** Validates rich text coming from storage or a user: anything malformed is dropped. */
export function sanitizeRichText(v: unknown): RichText | null {
  if (!Array.isArray(v)) return null;
  const out: RichText = [];
  for (const p of v as unknown[]) {
    if (typeof p !== 'object' || p === null) continue;
    const rs = (p as { runs?: unknown }).runs;
    if (!Array.isArray(rs)) continue;
    const runsOut: Run[] = [];
    for (const r of rs as unknown[]) {
      if (typeof r !== 'object' || r === null) continue;
      const { text, bold, italic } = r as { text?: unknown; bold?: unknown; italic?: unknown };
      if (typeof text !== 'string') continue;
      const run: Run = { text };
      if (bold === true) run.bold = true;
      if (italic === true) run.italic = true;
      runsOut.push(run);
    }
    const list = (p as { list?: unknown }).list;
    const para: RichPara = { runs: runsOut };
    if (list === 'bullet' || list === 'ordered') para.list = list;
    out.push(para);
  }
  return out;
}

/** Edits as JSON-friendly entries (for storage) and back; unknown shapes are ignored. */
export const editsToJson = (edits: FieldEdits): [string, RichText][] => [...edits.entries()];
export function editsFromJson(v: unknown): Map<string, RichText> {
  const out = new Map<string, RichText>();
  if (!Array.isArray(v)) return out;
  for (const e of v as unknown[]) {
    if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
    const rt = sanitizeRichText(e[1]);
    if (rt) out.set(e[0], rt);
  }
  return out;
}

/** Puts the user's text into the fields they edited. Edits for fields not in the doc are kept by the caller. */
export function applyEdits(doc: Doc, edits: FieldEdits): Doc {
  return {
    ...doc,
    blocks: doc.blocks.map((b) => (b.type === 'field' && edits.has(b.id) ? { ...b, userText: edits.get(b.id) ?? null } : b)),
  };
}

/** Every keyed number in the document (tables, paragraphs, lists, field defaults). */
export function collectNumbers(doc: Doc): Map<string, NumRef> {
  const out = new Map<string, NumRef>();
  const add = (n: NumRef | undefined) => {
    if (n && !out.has(n.key)) out.set(n.key, n);
  };
  const addRuns = (rs: readonly Run[]) => rs.forEach((r) => add(r.num));
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') addRuns(b.runs);
    else if (b.type === 'list') b.items.forEach(addRuns);
    else if (b.type === 'table') for (const r of b.rows) r.cells.forEach((c) => add(c.num));
    else if (b.type === 'field') b.defaultText.forEach((p) => addRuns(p.runs));
  }
  return out;
}

export interface NumberChange {
  key: string;
  label: string;
  before: number | null;
  after: number | null;
  kind: 'changed' | 'added' | 'removed';
}

const sameNumber = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Which numbers differ between two versions of a document, by stable key. */
export function diffNumbers(prev: Doc, next: Doc): NumberChange[] {
  const a = collectNumbers(prev);
  const b = collectNumbers(next);
  const out: NumberChange[] = [];
  for (const [key, n] of b) {
    const old = a.get(key);
    const label = n.label ?? key;
    if (!old) out.push({ key, label, before: null, after: n.value, kind: 'added' });
    else if (!sameNumber(old.value, n.value)) out.push({ key, label, before: old.value, after: n.value, kind: 'changed' });
  }
  for (const [key, n] of a) if (!b.has(key)) out.push({ key, label: n.label ?? key, before: n.value, after: null, kind: 'removed' });
  return out;
}

/**
 * Regenerate: the fresh document with the user's edits merged in, plus the numbers that changed
 * since `prev` (empty when there is no previous version).
 */
export function regenerate(prev: Doc | null, fresh: Doc, edits: FieldEdits): { doc: Doc; changes: NumberChange[] } {
  const doc = applyEdits(fresh, edits);
  return { doc, changes: prev ? diffNumbers(prev, doc) : [] };
}

/** Field ids in the document, in order. */
export const fieldIds = (doc: Doc): string[] => doc.blocks.flatMap((b) => (b.type === 'field' ? [b.id] : []));
