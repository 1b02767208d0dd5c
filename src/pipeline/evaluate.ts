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
import { compareIds, idsAscend, rankStage } from "../cohort/rank.js";
import { defineLazyUnits, type RubricResult, type TrailLevel, type TrailSource, type UnitTables } from "../report/result.js";
import type { Dec } from "../decimal/decimal.js";
import { computeCohortInputs, type CohortInputs } from "../engine/cohort-inputs.js";
import { gradeStage } from "../engine/grade.js";
import { actionStage, applyEarlyRules, applyLateRules, initialVerdicts } from "../engine/rules.js";
import { rescoreSubject, scoreSubjects } from "../engine/score-tree.js";
import { pointBlocks } from "../engine/score-points.js";
import { IssueLog } from "../engine/state.js";
import { NO_GRADE, RowContext } from "../engine/tables.js";
import type { DataTable } from "../engine/data-table.js";
import { checkSubjects, type DataLimits, type PreparedSubject, type SubjectData } from "../engine/subject-data.js";
import type { InputTable } from "../engine/input-table.js";
import { EarlyValues, prepareSubjects, type ColumnHelper } from "../engine/prepare.js";
import { planOf } from "../plan/plan.js";

/** Results of a set, one per rubric in evaluation order, or every issue found. */
export type SetEvaluation = { readonly results: readonly RubricResult[]; readonly issues: readonly Issue[] };

export type Progress = (done: number, total: number, rubric: string) => void;

export interface EvaluateOptions {
  readonly onProgress?: Progress;
  readonly trail?: TrailLevel;
  /** Bounds on the batch (rows, columns, cell length); see DataLimits for the defaults. */
  readonly limits?: DataLimits;
  /** A thread that reads some input columns of a large table while this one reads the rest (the CLI's io/cells-thread.ts). */
  readonly columnHelper?: ColumnHelper;
}

export function evaluateSet(set: RubricSet, rows: readonly SubjectData[] | DataTable, options: EvaluateOptions = {}): SetEvaluation {
  // One rubric over object rows: their values are read as the rows are checked (EarlyValues), not a second time.
  const early = set.rubrics.length === 1 && Array.isArray(rows) ? new EarlyValues(set.rubrics[0]!, rows.length) : undefined;
  const { subjects, issues } = checkSubjects(rows, set.rubrics, options.limits, early);
  if (issues.length > 0) return { results: [], issues: sortIssues(issues) };
  // Every rubric's input table first: then nothing holds the rows (a CSV table's text) while the batch is scored.
  const boundaries = set.rubrics.map((rubric) => {
    const found: Issue[] = [];
    return { ...prepareSubjects(subjects, rubric, found, early, options.columnHelper), issues: found };
  });
  subjects.length = 0;
  const linked = new Map<string, Map<string, LinkedFacts>>();
  const results: RubricResult[] = [];
  for (const [k, rubric] of set.rubrics.entries()) {
    // Reported as before: the first rubric (in evaluation order) with a problem, boundary or evaluation.
    const boundary = boundaries[k]!;
    if (boundary.issues.length > 0) return { results: [], issues: sortIssues(boundary.issues) };
    // Another rubric of the set reads this one's results (linked items, rubric.<id> facts).
    const read = set.rubrics.some((r) => r.dependencies.has(rubric.id));
    const out = evaluateRubric(rubric, boundary.subjects, boundary.inputs, linked, options, read);
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
  prepared: readonly PreparedSubject[],
  inputs: InputTable,
  linked: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
  { onProgress, trail = "full" }: EvaluateOptions,
  read = true,
): { result?: RubricResult; linked?: Map<string, LinkedFacts>; issues: Issue[] } {
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
  // 6. ranking (rows whose ids ascend, as a batch sorted by id, need no ties sorted by id)
  const ids = ctx.idsOf();
  const inIdOrder = idsAscend(ids);
  const ranks = rankStage(rubric.tieBreakers, early, ctx, inIdOrder);
  // 7. downgrades and caps
  const late = applyLateRules(rubric, early, ranks, ctx);
  // 8. quotas
  // Each subject's group (undefined when no subject has one), read once for the quotas and the report.
  const groups = column(prepared, (p) => p.group);
  const quotas = applyQuotas(rubric, late, ranks, ids, groups ?? NO_GROUPS, inIdOrder);
  const v = quotas.verdicts;
  const warnings = quotas.warnings.map((w) => makeIssue("EVAL_QUOTA_HELD_BY_RULES", { ...w }, { rubric: rubric.id, severity: "warning" }));
  // 9. actions and tiers
  const { actions, tiers } = actionStage(rubric, v, ranks, ctx);
  if (log.issues.length > 0) return { issues: log.issues };

  // The report: units in rank order (ties by id), excluded and unranked subjects last.
  const n = prepared.length;
  const order = unitOrder(v, ranks.rank, ids, inIdOrder);
  const scale = rubric.grades.map((g) => g.id);
  const tables: UnitTables = {
    ids,
    names: column(prepared, (p) => p.name),
    groups,
    gradeIds: scale,
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
  const labels = rubric.grades.map((g) => g.label);
  const linkedFacts = read ? new Map<string, LinkedFacts>() : undefined;
  for (let i = 0; linkedFacts && i < n; i++) {
    const r = ranks.rank[i];
    linkedFacts.set(prepared[i]!.id, { score: v.total[i]!, scale, labels, grade: v.excluded[i] ? null : scale[v.grade[i]!]!, rank: r ? { rank: r, of: ranks.of } : undefined, excluded: v.excluded[i] === 1 });
  }
  // Units are views built when `units` is first read (a streaming writer goes through them one at a time instead).
  const result: RubricResult = { rubric: { id: rubric.id, version: rubric.version, name: rubric.name, year: rubric.year }, grades: scale, gradeLabels: dictionary(rubric.grades.map((g) => [g.id, g.label])), units: [], summary: summarise(scale, tables), warnings };
  defineLazyUnits(result, trailSource(rubric, trail, prepared, inputs, cohort, linked), tables, order);
  return { result, ...(linkedFacts ? { linked: linkedFacts } : {}), issues: [] };
}

/** No subject has a group: every subject's reads as undefined. */
const NO_GROUPS: readonly (string | undefined)[] = Object.freeze([]);

/** The rescore of trail "none" (never called: units of that trail have no nodes). */
const noTrail: TrailSource["rescore"] = () => new Map();

/** A column of one field of each subject, or undefined when no subject has it. */
function column(prepared: readonly PreparedSubject[], field: (p: PreparedSubject) => string | undefined): (string | undefined)[] | undefined {
  const out = new Array<string | undefined>(prepared.length);
  let any = false;
  for (let i = 0; i < prepared.length; i++) if ((out[i] = field(prepared[i]!)) !== undefined) any = true;
  return any ? out : undefined;
}

/**
 * Where the units' `nodes` come from. Built here, outside evaluateRubric, so that what it
 * keeps is only what it names: with trail "none" nothing of the subjects' data, which a
 * result whose units are not yet read would otherwise keep alive (a closure keeps its
 * whole scope, hence noTrail outside this function).
 */
function trailSource(rubric: CompiledRubric, level: TrailLevel, prepared: readonly PreparedSubject[], inputs: InputTable, cohort: CohortInputs, linked: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>): TrailSource {
  if (level === "none") return { rubric, level, rescore: noTrail };
  return { rubric, level, rescore: (i) => rescoreSubject(rubric, prepared[i]!, cohort, linked), points: (ids) => pointBlocks(rubric, prepared, inputs, cohort, linked, ids) };
}

/**
 * The order of the units: by rank (1, 2, 2, 4…), ties by id (compareIds), then the
 * excluded and unranked subjects by id. Exactly the order of sorting every subject by
 * (excluded or unranked, rank, id), computed as a counting sort on the rank, which is a
 * whole number from 0 to n, with only the subjects that share a rank (a bucket) sorted
 * by id. A subject neither excluded nor unranked without a rank (0) comes first, as in
 * that sort. Should a rank lie outside 0…n, or an excluded or unranked subject have one,
 * it falls back to that sort. `inIdOrder`: the ids ascend row by row (idsAscend), so
 * that every bucket, filled in row order, already is in id order.
 */
export function unitOrder(v: { readonly excluded: Uint8Array; readonly unranked: Uint8Array }, rank: Int32Array, ids: readonly string[], inIdOrder = false): Uint32Array {
  const n = rank.length;
  // Bucket b: rank b for 0 ≤ b ≤ n; bucket n + 1: excluded or unranked (all of rank 0).
  const start = new Uint32Array(n + 3);
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    const last = v.excluded[i]! | v.unranked[i]!;
    if (r < 0 || r > n || (last && r !== 0)) return sortedOrder(v, rank, ids);
    start[(last ? n + 1 : r) + 1]!++;
  }
  for (let b = 1; b < n + 3; b++) start[b]! += start[b - 1]!;
  const order = new Uint32Array(n);
  const next = start.slice(0, n + 2);
  for (let i = 0; i < n; i++) order[next[v.excluded[i]! | v.unranked[i]! ? n + 1 : rank[i]!]!++] = i;
  // Within a bucket, by id; rows went in ascending, as the sort (stable) would keep equal
  // ids. A bucket already in id order (rows often come in id order) is left as it is.
  if (inIdOrder) return order;
  const byId = (a: number, b: number) => compareIds(ids[a]!, ids[b]!);
  for (let b = 0; b < n + 2; b++) {
    const from = start[b]!;
    const to = start[b + 1]!;
    let k = from + 1;
    while (k < to && compareIds(ids[order[k - 1]!]!, ids[order[k]!]!) <= 0) k++;
    if (k < to) order.subarray(from, to).sort(byId);
  }
  return order;
}

/** The same order by one sort of every subject (the general case of unitOrder). */
function sortedOrder(v: { readonly excluded: Uint8Array; readonly unranked: Uint8Array }, rank: Int32Array, ids: readonly string[]): Uint32Array {
  const n = rank.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  // One number per subject: excluded or unranked (last) above the rank (< 2^32), ties by id.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = (v.excluded[i]! | v.unranked[i]!) * 4294967296 + rank[i]!;
  return order.sort((a, b) => key[a]! - key[b]! || compareIds(ids[a]!, ids[b]!));
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

/** The batch figures, read from the grade, exclusion and group columns (as counting the units would). */
function summarise(scale: readonly string[], t: UnitTables): RubricResult["summary"] {
  const n = t.ids.length;
  const k = scale.length;
  // Counts by grade index; per group, at that group's slot (groups numbered as first met).
  const distribution = new Float64Array(k);
  const slot = new Map<string, number>();
  const byGroup: Float64Array[] = [];
  let graded = 0;
  for (let i = 0; i < n; i++) {
    const g = t.grade[i]!;
    if (t.excluded[i] === 1 || g === t.noGrade) continue;
    graded++;
    distribution[g]!++;
    const group = t.groups?.[i];
    if (group !== undefined) {
      let s = slot.get(group);
      if (s === undefined) {
        slot.set(group, (s = byGroup.length));
        byGroup.push(new Float64Array(k));
      }
      byGroup[s]![g]!++;
    }
  }
  const counts = (c: Float64Array) => dictionary(scale.map((g, j) => [g, c[j]!] as const));
  const groups = [...slot.keys()].sort(compareIds);
  return {
    count: n,
    graded,
    excluded: n - graded,
    distribution: counts(distribution),
    ...(groups.length ? { byGroup: dictionary(groups.map((g) => [g, counts(byGroup[slot.get(g)!]!)] as const)) } : {}),
  };
}
