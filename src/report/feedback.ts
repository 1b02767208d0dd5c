/**
 * Feedback (一对一反馈, 问题清单): per subject, its 个性问题 (items where it lost points
 * and scored no better than the cohort's mean), its 亮点 (items where it scored above the mean
 * with full marks or the cohort's best) and the points it needs for the next grade;
 * per batch, the 共性问题 (items on which at least `commonShare` of the subjects lost
 * at least `commonLoss` of the item's points).
 *
 * An item is never both a problem and a highlight for the same subject: a problem is
 * at or below the cohort's mean, a highlight strictly above it.
 */
import type { CompiledRubric } from "../compile/model.js";
import { dec, format, ZERO, type Dec } from "../decimal/decimal.js";
import type { Locale } from "../diagnostics/locale.js";
import { exactOf, exactScore, transientNodes, unitView, unreadUnits, type ExactNode, type RubricResult, type SubjectResult } from "./result.js";
import { itemPointsByRow, statsFromColumns, type ItemStats } from "./feedback-columns.js";

/** Overrides of the rubric's `feedback:` settings. */
export interface FeedbackOptions {
  /** Individual problems listed per subject (rubric default 3). */
  readonly problems?: number;
  /** Highlights listed per subject (rubric default 3). */
  readonly highlights?: number;
  /** An item is a common problem when at least this share of the subjects it applies to lost at least `commonLoss` on it (rubric default "50%"). */
  readonly commonShare?: string;
  /** A subject counts towards a common problem when it lost at least this share of the item's points (rubric default "10%"). */
  readonly commonLoss?: string;
  /** The language of the sentences (toNextGrade.note): "en" (default) or "zh-CN". */
  readonly locale?: Locale;
  /** false: the batch's feedback only (`subjects` is empty), for a document that lists no unit's feedback. Default true. */
  readonly perSubject?: boolean;
}

export interface ItemProblem {
  readonly item: string;
  readonly label: string;
  /** The item's points (at most 4 decimals). */
  readonly points: string;
  readonly max: string;
  /** Points lost on the item: max − points. */
  readonly lost: string;
  /** What that loss costs in the total (after the weights above the item). */
  readonly lostInTotal: string;
  /** The mean points of the graded subjects the item applies to (at most 4 decimals). */
  readonly batchAverage: string;
}

/** A highlight: above the mean, and full marks ("full") or else the cohort's best ("best"). */
export interface ItemHighlight extends ItemProblem {
  readonly basis: "full" | "best";
}

export interface SubjectFeedback {
  readonly id: string;
  /** 个性问题: items where the subject lost points and scored at or below the batch mean, largest loss in the total first. */
  readonly problems: readonly ItemProblem[];
  /** 亮点: items above the batch mean with full marks or the batch's best, furthest above the mean (as a share of max) first. */
  readonly highlights: readonly ItemHighlight[];
  /**
   * Points needed to reach the next better grade's band, or null at the top / when
   * excluded. `basis` says why more points alone may not be enough: "rule" (a rule set
   * the grade), "quota" (a quota moved it), "exclusive" (the band's bound is exclusive:
   * strictly more than `points` is needed).
   */
  readonly toNextGrade: { readonly grade: string; readonly points: string; readonly note?: string; readonly basis?: "rule" | "quota" | "exclusive" } | null;
}

export interface CommonProblem {
  readonly item: string;
  readonly label: string;
  /** Share of the graded subjects the item applies to that lost at least `commonLoss` on it, e.g. "0.75". */
  readonly share: string;
  /** How many subjects lost at least `commonLoss` on it. */
  readonly subjects: number;
  /** How many graded subjects the item applies to (the share's denominator). */
  readonly applicable: number;
  /** Mean points lost by those subjects. */
  readonly averageLost: string;
  /** The same, in points of the total. */
  readonly averageLostInTotal: string;
}

export interface Feedback {
  readonly subjects: readonly SubjectFeedback[];
  /** 共性问题, largest share first. */
  readonly common: readonly CommonProblem[];
  /** The thresholds that made `common`, as decimal shares ("0.5", "0.1"): reports state them. */
  readonly threshold: { readonly commonShare: string; readonly commonLoss: string };
}

/**
 * Build the feedback of one rubric result.
 *
 * Rules, per item the rubric's `feedback.within` covers, over the graded subjects the
 * item applies to (n of them, mean m = Σ points / n, best b = the highest points):
 * - 个性问题 of a subject: it lost points (points < max), the item is no bonus, and
 *   points ≤ m (a lone subject, or a loss all share, is its own mean). The first `problems` by loss in the total, then by item id.
 * - 亮点 of a subject: the item's max is not 0, points > m, and points = max (full)
 *   or points = b (best). The first `highlights` by (points − m) / max, then by id.
 * - 共性问题: the item is no bonus, and the subjects that lost at least
 *   `commonLoss` × max (and more than 0) number at least `commonShare` × n.
 *
 * @param rubric - the rubric that produced the result
 * @param result - one entry of `assess(...).results`
 * @param options - how many problems and highlights, and the common-problem thresholds
 * @returns per-subject and batch feedback
 * @example
 * buildFeedback(rubric, result).common[0]
 * // => { item: "a1-3", label: "三会一课", share: "0.62", subjects: 65, applicable: 105, averageLost: "1.2", ... }
 */
export function buildFeedback(rubric: CompiledRubric, result: RubricResult, options: FeedbackOptions = {}): Feedback {
  const nProblems = options.problems ?? rubric.feedback.problems;
  const nHighlights = options.highlights ?? rubric.feedback.highlights;
  const commonShare = options.commonShare !== undefined ? dec(options.commonShare) : rubric.feedback.commonShare;
  const commonLoss = options.commonLoss !== undefined ? dec(options.commonLoss) : rubric.feedback.commonLoss;
  const factors = rubric.feedback.items;
  // Not earning a bonus is no problem: bonus items count for highlights only.
  const isBonus = (id: string) => {
    const n = rubric.nodes.get(id);
    return n?.type === "item" && n.method.kind === "bonus";
  };
  const bonus = new Set([...factors.keys()].filter(isBonus));
  const ids = [...factors.keys()];
  // Batch statistics per item: who lost enough to count, the sum and the best points.
  // On a result whose units are unread: from the score columns (feedback-columns.ts),
  // the same figures without a trail per subject; else from the units' trails.
  const unread = unreadUnits(result);
  const fromColumns = unread && statsFromColumns(rubric, unread.source, unread.tables, ids, bonus, commonLoss);
  const stats = fromColumns ?? statsFromTrails(result, factors, bonus, commonLoss, options.perSubject === false);
  // The batch average of each item: one division per item.
  const averages = new Map([...stats].map(([id, st]) => [id, show(st.pointsSum.div(st.seen))]));

  const locale = options.locale ?? "en";
  const each = (u: SubjectResult, items: readonly ItemPoints[]) => subjectFeedback(rubric, u, items, factors, bonus, stats, averages, nProblems, nHighlights, locale);
  let subjects: SubjectFeedback[] = [];
  if (options.perSubject !== false) {
    // Each unit's items from the columns (the unit itself built for its grade and adjustments, its trail never read), in unit order.
    const byRow = fromColumns ? new Array<SubjectFeedback>(unread!.order.length) : undefined;
    let cuts: ItemCut[] | undefined;
    const done =
      byRow !== undefined &&
      itemPointsByRow(unread!.source, ids, (row, points) => {
        // Only the items that can be a problem or a highlight (subjectFeedback keeps no other), decided for a clean row from its integers.
        const items: ItemPoints[] = [];
        cuts ??= ids.map((id, k) => itemCut(rubric, id, stats.get(id), bonus.has(id), points.scales[k]!));
        for (let k = 0; k < ids.length; k++) {
          const c = cuts[k]!;
          if (c.stats === undefined || (points.clean && !mayShow(c, points.scaledAt(k)))) continue;
          const p = points.at(k);
          if (p === undefined) continue;
          const lost = c.max.minus(p);
          items.push({ id: c.id, label: c.label, max: c.maxShown, x: { points: p, max: c.max, lost: lost.gt(0) ? lost : ZERO } });
        }
        byRow[row] = each(unitView(unread!.source, unread!.tables, row), items);
      });
    subjects = done ? Array.from(unread!.order, (row) => byRow[row]!) : result.units.map((u) => each(u, trailItems(u, factors, stats)));
  }
  const common: CommonProblem[] = [];
  for (const [item, st] of stats) {
    if (st.losers === 0) continue;
    // losers / seen ≥ commonShare, compared without dividing
    if (dec(st.losers).gte(commonShare.times(st.seen)))
      common.push({
        item,
        label: st.label,
        share: show(dec(st.losers).div(st.seen)),
        subjects: st.losers,
        applicable: st.seen,
        averageLost: show(st.lost.div(st.losers)),
        averageLostInTotal: show(st.lost.div(st.losers).times(factors.get(item)!)),
      });
  }
  common.sort((a, b) => b.subjects * a.applicable - a.subjects * b.applicable || dec(b.averageLostInTotal).cmp(dec(a.averageLostInTotal)) || (a.item < b.item ? -1 : 1));
  return { subjects, common, threshold: { commonShare: format(commonShare), commonLoss: format(commonLoss) } };
}

/**
 * The batch statistics from every graded unit's trail (`transient`: each read and not
 * kept on its unit, so memory stays flat).
 */
function statsFromTrails(result: RubricResult, factors: ReadonlyMap<string, Dec>, bonus: ReadonlySet<string>, commonLoss: Dec, transient: boolean): Map<string, ItemStats> {
  const graded = result.units.filter((u) => u.grade !== null);
  const stats = new Map<string, ItemStats>();
  const nodesOf = transient ? transientNodes : (u: SubjectResult) => u.nodes;
  for (const u of graded)
    for (const n of nodesOf(u)) {
      if (!factors.has(n.id)) continue;
      const x = exactOf(n);
      let st = stats.get(n.id);
      if (!st) {
        st = { label: n.label, losers: 0, lost: ZERO, pointsSum: ZERO, seen: 0, best: x.points };
        stats.set(n.id, st);
      }
      if (x.lost.gt(0) && x.lost.gte(x.max.times(commonLoss)) && !bonus.has(n.id)) {
        st.losers++;
        st.lost = st.lost.plus(x.lost);
      }
      st.pointsSum = st.pointsSum.plus(x.points);
      st.seen++;
      if (x.points.gt(st.best)) st.best = x.points;
    }
  return stats;
}

/**
 * One feedback item's figures for the rows of a batch, worked out once: its node's id,
 * label, max (and max as shown), its batch statistics (undefined: no graded subject has
 * it), and what `mayShow` compares a clean row's integer with, at the scale of the item's
 * integers (NaN where a figure is not a safe integer there).
 */
interface ItemCut {
  readonly id: string;
  readonly label: string;
  readonly max: Dec;
  readonly maxShown: string;
  readonly stats: ItemStats | undefined;
  readonly bonus: boolean;
  readonly maxIsZero: boolean;
  /** max at the scale. */
  readonly maxScaled: number;
  /** ⌊Σ points × 10^scale⌋: a row's x × seen is at most Σ points × 10^scale exactly when it is at most this (an integer). */
  readonly sumFloor: number;
  /** The batch's best points at the scale (NaN: not whole there, so no row's integer equals it). */
  readonly bestScaled: number;
}

function itemCut(rubric: CompiledRubric, id: string, stats: ItemStats | undefined, bonus: boolean, scale: number): ItemCut {
  const node = rubric.nodes.get(id)!;
  const whole = (d: Dec | undefined) => (d === undefined ? Number.NaN : (d.scaled(scale) ?? Number.NaN));
  return {
    id: node.id,
    label: node.label,
    max: node.max,
    maxShown: format(node.max),
    stats,
    bonus,
    maxIsZero: node.max.isZero(),
    maxScaled: whole(node.max),
    sumFloor: stats === undefined ? Number.NaN : (stats.pointsSum.times(10 ** scale).floor().scaled(0) ?? Number.NaN),
    bestScaled: whole(stats?.best),
  };
}

/**
 * Whether an item whose points on a clean row are the integer x at the item's scale can
 * be one of the subject's problems or highlights, as subjectFeedback decides them in
 * Dec: a problem lost points (x < max), is no bonus and is at or below the mean (x ×
 * seen ≤ Σ points, at the scale); a highlight is above the mean, its max is not 0, and
 * it has full marks (x ≥ max) or the batch's best. True where the item does not apply
 * (x NaN: `at` says so) and whenever a figure is not a safe integer (subjectFeedback
 * then decides), so no item is left out that subjectFeedback would keep; those kept are
 * decided again there, exactly.
 */
function mayShow(c: ItemCut, x: number): boolean {
  if (x !== x) return true;
  if (c.maxScaled !== c.maxScaled || c.sumFloor !== c.sumFloor) return true;
  // A product of integers that is a safe integer is exact.
  const v = x * c.stats!.seen;
  if (!Number.isSafeInteger(v)) return true;
  const lost = x < c.maxScaled;
  if (v <= c.sumFloor) return lost && !c.bonus;
  return !c.maxIsZero && (!lost || x === c.bestScaled);
}

/** Feedback figures are for people: at most 4 decimals. */
const show = (d: Dec) => format(d.toDecimalPlaces(4));

/** An item of a subject's feedback: its id, label, max as shown, and exact points, max and loss. */
interface ItemPoints {
  readonly id: string;
  readonly label: string;
  readonly max: string;
  readonly x: ExactNode;
}

/** A unit's items from its trail (the nodes the feedback covers and the batch has). */
function trailItems(u: SubjectResult, factors: ReadonlyMap<string, Dec>, stats: ReadonlyMap<string, ItemStats>): ItemPoints[] {
  return u.nodes.filter((n) => factors.has(n.id) && stats.has(n.id)).map((n) => ({ id: n.id, label: n.label, max: n.max, x: exactOf(n) }));
}

function subjectFeedback(
  rubric: CompiledRubric,
  u: SubjectResult,
  subjectItems: readonly ItemPoints[],
  factors: ReadonlyMap<string, Dec>,
  bonus: ReadonlySet<string>,
  stats: ReadonlyMap<string, ItemStats>,
  averages: ReadonlyMap<string, string>,
  nProblems: number,
  nHighlights: number,
  locale: Locale,
): SubjectFeedback {
  // Against the mean m = sum / seen: points ≤ m ⟺ points × seen ≤ sum (exact, no division).
  // (points − m) × seen: its sign says below or above the mean. A problem is at or below it
  // (and lost points, and is no bonus), a highlight above it (a pure deduction item, max 0, is none).
  // What the item's loss costs in the total (after the weights above it).
  const inTotalOf = (n: ItemPoints) => n.x.lost.times(factors.get(n.id)!);
  const below: { n: ItemPoints; inTotal: Dec }[] = [];
  const above: { n: ItemPoints; excess: Dec; per: Dec }[] = [];
  for (const n of subjectItems) {
    const st = stats.get(n.id)!;
    const x = n.x;
    const excess = x.points.times(st.seen).minus(st.pointsSum);
    if (excess.lte(0)) {
      if (x.lost.gt(0) && !bonus.has(n.id)) below.push({ n, inTotal: inTotalOf(n) });
    } else if (!x.max.isZero() && (x.lost.isZero() || x.points.eq(st.best))) above.push({ n, excess, per: x.max.times(st.seen) });
  }
  const entry = (n: ItemPoints, inTotal: Dec): ItemProblem => ({
    item: n.id,
    label: n.label,
    points: show(n.x.points),
    max: n.max,
    lost: show(n.x.lost),
    lostInTotal: show(inTotal),
    batchAverage: averages.get(n.id)!,
  });
  // Largest loss in the total first, then by id.
  const problems = firstInOrder(below, nProblems, (a, b) => b.inTotal.cmp(a.inTotal) || (a.n.id < b.n.id ? -1 : 1)).map((h) => entry(h.n, h.inTotal));
  // How far above the mean, as a share of max: (points − m) / max = excess / (seen × max), compared as
  // b.excess × (a.seen × a.max) against a.excess × (b.seen × b.max); then by id.
  const highlights = firstInOrder(above, nHighlights, (a, b) => b.excess.times(a.per).cmp(a.excess.times(b.per)) || (a.n.id < b.n.id ? -1 : 1)).map(
    ({ n }): ItemHighlight => ({ ...entry(n, inTotalOf(n)), basis: n.x.lost.isZero() ? "full" : "best" }),
  );
  return { id: u.id, problems, highlights, toNextGrade: nextGrade(rubric, u, locale) };
}

/**
 * The first `count` of `list` in the order of `order`, exactly `[...list].sort(order).slice(0, count)`
 * for an order that never ties two elements (feedback's end on distinct item ids), with
 * fewer comparisons: each element is compared with the last kept one first, and most are
 * no better. @internal
 */
export function firstInOrder<T>(list: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  // Any other count (a caller's -1, 2.5, Infinity or NaN) as slice reads it.
  if (!Number.isInteger(count) || count < 0) return [...list].sort(order).slice(0, count);
  const kept: T[] = [];
  if (count === 0) return kept;
  for (const x of list) {
    if (kept.length === count && order(x, kept[count - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(x, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, x);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/** The sentences of feedback, per locale. */
const NOTES: Readonly<Record<Locale, Readonly<Record<"rule" | "quota" | "exclusive", string>>>> = {
  en: {
    rule: "the grade was set by a rule; a higher score alone does not lift it",
    quota: "the grade was limited by a quota",
    exclusive: "strictly more than this",
  },
  "zh-CN": {
    rule: "等次是按规则确定的，仅提高得分不能提升等次",
    quota: "等次受比例限制",
    exclusive: "须高于这个分数",
  },
};

function nextGrade(rubric: CompiledRubric, u: SubjectResult, locale: Locale): SubjectFeedback["toNextGrade"] {
  if (u.grade === null) return null;
  const index = rubric.grades.findIndex((g) => g.id === u.grade);
  if (index <= 0) return null;
  const target = rubric.grades[index - 1]!;
  if (!target.lower) return null;
  const score = exactScore(u);
  const gap = target.lower.value.minus(score);
  const basis = u.adjustments.some((a) => a.kind !== "quota") ? "rule" : u.adjustments.length ? "quota" : !target.lower.inclusive ? "exclusive" : undefined;
  const note = basis === undefined ? undefined : (NOTES[locale] ?? NOTES.en)[basis];
  return { grade: target.id, points: format(gap.gt(0) ? gap : ZERO), ...(basis ? { note, basis } : {}) };
}

