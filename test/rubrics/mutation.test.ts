/**
 * Changing one number of a bundled rubric must make at least one of its HAND-COMPUTED
 * cases (tests.yaml) fail; the recorded golden.tests.yaml files do not count (they are
 * the engine's own output, a regression net, not proof). Every grade threshold, weight
 * and quota share must be caught; over all numbers at least 95% per folder. The few
 * survivors are equivalent mutants, each listed with its reason in EQUIVALENT
 * (scripts/mutation-survivors.ts); an unlisted survivor, or a listed one that no
 * longer survives, fails the test.
 */
import { describe, expect, test } from "vitest";
import { EQUIVALENT, isGoldenFile, isSeedNumber, mutantKey, survivors } from "../../scripts/mutation-survivors.js";

const FOLDERS = ["chn-energy-2024", "gansu-organs-2017", "hanzhong-2023", "aecc-2022", "aecc-2022/integrity-points", "shenghe-branch"];
const root = new URL("../../rubrics/", import.meta.url).pathname;

// Computed once per folder, inside the first test body that needs it (not at collection).
const cache = new Map<string, ReturnType<typeof survivors>>();
const resultOf = (folder: string) => {
  let r = cache.get(folder);
  if (!r) cache.set(folder, (r = survivors(`${root}${folder}`)));
  return r;
};

describe.each(FOLDERS)("mutants of rubrics/%s", (folder) => {
  test("only hand-computed cases are used", () => {
    const { testFiles } = resultOf(folder);
    expect(testFiles.length).toBeGreaterThan(0);
    expect(testFiles.filter(isGoldenFile)).toEqual([]);
  }, 180_000);

  test("a changed grade threshold, weight or quota share fails a hand case", () => {
    const seedNumbers = resultOf(folder).survivors.filter(isSeedNumber);
    expect(seedNumbers.map(mutantKey)).toEqual([]);
  }, 180_000);

  test("every survivor is a listed equivalent mutant, and every listed one survives", () => {
    const alive = resultOf(folder).survivors.map(mutantKey).sort();
    const listed = (EQUIVALENT[folder] ?? []).map((e) => e.mutant).sort();
    expect(alive).toEqual(listed);
  }, 180_000);

  test("at least 95% of single-number mutants fail a hand case", () => {
    const { total, survivors: alive } = resultOf(folder);
    expect(total).toBeGreaterThan(20);
    expect(1 - alive.length / total).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});

test("the allow-list covers known folders only and gives every entry a reason", () => {
  // (It cannot hold a threshold, weight or quota share: it equals the survivors, which hold none.)
  for (const [folder, list] of Object.entries(EQUIVALENT)) {
    expect(FOLDERS).toContain(folder);
    for (const e of list) expect(e.reason.length, e.mutant).toBeGreaterThan(20);
  }
});
