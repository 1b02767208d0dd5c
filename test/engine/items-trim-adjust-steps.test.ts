/**
 * Item methods for the gaps of issue 7: the panel's trimming threshold (trim.minScores /
 * trim.above), direct additions and deductions (adjust, 直接加减分), and the partial steps
 * and threshold of a scale item (steps, zeroBelow). Every expected value is computed by
 * hand in the comment beside it.
 */
import { describe, expect, test } from "vitest";
import { buildFeedback, type Issue } from "../../src/index.js";
import { compile, dedent, itemPoints, issuesOf, points, rubricText, run, unit } from "../helpers.js";

/** Where `token` starts in `text`, moved `skip` characters on (to point at a key's value). */
function positionOf(text: string, token: string, skip = 0): { line: number; col: number } {
  const index = text.indexOf(token) + skip;
  if (index < 0) throw new Error(`token ${token} not in text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** The single issue of a rubric that must be rejected, with its file:line:col. */
function onlyIssue(body: string): { issue: Issue; text: string } {
  const text = rubricText(body);
  const issues = issuesOf(text);
  expect(issues).toHaveLength(1);
  return { issue: issues[0]!, text };
}

const linesOf = (body: string, subject: Record<string, unknown>, node: string) =>
  unit(run(body, [{ id: "s", ...subject }]), "s").nodes.find((n) => n.id === node)!.lines;

// ---------------------------------------------------------------- panel trim

describe("panel trim: the number of scores trimming needs", () => {
  const panel = (trim: string) => `scoring:\n  children:\n    - { id: p, kind: panel, max: 100, trim: ${trim} }`;

  describe("minScores: 6, drop 1 (不少于6人的去掉一个最高分和一个最低分)", () => {
    const body = panel("{ drop: 1, minScores: 6 }");
    test("5 scores (minScores − 1): the plain mean, and a trail line says trimming was skipped", () => {
      // (50 + 70 + 80 + 90 + 100) / 5 = 390 / 5 = 78 (trimmed it would be 240 / 3 = 80)
      const lines = linesOf(body, { p: [50, 70, 80, 90, 100] }, "p");
      expect(points(run(body, [{ id: "s", p: [50, 70, 80, 90, 100] }]), "s", "p")).toBe("78");
      expect(lines).toHaveLength(2);
      expect(lines[0]!.detail).toBe("mean 78 of 5 score(s)");
      expect(lines[1]).toEqual({ entry: "p.trim", label: "p trim", amount: "0", detail: "not trimmed: 5 score(s), trimming needs at least 6 (trim.minScores)" });
    });
    test("6 scores (= minScores): the highest and the lowest are dropped", () => {
      // drop 50 and 100: (70 + 80 + 80 + 90) / 4 = 320 / 4 = 80 (untrimmed 470 / 6 = 78.33…)
      const lines = linesOf(body, { p: [50, 70, 80, 80, 90, 100] }, "p");
      expect(points(run(body, [{ id: "s", p: [50, 70, 80, 80, 90, 100] }]), "s", "p")).toBe("80");
      expect(lines.map((l) => l.detail)).toEqual(["mean 80 of 4 score(s), dropped 1 highest and lowest of 6"]);
    });
  });

  describe("above: 5 is minScores: 6 (大于5人)", () => {
    const body = panel("{ above: 5 }");
    test("5 scores: not trimmed, the trail names trim.above", () => {
      // 390 / 5 = 78
      const lines = linesOf(body, { p: [50, 70, 80, 90, 100] }, "p");
      expect(lines[0]!.amount).toBe("78");
      expect(lines[1]!.detail).toBe("not trimmed: 5 score(s), trimming needs more than 5 (trim.above)");
    });
    test("6 scores: trimmed", () => {
      // (70 + 80 + 80 + 90) / 4 = 80
      expect(itemPoints(`- { id: p, kind: panel, max: 100, trim: { above: 5 } }`, { p: [50, 70, 80, 80, 90, 100] })).toBe("80");
    });
  });

  describe("the default minScores is 2 × drop + 1 (today's behaviour)", () => {
    const body = panel("{ drop: 2 }");
    test("4 scores with drop 2 (minScores 5 − 1): not trimmed", () => {
      // (10 + 20 + 30 + 100) / 4 = 160 / 4 = 40
      const lines = linesOf(body, { p: [10, 20, 30, 100] }, "p");
      expect(lines[0]!.amount).toBe("40");
      expect(lines[1]!.detail).toBe("not trimmed: 4 score(s), trimming needs at least 5 (2 × drop + 1)");
    });
    test("5 scores with drop 2 (= minScores): the two highest and two lowest dropped, the median left", () => {
      // [10, 20, 30, 40, 100] → [30]
      expect(itemPoints(`- { id: p, kind: panel, max: 100, trim: { drop: 2 } }`, { p: [10, 20, 30, 40, 100] })).toBe("30");
    });
    test("drop 1 by default: 3 scores keep the middle one, 2 scores are not trimmed", () => {
      const item = `- { id: p, kind: panel, max: 100, trim: {} }`;
      expect(itemPoints(item, { p: [10, 50, 60] })).toBe("50"); // [10, 50, 60] → [50]
      expect(itemPoints(item, { p: [10, 50] })).toBe("30"); // (10 + 50) / 2
    });
  });

  test("with rater groups each group trims by its own count and says so", () => {
    const body = `scoring:\n  children:\n    - { id: p, kind: panel, max: 100, trim: { minScores: 3 }, groups: [ { id: a, weight: 50% }, { id: b, weight: 50% } ] }`;
    // a: [60, 80, 100] trimmed → 80; b: [70, 90] not trimmed → 80; 0.5 × 80 + 0.5 × 80 = 80
    const lines = linesOf(body, { p_a: [60, 80, 100], p_b: [70, 90] }, "p");
    expect(lines.map((l) => [l.entry, l.amount])).toEqual([
      ["a", "40"],
      ["b", "40"],
      ["b.trim", "0"],
    ]);
    expect(lines[2]!.detail).toBe("not trimmed: 2 score(s), trimming needs at least 3 (trim.minScores)");
  });

  test("a minScores that leaves nothing after trimming is TRIM_MIN_SCORES at its line:col", () => {
    // drop 2 needs at least 5 scores: 4 would all be dropped
    const { issue, text } = onlyIssue(panel("{ drop: 2, minScores: 4 }"));
    expect(issue).toMatchObject({ code: "TRIM_MIN_SCORES", params: { drop: 2, needed: 5, fewest: 4 }, path: ["scoring", "children", 0, "trim", "minScores"] });
    expect(issue.source).toMatchObject(positionOf(text, "minScores: 4", "minScores: ".length));
    expect(issue.message).toBe("trim drops 2 highest and 2 lowest score(s), so it needs at least 5 scores; minScores: 4 would trim 4");
    expect(() => compile(panel("{ drop: 2, minScores: 5 }"))).not.toThrow();
  });

  test("above: 3 with drop 2 would trim 4 scores: TRIM_MIN_SCORES; above: 4 is fine", () => {
    const { issue, text } = onlyIssue(panel("{ drop: 2, above: 3 }"));
    expect(issue).toMatchObject({ code: "TRIM_MIN_SCORES", params: { needed: 5, fewest: 4, stated: "above: 3" } });
    expect(issue.source).toMatchObject(positionOf(text, "above: 3", "above: ".length));
    expect(() => compile(panel("{ drop: 2, above: 4 }"))).not.toThrow();
  });

  test("above and minScores together is SCHEMA_CONSTRAINT", () => {
    expect(onlyIssue(panel("{ above: 5, minScores: 6 }")).issue).toMatchObject({ code: "SCHEMA_CONSTRAINT", path: ["scoring", "children", 0, "trim"] });
  });
});

// ---------------------------------------------------------------- adjust

describe("adjust (直接加分 / 直接扣分)", () => {
  const body = (extra = "", rootExtra = "") =>
    dedent(`
      inputs:
        incident: { type: boolean, default: false }
      scoring:
        max: 100
        ${rootExtra}
        children:
          - { id: onsite, kind: input, max: 100 }
        outside:
          - { id: commendation, label: 表彰加分, kind: adjust, additions: [ { id: provincial, per: awards, points: 3 } ]${extra} }
          - { id: direct, label: 直接扣分, kind: adjust, deductions: [ { id: incident, when: input.incident, points: 5 } ] }
    `);
  const total = (b: string, s: Record<string, unknown>) => unit(run(b, [{ id: "s", ...s }]), "s").score;

  test("+3 表彰加分 over a 100-point total: 103, the full mark stays 100", () => {
    // 100 + 1 × 3 = 103
    const r = run(body(), [{ id: "s", onsite: 100, awards: 1 }]);
    expect(unit(r, "s").score).toBe("103");
    const nodes = unit(r, "s").nodes;
    expect(nodes[0]).toMatchObject({ id: "total", points: "103", max: "100" });
    expect(nodes.find((n) => n.id === "commendation")).toMatchObject({ points: "3", max: "0", kind: "adjust" });
    expect(nodes.find((n) => n.id === "commendation")!.lines).toEqual([{ entry: "provincial", label: "provincial", amount: "3", detail: "1 × 3" }]);
  });

  test("with limit: 100 on the root, 100 + 3 is bounded to 100 with a limit line", () => {
    const r = run(body("", "limit: 100"), [{ id: "s", onsite: 100, awards: 1 }]);
    expect(unit(r, "s").score).toBe("100");
    expect(unit(r, "s").nodes[0]!.lines).toMatchObject([{ entry: "limit", amount: "-3", detail: "103 limited to 100" }]);
    // below the limit nothing changes: 96 + 3 = 99
    expect(total(body("", "limit: 100"), { onsite: 96, awards: 1 })).toBe("99");
  });

  test("−5 直接扣分: 90 − 5 = 85, a − line in the trail", () => {
    const r = run(body(), [{ id: "s", onsite: 90, awards: 0, incident: true }]);
    expect(unit(r, "s").score).toBe("85");
    expect(unit(r, "s").nodes.find((n) => n.id === "direct")).toMatchObject({ points: "-5", max: "0", lines: [{ entry: "incident", amount: "-5", detail: "input.incident: 5" }] });
    // no incident, no award: 90 + 0 − 0
    expect(total(body(), { onsite: 90, awards: 0 })).toBe("90");
  });

  test("both together: 97 + 3 − 5 = 95", () => {
    expect(total(body(), { onsite: 97, awards: 1, incident: true })).toBe("95");
  });

  test("both in one item: additions and deductions net out (+6 − 5 = +1)", () => {
    const b = `
      inputs:
        incident: { type: boolean, default: false }
      scoring:
        children:
          - { id: onsite, kind: input, max: 100 }
        outside:
          - id: adj
            kind: adjust
            additions: [ { id: provincial, per: awards, points: 3 } ]
            deductions: [ { id: incident, when: input.incident, points: 5 } ]
    `;
    // 80 + 2 × 3 − 5 = 81
    const r = run(b, [{ id: "s", onsite: 80, awards: 2, incident: true }]);
    expect(unit(r, "s").score).toBe("81");
    expect(unit(r, "s").nodes.find((n) => n.id === "adj")!.lines.map((l) => l.amount)).toEqual(["6", "-5"]);
  });

  test("cap bounds the net addition (加分最多不超过5分) with a cap line", () => {
    // 3 awards × 3 = 9 → cap 5: 90 + 5 = 95
    const r = run(body(", cap: 5"), [{ id: "s", onsite: 90, awards: 3 }]);
    expect(unit(r, "s").score).toBe("95");
    expect(unit(r, "s").nodes.find((n) => n.id === "commendation")!.lines.at(-1)).toEqual({ entry: "bound", label: "cap", amount: "-4", detail: "net 9 bounded to 5" });
    // exactly on the cap: 1 award is 3 ≤ 5, no bound line
    expect(unit(run(body(", cap: 3"), [{ id: "s", onsite: 90, awards: 1 }]), "s").nodes.find((n) => n.id === "commendation")!.lines).toHaveLength(1);
  });

  test("floor bounds the net deduction (最多扣10分)", () => {
    const b = `
      scoring:
        children:
          - { id: onsite, kind: input, max: 100 }
        outside:
          - { id: direct, kind: adjust, floor: -10, deductions: [ { id: each, per: incidents, points: 4 } ] }
    `;
    // 3 × 4 = 12 → floor −10: 90 − 10 = 80; 2 × 4 = 8 stays: 90 − 8 = 82
    expect(total(b, { onsite: 90, incidents: 3 })).toBe("80");
    expect(total(b, { onsite: 90, incidents: 2 })).toBe("82");
    expect(linesOf(b, { onsite: 90, incidents: 3 }, "direct").at(-1)).toMatchObject({ label: "floor", amount: "2", detail: "net -12 bounded to -10" });
  });

  test("outside every floor a direct deduction can take the total below 0 (3 − 5 = −2)", () => {
    const r = run(body(), [{ id: "s", onsite: 3, awards: 0, incident: true }]);
    expect(unit(r, "s")).toMatchObject({ score: "-2", grade: "D" });
  });

  test("in a sum group's children it acts before the group's floor (扣完为止)", () => {
    const b = `
      scoring:
        children:
          - id: block
            floor: 0
            max: 10
            children:
              - { id: a, kind: input, max: 10 }
              - { id: direct, kind: adjust, deductions: [ { id: each, per: incidents, points: 5 } ] }
          - { id: b, kind: input, max: 90 }
    `;
    // block: 3 − 5 = −2 → floor 0; total 0 + 50 = 50; block max stays 10 (declared and checked)
    const r = run(b, [{ id: "s", a: 3, incidents: 1, b: 50 }]);
    expect(points(r, "s", "block")).toBe("0");
    expect(unit(r, "s").score).toBe("50");
    // 8 − 5 = 3 stays above the floor: 3 + 50 = 53
    expect(unit(run(b, [{ id: "s", a: 8, incidents: 1, b: 50 }]), "s").score).toBe("53");
  });

  test("in a normalised sum group it is added before normalisation; ratio.<adjust> has no value", () => {
    const b = `
      rules:
        - { id: r, kind: cap, grade: B, reason: r, when: { fact: ratio.adj, gte: 0 } }
      scoring:
        children:
          - id: block
            normalizeTo: 10
            children:
              - { id: a, kind: input, max: 50 }
              - { id: b, kind: input, max: 50 }
              - { id: adj, kind: adjust, additions: [ { id: x, per: n, points: 10 } ] }
          - { id: c, kind: input, max: 90 }
    `;
    // block: (40 + 40 + 10) × 10 / 100 = 9 (added after, it would be 8 + 10 = 18); total 9 + 90 = 99
    const r = run(b, [{ id: "s", a: 40, b: 40, n: 1, c: 90 }]);
    expect(points(r, "s", "block")).toBe("9");
    // the full mark of block is normalizeTo; ratio.adj (points / 0) has no value, so the cap never fires
    expect(unit(r, "s")).toMatchObject({ score: "99", grade: "A", adjustments: [] });
  });

  test("an adjust item at 0 is not a zero item; a net deduction is a feedback problem, an addition is not", () => {
    const b = `
      inputs:
        incident: { type: boolean, default: false }
      grades:
        - { id: A, min: 90, requires: { fact: zeroItems, eq: 0 } }
        - { id: B }
      scoring:
        children:
          - { id: onsite, kind: input, max: 100 }
        outside:
          - { id: commendation, kind: adjust, additions: [ { id: provincial, per: awards, points: 3 } ] }
          - { id: direct, kind: adjust, deductions: [ { id: incident, when: input.incident, points: 5 } ] }
    `;
    const rubric = compile(b);
    const [result] = [run(b, [
      { id: "s1", onsite: 95, awards: 0 },
      { id: "s2", onsite: 97, awards: 1, incident: true },
    ])];
    // s1: 95, both adjustments 0 → zeroItems 0 → A; s2: 97 + 3 − 5 = 95 → A
    expect(unit(result, "s1")).toMatchObject({ score: "95", grade: "A" });
    expect(unit(result, "s2")).toMatchObject({ score: "95", grade: "A" });
    const feedback = buildFeedback(rubric, result);
    const s2 = feedback.subjects.find((x) => x.id === "s2")!;
    // direct lost 0 − (−5) = 5 and −5 is below the mean (0 − 5) / 2 = −2.5: a problem;
    // onsite lost 3 but 97 is above the mean (95 + 97) / 2 = 96: not a 个性问题
    expect(s2.problems.map((p) => [p.item, p.lost])).toEqual([["direct", "5"]]);
    // s1 lost 5 on onsite, below the mean: its problem
    expect(feedback.subjects.find((x) => x.id === "s1")!.problems.map((p) => [p.item, p.lost])).toEqual([["onsite", "5"]]);
    expect(s2.highlights.map((h) => h.item)).not.toContain("commendation");
  });

  test("under a weighted group it is ADJUST_PLACEMENT at its kind", () => {
    const { issue, text } = onlyIssue(`
      scoring:
        combine: weighted
        children:
          - { id: a, kind: input, max: 100, weight: 50% }
          - { id: adj, kind: adjust, weight: 50%, deductions: [ { id: x, per: n, points: 1 } ] }
    `);
    expect(issue).toMatchObject({ code: "ADJUST_PLACEMENT", params: { id: "adj", combine: "weighted" }, path: ["scoring", "children", 1, "kind"] });
    expect(issue.source).toMatchObject(positionOf(text, "kind: adjust", "kind: ".length));
  });

  test("an adjust item in the outside list of a weighted group is fine", () => {
    const b = `
      scoring:
        combine: weighted
        children:
          - { id: a, kind: input, max: 100, weight: 60% }
          - { id: b, kind: input, max: 100, weight: 40% }
        outside:
          - { id: adj, kind: adjust, additions: [ { id: x, per: n, points: 1 } ] }
    `;
    // 0.6 × 90 + 0.4 × 80 + 2 = 54 + 32 + 2 = 88
    expect(total(b, { a: 90, b: 80, n: 2 })).toBe("88");
  });

  test("bad declarations: no entry, a negative cap, a positive floor, max, a duplicate entry id", () => {
    const item = (rest: string) => `scoring:\n  children:\n    - { id: a, kind: input, max: 10 }\n  outside:\n    - { id: adj, kind: adjust${rest} }`;
    expect(onlyIssue(item("")).issue).toMatchObject({ code: "SCHEMA_CONSTRAINT", path: ["scoring", "outside", 0] });
    expect(onlyIssue(item(", cap: -1, additions: [ { id: x, per: n, points: 1 } ]")).issue).toMatchObject({ code: "RANGE_INVALID", path: ["scoring", "outside", 0, "cap"] });
    expect(onlyIssue(item(", floor: 1, additions: [ { id: x, per: n, points: 1 } ]")).issue).toMatchObject({ code: "RANGE_INVALID", path: ["scoring", "outside", 0, "floor"] });
    expect(onlyIssue(item(", max: 5, additions: [ { id: x, per: n, points: 1 } ]")).issue).toMatchObject({ code: "SCHEMA_UNKNOWN_KEY", params: { key: "max" } });
    expect(onlyIssue(item(", additions: [ { id: x, per: n, points: 1 } ], deductions: [ { id: x, per: m, points: 1 } ]")).issue).toMatchObject({
      code: "REF_DUPLICATE_ID",
      path: ["scoring", "outside", 0, "deductions", 0, "id"],
    });
  });
});

// ---------------------------------------------------------------- scale

describe("scale: partial steps and a threshold (达30%得3分，每上升或下降10%加减1分)", () => {
  const seed = (extra = "") => `- { id: share, kind: scale, max: 6, target: 30%, base: 3, unit: 10%, points: 1, above: add, below: deduct${extra} }`;

  test.each([
    // value, whole, exact, started
    ["30%", "3", "3", "3"], // on the target: base 3
    ["45%", "4", "4.5", "5"], // 15/10 = 1.5 steps up: whole 1, exact 1.5, started 2
    ["40%", "4", "4", "4"], // exactly 1 step up: the same for all three
    ["20%", "2", "2", "2"], // exactly 1 step down
    ["25%", "3", "2.5", "2"], // 0.5 step down: whole 0, exact 0.5, started 1
    ["30.1%", "3", "3.01", "4"], // 0.01 step up: started counts it as one
    ["0%", "0", "0", "0"], // 3 steps down: 3 − 3 = 0
    ["5%", "1", "0.5", "0"], // 2.5 steps down: whole 2 → 1, exact → 0.5, started 3 → 0
    ["90%", "6", "6", "6"], // 6 steps up: 9 bounded to max 6
  ])("%s → whole %s, exact %s, started %s", (v, whole, exact, started) => {
    expect(itemPoints(seed(), { share: v })).toBe(whole);
    expect(itemPoints(seed(", steps: exact"), { share: v })).toBe(exact);
    expect(itemPoints(seed(", steps: started"), { share: v })).toBe(started);
  });

  test("zeroBelow: 10% (低于10%的不得分): 10% scores by the steps, just below it scores 0", () => {
    const gated = seed(", zeroBelow: 10%");
    expect(itemPoints(gated, { share: "10%" })).toBe("1"); // 2 steps down: 3 − 2
    expect(itemPoints(gated, { share: "9.9%" })).toBe("0"); // below the threshold
    expect(itemPoints(seed(), { share: "9.9%" })).toBe("1"); // without it: 20.1/10 → 2 whole steps → 1
    expect(itemPoints(gated, { share: "45%" })).toBe("4");
  });

  test("zeroBelow at the target (达30%方可得分): 30% → 3, 29.9% → 0, and the trail says why", () => {
    const item = `- { id: share, kind: scale, max: 6, target: 30%, base: 3, unit: 10%, points: 1, above: add, zeroBelow: 30% }`;
    expect(itemPoints(item, { share: "30%" })).toBe("3");
    expect(itemPoints(item, { share: "29.9%" })).toBe("0");
    const lines = linesOf(`scoring:\n  children:\n    ${item}`, { share: "29.9%" }, "share");
    expect(lines).toEqual([{ entry: "share", label: "share", amount: "-3", detail: "0.299 below the threshold 0.3: the item scores 0" }]);
  });

  test("zeroBelow overrides a negative floor: the item earns nothing, not the floor", () => {
    const item = `- { id: biz, kind: scale, max: 0, target: 100%, base: 0, unit: 1%, points: 0.5, below: deduct, floor: -5, zeroBelow: 50% }`;
    expect(itemPoints(item, { biz: "98%" })).toBe("-1"); // 2 steps × 0.5
    expect(itemPoints(item, { biz: "50%" })).toBe("-5"); // 50 steps × 0.5 = 25 → floor −5
    expect(itemPoints(item, { biz: "49%" })).toBe("0");
  });

  test("a threshold above a fixed target is RANGE_INVALID at zeroBelow", () => {
    const { issue, text } = onlyIssue(`scoring:\n  children:\n    ${seed(", zeroBelow: 40%")}`);
    expect(issue).toMatchObject({ code: "RANGE_INVALID", path: ["scoring", "children", 0, "zeroBelow"] });
    expect(issue.source).toMatchObject(positionOf(text, "zeroBelow: 40%", "zeroBelow: ".length));
  });
});
