/**
 * Bounded data: index values in column names by what the rubric declares, and the
 * documented limits on rows, columns and cell length (DATA_TOO_LARGE), each checked
 * just at and just above the limit.
 */
import { describe, expect, test } from "vitest";
import { evaluateSet } from "../../src/pipeline/evaluate.js";
import { safeAssess, safeLinkRubrics, type SubjectData } from "../../src/index.js";
import { compile, dataIssues, run } from "../helpers.js";

const body = `
inputs:
  note: { type: text, required: false }
  monthly: { type: series, length: 12, min: 0, max: 10, label: 月度 }
scoring:
  children:
    - { id: regular, kind: periods, max: 10, count: 12, input: monthly }
`;
const rubric = compile(body);
const set = (() => {
  const r = safeLinkRubrics([rubric]);
  if (!r.ok) throw new Error("unreachable");
  return r.value;
})();

/** monthly.1 … monthly.n, each 5 */
const months = (n: number, prefix = "monthly") => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}.${i + 1}`, 5]));

describe("index values in column names are bounded by the rubric", () => {
  test("monthly.1 … monthly.12 (the declared length) fold into the series", () => {
    // mean of twelve 5s = 5
    expect(run(body, [{ id: "u", ...months(12) }]).units[0]!.score).toBe("5");
    expect(run(body, [{ id: "u", ...months(12, "月度") }]).units[0]!.score).toBe("5");
  });

  test.each([
    ["monthly.13", "just past the declared 12"],
    ["monthly.1000000000", "a billion (nothing is allocated)"],
    ["monthly.99999999999999999999", "past any safe integer"],
    ["monthly.0", "below 1"],
    ["monthly.01", "not written as digits without a leading zero"],
    ["monthly.1.5", "not a whole number"],
    ["monthly.x", "not a number"],
    ["monthly.", "empty"],
  ])("%s (%s) is an unknown column naming the declared periods", (column) => {
    const issues = dataIssues(rubric, [{ id: "u", ...months(12), [column]: 5 }, { id: "v", ...months(12), [column]: "" }]);
    expect(issues).toMatchObject([
      { code: "DATA_UNKNOWN_FIELD", field: column, row: 1, params: { rows: 2, hint: "the series has 12 periods: monthly.1 … monthly.12" } },
    ]);
    expect(issues[0]!.message).toBe(`unknown field "${column}" (in 2 rows); no rubric in the set declares it (the series has 12 periods: monthly.1 … monthly.12)`);
  });
});

describe("limits on rows, columns and cell length", () => {
  const row = (i: number): SubjectData => ({ id: `u${i}`, ...months(12) });

  test("rows: at the limit the batch is scored, one above it is DATA_TOO_LARGE", () => {
    const three = [row(1), row(2), row(3)];
    expect(safeAssess(rubric, three, { limits: { rows: 3 } }).ok).toBe(true);
    const r = safeAssess(rubric, [...three, row(4)], { limits: { rows: 3 } });
    expect(!r.ok && r.issues).toMatchObject([
      { code: "DATA_TOO_LARGE", params: { what: "subjects (rows)", count: 4, limit: 3, option: "limits.rows" } },
    ]);
    expect(!r.ok && r.issues[0]!.message).toBe("4 subjects (rows), above the limit of 3 (raise it with the option limits.rows)");
  });

  test("rows: the default is 1,000,000, checked before any row is read", () => {
    // The engine's boundary: 1,000,000 holes are within the limit (one issue for the run of holes) ...
    expect(evaluateSet(set, new Array(1_000_000)).issues).toMatchObject([{ code: "DATA_BAD_SHAPE", row: 1, params: { rows: 1_000_000 } }]);
    // ... 1,000,001 are not, and a list of 2^32 − 1 slots is refused at once, never walked
    expect(evaluateSet(set, new Array(1_000_001)).issues).toMatchObject([{ code: "DATA_TOO_LARGE", params: { count: 1_000_001, limit: 1_000_000 } }]);
    expect(evaluateSet(set, new Array(2 ** 32 - 1)).issues).toMatchObject([{ code: "DATA_TOO_LARGE", params: { count: 2 ** 32 - 1 } }]);
    // Infinity lifts the limit: one subject, then a run of 1,000,000 holes (rows 2 to 1,000,001)
    const sparse = Object.assign(new Array(1_000_001), { 0: row(0) }) as SubjectData[];
    expect(evaluateSet(set, sparse, { limits: { rows: Infinity } }).issues).toMatchObject([{ code: "DATA_BAD_SHAPE", row: 2, params: { rows: 1_000_000 } }]);
    // Through the API: 1,000,001 subjects (the same object: no row is read)
    expect(dataIssues(rubric, new Array(1_000_001).fill(row(1)))).toMatchObject([{ code: "DATA_TOO_LARGE", params: { count: 1_000_001, limit: 1_000_000 } }]);
  });

  test("columns: at the limit the row is read, one above it is DATA_TOO_LARGE at its row, once", () => {
    // id + 12 months = 13 fields
    expect(safeAssess(rubric, [row(1)], { limits: { columns: 13 } }).ok).toBe(true);
    const r = safeAssess(rubric, [row(1), { ...row(2), note: "x" }, { ...row(3), note: "y" }], { limits: { columns: 13 } });
    expect(!r.ok && r.issues).toMatchObject([
      { code: "DATA_TOO_LARGE", row: 2, params: { what: "fields (columns) in one subject", count: 14, limit: 13, rows: 2, option: "limits.columns" } },
    ]);
  });

  test("columns: the default is 10,000", () => {
    const wide = (n: number) => Object.fromEntries([["id", "u"], ...Array.from({ length: n - 1 }, (_, i) => [`c${i}`, 1])]);
    // 10,000 fields: read, and the 9,999 unknown ones are reported as unknown
    const at = dataIssues(rubric, [wide(10_000)]);
    expect(at[0]!.code).toBe("DATA_UNKNOWN_FIELD");
    expect(at.length).toBe(9_999);
    expect(dataIssues(rubric, [wide(10_001)])).toMatchObject([{ code: "DATA_TOO_LARGE", params: { count: 10_001, limit: 10_000 } }]);
  });

  test("cell length: at the limit the value is read, one above it is DATA_TOO_LARGE naming the field", () => {
    expect(safeAssess(rubric, [{ ...row(1), note: "12345" }], { limits: { cellLength: 5 } }).ok).toBe(true);
    const r = safeAssess(rubric, [{ ...row(1), note: "123456" }], { limits: { cellLength: 5 } });
    expect(!r.ok && r.issues).toMatchObject([
      { code: "DATA_TOO_LARGE", row: 1, field: "note", params: { count: 6, limit: 5, option: "limits.cellLength" } },
    ]);
    // the default: 1,000,000 characters
    expect(safeAssess(rubric, [{ ...row(1), note: "x".repeat(1_000_000) }]).ok).toBe(true);
    expect(dataIssues(rubric, [{ ...row(1), note: "x".repeat(1_000_001) }])).toMatchObject([{ code: "DATA_TOO_LARGE", field: "note", params: { count: 1_000_001 } }]);
  });

  test("Infinity lifts a limit; a limit that is not a whole number ≥ 1 is refused", () => {
    expect(safeAssess(rubric, [{ ...row(1), note: "123456" }], { limits: { cellLength: Infinity } }).ok).toBe(true);
    for (const bad of [0, -1, 2.5, Number.NaN, "10", null]) {
      const r = safeAssess(rubric, [row(1)], { limits: { rows: bad as number } });
      expect(!r.ok && r.issues).toMatchObject([{ code: "API_BAD_ARGUMENT", params: { argument: "options.limits.rows" } }]);
      // the engine checks again for callers that reach it directly
      expect(evaluateSet(set, [row(1)], { limits: { rows: bad as number } }).issues).toMatchObject([
        { code: "DATA_INVALID_VALUE", params: { field: "limits.rows", expected: "a whole number of at least 1, or Infinity" }, path: ["limits", "rows"] },
      ]);
    }
    const unknownKey = safeAssess(rubric, [row(1)], { limits: { row: 5 } as never });
    expect(!unknownKey.ok && unknownKey.issues).toMatchObject([{ code: "API_BAD_ARGUMENT", params: { argument: "options.limits.row" } }]);
    const notObject = safeAssess(rubric, [row(1)], { limits: 5 as never });
    expect(!notObject.ok && notObject.issues).toMatchObject([{ code: "API_BAD_ARGUMENT", params: { argument: "options.limits" } }]);
  });

});
