/**
 * Invariants of the engine, checked on generated batches.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { assess, loadRubric } from "../../src/index.js";
import { rubricText } from "../helpers.js";

const RUBRIC = rubricText(`
rounding: { places: 2 }
inputs:
  violation: { type: boolean, default: false }
  business: { type: grade, scale: [A, B, C, D] }
  corruption: { type: count, default: 0 }
grades:
  - { id: good, min: 90 }
  - { id: fair, min: 80 }
  - { id: average, min: 70 }
  - { id: poor }
scoring:
  combine: weighted
  children:
    - { id: self, kind: input, max: 100, weight: 10% }
    - id: duty
      weight: 70%
      children:
        - { id: meetings, kind: deduct, max: 40, deductions: [ { id: fewer, shortfall: { input: held, required: 4 }, points: 2.5 } ] }
        - { id: quality, kind: levels, max: 60, levels: { 好: 60, 较好: 45, 一般: 30, 差: 0 } }
    - { id: leaders, kind: panel, max: 100, weight: 20%, trim: { above: 3 } }
rules:
  - { id: veto, kind: veto, when: { fact: input.corruption, gte: 2 }, reason: veto }
  - { id: down, kind: downgrade, when: input.violation, reason: down }
  - { id: cap, kind: cap, grade: fair, when: { fact: input.business, worseThan: A }, reason: cap }
quotas:
  - { id: good-half, grade: good, share: 50% }
  - { id: fair-group, grade: fair, share: 40%, scope: group }
actions:
  - { id: talk, label: 约谈, when: { fact: grade, eq: average } }
`);
const rubric = loadRubric(RUBRIC, { file: "prop.yaml" });
const GRADES = ["good", "fair", "average", "poor"];

const decimal = (max: number, places = 2) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => (n / 10 ** places).toFixed(places));

const subject = fc.record({
  self: decimal(100),
  held: fc.integer({ min: 0, max: 6 }),
  quality: fc.constantFrom("好", "较好", "一般", "差"),
  leaders: fc.array(decimal(100, 1), { minLength: 1, maxLength: 7 }),
  violation: fc.boolean(),
  business: fc.constantFrom("A", "A", "A", "B", "C"),
  corruption: fc.integer({ min: 0, max: 2 }),
  group: fc.constantFrom("north", "south"),
});
const batch = fc.array(subject, { minLength: 1, maxLength: 40 }).map((rows) => rows.map((r, i) => ({ id: `u${String(i).padStart(3, "0")}`, ...r })));

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("engine invariants", () => {
  test.prop([batch, fc.integer()])("results and ranks do not depend on input order", (rows, seed) => {
    const a = assess(rubric, rows);
    const b = assess(rubric, shuffle(rows, seed));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  test.prop([batch])("the same input gives byte-identical output, even from a freshly loaded rubric", (rows) => {
    const again = loadRubric(RUBRIC, { file: "prop.yaml" });
    expect(JSON.stringify(assess(again, rows))).toBe(JSON.stringify(assess(rubric, rows)));
  });

  test.prop([batch])("a quota is never exceeded in its scope", (rows) => {
    const units = assess(rubric, rows).results[0]!.units;
    const graded = units.filter((u) => u.grade !== null);
    expect(graded.filter((u) => u.grade === "good").length).toBeLessThanOrEqual(Math.floor(graded.length * 0.5));
    for (const g of ["north", "south"]) {
      const inGroup = graded.filter((u) => u.group === g);
      const fairByCompetition = inGroup.filter((u) => u.grade === "fair" && !u.adjustments.some((a) => a.kind !== "quota"));
      const heldByRules = inGroup.filter((u) => u.grade === "fair" && u.adjustments.some((a) => a.kind !== "quota")).length;
      expect(fairByCompetition.length).toBeLessThanOrEqual(Math.max(0, Math.floor(inGroup.length * 0.4) - heldByRules));
    }
  });

  test.prop([batch])("rules and quotas never raise a grade", (rows) => {
    for (const u of assess(rubric, rows).results[0]!.units) {
      expect(GRADES.indexOf(u.grade!)).toBeGreaterThanOrEqual(GRADES.indexOf(u.rawGrade!));
      for (const a of u.adjustments) expect(GRADES.indexOf(a.to!)).toBeGreaterThan(GRADES.indexOf(a.from!));
    }
  });

  test.prop([batch])("a matched veto always ends at the lowest grade", (rows) => {
    for (const u of assess(rubric, rows).results[0]!.units) if (u.rules.some((r) => r.rule === "veto")) expect(u.grade).toBe("poor");
  });

  test.prop([batch])("item points stay within 0..max and the weighted parts add up to the total", (rows) => {
    for (const u of assess(rubric, rows).results[0]!.units) {
      for (const n of u.nodes) {
        expect(Number(n.points)).toBeGreaterThanOrEqual(0);
        expect(Number(n.points)).toBeLessThanOrEqual(Number(n.max));
      }
      const byId = Object.fromEntries(u.nodes.map((n) => [n.id, n.points]));
      const duty = Number(byId.meetings) + Number(byId.quality);
      expect(Number(byId.duty)).toBeCloseTo(duty, 10);
      const total = 0.1 * Number(byId.self) + 0.7 * Number(byId.duty) + 0.2 * Number(byId.leaders);
      if (!u.adjustments.some((a) => a.kind === "veto")) expect(Math.abs(Number(u.score) - total)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  test.prop([batch])("ranks are competition ranks, monotone in the score", (rows) => {
    const units = assess(rubric, rows).results[0]!.units;
    units.forEach((u, i) => {
      if (i === 0) return expect(u.rank).toBe(1);
      const prev = units[i - 1]!;
      expect(Number(prev.score)).toBeGreaterThanOrEqual(Number(u.score));
      expect(u.rank).toBe(prev.score === u.score ? prev.rank : i + 1);
    });
  });
});
