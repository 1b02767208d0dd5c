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
import type { SubjectState } from "../engine/state.js";
import { compareIds } from "./rank.js";

export interface QuotaWarning {
  readonly quota: string;
  readonly scope: string;
  readonly limit: number;
  readonly holders: number;
}

export function applyQuotas(rubric: CompiledRubric, subjects: readonly SubjectState[]): QuotaWarning[] {
  const warnings: QuotaWarning[] = [];
  const graded = subjects.filter((s) => !s.excluded && s.grade !== undefined);
  for (let grade = 0; grade < rubric.grades.length - 1; grade++) {
    for (const quota of rubric.quotas) {
      if (quota.grade !== grade) continue;
      for (const [scope, members] of scopes(quota, graded)) warnings.push(...applyOne(rubric, quota, scope, members));
    }
  }
  return warnings;
}

function scopes(quota: QuotaSpec, graded: readonly SubjectState[]): Map<string, SubjectState[]> {
  const out = new Map<string, SubjectState[]>();
  for (const s of graded) {
    const key = quota.scope === "all" ? "all" : `group ${s.group ?? "(none)"}`;
    const list = out.get(key) ?? [];
    list.push(s);
    out.set(key, list);
  }
  return out;
}

function limitOf(quota: QuotaSpec, size: number): number {
  if (quota.count !== undefined) return quota.count;
  // Multiply before dividing, so that 9 × 1/3 is exactly 3.
  return roundToInteger(dec(size).times(quota.share!.numerator).div(quota.share!.denominator), quota.rounding);
}

function applyOne(rubric: CompiledRubric, quota: QuotaSpec, scope: string, members: SubjectState[]): QuotaWarning[] {
  const size = members.length;
  const limit = limitOf(quota, size);
  const holders = members.filter((s) => s.grade === quota.grade);
  const fixed = holders.filter((s) => s.movedByRule);
  const competitors = holders
    .filter((s) => !s.movedByRule)
    .sort((a, b) => rankNumber(a) - rankNumber(b) || compareIds(a.id, b.id));
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
  for (const s of competitors.slice(admitted)) {
    const from = s.grade!;
    const to = from + 1;
    const rank = rankNumber(s);
    const tied = admitted < places;
    s.adjustments.push({
      kind: "quota",
      rule: quota.id,
      from,
      to,
      reason: `${label} quota: at most ${limit} in ${scope} (${share})${fixed.length ? `, ${fixed.length} place(s) held by rule-set grades` : ""}; rank ${rank}${tied ? " tied at the boundary" : ""}`,
      numbers: { rank, limit, scopeSize: size, scope, admitted, ...(fixed.length ? { heldByRules: fixed.length } : {}) },
    });
    s.grade = to;
  }
  return fixed.length > limit ? [{ quota: quota.id, scope, limit, holders: fixed.length }] : [];
}

function rankNumber(s: SubjectState): number {
  return s.rank?.rank ?? Number.MAX_SAFE_INTEGER;
}
