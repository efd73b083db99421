// Guards run before read-excel-file sees a spreadsheet. That library returns a sheet as a dense
// grid (last used row × last used column, gaps filled), so a 2 KB file with one cell at
// XFD1048576 asks for 17 billion cells and takes the page down; and an .xlsx is a zip, so a
// small file can unpack to gigabytes of XML. Both are refused here with a message instead.
// Cell and row references are read the way the library reads them (entities decoded, any
// non-digit counted as a column letter, the rest through Number()), so that no spelling of a
// far-away reference slips past.
import { strFromU8, unzipSync } from 'fflate';

/** Largest used range (rows × columns) accepted in a worksheet. */
export const MAX_SHEET_CELLS = 20_000_000;
/**
 * Largest used range accepted for a sheet that is mostly empty: beyond it the range must be at
 * least a quarter filled. The reader fills every gap of the range, so a few cells with one far
 * reference (row 6,000,000 under a 3-column header: 18 million cells, 4 GB) would otherwise
 * pass the limit above and exhaust the memory.
 */
export const MAX_SPARSE_CELLS = 1_000_000;
/** Largest unpacked size of the XML parts of a spreadsheet, in bytes (V8 strings stop near 512 MiB). */
export const MAX_UNPACKED_XML = 400 * 1024 * 1024;

const XML_PART = /\.xml(\.rels)?$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/**
 * Every `r="…"` attribute, in any element and however broken the markup around it: a tag the
 * reader recovers from (a `<` or an unbalanced quote inside it) must not hide its reference
 * from this guard. A row number reads as a cell address in column 0.
 */
const R_ATTR = /(?:^|[\s"'])r\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** The start of a `<c …>` cell element (any namespace prefix). */
const CELL_TAG = /<(?:[\w.-]+:)?c[\s/>]/g;
const ENTITY = /&#(\d+);|&#x([0-9a-f]+);|&(\w+);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, dec?: string, hex?: string, name?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : NaN;
    if (Number.isFinite(code)) return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    const n = (name ?? '').toLowerCase();
    return Object.prototype.hasOwnProperty.call(NAMED, n) ? (NAMED[n] ?? m) : m;
  });
}

/** [row, column] as read-excel-file's parseCellAddress computes them (NaN row: it refuses). */
function cellAddress(a: string): [number, number] {
  let col = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c >= 48 && c <= 57) return [Number(a.slice(i)), col];
    col = col * 26 + (c - 64);
  }
  return [NaN, col];
}

/** Last row and column a worksheet's XML refers to (NaN references are ignored), and its cells. */
export function sheetExtent(xml: string): { rows: number; cols: number; cells: number } {
  let rows = 0;
  let cols = 0;
  for (const m of xml.matchAll(R_ATTR)) {
    const [row, col] = cellAddress(decode(m[1] ?? m[2] ?? ''));
    if (row > rows) rows = row;
    if (col > cols) cols = col;
  }
  return { rows, cols, cells: xml.match(CELL_TAG)?.length ?? 0 };
}

/** Why this spreadsheet must not be handed to the reader, or null when it may be. Never throws. */
export function spreadsheetExtentProblem(bytes: Uint8Array): string | null {
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (XML_PART.test(f.name)) unpacked += f.originalSize;
        return WORKSHEET.test(f.name) && f.originalSize <= MAX_UNPACKED_XML;
      },
    });
  } catch {
    return null; // not a readable zip: the reader says what is wrong with it
  }
  if (unpacked > MAX_UNPACKED_XML) return `unpacks to ${unpacked} bytes of XML (limit ${MAX_UNPACKED_XML})`;
  for (const name of Object.keys(entries)) {
    const { rows, cols, cells } = sheetExtent(strFromU8(entries[name] ?? new Uint8Array()));
    const range = Math.max(rows, 1) * Math.max(cols, 1);
    if (range > MAX_SHEET_CELLS) return `${name}: used range of ${rows} rows × ${cols} columns exceeds ${MAX_SHEET_CELLS} cells`;
    if (range > MAX_SPARSE_CELLS && range > 4 * cells) {
      return `${name}: used range of ${rows} rows × ${cols} columns holds only ${cells} cells (a range over ${MAX_SPARSE_CELLS} cells must be at least a quarter filled)`;
    }
  }
  return null;
}
