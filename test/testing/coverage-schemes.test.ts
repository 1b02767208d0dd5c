/**
 * The bundled schemes meet the coverage bar (issue 11 §2) with their HAND-COMPUTED cases
 * only (tests.yaml and tests: inside the rubrics; the recorded golden.tests.yaml files do
 * not count): every grade band reached and every rule fired and not fired (100%), and at
 * least 90% of all targets per rubric. `kaohe test <folder> --coverage` lists what is missing.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, test } from "vitest";
import { findScheme, loadTests } from "../../src/cli/load.js";
import { safeLoadRubricSet, testCoverage, type TestsWithCoverage } from "../../src/index.js";

const FOLDERS = ["chn-energy-2024", "gansu-organs-2017", "hanzhong-2023", "aecc-2022", "aecc-2022/integrity-points", "shenghe-branch"];
const root = new URL("../../rubrics/", import.meta.url).pathname;

const cache = new Map<string, TestsWithCoverage>();
function coverageOf(folder: string): TestsWithCoverage {
  let c = cache.get(folder);
  if (c) return c;
  const scheme = findScheme([`${root}${folder}`]);
  const set = safeLoadRubricSet(scheme.rubricFiles.map((file) => ({ file, text: readFileSync(file, "utf8") })));
  if (!set.ok) throw new Error(`${folder} does not load`);
  const hand = scheme.testFiles.filter((f) => !basename(f).startsWith("golden."));
  expect(hand.length).toBeGreaterThan(0);
  c = testCoverage(set.value, loadTests(hand));
  cache.set(folder, c);
  return c;
}

describe.each(FOLDERS)("coverage of rubrics/%s by its hand-computed cases", (folder) => {
  test("every case passes", () => {
    const c = coverageOf(folder);
    expect(c.cases.filter((x) => !x.passed).map((x) => x.name)).toEqual([]);
  });

  test("every grade band is reached and every rule fired and not fired", () => {
    for (const r of coverageOf(folder).coverage.rubrics) {
      const missing = r.targets.filter((t) => (t.kind === "band" || t.kind === "rule") && !t.covered).map((t) => `${r.rubric}: ${t.kind} ${t.id} ${t.outcome}`);
      expect(missing).toEqual([]);
    }
  });

  test("at least 90% of all targets per rubric", () => {
    for (const r of coverageOf(folder).coverage.rubrics) {
      const missing = r.targets.filter((t) => !t.covered).map((t) => `${t.kind} ${t.id} ${t.outcome}`);
      expect(r.overall.covered * 100, `${r.rubric} ${r.overall.percent}%: ${missing.join("; ")}`).toBeGreaterThanOrEqual(90 * r.overall.total);
      expect(r.cases, r.rubric).toBeGreaterThan(0);
    }
  });
});

test("the bar can fail: without the cases added for coverage gansu's items are not all at 0", () => {
  // The first 24 cases (those before the coverage section) leave 43 items never at 0: under 90%.
  const scheme = findScheme([`${root}gansu-organs-2017`]);
  const set = safeLoadRubricSet(scheme.rubricFiles.map((file) => ({ file, text: readFileSync(file, "utf8") })));
  if (!set.ok) throw new Error("gansu does not load");
  const tests = loadTests(scheme.testFiles.filter((f) => basename(f) === "tests.yaml")).filter((c) => !/nothing done|69\.99|落实主体责任/.test(c.case.name));
  const r = testCoverage(set.value, tests).coverage.rubrics[0]!;
  expect(r.overall.covered * 100).toBeLessThan(90 * r.overall.total);
  expect(r.targets.filter((t) => t.kind === "item" && t.outcome === "zero" && !t.covered).length).toBe(43);
});
