/**
 * Ranking: by total score (descending), then the rubric's tie-breakers in order.
 * Subjects still equal share a rank (standard competition ranking: 1, 2, 2, 4).
 * The order never depends on input order. Over columns: an index array sorted in
 * place (a typed array), ranks written to Int32Array columns.
 * @internal
 */
import type { TieBreaker } from "../compile/model.js";
import type { Dec } from "../decimal/decimal.js";
import type { RowContext, Ranks, Verdicts } from "../engine/tables.js";
import { tieBreakerValue } from "../engine/condition.js";

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

const UNSET = Symbol("unset");

/**
 * The ranking stage: overall, then within each group (subjects without a group are
 * ranked among themselves only overall), over the subjects not excluded and not
 * taken out of the ranking by a veto. A tie-breaker's value is read (once per subject)
 * only when two subjects tie on everything before it.
 */
export function rankStage(tieBreakers: readonly TieBreaker[], v: Verdicts, ctx: RowContext): Ranks {
  const n = v.grade.length;
  const ids = ctx.idsOf();
  const rank = new Int32Array(n);
  const groupRank = new Int32Array(n);
  const groupOf = new Int32Array(n);
  const memo = tieBreakers.map(() => new Array<Dec | undefined | typeof UNSET>(n).fill(UNSET));
  let ranks: Ranks | undefined;
  const value = (t: number, i: number): Dec | undefined => {
    const x = memo[t]![i];
    if (x !== UNSET) return x;
    const read = tieBreakerValue(tieBreakers[t]!, ctx.at(i, v.total[i]!, v.grade[i]!, v.rawGrade[i]!, ranks));
    memo[t]![i] = read;
    return read;
  };
  const keys = numericKeys(v);
  const compare = (a: number, b: number): number => {
    const byTotal = keys ? (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0) : v.total[b]!.cmp(v.total[a]!);
    if (byTotal !== 0) return byTotal;
    for (let t = 0; t < tieBreakers.length; t++) {
      const c = compareValues(value(t, a), value(t, b), tieBreakers[t]!.order);
      if (c !== 0) return c;
    }
    return 0;
  };
  const assign = (members: Uint32Array, out: Int32Array) => {
    members.sort((a, b) => compare(a, b) || compareIds(ids[a]!, ids[b]!));
    let r = 0;
    for (let k = 0; k < members.length; k++) {
      if (k === 0 || compare(members[k - 1]!, members[k]!) !== 0) r = k + 1;
      out[members[k]!] = r;
    }
  };
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (!v.excluded[i] && !v.unranked[i] && v.total[i] !== undefined) eligible.push(i);
  assign(Uint32Array.from(eligible), rank);
  // Within groups, a tie-breaker reads the subject with its overall rank known.
  ranks = { rank, of: eligible.length, groupRank: new Int32Array(n), groupOf: new Int32Array(n) };
  for (const m of memo) m.fill(UNSET);
  const groups = new Map<string, number[]>();
  for (const i of eligible) {
    const g = ctx.groupOf(i);
    if (g === undefined) continue;
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  }
  for (const list of groups.values()) {
    assign(Uint32Array.from(list), groupRank);
    for (const i of list) groupOf[i] = list.length;
  }
  return { rank, of: eligible.length, groupRank, groupOf };
}

/**
 * The totals as exact integers at one scale (the most decimals any total has), when
 * every total is a terminating decimal that fits: then the sort compares numbers, and
 * orders exactly as Dec.cmp would. Undefined otherwise (the sort compares Decs).
 */
function numericKeys(v: Verdicts): Float64Array | undefined {
  const n = v.total.length;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const t = v.total[i];
    if (t === undefined) continue;
    const p = t.decimalPlaces();
    if (p > 15) return undefined;
    if (p > scale) scale = p;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = v.total[i];
    if (t === undefined) continue;
    const k = t.scaled(scale);
    if (k === undefined) return undefined;
    keys[i] = k;
  }
  return keys;
}
