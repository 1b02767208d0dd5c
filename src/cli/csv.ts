/**
 * CSV in and out. Input: RFC 4180 (csv-parse), UTF-8 with or without BOM, or GBK
 * as saved by Excel on Chinese Windows (iconv-lite), CRLF or LF. Output: cells that
 * a spreadsheet would run as a formula (= + - @, tab, CR) are neutralised with a quote.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { makeIssue, type Issue } from "../diagnostics/issue.js";

/** Decode bytes: UTF-8 (BOM stripped) when valid, otherwise GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gbk" } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasBom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = hasBom ? buf.subarray(3) : buf;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(buf, "gbk"), encoding: "gbk" };
  }
}

export class CsvError extends Error {
  constructor(
    message: string,
    /** The problems as issues, when they have a code (DATA_DUPLICATE_COLUMN). */
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/**
 * Parse CSV text into rows keyed by header; every row must have the header's width.
 * Rows are null-prototype objects, so a header such as `__proto__` is an ordinary
 * column (reported as unknown unless a rubric declares it). A header given twice is
 * DATA_DUPLICATE_COLUMN naming both positions: one column would otherwise be lost.
 */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: false, trim: false, bom: true }) as string[][];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new CsvError(`${file}${err.lines ? `:${err.lines}` : ""}: CSV error: ${err.message}`);
  }
  const [first, ...body] = records;
  if (!first) return [];
  const header = first.map((h) => h.trim());
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  header.forEach((column, i) => {
    const at = seen.get(column);
    if (at === undefined) seen.set(column, i);
    else issues.push(makeIssue("DATA_DUPLICATE_COLUMN", { column, first: at + 1, second: i + 1 }, { field: column, path: ["header", i] }));
  });
  if (issues.length > 0) throw new CsvError(`${file}:1: ${issues.map((i) => `${i.code}  ${i.message}`).join("; ")}`, issues);
  return body.map((cells) => {
    const row = Object.create(null) as Record<string, string>;
    header.forEach((column, i) => (row[column] = cells[i]!));
    return row;
  });
}

const DANGEROUS = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would not execute: prefix risky text with a single quote. */
export function safeCell(value: string): string {
  return DANGEROUS.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { record_delimiter: "\r\n" });
}
