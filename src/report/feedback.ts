/**
 * Feedback (一对一反馈, 问题清单): per subject, the items that lost the most points
 * (个性问题), its strongest items against the batch (亮点), and the points it needs
 * for the next grade; per batch, the items where a large share of subjects lost
 * points (共性问题).
 */
import type { CompiledRubric } from "../compile/model.js";
import { dec, format, ZERO, type Dec } from "../engine/decimal.js";
import type { RubricResult, SubjectResult } from "./result.js";

/** Overrides of the rubric's `feedback:` settings. */
export interface FeedbackOptions {
  /** Individual problems listed per subject (rubric default 3). */
  readonly problems?: number;
  /** Highlights listed per subject (rubric default 3). */
  readonly highlights?: number;
  /** An item is a common problem when at least this share of graded subjects lost points on it (rubric default "50%"). */
  readonly commonShare?: string;
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
}

export interface SubjectFeedback {
  readonly id: string;
  /** 个性问题: items that lost the most points, largest loss first. */
  readonly problems: readonly ItemProblem[];
  /** 亮点: items where the subject is furthest above the batch average (share of max). */
  readonly highlights: readonly (ItemProblem & { readonly batchAverage: string })[];
  /** Points needed to reach the next better grade's band, or null at the top / when excluded. */
  readonly toNextGrade: { readonly grade: string; readonly points: string; readonly note?: string } | null;
}

export interface CommonProblem {
  readonly item: string;
  readonly label: string;
  /** Share of graded subjects that lost points on it, e.g. "0.75". */
  readonly share: string;
  readonly subjects: number;
  /** Mean points lost by those subjects. */
  readonly averageLost: string;
  /** The same, in points of the total. */
  readonly averageLostInTotal: string;
}

export interface Feedback {
  readonly subjects: readonly SubjectFeedback[];
  /** 共性问题, largest share first. */
  readonly common: readonly CommonProblem[];
}

/**
 * Build the feedback of one rubric result.
 *
 * @param rubric - the rubric that produced the result
 * @param result - one entry of `assess(...).results`
 * @param options - how many problems and highlights, and the common-problem share
 * @returns per-subject and batch feedback
 * @example
 * buildFeedback(rubric, result).common[0]
 * // => { item: "a1-3", label: "三会一课", share: "0.62", subjects: 65, averageLost: "1.2" }
 */
export function buildFeedback(rubric: CompiledRubric, result: RubricResult, options: FeedbackOptions = {}): Feedback {
  const nProblems = options.problems ?? rubric.feedback.problems;
  const nHighlights = options.highlights ?? rubric.feedback.highlights;
  const commonShare = options.commonShare !== undefined ? dec(options.commonShare) : rubric.feedback.commonShare;
  const factors = rubric.feedback.items;
  // Not earning a bonus is no problem: bonus items count for highlights only.
  const bonus = new Set([...factors.keys()].filter((id) => { const n = rubric.nodes.get(id); return n?.type === "item" && n.method.kind === "bonus"; }));
  const graded = result.units.filter((u) => u.grade !== null);

  // Batch statistics per item: who lost points, and the mean share of max.
  const stats = new Map<string, { label: string; losers: number; lost: Dec; ratioSum: Dec; seen: number }>();
  for (const u of graded)
    for (const n of u.nodes) {
      if (!factors.has(n.id)) continue;
      const st = stats.get(n.id) ?? { label: n.label, losers: 0, lost: ZERO, ratioSum: ZERO, seen: 0 };
      const lost = dec(n.lost);
      if (lost.gt(0) && !bonus.has(n.id)) {
        st.losers++;
        st.lost = st.lost.plus(lost);
      }
      const max = dec(n.max);
      if (!max.isZero()) st.ratioSum = st.ratioSum.plus(dec(n.points).div(max));
      st.seen++;
      stats.set(n.id, st);
    }

  const subjects = result.units.map((u) => subjectFeedback(rubric, u, factors, bonus, stats, nProblems, nHighlights));
  const common: CommonProblem[] = [];
  for (const [item, st] of stats) {
    if (graded.length === 0 || st.losers === 0) continue;
    const share = dec(st.losers).div(graded.length);
    if (share.gte(commonShare))
      common.push({
        item,
        label: st.label,
        share: show(share),
        subjects: st.losers,
        averageLost: show(st.lost.div(st.losers)),
        averageLostInTotal: show(st.lost.div(st.losers).times(factors.get(item)!)),
      });
  }
  common.sort((a, b) => dec(b.share).cmp(dec(a.share)) || dec(b.averageLostInTotal).cmp(dec(a.averageLostInTotal)) || (a.item < b.item ? -1 : 1));
  return { subjects, common };
}

/** Feedback figures are for people: at most 4 decimals. */
const show = (d: Dec) => format(d.toDecimalPlaces(4));

function subjectFeedback(
  rubric: CompiledRubric,
  u: SubjectResult,
  factors: ReadonlyMap<string, Dec>,
  bonus: ReadonlySet<string>,
  stats: ReadonlyMap<string, { ratioSum: Dec; seen: number }>,
  nProblems: number,
  nHighlights: number,
): SubjectFeedback {
  const items = u.nodes.filter((n) => factors.has(n.id));
  const problems = items
    .map((n) => ({ n, lost: dec(n.lost), inTotal: dec(n.lost).times(factors.get(n.id)!) }))
    .filter((x) => x.lost.gt(0) && !bonus.has(x.n.id))
    .sort((a, b) => b.inTotal.cmp(a.inTotal) || (a.n.id < b.n.id ? -1 : 1))
    .slice(0, nProblems)
    .map(({ n, lost, inTotal }) => ({ item: n.id, label: n.label, points: show(dec(n.points)), max: n.max, lost: show(lost), lostInTotal: show(inTotal) }));
  const highlights = items
    .map((n) => {
      const st = stats.get(n.id);
      const max = dec(n.max);
      const ratio = max.isZero() ? ZERO : dec(n.points).div(max);
      const average = st && st.seen > 0 ? st.ratioSum.div(st.seen) : ZERO;
      return { n, above: ratio.minus(average), average };
    })
    .filter((x) => x.above.gt(0))
    .sort((a, b) => b.above.cmp(a.above) || (a.n.id < b.n.id ? -1 : 1))
    .slice(0, nHighlights)
    .map(({ n, average }) => ({
      item: n.id,
      label: n.label,
      points: show(dec(n.points)),
      max: n.max,
      lost: show(dec(n.lost)),
      lostInTotal: show(dec(n.lost).times(factors.get(n.id)!)),
      batchAverage: show(average.times(dec(n.max))),
    }));
  return { id: u.id, problems, highlights, toNextGrade: nextGrade(rubric, u) };
}

function nextGrade(rubric: CompiledRubric, u: SubjectResult): SubjectFeedback["toNextGrade"] {
  if (u.grade === null) return null;
  const index = rubric.grades.findIndex((g) => g.id === u.grade);
  if (index <= 0) return null;
  const target = rubric.grades[index - 1]!;
  if (!target.lower) return null;
  const score = dec(u.score);
  const gap = target.lower.value.minus(score);
  const ruled = u.adjustments.some((a) => a.kind !== "quota");
  const note = ruled
    ? "the grade was set by a rule; a higher score alone does not lift it"
    : u.adjustments.length
      ? "the grade was limited by a quota"
      : !target.lower.inclusive
        ? "strictly more than this"
        : undefined;
  return { grade: target.id, points: format(gap.gt(0) ? gap : ZERO), ...(note ? { note } : {}) };
}
