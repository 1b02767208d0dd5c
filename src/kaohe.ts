/**
 * The public entry points: load rubrics (parse → validate → compile → link),
 * evaluate subjects, run rubric tests. Each has a `safe*` form returning a Result
 * and a throwing form that raises a KaoheError carrying every issue.
 */
import { compileRubric } from "./compile/compile.js";
import { linkRubrics } from "./compile/link.js";
import { reviveRubric } from "./compile/rubric-data.js";
import type { CompiledRubric, RubricSet } from "./compile/model.js";
import { badArgument, isOptionsObject } from "./diagnostics/arguments.js";
import { fail, makeIssue, ok, type Issue, type Result } from "./diagnostics/issue.js";
import { KaoheError } from "./diagnostics/kaohe-error.js";
import { textOf } from "./diagnostics/show.js";
import { evaluateSet } from "./pipeline/evaluate.js";
import type { ColumnHelper } from "./engine/prepare.js";
import { limitProblems, type DataLimits, type SubjectData } from "./engine/subject-data.js";
import { DataTable } from "./engine/data-table.js";
import { parseYaml, type YamlLimits } from "./parse/parse-yaml.js";
import type { RubricResult, TrailLevel } from "./report/result.js";
import { checkLimits, resolveLimits, type RubricLimits } from "./schema/limits.js";
import { RubricSchema, TestCaseSchema, TestFileSchema } from "./schema/rubric-schema.js";
import { sortByPosition, validateWith } from "./schema/validate.js";
import { collectTestCases, type RubricTestCase, type TestCaseInput, type TestCaseOutcome } from "./testing/run-tests.js";
import { runWithCoverage, type TestsWithCoverage } from "./testing/coverage.js";

/** A rubric text and the file name used in error positions. */
export interface RubricText {
  readonly text: string;
  readonly file?: string;
}

/**
 * Options of the loading functions: the file name shown in error positions, and the
 * limits on what the YAML may make kaohe build (defaults: `maxDepth` 64,
 * `maxAliasCount` 1000, `maxLength` 4 MiB of characters; see {@link YamlLimits}).
 */
export interface LoadOptions extends YamlLimits {
  readonly file?: string;
  /** Limits on the rubric's size (tree nodes, tree levels, entries per list), checked before validation. */
  readonly limits?: Partial<RubricLimits>;
}

/** Options of {@link assess}. */
export interface AssessOptions {
  /** Called every 10,000 subjects while scoring (for progress bars); never affects results. */
  readonly onProgress?: (done: number, total: number, rubric: string) => void;
  /** How much of each subject's trail to report: "full" (default), "points" or "none". */
  readonly trail?: TrailLevel;
  /** Bounds on the batch: `rows` (default 1,000,000), `columns` per subject (10,000), `cellLength` (1,000,000 characters); Infinity lifts one. */
  readonly limits?: DataLimits;
  /**
   * Data columns to set aside: not read, never DATA_UNKNOWN_FIELD (e.g. the columns another
   * rubric of the folder declares, when one rubric of it is scored on the folder's data).
   * A column's dotted sub-columns (`leaders.r1` of `leaders`) go with it. A column that a
   * rubric of the target reads is API_BAD_ARGUMENT. Those found in the data are listed in
   * {@link Assessment.setAside}. Default: none.
   */
  readonly ignoreColumns?: readonly string[];
  /**
   * A second thread for the data boundary of a large CSV table read into shared memory
   * (the CLI's io/cells-thread.ts): it reads half of the input columns while this
   * thread reads the rest. Values, issues and results are the same without it.
   * @internal
   */
  readonly columnHelper?: ColumnHelper;
}

/** The result of evaluating a rubric or a set: one entry per rubric, in evaluation order. */
export interface Assessment {
  readonly results: readonly RubricResult[];
  /** With `ignoreColumns`: the columns named there that the data held and that were set aside, in the order named. */
  readonly setAside?: readonly string[];
}

/**
 * Top-level keys starting with "x-" are extension fields (for YAML anchors such as
 * `x-base: &base`), as in docker-compose: they are dropped before validation.
 */
function withoutExtensions(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith("x-")));
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new KaoheError(result.issues);
  return result.value;
}

/** A caller's callback threw; reported as API_CALLBACK_FAILED. */
class CallbackError extends Error {
  constructor(
    readonly callback: string,
    readonly thrown: unknown,
  ) {
    super(`${callback} threw`);
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : textOf(e)).split("\n")[0]!.slice(0, 300);

/**
 * The body of a safe function: whatever happens inside, the caller gets a Result.
 * An exception here is a bug in kaohe (API_INTERNAL_ERROR) or a throwing callback
 * of the caller (API_CALLBACK_FAILED), never a crash of the host.
 */
function guard<T>(fn: string, body: () => Result<T>): Result<T> {
  try {
    return body();
  } catch (e) {
    if (e instanceof CallbackError) return fail([makeIssue("API_CALLBACK_FAILED", { fn, callback: e.callback, error: errorText(e.thrown) })]);
    return fail([makeIssue("API_INTERNAL_ERROR", { fn, error: errorText(e) })]);
  }
}

const TEXT_EXPECTED = 'a string holding YAML (decode bytes first, e.g. readFileSync(path, "utf8"))';
const isWhole = (v: unknown, min: number): boolean => typeof v === "number" && Number.isSafeInteger(v) && v >= min;

function checkLoadOptions(fn: string, options: unknown): Issue[] {
  if (!isOptionsObject(options)) return [badArgument(fn, "options", 'an object such as { file: "rubric.yaml" }', options)];
  if (options === undefined) return [];
  const issues: Issue[] = [];
  if (options.file !== undefined && typeof options.file !== "string") issues.push(badArgument(fn, "options.file", "a string (the file name shown in positions)", options.file));
  if (options.maxDepth !== undefined && !isWhole(options.maxDepth, 1)) issues.push(badArgument(fn, "options.maxDepth", "a whole number of at least 1 (default 64)", options.maxDepth));
  if (options.maxAliasCount !== undefined && !isWhole(options.maxAliasCount, 0))
    issues.push(badArgument(fn, "options.maxAliasCount", "a whole number of at least 0 (default 1000)", options.maxAliasCount));
  if (options.maxLength !== undefined && !isWhole(options.maxLength, 1))
    issues.push(badArgument(fn, "options.maxLength", "a whole number of at least 1 (default 4,194,304 characters)", options.maxLength));
  return issues;
}

const limitsOf = (options: LoadOptions): YamlLimits => ({
  ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
  ...(options.maxAliasCount !== undefined ? { maxAliasCount: options.maxAliasCount } : {}),
  ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
});

/**
 * A compiled rubric as loadRubric returns it, or a copy of one (structuredClone, or its
 * JSON form parsed): checked by shape, as it may come from another bundle or a worker.
 */
function isCompiledRubric(value: unknown): value is CompiledRubric {
  return reviveRubric(value) !== undefined;
}

const TARGET_EXPECTED = "a compiled rubric (from loadRubric) or a rubric set (from loadRubricSet)";

function checkTarget(fn: string, target: unknown): Issue[] {
  if (isCompiledRubric(target)) return [];
  if (typeof target === "object" && target !== null && "rubrics" in target) {
    const rubrics = (target as { rubrics: unknown }).rubrics;
    if (!Array.isArray(rubrics)) return [badArgument(fn, "target.rubrics", "an array of compiled rubrics", rubrics)];
    const issues: Issue[] = [];
    for (let i = 0; i < rubrics.length; i++) if (!isCompiledRubric(rubrics[i])) issues.push(badArgument(fn, `target.rubrics[${i}]`, "a compiled rubric (from loadRubric)", rubrics[i]));
    return issues;
  }
  return [badArgument(fn, "target", TARGET_EXPECTED, target)];
}

const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;

/** An array without holes, each element checked by `check` (which returns what it must be, or undefined). */
function checkArray(fn: string, argument: string, value: unknown, expected: string, check: (element: unknown, i: number) => string | undefined, rows = false): Issue[] {
  if (!Array.isArray(value)) return [badArgument(fn, argument, expected, value)];
  const issues: Issue[] = [];
  // A hole: an index that is not an own enumerable key (what Object.keys would leave out), looked up index by index
  // (no string per element); only then are the keys listed, to say where the holes are.
  let holes = false;
  for (let i = 0; i < value.length && !holes; i++) holes = !propertyIsEnumerable.call(value, i);
  if (holes) {
    // Object.keys lists an array's indices first, in order.
    const keys = Object.keys(value);
    let first = 0;
    while (first < keys.length && keys[first] === String(first)) first++;
    const present = keys.filter((k) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < value.length).length;
    const what = `present: ${argument} is a sparse array (${value.length - present} missing element(s), the first at index ${first})`;
    return [badArgument(fn, `${argument}[${first}]`, what, undefined, rows ? first + 1 : undefined)];
  }
  for (let i = 0; i < value.length; i++) {
    const must = check(value[i], i);
    if (must !== undefined) issues.push(badArgument(fn, `${argument}[${i}]`, must, value[i], rows ? i + 1 : undefined));
  }
  return issues;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkSubjects(fn: string, subjects: unknown): Issue[] {
  // A table (the CLI's CSV, read by column index) is checked at the data boundary, row by row.
  if (subjects instanceof DataTable) return [];
  const element = "an object with the subject's id and inputs";
  return checkArray(fn, "subjects", subjects, "an array of subject objects", (s) => (isPlainObject(s) ? undefined : element), true);
}

const TRAIL_LEVELS: readonly TrailLevel[] = ["full", "points", "none"];

function checkAssessOptions(fn: string, options: unknown): Issue[] {
  if (!isOptionsObject(options)) return [badArgument(fn, "options", "an object such as { trail: \"points\" }", options)];
  if (options === undefined) return [];
  const issues: Issue[] = [];
  if (options.trail !== undefined && !TRAIL_LEVELS.includes(options.trail as TrailLevel)) issues.push(badArgument(fn, "options.trail", '"full", "points" or "none"', options.trail));
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") issues.push(badArgument(fn, "options.onProgress", "a function (done, total, rubric)", options.onProgress));
  for (const p of limitProblems(options.limits)) issues.push(badArgument(fn, `options.limits${p.key ? `.${p.key}` : ""}`, p.expected, p.value));
  if (options.ignoreColumns !== undefined)
    issues.push(...checkArray(fn, "options.ignoreColumns", options.ignoreColumns, 'an array of column names such as ["l5b"]', (c) => (typeof c === "string" && c !== "" ? undefined : "a column name (a non-empty string)")));
  const helper = options.columnHelper as Partial<ColumnHelper> | null | undefined;
  if (helper !== undefined && (typeof helper !== "object" || helper === null || typeof helper.start !== "function" || typeof helper.minRows !== "number"))
    issues.push(badArgument(fn, "options.columnHelper", "a ColumnHelper (minRows, start)", helper));
  return issues;
}

/** The columns a set reads: subject columns, every input by name and label. */
function columnsRead(set: RubricSet): Set<string> {
  const out = new Set<string>(["id", "name", "group"]);
  for (const r of set.rubrics) {
    for (const c of [r.idColumn, r.nameColumn, r.groupLabel]) if (c !== undefined) out.add(c);
    for (const spec of r.inputs.values()) {
      out.add(spec.name);
      if (spec.label !== undefined) out.add(spec.label);
    }
  }
  return out;
}

/**
 * The subjects without the columns set aside (a row holding none of them is passed as
 * it is), and the columns found. A column named here that the set reads is an error.
 */
function setAside(fn: string, set: RubricSet, subjects: readonly SubjectData[] | DataTable, columns: readonly string[]): Result<{ rows: readonly SubjectData[] | DataTable; found: string[] }> {
  const read = columnsRead(set);
  const bad = columns.flatMap((c, i) => (read.has(c) ? [badArgument(fn, `options.ignoreColumns[${i}]`, "a column no rubric of the target reads (it is an input or subject column)", c)] : []));
  if (bad.length > 0) return fail(bad);
  const names = new Set(columns);
  const asideOf = (key: string): string | undefined => (names.has(key) ? key : key.includes(".") && names.has(key.slice(0, key.indexOf("."))) ? key.slice(0, key.indexOf(".")) : undefined);
  const found = new Set<string>();
  if (subjects instanceof DataTable) {
    // A table: its columns set aside are left out of the header (every row holds every column).
    const kept = subjects.withoutColumns((key) => {
      const aside = asideOf(key);
      if (aside !== undefined && subjects.length > 0) found.add(aside);
      return aside !== undefined;
    });
    return ok({ rows: kept, found: columns.filter((c) => found.has(c)) });
  }
  const rows = subjects.map((row) => {
    if (!isPlainObject(row)) return row;
    const keys = Object.keys(row);
    if (!keys.some((k) => asideOf(k) !== undefined)) return row;
    const copy = Object.create(Object.getPrototypeOf(row) as object | null) as Record<string, unknown>;
    for (const k of keys) {
      const aside = asideOf(k);
      if (aside !== undefined) found.add(aside);
      else Object.defineProperty(copy, k, { value: row[k], enumerable: true, writable: true, configurable: true });
    }
    return copy as SubjectData;
  });
  return ok({ rows, found: columns.filter((c) => found.has(c)) });
}

/**
 * Parse, validate and compile one rubric from YAML text. Never throws on bad input.
 *
 * @param text - the rubric YAML
 * @param options - `file`: name shown in error positions; `maxDepth` (default 64) and
 *   `maxAliasCount` (default 1000) and `maxLength` (default 4 MiB of characters): limits on
 *   the YAML text (see {@link YamlLimits});
 *   `limits`: limits on the rubric's size (see {@link RubricLimits})
 * @returns `{ ok: true, value: CompiledRubric, warnings }` or `{ ok: false, issues }` with every problem,
 *   also for an argument of the wrong type (API_BAD_ARGUMENT); never throws. `warnings` are
 *   findings that do not stop the load (e.g. `ROOT_MAX_UNDECLARED`)
 * @example
 * const r = safeLoadRubric(yamlText, { file: "rubric.yaml" });
 * if (!r.ok) console.error(formatIssues(r.issues));
 * // => rubric.yaml:12:7  WEIGHT_SUM  weights must sum to 100%, they sum to 99%
 */
export function safeLoadRubric(text: string, options: LoadOptions = {}): Result<CompiledRubric> {
  return guard("safeLoadRubric", () => {
    const bad = [...(typeof text === "string" ? [] : [badArgument("safeLoadRubric", "text", TEXT_EXPECTED, text)]), ...checkLoadOptions("safeLoadRubric", options)];
    if (bad.length > 0) return fail(bad);
    return loadOne(text, options ?? {});
  });
}

function loadOne(text: string, options: LoadOptions): Result<CompiledRubric> {
  const limits = resolveLimits(options.limits);
  if (limits.issues.length > 0) return fail(limits.issues);
  const { parsed, issues } = parseYaml(text, options.file, limitsOf(options));
  if (issues.length > 0) return fail(issues);
  const value = withoutExtensions(parsed.value);
  const oversized = checkLimits(value, parsed.locate, limits.limits);
  if (oversized.length > 0) return fail(oversized);
  const validated = validateWith(RubricSchema, value, parsed.locate);
  if (!validated.value) return fail(validated.issues);
  const compiled = compileRubric(validated.value, { ...(options.file !== undefined ? { file: options.file } : {}), locate: parsed.locate });
  if (!compiled.rubric) return fail(sortByPosition(compiled.issues));
  return ok(compiled.rubric, sortByPosition(compiled.warnings));
}

/**
 * Load one rubric from YAML text; throws a KaoheError listing every problem.
 *
 * @param text - the rubric YAML
 * @param options - `file`: name shown in error positions
 * @returns the compiled rubric
 * @throws KaoheError when the rubric is invalid
 * @example
 * const rubric = loadRubric(fs.readFileSync("review.yaml", "utf8"), { file: "review.yaml" });
 * rubric.grades.map((g) => g.id)
 * // => ["good", "fair", "average", "poor"]
 */
export function loadRubric(text: string, options: LoadOptions = {}): CompiledRubric {
  return unwrap(safeLoadRubric(text, options));
}

/**
 * Load several rubrics that may link to each other (经营业绩 → 责任制 → 述职评议) and
 * order them for evaluation. Reports problems of every file, then linkage problems
 * (unknown rubric, unknown grade of another rubric, cycles).
 *
 * @param texts - the rubric texts with their file names
 * @param options - `maxDepth`, `maxAliasCount` and `limits` for every rubric, as in {@link safeLoadRubric}
 * @returns the set in evaluation order (with every rubric's warnings), or every issue
 * @example
 * const set = safeLoadRubricSet([{ text: a, file: "a.yaml" }, { text: b, file: "b.yaml" }]);
 * if (set.ok) set.value.rubrics.map((r) => r.id)
 * // => ["responsibility-2024", "review-2024"]
 */
export function safeLoadRubricSet(texts: readonly RubricText[], options: Omit<LoadOptions, "file"> = {}): Result<RubricSet> {
  const fn = "safeLoadRubricSet";
  return guard(fn, () => {
    const element = '{ text, file? } with text a string holding YAML';
    const bad = [
      ...checkArray(fn, "texts", texts, "an array of { text, file? }", (t) =>
        isPlainObject(t) && typeof t.text === "string" && (t.file === undefined || typeof t.file === "string") ? undefined : element,
      ),
      ...checkLoadOptions(fn, options),
    ];
    if (options && "file" in options) bad.push(badArgument(fn, "options.file", "absent (each text names its own file)", options.file));
    if (bad.length > 0) return fail(bad);
    const rubrics: CompiledRubric[] = [];
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    for (const t of texts) {
      const r = loadOne(t.text, { ...limitsOf(options ?? {}), ...(options?.limits ? { limits: options.limits } : {}), ...(t.file !== undefined ? { file: t.file } : {}) });
      if (r.ok) {
        rubrics.push(r.value);
        warnings.push(...r.warnings);
      } else issues.push(...r.issues);
    }
    if (issues.length > 0) return fail(issues);
    const linked = linkChecked(rubrics);
    return linked.ok ? ok(linked.value, [...warnings, ...linked.warnings]) : linked;
  });
}

/**
 * Throwing form of {@link safeLoadRubricSet}.
 *
 * @param texts - the rubric texts with their file names
 * @returns the set in evaluation order
 * @throws KaoheError listing every problem
 * @example
 * const set = loadRubricSet(files.map((file) => ({ file, text: fs.readFileSync(file, "utf8") })));
 */
export function loadRubricSet(texts: readonly RubricText[], options: Omit<LoadOptions, "file"> = {}): RubricSet {
  return unwrap(safeLoadRubricSet(texts, options));
}

/**
 * Link compiled rubrics into a set in topological order; a cycle is an error that names it.
 *
 * @param rubrics - compiled rubrics
 * @returns the set, or the linkage issues
 * @example
 * safeLinkRubrics([review, responsibility]).ok
 * // => true
 */
export function safeLinkRubrics(rubrics: readonly CompiledRubric[]): Result<RubricSet> {
  const fn = "safeLinkRubrics";
  return guard(fn, () => {
    const bad = checkArray(fn, "rubrics", rubrics, "an array of compiled rubrics", (r) => (isCompiledRubric(r) ? undefined : "a compiled rubric (from loadRubric)"));
    return bad.length > 0 ? fail(bad) : linkChecked(rubrics.map((r) => reviveRubric(r)!));
  });
}

function linkChecked(rubrics: readonly CompiledRubric[]): Result<RubricSet> {
  const linked = linkRubrics(rubrics);
  return linked.set ? ok(linked.set) : fail(linked.issues);
}

function asSet(fn: string, target: CompiledRubric | RubricSet): Result<RubricSet> {
  const bad = checkTarget(fn, target);
  if (bad.length > 0) return fail(bad);
  // A copy of a rubric (structuredClone, parsed JSON) is revived once and scores like the original.
  return "rubrics" in target ? ok({ rubrics: target.rubrics.map((r) => reviveRubric(r)!) }) : linkChecked([reviveRubric(target)!]);
}

/**
 * Evaluate a rubric (or a linked set) over a batch of subjects. Pure and
 * deterministic. Bad data yields issues naming the row, subject and field, never a number.
 *
 * @param target - a compiled rubric or a rubric set
 * @param subjects - one object per subject: `id`, optional `name` and `group`, input values by name or label
 *   (or a DataTable, as the CLI reads CSV: the same rows read by column index, checked the same way)
 * @param options - `onProgress` callback for long batches; `trail`; `limits`; `ignoreColumns`: data columns to set aside (listed in `setAside`)
 * @returns `{ ok: true, value: { results } }` or `{ ok: false, issues }`
 * @example
 * const r = safeAssess(rubric, [{ id: "u1", self: 90, responsibility: 85, leadership: 80 }]);
 * r.ok && r.value.results[0].units[0].score
 * // => "84.50"
 */
export function safeAssess(target: CompiledRubric | RubricSet, subjects: readonly SubjectData[] | DataTable, options: AssessOptions = {}): Result<Assessment> {
  const fn = "safeAssess";
  return guard(fn, () => {
    const bad = [...checkTarget(fn, target), ...checkSubjects(fn, subjects), ...checkAssessOptions(fn, options)];
    if (bad.length > 0) return fail(bad);
    const set = asSet(fn, target);
    if (!set.ok) return set;
    const { onProgress, trail, limits, ignoreColumns, columnHelper } = options ?? {};
    const aside = ignoreColumns !== undefined ? setAside(fn, set.value, subjects, ignoreColumns) : undefined;
    if (aside && !aside.ok) return aside;
    const rows = aside ? aside.value.rows : subjects;
    const progress = onProgress
      ? (done: number, total: number, rubric: string) => {
          try {
            onProgress(done, total, rubric);
          } catch (e) {
            throw new CallbackError("onProgress", e);
          }
        }
      : undefined;
    const evaluation = evaluateSet(set.value, rows, { ...(trail !== undefined ? { trail } : {}), ...(progress ? { onProgress: progress } : {}), ...(limits !== undefined ? { limits } : {}), ...(columnHelper ? { columnHelper } : {}) });
    if (evaluation.issues.length > 0) return fail(evaluation.issues);
    const warnings = evaluation.results.flatMap((r) => r.warnings);
    return ok({ results: evaluation.results, ...(aside ? { setAside: aside.value.found } : {}) }, warnings);
  });
}

/**
 * Throwing form of {@link safeAssess}.
 *
 * @param target - a compiled rubric or a rubric set
 * @param subjects - the batch
 * @param options - `onProgress` callback
 * @returns one result per rubric, in evaluation order
 * @throws KaoheError listing every data problem
 * @example
 * const { results } = assess(rubric, subjects);
 * results[0].summary.distribution
 * // => { good: 45, fair: 30, average: 12, poor: 3 }
 */
export function assess(target: CompiledRubric | RubricSet, subjects: readonly SubjectData[] | DataTable, options: AssessOptions = {}): Assessment {
  return unwrap(safeAssess(target, subjects, options));
}

/**
 * Parse a sibling tests file (`tests:` list) for a rubric set.
 *
 * @param text - YAML of the tests file
 * @param options - `file` for error positions
 * @returns the cases, or issues with line:col
 * @example
 * const cases = safeLoadTestCases(fs.readFileSync("tests.yaml", "utf8"), { file: "tests.yaml" });
 */
export function safeLoadTestCases(text: string, options: LoadOptions = {}): Result<TestCaseInput[]> {
  const fn = "safeLoadTestCases";
  return guard(fn, () => {
    const bad = [...(typeof text === "string" ? [] : [badArgument(fn, "text", TEXT_EXPECTED, text)]), ...checkLoadOptions(fn, options)];
    if (bad.length > 0) return fail(bad);
    const opts = options ?? {};
    const { parsed, issues } = parseYaml(text, opts.file, limitsOf(opts));
    if (issues.length > 0) return fail(issues);
    const validated = validateWith(TestFileSchema, withoutExtensions(parsed.value), parsed.locate);
    if (!validated.value) return fail(validated.issues);
    return ok(
      validated.value.tests.map((c, i) => {
        const source = parsed.locate(["tests", i]);
        return { case: c, ...(source ? { source } : {}) };
      }),
    );
  });
}

/** The outcome of a rubric's test cases. */
export interface TestReport {
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly TestCaseOutcome[];
}

/**
 * The test cases of a rubric or set (written in the rubrics, plus `extra`), each
 * with a `run()`; use them from vitest with `test(c.name, () => expect(c.run().differences).toEqual([]))`.
 *
 * @param target - a compiled rubric or a set
 * @param extra - cases from a sibling tests file
 * @returns runnable cases
 * @example
 * for (const c of rubricTestCases(set)) test(c.name, () => expect(c.run().differences).toEqual([]));
 */
export function rubricTestCases(target: CompiledRubric | RubricSet, extra: readonly TestCaseInput[] = []): RubricTestCase[] {
  const fn = "rubricTestCases";
  const set = guard<RubricSet>(fn, () => {
    const bad = checkArray(fn, "extra", extra, "an array of test cases (from safeLoadTestCases)", (c) => (isPlainObject(c) && isPlainObject(c.case) ? undefined : "a test case (from safeLoadTestCases)"));
    return bad.length > 0 ? fail(bad) : asSet(fn, target);
  });
  return collectTestCases(unwrap(set), extra);
}

/**
 * Run every test case of a rubric or set and report each failure with its differences.
 *
 * @param target - a compiled rubric or a set
 * @param extra - cases from a sibling tests file
 * @returns counts and one outcome per case
 * @example
 * runRubricTests(rubric).failed
 * // => 0
 */
export function runRubricTests(target: CompiledRubric | RubricSet, extra: readonly TestCaseInput[] = []): TestReport {
  const cases = rubricTestCases(target, extra).map((c) => c.run());
  const failed = cases.filter((c) => !c.passed).length;
  return { passed: cases.length - failed, failed, cases };
}


/**
 * What a rubric's own test cases touch (`kaohe test --coverage`): each grade band
 * reached, each threshold hit exactly and just past, each rule fired and not fired,
 * each condition branch decided both ways, each quota binding and not, each tie policy
 * used, each item at zero, floor, max and cap, each `only` applied and not
 * (docs/testing.md defines every target). Runs every case once; a case expecting an
 * error touches nothing. Coverage says what was touched, not what was checked.
 *
 * @param target - a compiled rubric or a set
 * @param extra - cases from a sibling tests file (from safeLoadTestCases)
 * @returns the cases' outcomes and, per rubric, every target with its place
 *   (file:line:col) and the cases that touched it; never throws (API_BAD_ARGUMENT for a wrong argument)
 * @example
 * // r/r.yaml: 好 from 80, items a and b of 50, a veto below 10; r/tests.yaml: one subject at 85, one at 60
 * const tests = safeLoadTestCases(fs.readFileSync("r/tests.yaml", "utf8"), { file: "r/tests.yaml" });
 * const r = safeTestCoverage(set, tests.ok ? tests.value : []);
 * r.ok && r.value.coverage.rubrics.map((c) => [c.rubric, c.overall.percent, c.byKind.band.percent])
 * // => [["small", "41.6", "100.0"]]
 * r.ok && r.value.coverage.rubrics[0].targets.filter((t) => !t.covered).map((t) => `${t.source?.line}:${t.source?.col} ${t.kind} ${t.id} ${t.outcome}`)
 * // => ["7:32 threshold good.min on", "7:32 threshold good.min past", "14:5 rule none fired", "14:35 condition rules[0].when true", "11:7 item a zero", "12:7 item b zero", "12:7 item b max"]
 */
export function safeTestCoverage(target: CompiledRubric | RubricSet, extra: readonly TestCaseInput[] = []): Result<TestsWithCoverage> {
  const fn = "safeTestCoverage";
  return guard(fn, () => {
    // Each case as safeLoadTestCases gives it: its `case` a valid test case (name, subjects, expect or error).
    const bad = checkArray(fn, "extra", extra, "an array of test cases (from safeLoadTestCases)", (c) =>
      isPlainObject(c) && TestCaseSchema.safeParse(c.case).success ? undefined : "a test case (from safeLoadTestCases)",
    );
    const set = asSet(fn, target);
    if (bad.length > 0 || !set.ok) return fail([...(set.ok ? [] : set.issues), ...bad]);
    return ok(runWithCoverage(set.value, extra));
  });
}

/**
 * Throwing form of {@link safeTestCoverage}.
 *
 * @param target - a compiled rubric or a set
 * @param extra - cases from a sibling tests file
 * @returns the cases' outcomes and the coverage of each rubric
 * @throws KaoheError for a wrong argument
 * @example
 * testCoverage(set, cases).coverage.overall
 * // => { covered: 5, total: 12, percent: "41.6" }
 */
export function testCoverage(target: CompiledRubric | RubricSet, extra: readonly TestCaseInput[] = []): TestsWithCoverage {
  return unwrap(safeTestCoverage(target, extra));
}
