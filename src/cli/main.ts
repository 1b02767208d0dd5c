/**
 * kaohe: the command line. A thin shell over the library: reading files, parsing
 * arguments and printing live here; the engine stays pure.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { draw } from "../draw/draw.js";
import { buildFeedback } from "../report/feedback.js";
import { explainSubject } from "../report/explain.js";
import { formatIssue, rubricJsonSchema, runRubricTests, safeAssess, testFileJsonSchema, type Issue, type RubricSet, type SubjectData, type TrailLevel } from "../index.js";
import type { Locale } from "../diagnostics/locale.js";
import { parseDecimal } from "../engine/decimal.js";
import { writeCsv } from "./csv.js";
import { scoreCsvZh, scoreTable } from "./display.js";
import { CliError, errnoCode, UsageError } from "./errors.js";
import { HELP_ZH } from "./help.zh-CN.js";
import { findScheme, isYaml, loadSet, loadTests, readData } from "./load.js";
import { localeOfEnv, localeOfOption, takeLang } from "./locale.js";
import { CAUSES_EN, say, t, type CliText } from "./messages.js";
import { CAUSES_ZH } from "./messages.zh-CN.js";
import { scoreCsv, scoreDocument, table } from "./output.js";
import { writeFileAtomic } from "./write.js";

/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdin(): Buffer;
  isTty: boolean;
  /** The environment whose LC_ALL, LC_MESSAGES or LANG choose the language (none: English). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** An Io with the language of the run. */
interface RunIo extends Io {
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
  const io: RunIo = { ...given, locale: chosen ?? localeOfEnv(given.env) };
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
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return option ? t("unknown-option", { option, command }) : message;
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
}

function evaluateData(set: RubricSet, rows: SubjectData[], dataFile: string, format: "csv" | "json", io: RunIo, trail: TrailLevel) {
  const progress = rows.length > 10_000 && io.isTty ? (done: number, total: number, rubric: string) => io.err(`\r${rubric}: ${done}/${total}`) : undefined;
  const r = safeAssess(set, rows, { trail, ...(progress ? { onProgress: progress } : {}) });
  if (progress) io.err("\n");
  if (!r.ok) throw new CliError(t("problems-in-data", { count: r.issues.length, file: dataFile }), r.issues.map((i) => withDataFile(i, dataFile, format)));
  return r.value;
}

/** Data issues name the data file and its line (CSV: header is line 1). */
function withDataFile(issue: Issue, file: string, format: "csv" | "json"): Issue {
  if (issue.row === undefined || issue.source) return issue;
  const line = format === "csv" ? issue.row + 1 : issue.row;
  return { ...issue, source: { file, line, col: 1 } };
}

/** Read the data, saying on stderr when it was not UTF-8. */
function readDataNoting(file: string, io: RunIo): ReturnType<typeof readData> {
  const data = readData(file, io.stdin);
  if (data.encoding === "gbk") io.err(say(t("note-gbk", { file }), io.locale));
  return data;
}

function scoreData(positionals: readonly string[], io: RunIo, trail: TrailLevel): Scored {
  // A path that does not exist is neither a rubric nor data: say so before guessing which.
  for (const p of positionals) if (p !== "-" && !existsSync(p)) throw new CliError(t("no-such-path", { path: p }));
  const data = positionals.filter((p) => !isRubricPath(p));
  const rubricPaths = positionals.filter(isRubricPath);
  need(rubricPaths);
  if (data.length > 1) throw new UsageError(t("one-data-file", { files: data }));
  const scheme = findScheme(rubricPaths);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  for (const w of warnings) io.err(formatIssue(w, { locale: io.locale }));
  const dataFile = data[0] ?? scheme.exampleData;
  if (!dataFile) throw new UsageError(t("no-example"));
  const { rows, format } = readDataNoting(dataFile, io);
  return { set, evaluation: evaluateData(set, rows, dataFile, format, io, trail), dataFile };
}

/** --common: a share from 0% to 100% ("30%") or from 0 to 1 ("0.3"). */
function commonShare(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const share = typeof value === "string" ? parseDecimal(value) : undefined;
  if (!share || share.lt(0) || share.gt(1)) throw new UsageError(t("bad-common", { received: String(value) }));
  return String(value);
}

function score(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(t("bad-format", { received: format }));
  const problems = values.problems === undefined ? undefined : wholeNumber(values.problems);
  if (values.problems !== undefined && problems === undefined) throw new UsageError(t("bad-problems", { received: String(values.problems) }));
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
  else if (format === "csv") {
    // Chinese: headers, labels and sentences for people; English: the columns scripts read.
    const csv = (e: (typeof entries)[number]) => (io.locale === "zh-CN" ? scoreCsvZh(e.rubric, e.result) : scoreCsv(e.result));
    text = entries.map((e, i) => (i === 0 ? csv(e) : csv(e).split("\r\n").slice(1).join("\r\n"))).join("");
  } else text = entries.map((e) => scoreTable(e.rubric, e.result, io.locale)).join("\n\n");
  if (values.out !== undefined) {
    if (values.out === "") throw new UsageError(t("out-needs-name"));
    writeFileAtomic(String(values.out), format === "csv" ? `\ufeff${text}` : `${text}\n`);
  }
  else io.out(text);
  for (const w of evaluation.results.flatMap((r) => r.warnings)) io.err(formatIssue(w, { locale: io.locale }));
  return 0;
}

function validate(positionals: readonly string[], io: RunIo): number {
  need(positionals);
  const scheme = findScheme(positionals);
  const warnings: Issue[] = [];
  const set = loadSet(scheme, warnings);
  const tests = loadTests(scheme.testFiles);
  const cases = tests.length + set.rubrics.reduce((a, r) => a + r.tests.length, 0);
  for (const w of warnings) io.err(formatIssue(w, { locale: io.locale }));
  const rubrics = set.rubrics.map((r) => ({ id: r.id, file: r.file, items: r.items.length }));
  io.out(say(t("validate-ok", { rubrics, cases, warnings: warnings.length }), io.locale));
  return 0;
}

function test(positionals: readonly string[], io: RunIo): number {
  need(positionals);
  const scheme = findScheme(positionals);
  const set = loadSet(scheme);
  const report = runRubricTests(set, loadTests(scheme.testFiles));
  for (const c of report.cases) {
    const where = c.source ? `${c.source.file}:${c.source.line}:${c.source.col}  ` : "";
    if (c.passed) io.out(say(t("test-passed", { name: c.name }), io.locale));
    else {
      io.out(say(t("test-failed", { name: c.name, where, rubric: c.rubric }), io.locale));
      for (const d of c.differences) io.out(say(t("test-difference", { path: d.path, expected: JSON.stringify(d.expected), actual: JSON.stringify(d.actual) }), io.locale));
    }
  }
  io.out(say(t("test-count", { passed: report.passed, failed: report.failed }), io.locale));
  if (report.cases.length === 0) {
    io.err(say(t("test-none"), io.locale));
    return 1;
  }
  if (report.failed > 0) io.err(say(t("test-some-failed", { failed: report.failed, total: report.cases.length }), io.locale));
  return report.failed > 0 ? 1 : 0;
}

function explain(positionals: readonly string[], values: Record<string, string | boolean | undefined>, io: RunIo): number {
  const unitId = values.unit as string | undefined;
  if (!unitId) throw new UsageError(t("need-unit"));
  const { set, evaluation } = scoreData(positionals, io, "full");
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
  if (positionals.length !== 1) throw new UsageError(t("draw-one-file"));
  const count = wholeNumber(values.count);
  if (count === undefined || count < 1) throw new UsageError(t("draw-count", values.count === undefined ? {} : { received: String(values.count) }));
  if (typeof values.seed !== "string" || values.seed === "") throw new UsageError(t("draw-seed"));
  const idColumn = (values.id as string | undefined) ?? "id";
  const by = values.by as string | undefined;
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "json", "csv"].includes(format)) throw new UsageError(t("bad-format", { received: format }));
  const { rows } = readDataNoting(positionals[0]!, io);
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r[idColumn] === undefined || String(r[idColumn]).trim() === "") throw new CliError(t("draw-row-missing", { file: positionals[0], row: i + 1, column: idColumn }));
    if (by && (r[by] === undefined || String(r[by]).trim() === "")) throw new CliError(t("draw-row-missing", { file: positionals[0], row: i + 1, column: by }));
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
