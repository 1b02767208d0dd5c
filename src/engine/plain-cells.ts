/**
 * The plain part of reading one input's column from a table, a block of rows at a time:
 * numbers from the cells' digits (DataTable.scaledCells) kept where they are plainly
 * right (within the range, whole for a count), codes from the cells' bytes
 * (DataTable.codeCells). Every other row (a miss) is left at the column's none and
 * listed, for the text path (prepare.ts readCell) to read and report. The same code runs
 * on the main thread (prepare.ts) and on a helper thread (io/cells-worker.ts), so the
 * two give the same values. Plain data in, plain data out: no issue, no Dec.
 * @internal
 */
import type { CodeSpellings } from "./data-table.js";
import type { IntArray } from "./input-table.js";

/** Cells read a block of one column at a time: a DataTable, or io/csv-bytes.ts ByteCells. */
export interface BlockCells {
  scaledCells(column: number, rows: Int32Array, lo: number, hi: number, scale: number, out: Float64Array): void;
  codeCells(column: number, rows: Int32Array, lo: number, hi: number, spellings: CodeSpellings, out: Int32Array): void;
}

/** How one input's column is read plainly: a number column (scale ≥ 0) or a coded one (spellings). */
export interface PlainColumn {
  /** The column in the cells. */
  readonly column: number;
  /** A number input's scale; -1 for a coded input. */
  readonly scale: number;
  /** The range at the scale (NaN: no bound). */
  readonly minScaled: number;
  readonly maxScaled: number;
  /** A count's 10^scale (its values are multiples of it), else 0. */
  readonly unit: number;
  /** A coded input's spellings. */
  readonly spellings: CodeSpellings | undefined;
  /** The column's none (its least value, or NaN for a Float64Array; -1 for codes). */
  readonly none: number;
}

/** Scratch space for blocks of up to `size` rows (one per thread). */
export class PlainScratch {
  readonly numbers: Float64Array;
  readonly codes: Int32Array;
  constructor(readonly size: number) {
    this.numbers = new Float64Array(size);
    this.codes = new Int32Array(size);
  }
}

/**
 * Read rows lo … hi − 1 (rows[lo] … rows[hi − 1] of the cells) of a column into
 * out[lo … hi): the plain values, none elsewhere. The misses (rows lo + j to read as
 * text) go to missed[0 …), in ascending order; their count is returned.
 */
export function readPlainBlock(cells: BlockCells, plain: PlainColumn, rows: Int32Array, lo: number, hi: number, out: Float64Array | IntArray, scratch: PlainScratch, missed: Int32Array): number {
  let misses = 0;
  if (plain.scale >= 0) {
    const block = scratch.numbers;
    cells.scaledCells(plain.column, rows, lo, hi, plain.scale, block);
    const min = plain.minScaled === plain.minScaled ? plain.minScaled : -Infinity;
    const max = plain.maxScaled === plain.maxScaled ? plain.maxScaled : Infinity;
    const unit = plain.unit;
    const none = plain.none;
    for (let j = 0; j < hi - lo; j++) {
      const x = block[j]!;
      // NaN (not plain digits) fails both comparisons; a count must be whole.
      if (!(x >= min && x <= max) || (unit !== 0 && x % unit !== 0)) {
        block[j] = none;
        missed[misses++] = lo + j;
      }
    }
    out.set(block.subarray(0, hi - lo), lo);
  } else {
    const block = scratch.codes;
    cells.codeCells(plain.column, rows, lo, hi, plain.spellings!, block);
    out.set(block.subarray(0, hi - lo), lo);
    for (let j = 0; j < hi - lo; j++) if (block[j]! < 0) missed[misses++] = lo + j;
  }
  return misses;
}
