/**
 * CSV in and out. Input: RFC 4180 (a scanner for well-formed files, over a UTF-8
 * file's bytes, io/csv-bytes.ts, or over decoded GBK text, io/csv-scan.ts; csv-parse
 * for the rest, which names any problem), comma-separated, UTF-8 with or
 * without BOM, or GBK as saved by Excel on Chinese Windows (iconv-lite), CRLF or
 * LF. Output: cells that a spreadsheet would run as a formula (= + - @, tab, CR,
 * also after leading spaces) are neutralised with a quote.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { isUtf8 } from "node:buffer";
import { firstInvalidUtf8 } from "../parse/decode.js";
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { CliError } from "./errors.js";
import { t } from "./messages.js";
import { DataTable, RecordCells } from "../engine/data-table.js";
import { scanCsv, type Scanned } from "../io/csv-scan.js";
import { scanCsvBytes } from "../io/csv-bytes.js";
import { ScanThread } from "../io/cells-thread.js";

export type Encoding = "utf-8" | "gbk";

const hex = (b: number | undefined) => `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
// What GBK decoding yields for bytes it cannot map (U+FFFD) or maps to user-defined
// code points (private use): neither is text a person typed.
const NOT_GBK_TEXT = /[\uFFFD\uE000-\uF8FF]/;

/** A data file's bytes once their encoding is known: UTF-8 kept as bytes (after any BOM), GBK decoded. */
export type CheckedData = { readonly encoding: "utf-8"; readonly bytes: Buffer } | { readonly encoding: "gbk"; readonly text: string };

/**
 * Check data bytes' encoding: UTF-8 (BOM stripped) when the whole file is valid UTF-8,
 * kept as bytes (a CSV is scanned from them: io/csv-bytes.ts); otherwise GBK, but only
 * when the whole file decodes as GBK into ordinary characters, decoded. Anything else is
 * an error naming the byte offset. UTF-16 is refused, and so is a NUL anywhere.
 *
 * @param bytes - the file's bytes
 * @param file - its name, for messages
 * @throws CliError when neither encoding reads the whole file, or it holds a NUL
 */
export function checkEncoding(bytes: Uint8Array, file = "the data"): CheckedData {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
    throw new CliError(t("csv-utf16", { file }));
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  // isUtf8 (native) answers the common case at once; the offset of a bad byte only when there is one.
  const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (bad < 0) {
    // In valid UTF-8 a 0 byte is U+0000 and nothing else: its offset is the character's.
    const nul = body.indexOf(0);
    if (nul >= 0) throw new CliError(t("csv-nul", { file, offset: nul + (hasBom ? 3 : 0) }));
    return { encoding: "utf-8", bytes: body };
  }
  const at = bad + (hasBom ? 3 : 0);
  if (hasBom) throw new CliError(t("csv-bom-not-utf8", { file, byte: hex(buf[at]), offset: at }));
  const text = iconv.decode(buf, "gbk");
  const wrong = NOT_GBK_TEXT.exec(text);
  if (wrong) {
    // The text before the first bad character decoded exactly: its GBK length is the offset.
    const gbkAt = iconv.encode(text.slice(0, wrong.index), "gbk").length;
    throw new CliError(t("csv-not-gbk", { file, byte: hex(buf[at]), offset: at, gbkByte: hex(buf[gbkAt]), gbkOffset: gbkAt }));
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) throw new CliError(t("csv-nul", { file, offset: iconv.encode(text.slice(0, nul), "gbk").length }));
  return { encoding: "gbk", text };
}

/** UTF-8 bytes as text (a BOM still there is kept as U+FEFF, as the scanners and csv-parse expect). */
export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/**
 * Decode data bytes (checkEncoding, then the UTF-8 bytes decoded too).
 *
 * @param bytes - the file's bytes
 * @param file - its name, for messages
 * @returns the text and the encoding used
 * @throws CliError as checkEncoding
 */
export function decodeText(bytes: Uint8Array, file = "the data"): { text: string; encoding: Encoding } {
  const checked = checkEncoding(bytes, file);
  return checked.encoding === "utf-8" ? { text: utf8Text(checked.bytes), encoding: "utf-8" } : checked;
}

/**
 * The data's first character that is not white space (what `text.trimStart()[0]` is),
 * "" when there is none: read from the bytes without decoding the file.
 */
export function firstNonSpace(data: CheckedData): string {
  if (data.encoding === "gbk") return data.text.trimStart().charAt(0);
  const b = data.bytes;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      i++;
      continue;
    }
    if (c < 0x80) return String.fromCharCode(c);
    // A lead byte says how long its character is (the bytes are valid UTF-8).
    const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    const ch = b.toString("utf8", i, i + len);
    // The white space trimStart removes (U+00A0, U+3000, U+FEFF, …) is trimStart's to say.
    if (ch.trimStart() !== "") return ch.charAt(0);
    i += len;
  }
  return "";
}

export class CsvError extends CliError {}

/** The first line's separator when it is not a comma (a semicolon or tab export). */
function otherDelimiter(text: string): string | undefined {
  const end = text.search(/\r?\n/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(",")) return undefined;
  if (first.includes(";")) return "semicolon";
  if (first.includes("\t")) return "tab";
  return undefined;
}

/** The header's cells, trimmed, or undefined when the first line does not parse. */
function headerOf(text: string): string[] | undefined {
  try {
    const [first] = parse(text, { to_line: 1, skip_empty_lines: true, bom: true }) as string[][];
    return first?.map((h) => h.trim());
  } catch {
    return undefined;
  }
}

/** The 1-indexed character column where the header's cell `index` starts (quotes respected). */
function headerColumn(text: string, index: number): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let cell = 0;
  let quoted = false;
  for (let i = start; i < text.length && cell < index; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ",") cell++;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    if (cell === index) return i + 2 - start;
  }
  return 1;
}

/**
 * Parse CSV text into rows keyed by header; every row must have the header's width.
 * Rows are null-prototype objects, so a header such as `__proto__` is an ordinary
 * column (reported as unknown unless a rubric declares it). A header given twice
 * (after trimming) is DATA_DUPLICATE_COLUMN naming both positions: one of the two
 * columns would otherwise be lost.
 *
 * @param text - decoded CSV
 * @param file - its name, for messages
 * @returns one record per row
 * @throws CsvError naming file:line and the cause in words (with the issues, for a duplicated header)
 */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  return readCsvTable(text, file).toRows() as Record<string, string>[];
}

/**
 * Read CSV text into a table read by column index (no object per row): the scanner
 * (io/csv-scan.ts) for a well-formed file, csv-parse for anything else, which then
 * names the problem (file:line and the cause in words). The same checks and the same
 * cells as parseCsv.
 *
 * @param text - decoded CSV
 * @param file - its name, for messages
 * @throws CsvError as parseCsv
 */
export function readCsvTable(text: string, file: string): DataTable {
  const delimiter = otherDelimiter(text);
  if (delimiter) throw new CsvError(t("csv-delimiter", { file, delimiter }));
  const scanned = scanCsv(text);
  if (scanned) return checkedTable(scanned, file, () => text);
  const records = parseRecords(text, file);
  const first = records[0];
  if (!first) return new DataTable([], 0, new RecordCells([]));
  return checkedTable({ header: first, length: records.length - 1, cells: new RecordCells(records.slice(1)) }, file, () => text);
}

/**
 * Read a UTF-8 CSV file's bytes (valid UTF-8, as checkEncoding found them) into a
 * table: the byte scanner (io/csv-bytes.ts) keeps the bytes and one offset per cell and
 * decodes a cell when it is read, so the file is never one decoded string. A file it
 * declines is decoded and read by readCsvTable (csv-parse names the problem). The same
 * checks, cells and errors as readCsvTable on the decoded text.
 *
 * @param bytes - the file's bytes after any BOM
 * @param file - its name, for messages
 * @throws CsvError as parseCsv
 */
export function readCsvBytes(bytes: Buffer, file: string): DataTable {
  const delimiter = otherDelimiterBytes(bytes);
  if (delimiter) throw new CsvError(t("csv-delimiter", { file, delimiter }));
  // A large file (read into shared memory) is scanned in two halves at once.
  const scanned = scanCsvBytes(bytes, new ScanThread());
  if (!scanned) return readCsvTable(utf8Text(bytes), file);
  return checkedTable(scanned, file, () => utf8Text(bytes));
}

/** The first line's separator when it is not a comma, from the bytes (each of , ; and tab is one ASCII byte in UTF-8). */
function otherDelimiterBytes(bytes: Buffer): string | undefined {
  const end = bytes.indexOf(10);
  const first = end < 0 ? bytes : bytes.subarray(0, end);
  if (first.includes(44)) return undefined;
  if (first.includes(59)) return "semicolon";
  if (first.includes(9)) return "tab";
  return undefined;
}

/**
 * The table of scanned or parsed cells, its header trimmed; a header given twice is
 * DATA_DUPLICATE_COLUMN naming both positions (`text` gives the decoded file then, for
 * the column where the header cell starts).
 */
function checkedTable(scanned: Scanned, file: string, text: () => string): DataTable {
  const header = scanned.header.map((h) => h.trim());
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  header.forEach((column, i) => {
    const at = seen.get(column);
    if (at === undefined) seen.set(column, i);
    else
      issues.push(
        makeIssue("DATA_DUPLICATE_COLUMN", { column, first: at + 1, second: i + 1 }, { field: column, path: ["header", i], source: { file, line: 1, col: headerColumn(text(), i) } }),
      );
  });
  if (issues.length > 0) throw new CsvError(t("csv-header-problems", { file, count: issues.length }), issues);
  return new DataTable(header, scanned.length, scanned.cells);
}

/** Every record of the text (csv-parse), or a CsvError naming where and why it does not parse. */
function parseRecords(text: string, file: string): string[][] {
  try {
    return parse(text, { skip_empty_lines: true, relax_column_count: false, trim: false, bom: true }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) throw e;
    const err = e as { code?: string; message?: string; lines?: number; column?: string | number | null };
    const where = `${file}${err.lines ? `:${err.lines}` : ""}`;
    const name = typeof err.column === "number" ? (headerOf(text)?.[err.column] ?? String(err.column + 1)) : err.column;
    const column = name !== undefined && name !== null ? { column: String(name) } : {};
    const lengths = /expect (\d+), got (\d+)/.exec(err.message ?? "");
    switch (err.code) {
      case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
        throw new CsvError(t("csv-cells", { where, ...(lengths ? { cells: Number(lengths[2]), header: Number(lengths[1]) } : {}) }));
      case "CSV_QUOTE_NOT_CLOSED":
        throw new CsvError(t("csv-unclosed", { where }));
      case "INVALID_OPENING_QUOTE":
        throw new CsvError(t("csv-opening-quote", { where, ...column }));
      case "CSV_INVALID_CLOSING_QUOTE":
        throw new CsvError(t("csv-closing-quote", { where, ...column }));
      default:
        throw new CsvError(t("csv-other", { where, error: (err.message ?? String(e)).split("\n")[0] }));
    }
  }
}

const DANGEROUS = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would not execute: text starting with = + - @, tab or CR
 * (also after leading whitespace, which spreadsheets skip) gets a leading single
 * quote (OWASP "CSV injection"). Plain numbers such as -12.5 are left alone.
 *
 * @param value - the cell text
 * @returns the cell, neutralised when risky
 * @example
 * safeCell(" =1+1")
 * // => "' =1+1"
 */
export function safeCell(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  const trimmed = value.replace(/^[\s\u00a0\u3000]+/, "");
  return DANGEROUS.test(value) || DANGEROUS.test(trimmed) ? `'${value}` : value;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { record_delimiter: "\r\n" });
}
