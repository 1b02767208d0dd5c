/**
 * Compile warnings: likely mistakes that do not stop a rubric from loading. They come
 * back as Result warnings (severity "warning") with file:line:col, and the CLI prints
 * them as `warning: file:line:col  CODE  message` without failing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { findScheme, readRubricTexts } from "../../src/cli/load.js";
import { formatIssue, safeLoadRubric, safeLoadRubricSet, type Issue } from "../../src/index.js";
import { issuesOf, rubricText, run, unit } from "../helpers.js";

function warningsOf(body: string): readonly Issue[] {
  const r = safeLoadRubric(rubricText(body), { file: "t.yaml" });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.warnings;
}

/** The range warnings of a rubric (the root declares max: 100, so ROOT_MAX_UNDECLARED stays out). */
const rangeWarnings = (body: string) => warningsOf(body).filter((w) => w.code === "COND_INTEGER_RANGE_ON_DECIMAL");

const TREE = `
inputs:
  whole: { type: number, min: 0, max: 100, places: 0 }
  tenths: { type: number, min: 0, max: 100, places: 1 }
  n: { type: count }
  share: { type: ratio }
scoring:
  max: 100
  children:
    - { id: x, kind: input, max: 60 }
    - { id: r, kind: input, max: 40, round: { places: 0 } }
`;
const actionOn = (condition: string) => `${TREE}\nactions:\n  - { id: a, when: ${condition} }`;

describe("COND_INTEGER_RANGE_ON_DECIMAL: a closed integer range on a fact that can hold decimals", () => {
  test("between: [0, 69] on the total warns at the range, suggesting gte 0 and lt 70", () => {
    const text = rubricText(actionOn("{ fact: total, between: [0, 69] }"));
    const r = safeLoadRubric(text, { file: "t.yaml" });
    expect(r.ok).toBe(true);
    const w = r.ok ? r.warnings.filter((i) => i.code === "COND_INTEGER_RANGE_ON_DECIMAL") : [];
    expect(w).toMatchObject([
      {
        code: "COND_INTEGER_RANGE_ON_DECIMAL",
        severity: "warning",
        params: { condition: "between: [0, 69]", fact: "total", suggestion: "{ all: [ { fact: total, gte: 0 }, { fact: total, lt: 70 } ] }", problem: "69.5 lies between 69 and 70 and escapes it" },
      },
    ]);
    const line = text.split("\n").findIndex((l) => l.includes("between")) + 1;
    expect(w[0]!.source).toEqual({ file: "t.yaml", line, col: text.split("\n")[line - 1]!.indexOf("[0, 69]") + 1 });
  });
  test("what the warning is about: a 0—69 veto written between [0, 69] misses 69.5; lt: 70 catches it", () => {
    const body = (when: string) => `
scoring:
  children:
    - { id: x, kind: input, max: 100 }
rules:
  - { id: low, kind: veto, grade: D, when: ${when}, reason: 0—69分之间一票否决 }
grades:
  - { id: A, min: 90 }
  - { id: C, min: 70 }
  - { id: D }`;
    // 69.5 > 69 lies outside [0, 69]: that veto does not fire; 69.5 < 70 fires the half-open one.
    // (Both subjects are D by bands, 69.5 < 70, so the rules that fired tell them apart.)
    const closed = unit(run(body("{ fact: total, between: [0, 69] }"), [{ id: "s", x: "69.5" }]), "s");
    const open = unit(run(body("{ fact: total, lt: 70 }"), [{ id: "s", x: "69.5" }]), "s");
    expect(closed.rules.map((r) => r.rule)).toEqual([]);
    expect(open.rules.map((r) => r.rule)).toEqual(["low"]);
  });
  test.each([
    ["{ fact: score.x, lte: 59 }", "lt: 60"], // points of an item
    ["{ fact: total, gt: 89 }", "gte: 90"], // 89.5 meets gt 89 though "90分以上" is meant
    ["{ fact: input.tenths, between: [60, 69] }", "{ all: [ { fact: input.tenths, gte: 60 }, { fact: input.tenths, lt: 70 } ] }"],
    ["{ fact: ratio.x, between: [0, 69%] }", "{ all: [ { fact: ratio.x, gte: 0 }, { fact: ratio.x, lt: 70% } ] }"],
    ["{ fact: input.share, lte: 50% }", "lt: 51%"],
    ['{ fact: total, lte: "69" }', "lt: 70"], // a quoted integer is still whole
  ])("%s warns, suggesting %s", (condition, suggestion) => {
    expect(rangeWarnings(actionOn(condition)).map((w) => w.params.suggestion)).toEqual([suggestion]);
  });
  test("gt names the value it wrongly takes in", () => {
    expect(rangeWarnings(actionOn("{ fact: total, gt: 89 }"))[0]!.params.problem).toBe("89.5 meets it though it is below 90");
  });
  test.each([
    ["{ fact: total, lt: 70 }", "half-open bounds never warn"],
    ["{ fact: total, gte: 90 }", "gte"],
    ["{ fact: total, eq: 69 }", "eq"],
    ["{ fact: total, between: [90, 100] }", "the bound is the total's full mark: nothing lies above"],
    ["{ fact: score.x, lte: 60 }", "the bound is the item's max"],
    ["{ fact: input.whole, between: [0, 69] }", "a number input with places: 0 is whole"],
    ["{ fact: input.n, lte: 3 }", "counts are whole"],
    ["{ fact: score.r, between: [0, 29] }", "a node rounded to 0 places is whole"],
    ["{ fact: zeroItems, between: [0, 1] }", "zeroItems is whole"],
    ['{ fact: total, lte: "69.0" }', "a bound written with decimals is kept on purpose"],
    ["{ fact: total, between: [0, 69.5] }", "a decimal bound"],
    ["{ fact: ratio.x, lte: 0.5 }", "a ratio bound written as a fraction is not a whole percentage"],
  ])("%s: no warning (%s)", (condition) => {
    expect(rangeWarnings(actionOn(condition))).toEqual([]);
  });
  test("an outside bonus lifts the total above its full mark: between [90, 100] warns then, not under a limit of 100", () => {
    const bonus = (limit: string) => `
inputs:
  awards: { type: count }
scoring:
  max: 100
${limit}  children:
    - { id: x, kind: input, max: 100 }
  outside:
    - { id: extra, kind: bonus, max: 0, additions: [ { id: none, per: awards, points: 0 } ], outside: [ { id: award, per: awards, points: 0.5 } ] }
actions:
  - { id: top, when: { fact: total, between: [90, 100] } }`;
    // 100 + 0.5 = 100.5 lies above 100: the closed bound 100 can be escaped.
    expect(rangeWarnings(bonus("")).map((w) => w.params.suggestion)).toEqual(["{ all: [ { fact: total, gte: 90 }, { fact: total, lt: 101 } ] }"]);
    expect(rangeWarnings(bonus("  limit: 100\n"))).toEqual([]);
  });
  test("a total rounded to 0 places is whole: no warning", () => {
    expect(rangeWarnings(`rounding: { places: 0 }\n${actionOn("{ fact: total, between: [0, 69] }")}`)).toEqual([]);
  });
  test("another rubric's score can hold decimals: warns", () => {
    const a = rubricText("scoring:\n  max: 100\n  children:\n    - { id: x, kind: input, max: 100 }", { id: "a" });
    const b = rubricText("scoring:\n  max: 100\n  children:\n    - { id: y, kind: input, max: 100 }\nactions:\n  - { id: low, when: { fact: rubric.a.score, lte: 59 } }", { id: "b" });
    const set = safeLoadRubricSet([
      { text: a, file: "a.yaml" },
      { text: b, file: "b.yaml" },
    ]);
    expect(set.ok && set.warnings).toMatchObject([{ code: "COND_INTEGER_RANGE_ON_DECIMAL", rubric: "b", source: { file: "b.yaml" }, params: { suggestion: "lt: 60" } }]);
  });
});

describe("ROOT_MAX_UNDECLARED and the full mark", () => {
  test("a summed root without max warns with the computed full mark, at the scoring key", () => {
    const text = rubricText("scoring:\n  children:\n    - { id: a, kind: input, max: 60 }\n    - { id: b, kind: input, max: 40 }");
    const r = safeLoadRubric(text, { file: "t.yaml" });
    // 60 + 40 = 100
    expect(r.ok && r.warnings).toMatchObject([{ code: "ROOT_MAX_UNDECLARED", severity: "warning", params: { combine: "sum", computed: "100" } }]);
    expect(r.ok && r.warnings[0]!.source).toEqual({ file: "t.yaml", line: text.split("\n").indexOf("scoring:") + 1, col: 1 });
  });
  test("a weighted root without max warns; mean, max and min roots do not; a declared max does not", () => {
    const weighted = "scoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 60% }\n    - { id: b, kind: input, max: 100, weight: 40% }";
    // 60% × 100 + 40% × 100 = 100
    expect(warningsOf(weighted)).toMatchObject([{ code: "ROOT_MAX_UNDECLARED", params: { combine: "weighted", computed: "100" } }]);
    for (const combine of ["mean", "max", "min"])
      expect(warningsOf(`scoring:\n  combine: ${combine}\n  children:\n    - { id: a, kind: input, max: 100 }\n    - { id: b, kind: input, max: 100 }`)).toEqual([]);
    expect(warningsOf(weighted.replace("combine: weighted", "combine: weighted\n  max: 100"))).toEqual([]);
  });
  const SECTIONS = (typo: string) => `
scoring:
  max: 100                          # 满分100分
  children:
    - { id: politics, kind: input, max: 20 }
    - { id: organisation, kind: input, max: 30 }
    - { id: style, kind: input, max: ${typo} }
    - { id: duty, kind: input, max: 30 }`;
  test("a typo max: 25 on one section of a 100-point scheme is MAX_MISMATCH at the root's max (20 + 30 + 25 + 30 = 105)", () => {
    const text = rubricText(SECTIONS("25"));
    const issues = issuesOf(text);
    expect(issues).toMatchObject([{ code: "MAX_MISMATCH", params: { declared: "100", computed: "105" } }]);
    expect(issues[0]!.source).toMatchObject({ line: text.split("\n").findIndex((l) => l.includes("满分100分")) + 1, col: 8 });
  });
  test("the same scheme with the right section max (20) loads clean: 20 + 30 + 20 + 30 = 100", () => {
    expect(warningsOf(SECTIONS("20"))).toEqual([]);
  });
  test("without the root's max the typo loads, and the warning shows the 105", () => {
    expect(warningsOf(SECTIONS("25").replace("  max: 100                          # 满分100分\n", ""))).toMatchObject([{ code: "ROOT_MAX_UNDECLARED", params: { computed: "105" } }]);
  });
});

describe("warnings in the CLI", () => {
  const cli = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: () => Buffer.alloc(0), isTty: false });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  const dir = mkdtempSync(join(tmpdir(), "kaohe-warn-"));
  const file = join(dir, "r.yaml");
  const text = rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\nactions:\n  - { id: low, when: { fact: total, between: [0, 59] } }");
  writeFileSync(file, text);
  writeFileSync(join(dir, "d.csv"), "id,x\nu1,59.5\n");
  const line = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

  test("validate prints each warning as warning: file:line:col  CODE  message and exits 0", () => {
    const r = cli(["validate", file]);
    expect(r.code).toBe(0);
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^warning: ${file}:${line("scoring:")}:1  ROOT_MAX_UNDECLARED  the sum root declares no max`));
    expect(lines[1]).toMatch(new RegExp(`^warning: ${file}:${line("between")}:\\d+  COND_INTEGER_RANGE_ON_DECIMAL  between: \\[0, 59\\] on "total"`));
    expect(r.out).toMatch(/^ok: t \(.*\); 2 warning\(s\)$/);
  });
  test("score prints the warnings too and still scores", () => {
    const r = cli(["score", file, join(dir, "d.csv"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err.split("\n").filter((l) => l.startsWith("warning: "))).toHaveLength(2);
    expect(JSON.parse(r.out).results[0].units[0].score).toBe("59.5");
  });
});

describe("the bundled schemes validate clean", () => {
  const root = new URL("../../rubrics/", import.meta.url).pathname;
  test.each(["chn-energy-2024", "gansu-organs-2017", "hanzhong-2023", "aecc-2022", "aecc-2022/integrity-points", "shenghe-branch"])("rubrics/%s has no warning", (folder) => {
    const scheme = findScheme([join(root, folder)]);
    const r = safeLoadRubricSet(readRubricTexts(scheme.rubricFiles));
    expect(r.ok).toBe(true);
    expect(r.ok ? r.warnings.map(formatIssue) : r.issues.map(formatIssue)).toEqual([]);
  });
});
