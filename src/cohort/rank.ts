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
 * The ranking stage: overall, then within each group (subjects without a group are
 * ranked among themselves only overall), over the subjects not excluded and not
 * taken out of the ranking by a veto. A tie-breaker's value is read (once per subject)
 * only when two subjects tie on everything before it. Tie-breaker values are numbers
 * where higher means "more" (compile/facts.ts numericFact): a grade reads as its quality
 * (best highest), so `desc` puts the better grade first; a date reads as its day
 * number. Missing values sort last, whatever the order. Two values are compared by
 * their `orderKey`s, and by `cmp` where those are equal (or NaN). `inIdOrder`: the rows' ids ascend
 * (idsAscend), so that members listed by row are in id order.
 */
export function rankStage(tieBreakers: readonly TieBreaker[], v: Verdicts, ctx: RowContext, inIdOrder = false): Ranks {
  const n = v.grade.length;
  const ids = ctx.idsOf();
  const rank = new Int32Array(n);
  const groupRank = new Int32Array(n);
  const groupOf = new Int32Array(n);
  // Each tie-breaker's values, read once per subject when first compared: the Dec, and its
  // orderKey (NaN: a fraction) so that most comparisons compare two numbers.
  const memo = tieBreakers.map(() => new Array<Dec | undefined>(n));
  const orderKeys = tieBreakers.map(() => new Float64Array(n));
  /** Per tie-breaker and subject: 0 not read yet, 1 a value, 2 none. */
  const read = tieBreakers.map(() => new Uint8Array(n));
  const desc = tieBreakers.map((t) => t.order === "desc");
  let ranks: Ranks | undefined;
  const readValue = (t: number, i: number): void => {
    const x = tieBreakerValue(tieBreakers[t]!, ctx.at(i, v.total[i]!, v.grade[i]!, v.rawGrade[i]!, ranks));
    memo[t]![i] = x;
    if (x !== undefined) orderKeys[t]![i] = x.orderKey();
    read[t]![i] = x === undefined ? 2 : 1;
  };
  const keys = numericKeys(v);
  const breakTie = (a: number, b: number): number => {
    for (let t = 0; t < tieBreakers.length; t++) {
      const seen = read[t]!;
      if (seen[a] === 0) readValue(t, a);
      if (seen[b] === 0) readValue(t, b);
      // No value sorts last, whatever the order.
      if (seen[a] === 2 || seen[b] === 2) {
        if (seen[a] !== seen[b]) return seen[a] === 2 ? 1 : -1;
        continue;
      }
      const x = orderKeys[t]![a]!;
      const y = orderKeys[t]![b]!;
      const c = x < y ? -1 : x > y ? 1 : memo[t]![a]!.cmp(memo[t]![b]!);
      if (c !== 0) return desc[t] ? -c : c;
    }
    return 0;
  };
  let together: Float64Array | undefined;
  /**
   * One exact integer key per member (indexed by subject) that orders as the total and
   * then each tie-breaker do (the higher key first): (total − lowest total) × C + C − 1 −
   * the rank of the member's tie-breaker values among the members' (dense, best first,
   * no value last; C the number of such ranks). Every member's values are read. Undefined
   * when a value is not an exact integer at its tie-breaker's scale (a fraction, more than
   * 15 decimals) or a key would pass 2^53: the comparator sort then decides.
   */
  const combinedKeys = (members: Uint32Array, totals: Float64Array): Float64Array | undefined => {
    const m = members.length;
    const combined = new Float64Array(m);
    let count = 1;
    for (let t = 0; t < tieBreakers.length; t++) {
      for (let k = 0; k < m; k++) if (read[t]![members[k]!] === 0) readValue(t, members[k]!);
      // This tie-breaker's values as exact integers (negated for desc: best lowest), ranked densely, no value last.
      const scaled = exactIntegers(m, (k) => memo[t]![members[k]!]);
      if (scaled === undefined) return undefined;
      if (desc[t]) for (let k = 0; k < m; k++) scaled[k] = -scaled[k]!;
      const { ranks, distinct } = denseRanks(scaled);
      const width = distinct + 1;
      if (count * width > Number.MAX_SAFE_INTEGER) return undefined;
      for (let k = 0; k < m; k++) combined[k] = combined[k]! * width + ranks[k]!;
      count *= width;
    }
    let low = Infinity;
    let high = -Infinity;
    for (let k = 0; k < m; k++) {
      const x = totals[members[k]!]!;
      if (x < low) low = x;
      if (x > high) high = x;
    }
    if ((high - low + 1) * count > Number.MAX_SAFE_INTEGER) return undefined;
    // One array for every pass (overall, then each group): only the members' entries are written and read.
    const out = (together ??= new Float64Array(n));
    for (let k = 0; k < m; k++) {
      const i = members[k]!;
      out[i] = (totals[i]! - low) * count + (count - 1 - combined[k]!);
    }
    return out;
  };
  const compare = (a: number, b: number): number => {
    const byTotal = keys ? (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0) : v.total[b]!.cmp(v.total[a]!);
    return byTotal !== 0 ? byTotal : breakTie(a, b);
  };
  const assign = (members: Uint32Array, out: Int32Array) => {
    // With tie-breakers, many members: one key per member for the total and the tie-breakers together (no comparator), when exact.
    const combined = keys && tieBreakers.length > 0 && members.length >= 32 ? combinedKeys(members, keys) : undefined;
    if (combined) sortByKey(members, combined, ids, undefined, inIdOrder);
    else if (keys) sortByKey(members, keys, ids, tieBreakers.length > 0 ? breakTie : undefined, inIdOrder);
    else members.sort((a, b) => compare(a, b) || compareIds(ids[a]!, ids[b]!));
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
  for (const r of read) r.fill(0);
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
 * Sort `members` in place by key, highest first, then by `tie` (a tie-breaker), then by
 * id (compareIds): the order of `members.sort((a, b) => (keys[b] − keys[a]) || tie(a, b) ||
 * compareIds(ids[a], ids[b]))`, without a comparator call per comparison of the keys.
 *
 * Each member goes to its key's bucket, in the order given (as a stable sort keeps
 * them): when every key is an integer and they span fewer than 2m + 1024 values (totals
 * at 2 places in [0, 100]: at most 10,001), the bucket is the key's distance below the
 * highest (a counting sort, no search); otherwise the keys are sorted as numbers and a
 * key's bucket found by binary search among the distinct ones. -0 and 0 are one key, as
 * the comparison has them. Only a bucket of two or more (a tie on the key) is ordered
 * by `tie` and the ids; without `tie`, when the members come in ascending id order
 * (`inIdOrder`, as rows often do), a bucket already is, and nothing is compared.
 */
export function sortByKey(members: Uint32Array, keys: Float64Array, ids: readonly string[], tie?: (a: number, b: number) => number, inIdOrder = false): void {
  const m = members.length;
  if (m < 2) return;
  const byId = (a: number, b: number) => compareIds(ids[a]!, ids[b]!);
  const order = tie === undefined ? byId : (a: number, b: number) => tie(a, b) || byId(a, b);
  if (m < 32) {
    members.sort((a, b) => (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0) || order(a, b));
    return;
  }
  let lo = Infinity;
  let hi = -Infinity;
  let integral = true;
  for (let k = 0; k < m; k++) {
    const x = keys[members[k]!]!;
    if (!Number.isInteger(x)) {
      integral = false;
      break;
    }
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const out = new Uint32Array(m);
  let start: Uint32Array;
  let d: number;
  if (integral && hi - lo < 2 * m + 1024) {
    // A counting sort: bucket hi − x (exact: integers less than 2m + 1024 apart).
    d = hi - lo + 1;
    start = new Uint32Array(d + 1);
    for (let k = 0; k < m; k++) start[hi - keys[members[k]!]! + 1]!++;
    for (let b = 1; b <= d; b++) start[b]! += start[b - 1]!;
    const next = start.slice(0, d);
    for (let k = 0; k < m; k++) {
      const i = members[k]!;
      out[next[hi - keys[i]!]!++] = i;
    }
  } else {
    // Bucket of a key: its dense rank, highest first (the keys negated, ranked lowest first).
    const negated = new Float64Array(m);
    for (let k = 0; k < m; k++) negated[k] = -keys[members[k]!]!;
    const { ranks: bucketOf, distinct } = denseRanks(negated);
    d = distinct;
    start = new Uint32Array(d + 1);
    for (let k = 0; k < m; k++) start[bucketOf[k]! + 1]!++;
    for (let b = 1; b <= d; b++) start[b]! += start[b - 1]!;
    const next = start.slice(0, d);
    for (let k = 0; k < m; k++) out[next[bucketOf[k]!]!++] = members[k]!;
  }
  if (tie !== undefined || !inIdOrder)
    for (let b = 0; b < d; b++) {
      const from = start[b]!;
      const to = start[b + 1]!;
      if (to - from < 2) continue;
      // A bucket already in order (members often come in id order) needs no sort.
      let k = from + 1;
      while (k < to && order(out[k - 1]!, out[k]!) <= 0) k++;
      if (k < to) out.subarray(from, to).sort(order);
    }
  members.set(out);
}

/**
 * The totals as exact integers at one scale (exactIntegers), when every total is a
 * terminating decimal that fits: then the sort compares numbers, and orders exactly as
 * Dec.cmp would. Undefined otherwise (the sort compares Decs).
 */
function numericKeys(v: Verdicts): Float64Array | undefined {
  return exactIntegers(v.total.length, (i) => v.total[i]);
}

/**
 * Values 0 … m − 1 as exact integers at one scale (the most decimals any of them has),
 * NaN for none: numbers that order and compare as the Decs do. Undefined when one does not
 * terminate within 15 decimals or does not fit 2^53 at that scale.
 */
function exactIntegers(m: number, valueAt: (k: number) => Dec | undefined): Float64Array | undefined {
  let scale = 0;
  for (let k = 0; k < m; k++) {
    const x = valueAt(k);
    if (x === undefined) continue;
    const p = x.decimalPlaces();
    if (p > 15) return undefined;
    if (p > scale) scale = p;
  }
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const x = valueAt(k);
    if (x === undefined) {
      out[k] = Number.NaN;
      continue;
    }
    const y = x.scaled(scale);
    if (y === undefined) return undefined;
    out[k] = y;
  }
  return out;
}

/**
 * Each value's dense rank among the values, lowest 0 (-0 and 0 one value), and how many
 * distinct values there are; NaN ranks after them all (`distinct`).
 */
export function denseRanks(values: Float64Array): { ranks: Uint32Array; distinct: number } {
  const m = values.length;
  const sorted = values.filter((x) => x === x).sort();
  let d = 0;
  for (let k = 0; k < sorted.length; k++) if (d === 0 || sorted[k] !== sorted[d - 1]) sorted[d++] = sorted[k]!;
  const ranks = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const x = values[k]!;
    if (x !== x) {
      ranks[k] = d;
      continue;
    }
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    ranks[k] = lo;
  }
  return { ranks, distinct: d };
}

/** Whether the ids ascend strictly, row by row (compareIds): then any subjects listed by row are in id order. */
export function idsAscend(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}
