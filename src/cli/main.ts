/**
 * kaohe: the command line. A thin shell over the library: reading files, parsing
 * arguments and printing live here; the engine stays pure.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { draw } from "../draw/draw.js";
import { buildFeedback, type Feedback } from "../report/feedback.js";
import { explainSubject } from "../report/explain.js";
import { formatIssue, rubricJsonSchema, runRubricTests, safeAssess, seedCommitment, testFileJsonSchema, type Issue, type RubricSet, type SubjectData, type TrailLevel } from "../index.js";
import type { Locale } from "../diagnostics/locale.js";
import { parseDecimal, type Dec } from "../decimal/decimal.js";
import { meetsMinimum, runWithCoverage, type CoverageReport } from "../testing/coverage.js";
import { scoreCsvText } from "../io/score-csv.js";
import { headerHints, headerRowOption, type HeaderHints, type XlsxReadOptions } from "../io/xlsx-read.js";
import { resultsWorkbook } from "../io/xlsx-write.js";
import { writeCsv } from "./csv.js";
import { scoreCsvZh, scoreTable } from "./display.js";
import { CliError, errnoCode, fsError, UsageError } from "./errors.js";
import { HELP_ZH } from "./help.zh-CN.js";
import { findScheme, isYaml, loadSet, loadTests, readData, type Data, type Scheme } from "./load.js";
import { localeOfEnv, localeOfOption, takeLang } from "./locale.js";
import { CAUSES_EN, say, t, type CliText } from "./messages.js";
import { CAUSES_ZH } from "./messages.zh-CN.js";
import { table } from "./output.js";
import { FEEDBACK_LEVELS, writeScoreJson, writeScoreNdjson, type FeedbackLevel } from "../io/json-write.js";
import { openAtomic, writeFileAtomic } from "./write.js";
import { ThreadedWriter, WRITE_THREAD_FROM } from "../io/write-thread.js";
import { CellsThread } from "../io/cells-thread.js";
import { DataTable } from "../engine/data-table.js";
import { progressReporter } from "./progress.js";
import { REPORT_HELP, REPORT_OPTIONS, reportCommand } from "./report.js";
import { folderSiblings, ignoreOption, otherColumns } from "./columns.js";
import { DIFF_HELP, DIFF_OPTIONS, diffCommand } from "./diff.js";

/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin(): Buffer;
  isTty: boolean;
  /** The environment whose LC_ALL, LC_MESSAGES or LANG choose the language (none: English). */
  env?: Readonly<Record<string, string | undefined>>;
  /** --quiet: notes and warnings are not written to stderr (errors always are). */
  quiet?: boolean;
  /**
   * Writes text to stdout as it is, without a line break: a streamed document comes in
   * many pieces. Absent (tests), the pieces are joined and given to `out` once.
   */
  write?(chunk: string | Uint8Array): void;
  /**
   * The file descriptor behind `write` (1, stdout): a streamed document of
   * WRITE_THREAD_FROM subjects or more is written to it from a second thread
   * (io/write-thread.ts). Absent (tests): `write` takes every chunk.
   */
  writeFd?: number;
  /** A clock in milliseconds, for progress (default performance.now). */
  now?(): number;
}

/** A note or a warning on stderr, in the language of the run; silent with --quiet. Errors go to io.err directly. */
export function note(io: RunIo, text: CliText | string): void {
  if (!io.quiet) io.err(say(text, io.locale));
}

/** An Io with the language of the run. */
export interface RunIo extends Io {
  readonly locale: Locale;
}

/** "kaohe score: cause" (English) or "kaohe score：原因" (Chinese). */
const prefixed = (io: RunIo, command: string, text: CliText | string) => `kaohe ${command}${io.locale === "zh-CN" ? "：" : ": "}${say(text, io.locale)}`;

const HELP: Record<string, string> = {
  main: `kaohe: Party-building assessments (党建考核) from declarative rubric YAML

usage: kaohe <command> [options]

commands:
  score     score subjects and print grades, ranks and reasons
  validate  check rubric files and print every problem as file:line:col CODE message
  test      run the rubric's own test cases
  explain   print one subject's full trail and feedback
  report    the printable report (考核结果通报, one 反馈单 per unit) as one HTML file
  diff      what a new rubric version changes: structure, and each subject's score, grade and rank
  draw      reproducible random selection (述职名单, 三随机)
  schema    print the JSON Schema of the rubric language

Run "kaohe <command> --help" for a command's options. Every command takes
-q, --quiet (errors only: no notes or warnings on stderr) and -h, --help.`,
  score: `usage: kaohe score <rubric file or scheme folder>... [data.csv|data.xlsx|data.json|-] [options]

Scores every subject with the rubrics (linked rubrics are evaluated in dependency
order). Without a data file, a scheme folder's example.csv is scored.

options:
  --format table|json|ndjson|csv|xlsx
                            output format (default table); ndjson is one JSON object per
                            line: each unit, then the rubric's summary (README "NDJSON");
                            xlsx is a workbook with the sheets 汇总, 逐项得分, 逐项失分,
                            分布, 共性问题, 问题清单 and 说明, and needs --out
  --out FILE                write the output to FILE instead of stdout (atomically: a
                            temporary file in FILE's folder, renamed over FILE)
  --bom                     CSV on stdout: start with a UTF-8 byte-order mark, as Excel
                            needs (with --out the CSV always has one)
  --items                   CSV: add one column per item with its points
  --sheet NAME              .xlsx data: read the sheet NAME (default: the first)
  --header-row N            .xlsx data: the header is row N (default: found by its columns)
  --detail                  JSON: each unit's nodes, every item's points with the lines
                            behind them (without it units carry no nodes); implies
                            --feedback full unless --feedback is given
  --feedback none|summary|full
                            JSON feedback: none (the default); summary, the common
                            problems (共性问题); full, also each unit's problems,
                            highlights and points to the next grade
  --problems N              JSON feedback: individual problems per subject (default: the rubric's feedback.problems); implies --feedback full
  --common SHARE            JSON feedback: common problem share, 0% to 100% or 0 to 1 (default: the rubric's feedback.commonShare); implies --feedback summary
  --ignore COL,...          set these data columns aside (columns no rubric given reads), named on stderr
  --ignore-folder-columns   set aside the columns that the other rubrics of a given rubric file's
                            folder declare (score one version of a folder on the folder's data)
  -q, --quiet               errors only: no notes or warnings on stderr
  -h, --help                this help

--detail, --feedback, --problems and --common shape the JSON (and NDJSON) output:
with --format table or csv they are usage errors. On a terminal, a run that takes
more than about a second shows its progress on stderr (never with --quiet).

Data: a .csv, .xlsx or .json file, or - for stdin; any other name is read by content
(a workbook when it is a zip archive, JSON when it starts with [ or {, CSV otherwise).
CSV is comma-separated, UTF-8 (or GBK, noted on stderr). A workbook's header may sit
below a title row. Data with no subjects is an error.
Data columns: id, name, group (or the columns the rubric's subject: names, e.g.
编号), then each input by name or label. Nested inputs:
  panel scores  leaders.r1, leaders.r2 … (or one cell "80;85;90", "[]" for none)
  votes         votes.好, votes.较好, votes.一般, votes.差, votes.abstain, votes.issued
  periods       monthly.1 … monthly.12
  records       one cell with a JSON list, e.g. [{"case":"c1","sanction":"轻处分"}]`,
  validate: `usage: kaohe validate <rubric file or scheme folder>...

Loads the rubrics (and their test files) and prints every problem, one per line:
  file:line:col  CODE  message
and every warning (a likely mistake that does not stop the rubric from loading):
  warning: file:line:col  CODE  message
Exit 0 when all are valid, warnings or not.

options:
  --format text|json   json: one document on stdout, per file its errors and
                       warnings (README "validate --format json")
  -q, --quiet          errors only: no warnings on stderr`,
  test: `usage: kaohe test <rubric file or scheme folder>...

Runs the test cases written in the rubrics (tests:) and in sibling tests files,
prints each failure with its case name and differences, then a pass/fail count.

options:
  --format text|json   json: one document on stdout, every case with its outcome
                       and differences (README "test --format json")
  --coverage           also measure what the hand-computed cases touch (bands,
                       thresholds, rules, conditions, quotas, ties, items, only)
                       and list each place not touched as file:line:col
                       (docs/testing.md); recorded golden.* files are run, not counted
  --coverage-min N     with --coverage implied: exit 1 when the overall coverage
                       is below N percent (0 to 100)
  -q, --quiet          errors only: print the failed cases, not the passed ones`,
  explain: `usage: kaohe explain <rubric file or scheme folder>... [data] --unit ID [--rubric ID]

Prints one subject's trail: item points and deductions, components, total, raw
grade, each rule, linkage and quota step with its numbers, the final grade and
actions, and its feedback (问题清单). --rubric picks one rubric of a set (default: all).
.xlsx data: --sheet NAME and --header-row N as for score; columns set aside:
--ignore COL,... and --ignore-folder-columns as for score.`,
  draw: `usage: kaohe draw <data.csv|data.xlsx|data.json|-> --count N --seed TEXT [options]

       kaohe draw --hash-only --seed TEXT

Reproducible random selection: the same seed and candidates give the same list.
Commit first: publish the seed's SHA-256 (--hash-only prints it and draws nothing)
before the draw, reveal the seed at the draw; anyone can then check both.

options:
  --count N         how many to draw (a whole number, at least 1)
  --seed TEXT       the seed (e.g. the meeting's date and a number drawn in public)
  --by COLUMN       stratify: each value of COLUMN gets a proportional share
  --id COLUMN       the candidate key column (default id)
  --hash-only       print the seed's SHA-256 only (the commitment); no data, no draw
  --format table|json|csv
  --sheet NAME      .xlsx data: the sheet (default: the first)
  --header-row N    .xlsx data: the header's row (default: the first row with the --id column)
  -q, --quiet       errors only: no notes on stderr

A data row is named as in score: file:N, N counted as a spreadsheet counts rows
(CSV: the header is row 1, the first subject row 2; JSON: the first subject is 1).`,
  report: REPORT_HELP,
  diff: DIFF_HELP,
  schema: `usage: kaohe schema [--tests]

Prints the JSON Schema of the rubric language (with --tests: of a tests file).
Editors use it for completion, e.g. first line of a rubric:
  # yaml-language-server: $schema=./node_modules/kaohe/schema/rubric.schema.json`,
};

const COMMON = { help: { type: "boolean", short: "h" }, quiet: { type: "boolean", short: "q" } } as const;
/** Options of commands that read subject data (.xlsx only). */
const DATA = { sheet: { type: "string" }, "header-row": { type: "string" } } as const;
/** Options of commands that score one rubric of a folder on the folder's data: columns set aside. */
const ASIDE = { ignore: { type: "string" }, "ignore-folder-columns": { type: "boolean" } } as const;
const OPTIONS: Record<string, ParseArgsConfig["options"]> = {
  score: { ...COMMON, ...DATA, ...ASIDE, format: { type: "string" }, out: { type: "string" }, detail: { type: "boolean" }, feedback: { type: "string" }, problems: { type: "string" }, common: { type: "string" }, bom: { type: "boolean" }, items: { type: "boolean" } },
  validate: { ...COMMON, format: { type: "string" } },
  test: { ...COMMON, format: { type: "string" }, coverage: { type: "boolean" }, "coverage-min": { type: "string" } },
  explain: { ...COMMON, ...DATA, ...ASIDE, unit: { type: "string" }, rubric: { type: "string" } },
  draw: { ...COMMON, ...DATA, count: { type: "string" }, seed: { type: "string" }, by: { type: "string" }, id: { type: "string" }, format: { type: "string" }, "hash-only": { type: "boolean" } },
  schema: { ...COMMON, tests: { type: "boolean" } },
  report: { ...COMMON, ...DATA, ...ASIDE, ...REPORT_OPTIONS },
  diff: { ...COMMON, ...DATA, ...DIFF_OPTIONS },
};

/** Problems listed on stderr before "… and N more". */
const MAX_LISTED = 50;

/** A rubric path is a folder or a .yaml/.yml file (any case); anything else is data. */
function isRubricPath(p: string): boolean {
  if (p === "-") return false;
  if (isYaml(p)) return true;
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A whole decimal number written in digits only (no "0x2", "1e3", "" or spaces). */
function wholeNumber(value: string | boolean | undefined): number | undefined {
  if (typeof value !== "string" || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function main(argv: readonly string[], given: Io): number {
  // --lang zh|en, anywhere, for every command; otherwise the environment's locale.
  const taken = takeLang(argv);
  const chosen = taken.lang !== undefined ? localeOfOption(taken.lang) : undefined;
  let io: RunIo = { ...given, locale: chosen ?? localeOfEnv(given.env) };
  if (taken.missing || (taken.lang !== undefined && !chosen)) {
    io.err(`kaohe${io.locale === "zh-CN" ? "：" : ": "}${say(t(taken.missing ? "option-value" : "bad-lang", { option: "--lang", received: taken.lang }), io.locale)}`);
    return 2;
  }
  const help = (name: string) => (io.locale === "zh-CN" ? (HELP_ZH[name] ?? HELP[name]!) : HELP[name]!);
  const [command, ...rest] = taken.rest;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    io.out(help("main"));
    return command ? 0 : 2;
  }
  if (command === "--version" || command === "-v") {
    io.out(version());
    return 0;
  }
  const options = OPTIONS[command];
  if (!options) {
    io.err(say(t("unknown-command", { command }), io.locale));
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(prefixed(io, command, argumentError(e, command)));
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.out(help(command));
    return 0;
  }
  if (values.quiet) io = { ...io, quiet: true };
  try {
    switch (command) {
      case "score":
        return score(parsed.positionals, values, io);
      case "validate":
        return validate(parsed.positionals, values, io);
      case "test":
        return test(parsed.positionals, values, io);
      case "explain":
        return explain(parsed.positionals, values, io);
      case "draw":
        return drawCommand(parsed.positionals, values, io);
      case "report":
        return reportCommand(parsed.positionals, values, io, scoreData);
      case "diff":
        return diffCommand(parsed.positionals, values, io);
      case "schema":
        if (parsed.positionals.length > 0) throw new UsageError(t("schema-args", { args: parsed.positionals }));
        io.out(JSON.stringify(values.tests ? testFileJsonSchema() : rubricJsonSchema(), null, 2));
        return 0;
    }
  } catch (e) {
    if (e instanceof CliError) {
      for (const issue of e.issues.slice(0, MAX_LISTED)) io.err(formatIssue(issue, { locale: io.locale }));
      if (e.issues.length > MAX_LISTED) io.err(say(t("more-problems", { count: e.issues.length - MAX_LISTED }), io.locale));
      io.err(prefixed(io, command, e.text));
      return e instanceof UsageError ? 2 : 1;
    }
    // Never a stack trace: a file system error in words, anything else as an internal error.
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    const code = errnoCode(e);
    if (code && io.locale === "zh-CN") {
      const path = (e as { path?: unknown }).path;
      io.err(prefixed(io, command, `${CAUSES_ZH[code] ?? CAUSES_EN[code] ?? code}${typeof path === "string" ? `（${path}）` : ""}`));
    } else io.err(code ? prefixed(io, command, message ?? code) : prefixed(io, command, t("internal", { message })));
    return 1;
  }
  return 2;
}

/** Options that shape one output format: given with a format they do not shape, a usage error. */
function onlyWithFormat(values: Record<string, string | boolean | undefined>, format: string, options: readonly string[], notWith: readonly string[], shaped: "json"): void {
  if (!notWith.includes(format)) return;
  const given = options.filter((o) => values[o] !== undefined);
  if (given.length > 0) throw new UsageError(t("option-shapes", { options: given.map((o) => `--${o}`), shaped, format }));
}

/**
 * A data row as the CLI names it, the same in score and draw: counted as a
 * spreadsheet counts rows. In CSV the header is row 1, so the first subject is row 2
 * (its row number in Excel); in JSON the first subject is 1.
 *
 * @param position - the subject's 1-indexed position in the data (Issue.row)
 * @param format - the data's format
 */
function dataRow(position: number, format: "csv" | "json"): number {
  return format === "csv" ? position + 1 : position;
}

/** A workbook's data row named by its sheet and spreadsheet row: data.xlsx!评分表!7:7. */
function xlsxRowName(data: Extract<Data, { format: "xlsx" }>, file: string, position: number): string {
  const at = data.workbook.locate(position, undefined);
  return at ? `${file}!${data.workbook.sheet}!${at.cell}` : `${file}:${position}`;
}

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "unknown";
  }
}

/** node:util parseArgs's error (unknown option, missing value...) as a CLI message. */
function argumentError(e: unknown, command: string): CliText | string {
  const message = e instanceof Error ? e.message : String(e);
  // "Option '-h, --help' does not take an argument", "Option '--format <value>' argument missing": the long name.
  const option = /'(-[^']*)'/.exec(message)?.[1]?.split(/,\s*/).at(-1)?.split(" ")[0];
  switch ((e as { code?: unknown } | null)?.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      if (!option) return message;
      // An option of another command "does not apply" to this one; an option of no command is unknown.
      const long = option.replace(/^-+/, "").split("=")[0]!;
      const elsewhere = Object.entries(OPTIONS).filter(([, o]) => o && Object.entries(o).some(([k, v]) => (option.startsWith("--") ? k === long : v.short === long)));
      if (elsewhere.length > 0) return t("option-elsewhere", { option, command, commands: elsewhere.map(([c]) => c) });
      return t("unknown-option", { option, command });
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option ? t(/does not take an argument/.test(message) ? "option-no-value" : "option-value", { option }) : message;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const argument = /'([^']*)'/.exec(message)?.[1];
      return argument !== undefined ? t("unexpected-argument", { argument, command }) : message;
    }
    default:
      return message;
  }
}

function need(paths: readonly string[]): void {
  if (paths.length === 0) throw new UsageError(t("need-rubric"));
}

interface Scored {
  set: RubricSet;
  evaluation: ReturnType<typeof evaluateData>;
  dataFile: string;
  data: Data;
  rubricPaths: readonly string[];
}

/** Columns to set aside while scoring, and why (--ignore, or the other rubrics that declare them); the ones found are noted. */
export interface SetAside {
  readonly columns: readonly string[];
  readonly why: "ignore" | "declared";
  /** The files or rubrics that declare them (why "declared"). */
  readonly by?: readonly string[];
}

export function evaluateData(set: RubricSet, data: Data, dataFile: string, io: RunIo, trail: TrailLevel, aside: readonly SetAside[] = []) {
  // CSV: the table, read by column index (no object per row).
  const rows = data.format === "csv" && data.table ? data.table : data.rows;
  const progress = progressReporter(io);
  const ignoreColumns = [...new Set(aside.flatMap((a) => a.columns))];
  // A large CSV read into shared memory: a second thread reads half of its input columns (io/cells-thread.ts).
  const columnHelper = rows instanceof DataTable ? new CellsThread() : undefined;
  const r = safeAssess(set, rows, { trail, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}), ...(ignoreColumns.length ? { ignoreColumns } : {}), ...(columnHelper ? { columnHelper } : {}) });
  progress.end();
  if (!r.ok) throw new CliError(t("problems-in-data", { count: r.issues.length, file: dataFile }), r.issues.map((i) => withDataFile(i, dataFile, data)));
  // Nothing set aside silently: every column found is named, with why.
  const found = new Set(r.value.setAside ?? []);
  for (const a of aside) {
    const columns = a.columns.filter((c) => found.has(c));
    for (const c of columns) found.delete(c);
    if (columns.length > 0) note(io, t("note-set-aside", { rubric: set.rubrics.map((x) => x.id), columns, why: a.why, by: a.by ?? [] }));
  }
  return r.value;
}

/** Data issues name the data file and its line (CSV: header is line 1), or the workbook's sheet and cell. */
function withDataFile(issue: Issue, file: string, data: Data): Issue {
  if (issue.row === undefined || issue.source) return issue;
  if (data.format === "xlsx") {
    const source = data.workbook.locate(issue.row, issue.field);
    return source ? { ...issue, source } : issue;
  }
  return { ...issue, source: { file, line: dataRow(issue.row, data.format), col: 1 } };
}

/** Read the data, saying on stderr when it was not UTF-8, or where a workbook's header was found. */
export function readDataNoting(file: string, io: RunIo, values: Record<string, string | boolean | undefined>, hints: HeaderHints): Data {
  const xlsx: XlsxReadOptions = { hints, ...(typeof values.sheet === "string" ? { sheet: values.sheet } : {}), ...(values["header-row"] !== undefined ? { headerRow: headerRowOption(values["header-row"]) } : {}) };
  const data = readData(file, io.stdin, xlsx);
  if (data.encoding === "gbk") note(io, t("note-gbk", { file }));
  if (data.format === "xlsx" && data.workbook.detected && data.workbook.headerRow > 1)
    note(io, t("note-header-row", { file, sheet: data.workbook.sheet, row: data.workbook.headerRow }));
  return data;
}

/**
 * Load the rubrics given, read the data and score it. `extraAside` adds columns to set
 * aside (report --compare: the old version's).
 */
export function scoreData(
  positionals: readonly string[],
  io: RunIo,
  trail: TrailLevel,
  values: Record<string, string | boolean | undefined>,
  extraAside?: (set: RubricSet, rubricPaths: readonly string[]) => readonly SetAside[],
): Scored {
  // A path that does not exist is neither a rubric nor data: say so before guessing which.
  for (const p of positionals) if (p !== "-" && !existsSync(p)) throw new CliError(t("no-such-path", { path: p }));
  const data = positionals.filter((p) => !isRubricPath(p));
  const rubricPaths = positionals.filter(isRubricPath);
  need(rubricPaths);
  if (data.length > 1) throw new UsageError(t("one-data-file", { files: data }));
  const scheme = findScheme(rubricPaths);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  for (const w of warnings) note(io, formatIssue(w, { locale: io.locale }));
  const dataFile = data[0] ?? scheme.exampleData;
  if (!dataFile) throw new UsageError(t("no-example"));
  const aside: SetAside[] = [];
  const ignored = ignoreOption(values.ignore, set);
  if (ignored.length > 0) aside.push({ columns: ignored, why: "ignore" });
  if (values["ignore-folder-columns"]) {
    const siblings = folderSiblings(rubricPaths, set);
    for (const f of siblings.unloadable) note(io, t("note-folder-unloadable", { file: f }));
    const other = otherColumns(set, siblings.rubrics);
    if (other.columns.length > 0) aside.push({ columns: other.columns, why: "declared", by: other.by });
  }
  if (extraAside) aside.push(...extraAside(set, rubricPaths));
  const read = readDataNoting(dataFile, io, values, headerHints(set));
  return { set, evaluation: evaluateData(set, read, dataFile, io, trail, aside), dataFile, data: read, rubricPaths };
}

/** --common: a share from 0% to 100% ("30%") or from 0 to 1 ("0.3"). */
function commonShare(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const share = typeof value === "string" ? parseDecimal(value) : undefined;
  if (!share || share.lt(0) || share.gt(1)) throw new UsageError(t("bad-common", { received: String(value) }));
  return String(value);
}

/** --feedback: none, summary or full; undefined when not given. */
function feedbackOption(value: string | boolean | undefined): FeedbackLevel | undefined {
  if (value === undefined) return undefined;
  const level = FEEDBACK_LEVELS.find((l) => l === value);
  if (!level) throw new UsageError(t("bad-feedback", { received: String(value) }));
  return level;
}

function score(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "json", "ndjson", "csv", "xlsx"].includes(format)) throw new UsageError(t("bad-format", { received: format }));
  if (format === "xlsx" && values.out === undefined) throw new UsageError(t("xlsx-needs-out"));
  if (values.bom && format !== "csv") throw new UsageError(t("bom-csv-only"));
  if (values.items && format !== "csv") throw new UsageError(t("items-csv-only", { xlsx: format === "xlsx" }));
  const problems = values.problems === undefined ? undefined : wholeNumber(values.problems);
  if (values.problems !== undefined && problems === undefined) throw new UsageError(t("bad-problems", { received: String(values.problems) }));
  const common = commonShare(values.common);
  const givenFeedback = feedbackOption(values.feedback);
  onlyWithFormat(values, format, ["detail", "feedback", "problems", "common"], ["table", "csv"], "json");
  if (values.out === "") throw new UsageError(t("out-needs-name"));
  const streamed = format === "json" || format === "ndjson";
  // JSON: nodes only with --detail; feedback as asked, else the least that shows what was asked for:
  // full with --detail or --problems, the common problems with --common, else none.
  const feedback: FeedbackLevel = givenFeedback ?? (values.detail || problems !== undefined ? "full" : common !== undefined ? "summary" : "none");
  if (streamed && problems !== undefined && feedback !== "full") throw new UsageError(t("feedback-needs-full", { option: "--problems", feedback }));
  if (streamed && common !== undefined && feedback === "none") throw new UsageError(t("feedback-needs-full", { option: "--common", feedback }));
  // Feedback (JSON's, the workbook's) and the CSV's --items columns need every item's points; the lines only with
  // --detail. Anything else (JSON without nodes or feedback, a CSV without items, the table) needs no trail.
  const needsFeedback = format === "xlsx" || (streamed && feedback !== "none");
  const needsPoints = needsFeedback || (format === "csv" && Boolean(values.items));
  const trail: TrailLevel = values.detail ? "full" : needsPoints ? "points" : "none";
  const { set, evaluation, dataFile } = scoreData(positionals, io, trail, values);
  const entries = evaluation.results.map((result, i) => {
    const rubric = set.rubrics[i]!;
    if (!needsFeedback) return { rubric, result } as { rubric: typeof rubric; result: typeof result; feedback?: Feedback };
    const fb = buildFeedback(rubric, result, { ...(problems !== undefined ? { problems } : {}), ...(common !== undefined ? { commonShare: common } : {}), ...(format !== "xlsx" && feedback === "summary" ? { perSubject: false } : {}) });
    return { rubric, result, feedback: fb };
  });
  if (streamed) {
    const shape = { nodes: Boolean(values.detail), feedback };
    const writeDoc = format === "json" ? writeScoreJson : writeScoreNdjson;
    // JSON ends with a line break, as io.out adds one; each NDJSON line has its own.
    const end = format === "json" ? "\n" : "";
    const writeTo = (sink: { write(chunk: string | Uint8Array): void }) => {
      writeDoc(entries, shape, (chunk) => sink.write(chunk));
      if (end) sink.write(end);
    };
    // A large document's writes run on a second thread while this one makes the next chunks (when a thread can be had).
    const threaded = evaluation.results.reduce((n, r) => n + r.summary.count, 0) >= WRITE_THREAD_FROM;
    const stdoutThread = values.out === undefined && io.write && threaded && io.writeFd !== undefined ? ThreadedWriter.open(io.writeFd) : undefined;
    if (values.out !== undefined) {
      const out = String(values.out);
      const file = openAtomic(out);
      try {
        const thread = threaded ? ThreadedWriter.open(file.fd) : undefined;
        if (thread) {
          try {
            writeTo(thread);
            thread.close();
          } catch (e) {
            thread.abort();
            throw fsError(e, out, "write");
          }
        } else writeTo(file);
        file.commit();
      } finally {
        file.abort();
      }
    } else if (stdoutThread) {
      try {
        writeTo(stdoutThread);
        stdoutThread.close();
      } finally {
        stdoutThread.abort();
      }
    } else if (io.write) writeTo({ write: (chunk) => io.write!(chunk) });
    else {
      const parts: Uint8Array[] = [];
      writeDoc(entries, shape, (chunk) => parts.push(chunk));
      const text = Buffer.concat(parts).toString("utf8");
      io.out(format === "json" ? text : text.replace(/\n$/, ""));
    }
  } else {
    let text: string | Uint8Array;
    if (format === "csv") {
      // Chinese: headers, labels and sentences for people; English: the columns scripts read.
      if (io.locale === "zh-CN" && !values.items) text = entries.map((e, i) => (i === 0 ? scoreCsvZh(e.rubric, e.result) : scoreCsvZh(e.rubric, e.result).split("\r\n").slice(1).join("\r\n"))).join("");
      else text = scoreCsvText(entries, { items: Boolean(values.items) });
    } else if (format === "xlsx") text = resultsWorkbook(entries.map((e) => ({ ...e, feedback: e.feedback! })), { dataFile });
    else text = entries.map((e) => scoreTable(e.rubric, e.result, io.locale)).join("\n\n");
    if (values.out !== undefined) writeFileAtomic(String(values.out), typeof text !== "string" ? text : format === "csv" ? `\ufeff${text}` : `${text}\n`);
    else io.out(format === "csv" && values.bom ? `\ufeff${text as string}` : (text as string));
  }
  for (const w of evaluation.results.flatMap((r) => r.warnings)) note(io, formatIssue(w, { locale: io.locale }));
  return 0;
}

/** --format of validate and test: text (default) or json. */
function textOrJson(values: Record<string, string | boolean | undefined>): "text" | "json" {
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(t("bad-format-text", { received: format }));
  return format;
}

/** JSON that never throws: a BigInt in an issue's params becomes a string. */
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);

/** The rubric (or tests file) problems a CliError carries; anything else is rethrown. */
function issuesOf(e: unknown): readonly Issue[] {
  if (e instanceof CliError && !(e instanceof UsageError) && e.issues.length > 0) return e.issues;
  throw e;
}

function validate(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const format = textOrJson(values);
  need(positionals);
  const scheme = findScheme(positionals);
  if (format === "json") return validateJson(scheme, io);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  const tests = loadTests(scheme.testFiles);
  const cases = tests.length + set.rubrics.reduce((a, r) => a + r.tests.length, 0);
  for (const w of warnings) note(io, formatIssue(w, { locale: io.locale }));
  const rubrics = set.rubrics.map((r) => ({ id: r.id, file: r.file, items: r.items.length }));
  io.out(say(t("validate-ok", { rubrics, cases, warnings: warnings.length }), io.locale));
  return 0;
}

/**
 * `validate --format json` (README): per file its errors and warnings, each the
 * library's Issue key for key, as eslint's JSON formatter gives per file. The rubrics
 * and the tests files are both checked, so one run lists the problems of both.
 */
function validateJson(scheme: Scheme, io: RunIo): number {
  const issues: Issue[] = [];
  let set: RubricSet | undefined;
  try {
    set = loadSet(scheme, issues);
  } catch (e) {
    issues.push(...issuesOf(e));
  }
  let cases = 0;
  try {
    cases = loadTests(scheme.testFiles).length;
  } catch (e) {
    issues.push(...issuesOf(e));
  }
  const files = [...scheme.rubricFiles.map((file) => ({ file, kind: "rubric" })), ...scheme.testFiles.map((file) => ({ file, kind: "tests" }))];
  const known = new Set(files.map((f) => f.file));
  const entry = (file: string | null, kind: string) => {
    const mine = issues.filter((i) => (file === null ? !known.has(i.source?.file ?? "") : i.source?.file === file));
    const errors = mine.filter((i) => i.severity === "error");
    const warnings = mine.filter((i) => i.severity === "warning");
    return { file, kind, errorCount: errors.length, warningCount: warnings.length, errors, warnings };
  };
  const entries = files.map((f) => entry(f.file, f.kind));
  const other = entry(null, "other");
  if (other.errorCount + other.warningCount > 0) entries.push(other);
  const errorCount = entries.reduce((a, f) => a + f.errorCount, 0);
  const warningCount = entries.reduce((a, f) => a + f.warningCount, 0);
  if (set) cases += set.rubrics.reduce((a, r) => a + r.tests.length, 0);
  io.out(
    json({
      ok: errorCount === 0,
      errorCount,
      warningCount,
      files: entries,
      rubrics: set ? set.rubrics.map((r) => ({ id: r.id, file: r.file ?? null, items: r.items.length })) : [],
      testCases: errorCount === 0 ? cases : null,
    }),
  );
  return errorCount === 0 ? 0 : 1;
}

function test(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const format = textOrJson(values);
  const min = coverageMin(values["coverage-min"]);
  const withCoverage = values.coverage === true || min !== undefined;
  need(positionals);
  const scheme = findScheme(positionals);
  let set: RubricSet;
  let inputs;
  try {
    set = loadSet(scheme);
    inputs = loadTests(scheme.testFiles);
  } catch (e) {
    if (format === "text") throw e;
    // JSON: the problems in the document (README "test --format json"), no case run.
    const errors = issuesOf(e);
    io.out(json({ ok: false, passed: 0, failed: 0, cases: [], errors, ...(withCoverage ? { coverage: null, coverageMin: min?.toFixed() ?? null } : {}) }));
    return 1;
  }
  const measured = withCoverage ? runWithCoverage(set, inputs, { counts: (c) => !isGoldenTests(c.source?.file) }) : undefined;
  const report = measured ?? runRubricTests(set, inputs);
  const below = measured !== undefined && min !== undefined && !meetsMinimum(measured.coverage.overall, min);
  if (format === "json") {
    const coverage = measured ? { coverage: measured.coverage, coverageMin: min?.toFixed() ?? null } : {};
    io.out(json({ ok: report.cases.length > 0 && report.failed === 0 && !below, passed: report.passed, failed: report.failed, cases: report.cases, errors: [], ...coverage }));
  } else {
    for (const c of report.cases) {
      const where = c.source ? `${c.source.file}:${c.source.line}:${c.source.col}  ` : "";
      if (c.passed) {
        if (!io.quiet) io.out(say(t("test-passed", { name: c.name }), io.locale));
      } else {
        io.out(say(t("test-failed", { name: c.name, where, rubric: c.rubric }), io.locale));
        for (const d of c.differences) io.out(say(t("test-difference", { path: d.path, expected: JSON.stringify(d.expected), actual: JSON.stringify(d.actual) }), io.locale));
      }
    }
    io.out(say(t("test-count", { passed: report.passed, failed: report.failed }), io.locale));
    if (measured) printCoverage(measured.coverage, inputs, io);
  }
  if (report.cases.length === 0) {
    io.err(say(t("test-none"), io.locale));
    return 1;
  }
  if (report.failed > 0) io.err(say(t("test-some-failed", { failed: report.failed, total: report.cases.length }), io.locale));
  if (below) io.err(say(t("coverage-below", { percent: measured.coverage.overall.percent, min: min!.toFixed() }), io.locale));
  return report.failed > 0 || below ? 1 : 0;
}

/** Recorded cases (golden.tests.yaml, as scripts/record-golden.ts writes them): run as tests, not counted as coverage. */
const isGoldenTests = (file: string | undefined): boolean => file !== undefined && /^golden\./i.test(basename(file));

/** --coverage-min: a percentage from 0 to 100 ("90", "92.5", "90%"). */
function coverageMin(value: string | boolean | undefined): Dec | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === "string" ? value.trim().replace(/%$/, "") : "";
  const n = /^\d+(\.\d+)?$/.test(text) ? parseDecimal(text) : undefined;
  if (!n || n.gt(100)) throw new UsageError(t("bad-coverage-min", { received: String(value) }));
  return n;
}

/** The coverage summary: per rubric its figures, per kind, and each place not touched; then the overall figure. */
function printCoverage(coverage: CoverageReport, inputs: readonly { readonly source?: { readonly file?: string } }[], io: RunIo): void {
  const skipped = [...new Set(inputs.map((c) => c.source?.file).filter((f): f is string => isGoldenTests(f)))];
  io.out(say(t("coverage-title", { skipped }), io.locale));
  for (const r of coverage.rubrics) {
    io.out(say(t("coverage-rubric", { rubric: r.rubric, file: r.file, percent: r.overall.percent, covered: r.overall.covered, total: r.overall.total, cases: r.cases }), io.locale));
    const kinds = Object.entries(r.byKind).filter(([, c]) => c.total > 0).map(([kind, c]) => ({ kind, covered: c.covered, total: c.total }));
    io.out(say(t("coverage-kinds", { kinds }), io.locale));
    for (const x of r.targets.filter((x) => !x.covered)) {
      const where = x.source ? `${x.source.file ?? r.file ?? ""}:${x.source.line}:${x.source.col}` : (r.file ?? r.rubric);
      io.out(say(t("coverage-uncovered", { where, kind: x.kind, id: x.id, outcome: x.outcome, value: x.value, step: x.step, side: x.side }), io.locale));
    }
  }
  io.out(say(t("coverage-overall", { percent: coverage.overall.percent, covered: coverage.overall.covered, total: coverage.overall.total }), io.locale));
}

function explain(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const unitId = values.unit as string | undefined;
  if (!unitId) throw new UsageError(t("need-unit"));
  const { set, evaluation } = scoreData(positionals, io, "full", values);
  const parts: string[] = [];
  evaluation.results.forEach((result, i) => {
    if (values.rubric && result.rubric.id !== values.rubric) return;
    const text = explainSubject(set.rubrics[i]!, result, unitId, { locale: io.locale });
    if (text === undefined) throw new CliError(t("no-subject", { id: unitId }));
    parts.push(text);
  });
  if (parts.length === 0) throw new CliError(t("no-rubric-id", { id: String(values.rubric) }));
  io.out(parts.join("\n\n"));
  return 0;
}

function drawCommand(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const format = (values.format as string | undefined) ?? "table";
  if (values["hash-only"]) return hashOnly(positionals, values, format, io);
  if (positionals.length !== 1) throw new UsageError(t("draw-one-file"));
  const count = wholeNumber(values.count);
  if (count === undefined || count < 1) throw new UsageError(t("draw-count", values.count === undefined ? {} : { received: String(values.count) }));
  if (typeof values.seed !== "string" || values.seed === "") throw new UsageError(t("draw-seed"));
  const idColumn = (values.id as string | undefined) ?? "id";
  const by = values.by as string | undefined;
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(t("bad-format-draw", { received: format }));
  const data = readDataNoting(positionals[0]!, io, values, { idColumns: [idColumn], inputColumns: [] });
  const { rows } = data;
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = data.format === "xlsx" ? xlsxRowName(data, positionals[0]!, i + 1) : `${positionals[0]}:${dataRow(i + 1, data.format)}`;
    if (r[idColumn] === undefined || String(r[idColumn]).trim() === "") throw new CliError(t("draw-row-missing", { at, column: idColumn }));
    if (by && (r[by] === undefined || String(r[by]).trim() === "")) throw new CliError(t("draw-row-missing", { at, column: by }));
    // The library refuses these too (in English): said here in the language of the run.
    const key = String(r[idColumn]);
    if (seen.has(key)) throw new CliError(t("draw-key-twice", { key }));
    seen.add(key);
  });
  if (count > rows.length) throw new CliError(t("draw-too-many", { count, size: rows.length }));
  let result;
  try {
    result = draw(rows, { count, seed: values.seed, key: (r) => String(r[idColumn]), ...(by ? { stratum: (r: SubjectData) => String(r[by]) } : {}) });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const columns = Object.keys(rows[0] ?? { [idColumn]: "" });
  if (format === "json") {
    io.out(JSON.stringify({ seedSha256: result.seedSha256, count, ...(result.strata ? { strata: result.strata } : {}), selected: result.selected }, null, 2));
  } else if (format === "csv") {
    io.out(writeCsv(["order", ...columns], result.selected.map((r, i) => [String(i + 1), ...columns.map((c) => String(r[c] ?? ""))])).trimEnd());
  } else {
    io.out(say(t("draw-seed-hash", { hash: result.seedSha256 }), io.locale));
    if (result.strata) io.out(say(t("draw-strata", { by, strata: result.strata }), io.locale));
    const shown = [idColumn, "name", "group", ...(by ? [by] : [])].filter((c, i, all) => columns.includes(c) && all.indexOf(c) === i);
    io.out(table(["#", ...shown], result.selected.map((r, i) => [String(i + 1), ...shown.map((c) => String(r[c] ?? ""))])));
  }
  return 0;
}

/**
 * `draw --hash-only --seed TEXT`: the commitment alone. The seed's SHA-256 is
 * published before the draw; the data, the count and the strata play no part in it,
 * so giving them is a usage error rather than something silently ignored.
 */
function hashOnly(positionals: readonly string[], values: Record<string, string | boolean | undefined>, format: string, io: RunIo): number {
  const options = ["count", "by", "id"].filter((o) => values[o] !== undefined).map((o) => `--${o}`);
  if (positionals.length > 0 || options.length > 0) throw new UsageError(t("hash-only-extra", { files: positionals, options }));
  if (format !== "table" && format !== "json") throw new UsageError(t("bad-format-hash-only", { received: format }));
  if (typeof values.seed !== "string" || values.seed === "") throw new UsageError(t("hash-only-seed"));
  const sha256 = seedCommitment(values.seed);
  io.out(format === "json" ? json({ seedSha256: sha256 }) : sha256);
  return 0;
}
