/**
 * cohort/rank.ts sortByKey: members by key, highest first, then by the tie order; the
 * same order as one comparator sort of the members (the reference), which the ranking
 * used before.
 */
import { describe, expect, test } from "vitest";
import { sortByKey } from "../../src/cohort/rank.js";

function reference(members: number[], keys: Float64Array, tie: (a: number, b: number) => number): number[] {
  return [...members].sort((a, b) => (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0) || tie(a, b));
}

function sorted(members: number[], keys: Float64Array, tie: (a: number, b: number) => number): number[] {
  const m = Uint32Array.from(members);
  sortByKey(m, keys, tie);
  return [...m];
}

describe("sortByKey", () => {
  test("highest key first; ties by the tie order (here the ids a10 < a2 < b, by code unit); 40 members, so the counting sort runs", () => {
    // Members 0…39: key 7 for 0, 1, 2 (ids b, a2, a10), key 3.5 for the rest, except member 39 with key 9.
    const ids = ["b", "a2", "a10", ...Array.from({ length: 36 }, (_, i) => `m${String(i).padStart(2, "0")}`), "top"];
    const keys = Float64Array.from(ids.map((_, i) => (i < 3 ? 7 : i === 39 ? 9 : 3.5)));
    const tie = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    const got = sorted(ids.map((_, i) => i), keys, tie).map((i) => ids[i]);
    expect(got.slice(0, 4)).toEqual(["top", "a10", "a2", "b"]);
    expect(got.slice(4)).toEqual(ids.slice(3, 39));
  });

  test("-0 and 0 are one key; a subset of the subjects (a group) sorts among itself", () => {
    const keys = new Float64Array(100);
    for (let i = 0; i < 100; i++) keys[i] = i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : -5;
    const members = Array.from({ length: 50 }, (_, k) => 99 - 2 * k);
    const byIndex = (a: number, b: number) => a - b;
    const got = sorted(members, keys, byIndex);
    expect(got).toEqual(reference(members, keys, byIndex));
    // The zero keys (−0 and 0) first, together, by index; then the −5 keys.
    expect(got.slice(0, 3)).toEqual([1, 3, 7]);
  });

  test("agrees with the comparator sort on 300 seeded batches: sizes 0 to 300, few or many distinct keys, huge integers", () => {
    let seed = 7;
    const next = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
    for (let t = 0; t < 300; t++) {
      const n = next(301);
      const spread = [2, 10, 1000, 2 ** 40][next(4)]!;
      const keys = Float64Array.from({ length: n }, () => (spread === 2 ** 40 ? 2 ** 52 - next(1000) : next(spread) * (next(2) ? 1 : -1)));
      const members = Array.from({ length: n }, (_, i) => i).filter(() => next(5) !== 0);
      // A tie order that is not the index order: by a second key, then the index descending.
      const second = Array.from({ length: n }, () => next(3));
      const tie = (a: number, b: number) => second[a]! - second[b]! || b - a;
      expect(sorted(members, keys, tie)).toEqual(reference(members, keys, tie));
    }
  });
});
