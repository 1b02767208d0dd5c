/**
 * kaohe: the command line. A thin shell over the library: reading files, parsing
 * arguments and printing live here; the engine stays pure.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { draw } from "../draw/draw.js";
import { buildFeedback } from "../report/feedback.js";
import { formatIssue, rubricJsonSchema, runRubricTests, safeAssess, testFileJsonSchema, type Issue, type RubricSet, type SubjectData, type TrailLevel } from "../index.js";
import { parseDecimal } from "../engine/decimal.js";
import { writeCsv } from "./csv.js";
import { CliError, errnoCode, UsageError } from "./errors.js";
import { findScheme, isYaml, loadSet, loadTests, readData } from "./load.js";
import { explainText, scoreCsv, scoreDocument, scoreTable, table } from "./output.js";
import { writeFileAtomic } from "./write.js";
import { REPORT_HELP, REPORT_OPTIONS, reportCommand } from "./report.js";

/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin(): Buffer;
  isTty: boolean;
}

const HELP: Record<string, string> = {
  main: `kaohe: Party-building assessments (党建考核) from declarative rubric YAML

usage: kaohe <command> [options]

commands:
  score     score subjects and print grades, ranks and reasons
  validate  check rubric files and print every problem as file:line:col CODE message
  test      run the rubric's own test cases
  explain   print one subject's full trail and feedback
  report    the printable report (考核结果通报, one 反馈单 per unit) as one HTML file
  draw      reproducible random selection (述职名单, 三随机)
  schema    print the JSON Schema of the rubric language

Run "kaohe <command> --help" for a command's options.`,
  score: `usage: kaohe score <rubric file or scheme folder>... [data.csv|data.json|-] [options]

Scores every subject with the rubrics (linked rubrics are evaluated in dependency
order). Without a data file, a scheme folder's example.csv is scored.

options:
  --format table|json|csv   output format (default table)
  --out FILE                write the output to FILE instead of stdout (atomically: a
                            temporary file in FILE's folder, renamed over FILE)
  --detail                  JSON: include the lines behind every item's points
  --problems N              feedback: individual problems per subject (default: the rubric's feedback.problems)
  --common SHARE            feedback: common problem share, 0% to 100% or 0 to 1 (default: the rubric's feedback.commonShare)
  -h, --help                this help

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
Exit 0 when all are valid, warnings or not.`,
  test: `usage: kaohe test <rubric file or scheme folder>...

Runs the test cases written in the rubrics (tests:) and in sibling tests files,
prints each failure with its case name and differences, then a pass/fail count.`,
  explain: `usage: kaohe explain <rubric file or scheme folder>... [data] --unit ID [--rubric ID]

Prints one subject's trail: item points and deductions, components, total, raw
grade, each rule, linkage and quota step with its numbers, the final grade and
actions, and its feedback (问题清单). --rubric picks one rubric of a set (default: all).`,
  draw: `usage: kaohe draw <data.csv|data.json|-> --count N --seed TEXT [options]

Reproducible random selection: the same seed and candidates give the same list.
Publish the printed SHA-256 of the seed before the draw to commit to it.

options:
  --count N         how many to draw (a whole number, at least 1)
  --seed TEXT       the seed (e.g. the meeting's date and a number drawn in public)
  --by COLUMN       stratify: each value of COLUMN gets a proportional share
  --id COLUMN       the candidate key column (default id)
  --format table|json|csv`,
  report: REPORT_HELP,
  schema: `usage: kaohe schema [--tests]

Prints the JSON Schema of the rubric language (with --tests: of a tests file).
Editors use it for completion, e.g. first line of a rubric:
  # yaml-language-server: $schema=./node_modules/kaohe/schema/rubric.schema.json`,
};

const COMMON = { help: { type: "boolean", short: "h" } } as const;
const OPTIONS: Record<string, ParseArgsConfig["options"]> = {
  score: { ...COMMON, format: { type: "string" }, out: { type: "string" }, detail: { type: "boolean" }, problems: { type: "string" }, common: { type: "string" } },
  validate: { ...COMMON },
  test: { ...COMMON },
  explain: { ...COMMON, unit: { type: "string" }, rubric: { type: "string" } },
  draw: { ...COMMON, count: { type: "string" }, seed: { type: "string" }, by: { type: "string" }, id: { type: "string" }, format: { type: "string" } },
  schema: { ...COMMON, tests: { type: "boolean" } },
  report: { ...COMMON, ...REPORT_OPTIONS },
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
    io.err(`kaohe ${command}: ${(e as Error).message}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.out(HELP[command]!);
    return 0;
  }
  try {
    switch (command) {
      case "score":
        return score(parsed.positionals, values, io);
      case "validate":
        return validate(parsed.positionals, io);
      case "test":
        return test(parsed.positionals, io);
      case "explain":
        return explain(parsed.positionals, values, io);
      case "draw":
        return drawCommand(parsed.positionals, values, io);
      case "report":
        return reportCommand(parsed.positionals, values, io, scoreData);
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
  const progress = rows.length > 10_000 && io.isTty ? (done: number, total: number, rubric: string) => io.err(`\r${rubric}: ${done}/${total}`) : undefined;
  const r = safeAssess(set, rows, { trail, ...(progress ? { onProgress: progress } : {}) });
  if (progress) io.err("\n");
  if (!r.ok) throw new CliError(`${r.issues.length} problem(s) in ${dataFile}`, r.issues.map((i) => withDataFile(i, dataFile, format)));
  return r.value;
}

/** Data issues name the data file and its line (CSV: header is line 1). */
function withDataFile(issue: Issue, file: string, format: "csv" | "json"): Issue {
  if (issue.row === undefined || issue.source) return issue;
  const line = format === "csv" ? issue.row + 1 : issue.row;
  return { ...issue, source: { file, line, col: 1 } };
}

/** Read the data, saying on stderr when it was not UTF-8. */
function readDataNoting(file: string, io: Io): ReturnType<typeof readData> {
  const data = readData(file, io.stdin);
  if (data.encoding === "gbk") io.err(`note: ${file === "-" ? "stdin" : file} is not UTF-8; read as GBK`);
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
  for (const w of warnings) io.err(formatIssue(w));
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
  for (const w of evaluation.results.flatMap((r) => r.warnings)) io.err(formatIssue(w));
  return 0;
}

function validate(positionals: readonly string[], io: Io): number {
  need(positionals, "a rubric file or a scheme folder");
  const scheme = findScheme(positionals);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  const tests = loadTests(scheme.testFiles);
  const cases = tests.length + set.rubrics.reduce((a, r) => a + r.tests.length, 0);
  for (const w of warnings) io.err(formatIssue(w));
  io.out(`ok: ${set.rubrics.map((r) => `${r.id} (${r.file}, ${r.items.length} items)`).join(", ")}${cases ? `; ${cases} test case(s)` : ""}${warnings.length ? `; ${warnings.length} warning(s)` : ""}`);
  return 0;
}

function test(positionals: readonly string[], io: Io): number {
  need(positionals, "a rubric file or a scheme folder");
  const scheme = findScheme(positionals);
  const set = loadSet(scheme);
  const report = runRubricTests(set, loadTests(scheme.testFiles));
  for (const c of report.cases) {
    const where = c.source ? `${c.source.file}:${c.source.line}:${c.source.col}  ` : "";
    if (c.passed) io.out(`  ✓ ${c.name}`);
    else {
      io.out(`  ✗ ${c.name}  (${where}rubric ${c.rubric})`);
      for (const d of c.differences) io.out(`      ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
    }
  }
  io.out(`${report.passed} passed, ${report.failed} failed`);
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
  if (positionals.length !== 1) throw new UsageError("give one data file (CSV or JSON, or - for stdin)");
  const count = wholeNumber(values.count);
  if (count === undefined || count < 1) throw new UsageError(`give --count N (a whole number, at least 1)${values.count === undefined ? "" : `, got "${String(values.count)}"`}`);
  if (typeof values.seed !== "string" || values.seed === "") throw new UsageError("give --seed TEXT; kaohe never draws without a seed");
  const idColumn = (values.id as string | undefined) ?? "id";
  const by = values.by as string | undefined;
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(`--format must be table, json or csv, got ${format}`);
  const { rows } = readDataNoting(positionals[0]!, io);
  rows.forEach((r, i) => {
    if (r[idColumn] === undefined || String(r[idColumn]).trim() === "") throw new CliError(`${positionals[0]}: row ${i + 1} has no "${idColumn}"`);
    if (by && (r[by] === undefined || String(r[by]).trim() === "")) throw new CliError(`${positionals[0]}: row ${i + 1} has no "${by}"`);
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
