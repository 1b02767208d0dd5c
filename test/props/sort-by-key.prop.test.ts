/**
 * cohort/rank.ts sortByKey against one comparator sort of the members (key descending,
 * then the tie-breaker, then the id by code unit): random keys (small integers, -0, wide
 * integers, fractions), random members (a subset, any order), random ids with repeats
 * of a prefix, with and without a tie-breaker; and, with ids ascending by index, with
 * inIdOrder asserted.
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { sortByKey } from "../../src/cohort/rank.js";

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function reference(members: readonly number[], keys: Float64Array, ids: readonly string[], tie?: (a: number, b: number) => number): number[] {
  return [...members].sort((a, b) => (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : 0) || (tie ? tie(a, b) : 0) || byCodeUnit(ids[a]!, ids[b]!));
}

const key = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(-0, 0, 10_000),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.integer({ min: -40, max: 40 }).map((x) => x / 8),
);

const batch = fc
  .array(fc.record({ key, id: fc.stringMatching(/^[ab][0-9]{0,2}$/), second: fc.integer({ min: 0, max: 2 }), member: fc.boolean() }), { maxLength: 200, size: "max" })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: 0, maxLength: rows.length })));

test.prop([batch, fc.boolean()], { numRuns: 300 })("sortByKey gives the comparator sort's order", ([rows, members], withTie) => {
  const keys = Float64Array.from(rows, (r) => r.key);
  const ids = rows.map((r) => r.id);
  const tie = withTie ? (a: number, b: number) => rows[a]!.second - rows[b]!.second : undefined;
  const m = Uint32Array.from(members);
  sortByKey(m, keys, ids, tie);
  expect([...m]).toEqual(reference(members, keys, ids, tie));
  // Ids ascending with the index, members in index order: inIdOrder holds.
  const asc = rows.map((_, i) => `r${String(i).padStart(3, "0")}`);
  const inOrder = [...members].sort((a, b) => a - b);
  const m2 = Uint32Array.from(inOrder);
  sortByKey(m2, keys, asc, tie, true);
  expect([...m2]).toEqual(reference(inOrder, keys, asc, tie));
});
