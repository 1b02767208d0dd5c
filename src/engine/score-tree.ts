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
import { BLOCK_ROWS, IntColumns } from "./score-columns.js";
import type { InputTable } from "./input-table.js";
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
  const result = scoreNode(root, s, cohort);
  if (result === undefined && !s.failed) {
    s.fail("EVAL_NOT_GRADABLE", { reason: "nothing-applies", skipped: s.skipped.map((k) => ({ item: k.item, column: k.column })) });
  }
  if (result === undefined || s.failed) return undefined;
  if (!rounding) return result;
  const points = round(result, rounding.places, rounding.mode);
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
  if (num.path === "int" && s.fromColumns) {
    // Scored on the integer path over columns (score-columns.ts): read, not scored again.
    const v = s.reach(i);
    if (v !== v) return undefined;
    const d = Dec.of(v, num.scale);
    s.scratch[i] = d;
    s.full[i] = intFull(i, s);
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
 * The full mark of plan node i read from the integer path's columns (its subtree was not
 * walked): an item's max, a group's fixed full mark, else from the children that apply.
 */
function intFull(i: number, s: ScoringContext): Dec {
  const p = s.plan.nodes[i]!;
  if (p.node.type === "item") return p.node.max;
  if (p.fixedMax) return p.fixedMax;
  for (const c of p.children) if (s.applies(c)) s.full[c] = intFull(c, s);
  return fullBeforeNormalising(p.node, p.children, s);
}

/**
 * The scoring stage, into the score table, block by block: the integer path over
 * columns first (score-columns.ts; every node of the plan on it, for the clean rows),
 * then each row whose total is not already known there is walked one subject at a time
 * (in Dec, reading the integer nodes from the columns when its row is clean). Subjects
 * that could not be scored have their issues in the log (and no total).
 */
export function scoreSubjects(
  rubric: CompiledRubric,
  subjects: readonly PreparedSubject[],
  inputs: InputTable,
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
  const kept = plan.kept;
  const keptColumns = kept.map(() => new Array<Dec | undefined>(n));
  const skipped = new Map<number, readonly Skip[]>();
  const counted = plan.countedItems;
  const onInt = Uint8Array.from(plan.nodes, (p) => (p.numeric.path === "int" ? 1 : 0));
  const scratch = ctx.scratch;
  const block = plan.columns ? new IntColumns(plan, subjects, inputs, ctx) : undefined;
  const root = plan.root;
  const rootNum = plan.nodes[root]!.numeric;
  const rounding = rubric.rounding;
  // The total from the root's column: rounded by integer arithmetic at the root's scale.
  const rootScale = rootNum.path === "int" ? rootNum.scale : 0;
  const divisor = rounding && rounding.places < rootScale ? 10 ** (rootScale - rounding.places) : 0;
  const totalPlaces = divisor ? rounding!.places : rootScale;
  const mode = rounding?.mode ?? "half-up";
  const keptScale = kept.map((k) => {
    const num = plan.nodes[k]!.numeric;
    return num.path === "int" ? num.scale : 0;
  });
  /** Items scored 0 per row of the block. */
  const zeros = new Int32Array(BLOCK_ROWS);
  /** The totals read from the integer path, by their value at totalPlaces (below SHARED_TOTALS). */
  const shared: (Dec | undefined)[] = block ? new Array<Dec | undefined>(SHARED_TOTALS) : [];
  for (let lo = 0; lo < n; lo += BLOCK_ROWS) {
    const hi = Math.min(n, lo + BLOCK_ROWS);
    const rootCol = block && rootNum.path === "int" ? block.cols[root]! : undefined;
    if (block) {
      block.score(lo, hi);
      // Items scored 0, column by column (rows walked below count theirs again).
      if (rootCol && plan.readsZeroItems) {
        zeros.fill(0);
        for (let k = 0; k < counted.length; k++) countZeros(block.cols[counted[k]!]!, hi - lo, zeros);
        zeroItems.set(zeros.subarray(0, hi - lo), lo);
      }
    }
    for (let r = lo; r < hi; r++) {
      const j = r - lo;
      const clean = block !== undefined && block.clean[j] === 1;
      if (clean && rootCol) {
        const v = rootCol[j]!;
        if (v === v) {
          const k = divisor ? roundScaled(v, divisor, mode) : v;
          // One Dec per distinct total (a Dec never changes): 0 … 10^4 at 2 places covers every total out of 100.
          let t = k >= 0 && k < SHARED_TOTALS ? shared[k] : undefined;
          if (t === undefined) {
            t = Dec.of(k, totalPlaces);
            if (k >= 0 && k < SHARED_TOTALS) shared[k] = t;
          }
          total[r] = t;
          for (let k = 0; k < kept.length; k++) {
            const node = kept[k]!;
            if (node === root) keptColumns[k]![r] = t;
            else {
              const x = block.cols[node]![j]!;
              keptColumns[k]![r] = x === x ? Dec.of(x, keptScale[k]!) : undefined;
            }
          }
          continue;
        }
        // Nothing applies: the walk below reports it.
      }
      ctx.reset(subjects[r]!);
      if (clean) ctx.readColumns(block.cols, j);
      zeroItems[r] = 0;
      const t = scoreTree(ctx, cohort, rounding);
      if (ctx.skipped.length) skipped.set(r, ctx.skipped);
      if (t === undefined) continue;
      total[r] = t;
      if (!plan.readsZeroItems) {
        for (let k = 0; k < kept.length; k++) keptColumns[k]![r] = ctx.valueOf(kept[k]!);
        continue;
      }
      let zeros = 0;
      // A bonus or an adjustment at 0 is nothing earned or lost, not an item scored 0.
      for (const c of counted) {
        const d = scratch[c];
        if (d !== undefined ? d.isZero() : ctx.fromColumns && onInt[c] === 1 && ctx.columnValue(c) === 0) zeros++;
      }
      zeroItems[r] = zeros;
      for (let k = 0; k < kept.length; k++) keptColumns[k]![r] = ctx.valueOf(kept[k]!);
    }
    if (onProgress) onProgress(hi, n);
  }
  const keptById = new Map<string, readonly (Dec | undefined)[]>();
  kept.forEach((p, k) => keptById.set(plan.nodes[p]!.node.id, keptColumns[k]!));
  return { subjects, inputs, total, zeroItems, kept: keptById, skipped };
}

/** Totals (as integers at their places) below this share one Dec per value. */
const SHARED_TOTALS = 1 << 16;

/** Count, per row of the block, the values of an item's column that are 0 (an item scored 0); no branch on the data. */
function countZeros(col: Float64Array, n: number, zeros: Int32Array): void {
  for (let j = 0; j < n; j++) zeros[j] = zeros[j]! + (col[j] === 0 ? 1 : 0);
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
