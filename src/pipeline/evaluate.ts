/**
 * The engine: one rubric (or a linked set) over a batch of subjects. Pure: no I/O,
 * no clock, no randomness; the same rubric and data give the same result.
 *
 * Order of evaluation, per rubric:
 *  1. subject data checked at the boundary (ids, unknown fields, types, ranges)
 *  2. batch-wide item inputs (points by rank, void ballots)
 *  3. item points → groups → components → total: the root's points, rounded if the
 *     rubric declares rounding (exact until then; every fact reads that one number)
 *  4. raw grade by bands (with `requires` and the bandGaps policy)
 *  5. exclusions, then vetoes
 *  6. ranking (total, then tie-breakers) overall and per group
 *  7. downgrades, then caps
 *  8. quotas, best grade first
 *  9. actions and tiers
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import type { CompiledRubric, LinkedFacts, RubricSet } from "../compile/model.js";
import { applyQuotas } from "../cohort/quota.js";
import { compareIds, rankCohort } from "../cohort/rank.js";
import { subjectView, type RubricResult, type SubjectResult, type TrailLevel, type TrailSource } from "../report/result.js";
import { computeCohortInputs } from "../engine/cohort-inputs.js";
import { ZERO } from "../decimal/decimal.js";
import { assignGrade, type GradeNote } from "../engine/grade.js";
import { applyDowngradesAndCaps, applyExclusions, applyVetoes } from "../engine/rules.js";
import { scoreTree } from "../engine/score-tree.js";
import { SubjectState } from "../engine/state.js";
import { checkSubjects, prepareSubject, type DataLimits, type SubjectData, type SubjectIdentity } from "../engine/subject-data.js";

/** Results of a set, one per rubric in evaluation order, or every issue found. */
export type SetEvaluation = { readonly results: readonly RubricResult[]; readonly issues: readonly Issue[] };

export type Progress = (done: number, total: number, rubric: string) => void;

export interface EvaluateOptions {
  readonly onProgress?: Progress;
  readonly trail?: TrailLevel;
  /** Bounds on the batch (rows, columns, cell length); see DataLimits for the defaults. */
  readonly limits?: DataLimits;
}

export function evaluateSet(set: RubricSet, rows: readonly SubjectData[], options: EvaluateOptions = {}): SetEvaluation {
  const { subjects, issues } = checkSubjects(rows, set.rubrics, options.limits);
  if (issues.length > 0) return { results: [], issues: sortIssues(issues) };
  const linked = new Map<string, Map<string, LinkedFacts>>();
  const results: RubricResult[] = [];
  for (const rubric of set.rubrics) {
    const out = evaluateRubric(rubric, subjects, linked, options);
    if (out.issues.length > 0) return { results: [], issues: sortIssues(out.issues) };
    results.push(out.result!);
    linked.set(rubric.id, out.linked!);
  }
  return { results, issues: [] };
}

function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function evaluateRubric(
  rubric: CompiledRubric,
  identities: readonly SubjectIdentity[],
  linked: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
  { onProgress, trail = "full" }: EvaluateOptions,
): { result?: RubricResult; linked?: Map<string, LinkedFacts>; issues: Issue[] } {
  const issues: Issue[] = [];
  const prepared = identities.map((s) => prepareSubject(s, rubric, issues));
  if (issues.length > 0) return { issues };
  const cohort = computeCohortInputs(rubric, prepared);
  const states = prepared.map((p) => new SubjectState(rubric, p, linked, issues, false));
  const refs = new Map(states.map((s, i) => [s, i] as const));
  const gradeNotes = new Map<SubjectState, readonly GradeNote[]>();

  // 3-4. points, total, raw grade
  let done = 0;
  for (const s of states) {
    if (onProgress && ++done % 10_000 === 0) onProgress(done, states.length, rubric.id);
    if (!scoreTree(rubric.root, s, cohort, rubric.rounding)) continue;
    // One total: the root's points, already rounded when the rubric declares rounding.
    const total = s.scores.get(rubric.root.id)?.points ?? ZERO;
    s.total = total;
    s.scoredTotal = total;
    let zeroItems = 0;
    // A bonus or an adjustment at 0 is nothing earned or lost, not an item scored 0.
    for (const i of rubric.items) if (i.method.kind !== "bonus" && i.method.kind !== "adjust" && s.scores.get(i.id)?.points.isZero()) zeroItems++;
    s.zeroItems = zeroItems;
    const assigned = assignGrade(rubric, total, s);
    if (assigned.grade === undefined) s.fail("EVAL_NO_GRADE", { score: total.toFixed() });
    s.grade = s.rawGrade = assigned.grade;
    const skipped = s.skipped.map((k): GradeNote => ({ key: "skipped", item: k.item, column: k.column }));
    if (skipped.length || assigned.notes.length) gradeNotes.set(s, [...skipped, ...assigned.notes]);
    s.compact();
  }
  if (issues.length > 0) return { issues };

  // 5. exclusions and vetoes
  for (const s of states) {
    applyExclusions(rubric, s);
    if (!s.excluded) applyVetoes(rubric, s);
  }
  // 6. ranking
  const ranked = states.filter((s) => !s.excluded && !s.unranked);
  rankCohort(ranked, rubric.tieBreakers);
  // 7. downgrades and caps
  for (const s of states) if (!s.excluded) applyDowngradesAndCaps(rubric, s);
  // 8. quotas
  const warnings = applyQuotas(rubric, states).map((w) =>
    makeIssue("EVAL_QUOTA_HELD_BY_RULES", { ...w }, { rubric: rubric.id, severity: "warning" }),
  );
  // 9. actions and tiers
  for (const s of states) {
    if (s.excluded) continue;
    for (const a of rubric.actions) if (!a.when || a.when.test(s)) s.actions.push({ id: a.id, label: a.label });
    const tier = rubric.tiers.find((t) => !t.when || t.when.test(s));
    if (tier) s.tier = { id: tier.id, label: tier.label, ...(tier.followUp ? { followUp: tier.followUp } : {}) };
  }
  if (issues.length > 0) return { issues };

  const ordered = [...states].sort(
    (a, b) => Number(a.excluded || a.unranked) - Number(b.excluded || b.unranked) || (a.rank?.rank ?? 0) - (b.rank?.rank ?? 0) || compareIds(a.id, b.id),
  );
  const source: TrailSource = {
    rubric,
    level: trail,
    rescore(ref) {
      const s = new SubjectState(rubric, prepared[ref]!, linked, [], true);
      scoreTree(rubric.root, s, cohort, rubric.rounding);
      return s.scores;
    },
  };
  const units: SubjectResult[] = ordered.map((s) =>
    subjectView(source, refs.get(s)!, {
      id: s.id,
      ...(s.subject.name !== undefined ? { name: s.subject.name } : {}),
      ...(s.subject.group !== undefined ? { group: s.subject.group } : {}),
      total: s.total,
      grade: s.grade,
      rawGrade: s.rawGrade,
      rank: s.rank?.rank ?? null,
      groupRank: s.groupRank?.rank ?? null,
      excluded: s.excluded,
      adjustments: s.adjustments,
      actions: s.actions,
      tier: s.tier ?? null,
      rules: s.fired,
      gradeNotes: gradeNotes.get(s) ?? [],
    }),
  );
  const scale = rubric.grades.map((g) => g.id);
  const labels = rubric.grades.map((g) => g.label);
  const linkedFacts = new Map<string, LinkedFacts>();
  for (const s of states)
    linkedFacts.set(s.id, { score: s.total, scale, labels, grade: s.excluded ? null : scale[s.grade!]!, rank: s.rank, excluded: s.excluded });
  return { result: { rubric: { id: rubric.id, version: rubric.version, name: rubric.name, year: rubric.year }, grades: scale, gradeLabels: dictionary(rubric.grades.map((g) => [g.id, g.label])), units, summary: summarise(scale, units), warnings }, linked: linkedFacts, issues };
}

/**
 * A result mapping keyed by data or rubric text (groups, grade ids): a null-prototype
 * object with own data properties, so a group named `__proto__`, `constructor` or
 * `toString` is an ordinary key, JSON.stringify outputs it, and nothing is written to
 * Object.prototype.
 */
function dictionary<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

function summarise(scale: readonly string[], units: readonly SubjectResult[]): RubricResult["summary"] {
  const empty = () => dictionary(scale.map((g) => [g, 0] as const));
  const distribution = empty();
  const byGroup = new Map<string, Record<string, number>>();
  let graded = 0;
  for (const u of units) {
    if (u.grade === null) continue;
    graded++;
    distribution[u.grade]!++;
    if (u.group !== undefined) {
      let counts = byGroup.get(u.group);
      if (!counts) byGroup.set(u.group, (counts = empty()));
      counts[u.grade]!++;
    }
  }
  const groups = [...byGroup.keys()].sort(compareIds);
  return {
    count: units.length,
    graded,
    excluded: units.length - graded,
    distribution,
    ...(groups.length ? { byGroup: dictionary(groups.map((g) => [g, byGroup.get(g)!] as const)) } : {}),
  };
}
