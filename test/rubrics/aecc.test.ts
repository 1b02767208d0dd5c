/**
 * Seed 003 (中国航发中传): periods, 7 aspects and 30 standards, tiers and the unit link.
 */
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess, type GroupNode } from "../../src/index.js";

const folder = new URL("../../rubrics/aecc-2022", import.meta.url).pathname;
const scheme = findScheme([folder]);
const set = loadSet(scheme);
const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
const [responsibility, unit] = assess(set, rows, { trail: "points" }).results;

describe("aecc-2022", () => {
  test("the responsibility list is checked monthly, quarterly and half-yearly", () => {
    const r = set.rubrics.find((x) => x.id === "aecc-responsibility-2022")!;
    const list = r.nodes.get("responsibility-list") as GroupNode;
    expect(list.children.map((c) => [c.id, c.type === "item" && c.method.kind === "periods" ? c.method.count : 0])).toEqual([
      ["monthly", 12],
      ["quarterly", 4],
      ["half-year", 2],
    ]);
  });
  test("党风廉政建设责任制: 7 aspects and 30 standards", () => {
    const r = set.rubrics.find((x) => x.id === "aecc-responsibility-2022")!;
    const integrity = r.nodes.get("integrity") as GroupNode;
    expect(integrity.children).toHaveLength(7);
    expect(integrity.children.flatMap((a) => (a as GroupNode).children)).toHaveLength(30);
  });
  test("every branch has a tier with its follow-up; all three tiers occur", () => {
    const tiers = new Set(responsibility!.units.map((u) => u.tier?.id));
    expect([...tiers].sort()).toEqual(["advanced", "lagging", "middle"]);
    for (const u of responsibility!.units) expect(u.tier?.followUp).toMatch(/看创新|促提升|抓基础/);
  });
  test("a branch at 一般 or below never leaves its unit at A", () => {
    const grade = new Map(responsibility!.units.map((u) => [u.id, u.grade]));
    for (const u of unit!.units) if (grade.get(u.id) === "average" || grade.get(u.id) === "poor") expect(u.grade).not.toBe("A");
  });
  test("the member scheme is a scheme of its own", () => {
    const members = findScheme([`${folder}/integrity-points`]);
    expect(loadSet(members).rubrics.map((r) => r.id)).toEqual(["aecc-integrity-points-2022"]);
  });
});
