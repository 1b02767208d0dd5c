/**
 * Every way a rubric can be rejected: the stable code and the file:line:col it
 * points to. `at` names the token the position must point to (first occurrence,
 * or the nth with `nth`).
 */
import { describe, expect, test } from "vitest";
import { formatIssue, safeLoadRubricSet, type Issue } from "../../src/index.js";
import { dedent, issuesOf, rubricText } from "../helpers.js";

function positionOf(text: string, token: string, nth = 1): { line: number; col: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(token, index + 1);
  if (index < 0) throw new Error(`token ${token} not in text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

interface Case {
  name: string;
  body: string;
  code: Issue["code"];
  at: string;
  nth?: number;
  raw?: boolean;
  params?: Record<string, unknown>;
}

const tree = `
scoring:
  children:
    - { id: x, kind: input, max: 100 }
`;

const cases: Case[] = [
  { name: "YAML syntax error", raw: true, body: "kaohe: 1\nid: [unclosed\n", code: "YAML_SYNTAX", at: "" },
  { name: "duplicate key", raw: true, body: "kaohe: 1\nid: a\nid: b\n", code: "YAML_DUPLICATE_KEY", at: "id: b" },
  { name: "empty file", raw: true, body: "# nothing\n", code: "YAML_EMPTY", at: "# nothing" },
  { name: "missing required key", raw: true, body: "kaohe: 1\nid: t\nname: T\nyear: 2024\nversion: '1'\nscoring: { children: [ { id: x, kind: input, max: 1 } ] }\n", code: "SCHEMA_MISSING_KEY", at: "kaohe", params: { key: "grades" } },
  // A missing key that must hold one fixed value (kaohe: 1) or one of several forms (points, a condition)
  // is SCHEMA_MISSING_KEY like every other missing key (was SCHEMA_INVALID_VALUE / SCHEMA_INVALID_TYPE "got nothing").
  { name: "missing kaohe:", raw: true, body: "id: t\nname: T\nyear: 2024\nversion: '1'\ngrades: [ { id: A, min: 90 }, { id: B } ]\nscoring: { children: [ { id: x, kind: input, max: 1 } ] }\n", code: "SCHEMA_MISSING_KEY", at: "id: t", params: { key: "kaohe", expected: "1" } },
  { name: "an item without max", body: "scoring:\n  children:\n    - { id: x, kind: input }", code: "SCHEMA_MISSING_KEY", at: "{ id: x", params: { key: "max" } },
  { name: "a rule without when", body: `${tree}\nrules:\n  - { id: r, kind: downgrade, reason: r }`, code: "SCHEMA_MISSING_KEY", at: "{ id: r", params: { key: "when" } },
  { name: "unknown key (a typo)", body: `${tree}\nrulez: []`, code: "SCHEMA_UNKNOWN_KEY", at: "rulez", params: { key: "rulez" } },
  { name: "wrong type", body: "scoring:\n  children:\n    - { id: x, kind: input, max: ten }", code: "SCHEMA_INVALID_VALUE", at: "ten" },
  { name: "version given as a number", raw: true, body: "kaohe: 1\nid: t\nname: T\nyear: 2024\nversion: 1.0\n", code: "SCHEMA_INVALID_TYPE", at: "1.0" },
  { name: "value out of range", body: `rounding: { places: 11 }\n${tree}`, code: "SCHEMA_OUT_OF_RANGE", at: "11" },
  { name: "unknown item kind", body: "scoring:\n  children:\n    - { id: x, kind: deductt, max: 5 }", code: "SCHEMA_INVALID_KIND", at: "deductt" },
  { name: "a comparison with two operators", body: `${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: total, lt: 3, gt: 1 } }`, code: "SCHEMA_CONSTRAINT", at: "{ fact" },
  { name: "duplicate item id", body: "scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: x, kind: input, max: 50 }", code: "REF_DUPLICATE_ID", at: "x, kind: input, max: 50 }", nth: 2 },
  { name: "unknown node in a condition", body: `${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: score.y, lt: 3 } }`, code: "REF_UNKNOWN_NODE", at: "score.y", params: { id: "y" } },
  { name: "unknown input, with a suggestion", body: `inputs:\n  violation: { type: boolean }\n${tree}\nrules:\n  - { id: r, kind: downgrade, reason: r, when: input.violaton }`, code: "REF_UNKNOWN_INPUT", at: "input.violaton", params: { didYouMean: "violation" } },
  { name: "unknown grade in a rule", body: `${tree}\nrules:\n  - { id: r, kind: cap, grade: E, reason: r, when: { fact: total, lt: 3 } }`, code: "REF_UNKNOWN_GRADE", at: "E," },
  { name: "unknown level of a choice input", body: `inputs:\n  domain: { type: choice, values: [village, school] }\n${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: input.domain, eq: hospital } }`, code: "REF_UNKNOWN_LEVEL", at: "hospital" },
  { name: "malformed fact", body: `${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: totl, lt: 3 } }`, code: "REF_BAD_FACT", at: "totl" },
  { name: "operator that does not fit the fact", body: `${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: total, worseThan: A } }`, code: "COND_TYPE_MISMATCH", at: "worseThan" },
  { name: "one input used as two types", body: "scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: y, kind: yesno, input: x, max: 50 }", code: "INPUT_TYPE_CONFLICT", at: "{ id: y" },
  { name: "weights summing to 99%", body: "scoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 60% }\n    - { id: b, kind: input, max: 100, weight: 29% }\n    - { id: c, kind: input, max: 100, weight: 10% }", code: "WEIGHT_SUM", at: "- { id: a", params: { sum: "99" } },
  { name: "fractions that do not sum to 1", body: "scoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 0.6 }\n    - { id: b, kind: input, max: 100, weight: 0.3 }", code: "WEIGHT_SUM", at: "- { id: a", params: { sum: "90" } },
  { name: "weights mixing % and ratios", body: "scoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 60% }\n    - { id: b, kind: input, max: 100, weight: 4 }", code: "WEIGHT_MIXED", at: "- { id: a" },
  { name: "weight missing in a weighted group", body: "scoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 100% }\n    - { id: b, kind: input, max: 100 }", code: "WEIGHT_MISSING", at: "{ id: b" },
  { name: "weight in a sum group", body: "scoring:\n  children:\n    - { id: a, kind: input, max: 100, weight: 50% }", code: "WEIGHT_UNEXPECTED", at: "50%" },
  { name: "grades out of order", body: `grades:\n  - { id: A, min: 80 }\n  - { id: B, min: 90 }\n  - { id: C }\n${tree}`, code: "BAND_ORDER", at: "{ id: B" },
  { name: "overlapping bands", body: `grades:\n  - { id: A, min: 90 }\n  - { id: B, min: 80, max: 95 }\n  - { id: C }\n${tree}`, code: "BAND_OVERLAP", at: "{ id: B" },
  { name: "children's points disagree with the parent's max", body: "scoring:\n  children:\n    - id: area\n      max: 35\n      children:\n        - { id: a, kind: input, max: 15 }\n        - { id: b, kind: input, max: 15 }", code: "MAX_MISMATCH", at: "35", params: { declared: "35", computed: "30" } },
  { name: "a level worth more than the item", body: "scoring:\n  children:\n    - { id: q, kind: levels, max: 10, levels: { 好: 12, 差: 0 } }", code: "RANGE_INVALID", at: "12" },
  { name: "a carried-over input that can exceed the item", body: "inputs:\n  last: { type: number, max: 120 }\nscoring:\n  children:\n    - { id: c, kind: carry, input: last, max: 20, share: 20% }", code: "RANGE_INVALID", at: "20, share", params: {} },
  { name: "quota share above 100%", body: `${tree}\nquotas:\n  - { id: q, grade: A, share: 150% }`, code: "QUOTA_SHARE_RANGE", at: "150%" },
];

describe("invalid rubrics: code and line:col", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const text = c.raw ? c.body : rubricText(c.body);
    const issues = issuesOf(text);
    const issue = issues.find((i) => i.code === c.code);
    expect(issue, `codes: ${issues.map(formatIssue).join("\n")}`).toBeDefined();
    const expected = c.at === "" ? undefined : positionOf(text, c.at, c.nth);
    expect(issue!.source).toMatchObject({ file: "t.yaml", ...(expected ?? {}) });
    if (c.params) expect(issue!.params).toMatchObject(c.params);
    expect(formatIssue(issue!)).toMatch(new RegExp(`^t\\.yaml:\\d+:\\d+  ${c.code}  `));
  });

  test("an ASCII comma inside a flow mapping gets a hint", () => {
    const text = rubricText(`${tree}\nrules:\n  - { id: r, kind: cap, grade: B, when: input.x, reason: 甲,乙 }`);
    const issue = issuesOf(text).find((i) => i.code === "SCHEMA_UNKNOWN_KEY")!;
    expect(issue.params).toMatchObject({ key: "乙" });
    expect(issue.message).toContain("quote text that contains commas");
    expect(issue.source).toMatchObject(positionOf(text, "乙"));
  });

  test("a YAML syntax error is where the parser finds it", () => {
    const issues = issuesOf("kaohe: 1\nid: t\nname: [a, b\nyear: 2024\n");
    expect(issues[0]).toMatchObject({ code: "YAML_SYNTAX", source: { file: "t.yaml", line: 4, col: 1 } });
    expect(issues[0]!.message).toContain("Flow sequence");
  });

  test("weights summing to 99% point at the children list: file:line:col", () => {
    const text = rubricText("scoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 60% }\n    - { id: b, kind: input, max: 100, weight: 39% }");
    expect(formatIssue(issuesOf(text, "rubrics/x.yaml")[0]!)).toBe("rubrics/x.yaml:14:5  WEIGHT_SUM  weights must sum to 100%, they sum to 99%");
  });

  test("every problem is reported at once, in source order", () => {
    const text = rubricText(dedent(`
      scoring:
        children:
          - { id: a, kind: input, max: 50, colour: red }
          - { id: a, kind: input, max: 50 }
      rules:
        - { id: r, kind: cap, grade: Z, reason: r, when: input.nope }
    `));
    const issues = issuesOf(text);
    expect(issues.map((i) => i.code)).toEqual(["SCHEMA_UNKNOWN_KEY"]);
    const fixed = text.replace(", colour: red", "");
    expect(issuesOf(fixed).map((i) => i.code)).toEqual(["REF_DUPLICATE_ID", "REF_UNKNOWN_GRADE", "REF_UNKNOWN_INPUT"]);
    const lines = issuesOf(fixed).map((i) => i.source!.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe("invalid rubric sets", () => {
  const set = (...rubrics: [string, string][]) => {
    const r = safeLoadRubricSet(rubrics.map(([id, body]) => ({ text: rubricText(body, { id }), file: `${id}.yaml` })));
    if (r.ok) throw new Error("expected failure");
    return r.issues;
  };
  const reading = (other: string) => `${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: rubric.${other}.grade, worseThan: A } }`;

  test("a linkage cycle is an error that names the cycle", () => {
    const issues = set(["a", reading("b")], ["b", reading("c")], ["c", reading("a")]);
    expect(issues).toMatchObject([{ code: "LINKAGE_CYCLE", params: { cycle: ["a", "b", "c", "a"] }, rubric: "c" }]);
    expect(issues[0]!.message).toBe("linkage cycle: a → b → c → a");
    expect(issues[0]!.source).toMatchObject({ file: "c.yaml", ...positionOf(rubricText(reading("a"), { id: "c" }), "rubric.a.grade") });
  });
  test("a reference to a rubric not in the set", () => {
    expect(set(["a", reading("missing")])).toMatchObject([{ code: "REF_UNKNOWN_RUBRIC", params: { id: "missing" }, source: { file: "a.yaml" } }]);
  });
  test("a grade the other rubric does not have", () => {
    const body = `${tree}\nrules:\n  - { id: r, kind: cap, grade: B, reason: r, when: { fact: rubric.b.grade, worseThan: excellent } }`;
    expect(set(["a", body], ["b", tree])).toMatchObject([{ code: "REF_UNKNOWN_GRADE", params: { id: "excellent" }, source: { file: "a.yaml" } }]);
  });
  test("two rubrics with the same id", () => {
    expect(set(["a", tree], ["a", tree])).toMatchObject([{ code: "RUBRIC_DUPLICATE_ID", params: { id: "a" } }]);
  });
});
