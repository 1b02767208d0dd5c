/**
 * kaohe: the command line. A thin shell over the library: reading files, parsing
 * arguments and printing live here; the engine stays pure.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { draw } from "../draw/draw.js";
import { buildFeedback } from "../report/feedback.js";
import { formatIssue, rubricJsonSchema, runRubricTests, safeAssess, seedCommitment, testFileJsonSchema, type Issue, type RubricSet, type SubjectData, type TrailLevel } from "../index.js";
import { parseDecimal } from "../engine/decimal.js";
import { writeCsv } from "./csv.js";
import { CliError, errnoCode, UsageError } from "./errors.js";
import { findScheme, isYaml, loadSet, loadTests, readData, type Scheme } from "./load.js";
import { explainText, scoreCsv, scoreDocument, scoreTable, table } from "./output.js";
import { writeFileAtomic } from "./write.js";

/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin(): Buffer;
  isTty: boolean;
  /** --quiet: notes and warnings are not written to stderr (errors always are). */
  quiet?: boolean;
}

/** A note or a warning on stderr; silent with --quiet. Errors go to io.err directly. */
function note(io: Io, text: string): void {
  if (!io.quiet) io.err(text);
}

const HELP: Record<string, string> = {
  main: `kaohe: Party-building assessments (党建考核) from declarative rubric YAML

usage: kaohe <command> [options]

commands:
  score     score subjects and print grades, ranks and reasons
  validate  check rubric files and print every problem as file:line:col CODE message
  test      run the rubric's own test cases
  explain   print one subject's full trail and feedback
  draw      reproducible random selection (述职名单, 三随机)
  schema    print the JSON Schema of the rubric language

Run "kaohe <command> --help" for a command's options. Every command takes
-q, --quiet (errors only: no notes or warnings on stderr) and -h, --help.`,
  score: `usage: kaohe score <rubric file or scheme folder>... [data.csv|data.json|-] [options]

Scores every subject with the rubrics (linked rubrics are evaluated in dependency
order). Without a data file, a scheme folder's example.csv is scored.

options:
  --format table|json|csv   output format (default table)
  --out FILE                write the output to FILE instead of stdout (atomically: a
                            temporary file in FILE's folder, renamed over FILE)
  --detail                  JSON: include the lines behind every item's points
  --problems N              JSON feedback: individual problems per subject (default: the rubric's feedback.problems)
  --common SHARE            JSON feedback: common problem share, 0% to 100% or 0 to 1 (default: the rubric's feedback.commonShare)
  -q, --quiet               errors only: no notes or warnings on stderr
  -h, --help                this help

--detail, --problems and --common shape the JSON output: with --format table or
csv they are usage errors.

Data: a .csv or .json file, or - for stdin; any other name is read by content (JSON
when it starts with [ or {, CSV otherwise). CSV is comma-separated, UTF-8 (or GBK,
noted on stderr). Data with no subjects is an error.
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
  -q, --quiet          errors only: print the failed cases, not the passed ones`,
  explain: `usage: kaohe explain <rubric file or scheme folder>... [data] --unit ID [--rubric ID]

Prints one subject's trail: item points and deductions, components, total, raw
grade, each rule, linkage and quota step with its numbers, the final grade and
actions, and its feedback (问题清单). --rubric picks one rubric of a set (default: all).`,
  draw: `usage: kaohe draw <data.csv|data.json|-> --count N --seed TEXT [options]

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
  -q, --quiet       errors only: no notes on stderr

A data row is named as in score: file:N, N counted as a spreadsheet counts rows
(CSV: the header is row 1, the first subject row 2; JSON: the first subject is 1).`,
  schema: `usage: kaohe schema [--tests]

Prints the JSON Schema of the rubric language (with --tests: of a tests file).
Editors use it for completion, e.g. first line of a rubric:
  # yaml-language-server: $schema=./node_modules/kaohe/schema/rubric.schema.json`,
};

const COMMON = { help: { type: "boolean", short: "h" }, quiet: { type: "boolean", short: "q" } } as const;
const OPTIONS: Record<string, ParseArgsConfig["options"]> = {
  score: { ...COMMON, format: { type: "string" }, out: { type: "string" }, detail: { type: "boolean" }, problems: { type: "string" }, common: { type: "string" } },
  validate: { ...COMMON, format: { type: "string" } },
  test: { ...COMMON, format: { type: "string" } },
  explain: { ...COMMON, unit: { type: "string" }, rubric: { type: "string" } },
  draw: { ...COMMON, count: { type: "string" }, seed: { type: "string" }, by: { type: "string" }, id: { type: "string" }, format: { type: "string" }, "hash-only": { type: "boolean" } },
  schema: { ...COMMON, tests: { type: "boolean" } },
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

export function main(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    io.out(HELP.main!);
    return command ? 0 : 2;
  }
  if (command === "--version" || command === "-v") {
    io.out(version());
    return 0;
  }
  const options = OPTIONS[command];
  if (!options) {
    io.err(`kaohe: unknown command "${command}"; run kaohe --help`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`kaohe ${command}: ${optionError(command, e)}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.out(HELP[command]!);
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
      case "schema":
        if (parsed.positionals.length > 0) throw new UsageError(`schema takes no arguments, got ${parsed.positionals.join(" ")}; see --help`);
        io.out(JSON.stringify(values.tests ? testFileJsonSchema() : rubricJsonSchema(), null, 2));
        return 0;
    }
  } catch (e) {
    if (e instanceof CliError) {
      for (const issue of e.issues.slice(0, MAX_LISTED)) io.err(formatIssue(issue));
      if (e.issues.length > MAX_LISTED) io.err(`… and ${e.issues.length - MAX_LISTED} more problem(s)`);
      io.err(`kaohe ${command}: ${e.message}`);
      return e instanceof UsageError ? 2 : 1;
    }
    // Never a stack trace: a file system error in words, anything else as an internal error.
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    io.err(errnoCode(e) ? `kaohe ${command}: ${message}` : `kaohe ${command}: internal error: ${message} (please report it)`);
    return 1;
  }
  return 2;
}

/**
 * A parseArgs error in one line: an option of another command "does not apply" to
 * this one, an option of no command is unknown; both point at --help.
 */
function optionError(command: string, e: unknown): string {
  const { code, message } = e as { code?: string; message?: string };
  const name = /'(-[^'\s]+)/.exec(message ?? "")?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && name) {
    const long = name.replace(/^-+/, "").split("=")[0]!;
    const elsewhere = Object.entries(OPTIONS).filter(([, o]) => o && Object.entries(o).some(([k, v]) => (name.startsWith("--") ? k === long : v.short === long)));
    if (elsewhere.length > 0) return `${name} does not apply to ${command} (it is an option of ${elsewhere.map(([c]) => c).join(", ")}); see kaohe ${command} --help`;
    return `unknown option ${name}; see kaohe ${command} --help`;
  }
  return `${String(message ?? e).split("\n")[0]}; see kaohe ${command} --help`;
}

/** Options that shape one output format: given with a format they do not shape, a usage error. */
function onlyWithFormat(values: Record<string, string | boolean | undefined>, format: string, options: readonly string[], notWith: readonly string[], shaped: string): void {
  if (!notWith.includes(format)) return;
  const given = options.filter((o) => values[o] !== undefined);
  if (given.length > 0) throw new UsageError(`${given.map((o) => `--${o}`).join(", ")} ${given.length > 1 ? "shape" : "shapes"} ${shaped}; ${given.length > 1 ? "they do" : "it does"} not apply to --format ${format}`);
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

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
  } catch {
    return "unknown";
  }
}

function need(paths: readonly string[], what: string): void {
  if (paths.length === 0) throw new UsageError(`give ${what}; see --help`);
}

interface Scored {
  set: RubricSet;
  evaluation: ReturnType<typeof evaluateData>;
  dataFile: string;
}

function evaluateData(set: RubricSet, rows: SubjectData[], dataFile: string, format: "csv" | "json", io: Io, trail: TrailLevel) {
  const progress = rows.length > 10_000 && io.isTty && !io.quiet ? (done: number, total: number, rubric: string) => io.err(`\r${rubric}: ${done}/${total}`) : undefined;
  const r = safeAssess(set, rows, { trail, ...(progress ? { onProgress: progress } : {}) });
  if (progress) io.err("\n");
  if (!r.ok) throw new CliError(`${r.issues.length} problem(s) in ${dataFile}`, r.issues.map((i) => withDataFile(i, dataFile, format)));
  return r.value;
}

/** Data issues name the data file and its line (CSV: header is line 1). */
function withDataFile(issue: Issue, file: string, format: "csv" | "json"): Issue {
  if (issue.row === undefined || issue.source) return issue;
  return { ...issue, source: { file, line: dataRow(issue.row, format), col: 1 } };
}

/** Read the data, saying on stderr when it was not UTF-8. */
function readDataNoting(file: string, io: Io): ReturnType<typeof readData> {
  const data = readData(file, io.stdin);
  if (data.encoding === "gbk") note(io, `note: ${file === "-" ? "stdin" : file} is not UTF-8; read as GBK`);
  return data;
}

function scoreData(positionals: readonly string[], io: Io, trail: TrailLevel): Scored {
  // A path that does not exist is neither a rubric nor data: say so before guessing which.
  for (const p of positionals) if (p !== "-" && !existsSync(p)) throw new CliError(`cannot open ${p}: no such file or folder`);
  const data = positionals.filter((p) => !isRubricPath(p));
  const rubricPaths = positionals.filter(isRubricPath);
  need(rubricPaths, "a rubric file or a scheme folder");
  if (data.length > 1) throw new UsageError(`give one data file, got ${data.join(", ")}`);
  const scheme = findScheme(rubricPaths);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  for (const w of warnings) note(io, formatIssue(w));
  const dataFile = data[0] ?? scheme.exampleData;
  if (!dataFile) throw new UsageError("give a data file (CSV or JSON); the folder has no example.csv");
  const { rows, format } = readDataNoting(dataFile, io);
  return { set, evaluation: evaluateData(set, rows, dataFile, format, io, trail), dataFile };
}

/** --common: a share from 0% to 100% ("30%") or from 0 to 1 ("0.3"). */
function commonShare(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const share = typeof value === "string" ? parseDecimal(value) : undefined;
  if (!share || share.lt(0) || share.gt(1)) throw new UsageError(`--common must be a share from 0% to 100% (e.g. 30% or 0.3), got ${String(value)}`);
  return String(value);
}

function score(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: Io): number {
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(`--format must be table, json or csv, got ${format}`);
  const problems = values.problems === undefined ? undefined : wholeNumber(values.problems);
  if (values.problems !== undefined && problems === undefined) throw new UsageError(`--problems must be a whole number, got "${String(values.problems)}"`);
  const common = commonShare(values.common);
  onlyWithFormat(values, format, ["detail", "problems", "common"], ["table", "csv"], "the JSON output");
  // Feedback needs every item's points; the lines only with --detail.
  const { set, evaluation } = scoreData(positionals, io, values.detail ? "full" : "points");
  const entries = evaluation.results.map((result, i) => {
    const rubric = set.rubrics[i]!;
    const feedback = buildFeedback(rubric, result, { ...(problems !== undefined ? { problems } : {}), ...(common !== undefined ? { commonShare: common } : {}) });
    return { rubric, result, feedback };
  });
  let text: string;
  if (format === "json") text = JSON.stringify(scoreDocument(entries), null, 2);
  else if (format === "csv") text = entries.map((e, i) => (i === 0 ? scoreCsv(e.result) : scoreCsv(e.result).split("\r\n").slice(1).join("\r\n"))).join("");
  else text = entries.map((e) => scoreTable(e.result)).join("\n\n");
  if (values.out !== undefined) {
    if (values.out === "") throw new UsageError("--out needs a file name");
    writeFileAtomic(String(values.out), format === "csv" ? `\ufeff${text}` : `${text}\n`);
  }
  else io.out(text);
  for (const w of evaluation.results.flatMap((r) => r.warnings)) note(io, formatIssue(w));
  return 0;
}

/** --format of validate and test: text (default) or json. */
function textOrJson(values: Record<string, string | boolean | undefined>): "text" | "json" {
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, got ${format}`);
  return format;
}

/** JSON that never throws: a BigInt in an issue's params becomes a string. */
const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);

/** The rubric (or tests file) problems a CliError carries; anything else is rethrown. */
function issuesOf(e: unknown): readonly Issue[] {
  if (e instanceof CliError && !(e instanceof UsageError) && e.issues.length > 0) return e.issues;
  throw e;
}

function validate(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: Io): number {
  const format = textOrJson(values);
  need(positionals, "a rubric file or a scheme folder");
  const scheme = findScheme(positionals);
  if (format === "json") return validateJson(scheme, io);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  const tests = loadTests(scheme.testFiles);
  const cases = tests.length + set.rubrics.reduce((a, r) => a + r.tests.length, 0);
  for (const w of warnings) note(io, formatIssue(w));
  io.out(`ok: ${set.rubrics.map((r) => `${r.id} (${r.file}, ${r.items.length} items)`).join(", ")}${cases ? `; ${cases} test case(s)` : ""}${warnings.length ? `; ${warnings.length} warning(s)` : ""}`);
  return 0;
}

/**
 * `validate --format json` (README): per file its errors and warnings, each the
 * library's Issue key for key, as eslint's JSON formatter gives per file. The rubrics
 * and the tests files are both checked, so one run lists the problems of both.
 */
function validateJson(scheme: Scheme, io: Io): number {
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

function test(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: Io): number {
  const format = textOrJson(values);
  need(positionals, "a rubric file or a scheme folder");
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
    io.out(json({ ok: false, passed: 0, failed: 0, cases: [], errors }));
    return 1;
  }
  const report = runRubricTests(set, inputs);
  if (format === "json") io.out(json({ ok: report.cases.length > 0 && report.failed === 0, passed: report.passed, failed: report.failed, cases: report.cases, errors: [] }));
  else {
    for (const c of report.cases) {
      const where = c.source ? `${c.source.file}:${c.source.line}:${c.source.col}  ` : "";
      if (c.passed) {
        if (!io.quiet) io.out(`  ✓ ${c.name}`);
      } else {
        io.out(`  ✗ ${c.name}  (${where}rubric ${c.rubric})`);
        for (const d of c.differences) io.out(`      ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
      }
    }
    io.out(`${report.passed} passed, ${report.failed} failed`);
  }
  if (report.cases.length === 0) {
    io.err("kaohe test: no test cases found (add tests: to the rubric or a tests.yaml beside it)");
    return 1;
  }
  if (report.failed > 0) io.err(`kaohe test: ${report.failed} of ${report.cases.length} case(s) failed`);
  return report.failed > 0 ? 1 : 0;
}

function explain(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: Io): number {
  const unitId = values.unit as string | undefined;
  if (!unitId) throw new UsageError("give --unit ID");
  const { set, evaluation } = scoreData(positionals, io, "full");
  const parts: string[] = [];
  evaluation.results.forEach((result, i) => {
    if (values.rubric && result.rubric.id !== values.rubric) return;
    const u = result.units.find((x) => x.id === unitId);
    if (!u) throw new CliError(`no subject "${unitId}" in the data`);
    const feedback = buildFeedback(set.rubrics[i]!, result);
    parts.push(explainText(result, u, feedback.subjects.find((f) => f.id === unitId), feedback.common));
  });
  if (parts.length === 0) throw new CliError(`no rubric "${String(values.rubric)}" in the set`);
  io.out(parts.join("\n\n"));
  return 0;
}

function drawCommand(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: Io): number {
  const format = (values.format as string | undefined) ?? "table";
  if (values["hash-only"]) return hashOnly(positionals, values, format, io);
  if (positionals.length !== 1) throw new UsageError("give one data file (CSV or JSON, or - for stdin)");
  const count = wholeNumber(values.count);
  if (count === undefined || count < 1) throw new UsageError(`give --count N (a whole number, at least 1)${values.count === undefined ? "" : `, got "${String(values.count)}"`}`);
  if (typeof values.seed !== "string" || values.seed === "") throw new UsageError("give --seed TEXT; kaohe never draws without a seed");
  const idColumn = (values.id as string | undefined) ?? "id";
  const by = values.by as string | undefined;
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(`--format must be table, json or csv, got ${format}`);
  const { rows, format: dataFormat } = readDataNoting(positionals[0]!, io);
  rows.forEach((r, i) => {
    const at = `${positionals[0]}:${dataRow(i + 1, dataFormat)}`;
    if (r[idColumn] === undefined || String(r[idColumn]).trim() === "") throw new CliError(`${at}: the row has no "${idColumn}"`);
    if (by && (r[by] === undefined || String(r[by]).trim() === "")) throw new CliError(`${at}: the row has no "${by}"`);
  });
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
    io.out(`seed SHA-256: ${result.seedSha256}`);
    if (result.strata) io.out(`strata (${by}): ${result.strata.map((s) => `${s.name} ${s.drawn}/${s.size}`).join(", ")}`);
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
function hashOnly(positionals: readonly string[], values: Record<string, string | boolean | undefined>, format: string, io: Io): number {
  const extra = ["count", "by", "id"].filter((o) => values[o] !== undefined).map((o) => `--${o}`);
  if (positionals.length > 0) extra.unshift(`the data file ${positionals.join(" ")}`);
  if (extra.length > 0) throw new UsageError(`--hash-only prints the seed's SHA-256 and draws nothing: ${extra.join(", ")} ${extra.length > 1 ? "do" : "does"} not apply`);
  if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json with --hash-only, got ${format}`);
  if (typeof values.seed !== "string" || values.seed === "") throw new UsageError("give --seed TEXT: --hash-only prints its SHA-256");
  const sha256 = seedCommitment(values.seed);
  io.out(format === "json" ? json({ seedSha256: sha256 }) : sha256);
  return 0;
}
