/**
 * Rubric test coverage (issue 11 §2, docs/testing.md): every kind of target, hit and
 * missed, on small rubrics whose cases are computed by hand in the comments.
 */
import { describe, expect, test } from "vitest";
import { loadRubric, safeLoadTestCases, safeTestCoverage, testCoverage, type CoverageTarget } from "../../src/index.js";
import { meetsMinimum, percentOf, thresholdStep } from "../../src/testing/coverage.js";
import { dec } from "../../src/decimal/decimal.js";
import { dedent, linkedSet, rubricText } from "../helpers.js";

// Totals round to 1 place, so "just past" a threshold is 0.1 beyond it.
const BODY = dedent(`
  rounding: { places: 1, mode: half-up }
  grades:
    - { id: A, min: 90 }
    - { id: B, above: 60 }
    - { id: C }
  scoring:
    children:
      - { id: x, kind: input, max: 80 }
      - { id: d, kind: deduct, max: 10, floor: 2, deductions: [ { id: each, per: d, points: 3 } ] }
      - { id: o, kind: yesno, max: 10, only: { fact: group, eq: g1 } }
      - id: adj
        kind: adjust
        cap: 4
        floor: -4
        additions: [ { id: up, per: up, points: 2 } ]
        deductions: [ { id: down, per: down, points: 2 } ]
  rules:
    - { id: low, kind: veto, when: { fact: total, lt: 10 }, reason: too low }
  quotas:
    - { id: qa, grade: A, count: 1 }
  ranking:
    tieBreakers: [ { fact: score.x } ]
`);

/** Subject defaults: nothing deducted, nothing added. */
const ZERO_ADJ = "d: 0, up: 0, down: 0";

/** Cases, each computed by hand: total = x + d + o (group g1 only) + adj. */
const CASES: Record<string, string> = {
  // 80 + 10 + 10 + 0 = 100.0 → A; alone in A, so the quota (1) does not bind.
  full: `
    - name: full
      subjects: [ { id: s, group: g1, x: 80, o: true, ${ZERO_ADJ} } ]
      expect: { s: { score: "100.0", grade: A } }`,
  // a: 80 + 10 = 90.0 → exactly on A.min (o does not apply in g2); b: 79.9 + 10 = 89.9 → B, 0.1 below.
  // Only a holds A: the quota does not bind.
  aMin: `
    - name: on and past A.min
      subjects: [ { id: a, group: g2, x: 80, ${ZERO_ADJ} }, { id: b, group: g2, x: 79.9, ${ZERO_ADJ} } ]
      expect: { a: { score: "90.0", grade: A }, b: { score: "89.9", grade: B } }`,
  // c: 50 + 10 = 60.0 → C (above 60 excludes 60); e: 50.1 + 10 = 60.1 → B, 0.1 above.
  bAbove: `
    - name: on and past B.above
      subjects: [ { id: c, group: g2, x: 50, ${ZERO_ADJ} }, { id: e, group: g2, x: 50.1, ${ZERO_ADJ} } ]
      expect: { c: { score: "60.0", grade: C }, e: { score: "60.1", grade: B } }`,
  // f: 0 + max(10 − 5 × 3, 2) = 2 (floor) + min(3 × 2, 4) = 4 (cap) → 6.0 < 10: veto low (already C).
  // g: 0 + 10 + max(−3 × 2, −4) = −4 (floor) → 6.0, veto low.
  floors: `
    - name: floors and caps
      subjects: [ { id: f, group: g2, x: 0, d: 5, up: 3, down: 0 }, { id: g, group: g2, x: 0, d: 0, up: 0, down: 3 } ]
      expect: { f: { score: "6.0", grade: C, points: { d: 2, adj: 4 } }, g: { score: "6.0", points: { adj: -4 } } }`,
  // h and i: 80 + 10 + 10 = 100.0, equal x too: both rank 1, tied across the quota's one place → both demoted to B.
  // l: 80 + 10 + 0 (o: false) = 90.0 rank 3, also demoted (one place, taken by no one).
  tie: `
    - name: a tie across the quota line is demoted
      subjects: [ { id: h, group: g1, x: 80, o: true, ${ZERO_ADJ} }, { id: i, group: g1, x: 80, o: true, ${ZERO_ADJ} }, { id: l, group: g1, x: 80, o: false, ${ZERO_ADJ} } ]
      expect: { h: { grade: B, rank: 1, adjustments: [qa] }, i: { grade: B, rank: 1 }, l: { score: "90.0", grade: B, rank: 3 } }`,
  // j: 80 + 10 = 90.0 (g2); k: 70 + 10 + 10 = 90.0 (g1): equal totals, x 80 > 70 decides: j rank 1, k rank 2 → k demoted.
  breaker: `
    - name: the tie-breaker decides
      subjects: [ { id: j, group: g2, x: 80, ${ZERO_ADJ} }, { id: k, group: g1, x: 70, o: true, ${ZERO_ADJ} } ]
      expect: { j: { rank: 1, grade: A }, k: { rank: 2, grade: B, adjustments: [qa] } }`,
};

/** A tests: block of case texts. */
const testsBlock = (texts: readonly string[]) => (texts.length ? `tests:\n${texts.map((t) => dedent(t).replace(/^/gm, "  ")).join("\n")}\n` : "");
const load = (names: readonly string[], body = BODY) => loadRubric(rubricText(body + testsBlock(names.map((n) => CASES[n]!))), { file: "t.yaml" });

const show = (t: CoverageTarget) => `${t.kind} ${t.id} ${t.outcome}${t.value !== undefined ? ` ${t.value}` : ""}`;
const uncovered = (targets: readonly CoverageTarget[]) => targets.filter((t) => !t.covered).map(show);

describe("coverage of one rubric", () => {
  test("all six cases pass and touch all 28 targets", () => {
    const { failed, coverage } = testCoverage(load(Object.keys(CASES)));
    expect(failed).toBe(0);
    expect(uncovered(coverage.rubrics[0]!.targets)).toEqual([]);
    // 3 bands + 4 threshold sides + 2 rule outcomes + 4 condition (2 conditions of one node, each true and false)
    // + 2 quota + 2 tie + 9 item points + 2 only = 28:
    expect(coverage.rubrics[0]!.byKind).toMatchObject({
      band: { covered: 3, total: 3 },
      threshold: { covered: 4, total: 4 },
      rule: { covered: 2, total: 2 },
      condition: { covered: 4, total: 4 },
      quota: { covered: 2, total: 2 },
      tie: { covered: 2, total: 2 },
      item: { covered: 9, total: 9 },
      only: { covered: 2, total: 2 },
    });
    expect(coverage.overall).toEqual({ covered: 28, total: 28, percent: "100.0" });
  });

  test("one full-marks case touches 10 of 28 targets (35.7%), and each miss is listed with its place", () => {
    const { coverage } = testCoverage(load(["full"]));
    const r = coverage.rubrics[0]!;
    // Touched: band A, low not fired and its condition false, qa not binding, x/d/o at max, adj at 0,
    // o applied and its only: true = 10; 10 / 28 = 35.71…% → 35.7.
    expect(r.overall).toEqual({ covered: 10, total: 28, percent: "35.7" });
    expect(uncovered(r.targets)).toEqual([
      "band B reached",
      "band C reached",
      "threshold A.min on 90",
      "threshold A.min past 90",
      "threshold B.above on 60",
      "threshold B.above past 60",
      "rule low fired",
      "condition rules[0].when true",
      "condition scoring.children[2].only false",
      "quota qa binding",
      "tie qa demote",
      "tie score.x decided",
      "item x zero 0",
      "item d floor 2",
      "item o zero 0",
      "item adj floor -4",
      "item adj cap 4",
      "only o not-applied",
    ]);
    // Places: the 5-line header, then rounding (6), grades (7): A's min is at line 8, column 19.
    const at = (s: string) => r.targets.find((t) => show(t) === s)!.source;
    expect(at("threshold A.min on 90")).toEqual({ file: "t.yaml", line: 8, col: 19 });
    expect(at("rule low fired")).toEqual({ file: "t.yaml", line: 23, col: 5 });
    expect(at("only o not-applied")).toEqual({ file: "t.yaml", line: 15, col: 44 });
    expect(r.targets.find((t) => show(t) === "threshold A.min past 90")).toMatchObject({ side: "below", step: "0.1" });
    expect(r.targets.find((t) => show(t) === "threshold B.above past 60")).toMatchObject({ side: "above", step: "0.1" });
  });

  test("a target lists the cases that touched it, in order", () => {
    const { coverage } = testCoverage(load(["full", "aMin", "tie"]));
    const t = (s: string) => coverage.rubrics[0]!.targets.find((x) => show(x) === s)!.cases;
    // The tie case reaches A too: h and i are A by their totals (raw grade) before the quota moves them.
    expect(t("band A reached")).toEqual(["full", "on and past A.min", "a tie across the quota line is demoted"]);
    expect(t("threshold A.min on 90")).toEqual(["on and past A.min", "a tie across the quota line is demoted"]);
    expect(t("quota qa binding")).toEqual(["a tie across the quota line is demoted"]);
  });

  test("just past means within one step on the far side: 89.8 is not past 90 at 1 place, 60.2 not past 60", () => {
    const cases = `
      - name: two steps away
        subjects: [ { id: a, group: g2, x: 79.8, ${ZERO_ADJ} }, { id: b, group: g2, x: 50.2, ${ZERO_ADJ} } ]
        expect: { a: { score: "89.8", grade: B }, b: { score: "60.2", grade: B } }`;
    const r = loadRubric(rubricText(BODY + testsBlock([cases])), { file: "t.yaml" });
    const { coverage } = testCoverage(r);
    expect(uncovered(coverage.rubrics[0]!.targets).filter((s) => s.startsWith("threshold"))).toEqual([
      "threshold A.min on 90",
      "threshold A.min past 90",
      "threshold B.above on 60",
      "threshold B.above past 60",
    ]);
  });

  test("the step is 10^-places of the rubric's rounding; without rounding, a unit after the threshold's last digit", () => {
    expect(thresholdStep(load([]), dec(90)).toFixed()).toBe("0.1");
    expect(thresholdStep(load([]), dec("89.5")).toFixed()).toBe("0.1");
    const unrounded = loadRubric(rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\n"));
    expect(thresholdStep(unrounded, dec(90)).toFixed()).toBe("0.1");
    expect(thresholdStep(unrounded, dec("89.5")).toFixed()).toBe("0.01");
    expect(thresholdStep(unrounded, dec("0.125")).toFixed()).toBe("0.0001");
  });
});

describe("targets by kind", () => {
  test("upper bounds: max is past above it, below is past below it", () => {
    // No rounding: the step past 80 and 60 is 0.1. B's max 80 includes 80 (past: above, up to 80.1);
    // C's below 60 excludes 60 (past: below, from 59.9). 80.2 and 59.8 would be too far.
    const body = dedent(`
      policy: { bandGaps: lower }
      grades:
        - { id: A, min: 90 }
        - { id: B, min: 60, max: 80 }
        - { id: C, below: 60 }
      scoring:
        children:
          - { id: x, kind: input, max: 100 }
      tests:
        # 80 on B.max; 80.1 past it (a gap: the lower grade, B); 60 on C.below (B); 59.9 past it (C).
        - name: upper bounds
          subjects: [ { id: a, x: 80 }, { id: b, x: 80.1 }, { id: c, x: 60 }, { id: d, x: 59.9 } ]
          expect: { a: { grade: B }, b: { grade: B }, c: { grade: B }, d: { grade: C } }
    `);
    const { failed, coverage } = testCoverage(loadRubric(rubricText(body), { file: "u.yaml" }));
    expect(failed).toBe(0);
    const thresholds = coverage.rubrics[0]!.targets.filter((t) => t.kind === "threshold");
    expect(thresholds.map((t) => `${show(t)} ${t.side ?? ""} ${t.covered}`)).toEqual([
      "threshold A.min on 90  false",
      "threshold A.min past 90 below false",
      "threshold B.min on 60  true",
      "threshold B.min past 60 below true",
      "threshold B.max on 80  true",
      "threshold B.max past 80 above true",
      "threshold C.below on 60  true",
      "threshold C.below past 60 below true",
    ]);
  });

  test("an exclusion not fired counts only where it was tried: before the rule that excluded, or for a subject not excluded", () => {
    const body = dedent(`
      scoring:
        children:
          - { id: x, kind: input, max: 100 }
      inputs:
        gone: { type: boolean }
        away: { type: boolean }
      rules:
        - { id: first, kind: exclude, when: input.gone, reason: gone }
        - { id: second, kind: exclude, when: input.away, reason: away }
      tests:
        # s is excluded by first, so second was never tried for s.
        - name: excluded by the first
          subjects: [ { id: s, x: 50, gone: true, away: true } ]
          expect: { s: { excluded: true, adjustments: [first] } }
    `);
    const { failed, coverage } = testCoverage(loadRubric(rubricText(body)));
    expect(failed).toBe(0);
    expect(coverage.rubrics[0]!.targets.filter((t) => t.kind === "rule").map((t) => `${show(t)} ${t.covered}`)).toEqual([
      "rule first fired true",
      "rule first not-fired false",
      "rule second fired false",
      "rule second not-fired false",
    ]);
  });

  test("ties: admit is used when the tie is admitted beyond the limit", () => {
    const body = dedent(`
      scoring:
        children:
          - { id: x, kind: input, max: 100 }
      quotas:
        - { id: one-a, grade: A, count: 1, ties: admit }
      tests:
        # s and t both 95 → rank 1 and 1, tied across the one place: ties admit keeps both in A.
        - name: tied and admitted
          subjects: [ { id: s, x: 95 }, { id: t, x: 95 } ]
          expect: { s: { grade: A }, t: { grade: A } }
        # u 95 rank 1 admitted, v 92 rank 2 demoted: binding, no tie.
        - name: binding without a tie
          subjects: [ { id: u, x: 95 }, { id: v, x: 92 } ]
          expect: { u: { grade: A }, v: { grade: B, adjustments: [one-a] } }
    `);
    const { failed, coverage } = testCoverage(loadRubric(rubricText(body)));
    expect(failed).toBe(0);
    const t = coverage.rubrics[0]!.targets.filter((x) => x.kind === "quota" || x.kind === "tie");
    expect(t.map((x) => `${show(x)} ${x.cases.join("+")}`)).toEqual([
      "quota one-a binding binding without a tie",
      "quota one-a not-binding tied and admitted",
      "tie one-a admit tied and admitted",
    ]);
  });

  test("tie-breakers on any fact: the first that differs between two equal totals decided", () => {
    const body = dedent(`
      scoring:
        children:
          - { id: x, kind: input, max: 100 }
      inputs:
        years: { type: count }
        late: { type: boolean }
      ranking:
        tieBreakers: [ { fact: input.years, order: desc }, { fact: input.late, order: asc } ]
      tests:
        # s and t: 80 each, 5 years each (the first ties), t late: the second decides (s first).
        # u: 70, alone on its total: decides nothing.
        - name: second decides
          subjects: [ { id: s, x: 80, years: 5, late: false }, { id: t, x: 80, years: 5, late: true }, { id: u, x: 70, years: 1, late: true } ]
          expect: { s: { rank: 1 }, t: { rank: 2 }, u: { rank: 3 } }
    `);
    const { failed, coverage } = testCoverage(loadRubric(rubricText(body)));
    expect(failed).toBe(0);
    expect(coverage.rubrics[0]!.targets.filter((x) => x.kind === "tie").map((x) => `${show(x)} ${x.covered}`)).toEqual([
      "tie input.years decided false",
      "tie input.late decided true",
    ]);
  });

  test("a quota is not-binding only where someone held its grade: a batch without an A proves nothing", () => {
    const body = dedent(`
      scoring:
        children:
          - { id: x, kind: input, max: 100 }
      quotas:
        - { id: one-a, grade: A, count: 1 }
      tests:
        # 50 → D (below 60): no A to limit.
        - name: no A
          subjects: [ { id: s, x: 50 } ]
          expect: { s: { grade: D } }
        # 95 → A, alone: one place, not binding.
        - name: one A
          subjects: [ { id: t, x: 95 } ]
          expect: { t: { grade: A } }
    `);
    const { coverage } = testCoverage(loadRubric(rubricText(body)));
    expect(coverage.rubrics[0]!.targets.filter((x) => x.kind === "quota").map((x) => `${show(x)} ${x.cases.join("+")}`)).toEqual([
      "quota one-a binding ",
      "quota one-a not-binding one A",
    ]);
  });

  test("item points by kind: zero and max only where the item can score them; deduct's floor above 0 replaces zero", () => {
    const body = dedent(`
      scoring:
        children:
          - { id: lv, kind: levels, max: 10, levels: { 好: 10, 较好: 8, 一般: 6 } }
          - { id: yn, kind: yesno, max: 10, yes: 10, no: 4 }
          - { id: bd, kind: bands, max: 10, input: n, bands: [ { min: 5, points: 10 } ], otherwise: 0 }
          - { id: dd, kind: deduct, max: 10, deductions: [ { id: e, per: dd, points: 1 } ] }
          - { id: sc, kind: input, max: 60 }
    `);
    const { coverage } = testCoverage(loadRubric(rubricText(body)));
    expect(coverage.rubrics[0]!.targets.filter((t) => t.kind === "item").map(show)).toEqual([
      "item lv max 10",
      "item yn max 10",
      "item bd zero 0",
      "item bd max 10",
      "item dd zero 0",
      "item dd max 10",
      "item sc zero 0",
      "item sc max 60",
    ]);
    // No case at all: nothing is touched.
    expect(coverage.rubrics[0]!.cases).toBe(0);
    expect(coverage.rubrics[0]!.overall.covered).toBe(0);
  });
});

describe("condition branches", () => {
  // A downgrade when (a or not b) and x scores at least 50; a cap to C when the grade, as the cap reads it
  // after downgrades, is at most C (it then changes nothing: a condition decided true without an adjustment).
  const body = dedent(`
    scoring:
      children:
        - { id: x, kind: input, max: 100 }
    inputs:
      a: { type: boolean }
      b: { type: boolean }
    rules:
      - id: down
        kind: downgrade
        reason: r
        when: { all: [ { any: [ input.a, { not: input.b } ] }, { fact: score.x, gte: 50 } ] }
      - { id: capped, kind: cap, grade: C, reason: r, when: { fact: grade, atMost: C } }
  `);
  const nodes = ["rules[0].when", "rules[0].when.all[0]", "rules[0].when.all[0].any[0]", "rules[0].when.all[0].any[1]", "rules[0].when.all[0].any[1].not", "rules[0].when.all[1]", "rules[1].when"];
  const decided = (cases: string) => {
    const { failed, coverage } = testCoverage(loadRubric(rubricText(body + testsBlock([cases]))));
    expect(failed).toBe(0);
    const targets = coverage.rubrics[0]!.targets.filter((t) => t.kind === "condition");
    expect([...new Set(targets.map((t) => t.id))]).toEqual(nodes);
    return targets.filter((t) => t.covered).map((t) => `${t.id} ${t.outcome}`);
  };

  test("each node is decided on its own, also where any/all would stop early", () => {
    // s: a true, b true, x 95 (A). any[0] true; any[1] = not b = false (any stops before it, counted anyway);
    // all[1] 95 ≥ 50 true → down fires: A → B. The cap reads the grade after downgrades: B is not at most C: false.
    const cases = `
      - name: a and b
        subjects: [ { id: s, x: 95, a: true, b: true } ]
        expect: { s: { grade: B, adjustments: [down] } }`;
    expect(decided(cases)).toEqual([
      "rules[0].when true",
      "rules[0].when.all[0] true",
      "rules[0].when.all[0].any[0] true",
      "rules[0].when.all[0].any[1] false",
      "rules[0].when.all[0].any[1].not true",
      "rules[0].when.all[1] true",
      "rules[1].when false",
    ]);
  });

  test("a second case decides the other way: every node both ways", () => {
    // s as above. t: a false, b true, x 40 → D: any[0] false, not b false (b true is its inner node's true),
    // so any and all[0] false; all[1] 40 < 50 false; the cap: D is at most C → true (nothing changes).
    // u: a false, b false, x 70 → C: not b true (its inner b false), any true, all[1] true → down: C → D.
    const cases = `
      - name: a and b
        subjects: [ { id: s, x: 95, a: true, b: true } ]
        expect: { s: { grade: B } }
      - name: neither
        subjects: [ { id: t, x: 40, a: false, b: true }, { id: u, x: 70, a: false, b: false } ]
        expect: { t: { grade: D, adjustments: [] }, u: { grade: D, adjustments: [down] } }`;
    const both = decided(cases);
    for (const n of nodes) expect(both, n).toEqual(expect.arrayContaining([`${n} true`, `${n} false`]));
  });

  test("a condition counts only for the subjects it is evaluated for: not for an excluded one", () => {
    const excluded = dedent(`
      scoring:
        children:
          - { id: x, kind: input, max: 100 }
      inputs:
        gone: { type: boolean }
      rules:
        - { id: out, kind: exclude, when: input.gone, reason: r }
        - { id: low, kind: veto, when: { fact: total, lt: 50 }, reason: r }
      tests:
        # s is excluded: the veto is not evaluated for it (its total 10 would make it true).
        - name: excluded
          subjects: [ { id: s, x: 10, gone: true } ]
          expect: { s: { excluded: true } }
    `);
    const { coverage } = testCoverage(loadRubric(rubricText(excluded)));
    expect(coverage.rubrics[0]!.targets.filter((t) => t.kind === "condition").map((t) => `${t.id} ${t.outcome} ${t.covered}`)).toEqual([
      "rules[0].when true true",
      "rules[0].when false false",
      "rules[1].when true false",
      "rules[1].when false false",
    ]);
  });

  test("a linked rubric's grade is read from the case's results", () => {
    const set = linkedSet(
      ["base", "scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\n"],
      [
        "top",
        dedent(`
          scoring:
            children:
              - { id: y, kind: input, max: 100 }
          rules:
            - { id: base-weak, kind: cap, grade: B, reason: r, when: { fact: rubric.base.grade, atMost: C } }
          tests:
            # base: x 65 → C, so top's 95 (A) is capped to B; x 95 → A: not capped.
            - name: linked
              subjects: [ { id: s, x: 65, y: 95 }, { id: t, x: 95, y: 95 } ]
              expect: { s: { grade: B, adjustments: [base-weak] }, t: { grade: A } }
        `),
      ],
    );
    const { failed, coverage } = testCoverage(set);
    expect(failed).toBe(0);
    const top = coverage.rubrics.find((r) => r.rubric === "top")!;
    expect(top.targets.filter((t) => t.kind === "condition").map((t) => `${t.id} ${t.outcome} ${t.cases.join("+")}`)).toEqual([
      "rules[0].when true linked",
      "rules[0].when false linked",
    ]);
  });
});

describe("what counts as a case of a rubric", () => {
  test("a case expecting an error touches nothing; a case of another rubric of the set does not count", () => {
    const set = linkedSet(
      ["base", "scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\n"],
      [
        "top",
        dedent(`
          scoring:
            children:
              - { id: y, kind: input, max: 100 }
          tests:
            # base: x 95 → A; top: y 50 → D (below 60).
            - name: top's case
              subjects: [ { id: s, x: 95, y: 50 } ]
              expect: { s: { grade: D } }
            - name: rejected
              subjects: [ { id: s, x: 101, y: 50 } ]
              error: DATA_OUT_OF_RANGE
        `),
      ],
    );
    const { passed, coverage } = testCoverage(set);
    expect(passed).toBe(2);
    const byId = new Map(coverage.rubrics.map((r) => [r.rubric, r]));
    expect(byId.get("base")!.cases).toBe(0);
    expect(byId.get("base")!.overall.covered).toBe(0);
    expect(byId.get("top")!.cases).toBe(1);
    // y 50 is neither 0 nor 100 and 10 from the nearest threshold: only band D is touched.
    expect(byId.get("top")!.targets.filter((t) => t.covered).map(show)).toEqual(["band D reached"]);
  });

  test("extra cases from a tests file count, with the CLI's option to leave recorded ones out", () => {
    const rubric = load([]);
    const tests = safeLoadTestCases(testsBlock([CASES.full!]), { file: "tests.yaml" });
    if (!tests.ok) throw new Error("tests");
    expect(testCoverage(rubric, tests.value).coverage.overall.covered).toBe(10);
  });
});

describe("percentages and the minimum, exactly", () => {
  test.each([
    [2, 3, "66.6"],
    [8, 24, "33.3"],
    [999, 1000, "99.9"],
    [1999, 2000, "99.9"], // 99.95 rounds down: 100.0 only when everything is covered
    [0, 5, "0.0"],
    [0, 0, "100.0"],
  ])("%i of %i is %s percent", (covered, total, percent) => {
    expect(percentOf(covered, total)).toBe(percent);
  });
  test("90% is met by 9 of 10 and by 90 of 100, not by 899 of 1000; 92.5 by 37 of 40, not 36", () => {
    expect(meetsMinimum({ covered: 9, total: 10 }, dec(90))).toBe(true);
    expect(meetsMinimum({ covered: 90, total: 100 }, dec(90))).toBe(true);
    expect(meetsMinimum({ covered: 899, total: 1000 }, dec(90))).toBe(false);
    expect(meetsMinimum({ covered: 37, total: 40 }, dec("92.5"))).toBe(true);
    expect(meetsMinimum({ covered: 36, total: 40 }, dec("92.5"))).toBe(false);
  });
});

describe("safeTestCoverage: arguments", () => {
  test("a wrong target or extra is API_BAD_ARGUMENT, never a throw", () => {
    const r = safeTestCoverage(null as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.params.argument])).toEqual([["API_BAD_ARGUMENT", "target"]]);
    const e = safeTestCoverage(load([]), [1] as never);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.issues.map((i) => [i.code, i.params.argument])).toEqual([["API_BAD_ARGUMENT", "extra[0]"]]);
  });
  test("an extra case that is not a valid test case (no subjects) is API_BAD_ARGUMENT naming it", () => {
    const r = safeTestCoverage(load([]), [{ case: { name: "x", expect: {} } }] as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.params.argument, i.params.expected])).toEqual([["API_BAD_ARGUMENT", "extra[0]", "a test case (from safeLoadTestCases)"]]);
  });
  test("testCoverage throws a KaoheError for the same", () => {
    expect(() => testCoverage({} as never)).toThrow(/API_BAD_ARGUMENT|target/);
  });
});
