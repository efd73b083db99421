// Spreadsheets: read-excel-file (MIT, maintained; its `universal` entry reads an ArrayBuffer in
// Node, a worker or the browser with fflate and a SAX parser, no DOM). The first sheet becomes
// the table readPackage takes; everything else is shared with CSV.
import { readSheet } from 'read-excel-file/universal';
import { readPackage, type ReadResult } from './package';
import { spreadsheetExtentProblem } from './xlsx-extent';
import type { Cell, InputFile, ReadOptions } from './types';

const isSpreadsheet = (f: InputFile): boolean =>
  !f.table && (/\.(xlsx|xlsm)$/i.test(f.path) || (f.bytes.length >= 4 && f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04));

/** Rows of the first sheet, or an error message. Never throws. */
export async function readXlsxTable(bytes: Uint8Array, maxBytes: number): Promise<{ table: Cell[][] } | { error: string }> {
  if (bytes.length > maxBytes) return { error: `size ${bytes.length} > ${maxBytes}` };
  const extent = spreadsheetExtentProblem(bytes);
  if (extent) return { error: extent.slice(0, 200) };
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const rows = await readSheet(buf as ArrayBuffer);
    return { table: rows.map((r) => r.map((c): Cell => (c === undefined ? null : (c as Cell)))) };
  } catch (err) {
    return { error: (err instanceof Error ? err.message : String(err)).slice(0, 200) };
  }
}

/** readPackage, after reading any XLSX files among `files`. Never rejects. */
export async function readPackageAsync(descriptor: unknown, files: InputFile[], opts: ReadOptions = {}): Promise<ReadResult> {
  const max = opts.limits?.maxFileBytes ?? 200 * 1024 * 1024;
  const prepared = await Promise.all(
    files.map(async (f): Promise<InputFile> => {
      if (!isSpreadsheet(f)) return f;
      const r = await readXlsxTable(f.bytes, max);
      return 'table' in r ? { ...f, table: r.table } : { ...f, error: r.error };
    }),
  );
  return readPackage(descriptor, prepared, opts);
}
