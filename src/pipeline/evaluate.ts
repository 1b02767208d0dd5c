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
 *
 * Each step is a stage from tables to new tables (engine/tables.ts: a score table,
 * grade and flag columns in typed arrays, rank columns, sparse adjustments); this file
 * is the one place they are composed. Scoring walks the rubric's plan (plan/plan.ts)
 * in exact integers where the plan proved it safe, in Dec elsewhere; units are views
 * whose `nodes` are re-scored when read (report/result.ts). See docs/engine.md.
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import type { CompiledRubric, LinkedFacts, RubricSet } from "../compile/model.js";
import { applyQuotas } from "../cohort/quota.js";
import { compareIds, rankStage } from "../cohort/rank.js";
import { unitView, type RubricResult, type SubjectResult, type TrailLevel, type TrailSource, type UnitTables } from "../report/result.js";
import type { Dec } from "../decimal/decimal.js";
import { computeCohortInputs } from "../engine/cohort-inputs.js";
import { gradeStage } from "../engine/grade.js";
import { actionStage, applyEarlyRules, applyLateRules, initialVerdicts } from "../engine/rules.js";
import { rescoreSubject, scoreSubjects } from "../engine/score-tree.js";
import { IssueLog } from "../engine/state.js";
import { NO_GRADE, RowContext } from "../engine/tables.js";
import type { DataTable } from "../engine/data-table.js";
import { checkSubjects, type DataLimits, type SubjectData, type SubjectIdentity } from "../engine/subject-data.js";
import { prepareSubjects } from "../engine/prepare.js";
import { planOf } from "../plan/plan.js";

/** Results of a set, one per rubric in evaluation order, or every issue found. */
export type SetEvaluation = { readonly results: readonly RubricResult[]; readonly issues: readonly Issue[] };

export type Progress = (done: number, total: number, rubric: string) => void;

export interface EvaluateOptions {
  readonly onProgress?: Progress;
  readonly trail?: TrailLevel;
  /** Bounds on the batch (rows, columns, cell length); see DataLimits for the defaults. */
  readonly limits?: DataLimits;
}

export function evaluateSet(set: RubricSet, rows: readonly SubjectData[] | DataTable, options: EvaluateOptions = {}): SetEvaluation {
  const { subjects, issues } = checkSubjects(rows, set.rubrics, options.limits);
  if (issues.length > 0) return { results: [], issues: sortIssues(issues) };
  const linked = new Map<string, Map<string, LinkedFacts>>();
  const results: RubricResult[] = [];
  for (const rubric of set.rubrics) {
    // Another rubric of the set reads this one's results (linked items, rubric.<id> facts).
    const read = set.rubrics.some((r) => r.dependencies.has(rubric.id));
    const out = evaluateRubric(rubric, subjects, linked, options, read);
    if (out.issues.length > 0) return { results: [], issues: sortIssues(out.issues) };
    results.push(out.result!);
    if (out.linked) linked.set(rubric.id, out.linked);
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
  read = true,
): { result?: RubricResult; linked?: Map<string, LinkedFacts>; issues: Issue[] } {
  const boundary: Issue[] = [];
  const { subjects: prepared, inputs } = prepareSubjects(identities, rubric, boundary);
  if (boundary.length > 0) return { issues: boundary };
  const log = new IssueLog(rubric);
  const cohort = computeCohortInputs(rubric, prepared);

  // 3. points, total (the score table)
  const table = scoreSubjects(rubric, prepared, inputs, cohort, linked, log, onProgress && ((done, total) => onProgress(done, total, rubric.id)));
  const ctx = new RowContext(rubric, planOf(rubric), table, log, linked);
  // 4. raw grade
  const graded = gradeStage(rubric, table, ctx, log);
  if (log.issues.length > 0) return { issues: log.issues };
  // 5. exclusions and vetoes
  const early = applyEarlyRules(rubric, initialVerdicts(table, graded.raw), ctx);
  // 6. ranking
  const ranks = rankStage(rubric.tieBreakers, early, ctx);
  // 7. downgrades and caps
  const late = applyLateRules(rubric, early, ranks, ctx);
  // 8. quotas
  const ids = ctx.idsOf();
  const quotas = applyQuotas(rubric, late, ranks, ids, prepared.map((p) => p.group));
  const v = quotas.verdicts;
  const warnings = quotas.warnings.map((w) => makeIssue("EVAL_QUOTA_HELD_BY_RULES", { ...w }, { rubric: rubric.id, severity: "warning" }));
  // 9. actions and tiers
  const { actions, tiers } = actionStage(rubric, v, ranks, ctx);
  if (log.issues.length > 0) return { issues: log.issues };

  // The report: units in rank order (ties by id), excluded and unranked subjects last.
  const n = prepared.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  // One number per subject: excluded or unranked (last) above the rank (< 2^32), ties by id.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = (v.excluded[i]! | v.unranked[i]!) * 4294967296 + ranks.rank[i]!;
  order.sort((a, b) => key[a]! - key[b]! || compareIds(ids[a]!, ids[b]!));
  const source: TrailSource = { rubric, level: trail, rescore: (i) => rescoreSubject(rubric, prepared[i]!, cohort, linked) };
  const tables: UnitTables = {
    subjects: prepared,
    gradeIds: rubric.grades.map((g) => g.id),
    places: rubric.rounding?.places,
    noGrade: NO_GRADE,
    total: v.total as readonly Dec[],
    grade: v.grade,
    rawGrade: v.rawGrade,
    excluded: v.excluded,
    rank: ranks.rank,
    groupRank: ranks.groupRank,
    adjustments: v.adjustments,
    actions,
    tiers,
    fired: v.fired,
    notes: graded.notes,
  };
  const units: SubjectResult[] = new Array<SubjectResult>(n);
  for (let k = 0; k < n; k++) units[k] = unitView(source, tables, order[k]!);
  const scale = rubric.grades.map((g) => g.id);
  const labels = rubric.grades.map((g) => g.label);
  const linkedFacts = read ? new Map<string, LinkedFacts>() : undefined;
  for (let i = 0; linkedFacts && i < n; i++) {
    const r = ranks.rank[i];
    linkedFacts.set(prepared[i]!.id, { score: v.total[i]!, scale, labels, grade: v.excluded[i] ? null : scale[v.grade[i]!]!, rank: r ? { rank: r, of: ranks.of } : undefined, excluded: v.excluded[i] === 1 });
  }
  const result: RubricResult = { rubric: { id: rubric.id, version: rubric.version, name: rubric.name, year: rubric.year }, grades: scale, gradeLabels: dictionary(rubric.grades.map((g) => [g.id, g.label])), units, summary: summarise(scale, units), warnings };
  return { result, ...(linkedFacts ? { linked: linkedFacts } : {}), issues: [] };
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
