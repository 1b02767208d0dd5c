import { describe, expect, test } from "vitest";
import { compile, dataIssues, run, unit } from "../helpers.js";

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
