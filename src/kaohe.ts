/**
 * The public entry points: load rubrics (parse → validate → compile → link),
 * evaluate subjects, run rubric tests. Each has a `safe*` form returning a Result
 * and a throwing form that raises a KaoheError carrying every issue.
 */
import { compileRubric } from "./compile/compile.js";
import { linkRubrics } from "./compile/link.js";
import type { CompiledRubric, RubricSet } from "./compile/model.js";
import { fail, ok, type Issue, type Result } from "./diagnostics/issue.js";
import { KaoheError } from "./diagnostics/kaohe-error.js";
import { evaluateSet } from "./engine/evaluate.js";
import type { SubjectData } from "./engine/subject-data.js";
import { parseYaml } from "./parse/parse-yaml.js";
import type { RubricResult, TrailLevel } from "./report/result.js";
import { checkLimits, resolveLimits, type RubricLimits } from "./schema/limits.js";
import { RubricSchema, TestFileSchema } from "./schema/rubric-schema.js";
import { sortByPosition, validateWith } from "./schema/validate.js";
import { collectTestCases, type RubricTestCase, type TestCaseInput, type TestCaseOutcome } from "./testing/run-tests.js";

/** A rubric text and the file name used in error positions. */
export interface RubricText {
  readonly text: string;
  readonly file?: string;
}

/** Options of {@link assess}. */
export interface AssessOptions {
  /** Called every 10,000 subjects while scoring (for progress bars); never affects results. */
  readonly onProgress?: (done: number, total: number, rubric: string) => void;
  /** How much of each subject's trail to report: "full" (default), "points" or "none". */
  readonly trail?: TrailLevel;
}

/** The result of evaluating a rubric or a set: one entry per rubric, in evaluation order. */
export interface Assessment {
  readonly results: readonly RubricResult[];
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

/**
 * Parse, validate and compile one rubric from YAML text. Never throws on bad input.
 *
 * @param text - the rubric YAML
 * @param options - `file`: name shown in error positions; `limits`: raise a size limit
 *   (maxNodes 10,000, maxDepth 32, maxEntries 10,000, maxNesting 200; see RubricLimits)
 * @returns `{ ok: true, value: CompiledRubric }` or `{ ok: false, issues }` with every problem
 * @example
 * const r = safeLoadRubric(yamlText, { file: "rubric.yaml" });
 * if (!r.ok) console.error(formatIssues(r.issues));
 * // => rubric.yaml:12:7  WEIGHT_SUM  weights must sum to 100%, they sum to 99%
 */
export function safeLoadRubric(text: string, options: { file?: string; limits?: Partial<RubricLimits> } = {}): Result<CompiledRubric> {
  const limits = resolveLimits(options.limits);
  if (limits.issues.length > 0) return fail(limits.issues);
  const { parsed, issues } = parseYaml(text, options.file);
  if (issues.length > 0) return fail(issues);
  const value = withoutExtensions(parsed.value);
  const oversized = checkLimits(value, parsed.locate, limits.limits);
  if (oversized.length > 0) return fail(oversized);
  const validated = validateWith(RubricSchema, value, parsed.locate);
  if (!validated.value) return fail(validated.issues);
  const compiled = compileRubric(validated.value, { ...(options.file !== undefined ? { file: options.file } : {}), locate: parsed.locate });
  if (!compiled.rubric) return fail(sortByPosition(compiled.issues));
  return ok(compiled.rubric);
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
export function loadRubric(text: string, options: { file?: string; limits?: Partial<RubricLimits> } = {}): CompiledRubric {
  return unwrap(safeLoadRubric(text, options));
}

/**
 * Load several rubrics that may link to each other (经营业绩 → 责任制 → 述职评议) and
 * order them for evaluation. Reports problems of every file, then linkage problems
 * (unknown rubric, unknown grade of another rubric, cycles).
 *
 * @param texts - the rubric texts with their file names
 * @param options - `limits`: raise a size limit of every rubric (see RubricLimits)
 * @returns the set in evaluation order, or every issue
 * @example
 * const set = safeLoadRubricSet([{ text: a, file: "a.yaml" }, { text: b, file: "b.yaml" }]);
 * if (set.ok) set.value.rubrics.map((r) => r.id)
 * // => ["responsibility-2024", "review-2024"]
 */
export function safeLoadRubricSet(texts: readonly RubricText[], options: { limits?: Partial<RubricLimits> } = {}): Result<RubricSet> {
  const rubrics: CompiledRubric[] = [];
  const issues: Issue[] = [];
  for (const t of texts) {
    const r = safeLoadRubric(t.text, { ...(t.file !== undefined ? { file: t.file } : {}), ...(options.limits ? { limits: options.limits } : {}) });
    if (r.ok) rubrics.push(r.value);
    else issues.push(...r.issues);
  }
  if (issues.length > 0) return fail(issues);
  return safeLinkRubrics(rubrics);
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
export function loadRubricSet(texts: readonly RubricText[], options: { limits?: Partial<RubricLimits> } = {}): RubricSet {
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
  const linked = linkRubrics(rubrics);
  return linked.set ? ok(linked.set) : fail(linked.issues);
}

function asSet(target: CompiledRubric | RubricSet): Result<RubricSet> {
  return "rubrics" in target ? ok(target) : safeLinkRubrics([target]);
}

/**
 * Evaluate a rubric (or a linked set) over a batch of subjects. Pure and
 * deterministic. Bad data yields issues naming the row, subject and field, never a number.
 *
 * @param target - a compiled rubric or a rubric set
 * @param subjects - one object per subject: `id`, optional `name` and `group`, input values by name or label
 * @param options - `onProgress` callback for long batches
 * @returns `{ ok: true, value: { results } }` or `{ ok: false, issues }`
 * @example
 * const r = safeAssess(rubric, [{ id: "u1", self: 90, responsibility: 85, leadership: 80 }]);
 * r.ok && r.value.results[0].units[0].score
 * // => "84.50"
 */
export function safeAssess(target: CompiledRubric | RubricSet, subjects: readonly SubjectData[], options: AssessOptions = {}): Result<Assessment> {
  const set = asSet(target);
  if (!set.ok) return set;
  const evaluation = evaluateSet(set.value, subjects, options);
  if (evaluation.issues.length > 0) return fail(evaluation.issues);
  const warnings = evaluation.results.flatMap((r) => r.warnings);
  return ok({ results: evaluation.results }, warnings);
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
export function assess(target: CompiledRubric | RubricSet, subjects: readonly SubjectData[], options: AssessOptions = {}): Assessment {
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
export function safeLoadTestCases(text: string, options: { file?: string } = {}): Result<TestCaseInput[]> {
  const { parsed, issues } = parseYaml(text, options.file);
  if (issues.length > 0) return fail(issues);
  const validated = validateWith(TestFileSchema, withoutExtensions(parsed.value), parsed.locate);
  if (!validated.value) return fail(validated.issues);
  return ok(
    validated.value.tests.map((c, i) => {
      const source = parsed.locate(["tests", i]);
      return { case: c, ...(source ? { source } : {}) };
    }),
  );
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
  return collectTestCases(unwrap(asSet(target)), extra);
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

