/**
 * Changing one number of a bundled rubric must make at least one of its test cases
 * fail. Every grade threshold, weight and quota share must be caught; over all
 * numbers at least 95% (the rest are listed by scripts/mutation-survivors.ts: mostly
 * equivalent mutants, such as an amount already capped by its item's max).
 */
import { describe, expect, test } from "vitest";
import { survivors } from "../../scripts/mutation-survivors.js";

const FOLDERS = ["chn-energy-2024", "gansu-organs-2017", "hanzhong-2023", "aecc-2022", "aecc-2022/integrity-points", "shenghe-branch"];
const root = new URL("../../rubrics/", import.meta.url).pathname;

describe.each(FOLDERS)("mutants of rubrics/%s", (folder) => {
  const result = survivors(`${root}${folder}`);

  test("a changed grade threshold, weight or quota share fails a case", () => {
    const seedNumbers = result.survivors.filter((m) => m.path === "weight" || m.section === "quotas" || m.section === "grades");
    expect(seedNumbers.map((m) => `${m.path}: ${m.from} → ${m.to}`)).toEqual([]);
  });

  test("at least 95% of single-number mutants fail a case", () => {
    expect(result.total).toBeGreaterThan(20);
    expect(1 - result.survivors.length / result.total).toBeGreaterThanOrEqual(0.95);
  });
}, 60_000);
