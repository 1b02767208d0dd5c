/**
 * Item inputs that depend on the whole batch, computed before any subject is
 * scored: points by rank/percentile (排名赋分) and void ballots (无效票).
 * @internal
 */
import type { CompiledRubric, ItemNode, ScoreSheet } from "../compile/model.js";
import type { PreparedSubject } from "./subject-data.js";
import { ZERO, type Dec } from "../decimal/decimal.js";

export interface RankPlacement {
  readonly position: number;
  readonly of: number;
  readonly points: Dec;
  /** How the points were found: by position, within a top share, or proportional to the first. */
  readonly how?: { readonly mode: "top"; readonly top: Dec } | { readonly mode: "first" } | { readonly mode: "proportional"; readonly numerator: Dec; readonly denominator: Dec };
}

/** Why a rater's ballots are void (无效票), with the numbers behind it. */
export type BallotProblem =
  | { readonly reason: "all-full" | "same-score" }
  | { readonly reason: "most" | "least"; readonly count: number; readonly limit: number; readonly gte?: Dec; readonly lt?: Dec };

export interface CohortInputs {
  /** item id → subject id → placement */
  readonly rankPoints: ReadonlyMap<string, ReadonlyMap<string, RankPlacement>>;
  /** item id → group id → raters whose ballots are void, with the reason */
  readonly voidRaters: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, BallotProblem>>>;
}

export function computeCohortInputs(rubric: CompiledRubric, subjects: readonly PreparedSubject[]): CohortInputs {
  const rankPoints = new Map<string, Map<string, RankPlacement>>();
  const voidRaters = new Map<string, Map<string, Map<string, BallotProblem>>>();
  for (const item of rubric.items) {
    if (item.method.kind === "rank") rankPoints.set(item.id, placeByRank(rubric, item, subjects));
    if (item.method.kind === "panel" && (item.method.invalidBallots.length > 0 || item.method.ballotLimits.length > 0))
      voidRaters.set(item.id, findVoidBallots(item, subjects));
  }
  return { rankPoints, voidRaters };
}

function placeByRank(rubric: CompiledRubric, item: ItemNode, subjects: readonly PreparedSubject[]): Map<string, RankPlacement> {
  const m = item.method;
  if (m.kind !== "rank") throw new Error("unreachable");
  // The subjects the item applies to: an absent value counts as 0 under missing: zero (the item's or the input's).
  const policy = item.missing ?? rubric.inputs.get(m.input)?.missing ?? "error";
  const entries = subjects
    .map((s) => ({ id: s.id, value: (s.absent.has(m.input) ? (policy === "zero" ? ZERO : undefined) : s.values.get(m.input)) as Dec | undefined }))
    .filter((e): e is { id: string; value: Dec } => e.value !== undefined);
  entries.sort((a, b) => (m.order === "desc" ? b.value.cmp(a.value) : a.value.cmp(b.value)));
  const n = entries.length;
  const out = new Map<string, RankPlacement>();
  let position = 0;
  entries.forEach((e, i) => {
    if (i === 0 || !e.value.eq(entries[i - 1]!.value)) position = i + 1;
    let points = m.otherwise;
    let how: RankPlacement["how"];
    if (m.positions) {
      points = m.positions[position - 1] ?? m.otherwise;
    } else if (m.percentiles) {
      const band = m.percentiles.find((p) => p.top.times(n).gte(position));
      if (band) {
        points = band.points;
        how = { mode: "top", top: band.top };
      }
    } else if (m.proportionalTop !== undefined && position <= m.proportionalTop) {
      // A share of the first's value, never above max: value / first when higher is better
      // (first ≥ value ≥ 0), first / value when lower is better (value > first ≥ 0).
      const first = entries[0]!.value;
      const [numerator, denominator] = m.order === "desc" ? [e.value, first] : [first, e.value];
      points = position === 1 ? item.max : item.max.times(numerator).div(denominator);
      how = position === 1 ? { mode: "first" } : { mode: "proportional", numerator, denominator };
    }
    out.set(e.id, { position, of: n, points, ...(how ? { how } : {}) });
  });
  return out;
}

function findVoidBallots(item: ItemNode, subjects: readonly PreparedSubject[]): Map<string, Map<string, BallotProblem>> {
  const m = item.method;
  if (m.kind !== "panel") throw new Error("unreachable");
  const out = new Map<string, Map<string, BallotProblem>>();
  for (const group of m.groups) {
    const ballots = new Map<string, Dec[]>();
    for (const s of subjects) {
      const sheet = s.values.get(group.input) as ScoreSheet | undefined;
      if (!sheet) continue;
      sheet.raters.forEach((rater, i) => {
        if (rater === null) return;
        const list = ballots.get(rater) ?? [];
        list.push(sheet.values[i]!);
        ballots.set(rater, list);
      });
    }
    const voided = new Map<string, BallotProblem>();
    for (const [rater, scores] of ballots) {
      const reason = ballotProblem(scores, item.max, m.invalidBallots, m.ballotLimits);
      if (reason) voided.set(rater, reason);
    }
    out.set(group.id, voided);
  }
  return out;
}

function ballotProblem(
  scores: Dec[],
  max: Dec,
  rules: readonly ("same-score" | "all-full")[],
  limits: readonly { gte?: Dec; lt?: Dec; most?: number; least?: number }[],
): BallotProblem | undefined {
  if (rules.includes("all-full") && scores.every((s) => s.eq(max))) return { reason: "all-full" };
  if (rules.includes("same-score") && scores.length > 1 && scores.every((s) => s.eq(scores[0]!))) return { reason: "same-score" };
  for (const l of limits) {
    const inBand = scores.filter((s) => (l.gte === undefined || s.gte(l.gte)) && (l.lt === undefined || s.lt(l.lt))).length;
    const band = { ...(l.gte !== undefined ? { gte: l.gte } : {}), ...(l.lt !== undefined ? { lt: l.lt } : {}) };
    if (l.most !== undefined && inBand > l.most) return { reason: "most", count: inBand, limit: l.most, ...band };
    if (l.least !== undefined && inBand < l.least) return { reason: "least", count: inBand, limit: l.least, ...band };
  }
  return undefined;
}

