/**
 * Files for the CLI: rubric files or scheme folders (rubrics + tests + example.csv),
 * and subject data (CSV, .xlsx or JSON, from a file or stdin "-").
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { isMap, parseDocument } from "yaml";
import type { RubricText, TestCaseInput } from "../index.js";
import { safeLoadRubricSet, safeLoadTestCases, type Issue, type RubricSet, type SubjectData } from "../index.js";
import { decodeRubric } from "../parse/decode.js";
import { DEFAULT_MAX_LENGTH } from "../parse/parse-yaml.js";
import { isWorkbook, readWorkbook, startsAsArchive, type XlsxReadOptions, type XlsxRows } from "../io/xlsx-read.js";
import { checkEncoding, firstNonSpace, readCsvBytes, readCsvTable, utf8Text, type Encoding } from "./csv.js";
import type { DataTable } from "../engine/data-table.js";
import { CliError, fsError, UsageError } from "./errors.js";
import { t } from "./messages.js";

export { CliError } from "./errors.js";

export interface Scheme {
  readonly rubricFiles: string[];
  readonly testFiles: string[];
  /** example.csv of the (first) folder given, if present. */
  readonly exampleData?: string;
}

/** A rubric or tests file: .yaml or .yml, in any letter case (R.YAML). */
export const isYaml = (f: string) => [".yaml", ".yml"].includes(extname(f).toLowerCase());

/**
 * Read a file's bytes; a file system error becomes a one-line CLI error. A rubric or
 * tests file must be a regular file: a FIFO or a device would block or never end.
 */
export function readBytes(file: string, { regularOnly = false } = {}): Buffer {
  try {
    const st = regularOnly ? statSync(file) : undefined;
    // A folder is left to readFileSync, whose EISDIR has its own message.
    if (st && !st.isFile() && !st.isDirectory()) throw new CliError(t("not-regular-file", { file }));
    return readFileSync(file);
  } catch (e) {
    throw fsError(e, file, "read");
  }
}

/** Data files from this size are read into shared memory, so that a second thread can read their cells (io/cells-thread.ts). */
export const SHARED_READ_FROM = 4 << 20;

/**
 * A regular file's bytes in a SharedArrayBuffer (a large data file: see
 * SHARED_READ_FROM); anything else (a smaller file, a workbook, a FIFO, a device) as
 * readFileSync reads it. Errors as readBytes.
 */
export function readDataBytes(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const st = fstatSync(fd);
    // Past 2 GiB readFileSync gives its own error, as before. A zip (a workbook) or an old .xls is read as it
    // always was: only text is scanned from shared memory, and exceljs is not given shared bytes.
    if (!st.isFile() || st.size < SHARED_READ_FROM || st.size > 0x7fffffff || isArchive(fd)) return readFileSync(fd);
    const bytes = Buffer.from(new SharedArrayBuffer(st.size));
    let got = 0;
    for (let n; got < bytes.length && (n = readSync(fd, bytes, got, bytes.length - got, null)) > 0; ) got += n;
    return got === bytes.length ? bytes : bytes.subarray(0, got);
  } catch (e) {
    throw fsError(e, file, "read");
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a file starts as a workbook does (startsAsArchive); read at position 0, the file's offset unmoved. */
function isArchive(fd: number): boolean {
  const head = Buffer.alloc(4);
  return readSync(fd, head, 0, 4, 0) === 4 && startsAsArchive(head);
}

/** Which YAML files are rubrics (have `kaohe:`), which are test files (have `tests:` only). */
export function findScheme(paths: readonly string[]): Scheme {
  const rubricFiles: string[] = [];
  const testFiles: string[] = [];
  let exampleData: string | undefined;
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw fsError(e, p, "open");
    }
    let files: string[];
    try {
      files = st.isDirectory()
        ? readdirSync(p)
            .sort()
            .map((f) => join(p, f))
        : [p];
    } catch (e) {
      throw fsError(e, p, "list");
    }
    if (st.isDirectory()) {
      const example = join(p, "example.csv");
      if (exampleData === undefined && files.includes(example)) exampleData = example;
    }
    for (const f of files) {
      if (!isYaml(f)) continue;
      const kind = classify(f);
      if (kind === "rubric") rubricFiles.push(f);
      else if (kind === "tests") testFiles.push(f);
      else if (!st.isDirectory()) rubricFiles.push(f); // named explicitly: let the loader say what is wrong
    }
  }
  if (rubricFiles.length === 0) throw new CliError(t("no-rubric-found", { paths }));
  return { rubricFiles, testFiles, ...(exampleData ? { exampleData } : {}) };
}

function classify(file: string): "rubric" | "tests" | "other" {
  const bytes = readBytes(file, { regularOnly: true });
  const byName = basename(file).toLowerCase().includes("test") ? "tests" : "rubric";
  const decoded = decodeRubric(bytes, file);
  // A file that is not UTF-8 or not YAML is given to the loader, which reports where it breaks.
  // So is one too large to be a rubric (YAML_TOO_LARGE), without parsing it here.
  if (decoded.text === undefined || decoded.text.length > DEFAULT_MAX_LENGTH) return byName;
  try {
    // Only the top-level keys are looked at: nothing is converted, so no alias is expanded.
    const top = parseDocument(decoded.text).contents;
    if (isMap(top) && top.has("kaohe")) return "rubric";
    if (isMap(top) && top.has("tests")) return "tests";
  } catch {
    return byName;
  }
  return basename(file).includes("test") ? "tests" : "other";
}

/** Read rubric (or tests) files: each must be UTF-8; one that is not is an issue at its byte. */
function readYamlTexts(files: readonly string[]): { texts: RubricText[]; issues: Issue[] } {
  const texts: RubricText[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const decoded = decodeRubric(readBytes(file, { regularOnly: true }), file);
    if (decoded.issue) issues.push(decoded.issue);
    else texts.push({ file, text: decoded.text });
  }
  return { texts, issues };
}

export function readRubricTexts(files: readonly string[]): RubricText[] {
  const { texts, issues } = readYamlTexts(files);
  if (issues.length) throw new CliError(t("problems-in-rubric", { count: issues.length }), issues);
  return texts;
}

/** Load the scheme's rubrics; their warnings (which do not stop the load) are pushed to `warnings` when given. */
export function loadSet(scheme: Scheme, warnings?: Issue[]): RubricSet {
  const r = safeLoadRubricSet(readRubricTexts(scheme.rubricFiles));
  if (!r.ok) throw new CliError(t("problems-in-rubric", { count: r.issues.length }), r.issues);
  warnings?.push(...r.warnings);
  return r.value;
}

export function loadTests(files: readonly string[]): TestCaseInput[] {
  const out: TestCaseInput[] = [];
  const { texts, issues } = readYamlTexts(files);
  for (const { file, text } of texts) {
    const r = safeLoadTestCases(text, file !== undefined ? { file } : {});
    if (r.ok) out.push(...r.value);
    else issues.push(...r.issues);
  }
  if (issues.length) throw new CliError(t("problems-in-tests", { count: issues.length }), issues);
  return out;
}

function readStdin(stdin: () => Buffer): Buffer {
  try {
    return stdin();
  } catch (e) {
    throw fsError(e, "stdin", "read");
  }
}

/** Subject data as read: the rows, and for a workbook the sheet they came from. */
export type Data =
  | { rows: SubjectData[]; encoding: Encoding; format: "csv" | "json"; /** CSV: the rows as a table read by column index (what score reads); `rows` is made from it when read. */ table?: DataTable }
  | { rows: SubjectData[]; encoding: Encoding; format: "xlsx"; workbook: XlsxRows };

/**
 * Read subjects from CSV, JSON (a list, or { subjects: [...] }) or an .xlsx workbook;
 * "-" reads stdin. A .json file is JSON, a .csv file CSV, a .xlsx (.xlsm) file a
 * workbook; any other name (or stdin) is read by content: a workbook when it is a zip
 * archive, JSON when it starts with [ or {, CSV otherwise. No subjects is an error.
 * `xlsx` (--sheet, --header-row) applies to workbooks only.
 */
export function readData(file: string, stdin: () => Buffer, xlsx?: XlsxReadOptions): Data {
  const name = file === "-" ? "stdin" : file;
  const bytes = file === "-" ? readStdin(stdin) : readDataBytes(file);
  if (bytes.length === 0) throw new CliError(t("data-empty", { name }));
  if (isWorkbook(file, bytes)) {
    const workbook = readWorkbook(bytes, file, xlsx ?? { hints: { idColumns: ["id"], inputColumns: [] } });
    return { rows: workbook.rows, encoding: "utf-8", format: "xlsx", workbook };
  }
  if (xlsx?.sheet !== undefined || xlsx?.headerRow !== undefined)
    throw new UsageError(t("xlsx-option-not-workbook", { option: xlsx.sheet !== undefined ? "--sheet" : "--header-row", name }));
  // UTF-8 stays bytes: a CSV is scanned from them and never decoded whole.
  const checked = checkEncoding(bytes, name);
  const { encoding } = checked;
  const first = firstNonSpace(checked);
  const ext = file === "-" ? "" : extname(file).toLowerCase();
  const looksJson = ext === ".json" || (ext !== ".csv" && (first === "[" || first === "{"));
  if (looksJson) {
    const text = checked.encoding === "utf-8" ? utf8Text(checked.bytes) : checked.text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new CliError(t("data-bad-json", { name, error: (e as Error).message }));
    }
    const list = Array.isArray(value) ? value : value && typeof value === "object" && Array.isArray((value as { subjects?: unknown }).subjects) ? (value as { subjects: unknown[] }).subjects : undefined;
    if (!list || list.some((r) => !r || typeof r !== "object" || Array.isArray(r))) throw new CliError(t("data-not-list", { name }));
    const rows = list as SubjectData[];
    if (rows.length === 0) throw new CliError(t("data-no-subjects", { name, json: looksJson }));
    return { rows, encoding, format: "json" };
  }
  if (first === "") throw new CliError(t("data-blank", { name }));
  const table = checked.encoding === "utf-8" ? readCsvBytes(checked.bytes, name) : readCsvTable(checked.text, name);
  if (table.length === 0) throw new CliError(t("data-no-subjects", { name, json: looksJson }));
  // Objects only for a command that reads rows (draw); score reads the table.
  let objects: SubjectData[] | undefined;
  return {
    get rows() {
      return (objects ??= table.toRows());
    },
    table,
    encoding,
    format: "csv",
  };
}
