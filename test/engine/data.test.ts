/**
 * The data boundary: every bad input names the row, the subject and the field,
 * and never yields a number.
 */
import { describe, expect, test } from "vitest";
import { formatIssue, safeAssess } from "../../src/index.js";
import { compile, dataIssues, linkedSet, run, unit } from "../helpers.js";

const rubric = compile(`
inputs:
  meetings: { type: count, max: 12 }
  rate: { type: number, min: 0, max: 100, places: 1 }
  domain: { type: choice, values: [village, school], label: 领域 }
  flag: { type: boolean, default: false }
  sat: { type: ratio, clamp: true }
  previous: { type: rank, required: false }
scoring:
  children:
    - { id: m, kind: bands, input: meetings, max: 5, bands: [ { min: 4, points: 5 } ] }
    - { id: r, kind: input, input: rate, max: 100 }
    - { id: s, kind: ratio, input: sat, max: 10 }
rules:
  - { id: c, kind: cap, grade: B, when: { fact: input.domain, eq: village }, reason: r }
`);
const ok = { id: "u1", meetings: 4, rate: "80.5", domain: "school", sat: "0.9" };

describe("subject data errors", () => {
  test.each([
    ["a duplicate id", [ok, { ...ok }], { code: "DATA_DUPLICATE_ID", row: 2, subject: "u1", field: "id", params: { firstRow: 1 } }],
    ["a missing id", [{ ...ok, id: "" }], { code: "DATA_MISSING_ID", row: 1, field: "id" }],
    ["an unknown field", [{ ...ok, meetinsg: 3 }], { code: "DATA_UNKNOWN_FIELD", row: 1, subject: "u1", field: "meetinsg" }],
    ["a missing value", [{ ...ok, meetings: undefined }], { code: "DATA_MISSING_FIELD", row: 1, subject: "u1", field: "meetings" }],
    ["an empty cell counts as missing", [{ ...ok, rate: " " }], { code: "DATA_MISSING_FIELD", field: "rate" }],
    ["a non-numeric value", [{ ...ok, rate: "八十" }], { code: "DATA_NOT_NUMBER", field: "rate", params: { received: "八十" } }],
    ["NaN is not a number", [{ ...ok, rate: Number.NaN }], { code: "DATA_NOT_NUMBER", field: "rate" }],
    ["a count that is not whole", [{ ...ok, meetings: 2.5 }], { code: "DATA_NOT_INTEGER", field: "meetings" }],
    ["too many decimals (可评一位小数)", [{ ...ok, rate: "80.25" }], { code: "DATA_TOO_PRECISE", field: "rate", params: { places: 1 } }],
    ["a value above its range", [{ ...ok, meetings: 13 }], { code: "DATA_OUT_OF_RANGE", field: "meetings" }],
    ["a value below its range", [{ ...ok, rate: -1 }], { code: "DATA_OUT_OF_RANGE", field: "rate" }],
    ["an unknown choice", [{ ...ok, domain: "hospital" }], { code: "DATA_INVALID_VALUE", field: "domain" }],
    ["a bad boolean", [{ ...ok, flag: "maybe" }], { code: "DATA_INVALID_VALUE", field: "flag" }],
    ["a malformed rank", [{ ...ok, previous: "91/90" }], { code: "DATA_BAD_SHAPE", field: "previous" }],
  ] as const)("%s", (_name, rows, expected) => {
    const issues = dataIssues(rubric, rows as never);
    expect(issues[0]).toMatchObject(expected);
  });

  test("the formatted issue names the row, the subject and the field", () => {
    const [issue] = dataIssues(rubric, [ok, { ...ok, id: "u2", rate: "abc" }]);
    expect(formatIssue(issue!)).toBe('row 2  subject "u2"  field "rate"  DATA_NOT_NUMBER  "rate" must be a number, got "abc"');
  });

  test("an unknown column is reported once, with the number of rows", () => {
    const issues = dataIssues(rubric, [{ ...ok, colour: "red" }, { ...ok, id: "u2", colour: "blue" }]);
    expect(issues).toMatchObject([{ code: "DATA_UNKNOWN_FIELD", row: 1, subject: "u1", field: "colour", params: { rows: 2 } }]);
    expect(issues[0]!.message).toBe('unknown field "colour" (in 2 rows); no rubric in the set declares it');
  });

  test("every bad row is reported, not just the first", () => {
    const issues = dataIssues(rubric, [{ ...ok, rate: "x" }, { ...ok, id: "u2", meetings: 99 }, { ...ok, id: "u3", domain: "?" }]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [1, "DATA_NOT_NUMBER"],
      [2, "DATA_OUT_OF_RANGE"],
      [3, "DATA_INVALID_VALUE"],
    ]);
  });

  test("a declared clamp brings the value to the bound instead of failing", () => {
    const r = run(
      `inputs:\n  sat: { type: ratio, clamp: true }\nscoring:\n  children:\n    - { id: s, kind: ratio, input: sat, max: 10 }`,
      [{ id: "u", sat: "1.2" }],
    );
    expect(unit(r, "u").score).toBe("10");
  });

  test("a declared default fills a missing value", () => {
    const r = run(`inputs:\n  late: { type: count, default: 0 }\nscoring:\n  children:\n    - { id: d, kind: deduct, max: 5, deductions: [ { id: e, per: late, points: 1 } ] }`, [{ id: "u" }]);
    expect(unit(r, "u").score).toBe("5");
  });

  test("a column may be named by the input's label (领域)", () => {
    const r = run(`inputs:\n  domain: { type: choice, values: [village, school], label: 领域 }\nscoring:\n  children:\n    - { id: q, kind: levels, input: domain, max: 10, levels: { village: 10, school: 5 } }`, [{ id: "u", 领域: "school" }]);
    expect(unit(r, "u").score).toBe("5");
  });

  test("a value given both by name and by label is rejected", () => {
    expect(dataIssues(rubric, [{ ...ok, 领域: "village" }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "domain" }]);
  });

  test("inputs used only by items that do not apply (加试题 of another domain) are not required", () => {
    const r = run(
      `inputs:\n  domain: { type: choice, values: [village, school] }\nscoring:\n  children:\n    - { id: common, kind: input, max: 80 }\n    - { id: village-extra, kind: input, max: 20, only: { fact: input.domain, eq: village } }\n    - { id: school-extra, kind: input, max: 20, only: { fact: input.domain, eq: school } }`,
      [{ id: "u", domain: "school", common: 70, "school-extra": 15 }],
    );
    expect(unit(r, "u").score).toBe("85");
    expect(unit(r, "u").nodes.map((n) => n.id)).toEqual(["total", "common", "school-extra"]);
  });
});

describe("evaluation errors", () => {
  test("a linked score above the linking item's max", () => {
    const set = linkedSet(
      ["inner", "scoring:\n  children:\n    - { id: x, kind: input, max: 100 }"],
      ["outer", "scoring:\n  children:\n    - { id: l, kind: linked, rubric: inner, max: 50 }\n    - { id: y, kind: input, max: 50 }"],
    );
    expect(dataIssues(set, [{ id: "u", x: 60, y: 10 }])).toMatchObject([{ code: "EVAL_LINKED_OUT_OF_RANGE", rubric: "outer", subject: "u" }]);
  });

  test("a quota whose places are all held by rule-set grades gives a warning", () => {
    const r = compile(`
inputs:
  v: { type: boolean }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
quotas:
  - { id: b-none, grade: B, count: 0 }
rules:
  - { id: down, kind: downgrade, when: input.v, reason: r }
`);
    const out = safeAssess(r, [{ id: "u", x: 95, v: true }]);
    expect(out.ok && out.warnings).toMatchObject([{ code: "EVAL_QUOTA_HELD_BY_RULES", severity: "warning", params: { limit: 0, holders: 1 } }]);
  });
});
