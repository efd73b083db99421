// Messages between the page and the parse worker. Everything is structured-cloneable; file
// bytes travel as transferred ArrayBuffers (copies: the page keeps its own for the workspace),
// the base package and the prepared import in typed arrays (core/workspace/transfer.ts,
// core/workspace/prepared.ts).
import type { ImportReport } from '../../core/parse/types';
import type { ParseInput, ParseProgress } from '../../core/workspace/parse';
import type { PreparedImport } from '../../core/workspace/prepared';
import type { PackedObservations, PackedUnits } from '../../core/workspace/transfer';

/** One part of a base package, sent once per worker and base (each in its own task, so that
 *  no single postMessage copies it all). The worker keeps the latest base. */
export type BaseRequest =
  | { type: 'base-units'; base: string; units: PackedUnits }
  | { type: 'base-observations'; base: string; observations: PackedObservations };

export interface ParseRequest {
  type: 'parse';
  id: number;
  /** Id of the base sent before (BaseRequest); null for a whole package. */
  base: string | null;
  input: Omit<ParseInput, 'base'>;
}

export type WorkerRequest = BaseRequest | ParseRequest;

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
