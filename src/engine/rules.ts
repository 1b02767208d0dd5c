/**
 * Rules after scoring. Exclusions and vetoes come before ranking (a veto may zero
 * the score or take the subject out of the ranking); downgrades and caps after it
 * (their conditions may read the rank). Rules never raise a grade.
 *
 * - exclude: the first matching exclusion removes the subject from grading, ranking and quotas.
 * - veto: grade becomes the veto grade unless the subject is already worse; optionally score 0 / unranked.
 * - downgrade: policy "sum" applies every matching rule in order, each from the current grade;
 *   "max" applies only the matching rule with the most levels (the first such). Stops at the lowest grade.
 * - cap: the grade becomes the worse of the current grade and the cap.
 * @internal
 */
import type { CompiledRubric, RuleSpec } from "../compile/model.js";
import { ZERO, type Dec } from "../decimal/decimal.js";
import type { AdjustmentKind, AdjustmentState, FiredRule } from "./state.js";
import { appendTo, copySparse, NO_GRADE, type Ranks, type RowContext, type ScoreTable, type Sparse, type Verdicts } from "./tables.js";
import { testCondition } from "./condition.js";

const gradeId = (r: CompiledRubric, i: number | undefined) => (i === undefined ? null : r.grades[i]!.id);

/** Verdicts before any rule: the raw grade, the scored total, nothing excluded or moved. */
export function initialVerdicts(table: ScoreTable, raw: Int32Array): Verdicts {
  const n = table.subjects.length;
  return { grade: raw.slice(), rawGrade: raw, total: table.total, excluded: new Uint8Array(n), unranked: new Uint8Array(n), moved: new Uint8Array(n), adjustments: new Map(), fired: new Map() };
}

/** What a rule stage builds: copies of the verdict columns it may change. */
class Draft {
  readonly grade: Int32Array;
  readonly total: Dec[];
  readonly excluded: Uint8Array;
  readonly unranked: Uint8Array;
  readonly moved: Uint8Array;
  readonly adjustments: Map<number, AdjustmentState[]>;
  readonly fired: Map<number, FiredRule[]>;

  /** `copyTotal` false: the stage never changes a total, so the column is shared, not copied. */
  constructor(
    readonly from: Verdicts,
    copyTotal = true,
  ) {
    this.grade = from.grade.slice();
    this.total = copyTotal ? [...from.total] : (from.total as Dec[]);
    this.excluded = from.excluded.slice();
    this.unranked = from.unranked.slice();
    this.moved = from.moved.slice();
    this.adjustments = copySparse(from.adjustments);
    this.fired = copySparse(from.fired);
  }

  done(): Verdicts {
    return { grade: this.grade, rawGrade: this.from.rawGrade, total: this.total, excluded: this.excluded, unranked: this.unranked, moved: this.moved, adjustments: this.adjustments, fired: this.fired };
  }

  record(i: number, rule: RuleSpec, kind: AdjustmentKind, from: number | undefined, to: number | undefined, numbers: Record<string, string | number>, forceChanged = false): void {
    const changed = from !== to || forceChanged;
    appendTo(this.fired, i, { rule: rule.id, kind, condition: rule.when.text, changed });
    if (!changed) return;
    this.moved[i] = 1;
    appendTo(this.adjustments, i, { kind, rule: rule.id, from, to, reason: rule.reason, numbers });
  }
}

/**
 * Exclusions, then vetoes, for every graded subject (before ranking): the first
 * matching exclusion removes the subject; each matching veto sets its grade (never
 * raising it), and may zero its score or take it out of the ranking.
 */
export function applyEarlyRules(rubric: CompiledRubric, v: Verdicts, ctx: RowContext): Verdicts {
  const { exclusions, vetoes } = rubric.rules;
  if (exclusions.length === 0 && vetoes.length === 0) return v;
  const d = new Draft(v);
  for (let i = 0; i < d.grade.length; i++) {
    if (d.total[i] === undefined) continue;
    for (const rule of exclusions) {
      if (!testCondition(rule.when, ctx.at(i, d.total[i]!, d.grade[i]!, v.rawGrade[i]!))) continue;
      d.excluded[i] = 1;
      d.record(i, rule, "exclusion", d.grade[i]!, undefined, {});
      d.grade[i] = NO_GRADE;
      break;
    }
    if (d.excluded[i]) continue;
    for (const rule of vetoes) {
      if (rule.kind !== "veto" || !testCondition(rule.when, ctx.at(i, d.total[i]!, d.grade[i]!, v.rawGrade[i]!))) continue;
      const from = d.grade[i]!;
      const to = Math.max(from, rule.grade);
      const numbers: Record<string, string> = {};
      if (rule.zeroScore) {
        numbers.scoreBefore = d.total[i]!.toFixed();
        d.total[i] = ZERO;
      }
      if (rule.unranked) d.unranked[i] = 1;
      d.record(i, rule, "veto", from, to, numbers, rule.zeroScore || rule.unranked);
      d.grade[i] = to;
    }
  }
  return d.done();
}

/**
 * Downgrades, then caps, for every subject not excluded (after ranking: their
 * conditions may read the rank). Policy "sum" applies every matching downgrade in
 * order, "max" only the one with the most levels; a cap makes the grade the worse of
 * the two. Stops at the lowest grade.
 */
export function applyLateRules(rubric: CompiledRubric, v: Verdicts, ranks: Ranks, ctx: RowContext): Verdicts {
  const { downgrades, caps } = rubric.rules;
  if (downgrades.length === 0 && caps.length === 0) return v;
  // Downgrades and caps move grades only: the totals are shared.
  const d = new Draft(v, false);
  const last = rubric.grades.length - 1;
  for (let i = 0; i < d.grade.length; i++) {
    if (d.excluded[i] || d.total[i] === undefined) continue;
    let matched: RuleSpec[] | undefined;
    for (const r of downgrades) if (testCondition(r.when, ctx.at(i, d.total[i]!, d.grade[i]!, v.rawGrade[i]!, ranks))) (matched ??= []).push(r);
    const applied = matched && rubric.policy.downgrades === "max" && matched.length > 1 ? [matched.reduce((best, r) => (levels(r) > levels(best) ? r : best))] : matched;
    for (const rule of matched ?? []) {
      if (!applied!.includes(rule)) {
        appendTo(d.fired, i, { rule: rule.id, kind: "downgrade", condition: rule.when.text, changed: false });
        continue;
      }
      const from = d.grade[i]!;
      const to = Math.min(last, from + levels(rule));
      d.record(i, rule, "downgrade", from, to, { levels: levels(rule) });
      d.grade[i] = to;
    }
    for (const rule of caps) {
      if (rule.kind !== "cap" || !testCondition(rule.when, ctx.at(i, d.total[i]!, d.grade[i]!, v.rawGrade[i]!, ranks))) continue;
      const from = d.grade[i]!;
      const to = Math.max(from, rule.grade);
      d.record(i, rule, "cap", from, to, { cap: gradeId(rubric, rule.grade)! });
      d.grade[i] = to;
    }
  }
  return d.done();
}

function levels(r: RuleSpec): number {
  return r.kind === "downgrade" ? r.levels : 0;
}

/** Actions and the tier of each subject not excluded (the first tier whose condition holds). */
export function actionStage(
  rubric: CompiledRubric,
  v: Verdicts,
  ranks: Ranks,
  ctx: RowContext,
): { readonly actions: Sparse<{ id: string; label: string }>; readonly tiers: ReadonlyMap<number, { id: string; label: string; followUp?: string }> } {
  const actions = new Map<number, { id: string; label: string }[]>();
  const tiers = new Map<number, { id: string; label: string; followUp?: string }>();
  if (rubric.actions.length === 0 && rubric.tiers.length === 0) return { actions, tiers };
  // One entry per action and per tier, shared by the subjects it applies to (never written to).
  const actionEntries = rubric.actions.map((a) => Object.freeze({ id: a.id, label: a.label }));
  const tierEntries = rubric.tiers.map((tier) => Object.freeze({ id: tier.id, label: tier.label, ...(tier.followUp ? { followUp: tier.followUp } : {}) }));
  for (let i = 0; i < v.grade.length; i++) {
    if (v.excluded[i] || v.total[i] === undefined) continue;
    ctx.at(i, v.total[i]!, v.grade[i]!, v.rawGrade[i]!, ranks);
    for (let k = 0; k < rubric.actions.length; k++) {
      const a = rubric.actions[k]!;
      if (!a.when || testCondition(a.when, ctx)) appendTo(actions, i, actionEntries[k]!);
    }
    for (let k = 0; k < rubric.tiers.length; k++) {
      const tier = rubric.tiers[k]!;
      if (tier.when && !testCondition(tier.when, ctx)) continue;
      tiers.set(i, tierEntries[k]!);
      break;
    }
  }
  return { actions, tiers };
}
