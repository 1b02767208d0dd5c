/**
 * Rubric test cases: given subjects, expect scores, grades, adjustments... or an
 * error code. Each failure names the case and lists every difference.
 */
import { matchGrade } from "../compile/grade-names.js";
import type { RubricSet } from "../compile/model.js";
import type { SourcePosition } from "../diagnostics/issue.js";
import { evaluateSet } from "../pipeline/evaluate.js";
import { parseDecimal } from "../decimal/decimal.js";
import { buildFeedback, type SubjectFeedback } from "../report/feedback.js";
import type { RubricResult, SubjectResult } from "../report/result.js";
import type { TestCaseSource } from "../schema/rubric-schema.js";

/** One difference between what a case expects and what the engine produced. */
export interface TestDifference {
  /** e.g. `s1.grade` or `s1.points.a1`. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The outcome of one test case. */
export interface TestCaseOutcome {
  readonly name: string;
  /** Rubric whose results were checked. */
  readonly rubric: string;
  readonly passed: boolean;
  readonly differences: readonly TestDifference[];
  /** Where the case is written, when known. */
  readonly source?: SourcePosition;
}

/** A test case ready to run, e.g. inside `test(case.name, ...)`. */
export interface RubricTestCase {
  readonly name: string;
  readonly rubric: string;
  readonly source?: SourcePosition;
  run(): TestCaseOutcome;
}

export interface TestCaseInput {
  readonly case: TestCaseSource;
  /** Rubric the case belongs to (its file), used when the case names none. */
  readonly owner?: string;
  readonly source?: SourcePosition;
}

/** Collect the cases written in the set's rubrics, plus `extra` ones (e.g. from a tests file). */
export function collectTestCases(set: RubricSet, extra: readonly TestCaseInput[] = []): RubricTestCase[] {
  return collectCaseRuns(set, extra).map(({ run, ...c }) => ({ ...c, run: () => run().outcome }));
}

/** A case's outcome and the result of the rubric it checks (none when it expects an error or the run stopped). @internal */
export interface CaseRun {
  readonly outcome: TestCaseOutcome;
  readonly result?: RubricResult;
  /** With a result: the case's subjects and every result of the set (conditions read linked rubrics). */
  readonly subjects?: TestCaseSource["subjects"];
  readonly results?: readonly RubricResult[];
}

/** As {@link collectTestCases}, each run also giving the checked rubric's result (for coverage). @internal */
export function collectCaseRuns(set: RubricSet, extra: readonly TestCaseInput[] = []): (Omit<RubricTestCase, "run"> & { run(): CaseRun })[] {
  const inputs: TestCaseInput[] = [];
  for (const r of set.rubrics)
    for (const t of r.tests) {
      const source = r.locate?.(t.path);
      inputs.push({ case: t, owner: r.id, ...(source ? { source } : {}) });
    }
  inputs.push(...extra);
  return inputs.map((input) => {
    const rubricId = input.case.rubric ?? input.owner ?? set.rubrics[set.rubrics.length - 1]!.id;
    return {
      name: input.case.name,
      rubric: rubricId,
      ...(input.source ? { source: input.source } : {}),
      run: () => runCase(set, input, rubricId),
    };
  });
}

function runCase(set: RubricSet, input: TestCaseInput, rubricId: string): CaseRun {
  const t = input.case;
  const outcome = (differences: TestDifference[], result?: RubricResult, results?: readonly RubricResult[]): CaseRun => ({
    outcome: {
      name: t.name,
      rubric: rubricId,
      passed: differences.length === 0,
      differences,
      ...(input.source ? { source: input.source } : {}),
    },
    ...(result ? { result, subjects: t.subjects, results: results ?? [result] } : {}),
  });
  const rubric = set.rubrics.find((r) => r.id === rubricId);
  if (!rubric) return outcome([{ path: "rubric", expected: rubricId, actual: `not in the set (${set.rubrics.map((r) => r.id).join(", ")})` }]);
  const evaluation = evaluateSet(set, t.subjects);
  if (t.error !== undefined) {
    const codes = evaluation.issues.map((i) => i.code);
    return outcome(codes.includes(t.error as never) ? [] : [{ path: "error", expected: t.error, actual: codes.length ? codes.join(", ") : "no error" }]);
  }
  if (evaluation.issues.length > 0)
    return outcome([{ path: "error", expected: "no error", actual: evaluation.issues.map((i) => `${i.code}: ${i.message}`).join("; ") }]);
  const result = evaluation.results.find((r) => r.rubric.id === rubricId)!;
  const wantsFeedback = t.common !== undefined || Object.values(t.expect ?? {}).some((e) => e.problems !== undefined || e.highlights !== undefined);
  const built = wantsFeedback ? buildFeedback(rubric, result) : undefined;
  const feedback = built ? new Map(built.subjects.map((f) => [f.id, f])) : undefined;
  const diffs = compareExpectations(result, t.expect ?? {}, feedback);
  const common = built?.common.map((c) => c.item);
  if (t.common !== undefined && !listEqual(t.common, common)) diffs.push({ path: "common", expected: t.common, actual: common });
  return outcome(diffs, result, evaluation.results);
}

function compareExpectations(
  result: RubricResult,
  expect: NonNullable<TestCaseSource["expect"]>,
  feedback: ReadonlyMap<string, SubjectFeedback> | undefined,
): TestDifference[] {
  const diffs: TestDifference[] = [];
  const units = new Map(result.units.map((u) => [u.id, u]));
  // An expected grade may be written by id or by label (好 or good).
  const names = result.grades.map((id) => ({ id, label: result.gradeLabels[id] ?? id }));
  const sameGrade = (expected: unknown, actual: unknown): boolean => {
    if (expected === actual) return true;
    const m = typeof expected === "string" ? matchGrade(names, expected) : undefined;
    return m !== undefined && "index" in m && names[m.index]!.id === actual;
  };
  for (const [id, e] of Object.entries(expect)) {
    const u = units.get(id);
    if (!u) {
      diffs.push({ path: id, expected: "a result", actual: "no such subject" });
      continue;
    }
    const check = (field: string, expected: unknown, actual: unknown, same = Object.is) => {
      if (expected !== undefined && !same(expected, actual)) diffs.push({ path: `${id}.${field}`, expected, actual });
    };
    check("score", e.score, u.score, decimalEqual);
    check("grade", e.grade, u.grade, sameGrade);
    check("rawGrade", e.rawGrade, u.rawGrade, sameGrade);
    check("rank", e.rank, u.rank);
    check("groupRank", e.groupRank, u.groupRank);
    check("excluded", e.excluded, u.excluded);
    check("tier", e.tier, u.tier?.id ?? null);
    check("adjustments", e.adjustments, u.adjustments.map((a) => a.rule), listEqual);
    check("actions", e.actions, u.actions.map((a) => a.id), listEqual);
    for (const [node, points] of Object.entries(e.points ?? {})) check(`points.${node}`, points, pointsOf(u, node), decimalEqual);
    check("problems", e.problems, feedback?.get(id)?.problems.map((p) => p.item), listEqual);
    check("highlights", e.highlights, feedback?.get(id)?.highlights.map((h) => h.item), listEqual);
  }
  return diffs;
}

function pointsOf(u: SubjectResult, node: string): string | null {
  return u.nodes.find((n) => n.id === node)?.points ?? null;
}

function decimalEqual(expected: unknown, actual: unknown): boolean {
  const a = parseDecimal(expected);
  const b = parseDecimal(actual);
  return a !== undefined && b !== undefined && a.eq(b);
}

function listEqual(expected: unknown, actual: unknown): boolean {
  return JSON.stringify(expected) === JSON.stringify(actual);
}
