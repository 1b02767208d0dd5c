/**
 * diffAssessments: what a new rubric version does to the same subjects. It reads only
 * the public result shape (README "Results"): each unit's score, grade, raw grade, rank,
 * `nodes` (per-item points), `rules` (fired rules) and `adjustments` (quota moves).
 */
import { badArgument } from "../diagnostics/arguments.js";
import { fail, makeIssue, ok, type Issue, type Result } from "../diagnostics/issue.js";
import { KaoheError } from "../diagnostics/kaohe-error.js";
import { dec, format, ONE, parseDecimal, sum, ZERO, type Dec } from "../decimal/decimal.js";
import type { NodeResult, RubricResult, SubjectResult } from "../report/result.js";
import type { AssessmentDiff, GradeCauses, ItemContribution, RuleCause, SubjectChange } from "./types.js";

/** Items listed as the causes of a grade change. */
export const MAX_CAUSE_ITEMS = 5;

/** The key of "no grade" (an excluded subject) in the matrix. */
export const EXCLUDED = "excluded";

/** A null-prototype record: keys from rubrics or data never reach Object.prototype. */
function record<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Digits after the point of a decimal string ("84.50" → 2). */
const placesOf = (s: string): number => (s.includes(".") ? s.length - s.indexOf(".") - 1 : 0);

/** Each item of a unit with its points and its factor to the total (the product of the weights above it). */
function itemShares(u: SubjectResult): Map<string, { node: NodeResult; points: Dec; factor: Dec }> {
  const byId = new Map(u.nodes.map((n) => [n.id, n]));
  const siblings = new Map<string | null, number>();
  for (const n of u.nodes) siblings.set(n.parent, (siblings.get(n.parent) ?? 0) + 1);
  const factors = new Map<string, Dec>();
  const factorOf = (n: NodeResult): Dec => {
    const known = factors.get(n.id);
    if (known) return known;
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    let f = ONE;
    if (parent) {
      const local = parent.kind === "weighted" && n.weight !== undefined ? dec(n.weight) : parent.kind === "mean" ? ONE.div(siblings.get(parent.id) ?? 1) : ONE;
      f = factorOf(parent).times(local);
    }
    factors.set(n.id, f);
    return f;
  };
  const out = new Map<string, { node: NodeResult; points: Dec; factor: Dec }>();
  for (const n of u.nodes) if (n.type === "item") out.set(n.id, { node: n, points: dec(n.points), factor: factorOf(n) });
  return out;
}

/** The items whose share of the total changed, largest change first (then tree order), and what they leave unexplained. */
function itemCauses(b: SubjectResult, a: SubjectResult, change: Dec): { items: ItemContribution[]; rest: Dec } {
  const sb = itemShares(b);
  const sa = itemShares(a);
  const order = [...sa.keys(), ...[...sb.keys()].filter((k) => !sa.has(k))];
  const all = order.map((id, index) => {
    const x = sb.get(id);
    const y = sa.get(id);
    const contribution = (y ? y.points.times(y.factor) : ZERO).minus(x ? x.points.times(x.factor) : ZERO);
    return { id, index, contribution, x, y };
  });
  const rest = change.minus(sum(all.map((c) => c.contribution)));
  const items = all
    .filter((c) => !c.contribution.isZero())
    .sort((p, q) => q.contribution.abs().cmp(p.contribution.abs()) || p.index - q.index)
    .slice(0, MAX_CAUSE_ITEMS)
    .map(
      (c): ItemContribution => ({
        item: c.id,
        label: (c.y ?? c.x)!.node.label,
        pointsBefore: c.x ? c.x.node.points : null,
        pointsAfter: c.y ? c.y.node.points : null,
        contribution: format(c.contribution),
      }),
    );
  return { items, rest };
}

/** What acted on the unit: fired rules by id, and quota moves by quota id. */
function actedOn(u: SubjectResult): Map<string, Omit<RuleCause, "only">> {
  const out = new Map<string, Omit<RuleCause, "only">>();
  for (const r of u.rules) out.set(r.rule, { rule: r.rule, kind: r.kind, changed: r.changed, detail: r.condition });
  for (const a of u.adjustments) if (a.kind === "quota" && !out.has(a.rule)) out.set(a.rule, { rule: a.rule, kind: a.kind, changed: true, detail: a.reason });
  return out;
}

function ruleCauses(b: SubjectResult, a: SubjectResult): RuleCause[] {
  const rb = actedOn(b);
  const ra = actedOn(a);
  return [...[...rb].filter(([k]) => !ra.has(k)).map(([, r]) => ({ ...r, only: "before" as const })), ...[...ra].filter(([k]) => !rb.has(k)).map(([, r]) => ({ ...r, only: "after" as const }))];
}

function subjectChange(b: SubjectResult, a: SubjectResult): SubjectChange {
  const change = dec(a.score).minus(dec(b.score));
  const places = Math.max(placesOf(a.score), placesOf(b.score));
  let causes: GradeCauses | undefined;
  if (b.grade !== a.grade || !change.isZero() || b.rawGrade !== a.rawGrade) {
    const { items, rest } = itemCauses(b, a, change);
    causes = { items, rest: format(rest), rules: ruleCauses(b, a), rawGrade: { before: b.rawGrade, after: a.rawGrade } };
  }
  return {
    id: a.id,
    ...(a.name !== undefined ? { name: a.name } : b.name !== undefined ? { name: b.name } : {}),
    scoreBefore: b.score,
    scoreAfter: a.score,
    scoreChange: format(change, places),
    gradeBefore: b.grade,
    gradeAfter: a.grade,
    rankBefore: b.rank,
    rankAfter: a.rank,
    rankChange: b.rank !== null && a.rank !== null ? b.rank - a.rank : null,
    ...(causes ? { causes } : {}),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isDecimalText = (v: unknown): boolean => typeof v === "string" && parseDecimal(v) !== undefined;

/** What is wrong with a node of a result, or undefined. */
function nodeProblem(n: unknown): string | undefined {
  if (!isObject(n) || typeof n.id !== "string" || typeof n.label !== "string" || (n.type !== "item" && n.type !== "group") || typeof n.kind !== "string") return "a node result { id, label, type, kind, parent, points, weight? }";
  if (!(n.parent === null || typeof n.parent === "string") || !isDecimalText(n.points) || !(n.weight === undefined || isDecimalText(n.weight))) return "a node result with points (and weight) as decimal strings";
  return undefined;
}

/** What is wrong with a unit of a result, or undefined. */
function unitProblem(u: unknown): string | undefined {
  if (!isObject(u) || typeof u.id !== "string" || !isDecimalText(u.score)) return "a subject result with an id and a decimal score";
  if (!(u.grade === null || typeof u.grade === "string") || !(u.rawGrade === null || typeof u.rawGrade === "string")) return "a subject result whose grade and rawGrade are ids or null";
  if (!(u.rank === null || typeof u.rank === "number") || !Array.isArray(u.nodes) || !Array.isArray(u.rules) || !Array.isArray(u.adjustments)) return "a subject result with rank, nodes, rules and adjustments";
  if (u.nodes.some((n) => nodeProblem(n) !== undefined)) return "a subject result whose nodes are node results";
  if (u.rules.some((r) => !isObject(r) || typeof r.rule !== "string") || u.adjustments.some((a) => !isObject(a) || typeof a.rule !== "string" || typeof a.kind !== "string")) return "a subject result whose rules and adjustments name their rule";
  return undefined;
}

/** The problems of an argument that should be a rubric's result (read defensively: a getter that throws is a problem, not a crash). */
function resultProblems(fn: string, argument: string, v: unknown): Issue[] {
  const shape = () => {
    if (!isObject(v) || !Array.isArray(v.units) || !Array.isArray(v.grades) || !isObject(v.rubric) || !isObject(v.summary) || !isObject(v.gradeLabels) || !isObject(v.summary.distribution)) return [badArgument(fn, argument, RESULT_EXPECTED, v)];
    const issues: Issue[] = [];
    v.units.forEach((u, i) => {
      const must = unitProblem(u);
      if (must !== undefined && issues.length < 10) issues.push(badArgument(fn, `${argument}.units[${i}]`, must, u));
    });
    return issues;
  };
  try {
    return shape();
  } catch {
    return [badArgument(fn, argument, `${RESULT_EXPECTED}, whose properties can be read`, v)];
  }
}

const RESULT_EXPECTED = "a rubric's result (one of assess(...).results)";

/**
 * What a new rubric version does to the same subjects; never throws.
 *
 * @param before - the result of the old version (one of `assess(...).results`)
 * @param after - the result of the new version, over the same subjects
 * @returns `{ ok: true, value: AssessmentDiff }` or `{ ok: false, issues }` (API_BAD_ARGUMENT)
 * @example
 * const d = safeDiffAssessments(assess(h1, rows).results[0], assess(h2, rows).results[0]);
 * d.ok && d.value.counts
 * // => { subjects: 12, higher: 1, lower: 7, same: 4, gradeChanged: 0, rankChanged: 4 }
 */
export function safeDiffAssessments(before: RubricResult, after: RubricResult): Result<AssessmentDiff> {
  const fn = "safeDiffAssessments";
  try {
    const bad: Issue[] = [...resultProblems(fn, "before", before), ...resultProblems(fn, "after", after)];
    if (bad.length > 0) return fail(bad);
    return ok(compare(before, after));
  } catch (e) {
    return fail([makeIssue("API_INTERNAL_ERROR", { fn, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })]);
  }
}

function compare(before: RubricResult, after: RubricResult): AssessmentDiff {
  const old = new Map(before.units.map((u) => [u.id, u]));
  const fresh = new Set(after.units.map((u) => u.id));
  const subjects: SubjectChange[] = [];
  for (const u of after.units) {
    const b = old.get(u.id);
    if (b) subjects.push(subjectChange(b, u));
  }
  const rowKeys = [...before.grades, ...(subjects.some((s) => s.gradeBefore === null) ? [EXCLUDED] : [])];
  const colKeys = [...after.grades, ...(subjects.some((s) => s.gradeAfter === null) ? [EXCLUDED] : [])];
  const matrix = record(rowKeys.map((r) => [r, record(colKeys.map((c) => [c, 0] as const))] as const));
  for (const s of subjects) matrix[s.gradeBefore ?? EXCLUDED]![s.gradeAfter ?? EXCLUDED]!++;
  const change = (s: SubjectChange) => dec(s.scoreChange);
  const side = (r: RubricResult) => ({ id: r.rubric.id, version: r.rubric.version, name: r.rubric.name, grades: [...r.grades], gradeLabels: record(Object.entries(r.gradeLabels)) });
  return {
    before: side(before),
    after: side(after),
    subjects,
    onlyBefore: before.units.filter((u) => !fresh.has(u.id)).map((u) => u.id),
    onlyAfter: after.units.filter((u) => !old.has(u.id)).map((u) => u.id),
    counts: {
      subjects: subjects.length,
      higher: subjects.filter((s) => change(s).gt(0)).length,
      lower: subjects.filter((s) => change(s).lt(0)).length,
      same: subjects.filter((s) => change(s).isZero()).length,
      gradeChanged: subjects.filter((s) => s.gradeBefore !== s.gradeAfter).length,
      rankChanged: subjects.filter((s) => s.rankBefore !== s.rankAfter).length,
    },
    matrix,
    distribution: { before: record(Object.entries(before.summary.distribution)), after: record(Object.entries(after.summary.distribution)) },
    withoutItems: [...before.units, ...after.units].every((u) => u.nodes.length === 0),
  };
}

/**
 * What a new rubric version does to the same subjects: per subject the score change,
 * grade change and rank change; for each grade change its causes (the items with the
 * largest contributions to the score change, from each unit's `nodes`, and every rule or
 * quota that acted in one version only); the grade → grade matrix and both
 * distributions. Causes are given for every subject whose score, raw grade or grade
 * changed. Pure; decimals are exact strings. Subjects are matched by id.
 *
 * @param before - the result of the old version (one of `assess(...).results`, trail "points" or "full")
 * @param after - the result of the new version, over the same subjects
 * @returns the {@link AssessmentDiff}
 * @throws KaoheError (API_BAD_ARGUMENT) when either is not a rubric's result
 * @example
 * // the Shenghe example year (rubrics/shenghe-branch), each version setting aside the other's column
 * const before = assess(h1, rows, { ignoreColumns: ["l5b", "经营指标得分"] }).results[0];
 * const after = assess(h2, rows, { ignoreColumns: ["l5", "经营指标得分"] }).results[0];
 * const c06 = diffAssessments(before, after).subjects.find((s) => s.id === "C06");
 * [c06.scoreBefore, c06.scoreAfter, c06.scoreChange, c06.rankBefore, c06.rankAfter]
 * // => ["95.50", "94.70", "-0.80", 4, 5]
 * c06.causes.items.map((i) => `${i.item} ${i.contribution}`)
 * // => ["l5 -4", "l5b 3.2"]
 */
export function diffAssessments(before: RubricResult, after: RubricResult): AssessmentDiff {
  const r = safeDiffAssessments(before, after);
  if (!r.ok) throw new KaoheError(r.issues);
  return r.value;
}
