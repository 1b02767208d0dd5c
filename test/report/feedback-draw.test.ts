import { describe, expect, test } from "vitest";
import { buildFeedback, draw } from "../../src/index.js";
import { compile, evaluate, unit } from "../helpers.js";

describe("buildFeedback", () => {
  const rubric = compile(`
scoring:
  children:
    - { id: study, label: 理论学习, kind: input, max: 30 }
    - { id: meetings, label: 三会一课, kind: input, max: 40 }
    - { id: brand, label: 党建品牌, kind: input, max: 30 }
`);
  const [result] = evaluate(rubric, [
    { id: "a", study: 30, meetings: 30, brand: 30 },
    { id: "b", study: 20, meetings: 35, brand: 30 },
    { id: "c", study: 25, meetings: 40, brand: 10 },
  ]);
  const fb = buildFeedback(rubric, result!, { problems: 2, highlights: 1, commonShare: "60%" });

  test("individual problems: the items that lost most points, largest first", () => {
    expect(fb.subjects.find((s) => s.id === "c")!.problems).toEqual([
      // brand: mean (30 + 30 + 10) / 3 = 23.3333, c's 10 is below; study: mean (30 + 20 + 25) / 3 = 25, c is at it
      { item: "brand", label: "党建品牌", points: "10", max: "30", lost: "20", lostInTotal: "20", batchAverage: "23.3333" },
      { item: "study", label: "理论学习", points: "25", max: "30", lost: "5", lostInTotal: "5", batchAverage: "25" },
    ]);
  });
  test("a normalised group (折算) scales its items' cost in the total", () => {
    const normalised = compile(`
scoring:
  children:
    - id: block
      normalizeTo: 50
      children:
        - { id: a, kind: input, max: 40 }
        - { id: b, kind: input, max: 60 }
    - { id: c, kind: input, max: 50 }
`);
    const [r] = evaluate(normalised, [{ id: "u", a: 30, b: 60, c: 40 }]);
    // block: 90 of 100 → 45 of 50; a lost 10 block points = 5 total points; c lost 10
    expect(buildFeedback(normalised, r!).subjects[0]!.problems.map((p) => [p.item, p.lostInTotal])).toEqual([
      ["c", "10"],
      ["a", "5"],
    ]);
    expect(unit(r!, "u").score).toBe("85");
  });

  test("problems are ranked by what they cost in the total, through the weights above them", () => {
    const weighted = compile(`
feedback: { within: [onsite, democratic] }
scoring:
  combine: weighted
  children:
    - id: onsite
      weight: 60%
      children:
        - { id: meetings, kind: input, max: 40 }
        - { id: study, kind: input, max: 60 }
    - { id: democratic, kind: input, max: 100, weight: 10% }
    - { id: regular, kind: input, max: 100, weight: 30% }
`);
    const [r] = evaluate(weighted, [{ id: "u", meetings: 30, study: 60, democratic: 80, regular: 50 }]);
    // meetings lost 10 × 0.6 = 6 in the total; democratic 20 × 0.1 = 2; regular is outside `within`
    expect(buildFeedback(weighted, r!).subjects[0]!.problems.map((p) => [p.item, p.lost, p.lostInTotal])).toEqual([
      ["meetings", "10", "6"],
      ["democratic", "20", "2"],
    ]);
  });
  test("common problems: items where at least the declared share lost points", () => {
    // study: b and c lost (2/3); meetings: a and b lost (2/3); brand: c only (1/3)
    expect(fb.common.map((c) => [c.item, c.share, c.subjects, c.averageLost])).toEqual([
      ["meetings", "0.6667", 2, "7.5"], // equal share and loss: by item id
      ["study", "0.6667", 2, "7.5"],
    ]);
  });
  test("highlights: the item furthest above the batch average", () => {
    expect(fb.subjects.find((s) => s.id === "c")!.highlights.map((h) => h.item)).toEqual(["meetings"]);
  });
  test("points to the next grade", () => {
    // a: 90 → A already; b: 85 → B, needs 5 for A; c: 75 → B, needs 15
    expect(fb.subjects.map((s) => [s.id, s.toNextGrade])).toEqual([
      ["a", null],
      ["b", { grade: "A", points: "5" }],
      ["c", { grade: "A", points: "15" }],
    ]);
  });
});

test("the rubric's feedback settings are the defaults; options override them", () => {
  const rubric = compile(`
feedback: { problems: 1, highlights: 0, commonShare: 100% }
scoring:
  children:
    - { id: a, kind: input, max: 50 }
    - { id: b, kind: input, max: 50 }
`);
  const [result] = evaluate(rubric, [
    { id: "x", a: 40, b: 45 },
    { id: "y", a: 40, b: 50 },
  ]);
  const fb = buildFeedback(rubric, result!);
  expect(fb.subjects.map((s) => [s.problems.map((p) => p.item), s.highlights.length])).toEqual([
    [["a"], 0],
    [["a"], 0],
  ]);
  expect(fb.common.map((c) => c.item)).toEqual(["a"]); // b: only x lost points (50%)
  expect(buildFeedback(rubric, result!, { problems: 2, commonShare: "50%" }).common.map((c) => c.item)).toEqual(["a", "b"]);
});

describe("draw", () => {
  const pool = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, area: i % 3 === 0 ? "村" : i % 3 === 1 ? "社区" : "机关" }));
  const opts = { count: 10, seed: "2024-述职", key: (p: { id: string }) => p.id };
  test("depends only on the seed and the candidates, not their order", () => {
    expect(draw([...pool].reverse(), opts).selected).toEqual(draw(pool, opts).selected);
  });
  test("different seeds give different selections", () => {
    expect(draw(pool, { ...opts, seed: "other" }).selected).not.toEqual(draw(pool, opts).selected);
  });
  test("stratified: shares by largest remainder, summing to the count", () => {
    const r = draw(pool, { ...opts, stratum: (p) => p.area });
    // 10 × 17/50 = 3.4, 10 × 16/50 = 3.2, 3.4: floors 3+3+3, the last place to the
    // largest remainder, tied between 村 and 社区 → by name (code point order).
    expect(r.strata).toEqual([
      { name: "机关", size: 16, drawn: 3 },
      { name: "村", size: 17, drawn: 4 },
      { name: "社区", size: 17, drawn: 3 },
    ]);
    expect(r.selected).toHaveLength(10);
  });
  test("errors: more than the pool, repeated keys, a bad count", () => {
    expect(() => draw(pool, { ...opts, count: 51 })).toThrow("cannot draw 51 from 50 candidates");
    expect(() => draw([...pool, pool[0]!], opts)).toThrow('candidate key "p0" appears twice');
    expect(() => draw(pool, { ...opts, count: 1.5 })).toThrow(RangeError);
  });
});
