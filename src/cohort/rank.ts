/**
 * Ranking: by total score (descending), then the rubric's tie-breakers in order.
 * Subjects still equal share a rank (standard competition ranking: 1, 2, 2, 4).
 * The order never depends on input order.
 * @internal
 */
import type { RankValue, TieBreaker } from "../compile/model.js";
import type { Dec } from "../decimal/decimal.js";
import type { SubjectState } from "../engine/state.js";
import { tieBreakerValue } from "../engine/condition.js";

/** Compare two subjects for ranking: negative when a ranks before b, 0 when tied. */
export function compareForRank(a: SubjectState, b: SubjectState, tieBreakers: readonly TieBreaker[]): number {
  const byTotal = b.total.cmp(a.total);
  if (byTotal !== 0) return byTotal;
  for (const t of tieBreakers) {
    const c = compareValues(tieBreakerValue(t, a), tieBreakerValue(t, b), t.order);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Tie-breaker values are numbers where higher means "more" (compile/facts.ts
 * numericFact): a grade reads as its quality (best highest), so `desc` puts the
 * better grade first; a date reads as its day number. Missing values sort last.
 */
function compareValues(a: Dec | undefined, b: Dec | undefined, order: "asc" | "desc"): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return order === "desc" ? b.cmp(a) : a.cmp(b);
}

/**
 * Assign `rank` (or `groupRank`) to the subjects, in place. Returns them in rank
 * order, ties ordered by id so that output is stable.
 */
export function rankSubjects(
  subjects: readonly SubjectState[],
  tieBreakers: readonly TieBreaker[],
  assign: (s: SubjectState, rank: RankValue) => void,
): SubjectState[] {
  const sorted = [...subjects].sort((a, b) => compareForRank(a, b, tieBreakers) || compareIds(a.id, b.id));
  let rank = 0;
  sorted.forEach((s, i) => {
    if (i === 0 || compareForRank(sorted[i - 1]!, s, tieBreakers) !== 0) rank = i + 1;
    assign(s, { rank, of: sorted.length });
  });
  return sorted;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rank overall and within groups (subjects without a group are ranked among themselves). */
export function rankCohort(subjects: readonly SubjectState[], tieBreakers: readonly TieBreaker[]): void {
  rankSubjects(subjects, tieBreakers, (s, r) => (s.rank = r));
  const groups = new Map<string, SubjectState[]>();
  for (const s of subjects) {
    if (s.group === undefined) continue;
    const list = groups.get(s.group) ?? [];
    list.push(s);
    groups.set(s.group, list);
  }
  for (const list of groups.values()) rankSubjects(list, tieBreakers, (s, r) => (s.groupRank = r));
}
