/**
 * A CSV scanner for well-formed files: one pass over the decoded text that records
 * where each cell ends (a Uint32Array), so a million rows cost one offset per cell and
 * no object or string per row. Cells are cut from the text when read.
 *
 * It accepts the RFC 4180 subset that well-formed exports use: comma-separated cells;
 * "\n" or "\r\n" line breaks (the first one decides; a file that mixes them is left to
 * the full parser); quoted cells ("a, b", "say ""hi""", line breaks inside quotes);
 * empty lines skipped; a leading BOM ignored. Anything else (a stray quote, an unclosed
 * quote, a row of the wrong width, a bare "\r") returns undefined, and the caller parses
 * the file with csv-parse, which names the problem exactly as before. The cells it gives
 * are those csv-parse gives for the same text (test/io/csv-scan.test.ts compares them).
 */
import type { CellSource } from "../engine/data-table.js";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Cells of scanned text: cell (r, c) runs from the end of the cell before it (+1 for its comma), or from the row's start. */
export class ScannedCells implements CellSource {
  constructor(
    private readonly text: string,
    private readonly width: number,
    /** Where each row's first cell starts. */
    private readonly rowStarts: Uint32Array,
    /** Where each cell ends (exclusive), row by row. */
    private readonly ends: Uint32Array,
  ) {}

  private start(row: number, column: number): number {
    return column === 0 ? this.rowStarts[row]! : this.ends[row * this.width + column - 1]! + 1;
  }

  cell(row: number, column: number): string {
    const start = this.start(row, column);
    const end = this.ends[row * this.width + column]!;
    if (end === start) return "";
    const text = this.text;
    if (text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
    const inner = text.slice(start + 1, end - 1);
    return inner.includes('""') ? inner.replace(/""/g, '"') : inner;
  }

  cellLength(row: number, column: number): number {
    return this.ends[row * this.width + column]! - this.start(row, column);
  }

  rowLength(row: number): number {
    return this.ends[row * this.width + this.width - 1]! - this.rowStarts[row]!;
  }
}

export interface Scanned {
  /** The first row's cells (untrimmed). */
  readonly header: readonly string[];
  /** Rows after the header. */
  readonly length: number;
  readonly cells: CellSource;
}

/**
 * Scan `text` (decoded; a leading BOM is skipped).
 *
 * @returns the header and the rows' cells, or undefined when the text is outside the
 *   well-formed subset (the caller then uses the full parser) or has no row at all
 */
export function scanCsv(text: string): Scanned | undefined {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // 0: not known yet; 1: "\n"; 2: "\r\n".
  let breakKind = 0;
  let width = -1;
  let header: string[] | undefined;
  // Rows (after the header) at most: the line breaks + 1. Grown if quoted line breaks made the estimate short (they cannot: each row needs a break).
  let lines = 1;
  for (let i = text.indexOf("\n", pos); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  let rowStarts = new Uint32Array(0);
  let ends = new Uint32Array(0);
  let rows = -1; // the header is row -1
  let cell = 0;
  while (pos < n) {
    let c = text.charCodeAt(pos);
    // An empty line is skipped (csv-parse skip_empty_lines).
    if (c === LF || c === CR) {
      const len = lineBreak(text, pos, breakKind);
      if (len === 0) return undefined;
      if (breakKind === 0) breakKind = len;
      pos += len;
      continue;
    }
    const rowStart = pos;
    let count = 0;
    const rowCells: number[] | undefined = rows < 0 ? [] : undefined;
    const headerStarts: number[] | undefined = rows < 0 ? [] : undefined;
    if (rows >= 0) {
      if (rows >= rowStarts.length) return undefined;
      rowStarts[rows] = rowStart;
    }
    // The cells of one row.
    for (;;) {
      const cellStart = pos;
      c = pos < n ? text.charCodeAt(pos) : -1;
      if (c === QUOTE) {
        // A quoted cell: up to the quote that is not doubled.
        pos++;
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q < 0) return undefined; // unclosed
          if (text.charCodeAt(q + 1) === QUOTE) {
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        c = pos < n ? text.charCodeAt(pos) : -1;
        if (c !== COMMA && c !== LF && c !== CR && c !== -1) return undefined; // text after the closing quote
      } else {
        while (pos < n) {
          c = text.charCodeAt(pos);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) return undefined; // a quote inside an unquoted cell
          pos++;
        }
        c = pos < n ? c : -1;
      }
      // The cell ends at pos.
      if (rows < 0) {
        headerStarts!.push(cellStart);
        rowCells!.push(pos);
      } else {
        if (count >= width) return undefined; // too many cells
        ends[cell++] = pos;
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
      header = headerStarts!.map((s, i) => cellText(text, s, rowCells![i]!));
      rowStarts = new Uint32Array(lines);
      ends = new Uint32Array(lines * width);
    } else if (count !== width) return undefined; // too few cells
    rows++;
    if (pos < n) {
      const len = lineBreak(text, pos, breakKind);
      if (len === 0) return undefined;
      if (breakKind === 0) breakKind = len;
      pos += len;
    }
  }
  if (!header) return undefined;
  return { header, length: rows, cells: new ScannedCells(text, width, rowStarts, ends) };
}

/** The line break at `pos` (1 for "\n", 2 for "\r\n"), or 0 when it is not the file's kind (or a bare "\r"). */
function lineBreak(text: string, pos: number, kind: number): number {
  const c = text.charCodeAt(pos);
  const len = c === LF ? 1 : c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 0;
  return len === 0 || (kind !== 0 && kind !== len) ? 0 : len;
}

function cellText(text: string, start: number, end: number): string {
  if (end === start) return "";
  if (text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
  return text.slice(start + 1, end - 1).replace(/""/g, '"');
}
