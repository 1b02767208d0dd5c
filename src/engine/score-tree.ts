/**
 * Item → group → total, over the rubric's plan (plan/plan.ts). A node whose `only`
 * condition fails does not apply to the subject: it has no points and does not count
 * in its group. Likewise an item that reads an absent input under `missing: skip`, and
 * a group none of whose children apply. A group combines its children (sum | weighted
 * | mean | max | min), applies floor and cap, normalises (折算) to `normalizeTo`, adds
 * its `outside` nodes (bonus outside the cap), applies `limit`, then rounds if it
 * declares `round`. The root's points are then rounded by the rubric's `rounding`:
 * that rounded number IS the total, the root's points and `score.<root>` alike. Every
 * value is exact until a declared rounding.
 *
 * The batch run scores each subject into the context's scratch buffer (points by plan
 * index, no trail); a detail re-score (ScoringContext.detail) of one subject also
 * records each node's score with its trail lines. Both run this same code.
 * @internal
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import type { CompiledRubric, GroupNode, InputValue, ItemNode, LinkedFacts, Rounding } from "../compile/model.js";
import { planOf } from "../plan/plan.js";
import { methodInputs } from "../compile/inputs.js";
import type { CohortInputs } from "./cohort-inputs.js";
import { bound, Dec, max as maxOf, min as minOf, round, roundScaled, sum, ZERO } from "../decimal/decimal.js";
import type { IntGroup, IntItem } from "../plan/numeric.js";
import { testCondition } from "./condition.js";
import { itemPoints, scoreItem } from "./items.js";
import { IssueLog, ScoringContext, type NodeScore, type Skip, type TrailLine } from "./state.js";
import type { PreparedSubject } from "./subject-data.js";
import { EMPTY_SHEET } from "./read-value.js";
import type { ScoreTable } from "./tables.js";

/**
 * Score the whole tree of the context's subject (ctx.scratch, and ctx.scores with
 * detail); returns the total, or undefined when an input was unusable or nothing
 * applies to the subject (then an issue is recorded: it is never graded). With the
 * rubric's `rounding`, the root's points are the rounded total (the rounding is a line
 * of the root's trail when it changes the points).
 */
export function scoreTree(s: ScoringContext, cohort: CohortInputs, rounding?: Rounding): Dec | undefined {
  const root = s.plan.root;
  const rootNum = s.plan.nodes[root]!.numeric;
  let result: Dec | undefined;
  let again = false;
  if (rounding && rootNum.path === "int" && rounding.places < rootNum.scale && !s.scores && !s.intOff) {
    // The integer path rounds the total by integer arithmetic at the root's scale: the
    // only Dec made is the rounded total (what scoreNode then this function would give).
    const v = scoreInt(root, s);
    if (!s.fallback) {
      if (v === undefined || s.failed) {
        if (v === undefined && !s.failed) s.fail("EVAL_NOT_GRADABLE", { reason: "nothing-applies", skipped: s.skipped.map((k) => ({ item: k.item, column: k.column })) });
        return undefined;
      }
      const points = Dec.of(roundScaled(v, 10 ** (rootNum.scale - rounding.places), rounding.mode), rounding.places);
      s.scratch[root] = points;
      return points;
    }
    again = true;
  } else result = scoreNode(root, s, cohort);
  if (again || s.fallback) {
    // A value outside what the plan proved for the integer path: this subject in Dec.
    s.reset(s.subject);
    s.intOff = true;
    result = scoreNode(root, s, cohort);
    s.intOff = false;
  }
  if (result === undefined && !s.failed) {
    s.fail("EVAL_NOT_GRADABLE", { reason: "nothing-applies", skipped: s.skipped.map((k) => ({ item: k.item, column: k.column })) });
  }
  if (result === undefined || s.failed) return undefined;
  if (!rounding) return result;
  // On the integer path, the total is rounded by integer arithmetic at the root's scale.
  const num = s.plan.nodes[root]!.numeric;
  const v = s.ints[root]!;
  const points =
    num.path === "int" && !Number.isNaN(v) && rounding.places < num.scale
      ? Dec.of(roundScaled(v, 10 ** (num.scale - rounding.places), rounding.mode), rounding.places)
      : round(result, rounding.places, rounding.mode);
  s.scratch[root] = points;
  if (s.scores) {
    const id = s.plan.nodes[root]!.node.id;
    s.scores.set(id, rounded(s.scores.get(id)!, points, rounding, "rounding"));
  }
  return points;
}

/** The score with its points rounded, and a trail line when that changed them. */
function rounded(score: NodeScore, points: Dec, r: Rounding, label: string): NodeScore {
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
function absentInputs(item: ItemNode, s: ScoringContext): "fail" | "skip" | { zeros?: Map<string, InputValue>; lines: TrailLine[] } {
  if (!s.anyAbsent) return NOTHING_ABSENT;
  let reads = readsOf.get(item);
  if (!reads) readsOf.set(item, (reads = methodInputs(item.method)));
  const absent = reads
    .filter(({ input }) => s.subject.absent.has(input))
    .map(({ input }) => {
      const spec = s.rubric.inputs.get(input)!;
      return { input, spec, policy: item.missing ?? spec.missing ?? "error", column: s.column(input) };
    });
  if (absent.length === 0) return NOTHING_ABSENT;
  // A skipped item does not apply: its other inputs are not demanded.
  const skip = absent.find((a) => a.policy === "skip");
  if (skip) {
    s.skip(item.id, skip.column);
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

/**
 * The points of plan node `i` (also in s.scratch[i], its full mark in s.full[i]);
 * undefined when it does not apply, or when scoring failed (then s.failed is set).
 */
function scoreNode(i: number, s: ScoringContext, cohort: CohortInputs): Dec | undefined {
  const p = s.plan.nodes[i]!;
  const num = p.numeric;
  if (num.path === "int" && !s.scores && !s.intOff) {
    const v = scoreInt(i, s);
    if (v === undefined) return undefined;
    const d = Dec.of(v, num.scale);
    s.scratch[i] = d;
    return d;
  }
  const node = p.node;
  if (node.only && !testCondition(node.only, s)) return undefined;
  let points: Dec | undefined;
  let score: NodeScore | undefined;
  if (node.type === "item") {
    const absent = absentInputs(node, s);
    if (absent === "skip") return undefined;
    if (absent === "fail") return undefined;
    const failedBefore = s.failed;
    if (s.scores) {
      score = s.withZeros(absent.zeros, () => scoreItem(node, s, cohort));
      if (score && absent.lines.length) score = { ...score, lines: [...absent.lines, ...score.lines] };
      points = score?.points;
    } else points = absent.zeros ? s.withZeros(absent.zeros, () => itemPoints(node, s, cohort)) : itemPoints(node, s, cohort);
    if (points === undefined) {
      // Every path that yields no points records its issue; never leave a subject ungraded in silence.
      if (!failedBefore && !s.failed) s.fail("EVAL_NOT_GRADABLE", { reason: "item-failed", item: node.id });
      s.failed = true;
      return undefined;
    }
    s.full[i] = node.max;
  } else {
    points = scoreGroup(p.index, node, s, cohort);
    if (points === undefined) return undefined;
    if (s.scores) score = s.scores.get(node.id)!;
  }
  if (node.round) {
    const r = round(points, node.round.places, node.round.mode);
    if (score) score = rounded(score, r, node.round, "round");
    points = r;
  }
  s.scratch[i] = points;
  if (score) s.scores!.set(node.id, score);
  return points;
}

function scoreGroup(i: number, g: GroupNode, s: ScoringContext, cohort: CohortInputs): Dec | undefined {
  const p = s.plan.nodes[i]!;
  const children = p.children;
  // Which children apply, in order (their points are in s.scratch).
  let applying = 0;
  for (const c of children) if (scoreNode(c, s, cohort) !== undefined) applying++;
  if (s.failed) return undefined;
  // A group none of whose children apply (only:, missing: skip) does not apply either:
  // it must not count as 0 in a mean, max or min above it.
  if (applying === 0) return undefined;
  const scratch = s.scratch;
  let value: Dec;
  switch (g.combine) {
    case "sum": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v !== undefined) value = value.plus(v);
      }
      break;
    }
    case "weighted": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v === undefined) continue;
        const child = s.plan.nodes[c]!.node;
        value = value.plus(v.times(g.weightSum ? child.rawWeight! : child.weight!));
      }
      // Ratio weights whose shares do not terminate (1:1:1): Σ points × weight / Σ weights, one division.
      if (g.weightSum) value = value.div(g.weightSum);
      break;
    }
    case "mean": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v !== undefined) value = value.plus(v);
      }
      value = value.div(applying);
      break;
    }
    case "max": {
      value = ZERO;
      for (const c of children) {
        const v = scratch[c];
        if (v !== undefined) value = maxOf(value, v);
      }
      break;
    }
    case "min": {
      let m: Dec | undefined;
      for (const c of children) {
        const v = scratch[c];
        if (v !== undefined) m = m === undefined ? v : minOf(m, v);
      }
      value = m!;
      break;
    }
    default:
      return unreachable(g.combine, "combine mode");
  }
  // The full mark: fixed by the plan when every child always applies, else from the children that apply (capped).
  const before = g.normalizeTo ? fullBeforeNormalising(g, children, s) : undefined;
  let full = g.normalizeTo ?? p.fixedMax ?? fullBeforeNormalising(g, children, s);
  const lines: TrailLine[] | undefined = s.scores ? [] : undefined;
  const bounded = bound(value, g.floor, g.cap);
  if (lines && !bounded.eq(value)) {
    const side = g.cap && value.gt(g.cap) ? "cap" : "floor";
    lines.push({ entry: "bound", label: side, amount: bounded.minus(value), note: ((v, b) => () => ({ key: "group-bound", value: v, bounded: b, side }))(value, bounded) });
  }
  value = bounded;
  if (g.normalizeTo) {
    const normalised = before!.isZero() ? ZERO : value.times(g.normalizeTo).div(before!);
    if (lines) {
      const [v, fm, to] = [value, before, g.normalizeTo];
      lines.push({ entry: "normalize", label: "折算", amount: normalised.minus(value), note: () => ({ key: "normalize", value: v, full: fm, to }) });
    }
    value = normalised;
    full = g.normalizeTo;
  }
  for (const o of p.outside) {
    const v = scoreNode(o, s, cohort);
    if (s.failed) return undefined;
    if (v !== undefined) value = value.plus(v);
  }
  if (g.limit) {
    const limited = minOf(value, g.limit);
    if (lines && !limited.eq(value)) {
      const [v, lim] = [value, g.limit];
      lines.push({ entry: "limit", label: "limit", amount: limited.minus(value), note: () => ({ key: "limit", value: v, limit: lim }) });
    }
    value = limited;
  }
  s.full[i] = full;
  if (s.scores) s.scores.set(g.id, { points: value, max: full, lines: lines! });
  return value;
}

/** The full mark of a group for this subject from the children that apply (their full marks in s.full), capped, before normalisation. */function fullBeforeNormalising(g: GroupNode, children: readonly number[], s: ScoringContext): Dec {
  const maxes: Dec[] = [];
  const weights: Dec[] = [];
  for (const c of children) {
    if (!s.applies(c)) continue;
    maxes.push(s.full[c]!);
    const child = s.plan.nodes[c]!.node;
    if (g.combine === "weighted") weights.push(g.weightSum ? child.rawWeight! : child.weight!);
  }
  let full: Dec;
  switch (g.combine) {
    case "sum":
      full = sum(maxes);
      break;
    case "weighted":
      full = sum(maxes.map((m, k) => m.times(weights[k]!)));
      if (g.weightSum) full = full.div(g.weightSum);
      break;
    case "mean":
    case "max":
      full = maxes.reduce(maxOf, ZERO);
      break;
    case "min":
      full = maxes.reduce(minOf);
      break;
    default:
      return unreachable(g.combine, "combine mode");
  }
  if (g.cap && full.gt(g.cap)) full = g.cap;
  return full;
}

/**
 * The scoring stage: every subject's tree through one reusable context, into the score
 * table. Subjects that could not be scored have their issues in the log (and no total).
 */
export function scoreSubjects(
  rubric: CompiledRubric,
  subjects: readonly PreparedSubject[],
  cohort: CohortInputs,
  linked: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
  log: IssueLog,
  onProgress?: (done: number, total: number) => void,
): ScoreTable {
  const plan = planOf(rubric);
  const ctx = new ScoringContext(rubric, plan, log, linked, false);
  const n = subjects.length;
  const total: Dec[] = new Array<Dec>(n);
  const zeroItems = new Int32Array(n);
  const keptColumns = plan.kept.map(() => new Array<Dec | undefined>(n));
  const skipped = new Map<number, readonly Skip[]>();
  const counted = plan.countedItems;
  const scratch = ctx.scratch;
  for (let i = 0; i < n; i++) {
    if (onProgress && (i + 1) % 10_000 === 0) onProgress(i + 1, n);
    ctx.reset(subjects[i]!);
    const t = scoreTree(ctx, cohort, rubric.rounding);
    if (ctx.skipped.length) skipped.set(i, ctx.skipped);
    if (t === undefined) continue;
    total[i] = t;
    let zeros = 0;
    // A bonus or an adjustment at 0 is nothing earned or lost, not an item scored 0.
    const ints = ctx.ints;
    for (const c of counted) {
      const d = scratch[c];
      if (d !== undefined ? d.isZero() : ints[c] === 0) zeros++;
    }
    zeroItems[i] = zeros;
    for (let k = 0; k < keptColumns.length; k++) keptColumns[k]![i] = ctx.valueOf(plan.kept[k]!);
  }
  const kept = new Map<string, readonly (Dec | undefined)[]>();
  plan.kept.forEach((p, k) => kept.set(plan.nodes[p]!.node.id, keptColumns[k]!));
  return { subjects, total, zeroItems, kept, skipped };
}

/**
 * One subject re-scored exactly with its full trail (for a result's `nodes`): each
 * applicable node's score with its lines, by node id. The subject scored before, so
 * this records no issue.
 */
export function rescoreSubject(
  rubric: CompiledRubric,
  subject: PreparedSubject,
  cohort: CohortInputs,
  linked: ReadonlyMap<string, ReadonlyMap<string, LinkedFacts>>,
): ReadonlyMap<string, NodeScore> {
  const ctx = new ScoringContext(rubric, planOf(rubric), new IssueLog(rubric), linked, true);
  ctx.reset(subject);
  scoreTree(ctx, cohort, rubric.rounding);
  return ctx.scores!;
}

// ---------------------------------------------------------------- the integer path

/**
 * Plan node i on the integer path (plan/numeric.ts): its points as an integer at the
 * node's scale (also in s.ints[i]); undefined when it does not apply, when scoring
 * failed (s.failed), or when a value left what the plan proved (s.fallback: the caller
 * scores the subject again in Dec). The same steps, in the same order, as scoreNode.
 */
function scoreInt(i: number, s: ScoringContext): number | undefined {
  const p = s.plan.nodes[i]!;
  const node = p.node;
  const num = p.numeric as Extract<typeof p.numeric, { path: "int" }>;
  if (node.only && !testCondition(node.only, s)) return undefined;
  let v: number | undefined;
  if (node.type === "item") {
    const failedBefore = s.failed;
    if (!s.anyAbsent) v = itemInt(node, num.item!, s);
    else {
      const absent = absentInputs(node, s);
      if (absent === "skip" || absent === "fail") return undefined;
      v = absent.zeros ? s.withZeros(absent.zeros, () => itemInt(node, num.item!, s)) : itemInt(node, num.item!, s);
    }
    if (s.fallback) return undefined;
    if (v === undefined) {
      if (!failedBefore && !s.failed) s.fail("EVAL_NOT_GRADABLE", { reason: "item-failed", item: node.id });
      s.failed = true;
      return undefined;
    }
  } else {
    v = groupInt(p.children, p.outside, node, num.group!, s);
    if (v === undefined) return undefined;
    s.full[i] = p.fixedMax ?? fullBeforeNormalising(node, p.children, s);
  }
  if (num.round) v = roundScaled(v, num.round.divisor, num.round.mode) * num.round.divisor;
  s.ints[i] = v;
  return v;
}

/** A value read at a scale: undefined when absent; sets s.fallback when it has more decimals or is too large. */
function scaledInput(s: ScoringContext, input: string, scale: number): number | undefined {
  const d = s.input(input) as Dec | undefined;
  if (d === undefined) return undefined;
  const x = d.scaled(scale);
  if (x === undefined) s.fallback = true;
  return x;
}

function checked(x: number, s: ScoringContext): number {
  if (!Number.isSafeInteger(x)) s.fallback = true;
  return x;
}

function itemInt(item: ItemNode, f: IntItem, s: ScoringContext): number | undefined {
  switch (f.kind) {
    case "input":
      return scaledInput(s, f.input, f.inputScale);
    case "ratio": {
      const x = scaledInput(s, f.input, f.inputScale);
      return x === undefined ? undefined : checked(x * f.max, s);
    }
    case "yesno": {
      const v = s.input(f.input) as boolean | undefined;
      return v === undefined ? undefined : v ? f.yes : f.no;
    }
    case "levels": {
      const v = s.input(f.input) as string | undefined;
      return v === undefined ? undefined : f.levels.get(v)!;
    }
    case "bands": {
      const m = item.method as Extract<ItemNode["method"], { kind: "bands" }>;
      const v = s.input(f.input) as Dec | undefined;
      if (v === undefined) return undefined;
      for (let k = 0; k < m.bands.length; k++) {
        const b = m.bands[k]!;
        if (b.inclusive ? v.gte(b.bound) : v.gt(b.bound)) return f.points[k]!;
      }
      return f.otherwise;
    }
    case "periods": {
      const values = s.input(f.input) as readonly Dec[] | undefined;
      if (!values) return undefined;
      let total = 0;
      for (const d of values) {
        const x = d.scaled(f.inputScale);
        if (x === undefined) {
          s.fallback = true;
          return undefined;
        }
        total = checked(total + x, s);
      }
      return checked(total * f.factor, s);
    }
    case "deduct": {
      const m = item.method as Extract<ItemNode["method"], { kind: "deduct" }>;
      if (m.zeroIf !== undefined && testCondition(m.zeroIf, s)) return 0;
      let deducted = 0;
      for (let k = 0; k < f.entries.length; k++) {
        const e = f.entries[k]!;
        let amount: number;
        if (e.type === "when") amount = testCondition((m.entries[k] as Extract<(typeof m.entries)[number], { type: "when" }>).when, s) ? e.points : 0;
        else {
          const x = scaledInput(s, e.input, e.inputScale);
          if (x === undefined) return undefined;
          const units = e.type === "per" ? x : Math.max(0, e.required - x);
          amount = checked(checked(units * e.points, s) * e.align, s);
        }
        if (e.max !== undefined && amount > e.max) amount = e.max;
        deducted = checked(deducted + amount, s);
        if (s.fallback) return undefined;
      }
      let net = checked(f.base - deducted, s);
      if (net < f.floor) net = f.floor;
      if (net > f.max) net = f.max;
      return net;
    }
    default:
      return unreachable(f, "integer item");
  }
}

function groupInt(children: readonly number[], outside: readonly number[], g: GroupNode, f: IntGroup, s: ScoringContext): number | undefined {
  let applying = 0;
  for (const c of children) {
    if (scoreInt(c, s) !== undefined) applying++;
    if (s.fallback) return undefined;
  }
  if (s.failed || applying === 0) return undefined;
  const ints = s.ints;
  const align = f.align;
  let value = 0;
  switch (g.combine) {
    case "sum":
      for (let k = 0; k < children.length; k++) {
        const x = ints[children[k]!]!;
        if (!Number.isNaN(x)) value += x * align[k]!;
      }
      break;
    case "weighted": {
      const w = f.weights!;
      for (let k = 0; k < children.length; k++) {
        const x = ints[children[k]!]!;
        if (!Number.isNaN(x)) value += x * w[k]! * align[k]!;
      }
      break;
    }
    case "max":
      for (let k = 0; k < children.length; k++) {
        const x = ints[children[k]!]!;
        if (!Number.isNaN(x) && x * align[k]! > value) value = x * align[k]!;
      }
      break;
    case "min": {
      let first = true;
      for (let k = 0; k < children.length; k++) {
        const x = ints[children[k]!]!;
        if (Number.isNaN(x)) continue;
        if (first || x * align[k]! < value) value = x * align[k]!;
        first = false;
      }
      break;
    }
    default:
      // mean, and ratio weights, are never planned as int (a division).
      throw new Error(`kaohe internal: ${g.combine} on the integer path`);
  }
  if (f.floor !== undefined && value < f.floor) value = f.floor;
  if (f.cap !== undefined && value > f.cap) value = f.cap;
  for (let k = 0; k < outside.length; k++) {
    const x = scoreInt(outside[k]!, s);
    if (s.fallback || s.failed) return undefined;
    if (x !== undefined) value += x * align[children.length + k]!;
  }
  if (f.limit !== undefined && value > f.limit) value = f.limit;
  return value;
}
