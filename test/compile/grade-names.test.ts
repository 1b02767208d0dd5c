/**
 * A grade is named by its id or its label (好 or good) wherever the rubric names one
 * of its grades; a name that fits two grades is GRADE_NAME_AMBIGUOUS at its line:col.
 */
import { describe, expect, test } from "vitest";
import { runRubricTests, safeLoadRubricSet } from "../../src/index.js";
import { compile, evaluate, issuesOf, linkedSet, rubricText, run, unit } from "../helpers.js";

const SCALE = `grades:
  - { id: good, label: 好, min: 90 }
  - { id: fair, label: 较好, min: 80 }
  - { id: average, label: 一般, min: 70 }
  - { id: poor, label: 差 }`;
const TREE = `
inputs:
  flag: { type: boolean, default: false }
scoring:
  children:
    - { id: x, kind: input, max: 100 }`;

/** Line and column (1-based) of the first occurrence of `needle` in `text`, after `after`. */
function at(text: string, needle: string, after = ""): { line: number; col: number } {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, start);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

describe("grades by label", () => {
  test("a cap by label (不能评定为好) caps like the id: 95 → 较好", () => {
    const body = `${SCALE}${TREE}
rules:
  - { id: cap, kind: cap, grade: 较好, when: input.flag, reason: 不能评定为好 }`;
    // x = 95 is 好 by bands; the cap to 较好 (fair) applies.
    expect(unit(run(body, [{ id: "s", x: 95, flag: true }]), "s").grade).toBe("fair");
  });
  test("a veto by label sets that grade: 95 → 一般", () => {
    const body = `${SCALE}${TREE}
rules:
  - { id: v, kind: veto, grade: 一般, when: input.flag, reason: 直接确定为一般 }`;
    expect(unit(run(body, [{ id: "s", x: 95, flag: true }]), "s").grade).toBe("average");
  });
  test("conditions on grade and rawGrade by label: eq 一般 and worseThan 较好", () => {
    const body = `${SCALE}${TREE}
actions:
  - { id: interview, label: 约谈, when: { fact: grade, eq: 一般 } }
  - { id: warn, label: 提醒, when: { fact: rawGrade, worseThan: 较好 } }`;
    const r = run(body, [
      { id: "avg", x: 75 }, // 一般: both actions (一般 is worse than 较好)
      { id: "fair", x: 85 }, // 较好: neither
      { id: "poor", x: 60 }, // 差: worse than 较好, not 一般
    ]);
    expect(unit(r, "avg").actions.map((a) => a.id)).toEqual(["interview", "warn"]);
    expect(unit(r, "fair").actions.map((a) => a.id)).toEqual([]);
    expect(unit(r, "poor").actions.map((a) => a.id)).toEqual(["warn"]);
  });
  test("in / notIn lists mix ids and labels", () => {
    const body = `${SCALE}${TREE}
actions:
  - { id: follow-up, when: { fact: grade, in: [一般, poor] } }`;
    const r = run(body, [
      { id: "a", x: 75 },
      { id: "b", x: 10 },
      { id: "c", x: 95 },
    ]);
    expect(["a", "b", "c"].map((id) => unit(r, id).actions.length)).toEqual([1, 1, 0]);
  });
  test("a quota by label limits that grade: 好 ≤ 50% of 2 → 1 place", () => {
    const body = `${SCALE}${TREE}
quotas:
  - { id: half, grade: 好, share: 50% }`;
    const r = run(body, [
      { id: "a", x: 95 },
      { id: "b", x: 92 },
    ]);
    // floor(2 × 50%) = 1: a (95, rank 1) keeps 好; b moves to 较好.
    expect([unit(r, "a").grade, unit(r, "b").grade]).toEqual(["good", "fair"]);
  });
  test("a label that is also its own id is not ambiguous", () => {
    const r = compile(`grades:
  - { id: A, label: A, min: 90 }
  - { id: B }
${TREE}
rules:
  - { id: cap, kind: cap, grade: A, when: input.flag, reason: r }`);
    expect(r.rules.caps).toHaveLength(1);
  });
  test("a test case may expect a grade by label", () => {
    const text = rubricText(`${SCALE}${TREE}
tests:
  - name: by label
    subjects: [ { id: s, x: 85 } ]
    expect: { s: { grade: 较好, rawGrade: fair } }
  - name: a wrong label is a difference
    subjects: [ { id: s, x: 85 } ]
    expect: { s: { grade: 好 } }`);
    const set = safeLoadRubricSet([{ text, file: "t.yaml" }]);
    expect(set.ok).toBe(true);
    const report = runRubricTests(set.ok ? set.value : (undefined as never));
    expect(report.cases.map((c) => c.passed)).toEqual([true, false]);
    expect(report.cases[1]!.differences).toEqual([{ path: "s.grade", expected: "好", actual: "fair" }]);
  });
  test("an unknown name is REF_UNKNOWN_GRADE with the scale's ids", () => {
    const text = rubricText(`${SCALE}${TREE}
rules:
  - { id: cap, kind: cap, grade: 优秀, when: input.flag, reason: r }`);
    expect(issuesOf(text)).toMatchObject([{ code: "REF_UNKNOWN_GRADE", params: { id: "优秀", scale: ["good", "fair", "average", "poor"] }, source: at(text, "优秀") }]);
  });
});

describe("ambiguous grade names", () => {
  // One grade's label is another grade's id: "B" is the id of the second grade and the label of the first.
  const SWAPPED = `grades:
  - { id: A, label: B, min: 90 }
  - { id: B, label: C, min: 80 }
  - { id: D }`;
  test("a label equal to another grade's id: GRADE_NAME_AMBIGUOUS at the name", () => {
    const text = rubricText(`${SWAPPED}${TREE}
rules:
  - { id: cap, kind: cap, grade: B, when: input.flag, reason: r }`);
    const issues = issuesOf(text);
    expect(issues).toMatchObject([{ code: "GRADE_NAME_AMBIGUOUS", params: { name: "B", candidates: ['the label of grade "A"', 'the id of grade "B"'] } }]);
    expect(issues[0]!.source).toMatchObject(at(text, "B, when", "id: cap")); // the name itself
  });
  test("two grades with the same label: ambiguous in a condition and in a quota", () => {
    const text = rubricText(`grades:
  - { id: A, label: 优, min: 90 }
  - { id: B, label: 优, min: 80 }
  - { id: D }${TREE}
actions:
  - { id: a, when: { fact: grade, eq: 优 } }
quotas:
  - { id: q, grade: 优, share: 50% }`);
    const issues = issuesOf(text);
    expect(issues.map((i) => i.code)).toEqual(["GRADE_NAME_AMBIGUOUS", "GRADE_NAME_AMBIGUOUS"]);
    expect(issues.map((i) => i.source?.line)).toEqual([at(text, "eq: 优").line, at(text, "grade: 优").line]);
  });
  test("the unambiguous names of the same scale still work (A by id, C by label)", () => {
    const r = compile(`${SWAPPED}${TREE}
rules:
  - { id: cap, kind: cap, grade: C, when: input.flag, reason: r }
  - { id: cap2, kind: cap, grade: A, when: input.flag, reason: r }`);
    expect(r.rules.caps.map((c) => (c.kind === "cap" ? c.grade : -1))).toEqual([1, 0]);
  });
  test("a test case expecting an ambiguous grade name is rejected", () => {
    const text = rubricText(`${SWAPPED}${TREE}
tests:
  - { name: t, subjects: [ { id: s, x: 95 } ], expect: { s: { grade: B } } }`);
    expect(issuesOf(text)).toMatchObject([{ code: "GRADE_NAME_AMBIGUOUS" }]);
  });
});

describe("a linked rubric's grades by label", () => {
  const r1 = `grades:
  - { id: excellent, label: 优秀, min: 90 }
  - { id: good, label: 良好, min: 80 }
  - { id: poor, label: 较差 }
scoring:
  children:
    - { id: x, kind: input, max: 100 }`;
  test("rubric.r1.grade worseThan 优秀 caps like worseThan excellent", () => {
    const set = linkedSet(
      ["r1", r1],
      ["r2", "scoring:\n  children:\n    - { id: y, kind: input, max: 100 }\nrules:\n  - { id: cap, kind: cap, grade: B, when: { fact: rubric.r1.grade, worseThan: 优秀 }, reason: 责任制考核未达到优秀 }"],
    );
    const [, r2] = evaluate(set, [
      { id: "top", x: 95, y: 95 }, // r1 优秀: r2 stays A
      { id: "mid", x: 85, y: 95 }, // r1 良好 (worse than 优秀): r2 capped at B
    ]);
    expect([unit(r2!, "top").grade, unit(r2!, "mid").grade]).toEqual(["A", "B"]);
  });
  test("an ambiguous linked grade name is GRADE_NAME_AMBIGUOUS at link time", () => {
    const twin = `grades:
  - { id: A, label: 好, min: 90 }
  - { id: B, label: 好, min: 80 }
  - { id: D }
scoring:
  children:
    - { id: x, kind: input, max: 100 }`;
    const r2 = rubricText("scoring:\n  children:\n    - { id: y, kind: input, max: 100 }\nactions:\n  - { id: a, when: { fact: rubric.r1.grade, eq: 好 } }", { id: "r2" });
    const set = safeLoadRubricSet([
      { text: rubricText(twin, { id: "r1" }), file: "r1.yaml" },
      { text: r2, file: "r2.yaml" },
    ]);
    expect(set.ok ? [] : set.issues).toMatchObject([{ code: "GRADE_NAME_AMBIGUOUS", params: { name: "好" }, source: { file: "r2.yaml", line: at(r2, "eq: 好").line } }]);
  });
});
