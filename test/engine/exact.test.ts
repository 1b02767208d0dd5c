/**
 * Issue 7, items 2 and 8: one rounded total, and exact arithmetic until a declared
 * rounding (ratio weights, means, normalisation, feedback factors). Every expected value
 * is computed by hand in the comment beside it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { assess, buildFeedback, loadRubric } from "../../src/index.js";
import { compile, evaluate, issuesOf, itemPoints, linkedSet, rubricText, run, unit } from "../helpers.js";

const actionIds = (body: string, subject: Record<string, unknown>) => unit(run(body, [{ id: "s", ...subject }]), "s").actions.map((a) => a.id);

describe("one rounded total (rounding: 2 places, half-up)", () => {
  const body = `
    rounding: { places: 2 }
    scoring:
      id: root
      children:
        - { id: a, kind: input, max: 100 }
    actions:
      - { id: by-total, when: { fact: total, gte: 90 } }
      - { id: by-root, when: { fact: score.root, gte: 90 } }
      - { id: by-ratio, when: { fact: ratio.root, gte: 90% } }
  `;
  test("89.995 → 90.00 everywhere: score, root node, score.root, ratio.root, and a trail line", () => {
    const u = unit(run(body, [{ id: "s", a: "89.995" }]), "s");
    expect(u.score).toBe("90.00"); // 89.995 half-up to 2 places
    const root = u.nodes[0]!;
    expect(root.points).toBe("90.00");
    expect(root.lost).toBe("10"); // 100 − 90.00, not 100 − 89.995
    expect(root.lines).toEqual([{ entry: "round", label: "rounding", amount: "0.005", detail: "89.995 rounded to 2 places (half-up): 90.00" }]);
    expect(u.grade).toBe("A"); // A from 90
    // total gte 90, score.root gte 90 and ratio.root (90/100 = 0.9) gte 90% agree
    expect(u.actions.map((a) => a.id)).toEqual(["by-total", "by-root", "by-ratio"]);
  });
  test("89.994 → 89.99 everywhere: no condition holds", () => {
    const u = unit(run(body, [{ id: "s", a: "89.994" }]), "s");
    expect([u.score, u.nodes[0]!.points, u.grade]).toEqual(["89.99", "89.99", "B"]);
    expect(u.actions).toEqual([]);
  });
  test("a total that needs no rounding has no rounding line", () => {
    expect(unit(run(body, [{ id: "s", a: "89.5" }]), "s").nodes[0]!.lines).toEqual([]);
  });
  test("a tie-breaker on score.root sees the rounded total: 89.995 and 90.004 tie (both 90.00)", () => {
    const r = run(`${body}\n    ranking: { tieBreakers: [ { fact: score.root, order: desc } ] }`, [
      { id: "p", a: "89.995" },
      { id: "q", a: "90.004" },
    ]);
    expect(r.units.map((u) => [u.id, u.score, u.rank])).toEqual([
      ["p", "90.00", 1],
      ["q", "90.00", 1],
    ]);
  });
  test("feedback counts from the rounded total: 89.994 → 89.99 needs 0.01 for A", () => {
    const rubric = compile(body);
    const result = evaluate(rubric, [{ id: "s", a: "89.994" }])[0]!;
    expect(buildFeedback(rubric, result).subjects[0]!.toNextGrade).toEqual({ grade: "A", points: "0.01" }); // 90 − 89.99
  });
  test("a linked rubric reads the same rounded total (rubric.inner.score and a linked item)", () => {
    const set = linkedSet(
      ["inner", "rounding: { places: 2 }\nscoring:\n  children:\n    - { id: a, kind: input, max: 100 }"],
      [
        "outer",
        "scoring:\n  children:\n    - { id: l, kind: linked, rubric: inner, max: 100 }\nactions:\n  - { id: inner-90, when: { fact: rubric.inner.score, gte: 90 } }",
      ],
    );
    const [inner, outer] = evaluate(set, [{ id: "s", a: "89.995" }]);
    expect(unit(inner!, "s").score).toBe("90.00");
    const u = unit(outer!, "s");
    expect(u.score).toBe("90"); // the linked item takes 90.00, not 89.995
    expect(u.actions.map((a) => a.id)).toEqual(["inner-90"]);
  });
  test("a node's own round also shows as a line", () => {
    const r = run("scoring:\n  children:\n    - { id: g, round: { places: 1 }, children: [ { id: a, kind: input, max: 100 } ] }", [{ id: "s", a: "84.25" }]);
    const g = unit(r, "s").nodes.find((n) => n.id === "g")!;
    expect(g.points).toBe("84.3"); // 84.25 half-up to 1 place
    expect(g.lines).toEqual([{ entry: "round", label: "round", amount: "0.05", detail: "84.25 rounded to 1 places (half-up): 84.3" }]);
  });
});

/** A weighted group `part` with the given weights over items a, b, c, … (max 100 each), and `more` root children. */
const weighted = (weights: (string | number)[], extra = "", more = "") => `
  ${extra}
  scoring:
    id: root
    children:${more}
      - id: part
        combine: weighted
        max: 100
        children:
${weights.map((w, i) => `          - { id: ${"abcd"[i]}, kind: input, max: 100, weight: ${w} }`).join("\n")}
  actions:
    - { id: part-full, when: { fact: score.part, gte: 100 } }
    - { id: total-full, when: { fact: total, gte: 100 } }
`;

describe("ratio weights are exact (divided once, rounded only where declared)", () => {
  test("1:1:1, all 100 → exactly 100 (part, its full mark, total); score.part gte 100 holds", () => {
    const u = unit(run(weighted([1, 1, 1]), [{ id: "s", a: 100, b: 100, c: 100 }]), "s");
    const part = u.nodes.find((n) => n.id === "part")!;
    expect([u.score, part.points, part.max, part.lost]).toEqual(["100", "100", "100", "0"]); // (100 + 100 + 100) / 3
    expect(u.actions.map((a) => a.id)).toEqual(["part-full", "total-full"]);
    expect(u.nodes.find((n) => n.id === "a")!.weight).toBe("0.3333333333333333333333333333333333333333"); // 1/3, shown to 40 digits
  });
  test("1:1:1 with 90, 85, 81 → 256/3 (shown to 40 significant digits), compared exactly", () => {
    const body = weighted([1, 1, 1]).replace(
      "actions:",
      `actions:
    - { id: above-display, when: { fact: score.part, gt: "85.33333333333333333333333333333333333333" } }
    - { id: below-next, when: { fact: score.part, lt: "85.33333333333333333333333333333333333334" } }
    - { id: ratio, when: { fact: ratio.part, gt: "0.8533333333333333333333333333333333333333" } }`,
    );
    const u = unit(run(body, [{ id: "s", a: 90, b: 85, c: 81 }]), "s");
    expect(u.score).toBe("85.33333333333333333333333333333333333333"); // (90 + 85 + 81) / 3 = 256/3
    // 256/3 lies strictly between its 40-digit display form and the next 40-digit number; 256/300 likewise
    expect(u.actions.map((a) => a.id)).toEqual(["above-display", "below-next", "ratio"]);
    expect(u.grade).toBe("B"); // B from 75
  });
  test("1:1:1 with 90, 85, 81 and 2 places half-up → 85.33", () => {
    expect(unit(run(weighted([1, 1, 1], "rounding: { places: 2 }"), [{ id: "s", a: 90, b: 85, c: 81 }]), "s").score).toBe("85.33");
  });
  test("2:2:3 (shares 2/7, 2/7, 3/7): 90, 85, 81 → 593/7; all 100 → 100", () => {
    // (2×90 + 2×85 + 3×81) / 7 = (180 + 170 + 243) / 7 = 593/7 = 84.714285…
    expect(unit(run(weighted([2, 2, 3]), [{ id: "s", a: 90, b: 85, c: 81 }]), "s").score).toBe("84.71428571428571428571428571428571428571");
    expect(unit(run(weighted([2, 2, 3], "rounding: { places: 2 }"), [{ id: "s", a: 90, b: 85, c: 81 }]), "s").score).toBe("84.71");
    const full = unit(run(weighted([2, 2, 3]), [{ id: "s", a: 100, b: 100, c: 100 }]), "s");
    expect([full.score, full.actions.length]).toEqual(["100", 2]); // 700/7 = 100: both conditions hold
  });
  test("3:6:3:3 (shares 1/5, 2/5, 1/5, 1/5)", () => {
    const score = (a: string | number, b: string | number, c: string | number, d: string | number) =>
      unit(run(weighted([3, 6, 3, 3]), [{ id: "s", a, b, c, d }]), "s").score;
    expect(score(90, 85, 81, 70)).toBe("82.2"); // (270 + 510 + 243 + 210) / 15 = 1233/15
    expect(score("89.5", 77, "63.25", 91)).toBe("79.55"); // (268.5 + 462 + 189.75 + 273) / 15 = 1193.25/15
    expect(score(100, 100, 100, 100)).toBe("100");
  });
  test("a weighted 1:1:1 group declaring max: 100 is valid (its full mark is exactly 100)", () => {
    expect(compile(weighted([1, 1, 1])).nodes.get("part")!.max.toFixed()).toBe("100");
  });
  test("a tie-breaker on an exact group: 90, 90, 90 and 100, 80, 90 both give part = 90 and share rank 1", () => {
    const body = weighted([1, 1, 1], "rounding: { places: 0 }\n  ranking: { tieBreakers: [ { fact: score.part, order: desc } ] }");
    const r = run(body, [
      { id: "p", a: 90, b: 90, c: 90 }, // 270/3 = 90
      { id: "q", a: 100, b: 80, c: 90 }, // 270/3 = 90
    ]);
    expect(r.units.map((u) => u.rank)).toEqual([1, 1]);
  });
});

describe("means and normalisation inside sums are exact", () => {
  test("three mean groups of (1, 0, 0) add up to exactly 1", () => {
    const group = (g: string) => `
        - id: ${g}
          combine: mean
          children:
            - { id: ${g}1, kind: input, max: 1 }
            - { id: ${g}2, kind: input, max: 1 }
            - { id: ${g}3, kind: input, max: 1 }`;
    const body = `
      grades: [ { id: full, min: 1 }, { id: short } ]
      scoring:
        children:${group("x")}${group("y")}${group("z")}
    `;
    const u = unit(run(body, [{ id: "s", x1: 1, x2: 0, x3: 0, y1: 1, y2: 0, y3: 0, z1: 1, z2: 0, z3: 0 }]), "s");
    expect(u.nodes.find((n) => n.id === "x")!.points).toBe("0.3333333333333333333333333333333333333333"); // 1/3
    expect([u.score, u.grade]).toEqual(["1", "full"]); // 1/3 + 1/3 + 1/3 = 1, not 0.9999…
  });
  test("normalisations 90/110 and 10/110 add up exactly: 63 → 567/11, 60 → 60/11, total 57", () => {
    const half = (id: string, to: number) => `
        - id: ${id}
          normalizeTo: ${to}
          children:
            - { id: ${id}a, kind: input, max: 60 }
            - { id: ${id}b, kind: input, max: 50 }`;
    const body = `
      scoring:
        id: root
        max: 100
        children:${half("h1", 90)}${half("h2", 10)}
      actions:
        - { id: at-57, when: { fact: total, eq: 57 } }
    `;
    const rubric = compile(body);
    // h1: (60 + 3) × 90 / 110 = 567/11; h2: (60 + 0) × 10 / 110 = 60/11; 627/11 = 57
    // (each carried to 40 digits, the sum would be 57.00000000000000000000000000000000000001)
    const u = unit(evaluate(rubric, [{ id: "s", h1a: 60, h1b: 3, h2a: 60, h2b: 0 }])[0]!, "s");
    expect(u.nodes.find((n) => n.id === "h1")!.points).toBe("51.54545454545454545454545454545454545455");
    expect([u.score, u.actions.map((a) => a.id)]).toEqual(["57", ["at-57"]]);
    // full marks: 90 + 10 = 100 exactly; the feedback factor of an h1 item is exactly 90/110
    expect(rubric.root.max.toFixed()).toBe("100");
    expect(rubric.feedback.items.get("h1a")!.times(110).toFixed()).toBe("90");
    expect(rubric.feedback.items.get("h2b")!.times(11).toFixed()).toBe("1");
  });
});

describe("shares inside items are exact", () => {
  test("a panel with rater groups weighted 1:1:1, every rater 100 → exactly 100", () => {
    const item = `- { id: p, kind: panel, max: 100, groups: [ { id: g1, weight: 1 }, { id: g2, weight: 1 }, { id: g3, weight: 1 } ] }`;
    expect(itemPoints(item, { p_g1: [100], p_g2: [100, 100], p_g3: [100] })).toBe("100"); // 100/3 × 3
    // (90 + 85 + 81) / 3 = 256/3; rounded by the item's own round to 2 places: 85.33
    expect(itemPoints(item.replace("max: 100,", "max: 100, round: { places: 2 },"), { p_g1: [90], p_g2: [85], p_g3: [81] })).toBe("85.33");
  });
});

test("a carried-over share of 0 is rejected at its line:col (its limit max / share has no value)", () => {
  const text = rubricText("scoring:\n  children:\n    - { id: c, kind: carry, max: 10, share: 0 }");
  const issues = issuesOf(text);
  const line = text.split("\n").findIndex((l) => l.includes("kind: carry")) + 1;
  const column = text.split("\n")[line - 1]!.indexOf("0 }") + 1; // the value of share
  expect(issues.map((i) => [i.code, i.message, i.source])).toEqual([["RANGE_INVALID", expect.stringContaining("got 0"), expect.objectContaining({ line, col: column })]]);
});

describe("feedback stays exact", () => {
  const body = weighted([1, 1, 1], "", "\n      - { id: z, kind: input, max: 10 }");
  test("the factors of 1:1:1 items are exactly 1/3", () => {
    const rubric = compile(body);
    expect(rubric.feedback.items.get("a")!.times(3).toFixed()).toBe("1");
    expect(rubric.feedback.items.get("z")!.toFixed()).toBe("1");
  });
  test("losing 3 on a (3 × 1/3 = 1 in the total) ties losing 1 on z: the tie goes by id, a first", () => {
    const rubric = compile(body);
    const result = evaluate(rubric, [{ id: "s", a: 97, b: 100, c: 100, z: 9 }])[0]!;
    const fb = buildFeedback(rubric, result, { problems: 1 }).subjects[0]!;
    // a lone subject is its own mean (batchAverage 97): every loss is a problem
    expect(fb.problems).toEqual([{ item: "a", label: "a", points: "97", max: "100", lost: "3", lostInTotal: "1", batchAverage: "97" }]);
  });
  test("points to the next grade from an unrounded 256/3: exactly 90 − 256/3 = 14/3", () => {
    const rubric = compile(weighted([1, 1, 1]));
    const result = evaluate(rubric, [{ id: "s", a: 90, b: 85, c: 81 }])[0]!;
    expect(buildFeedback(rubric, result).subjects[0]!.toNextGrade).toEqual({ grade: "A", points: "4.666666666666666666666666666666666666667" });
  });
});

test("the docs' example (Arithmetic and rounding) gives the results written under it", () => {
  const docs = readFileSync(new URL("../../docs/rubric-language.md", import.meta.url), "utf8");
  const yaml = /```yaml\n(# exact\.yaml[\s\S]*?)```/.exec(docs)![1]!;
  const units = assess(loadRubric(yaml, { file: "exact.yaml" }), [
    { id: "full", a: 100, b: 100, c: 100 },
    { id: "mixed", a: 90, b: 85, c: 81 },
  ]).results[0]!.units;
  expect(units.map((u) => [u.id, u.score, u.grade, u.actions.map((a) => a.label)])).toEqual([
    ["full", "100.00", "good", ["满分"]], // 300/3 = 100
    ["mixed", "85.33", "good", []], // 256/3 = 85.333… half-up to 2 places
  ]);
  expect(yaml).toContain("# a, b, c = 100, 100, 100 → 300/3 = 100.00 exactly: good, 满分");
  expect(yaml).toContain("# a, b, c = 90, 85, 81    → 256/3 = 85.333… → 85.33: good");
});
