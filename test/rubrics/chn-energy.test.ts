/**
 * Seed 000 (国家能源集团) on its example year of 90 subsidiaries.
 */
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess } from "../../src/index.js";

const folder = new URL("../../rubrics/chn-energy-2024", import.meta.url).pathname;
const scheme = findScheme([folder]);
const set = loadSet(scheme);
const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
const [responsibility, review] = assess(set, rows).results;
const byId = <T extends { id: string }>(units: readonly T[]) => new Map(units.map((u) => [u.id, u]));
const resp = byId(responsibility!.units);
const rev = byId(review!.units);
const REVIEW = ["good", "fair", "average", "poor"];

describe("chn-energy-2024 example year", () => {
  test("90 subsidiaries in both assessments, responsibility first", () => {
    expect(set.rubrics.map((r) => r.id)).toEqual(["chn-energy-responsibility-2024", "chn-energy-review-2024"]);
    expect([responsibility!.summary.count, review!.summary.count]).toEqual([90, 90]);
  });
  test("at most 45 of the 90 are 好", () => {
    expect(review!.summary.distribution.good).toBeLessThanOrEqual(45);
  });
  test("the example year exercises every rule", () => {
    const kinds = (r: typeof review) => new Set(r!.units.flatMap((u) => u.adjustments.map((a) => a.rule)));
    expect([...kinds(review)].sort()).toEqual(["good-at-most-half", "responsibility-not-excellent", "serious-violation-or-accident"]);
    expect([...kinds(responsibility)]).toEqual(["business-not-a"]);
    expect(review!.units.some((u) => u.actions.some((a) => a.id === "interview"))).toBe(true);
  });
  test("every downgraded subject ends below its raw grade", () => {
    for (const u of review!.units.filter((x) => x.adjustments.some((a) => a.kind === "downgrade")))
      expect(REVIEW.indexOf(u.grade!)).toBeGreaterThan(REVIEW.indexOf(u.rawGrade!));
  });
  test("business grade not A ⇒ not 优秀 in the responsibility assessment", () => {
    for (const row of rows) if (row["经营业绩考核等级"] !== "A") expect(resp.get(String(row.id))!.grade).not.toBe("excellent");
  });
  test("not 优秀 in the responsibility assessment ⇒ not 好 in the review", () => {
    for (const u of responsibility!.units) if (u.grade !== "excellent") expect(rev.get(u.id)!.grade).not.toBe("good");
  });
  test("一般 ⇒ 约谈, for every subject", () => {
    for (const u of review!.units) expect(u.actions.some((a) => a.id === "interview")).toBe(u.grade === "average");
  });
});
