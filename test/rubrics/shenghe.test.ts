/**
 * Seed 004 (盛和城镇党支部): exact weights, 7 aspects / 33 sub-items, and what the
 * second-half revision changes.
 */
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess, type GroupNode } from "../../src/index.js";

const folder = new URL("../../rubrics/shenghe-branch", import.meta.url).pathname;
const scheme = findScheme([folder]);
const set = loadSet(scheme);
const rubric = (id: string) => set.rubrics.find((r) => r.id === id)!;

describe("shenghe-branch", () => {
  test.each(["shenghe-party-2024h1", "shenghe-party-2024h2"])("%s: weights exactly 10/20/20/15/15/20", (id) => {
    expect(rubric(id).root.children.map((c) => [c.label, c.weight!.toFixed()])).toEqual([
      ["组织建设", "0.1"],
      ["班子建设", "0.2"],
      ["队伍建设", "0.2"],
      ["制度执行", "0.15"],
      ["工作保障", "0.15"],
      ["纪律监督", "0.2"],
    ]);
  });
  test.each(["shenghe-party-2024h1", "shenghe-party-2024h2"])("%s: 7 aspects and 33 sub-items", (id) => {
    const root = rubric(id).root;
    const aspects = [...root.children, ...root.outside] as GroupNode[];
    expect(aspects).toHaveLength(7);
    expect(aspects.flatMap((a) => a.children)).toHaveLength(33);
  });
  test("the second-half revision changes results on the example year", () => {
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const results = assess(set, rows).results;
    const score = (rid: string, uid: string) => results.find((r) => r.rubric.id === rid)!.units.find((u) => u.id === uid)!.score;
    expect([score("shenghe-party-2024h1", "C06"), score("shenghe-party-2024h2", "C06")]).toEqual(["95.50", "94.70"]);
    expect([score("shenghe-party-2024h1", "C03"), score("shenghe-party-2024h2", "C03")]).toEqual(["82.17", "85.37"]);
  });
});
