/**
 * The integer path's kernels (engine/score-columns.ts), by hand: bands with inclusive and
 * exclusive bounds (an exclusive bound b is the threshold b + 1 at the input's scale), a
 * deduction's fused loop (the first entry writes the sum, the last bounds it), a `when`
 * entry first, zeroIf, values past 2^53 that send one row to the Dec walk, and rows turning
 * unclean at a block boundary (BLOCK_ROWS = 2,048). Every expected value is computed by hand.
 */
import { describe, expect, test } from "vitest";
import { compile, run, unit } from "../helpers.js";
import { planOf } from "../../src/plan/plan.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { prepareSubjects } from "../../src/engine/prepare.js";
import { BLOCK_ROWS, IntColumns } from "../../src/engine/score-columns.js";
import { IssueLog, ScoringContext } from "../../src/engine/state.js";
import type { SubjectData } from "../../src/index.js";

const scores = (body: string, subjects: SubjectData[]) => {
  const r = run(body, subjects);
  return Object.fromEntries(subjects.map((s) => [s.id, unit(r, s.id as string).score]));
};

describe("bands on the integer path: inclusive and exclusive bounds", () => {
  const body = `
    inputs:
      lessons: { type: number, min: 0, max: 10 }
    scoring:
      children:
        - { id: lessons, kind: bands, max: 5, bands: [ { min: 4, points: 5 }, { min: 2, points: 3 }, { above: 0, points: 1 } ], otherwise: 0 }
  `;

  test("the plan takes the bands item on the integer path", () => {
    const plan = planOf(compile(body));
    expect(plan.nodes[plan.index.get("lessons")!]!.numeric.path).toBe("int");
    expect(plan.columns).toBe(true);
  });

  test("exactly on a bound and one unit of the input's scale (10^-6) either side", () => {
    const values: [string, string][] = [
      ["4", "5"], //          on min 4 (inclusive)
      ["3.999999", "3"], //   just below 4 → min 2
      ["2", "3"], //          on min 2
      ["1.999999", "1"], //   just below 2 → above 0
      ["0.000001", "1"], //   just past the exclusive 0 (threshold 0 + 1 at scale 6)
      ["0", "0"], //          on the exclusive bound: no band → otherwise 0
      ["10", "5"],
    ];
    const got = scores(
      body,
      values.map(([v], i) => ({ id: `s${i}`, lessons: v })),
    );
    expect(values.map((_, i) => got[`s${i}`])).toEqual(values.map(([, want]) => want));
  });
});

describe("a deduction over number inputs: one fused loop per entry", () => {
  const body = `
    inputs:
      late: { type: count, default: 0 }
      hours: { type: number, min: 0, max: 100, default: 0 }
    scoring:
      children:
        - id: d
          kind: deduct
          max: 10
          deductions:
            - { id: each, per: late, points: 0.5, max: 3 }
            - { id: short, shortfall: { input: hours, required: 40 }, points: 0.1 }
  `;

  test.each([
    [0, "40", "10"], //     nothing deducted
    [6, "40", "7"], //      6 × 0.5 = 3, exactly the entry's max: 10 − 3
    [7, "40", "7"], //      7 × 0.5 = 3.5 → 3 (entry max)
    [0, "39.9", "9.99"], // (40 − 39.9) × 0.1 = 0.01
    [0, "100", "10"], //    above the requirement: max(0, 40 − 100) = 0
    [7, "0", "3"], //       3 + 40 × 0.1 = 7: 10 − 7
  ])("late %s, hours %s → %s", (late, hours, want) => {
    expect(scores(body, [{ id: "s", late, hours }]).s).toBe(want);
  });

  test("the floor (0) when the deductions pass the base", () => {
    const uncapped = `
      inputs:
        late: { type: count, default: 0 }
      scoring:
        children:
          - { id: d, kind: deduct, max: 10, deductions: [ { id: each, per: late, points: 0.5 } ] }
    `;
    // 20 × 0.5 = 10: exactly the base → 0; 25 × 0.5 = 12.5 → −2.5 → floor 0; 19 → 0.5
    expect(scores(uncapped, [{ id: "a", late: 20 }, { id: "b", late: 25 }, { id: "c", late: 19 }])).toEqual({ a: "0", b: "0", c: "0.5" });
  });

  test("a when entry first, then a per entry; zeroIf", () => {
    const withWhen = `
      inputs:
        late: { type: count, default: 0 }
        flag: { type: boolean, default: false }
        fake: { type: count, default: 0 }
      scoring:
        children:
          - id: d
            kind: deduct
            max: 10
            zeroIf: { fact: input.fake, gte: 1 }
            deductions:
              - { id: flagged, when: input.flag, points: 2 }
              - { id: each, per: late, points: 0.5 }
    `;
    expect(
      scores(withWhen, [
        { id: "a", flag: true, late: 1 }, //          10 − 2 − 0.5 = 7.5
        { id: "b", flag: false, late: 1 }, //         10 − 0.5 = 9.5
        { id: "c", flag: true, late: 0 }, //          10 − 2 = 8
        { id: "d", flag: false, late: 0, fake: 1 }, // zeroIf: 0
      ]),
    ).toEqual({ a: "7.5", b: "9.5", c: "8", d: "0" });
  });

  test("a count whose deduction passes 2^53 at the item's scale is scored in Dec, exactly", () => {
    // The item's scale is 1 (a count has 0 decimals, 0.5 has 1): 2^53 − 1 occurrences × 10 leave ±(2^53 − 1).
    // In Dec: min(3, (2^53 − 1) × 0.5) = 3 → 10 − 3 = 7; without the entry max, floor 0.
    const big = 2 ** 53 - 1;
    expect(scores(body, [{ id: "s", late: big, hours: "40" }]).s).toBe("7");
    const uncapped = `
      inputs:
        late: { type: count, default: 0 }
      scoring:
        children:
          - { id: d, kind: deduct, max: 10, deductions: [ { id: each, per: late, points: 0.5 } ] }
    `;
    expect(scores(uncapped, [{ id: "s", late: big }, { id: "t", late: 1 }])).toEqual({ s: "0", t: "9.5" });
  });
});

describe("rows leaving the integer path at a block boundary", () => {
  const body = `
    inputs:
      a: { type: number, min: 0, max: 10 }
      late: { type: count, default: 0 }
    scoring:
      children:
        - { id: a, kind: input, max: 10 }
        - { id: d, kind: deduct, max: 10, deductions: [ { id: each, per: late, points: 0.5 } ] }
  `;
  const n = BLOCK_ROWS + 3;
  // Row i: a = (i mod 10) + 0.5, late = i mod 3; row 2,047 (the last of the first block) has
  // a value of 7 decimals, row 2,048 (the first of the second) a count past 2^53 at the item's scale (1).
  const subjects: SubjectData[] = Array.from({ length: n }, (_, i) => ({ id: `u${String(i).padStart(5, "0")}`, a: `${i % 10}.5`, late: i % 3 }));
  subjects[2047] = { id: "u02047", a: "1.2345678", late: 2047 % 3 };
  subjects[2048] = { id: "u02048", a: "8.5", late: 1e17 };

  test("the integer path marks exactly those rows unclean, in both blocks", () => {
    const rubric = compile(body);
    const { subjects: checked } = checkSubjects(subjects, [rubric]);
    const { subjects: prepared, inputs } = prepareSubjects(checked, rubric, []);
    const plan = planOf(rubric);
    const cols = new IntColumns(plan, prepared, inputs, new ScoringContext(rubric, plan, new IssueLog(rubric), new Map(), false));
    cols.score(0, BLOCK_ROWS);
    expect([cols.clean[2045], cols.clean[2046], cols.clean[2047]]).toEqual([1, 1, 0]);
    // Row 2,046: a = 6.5, late = 2046 mod 3 = 0 → 6.5 + 10 = 16.5 at the root's scale (6, the input's).
    expect(plan.nodes[plan.root]!.numeric).toMatchObject({ path: "int", scale: 6 });
    expect(cols.cols[plan.root]![2046]).toBe(16_500_000);
    cols.score(BLOCK_ROWS, n);
    expect([cols.clean[0], cols.clean[1], cols.clean[2]]).toEqual([0, 1, 1]);
    // Row 2,049: a = 9.5, late = 2049 mod 3 = 0 → 19.5.
    expect(cols.cols[plan.root]![1]).toBe(19_500_000);
  });

  test("those rows are scored in Dec and their neighbours on the integer path, all exactly", () => {
    const got = scores(body, subjects);
    expect(got.u02046).toBe("16.5"); // 6.5 + (10 − 0)
    expect(got.u02047).toBe("10.7345678"); // 1.2345678 + (10 − 0.5 × 1)
    expect(got.u02048).toBe("8.5"); // 8.5 + max(0, 10 − 0.5 × 10^17) = 8.5 + 0
    expect(got.u02049).toBe("19.5"); // 9.5 + 10
    expect(got.u02050).toBe("10"); // 0.5 + (10 − 0.5 × 1)
  });
});

describe("zeroItems is counted when a fact reads it", () => {
  const tree = `
    inputs:
      late: { type: count, default: 0 }
      a: { type: number, min: 0, max: 10 }
    scoring:
      children:
        - { id: a, kind: input, max: 10 }
        - { id: d, kind: deduct, max: 2, deductions: [ { id: each, per: late, points: 1 } ] }
        - { id: y, kind: yesno, max: 1 }
  `;

  test("the plan knows which rubrics read it", () => {
    expect(planOf(compile(tree)).readsZeroItems).toBe(false);
    expect(planOf(compile(`${tree}\n    actions:\n      - { id: z, label: 约谈, when: { fact: zeroItems, gte: 2 } }`)).readsZeroItems).toBe(true);
  });

  test("an action on zeroItems ≥ 2 over clean rows of two blocks and a row walked in Dec", () => {
    const body = `${tree}\n    actions:\n      - { id: z, label: 约谈, when: { fact: zeroItems, gte: 2 } }`;
    const n = BLOCK_ROWS + 2;
    // Row i: a = 0 when i is even (else 5), late = 2 when i mod 3 = 0 (d = 2 − 2 = 0, else 2 − 0 = 2), y = false when i mod 5 = 0.
    const subjects: SubjectData[] = Array.from({ length: n }, (_, i) => ({ id: `u${String(i).padStart(5, "0")}`, a: i % 2 === 0 ? 0 : 5, late: i % 3 === 0 ? 2 : 0, y: i % 5 !== 0 }));
    // Row 2,049 in Dec (a has 7 decimals): a ≠ 0, late 0 → d = 2, y false (2049 mod 5 = 4: true) → no zero item.
    subjects[2049] = { id: "u02049", a: "0.0000001", late: 0, y: true };
    const r = run(body, subjects);
    const acted = (id: string) => unit(r, id).actions.some((a) => a.id === "z");
    expect(acted("u00000")).toBe(true); //  a 0, d 0, y 0: three zero items
    expect(acted("u00001")).toBe(false); // a 5, d 2, y 1: none
    expect(acted("u00002")).toBe(false); // a 0 only
    expect(acted("u00006")).toBe(true); //  a 0, d 0 (6 mod 3 = 0), y 1: two
    expect(acted("u00010")).toBe(true); //  a 0, y 0 (10 mod 5 = 0): two
    expect(acted("u02048")).toBe(false); // second block: a 0, late 0 (2048 mod 3 = 2) → d 2, y 1 (2048 mod 5 = 3): one
    expect(acted("u02049")).toBe(false);
    expect(unit(r, "u02049").score).toBe("3.0000001"); // 0.0000001 + 2 + 1
  });
});

describe("totals from the integer path: one Dec per distinct value below 2^16 at the total's places", () => {
  test("negative, shared, and on either side of 65,536 hundredths", () => {
    const body = `
      rounding: { places: 2, mode: half-up }
      inputs:
        a: { type: number, min: -10, max: 1000 }
      scoring:
        children:
          - { id: a, kind: input, max: 1000 }
    `;
    const values: [string, string][] = [
      ["-5.5", "-5.50"], //        negative: not shared
      ["12.5", "12.50"], //        twice: the same value
      ["12.5", "12.50"],
      ["655.35", "655.35"], //     65,535 hundredths: the last shared
      ["655.36", "655.36"], //     65,536: built for this subject
      ["999.994", "999.99"], //    half-up at 2 places: 999.994 → 999.99
      ["999.995", "1000.00"], //   999.995 → 1000.00
      ["0", "0.00"],
    ];
    const r = run(
      body,
      values.map(([v], i) => ({ id: `s${i}`, a: v })),
    );
    expect(values.map((_, i) => unit(r, `s${i}`).score)).toEqual(values.map(([, want]) => want));
  });
});

describe("grade bands as integer thresholds (grade.ts), and in Dec past their scale", () => {
  const grades = `
    grades:
      - { id: A, min: 90 }
      - { id: B, min: 75, below: 89.5 }
      - { id: C, above: 60 }
      - { id: D }
    policy: { bandGaps: higher }
    scoring:
      children:
        - { id: x, kind: input, max: 100 }
  `;
  const gradeOf = (body: string, x: string) => unit(run(body, [{ id: "s", x }]), "s").grade;
  // No rounding: thresholds at 6 decimals. 7 decimals are compared in Dec.
  test.each([
    ["90", "A"], //            on A's inclusive min
    ["89.999999", "A"], //     in the gap [89.5, 90): bandGaps higher → A
    ["89.5", "A"], //          on B's exclusive upper bound (89.5 − 10^-6 is B's last value): gap → A
    ["89.499999", "B"],
    ["89.4999999", "B"], //    7 decimals: Dec
    ["60.000001", "C"], //     just past C's exclusive 60
    ["60.0000001", "C"], //    7 decimals: Dec
    ["60", "D"], //            on it: D
  ])("score %s → %s", (x, g) => {
    expect(gradeOf(grades, x)).toBe(g);
  });
  test("with rounding to 1 place, 89.45 → 89.5 (half-up): the gap above B → A; 89.44 → 89.4 → B", () => {
    const body = `\n    rounding: { places: 1, mode: half-up }${grades}`;
    expect([gradeOf(body, "89.45"), gradeOf(body, "89.44")]).toEqual(["A", "B"]);
  });
});

describe("input items read integer columns in place (Int8, Int16, Int32 by the declared range)", () => {
  // At places 0, 0 … 100 fits an Int8Array; at places 2, 0 … 10,000 hundredths an Int16Array;
  // at the default 6 decimals, 0 … 10^8 an Int32Array. An absent value (missing: zero) is the column's none.
  const body = `
    inputs:
      p: { type: number, min: 0, max: 100, places: 0, missing: zero }
      q: { type: number, min: 0, max: 100, places: 2, missing: zero }
      r: { type: number, min: 0, max: 100, missing: zero }
    scoring:
      children:
        - { id: p, kind: input, max: 100 }
        - { id: q, kind: input, max: 100 }
        - { id: r, kind: input, max: 100 }
  `;

  test("the columns are the narrow arrays this test means", () => {
    const rubric = compile(body);
    const { subjects } = checkSubjects([{ id: "s", p: 1, q: 1, r: 1 }], [rubric]);
    const { inputs } = prepareSubjects(subjects, rubric, []);
    expect(["p", "q", "r"].map((k) => inputs.columns[inputs.index.get(k)!]!.scaled!.constructor.name)).toEqual(["Int8Array", "Int16Array", "Int32Array"]);
  });

  test("values, the maxima and absent values", () => {
    expect(
      scores(body, [
        { id: "a", p: 100, q: "99.99", r: "0.000001" }, // 100 + 99.99 + 0.000001 = 199.990001
        { id: "b", p: 0, q: "0.01", r: "100" }, //        0 + 0.01 + 100 = 100.01
        { id: "c", q: "1.5" }, //                          0 (absent) + 1.5 + 0 (absent) = 1.5
        { id: "d", p: 7, q: "2.25", r: "3.125" }, //      7 + 2.25 + 3.125 = 12.375
      ]),
    ).toEqual({ a: "199.990001", b: "100.01", c: "1.5", d: "12.375" });
  });
});
