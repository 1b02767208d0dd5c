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
import { ZERO } from "../decimal/decimal.js";
import type { AdjustmentKind, SubjectState } from "./state.js";
import { testCondition } from "./condition.js";

const gradeId = (r: CompiledRubric, i: number | undefined) => (i === undefined ? null : r.grades[i]!.id);

export function applyExclusions(rubric: CompiledRubric, s: SubjectState): void {
  for (const rule of rubric.rules.exclusions) {
    if (!testCondition(rule.when, s)) continue;
    s.excluded = true;
    record(s, rule, "exclusion", s.grade, undefined, {});
    s.grade = undefined;
    return;
  }
}

export function applyVetoes(rubric: CompiledRubric, s: SubjectState): void {
  for (const rule of rubric.rules.vetoes) {
    if (rule.kind !== "veto" || !testCondition(rule.when, s)) continue;
    const from = s.grade!;
    const to = Math.max(from, rule.grade);
    const numbers: Record<string, string> = {};
    if (rule.zeroScore) {
      numbers.scoreBefore = s.total.toFixed();
      s.total = ZERO;
    }
    if (rule.unranked) s.unranked = true;
    record(s, rule, "veto", from, to, numbers, rule.zeroScore || rule.unranked);
    s.grade = to;
  }
}

export function applyDowngradesAndCaps(rubric: CompiledRubric, s: SubjectState): void {
  const last = rubric.grades.length - 1;
  const matched = rubric.rules.downgrades.filter((r) => testCondition(r.when, s));
  const applied =
    rubric.policy.downgrades === "max" && matched.length > 1
      ? [matched.reduce((best, r) => (levels(r) > levels(best) ? r : best))]
      : matched;
  for (const rule of matched) {
    if (!applied.includes(rule)) {
      s.fired.push({ rule: rule.id, kind: "downgrade", condition: rule.when.text, changed: false });
      continue;
    }
    const from = s.grade!;
    const to = Math.min(last, from + levels(rule));
    record(s, rule, "downgrade", from, to, { levels: levels(rule) });
    s.grade = to;
  }
  for (const rule of rubric.rules.caps) {
    if (rule.kind !== "cap" || !testCondition(rule.when, s)) continue;
    const from = s.grade!;
    const to = Math.max(from, rule.grade);
    record(s, rule, "cap", from, to, { cap: gradeId(rubric, rule.grade)! });
    s.grade = to;
  }
}

function levels(r: RuleSpec): number {
  return r.kind === "downgrade" ? r.levels : 0;
}

function record(
  s: SubjectState,
  rule: RuleSpec,
  kind: AdjustmentKind,
  from: number | undefined,
  to: number | undefined,
  numbers: Record<string, string | number>,
  forceChanged = false,
): void {
  const changed = from !== to || forceChanged;
  s.fired.push({ rule: rule.id, kind, condition: rule.when.text, changed });
  if (!changed) return;
  s.movedByRule = true;
  s.adjustments.push({ kind, rule: rule.id, from, to, reason: rule.reason, numbers });
}
