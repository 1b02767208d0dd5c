/**
 * The feedback rules (docs/rubric-language.md "Feedback"), with hand-computed values:
 * - 个性问题: lost points and points ≤ the cohort's mean;
 * - 亮点: points > the mean, and full marks or the cohort's best;
 * - 共性问题: at least commonShare of the subjects lost at least commonLoss × max.
 */
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess, buildFeedback } from "../../src/index.js";
import { firstInOrder } from "../../src/report/feedback.js";
import { SeededRandom } from "../../scripts/seeded-random.js";
import { compile, evaluate, issuesOf, rubricText } from "../helpers.js";

describe("an item is a problem or a highlight, never both", () => {
  // Four subjects, three items of 10. Means: p (10 + 8 + 6 + 4) / 4 = 7; q (9 + 9 + 9 + 9) / 4 = 9;
  // r (9 + 8 + 7 + 0) / 4 = 6.
  const rubric = compile(`
feedback: { problems: 5, highlights: 5 }
scoring:
  children:
    - { id: p, label: 组织生活, kind: input, max: 10 }
    - { id: q, label: 理论学习, kind: input, max: 10 }
    - { id: r, label: 党建品牌, kind: input, max: 10 }
`);
  const [result] = evaluate(rubric, [
    { id: "a", p: 10, q: 9, r: 9 },
    { id: "b", p: 8, q: 9, r: 8 },
    { id: "c", p: 6, q: 9, r: 7 },
    { id: "d", p: 4, q: 9, r: 0 },
  ]);
  const fb = buildFeedback(rubric, result!);
  const of = (id: string) => fb.subjects.find((s) => s.id === id)!;
  const ids = (list: readonly { item: string }[]) => list.map((x) => x.item);

  test("no subject has an item among both its problems and its highlights", () => {
    for (const s of fb.subjects) expect(ids(s.problems).filter((i) => ids(s.highlights).includes(i))).toEqual([]);
  });
  test("a: p full and above the mean 7 (full); r 9 is the best though not full (best); q 9 is the shared mean: neither", () => {
    expect(of("a").highlights.map((h) => [h.item, h.basis])).toEqual([
      // r: (9 − 6) / 10 = 0.3 above the mean; p: (10 − 7) / 10 = 0.3: equal, by id
      ["p", "full"],
      ["r", "best"],
    ]);
    // q: everyone lost 1 and sits on the mean 9: a loss all share is a problem of each
    expect(ids(of("a").problems)).toEqual(["q"]);
  });
  test("b: p 8 and r 8 are above their means (7, 6) but neither full nor best: no highlight, no problem", () => {
    expect(of("b").highlights).toEqual([]);
    expect(ids(of("b").problems)).toEqual(["q"]);
  });
  test("c: p 6 < 7 is a problem; r 7 > 6 lost points but is above the mean: not a problem", () => {
    // losses: p 4, q 1 → largest first
    expect(of("c").problems.map((p) => [p.item, p.lost, p.batchAverage])).toEqual([
      ["p", "4", "7"],
      ["q", "1", "9"],
    ]);
  });
  test("d: every item lost and at or below its mean", () => {
    // losses: r 10, p 6, q 1
    expect(ids(of("d").problems)).toEqual(["r", "p", "q"]);
    expect(of("d").highlights).toEqual([]);
  });
});

test("a lone subject is its own mean: every item it lost points on is a problem, none a highlight", () => {
  const rubric = compile(`
scoring:
  children:
    - { id: p, kind: input, max: 10 }
    - { id: q, kind: input, max: 10 }
`);
  const [result] = evaluate(rubric, [{ id: "u", p: 7, q: 10 }]);
  const [u] = buildFeedback(rubric, result!).subjects;
  expect(u!.problems.map((p) => p.item)).toEqual(["p"]);
  expect(u!.highlights).toEqual([]);
});

describe("共性问题: commonShare of the subjects lost at least commonLoss of the item's points", () => {
  // Ten subjects, items of 20 points. commonLoss 10% → a subject counts when it lost ≥ 2 points.
  const rubric = compile(`
feedback: { commonShare: 50%, commonLoss: 10% }
scoring:
  children:
    - { id: tiny, label: 小额失分, kind: input, max: 20 }
    - { id: edge, label: 恰好一半, kind: input, max: 20 }
    - { id: under, label: 不足一半, kind: input, max: 20 }
    - { id: mixed, label: 大小失分, kind: input, max: 20 }
`);
  // tiny: all ten lost 1.9 (9.5% < 10%) → no one counts, not common though 100% lost points.
  // edge: 5 of 10 lost exactly 2 (= 10%, counts) → 5/10 = 50% ≥ 50% → common.
  // under: 4 of 10 lost 5 → 40% < 50% → not common.
  // mixed: 3 lost 6, 3 lost 1.99 (below 2, not counted), 4 lost 0 → 3/10 → not common; with
  //        commonLoss 0 (any loss) 6/10 → common.
  const rows = Array.from({ length: 10 }, (_, i) => ({
    id: `u${i}`,
    tiny: "18.1",
    edge: i < 5 ? 18 : 20,
    under: i < 4 ? 15 : 20,
    mixed: i < 3 ? 14 : i < 6 ? "18.01" : 20,
  }));
  const [result] = evaluate(rubric, rows);

  test("exactly on both thresholds is common; just below either is not", () => {
    const fb = buildFeedback(rubric, result!);
    expect(fb.common).toEqual([
      // mean loss of the 5 counted: 2; in the total (a plain sum): 2
      { item: "edge", label: "恰好一半", share: "0.5", subjects: 5, applicable: 10, averageLost: "2", averageLostInTotal: "2" },
    ]);
    expect(fb.threshold).toEqual({ commonShare: "0.5", commonLoss: "0.1" });
  });
  test("options override the thresholds: commonLoss 0 counts any loss", () => {
    const fb = buildFeedback(rubric, result!, { commonLoss: "0" });
    // tiny 10/10, mixed 6/10 (mean loss (3 × 6 + 3 × 1.99) / 6 = 23.97 / 6 = 3.995), edge 5/10
    expect(fb.common.map((c) => [c.item, c.share, c.subjects, c.averageLost])).toEqual([
      ["tiny", "1", 10, "1.9"],
      ["mixed", "0.6", 6, "3.995"],
      ["edge", "0.5", 5, "2"],
    ]);
    expect(buildFeedback(rubric, result!, { commonShare: "40%" }).common.map((c) => c.item)).toEqual(["edge", "under"]);
  });
  test("the defaults are 50% and 10%", () => {
    const plain = compile(`
scoring:
  children:
    - { id: x, kind: input, max: 10 }
`);
    // 2 of 3 lost 1 = 10% of 10 → 2/3 ≥ 50% → common
    const [r] = evaluate(plain, [
      { id: "a", x: 9 },
      { id: "b", x: 9 },
      { id: "c", x: 10 },
    ]);
    const fb = buildFeedback(plain, r!);
    expect(fb.threshold).toEqual({ commonShare: "0.5", commonLoss: "0.1" });
    expect(fb.common.map((c) => [c.item, c.subjects, c.applicable])).toEqual([["x", 2, 3]]);
    // 0.99 lost (9.9%) does not count
    const [r2] = evaluate(plain, [
      { id: "a", x: "9.01" },
      { id: "b", x: "9.01" },
      { id: "c", x: 10 },
    ]);
    expect(buildFeedback(plain, r2!).common).toEqual([]);
  });
  test("the share is of the subjects the item applies to (variants by `only`)", () => {
    const variants = compile(`
inputs:
  kind: { type: choice, values: [村, 社区] }
scoring:
  children:
    - { id: base, kind: input, max: 10 }
    - { id: village, kind: input, max: 10, only: { fact: input.kind, eq: 村 } }
`);
    // village applies to 2 of 4; one of them lost 5 → 1/2 = 50% → common (1/4 would not be)
    const [r] = evaluate(variants, [
      { id: "a", kind: "村", base: 10, village: 5 },
      { id: "b", kind: "村", base: 10, village: 10 },
      { id: "c", kind: "社区", base: 10 },
      { id: "d", kind: "社区", base: 10 },
    ]);
    expect(buildFeedback(variants, r!).common.map((c) => [c.item, c.subjects, c.applicable, c.share])).toEqual([["village", 1, 2, "0.5"]]);
  });
});

test("the example of docs/rubric-language.md (Feedback) loads with its thresholds", () => {
  const rubric = compile(`
feedback: { problems: 3, highlights: 5, commonShare: 50%, commonLoss: 10% }
scoring:
  children:
    - { id: x, kind: input, max: 10 }
`);
  expect([rubric.feedback.commonShare.toString(), rubric.feedback.commonLoss.toString()]).toEqual(["0.5", "0.1"]);
});

test("commonLoss outside 0%..100% is RANGE_INVALID at its path", () => {
  const issues = issuesOf(rubricText(`
feedback: { commonLoss: 120% }
scoring:
  children:
    - { id: x, kind: input, max: 10 }
`));
  expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([["RANGE_INVALID", "feedback.commonLoss"]]);
});

test("the CHN Energy example year (docs: Why commonLoss): not every item is common", () => {
  const scheme = findScheme(["rubrics/chn-energy-2024"]);
  const set = loadSet(scheme);
  const { results } = assess(set, readData(scheme.exampleData!, () => Buffer.alloc(0)).rows, { trail: "points" });
  const responsibility = { rubric: set.rubrics[0]!, result: results[0]! };
  const review = { rubric: set.rubrics[1]!, result: results[1]! };
  // every subsidiary lost some points on all three parts of the 述职评议: any loss makes all three common
  expect(buildFeedback(review.rubric, review.result, { commonLoss: "0" }).common.map((c) => [c.item, c.subjects])).toEqual([
    ["responsibility", 90],
    ["leadership", 90],
    ["self", 90],
  ]);
  expect(buildFeedback(review.rubric, review.result).common).toEqual([]);
  expect(buildFeedback(responsibility.rubric, responsibility.result).common.map((c) => [c.label, c.subjects, c.applicable])).toEqual([
    ['"一岗双责"落实', 51, 90],
    ["党建品牌创建", 46, 90],
  ]);
});

describe("the first problems and highlights in order (firstInOrder)", () => {
  // The feedback orders: by a figure, descending, then by id (never a tie between two items).
  type Item = { id: string; figure: number };
  const order = (a: Item, b: Item) => b.figure - a.figure || (a.id < b.id ? -1 : 1);

  test("exactly the sorted list's first n, on 500 seeded lists with many equal figures", () => {
    const rnd = new SeededRandom(91);
    for (let t = 0; t < 500; t++) {
      const length = Math.floor(rnd.next() * 12);
      const list = Array.from({ length }, (_, i) => ({ id: `i${String(Math.floor(rnd.next() * 1000)).padStart(3, "0")}-${i}`, figure: Math.floor(rnd.next() * 4) }));
      for (const n of [0, 1, 2, 3, 5, 20]) expect(firstInOrder(list, n, order)).toEqual([...list].sort(order).slice(0, n));
    }
  });

  test("by hand: the best three of five, and the list left as it was", () => {
    const list = [
      { id: "c", figure: 1 },
      { id: "a", figure: 3 },
      { id: "e", figure: 3 },
      { id: "b", figure: 0 },
      { id: "d", figure: 2 },
    ];
    expect(firstInOrder(list, 3, order).map((x) => x.id)).toEqual(["a", "e", "d"]);
    expect(list.map((x) => x.id)).toEqual(["c", "a", "e", "b", "d"]);
  });

  test("a count that is no whole number of 0 or more is read as slice reads it", () => {
    const list = [3, 1, 2].map((figure, i) => ({ id: `x${i}`, figure }));
    expect(firstInOrder(list, -1, order).map((x) => x.id)).toEqual(["x0", "x2"]);
    expect(firstInOrder(list, 2.5, order).map((x) => x.id)).toEqual(["x0", "x2"]);
    expect(firstInOrder(list, Number.POSITIVE_INFINITY, order).map((x) => x.id)).toEqual(["x0", "x2", "x1"]);
    expect(firstInOrder(list, Number.NaN, order)).toEqual([]);
  });
});
