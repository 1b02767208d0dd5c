/**
 * Missing values: an item reading a value the subject does not give follows the
 * declared policy (missing: error | zero | skip, default error). Never a silent 0,
 * never a crash, never a ranked subject without a grade.
 */
import { describe, expect, test } from "vitest";
import { safeAssess } from "../../src/index.js";
import { compile, dataIssues, issuesOf, rubricText, run, unit } from "../helpers.js";

describe("missing: error (the default)", () => {
  // The issue's case: an optional input with no default, read by an item.
  const optional = compile(`
inputs:
  x: { type: number, min: 0, max: 60, required: false, label: 思想建设得分 }
scoring:
  children:
    - { id: a, kind: input, input: x, max: 60 }
    - { id: b, kind: input, max: 40 }
rules:
  - { id: low, kind: veto, when: { fact: total, lt: 50 }, reason: 低于50分 }
`);

  test("an optional input read by an item is DATA_MISSING_FIELD, not a silent 0", () => {
    const issues = dataIssues(optional, [{ id: "u1", x: 50, b: 30 }, { id: "u2", b: 30 }]);
    // The key is absent: the column is named as the user would write it, by its label.
    expect(issues).toMatchObject([{ code: "DATA_MISSING_FIELD", row: 2, subject: "u2", field: "思想建设得分", params: { input: "x", expected: "a number" } }]);
    expect(issues[0]!.message).toContain('missing value for "思想建设得分" (input "x")');
    expect(issues[0]!.message).toContain("declare missing: zero or skip");
  });

  test("an empty cell is named by the column that holds it", () => {
    expect(dataIssues(optional, [{ id: "u2", x: "", b: 30 }])).toMatchObject([{ code: "DATA_MISSING_FIELD", field: "x", params: { input: "x" } }]);
  });

  test("a veto that would fire on the subject does not crash the run: the missing value is reported", () => {
    // Before: total 0 with no grade, then NaN in applyVetoes and a TypeError in buildSubjectResult.
    const r = safeAssess(optional, [{ id: "u1", x: 10, b: 10 }, { id: "u2", b: 10 }]);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.subject])).toEqual([["DATA_MISSING_FIELD", "u2"]]);
  });

  test("a condition on an absent optional input has no value (no error); on a required one it is an error", () => {
    const body = (required: boolean) => `
inputs:
  flag: { type: boolean, required: ${required} }
scoring:
  children:
    - { id: a, kind: input, max: 100 }
rules:
  - { id: c, kind: cap, grade: B, when: input.flag, reason: r }
`;
    expect(unit(run(body(false), [{ id: "u", a: 95 }]), "u").grade).toBe("A");
    expect(dataIssues(compile(body(true)), [{ id: "u", a: 95 }])).toMatchObject([{ code: "DATA_MISSING_FIELD", field: "flag" }]);
  });
});

describe("missing: zero", () => {
  test("on the input: items and conditions read 0, and the trail says so", () => {
    const r = run(
      `
inputs:
  x: { type: number, min: 0, max: 60, missing: zero }
scoring:
  children:
    - { id: a, kind: input, input: x, max: 60 }
    - { id: b, kind: input, max: 40 }
rules:
  - { id: none, kind: cap, grade: C, when: { fact: input.x, eq: 0 }, reason: 未填报 }
`,
      [{ id: "u1", x: 50, b: 30 }, { id: "u2", b: 30 }],
    );
    // u1: 50 + 30 = 80 → B; u2: 0 + 30 = 30 → D (below 60), the cap at C changes nothing.
    expect(unit(r, "u1")).toMatchObject({ score: "80", grade: "B", rank: 1 });
    expect(unit(r, "u2")).toMatchObject({ score: "30", grade: "D", rank: 2 });
    expect(unit(r, "u2").rules.map((f) => f.rule)).toEqual(["none"]);
    const a = unit(r, "u2").nodes.find((n) => n.id === "a")!;
    expect(a.points).toBe("0");
    expect(a.lines).toEqual([{ entry: "x", label: "x", amount: "0", detail: '"x" not given: read as 0 (missing: zero)' }]);
  });

  test("a veto on a subject whose value was read as zero grades and ranks it", () => {
    const r = run(
      `
inputs:
  x: { type: number, min: 0, max: 10, required: false }
scoring:
  children:
    - { id: a, kind: input, input: x, max: 10, missing: zero }
    - { id: b, kind: input, max: 90 }
rules:
  - { id: none, kind: veto, when: { fact: score.a, eq: 0 }, reason: 未开展 }
`,
      [{ id: "u1", x: 10, b: 85 }, { id: "u2", b: 90 }],
    );
    // u2: 0 + 90 = 90 → A by bands, vetoed to D; still ranked, 2nd (90 < 95).
    expect(unit(r, "u2")).toMatchObject({ score: "90", rawGrade: "A", grade: "D", rank: 2, adjustments: [{ kind: "veto", rule: "none", from: "A", to: "D" }] });
    expect(unit(r, "u1")).toMatchObject({ score: "95", grade: "A", rank: 1, adjustments: [] });
  });

  test("on an item: only that item's reading; a condition on the required input is still an error", () => {
    const body = `
scoring:
  children:
    - { id: a, kind: input, max: 60, missing: zero }
    - { id: b, kind: input, max: 40 }
`;
    expect(unit(run(body, [{ id: "u", b: 40 }]), "u").score).toBe("40"); // 0 + 40
    const withRule = compile(`${body}rules:\n  - { id: c, kind: cap, grade: B, when: { fact: input.a, lt: 30 }, reason: r }\n`);
    expect(dataIssues(withRule, [{ id: "u", b: 40 }])).toMatchObject([{ code: "DATA_MISSING_FIELD", field: "a" }]);
  });

  test("a deduction per occurrence: no value is no occurrence", () => {
    const r = run(
      `
inputs:
  late: { type: count, missing: zero }
scoring:
  children:
    - { id: d, kind: deduct, max: 10, deductions: [ { id: late, per: late, points: 2 } ] }
`,
      [{ id: "u1", late: 2 }, { id: "u2" }],
    );
    expect(unit(r, "u1").score).toBe("6"); // 10 − 2 × 2
    expect(unit(r, "u2").score).toBe("10"); // 10 − 0 × 2
  });

  test("a chosen amount (酌情扣分): an empty cell with missing: zero is nothing chosen", () => {
    const r = run(
      `
scoring:
  children:
    - { id: d, kind: deduct, max: 10, missing: zero, deductions: [ { id: pick, chosen: pick, range: [3, 5] } ] }
`,
      [{ id: "u1", pick: "3;5" }, { id: "u2", pick: "" }, { id: "u3" }],
    );
    expect(unit(r, "u1").score).toBe("2"); // 10 − (3 + 5)
    expect(unit(r, "u2").score).toBe("10"); // 10 − 0
    expect(unit(r, "u3").score).toBe("10");
  });

  test("a rank item ranks an absent value as 0", () => {
    const r = run(
      `
scoring:
  children:
    - { id: r, kind: rank, max: 10, points: [10, 6, 3], missing: zero }
`,
      [{ id: "u1", r: 5 }, { id: "u2" }, { id: "u3", r: 3 }],
    );
    // values 5, 3, 0 (desc) → positions 1, 2, 3 → 10, 6, 3 points
    expect([unit(r, "u1").score, unit(r, "u3").score, unit(r, "u2").score]).toEqual(["10", "6", "3"]);
  });

  test.each([
    ["a boolean input", "inputs:\n  f: { type: boolean, missing: zero }\nscoring:\n  children:\n    - { id: a, kind: yesno, input: f, max: 5 }", "SCHEMA_CONSTRAINT", ["inputs", "f", "missing"]],
    ["a choice read by a levels item", "scoring:\n  children:\n    - { id: q, kind: levels, max: 5, missing: zero, levels: { 好: 5, 差: 0 } }", "SCHEMA_CONSTRAINT", ["scoring", "children", 0, "missing"]],
    ["a number whose range excludes 0", "inputs:\n  x: { type: number, min: 60, max: 100, missing: zero }\nscoring:\n  children:\n    - { id: a, kind: input, input: x, max: 100 }", "RANGE_INVALID", ["inputs", "x", "missing"]],
    ["a panel's scores", "inputs:\n  p: { type: scores, min: 0, max: 100, missing: zero }\nscoring:\n  children:\n    - { id: a, kind: panel, input: p, max: 100 }", "SCHEMA_CONSTRAINT", ["scoring", "children", 0]],
    ["an input with a default", "inputs:\n  x: { type: count, default: 0, missing: skip }\nscoring:\n  children:\n    - { id: a, kind: input, input: x, max: 10 }", "SCHEMA_CONSTRAINT", ["inputs", "x", "missing"]],
    ["required: true with skip", "inputs:\n  x: { type: number, min: 0, max: 10, required: true, missing: skip }\nscoring:\n  children:\n    - { id: a, kind: input, input: x, max: 10 }", "SCHEMA_CONSTRAINT", ["inputs", "x", "missing"]],
    ["an item that reads no input", "inputs:\n  f: { type: boolean, default: false }\nscoring:\n  children:\n    - { id: d, kind: deduct, max: 5, missing: skip, deductions: [ { id: e, when: input.f, points: 1 } ] }", "SCHEMA_CONSTRAINT", ["scoring", "children", 0, "missing"]],
  ])("missing is rejected on %s", (_name, body, code, path) => {
    expect(issuesOf(rubricText(body))).toMatchObject([{ code, path }]);
  });
});

describe("missing: skip", () => {
  const tree = (combine: string, extra = "") => `
inputs:
  x: { type: number, min: 0, max: 100, missing: skip, label: 民主测评 }
scoring:
  combine: ${combine}${extra}
  children:
    - { id: a, kind: input, input: x, max: 100${combine === "weighted" ? ", weight: 60%" : ""} }
    - { id: b, kind: input, max: 100${combine === "weighted" ? ", weight: 40%" : ""} }
`;

  test("sum: the item adds nothing and leaves the full points; the grade note says so", () => {
    const r = run(tree("sum"), [{ id: "u1", x: 50, b: 30 }, { id: "u2", b: 30 }]);
    expect(unit(r, "u1").score).toBe("80"); // 50 + 30
    const u2 = unit(r, "u2");
    expect(u2.score).toBe("30"); // b only
    expect(u2.nodes.map((n) => [n.id, n.points, n.max])).toEqual([["total", "30", "100"], ["b", "30", "100"]]); // full points 100, not 200
    expect(u2.gradeNotes).toEqual(['item a does not apply: no value for "民主测评" (missing: skip)']);
    expect(u2.rank).toBe(2);
  });

  test("sum with normalizeTo rescales to the subject's full points (折算)", () => {
    const r = run(tree("sum", "\n  normalizeTo: 100"), [{ id: "u1", x: 50, b: 30 }, { id: "u2", b: 30 }]);
    expect(unit(r, "u1").score).toBe("40"); // 80 / 200 × 100
    expect(unit(r, "u2").score).toBe("30"); // 30 / 100 × 100
  });

  test("mean: the mean of the children that apply", () => {
    const r = run(tree("mean"), [{ id: "u1", x: 60, b: 80 }, { id: "u2", b: 80 }]);
    expect(unit(r, "u1").score).toBe("70"); // (60 + 80) / 2
    expect(unit(r, "u2").score).toBe("80"); // 80 / 1, not (0 + 80) / 2
  });

  test("weighted: weights are not rescaled unless the group normalises", () => {
    const plain = run(tree("weighted"), [{ id: "u", b: 80 }]);
    expect(unit(plain, "u").score).toBe("32"); // 40% × 80
    expect(unit(plain, "u").nodes[0]!.max).toBe("40"); // 40% × 100
    const rescaled = run(tree("weighted", "\n  normalizeTo: 100"), [{ id: "u", b: 80 }]);
    expect(unit(rescaled, "u").score).toBe("80"); // 32 / 40 × 100
  });

  test("a group none of whose children apply does not count as 0 in a mean above it", () => {
    const r = run(
      `
inputs:
  x: { type: number, min: 0, max: 100, missing: skip }
scoring:
  combine: mean
  children:
    - { id: g, children: [ { id: a, kind: input, input: x, max: 100 } ] }
    - { id: c, kind: input, max: 100 }
`,
      [{ id: "u", c: 60 }],
    );
    expect(unit(r, "u").score).toBe("60"); // mean of c alone, not (0 + 60) / 2 = 30
    expect(unit(r, "u").nodes.map((n) => n.id)).toEqual(["total", "c"]);
  });

  test("a subject to which nothing applies cannot be graded: EVAL_NOT_GRADABLE, never ranked", () => {
    const r = safeAssess(compile(tree("mean")), [{ id: "u1", x: 90, b: 90 }, { id: "u2" }]);
    // b is required: u2 gives neither, and the skip of a does not excuse b.
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.subject, i.field])).toEqual([["DATA_MISSING_FIELD", "u2", "b"]]);
    const allSkip = compile(tree("mean").replace("kind: input, max: 100", "kind: input, max: 100, missing: skip"));
    const s = safeAssess(allSkip, [{ id: "u1", x: 90, b: 90 }, { id: "u2" }]);
    expect(s.ok).toBe(false);
    expect(s.ok ? [] : s.issues).toMatchObject([{ code: "EVAL_NOT_GRADABLE", subject: "u2", row: 2 }]);
    expect(s.ok ? "" : s.issues[0]!.message).toBe('the subject cannot be graded: no item applies to it; skipped for a missing value: "a" (no "民主测评"), "b" (no "b")');
  });

  test("a veto on a subject with a skipped item applies; the subject is graded and ranked", () => {
    const r = run(`${tree("sum")}rules:\n  - { id: low, kind: veto, when: { fact: total, lt: 85 }, reason: 低于85分 }\n`, [{ id: "u1", x: 20, b: 70 }, { id: "u2", b: 80 }]);
    // u2: a skipped, total 80 → B by bands, below 85 → vetoed to D; ranked 2nd (80 < 90).
    expect(unit(r, "u2")).toMatchObject({ score: "80", rawGrade: "B", grade: "D", rank: 2, adjustments: [{ kind: "veto", rule: "low", from: "B", to: "D" }] });
    expect(unit(r, "u1")).toMatchObject({ score: "90", grade: "A", rank: 1, adjustments: [] });
  });

  test("skip wins over another input's error: the item does not apply, so nothing else it reads is demanded", () => {
    const body = `
inputs:
  n: { type: number, min: 0, missing: skip }
scoring:
  children:
    - { id: r, kind: ratio, max: 10, numerator: n, denominator: d }
    - { id: b, kind: input, max: 10 }
`;
    expect(unit(run(body, [{ id: "u", b: 7 }]), "u").score).toBe("7");
    expect(unit(run(body, [{ id: "u", n: 3, d: 4, b: 7 }]), "u").score).toBe("14.5"); // 3/4 × 10 + 7
  });

  test("a rank item leaves a skipped subject out of the positions", () => {
    const r = run(
      `
scoring:
  children:
    - { id: r, kind: rank, max: 10, points: [10, 6, 3], missing: skip }
    - { id: b, kind: input, max: 10 }
`,
      [{ id: "u1", r: 5, b: 0 }, { id: "u2", b: 0 }, { id: "u3", r: 3, b: 0 }],
    );
    // positions among u1 (5) and u3 (3): 1st and 2nd of 2
    expect([unit(r, "u1").score, unit(r, "u3").score, unit(r, "u2").score]).toEqual(["10", "6", "0"]);
  });
});
