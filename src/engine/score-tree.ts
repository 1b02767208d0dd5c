/**
 * Item → group → total. A node whose `only` condition fails does not apply to the
 * subject: it has no points and does not count in its group. A group combines its
 * children (sum | weighted | mean | max | min), applies floor and cap, normalises
 * (折算) to `normalizeTo`, adds its `outside` nodes (bonus outside the cap), applies
 * `limit`, then rounds if it declares `round`. The root's points are then rounded by
 * the rubric's `rounding`: that rounded number IS the total, the root's points and
 * `score.<root>` alike. Every value is exact until a declared rounding.
 * @internal
 */
import type { GroupNode, Rounding, TreeNode } from "../compile/model.js";
import type { CohortInputs } from "./cohort-inputs.js";
import { bound, format, max as maxOf, min as minOf, round, sum, ZERO, type Dec } from "./decimal.js";
import { scoreItem } from "./items.js";
import type { NodeScore, SubjectState, TrailLine } from "./state.js";

/**
 * Score the whole tree into `s.scores`; returns false when an input was unusable. With
 * the rubric's `rounding`, the root's recorded points are the rounded total (the
 * rounding is a line of the root's trail when it changes the points).
 */
export function scoreTree(root: GroupNode, s: SubjectState, cohort: CohortInputs, rounding?: Rounding): boolean {
  const result = scoreNode(root, s, cohort);
  if (result === undefined || s.failed) return false;
  if (rounding) s.record(root.id, rounded(result, rounding, "rounding"));
  return true;
}

/** The score with its points rounded, and a trail line when that changed them. */
function rounded(score: NodeScore, r: Rounding, label: string): NodeScore {
  const points = round(score.points, r.places, r.mode);
  if (points.eq(score.points)) return score;
  const raw = score.points;
  const line: TrailLine = { entry: "round", label, amount: points.minus(raw), detail: () => `${format(raw)} rounded to ${r.places} places (${r.mode}): ${format(points, r.places)}` };
  return { points, max: score.max, lines: [...score.lines, line] };
}

/** Undefined when the node does not apply, or when scoring failed (then s.failed is set). */
function scoreNode(node: TreeNode, s: SubjectState, cohort: CohortInputs): NodeScore | undefined {
  if (node.only && !node.only.test(s)) return undefined;
  let score: NodeScore | undefined;
  if (node.type === "item") {
    score = scoreItem(node, s, cohort);
    if (score === undefined) {
      s.failed = true;
      return undefined;
    }
  } else {
    score = scoreGroup(node, s, cohort);
    if (score === undefined) return undefined;
  }
  if (node.round) score = rounded(score, node.round, "round");
  s.record(node.id, score);
  return score;
}

function scoreGroup(g: GroupNode, s: SubjectState, cohort: CohortInputs): NodeScore | undefined {
  const parts: { node: TreeNode; score: NodeScore }[] = [];
  for (const child of g.children) {
    const score = scoreNode(child, s, cohort);
    if (score) parts.push({ node: child, score });
  }
  if (s.failed) return undefined;
  const points = parts.map((p) => p.score.points);
  const maxes = parts.map((p) => p.score.max);
  let value: Dec;
  let full: Dec;
  switch (g.combine) {
    case "sum":
      value = sum(points);
      full = sum(maxes);
      break;
    case "weighted":
      if (g.weightSum) {
        // Ratio weights whose shares do not terminate (1:1:1): Σ points × weight / Σ weights, one division.
        value = sum(parts.map((p) => p.score.points.times(p.node.rawWeight!))).div(g.weightSum);
        full = sum(parts.map((p) => p.score.max.times(p.node.rawWeight!))).div(g.weightSum);
      } else {
        value = sum(parts.map((p) => p.score.points.times(p.node.weight!)));
        full = sum(parts.map((p) => p.score.max.times(p.node.weight!)));
      }
      break;
    case "mean":
      value = points.length ? sum(points).div(points.length) : ZERO;
      full = maxes.reduce(maxOf, ZERO);
      break;
    case "max":
      value = points.reduce(maxOf, ZERO);
      full = maxes.reduce(maxOf, ZERO);
      break;
    case "min":
      value = points.length ? points.reduce(minOf) : ZERO;
      full = maxes.length ? maxes.reduce(minOf) : ZERO;
      break;
  }
  const lines: TrailLine[] = [];
  const bounded = bound(value, g.floor, g.cap);
  if (!bounded.eq(value)) lines.push({ entry: "bound", label: g.cap && value.gt(g.cap) ? "cap" : "floor", amount: bounded.minus(value), detail: ((v, b) => () => `${format(v)} bounded to ${format(b)}`)(value, bounded) });
  value = bounded;
  if (g.cap && full.gt(g.cap)) full = g.cap;
  if (g.normalizeTo) {
    const normalised = full.isZero() ? ZERO : value.times(g.normalizeTo).div(full);
    const [v, fm, to] = [value, full, g.normalizeTo];
    lines.push({ entry: "normalize", label: "折算", amount: normalised.minus(value), detail: () => `${format(v)} / ${format(fm)} × ${format(to)}` });
    value = normalised;
    full = g.normalizeTo;
  }
  for (const o of g.outside) {
    const score = scoreNode(o, s, cohort);
    if (s.failed) return undefined;
    if (score) value = value.plus(score.points);
  }
  if (g.limit) {
    const limited = minOf(value, g.limit);
    const [v, lim] = [value, g.limit];
    if (!limited.eq(value)) lines.push({ entry: "limit", label: "limit", amount: limited.minus(value), detail: () => `${format(v)} limited to ${format(lim)}` });
    value = limited;
  }
  return { points: value, max: full, lines };
}
