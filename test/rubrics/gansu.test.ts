/**
 * Seed 001 (甘肃省直机关工委): the shape of the rubric and its example year.
 */
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess, buildFeedback, type GroupNode, type ItemNode } from "../../src/index.js";

const folder = new URL("../../rubrics/gansu-organs-2017", import.meta.url).pathname;
const scheme = findScheme([folder]);
const rubric = loadSet(scheme).rubrics[0]!;
const onsite = rubric.nodes.get("onsite") as GroupNode;
const areas = onsite.children as GroupNode[];
const categories = areas.flatMap((a) => a.children as GroupNode[]);
const items = [...categories.flatMap((c) => c.children as ItemNode[]), ...(onsite.outside as ItemNode[])];

describe("gansu-organs-2017", () => {
  test("4 areas, 16 categories, 71 items", () => {
    expect(areas.map((a) => a.label)).toEqual(["服务中心工作", "落实主体责任", "完成重点任务", "强化基础保障"]);
    expect(categories).toHaveLength(16);
    expect(items).toHaveLength(71);
  });
  test("57 quantitative, 11 qualitative, 3 bonus items", () => {
    const kinds = items.map((i) => i.method.kind);
    expect(kinds.filter((k) => k === "levels")).toHaveLength(11);
    expect(kinds.filter((k) => k === "bonus")).toHaveLength(3);
    expect(kinds.filter((k) => k !== "levels" && k !== "bonus")).toHaveLength(57);
  });
  test("on site 60%, regular 30%, democratic 10%", () => {
    expect(rubric.root.children.map((c) => [c.id, c.weight?.toFixed()])).toEqual([
      ["onsite", "0.6"],
      ["regular", "0.3"],
      ["democratic", "0.1"],
    ]);
  });
  test("the example year: 105 departments in 11 groups, each with at most 3 problems and 5 highlights", () => {
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const result = assess(rubric, rows, { trail: "points" }).results[0]!;
    expect(result.summary.count).toBe(105);
    expect(Object.keys(result.summary.byGroup!)).toHaveLength(11);
    const feedback = buildFeedback(rubric, result);
    for (const s of feedback.subjects) {
      expect(s.problems.length).toBeLessThanOrEqual(3);
      expect(s.highlights.length).toBeLessThanOrEqual(5);
    }
    expect(feedback.subjects.filter((s) => s.problems.length >= 2).length).toBeGreaterThan(90);
    expect(feedback.common.length).toBeGreaterThan(0);
  });
});
