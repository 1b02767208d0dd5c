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
  /** The spellings' bytes, one after another; spelling s is bytes[starts[s]] … bytes[starts[s] + lengths[s]). */
  private readonly bytes: Uint8Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly codes: Int32Array;
  /** Per spelling: its bytes 0–3 and 4–7 packed into int32s (wordsOf; 0 past its end). */
  private readonly lows: Int32Array;
  private readonly highs: Int32Array;
  /** Open addressing on (low word, length): 1 + a spelling's index, 0 for an empty slot; SLOTS entries. */
  private readonly slots: Uint8Array;
  /** The longest spelling in bytes (a longer cell is none). */
  private readonly longest: number;
  /** Byte → the byte compared: ASCII capitals to small letters with `fold`, else itself. */
  private readonly map: Uint8Array;

  /** @param spellings - text → code; a text given twice keeps its first code */
  constructor(
    spellings: readonly (readonly [string, number])[],
    readonly fold: boolean,
  ) {
    const encoder = new TextEncoder();
    const kept: { bytes: Uint8Array; code: number }[] = [];
    const seen = new Set<string>();
    for (const [text, code] of spellings) {
      // At most SLOTS / 2 spellings are kept (a cell of a longer list of options is read as text).
      if (seen.has(text) || !CodeSpellings.readsUnchanged(text, fold) || kept.length >= SLOTS / 2) continue;
      seen.add(text);
      kept.push({ bytes: encoder.encode(text), code });
    }
    this.map = fold ? LOWER : SAME;
    const total = kept.reduce((n, k) => n + k.bytes.length, 0);
    this.bytes = new Uint8Array(total);
    this.starts = new Int32Array(kept.length);
    this.lengths = new Int32Array(kept.length);
    this.codes = new Int32Array(kept.length);
    this.lows = new Int32Array(kept.length);
    this.highs = new Int32Array(kept.length);
    this.slots = new Uint8Array(SLOTS);
    let at = 0;
    let longest = 0;
    kept.forEach((k, s) => {
      const n = k.bytes.length;
      this.bytes.set(k.bytes, at);
      this.starts[s] = at;
      this.lengths[s] = n;
      this.codes[s] = k.code;
      this.lows[s] = wordOf(k.bytes, 0, n, 0, SAME);
      this.highs[s] = wordOf(k.bytes, 0, n, 4, SAME);
      let slot = slotOf(this.lows[s]!, n);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (SLOTS - 1);
      this.slots[slot] = s + 1;
      at += n;
      longest = Math.max(longest, n);
    });
    this.longest = longest;
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
   * with `fold`); -1 otherwise.
   */
  codeOf(b: Uint8Array, start: number, end: number): number {
    if (end > start && b[start] === 34) {
      // A quoted cell: what is inside its quotes (a "" inside matches no spelling: none has a quote).
      start++;
      end--;
    }
    if (start < end && (b[start]! <= 32 || b[end - 1]! <= 32)) {
      while (start < end && isAsciiTrimmed(b[start]!)) start++;
      while (end > start && isAsciiTrimmed(b[end - 1]!)) end--;
    }
    const n = end - start;
    if (n <= 0 || n > this.longest) return -1;
    const m = this.map;
    let low: number;
    let high: number;
    if (start + 8 <= b.length) {
      // Eight bytes read at once (those past the cell masked off): no loop for a spelling of up to 8 bytes.
      const k = n < 8 ? n : 8;
      low = (m[b[start]!]! | (m[b[start + 1]!]! << 8) | (m[b[start + 2]!]! << 16) | (m[b[start + 3]!]! << 24)) & LOW_MASKS[k]!;
      high = (m[b[start + 4]!]! | (m[b[start + 5]!]! << 8) | (m[b[start + 6]!]! << 16) | (m[b[start + 7]!]! << 24)) & HIGH_MASKS[k]!;
    } else {
      low = wordOf(b, start, end, 0, m);
      high = wordOf(b, start, end, 4, m);
    }
    for (let slot = slotOf(low, n); ; slot = (slot + 1) & (SLOTS - 1)) {
      const s = this.slots[slot]! - 1;
      if (s < 0) return -1;
      if (this.lows[s] !== low || this.highs[s] !== high || this.lengths[s] !== n) continue;
      if (n <= 8) return this.codes[s]!;
      // A longer spelling: the bytes after the first eight compared one by one.
      const own = this.bytes;
      let at = this.starts[s]! + 8;
      let i = start + 8;
      while (i < end && m[b[i]!] === own[at]) {
        i++;
        at++;
      }
      // Another spelling may share the first eight bytes and the length: look on.
      if (i === end) return this.codes[s]!;
    }
  }
}

/** Slots of a CodeSpellings' table (a power of 2): at most half of them used. */
const SLOTS = 256;

/** Byte → itself, and byte → itself with ASCII capitals as small letters (toLowerCase on ASCII). */
const SAME = Uint8Array.from({ length: 256 }, (_, c) => c);
const LOWER = Uint8Array.from({ length: 256 }, (_, c) => (c >= 65 && c <= 90 ? c | 32 : c));

/** For a cell of k bytes (8 for 8 or more): the bits of its bytes 0–3 and of its bytes 4–7. */
const LOW_MASKS = Int32Array.from({ length: 9 }, (_, k) => (k >= 4 ? -1 : (1 << (8 * k)) - 1));
const HIGH_MASKS = Int32Array.from({ length: 9 }, (_, k) => (k >= 8 ? -1 : k <= 4 ? 0 : (1 << (8 * (k - 4))) - 1));

/** Bytes from + 0 … from + 3 of start … end (0 past its end), each through `m`, packed into an int32 (the first the lowest). */
function wordOf(b: Uint8Array, start: number, end: number, from: number, m: Uint8Array): number {
  let w = 0;
  for (let j = 0; j < 4 && start + from + j < end; j++) w |= m[b[start + from + j]!]! << (8 * j);
  return w;
}

/** The slot where a spelling of this first word and length is first looked for. */
const slotOf = (low: number, n: number): number => Math.imul(low ^ (n << 27), 0x9e3779b1 | 0) >>> 24;

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
