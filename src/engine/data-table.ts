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
  /** The cell's code among `spellings` (CodeSpellings.codeOf says what), -1 when it is none of them; a source that can find it without building the cell's text gives it. */
  cellCode?(row: number, column: number, spellings: CodeSpellings): number;
  /** cellScaled of one column in rows[lo] … rows[hi − 1], into out[0 … hi − lo): a source that has cellScaled gives it too. */
  scaledCells?(column: number, rows: Int32Array, lo: number, hi: number, scale: number, out: Float64Array): void;
  /** cellCode of one column in rows[lo] … rows[hi − 1], into out[0 … hi − lo): a source that has cellCode gives it too. */
  codeCells?(column: number, rows: Int32Array, lo: number, hi: number, spellings: CodeSpellings, out: Int32Array): void;
  /** Where a column's cells are in shared memory, for another thread to read (SharedCells); a source that can tell gives it. */
  sharedColumn?(column: number): { readonly cells: SharedCells; readonly column: number } | undefined;
}

/**
 * A CSV table's cells as plain data in shared memory (every array over one
 * SharedArrayBuffer or another): what another thread needs to read them as the main
 * thread does (io/csv-bytes.ts ByteCells.fromShared). Made only for a file read into
 * shared memory (the CLI's large files).
 */
export interface SharedCells {
  /** The file's bytes after any BOM, as UTF-8. */
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly rowStarts: Uint32Array;
  readonly ends: Uint16Array | Uint32Array;
}

/** No lone surrogate (String.prototype.isWellFormed, which ES2023's lib does not declare). */
function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** The bytes JavaScript's trim() removes that are ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
export const isAsciiTrimmed = (b: number): boolean => b === 32 || (b >= 9 && b <= 13);

/**
 * The exact UTF-8 spellings that read as a coded input's codes (a boolean's true/false
 * forms, a choice's or grade's options), for finding a cell's code from its bytes with no
 * text made. `codeOf` answers only for a cell that the text path (engine/read-value.ts)
 * reads as that same code with nothing to report; -1 means "read the text": a cell
 * matched is given (never absent), so absence, errors and messages stay the text path's.
 *
 * A spelling is kept only when the text path reads it unchanged: not empty, nothing
 * trim() removes at either end, no double quote (a quoted cell's "" would differ from
 * its bytes), well-formed UTF-16 (a lone surrogate encodes as U+FFFD's bytes), and, with
 * `fold`, already lower case. With `fold` (a boolean: the text path lowercases) an ASCII
 * capital in the cell matches its small letter; nothing else is folded.
 */
export class CodeSpellings {
  /** Per spelling: its bytes 0–3 and 4–7 as little-endian int32s (0 past its end), its length, its code. */
  private readonly lows: Int32Array;
  private readonly highs: Int32Array;
  private readonly lengths: Int32Array;
  private readonly codes: Int32Array;
  /** Per spelling: its bytes after the first eight, for a spelling longer than 8 bytes. */
  private readonly tails: readonly Uint8Array[];
  /** The longest spelling in bytes (a longer cell is none). */
  private readonly longest: number;

  /** @param spellings - text → code; a text given twice keeps its first code */
  constructor(
    spellings: readonly (readonly [string, number])[],
    readonly fold: boolean,
  ) {
    const encoder = new TextEncoder();
    const kept: { bytes: Uint8Array; code: number }[] = [];
    const seen = new Set<string>();
    for (const [text, code] of spellings) {
      if (seen.has(text) || !CodeSpellings.readsUnchanged(text, fold)) continue;
      seen.add(text);
      kept.push({ bytes: encoder.encode(text), code });
    }
    // Eight bytes past each spelling's end are zeros: its words are read whatever its length, then masked.
    const padded = kept.map((k) => {
      const p = new Uint8Array(k.bytes.length + 8);
      p.set(k.bytes);
      return new DataView(p.buffer);
    });
    this.lows = Int32Array.from(padded, (v, s) => v.getInt32(0, true) & LOW_MASKS[Math.min(kept[s]!.bytes.length, 8)]!);
    this.highs = Int32Array.from(padded, (v, s) => v.getInt32(4, true) & HIGH_MASKS[Math.min(kept[s]!.bytes.length, 8)]!);
    this.lengths = Int32Array.from(kept, (k) => k.bytes.length);
    this.codes = Int32Array.from(kept, (k) => k.code);
    this.tails = kept.map((k) => k.bytes.subarray(8));
    this.longest = kept.reduce((n, k) => Math.max(n, k.bytes.length), 0);
  }

  /** Spellings again after a structured clone (sent to another thread): the same fields, this class's methods. */
  static revive(clone: object): CodeSpellings {
    return Object.setPrototypeOf(clone, CodeSpellings.prototype) as CodeSpellings;
  }

  /** Whether the text path reads this spelling as itself (see the class). */
  static readsUnchanged(text: string, fold: boolean): boolean {
    return text !== "" && text.trim() === text && !text.includes('"') && wellFormed(text) && (!fold || text.toLowerCase() === text);
  }

  /** How many spellings are kept. */
  get size(): number {
    return this.codes.length;
  }

  /**
   * The code of the UTF-8 bytes start … end, a cell as written (a quoted cell with its
   * quotes): what is inside the quotes, less the ASCII whitespace trim() removes at
   * either end, when it is one of the spellings byte for byte (ASCII capitals folded
   * with `fold`); -1 otherwise. `view` is a DataView of the same bytes (`b`'s buffer,
   * offset and length), made once by the caller.
   */
  codeOf(b: Uint8Array, view: DataView, start: number, end: number): number {
    const n = end - start;
    // The common cell: 1 to 8 bytes, not quoted, no space at either end, 8 bytes readable from its start.
    if (n > 0 && n <= 8 && b[start]! > 34 && b[end - 1]! > 32 && start + 8 <= b.length) {
      let low = view.getInt32(start, true) & LOW_MASKS[n]!;
      let high = view.getInt32(start + 4, true) & HIGH_MASKS[n]!;
      if (this.fold) {
        low = foldWord(low);
        high = foldWord(high);
      }
      return this.find(low, high, n, b, end);
    }
    return this.codeOfAny(b, start, end);
  }

  /** codeOf for any cell: quotes taken off, ASCII spaces trimmed, the words read byte by byte near the end of the bytes. */
  private codeOfAny(b: Uint8Array, start: number, end: number): number {
    if (end > start && b[start] === 34) {
      // A quoted cell: what is inside its quotes (a "" inside matches no spelling: none has a quote).
      start++;
      end--;
    }
    while (start < end && isAsciiTrimmed(b[start]!)) start++;
    while (end > start && isAsciiTrimmed(b[end - 1]!)) end--;
    const n = end - start;
    if (n <= 0 || n > this.longest) return -1;
    let low = 0;
    let high = 0;
    for (let j = 0; j < 8 && j < n; j++) {
      const c = b[start + j]!;
      const x = this.fold && c >= 65 && c <= 90 ? c | 32 : c;
      if (j < 4) low |= x << (8 * j);
      else high |= x << (8 * (j - 4));
    }
    return this.find(low, high, n, b, end);
  }

  /** The code of the spelling with these first words and length whose bytes after the eighth are b[end − n + 8] … b[end − 1]; -1 when none. */
  private find(low: number, high: number, n: number, b: Uint8Array, end: number): number {
    const lows = this.lows;
    for (let s = 0; s < lows.length; s++) {
      if (lows[s] !== low || this.highs[s] !== high || this.lengths[s] !== n) continue;
      if (n <= 8 || this.tailIs(s, b, end - n + 8)) return this.codes[s]!;
    }
    return -1;
  }

  /** Whether spelling s's bytes after its eighth are b[from] … (ASCII capitals folded with `fold`). */
  private tailIs(s: number, b: Uint8Array, from: number): boolean {
    const tail = this.tails[s]!;
    for (let j = 0; j < tail.length; j++) {
      const c = b[from + j]!;
      if ((this.fold && c >= 65 && c <= 90 ? c | 32 : c) !== tail[j]) return false;
    }
    return true;
  }
}

/** For a cell of k bytes (8 for 8 or more): the bits of its bytes 0–3 and of its bytes 4–7 in a little-endian word. */
const LOW_MASKS = Int32Array.from({ length: 9 }, (_, k) => (k >= 4 ? -1 : (1 << (8 * k)) - 1));
const HIGH_MASKS = Int32Array.from({ length: 9 }, (_, k) => (k >= 8 ? -1 : k <= 4 ? 0 : (1 << (8 * (k - 4))) - 1));

/**
 * Four bytes with every ASCII capital (0x41–0x5A) as its small letter (| 0x20), all at
 * once: per byte, its low 7 bits + 0x3F reach 0x80 from 0x41 up and + 0x25 from 0x5B up
 * (no carry leaves a byte), and a byte with its high bit set (UTF-8 beyond ASCII) is left.
 */
export function foldWord(w: number): number {
  const x = w & 0x7f7f7f7f;
  const upper = (x + 0x3f3f3f3f) & ~(x + 0x25252525) & ~w & 0x80808080;
  return w | (upper >>> 2);
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

  cellCode(row: number, column: number, spellings: CodeSpellings): number {
    return this.cells.cellCode ? this.cells.cellCode(row, this.kept[column]!, spellings) : -1;
  }

  scaledCells(column: number, rows: Int32Array, lo: number, hi: number, scale: number, out: Float64Array): void {
    if (this.cells.scaledCells) this.cells.scaledCells(this.kept[column]!, rows, lo, hi, scale, out);
    else for (let i = lo; i < hi; i++) out[i - lo] = this.cellScaled(rows[i]!, column, scale);
  }

  codeCells(column: number, rows: Int32Array, lo: number, hi: number, spellings: CodeSpellings, out: Int32Array): void {
    if (this.cells.codeCells) this.cells.codeCells(this.kept[column]!, rows, lo, hi, spellings, out);
    else out.fill(-1, 0, hi - lo);
  }

  sharedColumn(column: number): { readonly cells: SharedCells; readonly column: number } | undefined {
    return this.cells.sharedColumn?.(this.kept[column]!);
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

  /**
   * The cell's code among `spellings` (CodeSpellings.codeOf), found from its bytes where
   * the source has them; -1 when it is none of them or the source cannot tell without
   * its text (the caller then reads the text).
   */
  cellCode(row: number, column: number, spellings: CodeSpellings): number {
    return this.cells.cellCode ? this.cells.cellCode(row, column, spellings) : -1;
  }

  /**
   * cellScaled of one column in the rows rows[lo] … rows[hi − 1], into out[0 … hi − lo)
   * (a column read in one call: the table path of the boundary reads a block of rows so).
   */
  scaledCells(column: number, rows: Int32Array, lo: number, hi: number, scale: number, out: Float64Array): void {
    if (this.cells.scaledCells) this.cells.scaledCells(column, rows, lo, hi, scale, out);
    else for (let i = lo; i < hi; i++) out[i - lo] = this.cellScaled(rows[i]!, column, scale);
  }

  /** cellCode of one column in the rows rows[lo] … rows[hi − 1], into out[0 … hi − lo) (-1 throughout for a source without cellCode). */
  codeCells(column: number, rows: Int32Array, lo: number, hi: number, spellings: CodeSpellings, out: Int32Array): void {
    if (this.cells.codeCells) this.cells.codeCells(column, rows, lo, hi, spellings, out);
    else for (let i = lo; i < hi; i++) out[i - lo] = this.cellCode(rows[i]!, column, spellings);
  }

  /** Where a column's cells are in shared memory (SharedCells, and the column's position there), undefined when they are not. */
  sharedColumn(column: number): { readonly cells: SharedCells; readonly column: number } | undefined {
    return this.cells.sharedColumn?.(column);
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
