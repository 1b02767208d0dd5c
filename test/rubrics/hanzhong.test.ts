/**
 * Seed 002 (汉中市): domains, draws and problem lists on the example year.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess, buildFeedback, draw } from "../../src/index.js";

const folder = new URL("../../rubrics/hanzhong-2023/", import.meta.url).pathname;
const scheme = findScheme([folder]);
const rubric = loadSet(scheme).rubrics[0]!;
const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
const result = assess(rubric, rows, { trail: "points" }).results[0]!;

describe("hanzhong-2023", () => {
  test("five domains, each answering its own extra questions only", () => {
    expect(Object.keys(result.summary.byGroup!).sort()).toEqual(["公立医院", "国有企业", "学校", "市直机关", "村社区"]);
    const extraOf = { 村社区: "village-star", 市直机关: "organ-model", 国有企业: "soe", 公立医院: "hospital", 学校: "school" } as Record<string, string>;
    for (const u of result.units) {
      const present = Object.values(extraOf).filter((id) => u.nodes.some((n) => n.id === id));
      expect(present).toEqual([extraOf[u.group!]]);
    }
  });
  test("21 on-site reporters are drawn reproducibly, every domain represented", () => {
    const options = { count: 21, seed: "2024-01-18 述职评议会 抽签", key: (r: Record<string, unknown>) => String(r.id), stratum: (r: Record<string, unknown>) => String(r.group) };
    const a = draw(rows, options);
    expect(a.selected).toHaveLength(21);
    expect(draw([...rows].reverse(), options).selected).toEqual(a.selected);
    expect(a.strata!.every((s) => s.drawn > 0)).toBe(true);
  });
  test("the 三随机 pools are the committed generator's output", async () => {
    const mod = (await import(`${folder}generate-example.ts`)) as { drawPools: () => Record<string, string> };
    for (const [name, text] of Object.entries(mod.drawPools())) expect(readFileSync(`${folder}${name}`, "utf8") === text, name).toBe(true);
  });
  test("the batch feedback gives common problems and individual problem lists", () => {
    const fb = buildFeedback(rubric, result);
    expect(fb.common.length).toBeGreaterThan(0);
    for (const c of fb.common) expect(Number(c.share)).toBeGreaterThanOrEqual(0.5);
    expect(fb.subjects.filter((s) => s.problems.length > 0).length).toBeGreaterThan(150);
  });
  test("every secretary below 80% rectification is at most 较好", () => {
    for (const u of result.units) {
      const rect = u.nodes.find((n) => n.id === "rectification")!;
      if (Number(rect.points) / Number(rect.max) < 0.8) expect(u.grade).not.toBe("good");
    }
  });
});
