/**
 * Rubric values that are well-typed but have no sensible meaning are refused at their
 * line:col; the value just inside each bound still loads.
 */
import { describe, expect, test } from "vitest";
import { formatIssues, safeLoadRubric, type Issue } from "../../src/index.js";
import { compile, evaluate, positionOf, rubricText } from "../helpers.js";

const tree = "scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\n";
const group = (keys: string) => `scoring:\n  children:\n    - { id: g, ${keys}, children: [ { id: x, kind: input, max: 100 } ] }\n`;

interface Case {
  readonly name: string;
  readonly body: string;
  readonly code: Issue["code"];
  /** Token the position points to (its nth occurrence). */
  readonly at: string;
  readonly nth?: number;
  /** The same rubric with the value just inside the bound: it loads. */
  readonly fixed?: [string, string];
}

const cases: Case[] = [
  // groups
  { name: "normalizeTo: 0", body: group("normalizeTo: 0"), code: "RANGE_INVALID", at: "0,", fixed: ["normalizeTo: 0", "normalizeTo: 0.5"] },
  { name: "normalizeTo below 0", body: group("normalizeTo: -10"), code: "RANGE_INVALID", at: "-10" },
  { name: "cap: -1", body: group("cap: -1"), code: "RANGE_INVALID", at: "-1", fixed: ["cap: -1", "cap: 0"] },
  { name: "floor above cap", body: group("floor: 50, cap: 40"), code: "RANGE_INVALID", at: "50", fixed: ["floor: 50", "floor: 40"] },
  { name: "floor above limit", body: group("floor: 50, limit: 40"), code: "RANGE_INVALID", at: "50", fixed: ["floor: 50", "floor: 40"] },
  { name: "a declared group max below 0", body: group("max: -1"), code: "SCHEMA_OUT_OF_RANGE", at: "-1" },
  // items
  { name: "item max: -5", body: "scoring:\n  children:\n    - { id: x, kind: input, max: -5 }\n", code: "SCHEMA_OUT_OF_RANGE", at: "-5" },
  { name: 'item max "-0.5" (a string)', body: 'scoring:\n  children:\n    - { id: x, kind: input, max: "-0.5" }\n', code: "SCHEMA_OUT_OF_RANGE", at: '"-0.5"' },
  { name: "levels: {}", body: "scoring:\n  children:\n    - { id: q, kind: levels, max: 10, levels: {} }\n", code: "SCHEMA_OUT_OF_RANGE", at: "{}", fixed: ["levels: {}", "levels: { 好: 10 }"] },
  { name: "coefficients: {}", body: "scoring:\n  children:\n    - { id: v, kind: votes, max: 10, coefficients: {} }\n", code: "SCHEMA_OUT_OF_RANGE", at: "{}" },
  {
    name: "an amount table: {}",
    body: "scoring:\n  children:\n    - { id: c, kind: deduct, max: 10, deductions: [ { id: s, records: d, points: { by: level, table: {} } } ] }\n",
    code: "SCHEMA_OUT_OF_RANGE",
    at: "{} }",
  },
  { name: "an entry max below 0", body: "scoring:\n  children:\n    - { id: c, kind: deduct, max: 10, deductions: [ { id: s, per: n, points: 1, max: -2 } ] }\n", code: "SCHEMA_OUT_OF_RANGE", at: "-2" },
  {
    name: "a shortfall required below 0",
    body: "scoring:\n  children:\n    - { id: c, kind: deduct, max: 10, deductions: [ { id: s, shortfall: { input: n, required: -4 }, points: 1 } ] }\n",
    code: "SCHEMA_OUT_OF_RANGE",
    at: "-4",
  },
  { name: "a periodMax below 0", body: "scoring:\n  children:\n    - { id: m, kind: periods, max: 10, count: 12, periodMax: -1 }\n", code: "SCHEMA_OUT_OF_RANGE", at: "-1" },
  { name: "carry share 0%", body: "scoring:\n  children:\n    - { id: c, kind: carry, max: 20, share: 0% }\n", code: "RANGE_INVALID", at: "0%", fixed: ["share: 0%", "share: 100%"] },
  { name: "carry share above 100%", body: "scoring:\n  children:\n    - { id: c, kind: carry, max: 20, share: 120% }\n", code: "RANGE_INVALID", at: "120%" },
  { name: "linked scaleFrom: 0", body: "scoring:\n  children:\n    - { id: l, kind: linked, max: 20, scaleFrom: 0, rubric: other }\n", code: "RANGE_INVALID", at: "0, rubric", fixed: ["scaleFrom: 0", "scaleFrom: 100"] },
  {
    name: "two panel rater groups with one id",
    body: "scoring:\n  children:\n    - { id: p, kind: panel, max: 10, groups: [ { id: a, weight: 50% }, { id: a, weight: 50% } ] }\n",
    code: "REF_DUPLICATE_ID",
    at: "a, weight",
    nth: 2,
    fixed: ["{ id: a, weight: 50% } ]", "{ id: b, weight: 50% } ]"],
  },
  {
    name: "a panel rater group weight of 0 or less",
    body: "scoring:\n  children:\n    - { id: p, kind: panel, max: 10, groups: [ { id: a, weight: 150% }, { id: b, weight: -50% } ] }\n",
    code: "RANGE_INVALID",
    at: "-50%",
  },
  // inputs
  { name: "duplicate choice values", body: `inputs:\n  d: { type: choice, values: [village, school, village] }\n${tree}`, code: "REF_DUPLICATE_ID", at: "village", nth: 2, fixed: ["school, village]", "school]"] },
  { name: "duplicate grades in a grade input's scale", body: `inputs:\n  b: { type: grade, scale: [A, B, B, C] }\n${tree}`, code: "REF_DUPLICATE_ID", at: "B", nth: 3 },
  { name: "duplicate vote levels", body: `inputs:\n  v: { type: votes, levels: [好, 差, 好] }\n${tree}`, code: "REF_DUPLICATE_ID", at: "好", nth: 2 },
  // grades
  { name: "duplicate grade ids", body: `grades:\n  - { id: A, min: 90 }\n  - { id: B, min: 60 }\n  - { id: A }\n${tree}`, code: "REF_DUPLICATE_ID", at: "A }" },
  // conditions
  { name: 'rank top: "150%"', body: `${tree}actions:\n  - { id: a, when: { fact: rank, top: 150% } }\n`, code: "QUOTA_SHARE_RANGE", at: "150%", fixed: ["150%", "100%"] },
  { name: 'rank bottom: "100.5%"', body: `${tree}tiers:\n  - { id: t, when: { fact: groupRank, bottom: 100.5% } }\n  - { id: rest }\n`, code: "QUOTA_SHARE_RANGE", at: "100.5%" },
  // feedback
  { name: "feedback commonShare above 100%", body: `${tree}feedback: { commonShare: 150% }\n`, code: "RANGE_INVALID", at: "150%", fixed: ["150%", "100%"] },
  { name: "feedback commonShare below 0", body: `${tree}feedback: { commonShare: -0.1 }\n`, code: "RANGE_INVALID", at: "-0.1" },
];

describe("values without a sensible meaning: code at line:col", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const text = rubricText(c.body);
    const r = safeLoadRubric(text, { file: "t.yaml" });
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    const issue = issues.find((i) => i.code === c.code);
    expect(issue, formatIssues(issues)).toBeDefined();
    expect(issue!.source).toEqual({ file: "t.yaml", ...positionOf(text, c.at, c.nth ?? 1) });
    if (c.fixed) {
      const fixed = safeLoadRubric(rubricText(c.body.replace(c.fixed[0], c.fixed[1])), { file: "t.yaml" });
      expect(fixed.ok, fixed.ok ? "" : formatIssues(fixed.issues)).toBe(true);
    }
  });
});

describe("the bounds are inclusive where the value still means something", () => {
  test("an item max of 0 is allowed: a deduct item worth nothing of its own with a negative floor (直接扣分)", () => {
    const r = compile("scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\n    - { id: i2, kind: deduct, max: 0, floor: -3, deductions: [ { id: each, per: i2, points: 1.5 } ] }\n");
    // 2 incidents × 1.5 = 3, floor −3: 90 − 3 = 87
    expect(evaluate(r, [{ id: "u", x: 90, i2: 2 }])[0]!.units[0]!.score).toBe("87");
  });

  test("floor equal to cap pins the group; floor above limit is allowed when the group is normalised (different units)", () => {
    const pinned = compile(group("floor: 40, cap: 40"));
    // 10 bounded to 40; 70 bounded to 40
    expect(evaluate(pinned, [{ id: "a", x: 10 }, { id: "b", x: 70 }])[0]!.units.map((u) => u.score)).toEqual(["40", "40"]);
    const normalised = compile(group("floor: 50, normalizeTo: 10, limit: 8"));
    // 60 → 60 / 100 × 10 = 6; 20 → floor 50 → 5
    expect(evaluate(normalised, [{ id: "a", x: 60 }, { id: "b", x: 20 }])[0]!.units.map((u) => [u.id, u.score])).toEqual([
      ["a", "6"],
      ["b", "5"],
    ]);
  });

  test("a rank share of exactly 100% means every subject", () => {
    const r = compile(`${tree}actions:\n  - { id: all, when: { fact: rank, top: 100% } }\n`);
    const units = evaluate(r, [{ id: "a", x: 10 }, { id: "b", x: 20 }])[0]!.units;
    expect(units.map((u) => u.actions.map((a) => a.id))).toEqual([["all"], ["all"]]);
  });
});
