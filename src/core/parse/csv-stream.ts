// Delimited text read row by row instead of as a whole table: PapaParse's `step` mode (the
// same grammar, records and quote errors as `Papa.parse(text)`, but each record is handed over
// and dropped at once). A text with quotes is parsed in one go; one without is given to
// PapaParse in 64 KB pieces cut after line breaks (its own fast path for such text splits at
// every line break anyway), so that no array of every line is held. The header is read from the first
// 64 KB; the rows are shaped exactly as tableFromRecords shapes them (csv.ts RowShape). The
// start of every record in the text is kept (4 bytes a record), so that the raw cells of a row
// can be read again when validation sets it aside later (cells()).
import Papa from 'papaparse';
import { headerOf, isBlank, QuoteIssues, RowShape, type TableRow } from './csv';
import type { ImportIssue, Limits } from './types';

/** A CSV text whose header is known and whose rows have not been read yet. */
export interface CsvSource {
  text: string;
  delimiter: string;
  limits: Limits;
  /** As tableFromRecords makes it (trimmed, BOM removed, `column_<n>` for empty cells). */
  header: string[];
  headerRow: number;
  /** `header_empty` issues of the header row. */
  headerIssues: ImportIssue[];
}

const HEAD_CHARS = 64 * 1024;

/** PapaParse's line-ending guess (ParserHandle.guessLineEndings, papaparse 5): the same rule
 *  on the first 1 MB, so that a prefix is split as the whole text is. */
export function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const input = text.slice(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && (n[0] ?? '').length < (r[0] ?? '').length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/**
 * The header of a CSV text from its first 64 KB, or null when the whole table has to be built
 * first (parseCsv): no complete non-blank record there, too many columns, or a trailing empty
 * header cell (whether that column is dropped depends on every row).
 */
export function openCsv(text: string, limits: Limits, delimiter: string): CsvSource | null {
  const whole = text.length <= HEAD_CHARS;
  const head = whole ? text : text.slice(0, HEAD_CHARS);
  const res = Papa.parse<string[]>(head, { delimiter, newline: guessNewline(text), skipEmptyLines: false });
  // the last record of a prefix may be cut: only the ones before it are certain
  const records = whole ? res.data : res.data.slice(0, -1);
  let h = 0;
  while (h < records.length && isBlank(records[h] ?? [])) h++;
  const rec = records[h];
  if (!rec || rec.length > limits.maxColumns) return null;
  if (rec.length > 1 && (rec[rec.length - 1] ?? '').trim() === '') return null;
  const headerIssues: ImportIssue[] = [];
  const header = headerOf(rec, rec.length, h + 1, headerIssues);
  return { text, delimiter, limits, header, headerRow: h + 1, headerIssues };
}

const asNewline = (s: string): '\n' | '\r\n' | '\r' => (s === '\r\n' || s === '\r' ? s : '\n');

export interface StreamResult {
  /** `csv_quotes`, then the header's and the rows' shape issues, in parseCsv's order. */
  issues: ImportIssue[];
  /** Non-blank data rows. */
  rows: number;
}

/** Reads the rows of a CsvSource once, and any row's cells again afterwards. */
export class CsvRowStream {
  /** Start of each record in the text (record i = spreadsheet row i + 1). */
  private starts = new Int32Array(1024);
  private records = 0;
  private newline: '\n' | '\r\n' | '\r' = '\n';

  constructor(
    readonly source: CsvSource,
    /** Columns kept after the user's mapping (applyRename drops columns renamed to ''). */
    private readonly keep: readonly boolean[] | null,
    /** Characters per piece of a text without quotes (tests make it small). */
    private readonly chunkChars = 64 * 1024,
  ) {}

  /** Calls `onRow` for every non-blank data row, in order, with `plain` true when no cell of
   *  the row holds a `.` or a `,` (known from the text without looking at the cells: a text
   *  without quotes whose delimiter is neither; false when not known). Throws what PapaParse
   *  throws. */
  stream(onRow: (r: TableRow, plain: boolean) => void): StreamResult {
    const { text, delimiter, limits, header } = this.source;
    const quotes = new QuoteIssues();
    const shapeIssues = [...this.source.headerIssues];
    const shape = new RowShape(header, header.length, limits, shapeIssues);
    const h = this.source.headerRow - 1;
    let start = 0;
    let index = 0;
    let rows = 0;
    // `base`: where the parsed piece starts in the text (PapaParse drops a leading BOM and
    // counts its cursor from after it)
    // where the next `.` and `,` are, looked for again only once the rows have passed them
    // (without quotes a cell never holds the delimiter: a `,` delimiter is not looked for)
    const quoted = text.indexOf('"') >= 0;
    const plainText = !quoted && (delimiter.length === 1 || !/[.,]/.test(delimiter));
    const NONE = 2 ** 32;
    let nextDot = delimiter === '.' ? NONE : -1;
    let nextComma = delimiter === ',' ? NONE : -1;
    const plainRow = (from: number, to: number): boolean => {
      if (!plainText) return false;
      if (nextDot < from) nextDot = text.indexOf('.', from) >>> 0;
      if (nextComma < from) nextComma = text.indexOf(',', from) >>> 0;
      return nextDot >= to && nextComma >= to;
    };
    const step = (base: number) => (res: Papa.ParseStepResult<string[]>): void => {
      const rec = res.data;
      for (const e of res.errors) quotes.add(e, index);
      this.mark(index, start);
      const from = start;
      start = res.meta.cursor + base;
      if (index > h && Array.isArray(rec) && !isBlank(rec)) {
        rows++;
        onRow({ row: index + 1, cells: this.kept(shape.cells(rec, index + 1)) }, plainRow(from, start));
      }
      index++;
    };
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (quoted) {
      // quotes can hold line breaks: one parse over the whole text
      start = bom;
      const whole = step(bom);
      Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, step: (res) => {
        if (index === 0) this.newline = asNewline(res.meta.linebreak);
        whole(res);
      } });
    } else {
      // no quote anywhere: every line break ends a record (PapaParse's own fast path splits
      // the text at them too), so the text is given to PapaParse in pieces cut after a line
      // break, and the lines of one piece are dropped before the next is split
      const newline = guessNewline(text);
      this.newline = newline;
      for (let a = 0; a < text.length; ) {
        let b = text.indexOf(newline, a + this.chunkChars);
        // PapaParse drops a BOM that starts its input: no piece but the first starts with one
        while (b >= 0 && text.charCodeAt(b + newline.length) === 0xfeff) b = text.indexOf(newline, b + newline.length);
        // never cut at the last line break: the empty record after it is the last piece's
        if (b < 0 || b + newline.length >= text.length) b = text.length;
        const base = a === 0 ? bom : a;
        start = base;
        Papa.parse<string[]>(text.slice(a, b), { delimiter, newline, skipEmptyLines: false, step: step(base) });
        a = b + newline.length;
      }
    }
    shape.finish();
    this.records = index;
    return { issues: [...quotes.issues, ...shapeIssues], rows };
  }

  /** The cells of a data row as stream() gave them, read again from the text. */
  cells(row: number): string[] {
    const i = row - 1;
    if (i < 0 || i >= this.records) return [];
    const { text, delimiter, limits, header } = this.source;
    const start = this.starts[i] ?? 0;
    const end = i + 1 < this.records ? (this.starts[i + 1] ?? text.length) : text.length;
    // a line break first: a record that starts with U+FEFF keeps it (PapaParse drops a
    // leading one), and the parser starts the record as it did in the whole text
    const res = Papa.parse<string[]>(this.newline + text.slice(start, end), { delimiter, newline: this.newline, skipEmptyLines: false });
    const rec = res.data[1] ?? [];
    return this.kept(new RowShape(header, header.length, limits, null).cells(rec, row));
  }

  private kept(cells: string[]): string[] {
    const keep = this.keep;
    return keep ? cells.filter((_, i) => keep[i] ?? true) : cells;
  }

  private mark(index: number, start: number): void {
    if (index >= this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[index] = start;
  }
}
