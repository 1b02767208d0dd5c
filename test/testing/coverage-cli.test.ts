/**
 * `kaohe test --coverage` and `--coverage-min N` (issue 11 §2): the text and JSON
 * reports, the exit codes, the usage errors, Chinese, and recorded golden.* cases run
 * but not counted.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli, smallRubric } from "../cli/harness.js";


function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-cov-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Two grades (good ≥ 80, poor), two items of 50, no rounding (the step past 80 is 0.1), one veto.
const RUBRIC = smallRubric({ max: false, tail: "rules:\n  - { id: none, kind: veto, when: { fact: total, lt: 10 }, reason: 太低 }\n" });

// u: 50 + 35 = 85 → good; v: 30 + 30 = 60 → poor.
const TESTS = `tests:
  - name: 85 is good
    subjects: [ { id: u, a: 50, b: 35 } ]
    expect: { u: { grade: good } }
  - name: 60 is poor
    subjects: [ { id: v, a: 30, b: 30 } ]
    expect: { v: { grade: poor } }
`;

// Recorded: 80 exactly, 79.99 just below (within 0.1), a and b at 0 (the veto fires): 6 more targets if it counted.
const GOLDEN = `tests:
  - name: recorded
    subjects: [ { id: w, a: 40, b: 40 }, { id: x, a: 40, b: 39.99 }, { id: y, a: 0, b: 0 } ]
    expect: { w: { grade: good }, x: { grade: poor }, y: { grade: poor } }
`;

/*
 * Targets: bands good, poor (2); good.min 80 on and past (2); rule none fired and not fired (2);
 * its condition true and false (2); items a and b at 0 and at 50 (4): 12. The hand cases touch
 * good, poor, none not fired, its condition false, a at 50: 5 of 12 → 41.6% (41.66…, rounded down).
 */
describe("kaohe test --coverage", () => {
  test("text: per rubric the figure, the kinds and each place not touched; golden.* run but not counted", () => {
    const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS, "golden.tests.yaml": GOLDEN });
    const r = cli(["test", dir, "--coverage", "-q"]);
    expect(r.code).toBe(0);
    const file = join(dir, "r.yaml");
    expect(r.out.split("\n")).toEqual([
      "3 passed, 0 failed",
      `coverage by the hand-computed cases (recorded cases not counted: ${join(dir, "golden.tests.yaml")}):`,
      `  small (${file}): 41.6% (5 of 12), 2 case(s)`,
      "    by kind: bands 2/2, thresholds 0/2, rules 1/2, conditions 1/2, items 1/4",
      `    ${file}:7:32  good.min 80: no total exactly on it`,
      `    ${file}:7:32  good.min 80: no total just past it (below it by at most 0.1)`,
      `    ${file}:14:5  rule none: never fired`,
      `    ${file}:14:35  condition rules[0].when: never true`,
      `    ${file}:11:7  item a: never scored 0`,
      `    ${file}:12:7  item b: never scored 0`,
      `    ${file}:12:7  item b: never at its max (50)`,
      "coverage 41.6% (5 of 12 targets)",
    ]);
    expect(r.err).toBe("");
  });

  test("--coverage-min: exit 1 below it with the reason on stderr, exit 0 at or above it", () => {
    const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS });
    const below = cli(["test", dir, "--coverage-min", "41.7", "-q"]);
    expect(below.code).toBe(1);
    expect(below.err).toBe("kaohe test: coverage 41.6% is below --coverage-min 41.7%");
    expect(below.out).toContain("coverage 41.6% (5 of 12 targets)");
    // 5 of 12 is 41.66…%: it meets 41.6 exactly compared (5 × 100 ≥ 41.6 × 12 = 499.2), and 41%.
    expect(cli(["test", dir, "--coverage-min", "41.6", "-q"])).toMatchObject({ code: 0, err: "" });
    expect(cli(["test", dir, "--coverage-min", "41%", "-q"])).toMatchObject({ code: 0, err: "" });
  });

  test("a failed case and coverage below the minimum: both said, exit 1", () => {
    const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS.replace("{ v: { grade: poor } }", "{ v: { grade: good } }") });
    const r = cli(["test", dir, "--coverage-min", "90", "-q"]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual(["kaohe test: 1 of 2 case(s) failed", "kaohe test: coverage 41.6% is below --coverage-min 90%"]);
  });

  test.each(["abc", "101", "-1", "", "1e2", "0x10"])("--coverage-min %j is a usage error (exit 2)", (value) => {
    const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS });
    const r = cli(["test", dir, `--coverage-min=${value}`]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`kaohe test: --coverage-min must be a percentage from 0 to 100 (e.g. 90 or 92.5), got "${value}"`);
  });

  test("--format json: the coverage report and the minimum in the document; ok false below it", () => {
    const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS });
    const r = cli(["test", dir, "--format", "json", "--coverage-min", "50"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ ok: false, passed: 2, failed: 0, errors: [], coverageMin: "50" });
    expect(doc.coverage.overall).toEqual({ covered: 5, total: 12, percent: "41.6" });
    const small = doc.coverage.rubrics[0];
    expect(small).toMatchObject({ rubric: "small", file: join(dir, "r.yaml"), cases: 2 });
    expect(small.byKind.band).toEqual({ covered: 2, total: 2, percent: "100.0" });
    expect(small.targets[0]).toEqual({ kind: "band", id: "good", outcome: "reached", path: ["grades", 0], source: { file: join(dir, "r.yaml"), line: 7, col: 5 }, covered: true, cases: ["85 is good"] });
    expect(small.targets.find((t: { id: string; outcome: string }) => t.id === "good.min" && t.outcome === "past")).toEqual({
      kind: "threshold",
      id: "good.min",
      outcome: "past",
      value: "80",
      side: "below",
      step: "0.1",
      path: ["grades", 0, "min"],
      source: { file: join(dir, "r.yaml"), line: 7, col: 32 },
      covered: false,
      cases: [],
    });
    // Without --coverage the document is as before: no coverage keys.
    expect(Object.keys(JSON.parse(cli(["test", dir, "--format", "json"]).out))).toEqual(["ok", "passed", "failed", "cases", "errors"]);
    // --coverage alone: coverageMin null, ok when the cases pass.
    expect(JSON.parse(cli(["test", dir, "--format", "json", "--coverage"]).out)).toMatchObject({ ok: true, coverageMin: null });
  });

  test("a broken rubric with --format json: coverage null, the issues under errors, exit 1", () => {
    const dir = folder({ "r.yaml": RUBRIC.replace("max: 50 }\n    - { id: b", "max: 50, bogus: 1 }\n    - { id: b"), "tests.yaml": TESTS });
    const r = cli(["test", dir, "--format", "json", "--coverage-min", "90"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ ok: false, passed: 0, failed: 0, cases: [], coverage: null, coverageMin: "90" });
    expect(doc.errors.map((i: { code: string }) => i.code)).toEqual(["SCHEMA_UNKNOWN_KEY"]);
  });

  test("--coverage-min is checked before the files are read", () => {
    expect(cli(["test", "/nonexistent/folder", "--coverage-min", "x"])).toMatchObject({ code: 2 });
  });

  test("Chinese", () => {
    const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS });
    const r = cli(["test", dir, "--coverage-min", "90", "-q", "--lang", "zh"]);
    const file = join(dir, "r.yaml");
    expect(r.out.split("\n").slice(1, 5)).toEqual([
      "手算用例的覆盖率：",
      `  small（${file}）：41.6%（12 项中覆盖 5 项），用例 2 个`,
      "    分项：等次区间 2/2，分数线 0/2，规则 1/2，条件分支 1/2，指标得分点 1/4",
      `    ${file}:7:32  good.min 80：没有用例的总分恰好等于该分数线`,
    ]);
    expect(r.out).toContain(`${file}:12:7  指标 b：从未得到满分（50）`);
    expect(r.err).toBe("kaohe test：覆盖率 41.6% 低于 --coverage-min 90%");
  });
});

test("docs/testing.md shows this rubric's report as the CLI prints it", () => {
  const dir = folder({ "r.yaml": RUBRIC, "tests.yaml": TESTS });
  const doc = readFileSync(new URL("../../docs/testing.md", import.meta.url), "utf8");
  const block = /```text\n([\s\S]*?)```/.exec(doc)![1]!.trimEnd();
  const out = cli(["test", dir, "--coverage", "-q"]).out.split(dir).join("r");
  expect(block).toBe(out);
  // The README quotes the same report, shortened.
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  for (const line of out.split("\n").slice(1, 5)) expect(readme).toContain(line);
});
