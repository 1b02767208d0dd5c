/**
 * Item → group → total. A node whose `only` condition fails does not apply to the
 * subject: it has no points and does not count in its group. Likewise an item that
 * reads an absent input under `missing: skip`, and a group none of whose children
 * apply. A group combines its children (sum | weighted | mean | max | min), applies
 * floor and cap, normalises (折算) to `normalizeTo`, adds its `outside` nodes (bonus
 * outside the cap), applies `limit`, then rounds if it declares `round`. The root's
 * points are then rounded by the rubric's `rounding`: that rounded number IS the
 * total, the root's points and `score.<root>` alike. Every value is exact until a
 * declared rounding.
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import type { GroupNode, InputValue, ItemNode, Rounding, TreeNode } from "../compile/model.js";
import { methodInputs } from "../compile/inputs.js";
import type { CohortInputs } from "./cohort-inputs.js";
import { bound, max as maxOf, min as minOf, round, sum, ZERO, type Dec } from "../decimal/decimal.js";
import { scoreItem } from "./items.js";
import type { NodeScore, SubjectState, TrailLine } from "./state.js";
import { EMPTY_SHEET } from "./subject-data.js";
import { testCondition } from "./condition.js";

/**
 * Score the whole tree into `s.scores`; returns false when an input was unusable or
 * nothing applies to the subject (then an issue is recorded: it is never graded).
 * With the rubric's `rounding`, the root's recorded points are the rounded total (the
 * rounding is a line of the root's trail when it changes the points).
 */
export function scoreTree(root: GroupNode, s: SubjectState, cohort: CohortInputs, rounding?: Rounding): boolean {
  const result = scoreNode(root, s, cohort);
  if (result === undefined && !s.failed) {
    s.fail("EVAL_NOT_GRADABLE", { reason: "nothing-applies", skipped: s.skipped.map((k) => ({ item: k.item, column: k.column })) });
  }
  if (result === undefined || s.failed) return false;
  if (rounding) s.record(root.id, rounded(result, rounding, "rounding"));
  return true;
}

/** The score with its points rounded, and a trail line when that changed them. */
function rounded(score: NodeScore, r: Rounding, label: string): NodeScore {
  const points = round(score.points, r.places, r.mode);
  if (points.eq(score.points)) return score;
  const raw = score.points;
  const line: TrailLine = { entry: "round", label, amount: points.minus(raw), note: () => ({ key: "round", raw, places: r.places, mode: r.mode, points }) };
  return { points, max: score.max, lines: [...score.lines, line] };
}

const NOTHING_ABSENT = Object.freeze({ lines: Object.freeze([]) as unknown as TrailLine[] });
const readsOf = new WeakMap<ItemNode, readonly { readonly input: string }[]>();

/**
 * The missing-value policy of an item (its own `missing`, else each input's, else
 * error) for the inputs it reads that the subject does not give: "fail" after an
 * issue per absent input (error), "skip" when the item does not apply, otherwise
 * the values to read as zero and a trail line for each.
 */
function absentInputs(item: ItemNode, s: SubjectState): "fail" | "skip" | { zeros?: Map<string, InputValue>; lines: TrailLine[] } {
  if (s.subject.absent.size === 0) return NOTHING_ABSENT;
  let reads = readsOf.get(item);
  if (!reads) readsOf.set(item, (reads = methodInputs(item.method)));
  const absent = reads
    .filter(({ input }) => s.subject.absent.has(input))
    .map(({ input }) => {
      const spec = s.rubric.inputs.get(input)!;
      return { input, spec, policy: item.missing ?? spec.missing ?? "error", column: s.column(input) };
    });
  // A skipped item does not apply: its other inputs are not demanded.
  const skip = absent.find((a) => a.policy === "skip");
  if (skip) {
    s.skipped.push({ item: item.id, column: skip.column });
    return "skip";
  }
  const errors = absent.filter((a) => a.policy === "error");
  for (const a of errors) s.missingField(a.input, a.spec.required ? undefined : item.id);
  if (errors.length) return "fail";
  const lines: TrailLine[] = [];
  let zeros: Map<string, InputValue> | undefined;
  for (const { input, spec, column } of absent) {
    const empty = spec.type === "scores";
    if (item.missing === "zero") (zeros ??= new Map()).set(input, empty ? EMPTY_SHEET : ZERO);
    lines.push({ entry: input, label: column, amount: ZERO, note: () => ({ key: "absent-zero", column, empty }) });
  }
  return { ...(zeros ? { zeros } : {}), lines };
}

/** Undefined when the node does not apply, or when scoring failed (then s.failed is set). */
function scoreNode(node: TreeNode, s: SubjectState, cohort: CohortInputs): NodeScore | undefined {
  if (node.only && !testCondition(node.only, s)) return undefined;
  let score: NodeScore | undefined;
  if (node.type === "item") {
    const absent = absentInputs(node, s);
    if (absent === "skip") return undefined;
    if (absent === "fail") return undefined;
    const failedBefore = s.failed;
    score = s.withZeros(absent.zeros, () => scoreItem(node, s, cohort));
    if (score === undefined) {
      // Every path that yields no points records its issue; never leave a subject ungraded in silence.
      if (!failedBefore && !s.failed) s.fail("EVAL_NOT_GRADABLE", { reason: "item-failed", item: node.id });
      s.failed = true;
      return undefined;
    }
    if (absent.lines.length) score = { ...score, lines: [...absent.lines, ...score.lines] };
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
  // A group none of whose children apply (only:, missing: skip) does not apply either:
  // it must not count as 0 in a mean, max or min above it.
  if (parts.length === 0) return undefined;
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
    default:
      return unreachable(g.combine, "combine mode");
  }
  const lines: TrailLine[] = [];
  const bounded = bound(value, g.floor, g.cap);
  if (!bounded.eq(value)) {
    const side = g.cap && value.gt(g.cap) ? "cap" : "floor";
    lines.push({ entry: "bound", label: side, amount: bounded.minus(value), note: ((v, b) => () => ({ key: "group-bound", value: v, bounded: b, side }))(value, bounded) });
  }
  value = bounded;
  if (g.cap && full.gt(g.cap)) full = g.cap;
  if (g.normalizeTo) {
    const normalised = full.isZero() ? ZERO : value.times(g.normalizeTo).div(full);
    const [v, fm, to] = [value, full, g.normalizeTo];
    lines.push({ entry: "normalize", label: "折算", amount: normalised.minus(value), note: () => ({ key: "normalize", value: v, full: fm, to }) });
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
    if (!limited.eq(value)) lines.push({ entry: "limit", label: "limit", amount: limited.minus(value), note: () => ({ key: "limit", value: v, limit: lim }) });
    value = limited;
  }
  return { points: value, max: full, lines };
}
