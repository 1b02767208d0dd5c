/**
 * Condition branches for coverage: every node of every condition (all / any / not and
 * the facts and comparisons under them) decided true by some case's subject and false
 * by another. Each node is decided on its own against the subject's facts, with the
 * one interpreter (engine/condition.ts testCondition), so a branch that `any` or `all`
 * would not reach still counts for what it would decide.
 *
 * The facts are rebuilt from the public results of the case (points, total, grades,
 * ranks, linked rubrics' results) and the subject's inputs as the boundary reads them,
 * at the stage where each condition is evaluated: exclusions and vetoes see the raw
 * grade and the total before a veto zeroes it; downgrades the grade after vetoes; caps
 * after downgrades; actions and tiers the final grade. A condition counts only for the
 * subjects it is evaluated for (docs/testing.md "Condition branches").
 * @internal
 */
import type { CompiledCondition, CompiledRubric, ConditionNode, FactContext, GradeSpec, InputValue, LinkedFacts, RankValue, TreeNode } from "../compile/model.js";
import { dec, type Dec } from "../decimal/decimal.js";
import type { Issue } from "../diagnostics/issue.js";
import { testCondition, tieBreakerValue } from "../engine/condition.js";
import { checkSubjects, type PreparedSubject, type SubjectData } from "../engine/subject-data.js";
import { prepareSubject } from "../engine/prepare.js";
import type { RubricPath } from "../parse/locate.js";
import { exactOf, exactScore, type RubricResult, type SubjectResult } from "../report/result.js";

/** Where a condition is evaluated, which decides the subjects it is evaluated for and the facts it sees. */
type Stage =
  | { readonly kind: "ranking" }
  | { readonly kind: "exclusion"; readonly index: number }
  | { readonly kind: "veto" | "downgrade" | "cap" }
  | { readonly kind: "requires"; readonly grade: number }
  | { readonly kind: "node"; readonly node: string }
  | { readonly kind: "action" }
  | { readonly kind: "tier"; readonly index: number };

/** A condition of the rubric with the stage it is evaluated at. */
export interface PlacedCondition {
  readonly condition: CompiledCondition;
  readonly stage: Stage;
}

/** Every condition of a rubric, in rubric order of kinds: grades, rules, nodes and entries, actions, tiers. */
export function conditionsOf(rubric: CompiledRubric): PlacedCondition[] {
  const out: PlacedCondition[] = [];
  rubric.grades.forEach((g, i) => g.requires && out.push({ condition: g.requires, stage: { kind: "requires", grade: i } }));
  rubric.rules.exclusions.forEach((r, index) => out.push({ condition: r.when, stage: { kind: "exclusion", index } }));
  for (const r of rubric.rules.vetoes) out.push({ condition: r.when, stage: { kind: "veto" } });
  for (const r of rubric.rules.downgrades) out.push({ condition: r.when, stage: { kind: "downgrade" } });
  for (const r of rubric.rules.caps) out.push({ condition: r.when, stage: { kind: "cap" } });
  const walk = (node: TreeNode, parent: string | undefined) => {
    if (node.only) out.push({ condition: node.only, stage: { kind: "node", node: parent ?? node.id } });
    if (node.type === "group") for (const c of [...node.children, ...node.outside]) walk(c, node.id);
    else {
      const m = node.method;
      const entries = m.kind === "deduct" ? m.entries : m.kind === "bonus" ? [...m.entries, ...m.outside] : m.kind === "adjust" ? [...m.additions, ...m.deductions] : [];
      if (m.kind === "deduct" && m.zeroIf) out.push({ condition: m.zeroIf, stage: { kind: "node", node: node.id } });
      for (const e of entries) if (e.type === "when") out.push({ condition: e.when, stage: { kind: "node", node: node.id } });
    }
  };
  walk(rubric.root, undefined);
  for (const a of rubric.actions) if (a.when) out.push({ condition: a.when, stage: { kind: "action" } });
  rubric.tiers.forEach((t, index) => t.when && out.push({ condition: t.when, stage: { kind: "tier", index } }));
  return out;
}

/** Every node of a condition, the root first. */
export function conditionNodes(node: ConditionNode): ConditionNode[] {
  switch (node.op) {
    case "all":
    case "any":
      return [node, ...node.of.flatMap(conditionNodes)];
    case "not":
      return [node, ...conditionNodes(node.of)];
    default:
      return [node];
  }
}

/** A rubric path as text: rules[0].when.any[1]. */
export function pathText(path: RubricPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** One case's run as the condition walk needs it. */
export interface ConditionCase {
  readonly name: string;
  readonly subjects: readonly SubjectData[];
  readonly result: RubricResult;
  readonly results: readonly RubricResult[];
}

/** For each condition node (by path text), the cases that decided it true and false. */
export type ConditionHits = Map<string, { readonly node: ConditionNode; readonly true: string[]; readonly false: string[] }>;

/** Decide every node of every condition of the rubric for every subject of the cases. */
export function conditionHits(rubric: CompiledRubric, cases: readonly ConditionCase[]): ConditionHits {
  const placed = conditionsOf(rubric);
  const hits: ConditionHits = new Map();
  for (const p of placed)
    for (const node of conditionNodes(p.condition.node)) hits.set(pathText(node.path), { node, true: [], false: [] });
  if (placed.length === 0) return hits;
  const mark = (list: string[], name: string) => list[list.length - 1] !== name && list.push(name);
  for (const c of cases) {
    const prepared = preparedSubjects(rubric, c.subjects);
    for (const u of c.result.units) {
      const subject = prepared.get(u.id);
      if (!subject) continue;
      for (const p of placed) {
        const ctx = evaluatedFor(rubric, p.stage, u) ? factsAt(rubric, p.stage, u, subject, c) : undefined;
        if (!ctx) continue;
        for (const node of conditionNodes(p.condition.node)) {
          const hit = hits.get(pathText(node.path))!;
          mark(testCondition({ node, text: p.condition.text }, ctx) ? hit.true : hit.false, c.name);
        }
      }
    }
  }
  return hits;
}

/** The subjects' inputs as the boundary reads them for this rubric (none for a subject it rejects). */
function preparedSubjects(rubric: CompiledRubric, rows: readonly SubjectData[]): Map<string, PreparedSubject> {
  const out = new Map<string, PreparedSubject>();
  const { subjects } = checkSubjects(rows, [rubric], { rows: Infinity, columns: Infinity, cellLength: Infinity });
  for (const s of subjects) {
    const issues: Issue[] = [];
    const p = prepareSubject(s, rubric, issues);
    if (issues.length === 0) out.set(p.id, p);
  }
  return out;
}

const gradeIndex = (result: RubricResult, id: string | null): number | undefined => {
  if (id === null) return undefined;
  const i = result.grades.indexOf(id);
  return i < 0 ? undefined : i;
};

/** Whether the condition at this stage is evaluated for the subject. */
function evaluatedFor(rubric: CompiledRubric, stage: Stage, u: SubjectResult): boolean {
  const excludedBy = u.adjustments.find((a) => a.kind === "exclusion")?.rule;
  switch (stage.kind) {
    case "exclusion":
      // Exclusions are tried in order until one holds.
      return excludedBy === undefined || rubric.rules.exclusions.findIndex((r) => r.id === excludedBy) >= stage.index;
    case "veto":
    case "downgrade":
    case "cap":
    case "action":
      return !u.excluded;
    case "ranking":
      return u.rank !== null;
    case "tier": {
      if (u.excluded) return false;
      const chosen = rubric.tiers.findIndex((t) => t.id === u.tier?.id);
      return chosen < 0 || chosen >= stage.index;
    }
    case "requires": {
      // Tried from the band the total falls in down to the raw grade.
      const band = rubric.grades.findIndex((g) => inBand(g, totalBeforeVeto(u)));
      const raw = rubric.grades.findIndex((g) => g.id === u.rawGrade);
      return band >= 0 && raw >= 0 && band <= stage.grade && stage.grade <= raw;
    }
    case "node":
      return u.nodes.some((n) => n.id === stage.node);
    default:
      return unreachableStage(stage);
  }
}

function unreachableStage(stage: never): never {
  throw new Error(`kaohe internal: unknown condition stage ${JSON.stringify(stage)}`);
}

function inBand(g: GradeSpec, score: Dec): boolean {
  if (g.lower && !(g.lower.inclusive ? score.gte(g.lower.value) : score.gt(g.lower.value))) return false;
  if (g.upper && !(g.upper.inclusive ? score.lte(g.upper.value) : score.lt(g.upper.value))) return false;
  return true;
}

/** The total graded by bands: before a veto set it to 0. */
function totalBeforeVeto(u: SubjectResult): Dec {
  const before = u.adjustments.find((a) => a.kind === "veto" && a.numbers.scoreBefore !== undefined)?.numbers.scoreBefore;
  return before !== undefined ? dec(String(before)) : exactScore(u);
}

/** The grade index after the adjustments of the given kinds, from the raw grade. */
function gradeAfter(result: RubricResult, u: SubjectResult, kinds: readonly string[]): number | undefined {
  let grade = gradeIndex(result, u.rawGrade);
  for (const a of u.adjustments) if (kinds.includes(a.kind)) grade = gradeIndex(result, a.to);
  return grade;
}

/** The facts a condition sees for one subject at its stage, rebuilt from the case's results. */
function factsAt(rubric: CompiledRubric, stage: Stage, u: SubjectResult, subject: PreparedSubject, c: ConditionCase): FactContext {
  const result = c.result;
  const early = stage.kind === "exclusion" || stage.kind === "veto" || stage.kind === "requires";
  const grade =
    stage.kind === "requires"
      ? undefined
      : early
        ? gradeIndex(result, u.rawGrade)
        : stage.kind === "downgrade" || stage.kind === "ranking"
          ? gradeAfter(result, u, ["veto"])
          : stage.kind === "cap"
            ? gradeAfter(result, u, ["veto", "downgrade"])
            : gradeIndex(result, u.grade);
  const ranked = result.units.filter((x) => x.rank !== null);
  const rank = (r: number | null, of: number): RankValue | undefined => (r === null ? undefined : { rank: r, of });
  const points = new Map(u.nodes.map((n) => [n.id, exactOf(n).points]));
  let zeroItems = 0;
  for (const i of rubric.items) if (i.method.kind !== "bonus" && i.method.kind !== "adjust" && points.get(i.id)?.isZero()) zeroItems++;
  return {
    input: (name: string): InputValue | undefined => subject.values.get(name),
    points: (id: string) => points.get(id),
    total: early ? totalBeforeVeto(u) : exactScore(u),
    grade,
    rawGrade: gradeIndex(result, u.rawGrade),
    rank: early ? undefined : rank(u.rank, ranked.length),
    groupRank: early ? undefined : rank(u.groupRank, ranked.filter((x) => x.group === u.group).length),
    group: u.group,
    zeroItems,
    linked: (rubricId: string): LinkedFacts | undefined => {
      const other = c.results.find((r) => r.rubric.id === rubricId);
      const x = other?.units.find((v) => v.id === u.id);
      if (!other || !x) return undefined;
      return {
        score: exactScore(x),
        scale: other.grades,
        labels: other.grades.map((g) => other.gradeLabels[g] ?? g),
        grade: x.grade,
        rank: rank(x.rank, other.units.filter((v) => v.rank !== null).length),
        excluded: x.excluded,
      };
    },
  };
}

/**
 * Each ranked subject's tie-breaker values, as ranking compares them (through the
 * interpreter's tieBreakerValue over the facts at the ranking stage: after vetoes).
 */
export function tieBreakerValues(rubric: CompiledRubric, c: ConditionCase): Map<string, (Dec | undefined)[]> {
  const out = new Map<string, (Dec | undefined)[]>();
  if (rubric.tieBreakers.length === 0) return out;
  const prepared = preparedSubjects(rubric, c.subjects);
  const stage: Stage = { kind: "ranking" };
  for (const u of c.result.units) {
    const subject = prepared.get(u.id);
    if (!subject || !evaluatedFor(rubric, stage, u)) continue;
    const ctx = factsAt(rubric, stage, u, subject, c);
    out.set(u.id, rubric.tieBreakers.map((t) => tieBreakerValue(t, ctx)));
  }
  return out;
}
