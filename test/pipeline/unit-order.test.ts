/**
 * The order of a result's units (pipeline/evaluate.ts unitOrder): by rank, ties by id in
 * compareIds order (UTF-16 code units, never locale or natural order), excluded and
 * unranked subjects last by id. unitOrder gets there by a counting sort on the rank with
 * only the ties sorted; these tests pin the order the one general sort gave before it.
 */
import { describe, expect, test } from "vitest";
import { unitOrder } from "../../src/pipeline/evaluate.js";
import { assess, loadRubric } from "../../src/index.js";

/** The order as one sort of every subject gave it: (excluded or unranked, rank, id). The reference. */
function referenceOrder(excluded: number[], unranked: number[], rank: number[], ids: string[]): number[] {
  const key = (i: number) => (excluded[i]! | unranked[i]!) * 4294967296 + rank[i]!;
  return ids.map((_, i) => i).sort((a, b) => key(a) - key(b) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
}

function order(rows: { id: string; rank: number; excluded?: boolean; unranked?: boolean }[]): string[] {
  const v = { excluded: Uint8Array.from(rows.map((r) => (r.excluded ? 1 : 0))), unranked: Uint8Array.from(rows.map((r) => (r.unranked ? 1 : 0))) };
  const ids = rows.map((r) => r.id);
  const got = [...unitOrder(v, Int32Array.from(rows.map((r) => r.rank)), ids)];
  expect(got).toEqual(referenceOrder([...v.excluded], [...v.unranked], rows.map((r) => r.rank), ids));
  return got.map((i) => ids[i]!);
}

describe("ties on a rank are ordered by id, code unit by code unit", () => {
  test('"a10" before "a2" (not natural order); "B" before "a" (not case-folded)', () => {
    // Ranks 1, 1, 1, 4: the three tied at 1 by id: "B" (0x42) < "a10" < "a2" ("1" 0x31 < "2" 0x32).
    expect(order([{ id: "a2", rank: 1 }, { id: "z", rank: 4 }, { id: "a10", rank: 1 }, { id: "B", rank: 1 }])).toEqual(["B", "a10", "a2", "z"]);
  });

  test("Chinese ids by UTF-16 code unit: 张 (U+5F20) < 李 (U+674E) < 王 (U+738B), whatever the pinyin order", () => {
    expect(order([{ id: "王五", rank: 2 }, { id: "李四", rank: 2 }, { id: "张三", rank: 2 }, { id: "赵六", rank: 1 }])).toEqual(["赵六", "张三", "李四", "王五"]);
  });

  test("a character outside the BMP (a surrogate pair, 0xD83D…) comes before U+FF21, unlike code point order", () => {
    expect(order([{ id: "\uff21", rank: 3 }, { id: "\u{1f600}", rank: 3 }])).toEqual(["\u{1f600}", "\uff21"]);
  });

  test("é composed (U+00E9) and decomposed (e + U+0301) are different ids: the decomposed one first (0x65 < 0xE9)", () => {
    expect(order([{ id: "\u00e9", rank: 1 }, { id: "e\u0301", rank: 1 }])).toEqual(["e\u0301", "\u00e9"]);
  });

  test("ids that differ only after a long common prefix, in a bucket of two and of many", () => {
    const p = "部门".repeat(500);
    expect(order([{ id: `${p}b`, rank: 1 }, { id: `${p}a`, rank: 1 }])).toEqual([`${p}a`, `${p}b`]);
    const many = ["d", "a", "c", "e", "b"].map((s) => ({ id: `${p}${s}`, rank: 2 }));
    expect(order([...many, { id: "x", rank: 1 }])).toEqual(["x", ...["a", "b", "c", "d", "e"].map((s) => `${p}${s}`)]);
  });

  test("excluded and unranked subjects last, by id among themselves; a subject with no rank that is neither comes first", () => {
    expect(
      order([
        { id: "u", rank: 0, unranked: true },
        { id: "r2", rank: 2 },
        { id: "e", rank: 0, excluded: true },
        { id: "r1", rank: 1 },
        { id: "n", rank: 0 },
      ]),
    ).toEqual(["n", "r1", "r2", "e", "u"]);
  });

  test("an excluded subject that has a rank, or a rank past n, takes the general sort: still the reference order", () => {
    // Keys: a = 1, y = 2^32 (excluded, rank 0), x = 2^32 + 1 (excluded, rank 1): a, y, x.
    expect(order([{ id: "x", rank: 1, excluded: true }, { id: "y", rank: 0, excluded: true }, { id: "a", rank: 1 }])).toEqual(["a", "y", "x"]);
    expect(order([{ id: "b", rank: 7 }, { id: "a", rank: 7 }, { id: "c", rank: 1 }])).toEqual(["c", "a", "b"]);
  });

  test("agrees with the reference on 200 seeded batches of ties, gaps and exclusions", () => {
    let seed = 20240611;
    const next = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
    for (let t = 0; t < 200; t++) {
      const n = 1 + next(60);
      const rows = Array.from({ length: n }, (_, i) => ({ id: `${["a", "A", "张", "a1", "a10"][next(5)]}${next(12)}-${i}`, rank: next(4) === 0 ? 0 : 1 + next(Math.max(1, n >> next(4))), excluded: next(9) === 0, unranked: next(11) === 0 }));
      for (const r of rows) if (r.excluded || r.unranked) r.rank = next(20) === 0 ? 1 : 0;
      order(rows);
    }
  });
});

describe("rows whose ids ascend (inIdOrder): the buckets, filled in row order, are already in id order", () => {
  test("no id is read, and the order is the reference's: ties at ranks 1 and 3, an excluded and an unranked subject", () => {
    // Rows r0 … r5 (ids ascending): ranks 3, 1, 1, 0 (excluded), 3, 0 (unranked): rank 1 (r1, r2), rank 3 (r0, r4), then r3, r5.
    const ids = ["r0", "r1", "r2", "r3", "r4", "r5"];
    const rank = Int32Array.from([3, 1, 1, 0, 3, 0]);
    const v = { excluded: Uint8Array.from([0, 0, 0, 1, 0, 0]), unranked: Uint8Array.from([0, 0, 0, 0, 0, 1]) };
    let reads = 0;
    const watched = new Proxy(ids, { get: (t, k, r) => (typeof k === "string" && /^\d+$/.test(k) && reads++, Reflect.get(t, k, r)) });
    const got = [...unitOrder(v, rank, watched, true)];
    expect(reads).toBe(0);
    expect(got).toEqual([1, 2, 0, 4, 3, 5]);
    expect(got).toEqual(referenceOrder([...v.excluded], [...v.unranked], [...rank], ids));
  });
});

describe("through assess(): units in rank order, ties by id", () => {
  test("equal totals share a rank and come by id: a10 < a2 < b (85 = 40 + 45 = 45 + 40 = 44 + 41), then c 70 = 35 + 35", () => {
    const rubric = loadRubric(`
kaohe: 1
id: ties
name: ties
year: 2024
version: "1"
grades:
  - { id: good, min: 80 }
  - { id: poor }
scoring:
  max: 100
  children:
    - { id: a, kind: input, max: 50 }
    - { id: b, kind: input, max: 50 }
`);
    const units = assess(rubric, [
      { id: "b", a: 40, b: 45 },
      { id: "c", a: 35, b: 35 },
      { id: "a2", a: 45, b: 40 },
      { id: "a10", a: 44, b: 41 },
    ]).results[0]!.units;
    expect(units.map((u) => [u.id, u.score, u.rank])).toEqual([
      ["a10", "85", 1],
      ["a2", "85", 1],
      ["b", "85", 1],
      ["c", "70", 4],
    ]);
  });
});
