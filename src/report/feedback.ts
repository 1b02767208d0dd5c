/**
 * Feedback (一对一反馈, 问题清单): per subject, the items that lost the most points
 * (个性问题), its strongest items against the batch (亮点), and the points it needs
 * for the next grade; per batch, the items where a large share of subjects lost
 * points (共性问题).
 */
import type { CompiledRubric } from "../compile/model.js";
import { dec, format, ONE, ZERO, type Dec } from "../engine/decimal.js";
import type { Locale } from "../diagnostics/locale.js";
import { exactOf, exactScore, type RubricResult, type SubjectResult } from "./result.js";

/** Overrides of the rubric's `feedback:` settings. */
export interface FeedbackOptions {
  /** Individual problems listed per subject (rubric default 3). */
  readonly problems?: number;
  /** Highlights listed per subject (rubric default 3). */
  readonly highlights?: number;
  /** An item is a common problem when at least this share of graded subjects lost points on it (rubric default "50%"). */
  readonly commonShare?: string;
  /** The language of the sentences (toNextGrade.note): "en" (default) or "zh-CN". */
  readonly locale?: Locale;
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
  const isBonus = (id: string) => {
    const n = rubric.nodes.get(id);
    return n?.type === "item" && n.method.kind === "bonus";
  };
  const bonus = new Set([...factors.keys()].filter(isBonus));
  const graded = result.units.filter((u) => u.grade !== null);

  // Batch statistics per item: who lost points, and the mean share of max.
  const stats = new Map<string, ItemStats>();
  for (const u of graded)
    for (const n of u.nodes) {
      if (!factors.has(n.id)) continue;
      const x = exactOf(n);
      const st = stats.get(n.id) ?? { label: n.label, losers: 0, lost: ZERO, pointsSum: ZERO, seen: 0, max: x.max };
      if (x.lost.gt(0) && !bonus.has(n.id)) {
        st.losers++;
        st.lost = st.lost.plus(x.lost);
      }
      st.pointsSum = st.pointsSum.plus(x.points);
      st.seen++;
      stats.set(n.id, st);
    }
  // The batch average of each item, shown with highlights: one division per item.
  const averages = new Map([...stats].map(([id, st]) => [id, show(st.pointsSum.div(st.seen))]));

  const locale = options.locale ?? "en";
  const subjects = result.units.map((u) => subjectFeedback(rubric, u, factors, bonus, stats, averages, nProblems, nHighlights, locale));
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

interface ItemStats {
  label: string;
  losers: number;
  lost: Dec;
  pointsSum: Dec;
  seen: number;
  max: Dec;
}

/** Feedback figures are for people: at most 4 decimals. */
const show = (d: Dec) => format(d.toDecimalPlaces(4));

function subjectFeedback(
  rubric: CompiledRubric,
  u: SubjectResult,
  factors: ReadonlyMap<string, Dec>,
  bonus: ReadonlySet<string>,
  stats: ReadonlyMap<string, ItemStats>,
  averages: ReadonlyMap<string, string>,
  nProblems: number,
  nHighlights: number,
  locale: Locale,
): SubjectFeedback {
  const items = u.nodes.filter((n) => factors.has(n.id));
  const problems = items
    .map((n) => ({ n, lost: exactOf(n).lost, inTotal: exactOf(n).lost.times(factors.get(n.id)!) }))
    .filter((x) => x.lost.gt(0) && !bonus.has(x.n.id))
    .sort((a, b) => b.inTotal.cmp(a.inTotal) || (a.n.id < b.n.id ? -1 : 1))
    .slice(0, nProblems)
    .map(({ n, lost, inTotal }) => ({ item: n.id, label: n.label, points: show(exactOf(n).points), max: n.max, lost: show(lost), lostInTotal: show(inTotal) }));
  // How far above the batch average, as a share of max: (points − sum/seen) / max
  // = (points × seen − sum) / (seen × max), compared as exact fractions.
  const highlights = items
    .map((n) => {
      const st = stats.get(n.id);
      const x = exactOf(n);
      const num = st && st.seen > 0 ? x.points.times(st.seen).minus(st.pointsSum) : ZERO;
      const den = st && st.seen > 0 ? x.max.times(st.seen) : ONE;
      return { n, x, num, den };
    })
    .filter((h) => h.num.gt(0) && !h.x.max.isZero()) // a pure deduction item (max 0) is no highlight
    .sort((a, b) => b.num.times(a.den).cmp(a.num.times(b.den)) || (a.n.id < b.n.id ? -1 : 1))
    .slice(0, nHighlights)
    .map(({ n, x }) => ({
      item: n.id,
      label: n.label,
      points: show(x.points),
      max: n.max,
      lost: show(x.lost),
      lostInTotal: show(x.lost.times(factors.get(n.id)!)),
      batchAverage: averages.get(n.id)!,
    }));
  return { id: u.id, problems, highlights, toNextGrade: nextGrade(rubric, u, locale) };
}

/** The sentences of feedback, per locale. */
const NOTES: Readonly<Record<Locale, Readonly<Record<"rule" | "quota" | "strict", string>>>> = {
  en: {
    rule: "the grade was set by a rule; a higher score alone does not lift it",
    quota: "the grade was limited by a quota",
    strict: "strictly more than this",
  },
  "zh-CN": {
    rule: "等次是按规则确定的，仅提高得分不能提升等次",
    quota: "等次受比例限制",
    strict: "须高于这个分数",
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
  const ruled = u.adjustments.some((a) => a.kind !== "quota");
  const why = ruled ? "rule" : u.adjustments.length ? "quota" : !target.lower.inclusive ? "strict" : undefined;
  const note = why ? (NOTES[locale] ?? NOTES.en)[why] : undefined;
  return { grade: target.id, points: format(gap.gt(0) ? gap : ZERO), ...(note ? { note } : {}) };
}
