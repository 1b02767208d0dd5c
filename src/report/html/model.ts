/**
 * The printed report's content, computed once from a rubric result and its feedback:
 * every figure as display text (the rubric's decimal places), every sentence in Chinese.
 * The HTML renderer only lays it out.
 */
import type { CompiledRubric } from "../../compile/model.js";
import { dec, format, ZERO, type Dec } from "../../decimal/decimal.js";
import type { Feedback, SubjectFeedback } from "../feedback.js";
import { exactOf, type NodeResult, type RubricResult, type SubjectResult } from "../result.js";
import { unreachable } from "../../diagnostics/kaohe-error.js";
import type { ReportComparison } from "./compare.js";
import { adjustmentSentence, KIND_LABELS, percent, quotaLimit, type GradeLabel } from "./text.js";

export interface ReportInput {
  readonly rubric: CompiledRubric;
  readonly result: RubricResult;
  readonly feedback: Feedback;
  /** `kaohe report --compare <old>`: the old version against this one (a 版本对比 section after the cover). */
  readonly compare?: ReportComparison;
}

export interface RankRow {
  /** Overall rank ("—" when excluded). */
  readonly rank: string;
  readonly groupRank: string;
  readonly id: string;
  /** The subject's name, or its id when it has none. */
  readonly name: string;
  readonly group: string;
  readonly score: string;
  readonly grade: string;
  readonly adjustments: readonly string[];
  readonly actions: string;
}

export interface GradeCount {
  readonly id: string;
  readonly label: string;
  readonly count: number;
  /** Of the graded subjects, e.g. "50%". */
  readonly share: string;
}

/** Grade moves of one rule or quota, for the cover. */
export interface Move {
  readonly kind: string;
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly why: string;
}

export interface PortraitAxis {
  readonly label: string;
  readonly points: string;
  readonly max: string;
  /** The unit's points as a share of max, in percent with 1 decimal ("95.4"); null when the part does not apply. */
  readonly share: string | null;
  /** The cohort's mean share, in percent with 1 decimal. */
  readonly average: string;
}

export interface ItemLine {
  readonly label: string;
  readonly points: string;
  readonly max: string;
  readonly lost: string;
  readonly average: string;
  /** Highlights: 满分 or 全体最高. */
  readonly basis?: string;
}

export interface Sheet {
  readonly id: string;
  readonly name: string;
  readonly group: string | null;
  readonly score: string;
  readonly max: string;
  readonly grade: string;
  /** The grade by bands, when a rule or quota moved it. */
  readonly rawGrade: string | null;
  readonly rank: string;
  readonly groupRank: string | null;
  readonly adjustments: readonly string[];
  readonly portrait: readonly PortraitAxis[];
  readonly problems: readonly ItemLine[];
  readonly highlights: readonly ItemLine[];
  readonly next: string;
  readonly actions: readonly string[];
  readonly tier: string | null;
  /** Labels of the 共性问题 this unit counts towards. */
  readonly common: readonly string[];
}

export interface CommonLine {
  readonly label: string;
  readonly parent: string;
  readonly subjects: number;
  readonly applicable: number;
  readonly share: string;
  readonly averageLost: string;
  readonly max: string;
}

export interface ReportModel {
  readonly name: string;
  readonly year: number;
  readonly version: string;
  readonly description: string | null;
  readonly count: number;
  readonly graded: number;
  readonly excluded: number;
  readonly grades: readonly GradeCount[];
  readonly moves: readonly Move[];
  /** The group column's heading (the rubric's subject.group, else 分组); null when no subject has a group. */
  readonly groupLabel: string | null;
  readonly rows: readonly RankRow[];
  readonly groups: readonly { readonly name: string; readonly rows: readonly RankRow[]; readonly counts: readonly number[] }[];
  readonly common: readonly CommonLine[];
  /** Where every portrait's scale starts (percent, a multiple of 10): below the lowest share drawn, so that shapes differ. */
  readonly portraitFrom: number;
  /** The 共性问题 thresholds as percentages ("50%", "10%"). */
  readonly threshold: { readonly share: string; readonly loss: string };
  readonly sheets: readonly Sheet[];
}

/** Build the report's content. Pure: no clock, no I/O. */
export function reportModel({ rubric, result, feedback }: ReportInput): ReportModel {
  const places = rubric.rounding?.places ?? 2;
  const show = (d: Dec) => format(d.toDecimalPlaces(places));
  const showText = (s: string) => show(dec(s));
  const label: GradeLabel = (g) => (g === null ? "不定级" : (result.gradeLabels[g] ?? g));
  const quotas = new Map(rubric.quotas.map((q) => [q.id, q]));
  const sentences = (u: SubjectResult) => u.adjustments.map((a) => adjustmentSentence(a, quotas.get(a.rule), label));
  const graded = result.units.filter((u) => u.grade !== null);
  const hasGroups = result.units.some((u) => u.group !== undefined);
  const groupSize = new Map<string, number>();
  for (const u of graded) if (u.group !== undefined) groupSize.set(u.group, (groupSize.get(u.group) ?? 0) + 1);

  const row = (u: SubjectResult): RankRow => ({
    rank: u.rank === null ? "—" : String(u.rank),
    groupRank: u.groupRank === null ? "—" : String(u.groupRank),
    id: u.id,
    name: u.name ?? u.id,
    group: u.group ?? "",
    score: u.score,
    grade: label(u.grade),
    adjustments: sentences(u),
    actions: u.actions.map((a) => a.label).join("、"),
  });
  const rows = result.units.map(row);

  const byGroup = new Map<string, SubjectResult[]>();
  for (const u of result.units) if (u.group !== undefined) byGroup.set(u.group, [...(byGroup.get(u.group) ?? []), u]);
  const groups = [...byGroup.keys()]
    .sort((a, b) => a.localeCompare(b, "zh-CN", { numeric: true }))
    .map((name) => {
      const members = byGroup.get(name)!;
      // rank order within the group (the result is in overall rank order; group ranks follow it)
      const ordered = [...members].sort((a, b) => (a.groupRank ?? Infinity) - (b.groupRank ?? Infinity));
      return { name, rows: ordered.map(row), counts: result.grades.map((g) => members.filter((u) => u.grade === g).length) };
    });

  const share = (n: number, of: number) => (of === 0 ? "0%" : percent(format(dec(n).div(of))));
  const grades = result.grades.map((g) => ({ id: g, label: label(g), count: result.summary.distribution[g] ?? 0, share: share(result.summary.distribution[g] ?? 0, result.summary.graded) }));

  // Grade moves, by rule and direction, in rule order of first appearance (units in rank order).
  const moves = new Map<string, { kind: string; rule: string; from: string; to: string; count: number; why: string }>();
  for (const u of result.units)
    for (const a of u.adjustments) {
      const key = `${a.kind}\u0000${a.rule}\u0000${a.from}\u0000${a.to}`;
      const m = moves.get(key);
      if (m) m.count++;
      else {
        const quota = quotas.get(a.rule);
        const why = a.kind === "quota" ? quotaLimit(quota, a, label) : a.reason;
        moves.set(key, { kind: KIND_LABELS[a.kind], rule: a.rule, from: label(a.from), to: a.to === null ? "不参加定级" : label(a.to), count: 1, why });
      }
    }

  // The group an item sits in ("—" directly under the total).
  const parentLabel = (id: string) => {
    for (const n of rubric.nodes.values())
      if (n.type === "group" && n !== rubric.root && (n.children.some((c) => c.id === id) || n.outside.some((c) => c.id === id))) return n.label;
    return "—";
  };
  const common = feedback.common.map((c) => ({
    label: c.label,
    parent: parentLabel(c.item),
    subjects: c.subjects,
    applicable: c.applicable,
    share: percent(c.share),
    averageLost: showText(c.averageLost),
    max: rubric.nodes.get(c.item)?.max.toString() ?? "",
  }));
  const commonLoss = dec(feedback.threshold.commonLoss);
  const commonItems = new Map(feedback.common.map((c) => [c.item, c.label]));

  // The portrait's parts: the root's children with a full mark (a pure deduction part of max 0 has no share).
  const parts = rubric.root.children.filter((c) => c.max.gt(0)).map((c) => c.id);
  const averages = partAverages(parts, graded);
  const feedbackOf = new Map(feedback.subjects.map((f) => [f.id, f]));
  const best = result.grades[0];

  const sheets = result.units.map((u): Sheet => {
    const f = feedbackOf.get(u.id);
    const nodes = new Map(u.nodes.map((n) => [n.id, n]));
    const root = u.nodes[0];
    return {
      id: u.id,
      name: u.name ?? u.id,
      group: u.group ?? null,
      score: u.score,
      max: root ? root.max : "",
      grade: label(u.grade),
      rawGrade: u.adjustments.length && u.rawGrade !== u.grade ? label(u.rawGrade) : null,
      rank: u.rank === null ? "不参加排名" : `第${u.rank}名 / 共${result.summary.graded}个`,
      groupRank: u.groupRank === null || u.group === undefined ? null : `第${u.groupRank}名 / 共${groupSize.get(u.group) ?? 0}个`,
      adjustments: sentences(u),
      portrait: parts.map((id) => {
        const n = nodes.get(id);
        const node = rubric.nodes.get(id)!;
        return {
          label: node.label,
          points: n ? showText(n.points) : "—",
          max: n ? n.max : format(node.max),
          share: n ? shareOf(n) : null,
          average: averages.get(id) ?? "0",
        };
      }),
      problems: (f?.problems ?? []).map((p) => ({ label: p.label, points: showText(p.points), max: p.max, lost: showText(p.lost), average: showText(p.batchAverage) })),
      highlights: (f?.highlights ?? []).map((h) => ({ label: h.label, points: showText(h.points), max: h.max, lost: showText(h.lost), average: showText(h.batchAverage), basis: h.basis === "full" ? "满分" : "全体最高" })),
      next: nextText(u, f, best, label),
      actions: u.actions.map((a) => a.label),
      tier: u.tier ? `${u.tier.label}${u.tier.followUp ? `（${u.tier.followUp}）` : ""}` : null,
      common: u.nodes.filter((n) => commonItems.has(n.id) && countsTowards(n, commonLoss)).map((n) => commonItems.get(n.id)!),
    };
  });

  return {
    name: result.rubric.name,
    year: result.rubric.year,
    version: result.rubric.version,
    description: rubric.description ?? null,
    count: result.summary.count,
    graded: result.summary.graded,
    excluded: result.summary.excluded,
    grades,
    moves: [...moves.values()],
    groupLabel: hasGroups ? (rubric.groupLabel ?? "分组") : null,
    rows,
    groups,
    common,
    portraitFrom: scaleStart(sheets),
    threshold: { share: percent(feedback.threshold.commonShare), loss: percent(feedback.threshold.commonLoss) },
    sheets,
  };
}

/**
 * One scale for every portrait, so that sheets compare: 10 below the lowest share drawn
 * (a unit's or an average), rounded down to a multiple of 10, at least 0. Shares of 90%
 * to 100% drawn from 0 would all look alike.
 */
function scaleStart(sheets: readonly Sheet[]): number {
  let lowest: Dec | undefined;
  for (const s of sheets)
    for (const a of s.portrait)
      for (const v of [a.share, a.average]) if (v !== null && (lowest === undefined || dec(v).lt(lowest))) lowest = dec(v);
  if (lowest === undefined) return 0;
  const start = lowest.div(10).floor().times(10).minus(10);
  return start.gt(0) ? start.toNumber() : 0;
}

/** A unit counts towards a common problem when it lost at least commonLoss × max (and more than 0). */
function countsTowards(n: NodeResult, commonLoss: Dec): boolean {
  const x = exactOf(n);
  return x.lost.gt(0) && x.lost.gte(x.max.times(commonLoss));
}

/** points / max in percent, 1 decimal ("95.4"); "0" for a max of 0. */
function shareOf(n: NodeResult): string {
  const x = exactOf(n);
  // rounded down: 99.97 of 100 shows 99.9%, never a full 100% it did not reach
  return x.max.isZero() ? "0" : format(x.points.div(x.max).times(100).toDecimalPlaces(1, "down"));
}

/** The cohort's mean share of max per part, over the graded subjects it applies to. */
function partAverages(parts: readonly string[], graded: readonly SubjectResult[]): Map<string, string> {
  const sums = new Map<string, { sum: Dec; n: number }>();
  for (const u of graded)
    for (const n of u.nodes) {
      if (n.depth !== 1 || !parts.includes(n.id)) continue;
      const x = exactOf(n);
      if (x.max.isZero()) continue;
      const s = sums.get(n.id) ?? { sum: ZERO, n: 0 };
      sums.set(n.id, { sum: s.sum.plus(x.points.div(x.max)), n: s.n + 1 });
    }
  return new Map([...sums].map(([id, s]) => [id, format(s.sum.div(s.n).times(100).toDecimalPlaces(1, "down"))]));
}

function nextText(u: SubjectResult, f: SubjectFeedback | undefined, best: string | undefined, label: GradeLabel): string {
  if (u.grade === null) return "不参加定级";
  const next = f?.toNextGrade;
  if (!next) return u.grade === best ? "已是最高等次" : "—";
  const target = label(next.grade);
  const reached = dec(next.points).isZero();
  switch (next.basis) {
    case "rule":
      return reached ? `得分已达"${target}"等次分数线；等次由规则确定，仅提高得分不能提升等次` : `距"${target}"等次分数线还差${next.points}分；等次由规则确定，仅提高得分不能提升等次`;
    case "quota":
      return reached ? `得分已达"${target}"等次分数线，因名额限制未评定为"${target}"` : `距"${target}"等次分数线还差${next.points}分；等次受名额限制`;
    case "exclusive":
      return `距"${target}"等次还差${next.points}分以上（须高于分数线）`;
    case undefined:
      return `距"${target}"等次还差${next.points}分`;
    default:
      return unreachable(next.basis, "next-grade basis");
  }
}
