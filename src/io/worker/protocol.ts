// Messages between the page and the parse worker. Everything is structured-cloneable; file
// bytes travel as transferred ArrayBuffers (copies: the page keeps its own for the workspace),
// the base package and the prepared import in typed arrays (core/workspace/transfer.ts,
// core/workspace/prepared.ts).
import type { ImportReport } from '../../core/parse/types';
import type { ParseInput, ParseProgress } from '../../core/workspace/parse';
import type { PreparedImport } from '../../core/workspace/prepared';
import type { PackedObservations, PackedUnits } from '../../core/workspace/transfer';

/** The base package's units and observations in columns (null for a whole package). */
export interface PackedBase {
  units: PackedUnits;
  observations: PackedObservations;
}

export interface ParseRequest {
  type: 'parse';
  id: number;
  input: Omit<ParseInput, 'base'> & { base: PackedBase | null };
}

/** Progress of a parse, then of merging and indexing (prepareImport) and of building the page's
 *  data from it. */
export type ImportProgress = ParseProgress | { phase: 'preparing' };

export interface ParseResult {
  prepared: PreparedImport;
  report: ImportReport;
  /** Files read through a column mapping: path → shape key. */
  mapped: [string, string][];
}

export type WorkerReply =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | ({ type: 'done'; id: number; ms: number } & ParseResult)
  | { type: 'error'; id: number; message: string };
