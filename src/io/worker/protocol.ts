// Messages between the page and the parse worker. Everything is structured-cloneable; file
// bytes travel as transferred ArrayBuffers (copies: the page keeps its own for the workspace).
import type { ParseInput, ParseOutput, ParseProgress } from '../../core/workspace/parse';
import type { PackedObservations } from '../../core/workspace/transfer';

export interface ParseRequest {
  type: 'parse';
  id: number;
  input: ParseInput;
}

export type WorkerReply =
  | { type: 'progress'; id: number; progress: ParseProgress }
  /** `output.pkg.observations` is empty: the observations travel in columns. */
  | { type: 'done'; id: number; output: ParseOutput; observations: PackedObservations; ms: number }
  | { type: 'error'; id: number; message: string };
