/**
 * The CSV scanner of io/csv-scan.ts over a UTF-8 file's bytes instead of its decoded
 * text: one pass records where each cell ends (its byte offset from its row's start, in
 * a Uint16Array, or a Uint32Array once a row is 64 KiB or longer), and a cell is
 * decoded only when it is read. A million rows then cost the file's bytes and two bytes
 * per cell: no decoded copy of the file (a UTF-8 file with Chinese text
 * decodes to a two-byte string twice its size), no string per cell until one is read,
 * and none at all for a number read through `cellScaled`.
 *
 * It accepts exactly what scanCsv accepts and gives the same cells (the same RFC 4180
 * subset: comma-separated; "\n" or "\r\n", the first one decides; quoted cells with
 * doubled quotes, commas and line breaks; empty lines skipped; a leading BOM ignored),
 * and declines (undefined) exactly where scanCsv declines, so the caller can fall back
 * to csv-parse, which names the problem. Scanning bytes is the same as scanning the
 * text because every byte that matters (" , \n \r) is ASCII, and in UTF-8 an ASCII
 * byte is always that character, never part of another (test/io/csv-bytes.test.ts
 * compares the two on random text).
 *
 * The bytes must be valid UTF-8 (the CLI checks that before choosing this reader).
 */
import { scaledFromDigits, type CellSource, type CodeSpellings, type SharedCells } from "../engine/data-table.js";
import type { Scanned } from "./csv-scan.js";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Buffer's own slicers (what toString calls after checking its arguments): a cell is read millions of times. */
interface Slicing {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

const hasSlicers = typeof (Buffer.prototype as unknown as Partial<Slicing>).latin1Slice === "function" && typeof (Buffer.prototype as unknown as Partial<Slicing>).utf8Slice === "function";

/** The text of bytes start … end (valid UTF-8). */
function decode(bytes: Buffer, start: number, end: number): string {
  const n = end - start;
  // A short ASCII cell (an id, a number, true): built here, cheaper than a native call.
  if (n <= 16) {
    let s = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return utf8(bytes, start, end);
      s += String.fromCharCode(b);
    }
    return s;
  }
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return utf8(bytes, start, end);
  return hasSlicers ? (bytes as unknown as Slicing).latin1Slice(start, end) : bytes.toString("latin1", start, end);
}

function utf8(bytes: Buffer, start: number, end: number): string {
  return hasSlicers ? (bytes as unknown as Slicing).utf8Slice(start, end) : bytes.toString("utf8", start, end);
}

/** A cell's text from its bytes as written: a quoted cell loses its quotes and has "" read as ". */
function cellText(bytes: Buffer, start: number, end: number): string {
  if (end === start) return "";
  if (bytes[start] !== QUOTE) return decode(bytes, start, end);
  const inner = decode(bytes, start + 1, end - 1);
  return inner.includes('""') ? inner.replace(/""/g, '"') : inner;
}

/**
 * scaledDigits (engine/data-table.ts) over bytes: the same contract and the same
 * result for the same text. Plain means ASCII digits with at most one dot between
 * digits, at most 15 digits, no more than `scale` decimals; NaN otherwise. A byte
 * of a non-ASCII character is never a digit or a dot, so such a cell is NaN as its
 * text would be.
 */
export function scaledDigitsBytes(bytes: Uint8Array, start: number, end: number, scale: number): number {
  const n = end - start;
  if (n <= 0 || n > 16) return Number.NaN;
  let m = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c >= ZERO && c <= NINE) m = m * 10 + (c - ZERO);
    else if (c === DOT && dot < 0 && i > start && i < end - 1) dot = i;
    else return Number.NaN;
  }
  return scaledFromDigits(m, n, dot, end, scale);
}

/** How many short cells ByteCells keeps decoded (a power of 2), and how long (in bytes) a cell it keeps may be. */
const CACHE_SLOTS = 4096;
const CACHED_LENGTH = 24;

/** Cells of scanned bytes: cell (r, c) runs from the end of the cell before it (+1 for its comma), or from the row's start; offsets are byte offsets. */
export class ByteCells implements CellSource {
  constructor(
    private readonly bytes: Buffer,
    private readonly width: number,
    /** Where each row's first cell starts. */
    private readonly rowStarts: Uint32Array,
    /** Where each cell ends (exclusive), row by row, as an offset from its row's start. */
    private readonly ends: Uint16Array | Uint32Array,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The cells of shared parts (SharedCells: another thread's, or this one's). */
  static fromShared(parts: SharedCells): ByteCells {
    return new ByteCells(Buffer.from(parts.bytes.buffer, parts.bytes.byteOffset, parts.bytes.byteLength), parts.width, parts.rowStarts, parts.ends);
  }

  /** The cells as shared parts when all of them are in shared memory (a file read into a SharedArrayBuffer); undefined otherwise. */
  sharedColumn(column: number): { readonly cells: SharedCells; readonly column: number } | undefined {
    const shared = (a: ArrayBufferView) => a.buffer instanceof SharedArrayBuffer;
    if (!shared(this.bytes) || !shared(this.rowStarts) || !shared(this.ends)) return undefined;
    return { cells: { bytes: this.bytes, width: this.width, rowStarts: this.rowStarts, ends: this.ends }, column };
  }

  /** The bytes as a DataView, for reading a short cell's bytes as two words (CodeSpellings.codeOf). */
  private readonly view: DataView;

  private start(row: number, column: number): number {
    const base = this.rowStarts[row]!;
    return column === 0 ? base : base + this.ends[row * this.width + column - 1]! + 1;
  }

  private end(row: number, column: number): number {
    return this.rowStarts[row]! + this.ends[row * this.width + column]!;
  }

  /**
   * Short cells already decoded, by a hash of their bytes (direct-mapped: a slot holds
   * the last cell that hashed to it): a column of choices, booleans or small numbers
   * repeats a few texts a million times, and a hit costs a comparison of bytes, no
   * string. A slot records where its cell's bytes are, so a hit is checked byte for byte.
   */
  private readonly seenAt = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly seenLength = new Uint8Array(CACHE_SLOTS);
  private readonly seenText: string[] = new Array<string>(CACHE_SLOTS).fill("");

  cell(row: number, column: number): string {
    const start = this.start(row, column);
    const end = this.end(row, column);
    const n = end - start;
    if (n === 0) return "";
    if (n > CACHED_LENGTH) return cellText(this.bytes, start, end);
    const b = this.bytes;
    let h = n;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
    const slot = (h ^ (h >>> 13)) & (CACHE_SLOTS - 1);
    const at = this.seenAt[slot]!;
    if (at >= 0 && this.seenLength[slot] === n) {
      let i = 0;
      while (i < n && b[at + i] === b[start + i]) i++;
      if (i === n) return this.seenText[slot]!;
    }
    const text = cellText(b, start, end);
    this.seenAt[slot] = start;
    this.seenLength[slot] = n;
    this.seenText[slot] = text;
    return text;
  }

  /** The cell's length in bytes as written: at least its text's length (a UTF-8 character is 1 to 4 bytes and 1 or 2 UTF-16 units), exact for an unquoted ASCII cell. */
  cellLength(row: number, column: number): number {
    return this.end(row, column) - this.start(row, column);
  }

  rowLength(row: number): number {
    return this.ends[row * this.width + this.width - 1]!;
  }

  /** scaledDigits of the cell's text, read from its bytes (a quoted cell by what is inside its quotes, as its text is). */
  cellScaled(row: number, column: number, scale: number): number {
    let start = this.start(row, column);
    let end = this.end(row, column);
    if (end > start && this.bytes[start] === QUOTE) {
      start++;
      end--;
    }
    return scaledDigitsBytes(this.bytes, start, end, scale);
  }

  /** The cell's code among `spellings`, from its bytes (no text made); -1 when it is none of them. */
  cellCode(row: number, column: number, spellings: CodeSpellings): number {
    return spellings.codeOf(this.bytes, this.view, this.start(row, column), this.end(row, column));
  }

  /** cellScaled of one column for rows[lo] … rows[hi − 1], into out[0 …): one loop, the column's offsets read in place. */
  scaledCells(column: number, rows: Int32Array, lo: number, hi: number, scale: number, out: Float64Array): void {
    const { bytes, rowStarts, ends, width } = this;
    for (let i = lo; i < hi; i++) {
      const row = rows[i]!;
      const base = rowStarts[row]!;
      const at = row * width + column;
      let start = column === 0 ? base : base + ends[at - 1]! + 1;
      let end = base + ends[at]!;
      if (end > start && bytes[start] === QUOTE) {
        start++;
        end--;
      }
      out[i - lo] = scaledDigitsBytes(bytes, start, end, scale);
    }
  }

  /** cellCode of one column for rows[lo] … rows[hi − 1], into out[0 …). */
  codeCells(column: number, rows: Int32Array, lo: number, hi: number, spellings: CodeSpellings, out: Int32Array): void {
    const { bytes, view, rowStarts, ends, width } = this;
    for (let i = lo; i < hi; i++) {
      const row = rows[i]!;
      const base = rowStarts[row]!;
      const at = row * width + column;
      out[i - lo] = spellings.codeOf(bytes, view, column === 0 ? base : base + ends[at - 1]! + 1, base + ends[at]!);
    }
  }
}

/** Where a scan is (scanRows reads and updates it). */
interface ScanAt {
  pos: number;
  /** Data rows so far; -1 before the header. */
  rows: number;
  /** Cells so far (rows × width). */
  cell: number;
  width: number;
  /** 0: not known yet; 1: "\n"; 2: "\r\n". */
  breakKind: number;
  header: string[] | undefined;
  rowStarts: Uint32Array;
  ends: Uint16Array | Uint32Array;
}

/**
 * A second thread's share of a large file's scan (io/cells-thread.ts ScanThread): the
 * rows from a line start `from` to the end, into its own offset arrays (shared memory).
 * `state` (shared): [0] who scans the part: 0 nobody yet, 1 the main thread, 2 the
 * helper; [1] 1 once the helper is done; [2] its outcome: 1 scanned, 0 not a CSV this
 * scanner reads, 2 declined (a row of 64 KiB or more, or the helper failed); [3] its rows.
 */
export interface ScanPart {
  readonly bytes: Uint8Array;
  readonly from: number;
  readonly width: number;
  readonly breakKind: number;
  readonly rowStarts: Uint32Array;
  readonly ends: Uint16Array;
  readonly state: Int32Array;
}

/** Starts a thread that runs scanPart on a part (undefined: it does not; the main thread scans it). */
export interface ScanHelper {
  /** Files smaller than this are scanned by one thread. */
  readonly minBytes: number;
  start(part: ScanPart): { end(): void } | undefined;
}

/** The helper's side of a ScanPart: claim it (unless the main thread has), scan it, report. */
export function scanPart(part: ScanPart): void {
  const state = part.state;
  if (Atomics.compareExchange(state, 0, 0, 2) !== 0) return;
  const bytes = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
  const at: ScanAt = { pos: part.from, rows: 0, cell: 0, width: part.width, breakKind: part.breakKind, header: [], rowStarts: part.rowStarts, ends: part.ends };
  const ok = scanRows(bytes, at, Infinity, part.rowStarts.length, (size) => new SharedArrayBuffer(size));
  Atomics.store(state, 2, !ok ? 0 : at.ends !== part.ends ? 2 : 1);
  Atomics.store(state, 3, at.rows);
  Atomics.store(state, 1, 1);
  Atomics.notify(state, 1);
}

/**
 * Scan UTF-8 `bytes` (without the file's BOM, or with it: a leading BOM is skipped, as
 * scanCsv skips a leading U+FEFF).
 *
 * Bytes in shared memory (a large file read by the CLI) get their offsets in shared
 * memory too, for another thread to read the cells (io/cells-thread.ts). With a
 * `helper`, such a file of helper.minBytes or more is scanned in two halves at once:
 * the helper scans from the first line start after the middle, speculatively, while
 * this thread scans up to it. When this thread's scan reaches exactly that line start
 * (not inside a quoted cell that holds a line break), the helper's rows are the file's
 * next rows and are copied in; otherwise this thread scans on by itself. The result is
 * the one-thread scan's in every case.
 *
 * @returns the header and the rows' cells, or undefined exactly where scanCsv would
 *   return undefined for the decoded text
 */
export function scanCsvBytes(input: Uint8Array, helper?: ScanHelper): Scanned | undefined {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const n = bytes.length;
  if (n > 0xffffffff) return undefined; // offsets are Uint32 (readFileSync stops at 2 GiB anyway)
  const at: ScanAt = { pos: n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, rows: -1, cell: 0, width: -1, breakKind: 0, header: undefined, rowStarts: new Uint32Array(0), ends: new Uint16Array(0) };
  // Rows (after the header) at most: the line breaks + 1 (each row but the last ends with one).
  const lines = linesFrom(bytes, at.pos);
  const shared = bytes.buffer instanceof SharedArrayBuffer;
  const room = (size: number) => (shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
  if (helper === undefined || !shared || n < helper.minBytes) {
    if (!scanRows(bytes, at, Infinity, lines, room)) return undefined;
  } else {
    // The header, then the first half here while the helper scans the second.
    if (!scanRows(bytes, at, 0, lines, room)) return undefined;
    const lf = at.rows === 0 ? bytes.indexOf(LF, at.pos + ((n - at.pos) >>> 1)) : -1;
    const from = lf + 1;
    if (lf < 0 || from >= n || at.ends instanceof Uint32Array) {
      if (!scanRows(bytes, at, Infinity, lines, room)) return undefined;
    } else {
      const partLines = linesFrom(bytes, from);
      const part: ScanPart = {
        bytes,
        from,
        width: at.width,
        breakKind: at.breakKind,
        rowStarts: new Uint32Array(new SharedArrayBuffer(4 * partLines)),
        ends: new Uint16Array(new SharedArrayBuffer(2 * partLines * at.width)),
        state: new Int32Array(new SharedArrayBuffer(16)),
      };
      const run = helper.start(part);
      try {
        if (!scanRows(bytes, at, from, lines, room)) return undefined;
        // The part is the helper's when it claimed it first and this scan stopped exactly at its start.
        const helpers = Atomics.compareExchange(part.state, 0, 0, 1) === 2 && at.pos === from;
        if (helpers) while (Atomics.load(part.state, 1) === 0) Atomics.wait(part.state, 1, 0, 1000);
        const outcome = helpers ? Atomics.load(part.state, 2) : 2;
        if (outcome === 0) return undefined;
        if (outcome === 1) {
          const rows = Atomics.load(part.state, 3);
          at.rowStarts.set(part.rowStarts.subarray(0, rows), at.rows);
          at.ends.set(part.ends.subarray(0, rows * at.width), at.rows * at.width);
          at.rows += rows;
          at.cell += rows * at.width;
          at.pos = n;
        } else if (!scanRows(bytes, at, Infinity, lines, room)) return undefined;
      } finally {
        run?.end();
      }
    }
  }
  if (!at.header) return undefined;
  return { header: at.header, length: at.rows, cells: new ByteCells(bytes, at.width, at.rowStarts, at.ends) };
}

/** The lines from `from` to the end: the line breaks there + 1 (room for as many rows). */
function linesFrom(bytes: Buffer, from: number): number {
  let lines = 1;
  for (let i = bytes.indexOf(LF, from); i >= 0; i = bytes.indexOf(LF, i + 1)) lines++;
  return lines;
}

/**
 * Scan rows from at.pos (the header first, when at.rows is -1: then the offset arrays
 * are made, room for `lines` rows) to the end of the bytes, or up to the first row that
 * starts at or after `stop`; `at` is left where the scan stopped. False where the bytes
 * are not a CSV this scanner reads (scanCsvBytes's undefined).
 */
function scanRows(bytes: Buffer, at: ScanAt, stop: number, lines: number, room: (size: number) => ArrayBuffer | SharedArrayBuffer): boolean {
  const n = bytes.length;
  let { pos, rows, cell, width, breakKind, rowStarts, ends } = at;
  const headerStarts: number[] = [];
  const headerEnds: number[] = [];
  while (pos < n) {
    if (rows >= 0 && pos >= stop) break;
    let c = bytes[pos]!;
    // An empty line is skipped (csv-parse skip_empty_lines).
    if (c === LF || c === CR) {
      const len = lineBreak(bytes, pos, breakKind);
      if (len === 0) return false;
      if (breakKind === 0) breakKind = len;
      pos += len;
      continue;
    }
    let count = 0;
    const rowStart = pos;
    if (rows >= 0) {
      if (rows >= rowStarts.length) return false;
      rowStarts[rows] = pos;
    }
    // The cells of one row.
    for (;;) {
      const cellStart = pos;
      c = pos < n ? bytes[pos]! : -1;
      if (c === QUOTE) {
        // A quoted cell: up to the quote that is not doubled.
        pos++;
        for (;;) {
          const q = bytes.indexOf(QUOTE, pos);
          if (q < 0) return false; // unclosed
          if (bytes[q + 1] === QUOTE) {
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        c = pos < n ? bytes[pos]! : -1;
        if (c !== COMMA && c !== LF && c !== CR && c !== -1) return false; // text after the closing quote
      } else {
        while (pos < n) {
          c = bytes[pos]!;
          // Digits, letters, "." and every byte of a non-ASCII character are above ","; only the few below it need a look.
          if (c > COMMA) {
            pos++;
            continue;
          }
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) return false; // a quote inside an unquoted cell
          pos++;
        }
        c = pos < n ? c : -1;
      }
      // The cell ends at pos.
      if (rows < 0) {
        headerStarts.push(cellStart);
        headerEnds.push(pos);
      } else {
        if (count >= width) return false; // too many cells
        const offset = pos - rowStart;
        // A row of 64 KiB or more: offsets in 32 bits from here on (those so far copied, they are the same numbers).
        if (offset > 0xffff && ends instanceof Uint16Array) {
          const wide: Uint32Array = new Uint32Array(room(4 * ends.length));
          wide.set(ends);
          ends = wide;
        }
        ends[cell++] = offset;
      }
      count++;
      if (c === COMMA) {
        pos++;
        continue;
      }
      break;
    }
    if (rows < 0) {
      width = count;
      at.header = headerStarts.map((s, i) => cellText(bytes, s, headerEnds[i]!));
      rowStarts = new Uint32Array(room(4 * lines));
      ends = new Uint16Array(room(2 * lines * width));
    } else if (count !== width) return false; // too few cells
    rows++;
    if (pos < n) {
      const len = lineBreak(bytes, pos, breakKind);
      if (len === 0) return false;
      if (breakKind === 0) breakKind = len;
      pos += len;
    }
  }
  Object.assign(at, { pos, rows, cell, width, breakKind, rowStarts, ends });
  return true;
}

/** The line break at `pos` (1 for "\n", 2 for "\r\n"), or 0 when it is not the file's kind (or a bare "\r"). */
function lineBreak(bytes: Buffer, pos: number, kind: number): number {
  const c = bytes[pos];
  const len = c === LF ? 1 : c === CR && bytes[pos + 1] === LF ? 2 : 0;
  return len === 0 || (kind !== 0 && kind !== len) ? 0 : len;
}
