import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compile, dataIssues, issuesOf, rubricText, run, unit } from "../helpers.js";

const direct = (grades: string, policy = "") => `
${grades}
${policy}
scoring:
  children:
    - { id: x, kind: input, max: 100 }
`;

const gradeOf = (body: string, x: number | string) => unit(run(body, [{ id: "s", x }]), "s").grade;

describe("grade bands", () => {
  const body = direct(`grades:
  - { id: A, min: 90 }
  - { id: B, min: 75 }
  - { id: C, above: 60 }
  - { id: D }`);
  test.each([
    [100, "A"],
    [90, "A"],
    ["89.99", "B"],
    [75, "B"],
    ["74.99", "C"],
    ["60.01", "C"],
    [60, "D"],
    [0, "D"],
  ])("score %s → %s (min is inclusive, above exclusive)", (x, g) => {
    expect(gradeOf(body, x)).toBe(g);
  });
});

describe("band gaps (80-89分 and 90分以上)", () => {
  const grades = `grades:
  - { id: excellent, min: 90 }
  - { id: good, min: 80, max: 89 }
  - { id: pass, min: 60, max: 79 }
  - { id: fail, max: 59 }`;
  test("lower: a score between bands takes the lower grade (default)", () => {
    expect(gradeOf(direct(grades), "89.5")).toBe("good");
    expect(gradeOf(direct(grades), "79.5")).toBe("pass");
    expect(gradeOf(direct(grades), "59.5")).toBe("fail");
    expect(unit(run(direct(grades), [{ id: "s", x: "89.5" }]), "s").gradeNotes[0]).toContain("between bands");
  });
  test("higher: the higher grade", () => {
    expect(gradeOf(direct(grades, "policy: { bandGaps: higher }"), "89.5")).toBe("excellent");
    expect(gradeOf(direct(grades, "policy: { bandGaps: higher }"), "59.5")).toBe("pass");
  });
  test("error: a score in a gap is an error naming the subject", () => {
    const r = compile(direct(grades, "policy: { bandGaps: error }"));
    expect(dataIssues(r, [{ id: "s", x: "89.5" }])).toMatchObject([{ code: "EVAL_NO_GRADE", subject: "s" }]);
  });
  test("scores on the bands themselves are never in a gap", () => {
    expect([89, 80, 79, 60, 59].map((x) => gradeOf(direct(grades, "policy: { bandGaps: error }"), x))).toEqual(["good", "good", "pass", "pass", "fail"]);
  });
});

describe("grade requires (≥90分,且各单项指标评分不为0分)", () => {
  const body = `
grades:
  - { id: excellent, min: 90, requires: { fact: zeroItems, eq: 0 } }
  - { id: good, min: 80 }
  - { id: pass }
scoring:
  children:
    - { id: a, kind: input, max: 50 }
    - { id: b, kind: input, max: 45 }
    - { id: c, kind: input, max: 5 }
`;
  test("all items above zero keeps the grade", () => {
    expect(unit(run(body, [{ id: "s", a: 50, b: 39, c: 1 }]), "s").grade).toBe("excellent");
  });
  test("one item at zero moves to the next grade", () => {
    const u = unit(run(body, [{ id: "s", a: 50, b: 45, c: 0 }]), "s");
    expect(u.score).toBe("95");
    expect(u.grade).toBe("good");
    expect(u.rawGrade).toBe("good");
    expect(u.gradeNotes).toEqual(["excellent requires zeroItems eq 0: not met"]);
  });
});

describe("rounding of the total", () => {
  test("declared rounding is applied to the total before grading (2 places half-up)", () => {
    const body = `
rounding: { places: 2, mode: half-up }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
`;
    const u = unit(run(body, [{ id: "s", x: "89.995" }]), "s");
    expect(u.score).toBe("90.00");
    expect(u.grade).toBe("A");
  });
  test("half-even and down differ from half-up at the midpoint", () => {
    const body = (mode: string) => `rounding: { places: 1, mode: ${mode} }\nscoring:\n  children:\n    - { id: x, kind: input, max: 100 }`;
    expect(unit(run(body("half-up"), [{ id: "s", x: "84.25" }]), "s").score).toBe("84.3");
    expect(unit(run(body("half-even"), [{ id: "s", x: "84.25" }]), "s").score).toBe("84.2");
    expect(unit(run(body("down"), [{ id: "s", x: "84.29" }]), "s").score).toBe("84.2");
  });
  test("without declared rounding nothing is rounded", () => {
    const u = unit(run(`scoring:\n  children:\n    - { id: x, kind: input, max: 100 }`, [{ id: "s", x: "89.995" }]), "s");
    expect(u.score).toBe("89.995");
    expect(u.grade).toBe("B");
  });
});

/**
 * The docs' own example (docs/rubric-language.md, Grades), read from the docs: 优秀
 * min 90; 良好 min 80 max 89; 达标 min 60 max 79; 未达标 with no bound. Effective bands:
 * [90, ∞), [80, 89], [60, 79], (−∞, 60). So 89.5 (between 89 and 90) and 79.5 (between
 * 79 and 80) are gaps and follow policy.bandGaps, while 59.5 lies below 60, inside
 * 未达标's effective band (−∞, 60): 未达标 is correct there under every policy.
 */
describe("open bands do not swallow gaps: the docs' grades example", () => {
  const docs = readFileSync(new URL("../../docs/rubric-language.md", import.meta.url), "utf8");
  const block = /## Grades\n[\s\S]*?```yaml\n(grades:\n[\s\S]*?)```/.exec(docs)![1]!;
  test("the docs' block is the example the issue quotes", () => {
    expect(block).toContain("{ id: excellent, label: 优秀, min: 90 }");
    expect(block).toContain("{ id: good, label: 良好, min: 80, max: 89 }");
    expect(block).toContain("{ id: pass, label: 达标, min: 60, max: 79 }");
    expect(block).toContain("{ id: fail, label: 未达标 }");
  });
  const withPolicy = (policy: string) => direct(block, policy ? `policy: { bandGaps: ${policy} }` : "");
  const scores = ["90", "89.5", "89", "79.5", "60", "59.5"];
  test.each([
    // score:        90         89.5         89      79.5     60      59.5
    ["", ["excellent", "good", "good", "pass", "pass", "fail"]],
    ["lower", ["excellent", "good", "good", "pass", "pass", "fail"]],
    ["higher", ["excellent", "excellent", "good", "good", "pass", "fail"]],
  ])("bandGaps %s: 90, 89.5, 89, 79.5, 60, 59.5", (policy, grades) => {
    expect(scores.map((x) => gradeOf(withPolicy(policy), x))).toEqual(grades);
  });
  test("a gap grade carries a note; a score inside a band (59.5 in 未达标) carries none", () => {
    const r = run(withPolicy(""), [
      { id: "gap", x: "79.5" },
      { id: "in", x: "59.5" },
    ]);
    expect(unit(r, "gap").gradeNotes).toEqual(["score 79.5 lies between bands; bandGaps: lower → pass"]);
    expect(unit(r, "in").gradeNotes).toEqual([]);
  });
  test("bandGaps error: 89.5 and 79.5 are EVAL_NO_GRADE; 90, 89, 60 and 59.5 are graded", () => {
    const rubric = compile(withPolicy("error"));
    expect(dataIssues(rubric, [{ id: "s", x: "89.5" }])).toMatchObject([{ code: "EVAL_NO_GRADE", subject: "s", params: { score: "89.5" } }]);
    expect(dataIssues(rubric, [{ id: "s", x: "79.5" }])).toMatchObject([{ code: "EVAL_NO_GRADE", subject: "s", params: { score: "79.5" } }]);
    expect(["90", "89", "60", "59.5"].map((x) => gradeOf(withPolicy("error"), x))).toEqual(["excellent", "good", "pass", "fail"]);
  });
  test("the compiled model holds the effective bands, and the declared ones", () => {
    const g = compile(withPolicy("")).grades;
    const show = (b?: { value: { toFixed(): string }; inclusive: boolean }) => (b ? `${b.inclusive ? "≤≥" : "<>"}${b.value.toFixed()}` : "∞");
    expect(g.map((x) => [x.id, show(x.lower), show(x.upper)])).toEqual([
      ["excellent", "≤≥90", "∞"],
      ["good", "≤≥80", "≤≥89"],
      ["pass", "≤≥60", "≤≥79"],
      ["fail", "∞", "<>60"], // (−∞, 60): below 60, exclusive because 达标's min is inclusive
    ]);
    expect(g[3]!.declared).toEqual({});
  });
});

describe("effective bands of open grades", () => {
  test("an open band under an `above` bound reaches it inclusively: above 60 → C, exactly 60 → D", () => {
    const body = direct(`grades:
  - { id: C, above: 60 }
  - { id: D }`);
    expect([gradeOf(body, "60.01"), gradeOf(body, 60), gradeOf(body, "59.99")]).toEqual(["C", "D", "D"]);
    expect(compile(body).grades[1]!.upper).toMatchObject({ inclusive: true });
  });
  test("a middle grade without max stops below the better grade (B min 75 under A min 90: 89.99 → B, 90 → A)", () => {
    const body = direct(`grades:
  - { id: A, min: 90 }
  - { id: B, min: 75 }
  - { id: C, min: 60, max: 70 }
  - { id: D }`, "policy: { bandGaps: error }");
    // C is [60, 70], B is [75, 90): 72 lies in the gap (70, 75), 74.99 too.
    expect([gradeOf(body, "89.99"), gradeOf(body, 90), gradeOf(body, 75), gradeOf(body, 70)]).toEqual(["B", "A", "B", "C"]);
    expect(dataIssues(compile(body), [{ id: "s", x: 72 }])).toMatchObject([{ code: "EVAL_NO_GRADE" }]);
  });
  test("a declared band overlapping an open band is BAND_OVERLAP at the worse grade's line:col", () => {
    // 良好 is open above: its effective band is [80, 90); 达标 declares max 85, inside it.
    const text = rubricText(`grades:
  - { id: excellent, min: 90 }
  - { id: good, min: 80 }
  - { id: pass, min: 60, max: 85 }
  - { id: fail }
scoring:
  children:
    - { id: x, kind: input, max: 100 }`);
    const issues = issuesOf(text);
    expect(issues).toMatchObject([{ code: "BAND_OVERLAP", params: { id: "pass", other: "good" } }]);
    expect(issues[0]!.source).toMatchObject({ line: text.split("\n").findIndex((l) => l.includes("{ id: pass")) + 1, col: 5 });
  });
  test("a last grade whose max reaches into a better band overlaps it (max 60 against min 60)", () => {
    const text = rubricText(`grades:
  - { id: pass, min: 60 }
  - { id: fail, max: 60 }
scoring:
  children:
    - { id: x, kind: input, max: 100 }`);
    expect(issuesOf(text)).toMatchObject([{ code: "BAND_OVERLAP", params: { id: "fail", other: "pass" } }]);
  });
});
