/**
 * Quotas (名额/比例): grades best to worst; for each quota on that grade, per scope
 * (the whole batch, or each group):
 *
 *   limit = round(scope size × share) with the quota's rounding (floor by default), or the count.
 *   Holders moved into the grade by a rule keep it and fill places first ("do not compete").
 *   The other holders are admitted in rank order into the remaining places.
 *   Holders tied (same rank) across the last place are all demoted (ties: demote, the
 *   default: the limit is never exceeded) or all admitted (ties: admit).
 *   The rest move to the next grade down, where that grade's quotas apply in turn.
 *
 * Scope size counts graded subjects (excluded ones are not). Every move is recorded
 * with its rank, limit and scope size.
 * @internal
 */
import type { CompiledRubric, QuotaSpec } from "../compile/model.js";
import { dec, roundToInteger } from "../decimal/decimal.js";
import type { AdjustmentState } from "../engine/state.js";
import { appendTo, copySparse, NO_GRADE, type Ranks, type Verdicts } from "../engine/tables.js";
import { sortByKey } from "./rank.js";

export interface QuotaWarning {
  readonly quota: string;
  readonly scope: string;
  readonly limit: number;
  readonly holders: number;
}

/** The quota stage: new verdicts (grades and adjustments), and a warning for each quota that rule-set grades alone exceed. */
export function applyQuotas(
  rubric: CompiledRubric,
  v: Verdicts,
  ranks: Ranks,
  ids: readonly string[],
  groups: readonly (string | undefined)[],
  inIdOrder = false,
): { verdicts: Verdicts; warnings: QuotaWarning[] } {
  const warnings: QuotaWarning[] = [];
  if (rubric.quotas.length === 0) return { verdicts: v, warnings };
  const grade = v.grade.slice();
  const adjustments = copySparse(v.adjustments);
  const graded: number[] = [];
  for (let i = 0; i < grade.length; i++) if (!v.excluded[i] && grade[i] !== NO_GRADE) graded.push(i);
  const rankNumber = (i: number) => ranks.rank[i] || Number.MAX_SAFE_INTEGER;
  // The competitors' order, best first: rank ascending, the unranked (rank 0) after every
  // rank (≤ n) as one key (n + 1), ties by id; as a key sorted highest first, −rank.
  const n = grade.length;
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) order[i] = -(ranks.rank[i] || n + 1);
  const byRank = (members: Uint32Array) => sortByKey(members, order, ids, undefined, inIdOrder);
  for (let g = 0; g < rubric.grades.length - 1; g++) {
    for (const quota of rubric.quotas) {
      if (quota.grade !== g) continue;
      for (const [scope, members] of scopes(quota, graded, groups)) {
        const w = applyOne(rubric, quota, scope, members, grade, v.moved, rankNumber, byRank, adjustments);
        if (w) warnings.push(w);
      }
    }
  }
  return { verdicts: { ...v, grade, adjustments }, warnings };
}

/**
 * The quota's scopes and their members, in row order: "all", or "group <name>" per group
 * in order of first appearance ("group (none)" for the subjects without one, together with
 * a group named "(none)"). Each group's list is looked up once, not a key made per member.
 */
function scopes(quota: QuotaSpec, graded: readonly number[], groups: readonly (string | undefined)[]): Map<string, readonly number[]> {
  const out = new Map<string, number[]>();
  if (quota.scope === "all") {
    if (graded.length > 0) out.set("all", [...graded]);
    return out;
  }
  const listOf = new Map<string | undefined, number[]>();
  for (const i of graded) {
    const group = groups[i];
    let list = listOf.get(group);
    if (list === undefined) {
      const key = `group ${group ?? "(none)"}`;
      list = out.get(key);
      if (list === undefined) out.set(key, (list = []));
      listOf.set(group, list);
    }
    list.push(i);
  }
  return out;
}

function limitOf(quota: QuotaSpec, size: number): number {
  if (quota.count !== undefined) return quota.count;
  // Multiply before dividing, so that 9 × 1/3 is exactly 3.
  return roundToInteger(dec(size).times(quota.share!.numerator).div(quota.share!.denominator), quota.rounding);
}

function applyOne(
  rubric: CompiledRubric,
  quota: QuotaSpec,
  scope: string,
  members: readonly number[],
  grade: Int32Array,
  moved: Uint8Array,
  rankNumber: (i: number) => number,
  byRank: (members: Uint32Array) => void,
  adjustments: Map<number, AdjustmentState[]>,
): QuotaWarning | undefined {
  const size = members.length;
  const limit = limitOf(quota, size);
  const holders = members.filter((i) => grade[i] === quota.grade);
  const fixed = holders.filter((i) => moved[i]);
  // By rank, ties by id (sortByKey: a counting sort on the rank).
  const competitors = Uint32Array.from(holders.filter((i) => !moved[i]));
  byRank(competitors);
  const places = Math.max(0, limit - fixed.length);
  let admitted = Math.min(places, competitors.length);
  if (admitted < competitors.length && admitted > 0) {
    const boundaryRank = rankNumber(competitors[admitted - 1]!);
    if (rankNumber(competitors[admitted]!) === boundaryRank) {
      if (quota.ties === "demote") while (admitted > 0 && rankNumber(competitors[admitted - 1]!) === boundaryRank) admitted--;
      else while (admitted < competitors.length && rankNumber(competitors[admitted]!) === boundaryRank) admitted++;
    }
  }
  const share = quota.share ? `${quota.share.text} of ${size}, ${quota.rounding}` : `count ${quota.count}`;
  const label = rubric.grades[quota.grade]!.label;
  for (const i of competitors.slice(admitted)) {
    const from = grade[i]!;
    const to = from + 1;
    const rank = rankNumber(i);
    const tied = admitted < places;
    appendTo(adjustments, i, {
      kind: "quota",
      rule: quota.id,
      from,
      to,
      reason: `${label} quota: at most ${limit} in ${scope} (${share})${fixed.length ? `, ${fixed.length} place(s) held by rule-set grades` : ""}; rank ${rank}${tied ? " tied at the boundary" : ""}`,
      numbers: { rank, limit, scopeSize: size, scope, admitted, ...(fixed.length ? { heldByRules: fixed.length } : {}) },
    });
    grade[i] = to;
  }
  return fixed.length > limit ? { quota: quota.id, scope, limit, holders: fixed.length } : undefined;
}
