/**
 * .xlsx data in: one sheet → rows of column → value text, the same boundary as CSV
 * (src/cli/csv.ts), so a workbook and its CSV export score the same.
 *
 * - The sheet: the first in tab order, or the one named (`--sheet 评分表`).
 * - The header row: declared (`--header-row 2`), or the first of the first 50 rows
 *   holding a subject id column (`id`, or the rubric's `subject: { id: 编号 }`) and,
 *   when the rubrics declare inputs, a column of an input (its name or label; a dotted
 *   column such as `leaders.r1` counts for `leaders`). Title rows above it
 *   (2024年度党建考核评分表, merged or not) are skipped that way. Header cells are
 *   trimmed and a line break inside one (Alt+Enter) is removed.
 * - Cells: text as typed; numbers as decimal text at Excel's 15 significant digits (a
 *   saved =0.1+0.2 is 0.3, as Excel shows it); booleans TRUE/FALSE; dates as ISO text
 *   (2024-03-01; with a time of day, 2024-03-01 10:30:00); a formula gives its saved
 *   result; rich text is joined; a merged cell gives its value to every cell it
 *   covers. An error value (#N/A) is DATA_CELL_ERROR and a formula with no saved result
 *   DATA_FORMULA_NO_RESULT, each naming the sheet, the cell, the subject and the field.
 * - Rows with no value in any cell are skipped (as blank CSV lines are).
 */
import { extname } from "node:path";
import type { RubricSet, SubjectData } from "../index.js";
import { CliError, UsageError } from "../cli/errors.js";
import { t } from "../cli/messages.js";
import { makeIssue, type Issue, type SourcePosition } from "../diagnostics/issue.js";
import { sheetReference } from "../diagnostics/format.js";
import { format, parseDecimal } from "../decimal/decimal.js";
import { readSheetSync, XlsxLibraryError } from "./xlsx-sync.js";
import type { PlainCell, PlainSheet } from "./xlsx-worker.js";

/** The columns that identify a header row. */
export interface HeaderHints {
  /** Columns holding the subject id: "id" and the rubrics' subject id column (编号). */
  readonly idColumns: readonly string[];
  /** Input names and labels; empty when there are none to look for (draw). */
  readonly inputColumns: readonly string[];
}

/** How to read a workbook: `--sheet`, `--header-row`, and the columns detection looks for. */
export interface XlsxReadOptions {
  readonly sheet?: string;
  /** 1-indexed; undefined: detect. */
  readonly headerRow?: number;
  readonly hints: HeaderHints;
}

/** The rows of a sheet, with where each came from. */
export interface XlsxRows {
  readonly rows: SubjectData[];
  readonly sheet: string;
  /** 1-indexed row of the header. */
  readonly headerRow: number;
  /** True when the header row was found by its columns, not declared. */
  readonly detected: boolean;
  /** The sheet cell of a data row (1-indexed, as issues count) and field; the whole row when the field has no column. */
  locate(row: number, field: string | undefined): SourcePosition | undefined;
}

/** Rows searched for the header when none is declared. */
export const HEADER_SEARCH_ROWS = 50;

/** The header columns of a rubric set: id columns and input names and labels. */
export function headerHints(set: RubricSet): HeaderHints {
  const idColumns = new Set(["id"]);
  const inputColumns = new Set<string>();
  for (const r of set.rubrics) {
    if (r.idColumn) idColumns.add(r.idColumn);
    for (const spec of r.inputs.values()) {
      inputColumns.add(spec.name);
      if (spec.label) inputColumns.add(spec.label);
    }
  }
  return { idColumns: [...idColumns], inputColumns: [...inputColumns] };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Whether bytes (a file's first four are enough) start as a zip archive (an .xlsx) or an OLE file (an old .xls): the magic isWorkbook looks for. */
export const startsAsArchive = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP) || startsWith(bytes, OLE);

/**
 * Is this data file a workbook? A .xlsx or .xlsm name, or (for any name but .csv and
 * .json, and stdin) content that is a zip archive. An .xls name or an OLE file (Excel
 * 97-2003, or a password-protected workbook) is refused with the fix.
 */
export function isWorkbook(file: string, bytes: Uint8Array): boolean {
  const ext = file === "-" ? "" : extname(file).toLowerCase();
  const name = file === "-" ? "stdin" : file;
  if (ext === ".xls" || (ext !== ".csv" && ext !== ".json" && startsWith(bytes, OLE)))
    throw new CliError(t("xlsx-old", { name }));
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (!startsWith(bytes, ZIP)) throw new CliError(t("xlsx-not-zip", { name }));
    return true;
  }
  return ext !== ".csv" && ext !== ".json" && startsWith(bytes, ZIP);
}

/**
 * Read a workbook's sheet into rows.
 *
 * @param bytes - the file
 * @param file - its name, for messages ("-" is stdin)
 * @param options - sheet, header row, header hints
 * @returns rows of column → value text, and where each came from
 * @throws CliError naming the file, the sheet and the cell; with issues for bad cells
 */
export function readWorkbook(bytes: Uint8Array, file: string, options: XlsxReadOptions): XlsxRows {
  const name = file === "-" ? "stdin" : file;
  let sheet: PlainSheet;
  try {
    sheet = readSheetSync(bytes, options.sheet);
  } catch (e) {
    if (e instanceof XlsxLibraryError) throw new CliError(t("xlsx-unreadable", { name, error: e.message }));
    throw e;
  }
  return sheetRows(sheet, name, options);
}

/** Column number → letters: 1 → A, 28 → AB. */
export function columnName(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const isEmpty = (c: PlainCell | null | undefined) => !c || (c.t === "s" && c.v.trim() === "");

/** A number as Excel shows it: 15 significant digits, as exact decimal text. */
export function numberText(v: number): string {
  return format(parseDecimal(Number(v.toPrecision(15)))!);
}

/** exceljs makes a date cell a UTC instant holding the calendar date and time. */
export function dateText(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)\.(\d{3})Z$/.exec(iso);
  if (!m) return iso;
  if (m[2] === "00:00:00" && m[3] === "000") return m[1]!;
  return `${m[1]} ${m[2]}${m[3] === "000" ? "" : `.${m[3]}`}`;
}

/** The text of a cell that holds a value; undefined for an error or a formula without a result. */
function cellText(c: PlainCell): string | undefined {
  switch (c.t) {
    case "n":
      return numberText(c.v);
    case "s":
      return c.v;
    case "b":
      return c.v ? "TRUE" : "FALSE";
    case "d":
      return dateText(c.v);
    case "e":
    case "f":
      return undefined;
  }
}

/**
 * The rows of a sheet as read by the worker (the pure part of readWorkbook).
 *
 * @param sheet - the sheet's cells
 * @param file - the file's name, for messages
 * @param options - sheet, header row, header hints
 */
export function sheetRows(sheet: PlainSheet, file: string, options: XlsxReadOptions): XlsxRows {
  if (sheet.name === null) {
    if (options.sheet !== undefined) throw new CliError(t("xlsx-no-such-sheet", { file, sheet: options.sheet, sheets: sheet.sheets }));
    throw new CliError(t("xlsx-no-sheet", { file }));
  }
  const name = sheet.name;
  const at = (cell: string) => `${file}!${sheetReference(name)}!${cell}`;
  const grid = sheet.rows;
  if (grid.every((row) => row.every(isEmpty))) throw new CliError(t("xlsx-sheet-empty", { at: `${file}!${sheetReference(name)}` }));

  // The header row.
  const headerText = (row: number, col: number): string => {
    const c = grid[row]?.[col];
    if (!c) return "";
    const text = cellText(c);
    if (text === undefined) throw new CliError(t("xlsx-header-cell", { at: at(`${columnName(col + 1)}${row + 1}`), ...(c.t === "e" ? { error: c.v } : {}) }));
    return text.replace(/\s*[\r\n]+\s*/g, "").trim();
  };
  let headerIndex: number;
  const detected = options.headerRow === undefined;
  if (options.headerRow !== undefined) {
    headerIndex = options.headerRow - 1;
    if (headerIndex >= grid.length || (grid[headerIndex] ?? []).every(isEmpty))
      throw new CliError(t("xlsx-header-row-empty", { at: at(`${options.headerRow}:${options.headerRow}`), row: options.headerRow }));
  } else {
    const ids = new Set(options.hints.idColumns);
    const inputs = new Set(options.hints.inputColumns);
    const isInput = (h: string) => inputs.has(h) || (h.includes(".") && inputs.has(h.slice(0, h.indexOf("."))));
    headerIndex = -1;
    for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS) && headerIndex < 0; r++) {
      const texts = (grid[r] ?? []).map((c, i) => (c && (c.t === "e" || c.t === "f") ? "" : headerText(r, i)));
      if (texts.some((t) => ids.has(t)) && (inputs.size === 0 || texts.some(isInput))) headerIndex = r;
    }
    if (headerIndex < 0) {
      const example = options.hints.inputColumns.slice(0, 3).map((c) => `"${c}"`);
      throw new CliError(t("xlsx-no-header", { at: `${file}!${sheetReference(name)}`, rows: Math.min(grid.length, HEADER_SEARCH_ROWS), ids: options.hints.idColumns, examples: example }));
    }
  }
  const headerCells = grid[headerIndex] ?? [];
  const headers: string[] = [];
  const firstColumn = new Map<string, number>();
  headerCells.forEach((c, i) => {
    const cell = `${columnName(i + 1)}${headerIndex + 1}`;
    if (c && "m" in c && c.m !== undefined && !isEmpty(c)) throw new CliError(t("xlsx-header-merged", { at: at(cell), range: c.m }));
    const h = headerText(headerIndex, i);
    headers[i] = h;
    if (h === "") return;
    const first = firstColumn.get(h);
    if (first !== undefined) throw new CliError(t("xlsx-column-twice", { at: at(cell), column: h, also: `${columnName(first + 1)}${headerIndex + 1}` }));
    firstColumn.set(h, i);
  });

  // The data rows.
  const rows: SubjectData[] = [];
  const sheetRowOf: number[] = [];
  const issues: Issue[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (cells.every(isEmpty)) continue;
    cells.forEach((c, i) => {
      if (!isEmpty(c) && !headers[i])
        throw new CliError(t("xlsx-value-no-header", { at: at(`${columnName(i + 1)}${r + 1}`), header: `${columnName(i + 1)}${headerIndex + 1}` }));
    });
    // Null prototype: a column named "__proto__" is a column like any other.
    const row: Record<string, string> = Object.create(null);
    const bad: { cell: PlainCell; column: number }[] = [];
    headers.forEach((h, i) => {
      if (!h) return;
      const c = cells[i];
      const text = c ? cellText(c) : "";
      if (text === undefined) bad.push({ cell: c!, column: i });
      else row[h] = text;
    });
    rows.push(row);
    sheetRowOf.push(r + 1);
    if (bad.length) {
      const id = options.hints.idColumns.map((k) => row[k]?.trim()).find((v) => v);
      for (const { cell, column } of bad) {
        const field = headers[column]!;
        const where = { row: rows.length, field, path: [rows.length - 1, field], source: position(file, name, r + 1, column + 1), ...(id ? { subject: id } : {}) };
        issues.push(cell.t === "e" ? makeIssue("DATA_CELL_ERROR", { field, error: cell.v }, where) : makeIssue("DATA_FORMULA_NO_RESULT", { field }, where));
      }
    }
  }
  if (issues.length) throw new CliError(t("problems-in-data", { count: issues.length, file }), issues);
  if (rows.length === 0) throw new CliError(t("xlsx-no-rows", { at: `${file}!${sheetReference(name)}`, row: headerIndex + 1 }));

  const columnOf = (field: string): number | undefined => {
    for (let f = field; ; f = f.slice(0, f.lastIndexOf("."))) {
      const i = firstColumn.get(f);
      if (i !== undefined) return i;
      if (!f.includes(".")) return undefined;
    }
  };
  return {
    rows,
    sheet: name,
    headerRow: headerIndex + 1,
    detected,
    locate(row, field) {
      const sheetRow = sheetRowOf[row - 1];
      if (sheetRow === undefined) return undefined;
      const column = field === undefined ? undefined : columnOf(field);
      return column === undefined ? { file, line: sheetRow, col: 1, sheet: name, cell: `${sheetRow}:${sheetRow}` } : position(file, name, sheetRow, column + 1);
    },
  };
}

function position(file: string, sheet: string, row: number, col: number): SourcePosition {
  return { file, line: row, col, sheet, cell: `${columnName(col)}${row}` };
}

/** A whole number of at least 1 written in digits ("--header-row 2"). */
export function headerRowOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(t("bad-header-row", { received: String(value) }));
  return n;
}
