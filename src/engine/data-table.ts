/**
 * Subject data as a table: a header and cells read by row and column index, with no
 * object per row. A CSV file is read into one (src/io/csv-read.ts) and the data
 * boundary (subject-data.ts) reads its cells where it needs them, so a million rows
 * cost the text and one offset per cell instead of a million objects of strings.
 *
 * A table's rows mean what the same rows as objects mean (`toRows()` gives them): a
 * cell is text, "" when empty; every row has every column.
 */
import type { SubjectData } from "./subject-data.js";

/** Where a table's cells come from. */
export interface CellSource {
  /** The cell's text ("" when empty). */
  cell(row: number, column: number): string;
  /** The length of the cell's text, or a bound above it that is exact when the cell needs no decoding. */
  cellLength(row: number, column: number): number;
  /** A bound above the length of every cell of the row (its length as written). */
  rowLength(row: number): number;
  /** The cell as scaled digits (DataTable.cellScaled says what); a source that can read it without building the cell's text gives it. */
  cellScaled?(row: number, column: number, scale: number): number;
}

/**
 * A plain decimal's text as an exact integer number of 10^-scale: "85" at scale 2 is
 * 8500. Plain means ASCII digits with at most one dot between digits ("85", "0.947",
 * "12.50"), at most 15 digits in all, and no more than `scale` decimals (trailing zeros
 * count: "12.50" has 2); NaN for anything else (a sign, a space, "%", full-width digits,
 * more decimals, a product beyond 2^53 − 1), which the boundary then reads as text.
 *
 * Exact: m < 10^15 and 10^j are exact doubles, and a product whose true value is at most
 * 2^53 − 1 is computed exactly; one past it rounds to at least 2^53 (rounding is
 * monotonic), which the last check refuses.
 */
export function scaledDigits(text: string, start: number, end: number, scale: number): number {
  const n = end - start;
  if (n <= 0 || n > 16) return Number.NaN;
  let m = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > start && i < end - 1) dot = i;
    else return Number.NaN;
  }
  return scaledFromDigits(m, n, dot, end, scale);
}

/**
 * The end of scaledDigits once the digits are read (shared with io/csv-bytes.ts, which
 * reads them from bytes): `m` the digits' value, `n` the length written, `dot` the
 * dot's position (−1: none), `end` the position after the last digit. NaN past 15
 * digits, more decimals than `scale`, or a product beyond 2^53 − 1.
 */
export function scaledFromDigits(m: number, n: number, dot: number, end: number, scale: number): number {
  if (n - (dot < 0 ? 0 : 1) > 15) return Number.NaN;
  const places = dot < 0 ? 0 : end - dot - 1;
  if (places > scale) return Number.NaN;
  const x = m * POWERS_OF_TEN[scale - places]!;
  return x <= Number.MAX_SAFE_INTEGER ? x : Number.NaN;
}

/** 10^0 … 10^22, every one an exact double. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Cells held as lists of strings, one list per row (rows read by another parser). */
export class RecordCells implements CellSource {
  constructor(private readonly records: readonly (readonly string[])[]) {}

  cell(row: number, column: number): string {
    return this.records[row]![column] ?? "";
  }

  cellLength(row: number, column: number): number {
    return this.cell(row, column).length;
  }

  rowLength(row: number): number {
    let n = 0;
    for (const c of this.records[row] ?? []) n += c.length;
    return n;
  }
}

/** Some columns of another source, by their positions there. */
class KeptColumns implements CellSource {
  constructor(
    private readonly cells: CellSource,
    private readonly kept: readonly number[],
  ) {}

  cell(row: number, column: number): string {
    return this.cells.cell(row, this.kept[column]!);
  }

  cellLength(row: number, column: number): number {
    return this.cells.cellLength(row, this.kept[column]!);
  }

  rowLength(row: number): number {
    return this.cells.rowLength(row);
  }

  cellScaled(row: number, column: number, scale: number): number {
    const at = this.kept[column]!;
    if (this.cells.cellScaled) return this.cells.cellScaled(row, at, scale);
    const text = this.cells.cell(row, at);
    return scaledDigits(text, 0, text.length, scale);
  }
}

export class DataTable {
  /**
   * @param header - the column names, distinct (a CSV header given twice is refused before a table is made)
   * @param length - the number of rows
   * @param cells - the cells
   */
  constructor(
    readonly header: readonly string[],
    readonly length: number,
    private readonly cells: CellSource,
  ) {}

  cell(row: number, column: number): string {
    return this.cells.cell(row, column);
  }

  /** The cell's length, or an upper bound exact for a cell that needs no decoding (a quoted cell may be shorter). */
  cellLength(row: number, column: number): number {
    return this.cells.cellLength(row, column);
  }

  /** A bound above the length of every cell of the row. */
  rowLength(row: number): number {
    return this.cells.rowLength(row);
  }

  /**
   * The cell as an exact integer number of 10^-scale (scale 0 … 22) when its text is a
   * plain decimal with at most `scale` decimals, NaN otherwise (see scaledDigits).
   */
  cellScaled(row: number, column: number, scale: number): number {
    if (this.cells.cellScaled) return this.cells.cellScaled(row, column, scale);
    const text = this.cells.cell(row, column);
    return scaledDigits(text, 0, text.length, scale);
  }

  /** The same rows without the columns `drop` names (this table itself when it names none). */
  withoutColumns(drop: (column: string) => boolean): DataTable {
    const kept: number[] = [];
    this.header.forEach((h, i) => {
      if (!drop(h)) kept.push(i);
    });
    if (kept.length === this.header.length) return this;
    return new DataTable(
      kept.map((i) => this.header[i]!),
      this.length,
      new KeptColumns(this.cells, kept),
    );
  }

  /** The rows as objects keyed by column (null prototype: a column named __proto__ is data). */
  toRows(): SubjectData[] {
    const out: SubjectData[] = [];
    for (let r = 0; r < this.length; r++) {
      const row = Object.create(null) as Record<string, string>;
      for (let c = 0; c < this.header.length; c++) row[this.header[c]!] = this.cell(r, c);
      out.push(row);
    }
    return out;
  }
}
