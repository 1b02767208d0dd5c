/**
 * cohort/rank.ts sortByKey: members by key, highest first, then by the tie order (a
 * tie-breaker), then by id; the same order as one comparator sort of the members (the
 * reference), which the ranking used before. Keys that are integers in a small range
 * take a counting sort; other keys (fractions, a wide range) the sort of the distinct
 * keys. A bucket is sorted only when a tie-breaker or the ids decide within it.
 */
import { describe, expect, test } from "vitest";
import { idsAscend, sortByKey } from "../../src/cohort/rank.js";

type Tie = ((a: number, b: number) => number) | undefined;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The full comparator: key descending, then the tie-breaker, then the id by code unit. */
function reference(members: readonly number[], keys: Float64Array, ids: readonly string[], tie?: Tie): number[] {
  return [...members].sort((a, b) => (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0) || (tie ? tie(a, b) : 0) || byCodeUnit(ids[a]!, ids[b]!));
}

function sorted(members: readonly number[], keys: Float64Array, ids: readonly string[], tie?: Tie, inIdOrder = false): number[] {
  const m = Uint32Array.from(members);
  sortByKey(m, keys, ids, tie, inIdOrder);
  return [...m];
}

/** Ids m000, m001, …: ascending with the index. */
const seqIds = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(3, "0")}`);
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A counter of calls, to show the tie-breaker is (not) consulted. */
function counted(tie: (a: number, b: number) => number): { tie: (a: number, b: number) => number; calls: () => number } {
  let calls = 0;
  return {
    tie: (a, b) => {
      calls++;
      return tie(a, b);
    },
    calls: () => calls,
  };
}

describe("sortByKey: integer keys in a small range (the counting sort)", () => {
  test("highest key first; ties by id, code unit by code unit (a10 < a2 < b); 40 members", () => {
    // Members 0…39: key 7 for 0, 1, 2 (ids b, a2, a10), key 3 for the rest, except member 39 with key 9.
    const ids = ["b", "a2", "a10", ...Array.from({ length: 36 }, (_, i) => `m${String(i).padStart(2, "0")}`), "top"];
    const keys = Float64Array.from(ids.map((_, i) => (i < 3 ? 7 : i === 39 ? 9 : 3)));
    const got = sorted(all(40), keys, ids).map((i) => ids[i]);
    // 9 (top), then 7: a10 ("1" 0x31 < "2" 0x32), a2, b; then the 36 of key 3 in id order.
    expect(got.slice(0, 4)).toEqual(["top", "a10", "a2", "b"]);
    expect(got.slice(4)).toEqual(ids.slice(3, 39));
  });

  test("ties at a bucket boundary: adjacent keys 5 and 4, each bucket's members sorted within it, none crossing", () => {
    // 64 members: key 5 for the even indices, 4 for the odd; ids descend with the index (z63 … z00), so each bucket is reversed.
    const ids = all(64).map((i) => `z${String(63 - i).padStart(2, "0")}`);
    const keys = Float64Array.from(all(64), (i) => (i % 2 === 0 ? 5 : 4));
    const got = sorted(all(64), keys, ids);
    // Bucket 5: indices 62, 60, …, 0 (ids z01, z03, …, z63 ascending); bucket 4: 63, 61, …, 1.
    expect(got.slice(0, 32)).toEqual(all(32).map((k) => 62 - 2 * k));
    expect(got.slice(32)).toEqual(all(32).map((k) => 63 - 2 * k));
    // The last of the higher bucket and the first of the lower one: index 0 (key 5, z63) before 63 (key 4, z00), whatever their ids.
    expect([got[31], got[32]]).toEqual([0, 63]);
    expect(got).toEqual(reference(all(64), keys, ids));
  });

  test("a tie-breaker decides before the ids; the ids only where it ties too", () => {
    // 40 members, all key 10; the tie-breaker orders by index mod 3 (0 first); within one residue, by id (descending with the index).
    const ids = all(40).map((i) => `s${String(99 - i)}`);
    const keys = new Float64Array(40).fill(10);
    const tie = (a: number, b: number) => (a % 3) - (b % 3);
    const got = sorted(all(40), keys, ids, tie);
    // Residue 0: 39, 36, …, 0 (ids s60, s63, …, s99): 14 members; then residue 1: 37, 34, …, 1; then residue 2: 38, …, 2.
    expect(got.slice(0, 14)).toEqual(all(14).map((k) => 39 - 3 * k));
    expect(got.slice(14, 27)).toEqual(all(13).map((k) => 37 - 3 * k));
    expect(got.slice(27)).toEqual(all(13).map((k) => 38 - 3 * k));
    expect(got).toEqual(reference(all(40), keys, ids, tie));
  });

  test("negative keys and -0: -0 and 0 are one key, ordered by id together; a subset (a group) sorts among itself", () => {
    const keys = new Float64Array(100);
    for (let i = 0; i < 100; i++) keys[i] = i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : -5;
    const ids = seqIds(100);
    const members = all(50).map((k) => 99 - 2 * k);
    const got = sorted(members, keys, ids);
    expect(got).toEqual(reference(members, keys, ids));
    // The zero keys (−0 at 3, 9, …; 0 at 1, 7, …) first, together, by id (= index): 1, 3, 7, 9, …; then the −5 keys (5, 11, …).
    expect(got.slice(0, 4)).toEqual([1, 3, 7, 9]);
    expect(got.filter((i) => keys[i] === -5)).toEqual(got.slice(got.length - 16));
  });

  test("without a tie-breaker and with the members in id order, nothing is compared; with one, the tie-breaker is consulted", () => {
    const ids = seqIds(200);
    // Keys 0…9 (i mod 10): 20 members per bucket.
    const keys = Float64Array.from(all(200), (i) => i % 10);
    expect(idsAscend(ids)).toBe(true);
    const ref = reference(all(200), keys, ids);
    // The ids behind a proxy that counts reads of an element: none with inIdOrder (the buckets, filled in order, are in id order).
    let reads = 0;
    const watched = new Proxy(ids, { get: (t, k, r) => (typeof k === "string" && /^\d+$/.test(k) && reads++, Reflect.get(t, k, r)) });
    expect(sorted(all(200), keys, watched, undefined, true)).toEqual(ref);
    expect(reads).toBe(0);
    expect(sorted(all(200), keys, watched, undefined, false)).toEqual(ref);
    expect(reads).toBeGreaterThan(0);
    // Key 9 first: 9, 19, …, 199; then key 8 …
    expect(ref.slice(0, 3)).toEqual([9, 19, 29]);
    const c = counted((a, b) => b - a);
    const got = sorted(all(200), keys, ids, c.tie, true);
    // The tie-breaker (index descending) decides every tie: key 9 first: 199, 189, …
    expect(got.slice(0, 3)).toEqual([199, 189, 179]);
    expect(c.calls()).toBeGreaterThan(0);
  });

  test("inIdOrder is what the caller asserts: idsAscend is false for a repeat or a descent", () => {
    expect(idsAscend([])).toBe(true);
    expect(idsAscend(["a"])).toBe(true);
    expect(idsAscend(["a", "a10", "a2", "b"])).toBe(true);
    expect(idsAscend(["a", "a"])).toBe(false);
    expect(idsAscend(["b", "a"])).toBe(false);
  });

  test("no members and one member: left as they are, nothing compared", () => {
    const c = counted(() => 0);
    expect(sorted([], new Float64Array(0), [], c.tie)).toEqual([]);
    expect(sorted([3], new Float64Array(4), ["a", "b", "c", "d"], c.tie)).toEqual([3]);
    expect(c.calls()).toBe(0);
  });
});

describe("sortByKey: other keys (the sort of distinct keys)", () => {
  test("non-integer keys fall back, in the same order: 0.5 above 0.25 above -0.5, ties by id", () => {
    const ids = seqIds(60).reverse();
    const keys = Float64Array.from(all(60), (i) => [0.5, 0.25, -0.5][i % 3]!);
    const got = sorted(all(60), keys, ids);
    expect(got).toEqual(reference(all(60), keys, ids));
    // Key 0.5 at indices 0, 3, …, 57; ids descend with the index, so by id: 57, 54, …
    expect(got.slice(0, 3)).toEqual([57, 54, 51]);
    expect(got.slice(40)).toEqual(all(20).map((k) => 59 - 3 * k));
  });

  test("integers spread wider than 2m + 1024 fall back: 40 members over 0 … 2^40", () => {
    const ids = seqIds(40);
    // 40 members: 2m + 1024 = 1104; keys 0 and 2^40 (and one 1105): the span is far past it.
    const keys = Float64Array.from(all(40), (i) => (i === 5 ? 1105 : i % 2 === 0 ? 2 ** 40 : 0));
    const got = sorted(all(40), keys, ids);
    expect(got).toEqual(reference(all(40), keys, ids));
    expect(got[20]).toBe(5);
  });

  test("exactly at the edge of the range: a span of 2m + 1023 counts, 2m + 1024 falls back; both give the reference order", () => {
    const ids = seqIds(40).reverse();
    for (const span of [2 * 40 + 1023, 2 * 40 + 1024]) {
      // Keys 0 and span at the two ends, the rest between, many equal.
      const keys = Float64Array.from(all(40), (i) => (i === 0 ? span : i === 39 ? 0 : 7 + (i % 4)));
      expect(sorted(all(40), keys, ids)).toEqual(reference(all(40), keys, ids));
    }
  });
});

describe("sortByKey agrees with the comparator sort", () => {
  test("300 seeded batches: sizes 0 to 300, few or many distinct keys, fractions, huge integers; with and without a tie-breaker", () => {
    let seed = 7;
    const next = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
    for (let t = 0; t < 300; t++) {
      const n = next(301);
      const spread = [2, 10, 1000, 2 ** 40, 0.5][next(5)]!;
      const keys = Float64Array.from({ length: n }, () =>
        spread === 2 ** 40 ? 2 ** 52 - next(1000) : spread === 0.5 ? next(7) / 4 : next(spread) * (next(2) ? 1 : -1),
      );
      const members = all(n).filter(() => next(5) !== 0);
      // Ids with repeats of a prefix, not in index order.
      const ids = all(n).map(() => `i${next(50)}`);
      // A tie-breaker that is not the index order: by a second key.
      const second = all(n).map(() => next(3));
      const tie = (a: number, b: number) => second[a]! - second[b]!;
      expect(sorted(members, keys, ids, tie)).toEqual(reference(members, keys, ids, tie));
      expect(sorted(members, keys, ids)).toEqual(reference(members, keys, ids));
      // Ids ascending with the index: inIdOrder holds, and the order is the reference's.
      const asc = seqIds(n);
      expect(sorted(members, keys, asc, undefined, true)).toEqual(reference(members, keys, asc));
    }
  });
});
