import { describe, expect, test } from "vitest";
import { loadRubric, rubricTestCases, runRubricTests, safeLoadTestCases, loadRubricSet } from "../../src/index.js";
import { dedent, rubricText } from "../helpers.js";

const body = dedent(`
  scoring:
    children:
      - { id: x, kind: input, max: 100 }
  rules:
    - { id: low, kind: veto, when: { fact: total, lt: 10 }, reason: too low }
  tests:
    - name: 95 is an A
      subjects: [ { id: s, x: 95 } ]
      expect: { s: { score: "95.0", grade: A, rank: 1, adjustments: [], points: { x: 95 } } }
    - name: 5 is vetoed
      subjects: [ { id: s, x: 5 } ]
      expect: { s: { grade: D, adjustments: [] } }
    - name: a wrong expectation
      subjects: [ { id: s, x: 80 }, { id: t, x: 90 } ]
      expect: { s: { score: 81, grade: A, rank: 2 }, t: { grade: A } }
    - name: out of range is rejected
      subjects: [ { id: s, x: 101 } ]
      error: DATA_OUT_OF_RANGE
    - name: expecting an error that does not come
      subjects: [ { id: s, x: 100 } ]
      error: DATA_OUT_OF_RANGE
`);

describe("runRubricTests", () => {
  const rubric = loadRubric(rubricText(body), { file: "t.yaml" });
  const report = runRubricTests(rubric);

  test("counts passes and failures", () => {
    expect([report.passed, report.failed]).toEqual([3, 2]);
  });
  test("a failure lists every difference with the case name", () => {
    const failed = report.cases.find((c) => c.name === "a wrong expectation")!;
    expect(failed.passed).toBe(false);
    expect(failed.differences).toEqual([
      { path: "s.score", expected: 81, actual: "80" },
      { path: "s.grade", expected: "A", actual: "B" },
    ]);
    expect(failed.source).toMatchObject({ file: "t.yaml", line: 23, col: 5 });
  });
  test("an expected error that does not happen is a failure", () => {
    expect(report.cases.find((c) => c.name === "expecting an error that does not come")!.differences).toEqual([{ path: "error", expected: "DATA_OUT_OF_RANGE", actual: "no error" }]);
  });
  test("cases can be run one by one, e.g. inside vitest's test()", () => {
    const cases = rubricTestCases(rubric);
    expect(cases.map((c) => c.name)).toHaveLength(5);
    expect(cases[0]!.run().passed).toBe(true);
  });
  test("cases from a sibling tests file run against a linked set", () => {
    const set = loadRubricSet([{ text: rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 100 }", { id: "a" }), file: "a.yaml" }]);
    const file = safeLoadTestCases("tests:\n  - name: in a file\n    rubric: a\n    subjects: [ { id: s, x: 75 } ]\n    expect: { s: { grade: B } }\n", { file: "tests.yaml" });
    expect(file.ok).toBe(true);
    const r = runRubricTests(set, file.ok ? file.value : []);
    expect(r).toMatchObject({ passed: 1, failed: 0, cases: [{ name: "in a file", rubric: "a", source: { file: "tests.yaml", line: 2 } }] });
  });
  test("a test expecting an unknown grade is rejected when the rubric loads", () => {
    const bad = body.replace("grade: A, rank: 1", "grade: Z, rank: 1");
    expect(() => loadRubric(rubricText(bad), { file: "t.yaml" })).toThrow(/REF_UNKNOWN_GRADE/);
  });
});
