/**
 * The feedback's batch statistics from the score columns (src/report/feedback-columns.ts):
 * the common problems (共性问题) of `buildFeedback(…, { perSubject: false })` on a result
 * whose units are unread, computed from the integer path instead of every unit's trail.
 * Hand-computed cases at the loss threshold, with Dec rows (an absent input) and excluded
 * subjects among clean ones; and, for every bundled scheme and a generated batch, the
 * same feedback as reading the trails.
 */
import { describe, expect, test } from "vitest";
import { assess, loadRubric, loadRubricSet } from "../../src/index.js";
import { buildFeedback } from "../../src/report/feedback.js";
import { statsFromColumns } from "../../src/report/feedback-columns.js";
import { unreadUnits, type RubricResult } from "../../src/report/result.js";
import { findScheme, readData, readRubricTexts } from "../../src/cli/load.js";
import { bundledSchemes, schemeName } from "../equivalence/corpus.js";
import { dec } from "../../src/decimal/decimal.js";
import { rubricYaml as gansuYaml, subjects as gansuSubjects } from "../../bench/gansu-shape.js";

/** Items a, b (max 1.5, two decimals) and c (max 10, whole points), common share 50%, loss from 10%. */
const RUBRIC = [
  "kaohe: 1",
  "id: fb",
  "name: 反馈",
  "year: 2024",
  'version: "1"',
  "inputs:",
  "  skip: { type: boolean, default: false }",
  "  b: { type: number, min: 0, max: 1.5, missing: zero }",
  "grades:",
  "  - { id: good, label: 好, min: 5 }",
  "  - { id: poor, label: 差 }",
  "scoring:",
  "  max: 13",
  "  children:",
  "    - { id: a, label: 学习, kind: input, max: 1.5 }",
  "    - { id: b, label: 组织, kind: input, max: 1.5 }",
  "    - { id: c, label: 作风, kind: input, max: 10 }",
  "rules:",
  "  - { id: skip, kind: exclude, when: input.skip, reason: 不参加 }",
  "feedback: { commonShare: 50%, commonLoss: 10% }",
  "",
].join("\n");

const summary = (result: RubricResult, rubric: ReturnType<typeof loadRubric>, options: { commonLoss?: string } = {}) => buildFeedback(rubric, result, { perSubject: false, ...options });

describe("common problems from the columns, by hand", () => {
  const rubric = loadRubric(RUBRIC);
  // a: lost 0.15 (= 10% of 1.5: counts, ≥), 0.14 (does not), 1.5 (counts); the excluded subject's 0 is not seen.
  // b: s3 lacks b (missing: zero, so b = 0 and s3 is re-scored in Dec): lost 1.5 counts; s1 lost 0.2, s2 none.
  // c: whole points; lost 1 (= 10% of 10) counts for s1 and s2, s3 lost 0.
  const rows = [
    { id: "s1", a: 1.35, b: 1.3, c: 9 },
    { id: "s2", a: 1.36, b: 1.5, c: 9 },
    { id: "s3", a: 0, c: 10 },
    { id: "s4", a: 0, b: 0, c: 0, skip: true },
  ];

  test("the columns give the figures (the path is taken), and they are the hand-computed ones", () => {
    const result = assess(rubric, rows, { trail: "points" }).results[0]!;
    const unread = unreadUnits(result)!;
    const stats = statsFromColumns(rubric, unread.source, unread.tables, ["a", "b", "c"], new Set(), dec("0.1"))!;
    expect(stats).toBeDefined();
    // a: losers s1 (0.15) and s3 (1.5): 2 of 3 seen; lost 1.65; Σ points 1.35 + 1.36 + 0 = 2.71; best 1.36.
    expect(stats.get("a")).toEqual({ label: "学习", losers: 2, lost: dec("1.65"), pointsSum: dec("2.71"), seen: 3, best: dec("1.36") });
    // b: losers s1 (0.2 ≥ 0.15) and s3 (1.5, a Dec row): lost 1.7; Σ 1.3 + 1.5 + 0 = 2.8; best 1.5.
    expect(stats.get("b")).toEqual({ label: "组织", losers: 2, lost: dec("1.7"), pointsSum: dec("2.8"), seen: 3, best: dec("1.5") });
    // c: losers s1, s2 (1 ≥ 1): lost 2; Σ 28; best 10.
    expect(stats.get("c")).toEqual({ label: "作风", losers: 2, lost: dec("2"), pointsSum: dec("28"), seen: 3, best: dec("10") });
    const fb = summary(result, rubric);
    // Each 2 of 3 (share 0.6667 ≥ 50%); averageLost 1.65 / 2 = 0.825, 1.7 / 2 = 0.85, 2 / 2 = 1; factor 1 to the total.
    expect(fb.common.map((c) => [c.item, c.share, c.subjects, c.applicable, c.averageLost, c.averageLostInTotal])).toEqual([
      ["c", "0.6667", 2, 3, "1", "1"],
      ["b", "0.6667", 2, 3, "0.85", "0.85"],
      ["a", "0.6667", 2, 3, "0.825", "0.825"],
    ]);
    // Reading the units' trails gives the same.
    const read = assess(rubric, rows, { trail: "points" }).results[0]!;
    expect(read.units).toHaveLength(4);
    expect(summary(read, rubric)).toEqual(fb);
    // Per subject from the columns: s3 (a Dec row) lost 1.5 on a and on b, at or below their means (0.9033…, 0.9333…): both are problems.
    const full = buildFeedback(rubric, assess(rubric, rows, { trail: "points" }).results[0]!);
    const s3 = full.subjects.find((f) => f.id === "s3")!;
    expect(s3.problems.map((p) => [p.item, p.points, p.max, p.lost, p.batchAverage])).toEqual([
      ["a", "0", "1.5", "1.5", "0.9033"],
      ["b", "0", "1.5", "1.5", "0.9333"],
    ]);
    // s3's 10 on c is full marks above the mean 9.3333: a highlight.
    expect(s3.highlights.map((h) => [h.item, h.basis])).toEqual([["c", "full"]]);
    expect(full).toEqual(buildFeedback(rubric, read));
  });

  test("a threshold that is not whole at the scale counts from its ceiling: 15% of 1.5 = 0.225, so 0.23 counts and 0.22 does not", () => {
    const result = () => assess(rubric, [{ id: "s1", a: 1.27, b: 1.5, c: 10 }, { id: "s2", a: 1.28, b: 1.5, c: 10 }], { trail: "points" }).results[0]!;
    const unread = unreadUnits(result())!;
    const stats = statsFromColumns(rubric, unread.source, unread.tables, ["a"], new Set(), dec("0.15"))!;
    // s1 lost 0.23 (≥ 0.225), s2 lost 0.22 (< 0.225).
    expect(stats.get("a")!.losers).toBe(1);
    expect(stats.get("a")!.lost).toEqual(dec("0.23"));
    const fresh = summary(result(), rubric, { commonLoss: "15%" });
    const r = result();
    void r.units;
    expect(summary(r, rubric, { commonLoss: "15%" })).toEqual(fresh);
    expect(fresh.common.map((c) => [c.item, c.subjects, c.applicable])).toEqual([["a", 1, 2]]);
  });

  test("a bonus item's loss never counts; trail none gives no figures from the columns", () => {
    const result = assess(rubric, rows, { trail: "points" }).results[0]!;
    const unread = unreadUnits(result)!;
    expect(statsFromColumns(rubric, unread.source, unread.tables, ["a"], new Set(["a"]), dec("0.1"))!.get("a")!.losers).toBe(0);
    const none = assess(rubric, rows, { trail: "none" }).results[0]!;
    const u = unreadUnits(none)!;
    expect(statsFromColumns(rubric, u.source, u.tables, ["a"], new Set(), dec("0.1"))).toBeUndefined();
  });
});

describe("each subject's problems and highlights from the columns, at the mean", () => {
  const rubric = loadRubric(RUBRIC);
  // a: 1.0, 1.2, 1.4: mean 1.2, best 1.4. s1 is below the mean and s2 exactly at it, both with a loss: a problem
  // each. s3 is above the mean without full marks but with the batch's best: a highlight ("best").
  // b and c: full marks for all, each subject at the mean: neither a problem (no loss) nor a highlight (not above).
  const rows = [
    { id: "s1", a: 1.0, b: 1.5, c: 10 },
    { id: "s2", a: 1.2, b: 1.5, c: 10 },
    { id: "s3", a: 1.4, b: 1.5, c: 10 },
  ];

  test("a loss exactly at the mean is a problem; above it, the best without full marks is a highlight", () => {
    const fresh = assess(rubric, rows, { trail: "points" }).results[0]!;
    expect(unreadUnits(fresh)).toBeDefined();
    const fb = buildFeedback(rubric, fresh);
    const shown = fb.subjects.map((f) => [f.id, f.problems.map((p) => [p.item, p.lost, p.batchAverage]), f.highlights.map((h) => [h.item, h.basis])]);
    expect(shown).toEqual([
      ["s3", [], [["a", "best"]]],
      ["s2", [["a", "0.3", "1.2"]], []],
      ["s1", [["a", "0.5", "1.2"]], []],
    ]);
    // The trails give the same.
    const read = assess(rubric, rows, { trail: "points" }).results[0]!;
    void read.units;
    expect(buildFeedback(rubric, read)).toEqual(fb);
  });
});

describe("the same feedback as reading every unit's trail", { timeout: 60_000 }, () => {
  test.each(bundledSchemes().map((f) => [schemeName(f), f]))("%s", (_name, folder) => {
    const scheme = findScheme([folder]);
    const set = loadRubricSet(readRubricTexts(scheme.rubricFiles));
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const fresh = assess(set, rows, { trail: "points" }).results;
    const read = assess(set, rows, { trail: "points" }).results;
    fresh.forEach((result, i) => {
      const rubric = set.rubrics[i]!;
      const fromColumns = summary(result, rubric);
      void read[i]!.units;
      expect(fromColumns).toEqual(summary(read[i]!, rubric));
      // Per subject (problems, highlights, points to the next grade), from the columns and from the trails.
      const full = buildFeedback(rubric, assess(set, rows, { trail: "points" }).results[i]!);
      expect(full).toEqual(buildFeedback(rubric, read[i]!));
      expect(fromColumns.common).toEqual(full.common);
    });
  });

  test("a generated 71-item batch across two blocks (2,500 subjects): from the columns, and equal", () => {
    const rubric = loadRubric(gansuYaml());
    const data = [...gansuSubjects(2500)];
    const fresh = assess(rubric, data, { trail: "points" }).results[0]!;
    const unread = unreadUnits(fresh)!;
    expect(statsFromColumns(rubric, unread.source, unread.tables, [...rubric.feedback.items.keys()], new Set(), rubric.feedback.commonLoss)).toBeDefined();
    const fb = summary(fresh, rubric);
    expect(fb.common.length).toBeGreaterThan(0);
    // Still unread: the writer after it can write the units from the tables.
    expect(unreadUnits(fresh)).toBeDefined();
    const read = assess(rubric, data, { trail: "points" }).results[0]!;
    void read.units;
    expect(fb).toEqual(summary(read, rubric));
    const full = buildFeedback(rubric, assess(rubric, data, { trail: "points" }).results[0]!, { locale: "zh-CN" });
    expect(full.subjects).toHaveLength(2500);
    expect(full.subjects.some((f) => f.problems.length > 0 && f.highlights.length > 0)).toBe(true);
    expect(full).toEqual(buildFeedback(rubric, read, { locale: "zh-CN" }));
  });
});
