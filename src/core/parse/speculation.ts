// What a streamed table (long-stream.ts) has to guess before its last row: the decimal
// separator (decided by votes over the whole table, numbers.ts) and the unit level the table
// prefers (learnt from every row's key, TableContext.learnLevel). Each row is read with the
// guess from the rows seen so far, and every guess actually used is remembered. Most cells do
// not depend on the guess (`12`, `M00001`: one reading, one unit); if, at the end, a guess
// that was used differs from the answer, the reader says so and readPackage reads again,
// told the answers (package.ts), so the result is always what the whole-table path gives.
import type { UnitLevel } from '../keys';
import type { MatchResult, UnitIndex } from '../join/match';
import { DecimalVotes, parseNumberEither, type DecimalDetection, type NumberParse } from './numbers';
import type { Decimal } from './types';

/** Answers a table's reading needs, known from an earlier read of the same table. */
export interface Answers {
  decimal: Decimal;
  level: UnitLevel | null;
}

export interface SpeculationResult {
  detection: DecimalDetection;
  decimal: Decimal;
  level: UnitLevel | null;
  /** Every guess used was the answer. */
  held: boolean;
}

export class Speculation {
  private readonly votes = new DecimalVotes();
  private voting: boolean;
  private readonly levelCounts = new Map<UnitLevel, number>();
  private readonly usedDecimals = new Set<Decimal>();
  private readonly usedLevels = new Set<UnitLevel | null>();
  private readonly decimalGuess = (): Decimal => {
    const d = this.fixedDecimal ?? this.answers?.decimal ?? this.votes.result(this.delimiter).decimal;
    this.usedDecimals.add(d);
    return d;
  };

  constructor(
    private readonly delimiter: string | null,
    /** The user's choice: no guess, no votes. */
    private readonly fixedDecimal: Decimal | null,
    private readonly answers: Answers | null,
    private readonly index: UnitIndex,
  ) {
    this.voting = fixedDecimal === null;
  }

  /** Counts a row's cells towards the decimal separator, as detectDecimalInRows does. */
  vote(row: number, cells: readonly string[], header: readonly string[]): void {
    if (!this.voting) return;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i] ?? '';
      if (!hasSeparator(value)) continue;
      if (!this.votes.add(value, row, header[i] ?? '')) {
        this.voting = false;
        return;
      }
    }
  }

  /** Counts a row's key towards the preferred level, as learnLevel does (`m`: matched with
   *  no preference). */
  countLevel(m: MatchResult): void {
    const lvl = m.unitId ? this.index.units.get(m.unitId)?.level : undefined;
    if (lvl) this.levelCounts.set(lvl, (this.levelCounts.get(lvl) ?? 0) + 1);
  }

  parse(raw: string): NumberParse {
    return parseNumberEither(raw, this.decimalGuess);
  }

  /** The preferred level to use now (for a key that is ambiguous without one). */
  level(): UnitLevel | null {
    const l = this.answers ? this.answers.level : this.leader();
    this.usedLevels.add(l);
    return l;
  }

  private leader(): UnitLevel | null {
    let best: UnitLevel | null = null;
    let n = 0;
    for (const [l, c] of this.levelCounts) if (c > n) [best, n] = [l, c];
    return best;
  }

  finish(): SpeculationResult {
    const detection = this.votes.result(this.delimiter);
    const decimal = this.fixedDecimal ?? detection.decimal;
    const level = this.leader();
    let held = true;
    for (const d of this.usedDecimals) if (d !== decimal) held = false;
    for (const l of this.usedLevels) if (l !== level) held = false;
    return { detection, decimal, level, held };
  }
}

/** Does the cell hold a `.` or a `,`? (A loop over its characters: far cheaper than two
 *  indexOf calls on the short cells of a big table.) */
function hasSeparator(s: string): boolean {
  if (s.length > 64) return s.indexOf('.') >= 0 || s.indexOf(',') >= 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 46 || c === 44) return true;
  }
  return false;
}
