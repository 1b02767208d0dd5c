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
}

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
