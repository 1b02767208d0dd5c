import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { dec } from "../../src/decimal/decimal.js";
import { compile, evaluate, issuesOf, linkedSet, rubricText, run, unit } from "../helpers.js";

const tree = `
scoring:
  children:
    - { id: x, kind: input, max: 100 }
    - { id: y, kind: input, max: 0 }
`;
const scores = (...xs: (number | string)[]) => xs.map((x, i) => ({ id: `s${i + 1}`, x, y: 0 }));

describe("ranking", () => {
  test("by total descending; equal totals share a rank (1, 1, 3, 4), ties listed by id", () => {
    const r = run(tree, scores(80, 90, 90, 70));
    expect(r.units.map((u) => [u.id, u.rank])).toEqual([["s2", 1], ["s3", 1], ["s1", 3], ["s4", 4]]);
  });
  test("tie-breakers apply in order", () => {
    const body = `
scoring:
  children:
    - { id: onsite, kind: input, max: 60 }
    - { id: regular, kind: input, max: 40 }
ranking:
  tieBreakers:
    - { fact: score.onsite, order: desc }
    - { fact: score.regular, order: asc }
`;
    const r = run(body, [
      { id: "a", onsite: 50, regular: 30 },
      { id: "b", onsite: 55, regular: 25 },
      { id: "c", onsite: 40, regular: 40 },
      { id: "d", onsite: 55, regular: 25 },
    ]);
    expect(r.units.map((u) => [u.id, u.rank])).toEqual([["b", 1], ["d", 1], ["a", 3], ["c", 4]]);
  });
  test("tie-breaker values that differ only past a double's precision still order (orderKey equal, cmp decides); none sorts last either way", () => {
    // 9.007199254739992 and 9.007199254739993 round to one double: their orderKeys are equal.
    const body = (order: string) => `
inputs:
  t: { type: number, missing: skip }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
ranking:
  tieBreakers:
    - { fact: input.t, order: ${order} }
`;
    const rows = [
      { id: "a", x: 80, t: "9.007199254739992" },
      { id: "b", x: 80, t: "9.007199254739993" },
      { id: "c", x: 80 },
      { id: "d", x: 90, t: "1" },
    ];
    // Enough tied subjects for the bucket sort (32 or more members), the three above among them.
    const more = Array.from({ length: 40 }, (_, i) => ({ id: `z${String(i).padStart(2, "0")}`, x: 70, t: String(i % 7) }));
    const desc = run(body("desc"), [...rows, ...more]);
    expect(desc.units.slice(0, 4).map((u) => [u.id, u.rank])).toEqual([["d", 1], ["b", 2], ["a", 3], ["c", 4]]);
    const asc = run(body("asc"), [...rows, ...more]);
    expect(asc.units.slice(0, 4).map((u) => [u.id, u.rank])).toEqual([["d", 1], ["a", 2], ["b", 3], ["c", 4]]);
    // Among the 40 tied at 70: t ascending (0 … 6), ties by id.
    expect(asc.units.slice(4, 8).map((u) => u.id)).toEqual(["z00", "z07", "z14", "z21"]);
  });
  test("group ranks within each group", () => {
    const r = run(tree, [
      { id: "a", group: "g1", x: 90, y: 0 },
      { id: "b", group: "g2", x: 80, y: 0 },
      { id: "c", group: "g1", x: 70, y: 0 },
    ]);
    expect(r.units.map((u) => [u.id, u.rank, u.groupRank])).toEqual([["a", 1, 1], ["b", 2, 1], ["c", 3, 2]]);
    expect(r.summary.byGroup).toEqual({ g1: { A: 1, B: 0, C: 1, D: 0 }, g2: { A: 0, B: 1, C: 0, D: 0 } });
  });
});

describe("quota 好 ≤ 50%", () => {
  const body = (q: string) => `${tree}\nquotas:\n  - { id: half, grade: A, share: 50%${q} }`;
  test("even count: 4 subjects at A, limit 2; the rest move to B with the numbers behind", () => {
    const r = run(body(""), scores(95, 96, 97, 98));
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["s4", "A"], ["s3", "A"], ["s2", "B"], ["s1", "B"]]);
    expect(unit(r, "s2").adjustments).toEqual([
      {
        kind: "quota",
        rule: "half",
        from: "A",
        to: "B",
        reason: "A quota: at most 2 in all (50% of 4, floor); rank 3",
        numbers: { rank: 3, limit: 2, scopeSize: 4, scope: "all", admitted: 2 },
      },
    ]);
    expect(r.summary.distribution).toEqual({ A: 2, B: 2, C: 0, D: 0 });
  });
  test("odd count: floor(5 × 50%) = 2 by default, ceil gives 3, half-up gives 3", () => {
    const five = scores(91, 92, 93, 94, 95);
    expect(run(body(""), five).summary.distribution.A).toBe(2);
    expect(run(body(", rounding: ceil"), five).summary.distribution.A).toBe(3);
    expect(run(body(", rounding: half-up"), five).summary.distribution.A).toBe(3);
  });
  test("an exact fraction: 优秀 at most 1/3 of 9 is exactly 3, of 10 is 3", () => {
    const b = `${tree}\nquotas:\n  - { id: third, grade: A, share: "1/3" }`;
    expect(run(b, scores(91, 92, 93, 94, 95, 96, 97, 98, 99)).summary.distribution.A).toBe(3);
    expect(run(b, scores(91, 92, 93, 94, 95, 96, 97, 98, 99, 90)).summary.distribution.A).toBe(3);
    expect(unit(run(b, scores(91, 92, 93, 94, 95, 96, 97, 98, 99)), "s6").adjustments[0]!.reason).toBe("A quota: at most 3 in all (1/3 of 9, floor); rank 4");
  });
  test("the scope size counts every graded subject, not only the holders", () => {
    const r = run(body(""), scores(95, 96, 97, 50, 40, 30));
    expect(r.summary.distribution.A).toBe(3);
  });
  test("tie at the boundary, ties: demote (default) demotes every tied subject", () => {
    const r = run(body(""), scores(99, 95, 95, 70));
    // limit 2: s1 admitted; s2 and s3 tie for the 2nd place → both demoted
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["s1", "A"], ["s2", "B"], ["s3", "B"], ["s4", "C"]]);
    expect(unit(r, "s2").adjustments[0]!.reason).toContain("tied at the boundary");
  });
  test("tie at the boundary, ties: admit admits every tied subject (may exceed)", () => {
    const r = run(body(", ties: admit"), scores(99, 95, 95, 70));
    expect(r.summary.distribution.A).toBe(3);
  });
  test("a tie-breaker resolves the boundary", () => {
    const b = `${body("")}\nranking:\n  tieBreakers: [ { fact: input.seniority, order: desc } ]\ninputs:\n  seniority: { type: count }`;
    const r = run(b, [
      { id: "a", x: 99, y: 0, seniority: 1 },
      { id: "b", x: 95, y: 0, seniority: 3 },
      { id: "c", x: 95, y: 0, seniority: 5 },
      { id: "d", x: 70, y: 0, seniority: 1 },
    ]);
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["a", "A"], ["c", "A"], ["b", "B"], ["d", "C"]]);
  });
  test("moved subjects cascade: quotas on the next grade apply in turn", () => {
    const b = `${tree}\nquotas:\n  - { id: a-half, grade: A, share: 50% }\n  - { id: b-one, grade: B, count: 1 }`;
    const r = run(b, scores(99, 98, 97, 96));
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["s1", "A"], ["s2", "A"], ["s3", "B"], ["s4", "C"]]);
    expect(unit(r, "s4").adjustments.map((a) => `${a.rule}:${a.from}->${a.to}`)).toEqual(["a-half:A->B", "b-one:B->C"]);
  });
  test("per-group scope", () => {
    const b = `${tree}\nquotas:\n  - { id: half, grade: A, share: 50%, scope: group }`;
    const r = run(b, [
      { id: "a", group: "g1", x: 99, y: 0 },
      { id: "b", group: "g1", x: 98, y: 0 },
      { id: "c", group: "g2", x: 90, y: 0 },
      { id: "d", group: "g2", x: 91, y: 0 },
    ]);
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["a", "A"], ["b", "B"], ["d", "A"], ["c", "B"]]);
    expect(unit(r, "b").adjustments[0]!.numbers).toMatchObject({ scope: "group g1", scopeSize: 2, limit: 1 });
  });
  test('per-group scope: subjects without a group and a group named "(none)" share the scope "group (none)", in row order; competitors by rank, ties by id', () => {
    const b = `${tree}\nquotas:\n  - { id: half, grade: A, share: 50%, scope: group }`;
    const r = run(b, [
      { id: "m", x: 97, y: 0 },
      { id: "k", group: "(none)", x: 98, y: 0 },
      { id: "z", x: 99, y: 0 },
      { id: "a", group: "g1", x: 96, y: 0 },
      { id: "q", x: 97, y: 0 },
    ]);
    // Scope "group (none)": m, k, z, q (4; limit floor(4 × 50%) = 2): z (99, rank 1) and k (98, rank 2) admitted;
    // m and q (97, rank 3 tied) demoted. Scope "group g1": a alone, limit floor(0.5) = 0: demoted.
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["z", "A"], ["k", "A"], ["m", "B"], ["q", "B"], ["a", "B"]]);
    expect(unit(r, "m").adjustments[0]!.numbers).toMatchObject({ scope: "group (none)", scopeSize: 4, limit: 2, rank: 3 });
    expect(unit(r, "a").adjustments[0]!.numbers).toMatchObject({ scope: "group g1", scopeSize: 1, limit: 0, rank: 5 });
  });
  test("subjects moved by rules do not compete; a rule-moved holder fills a place first", () => {
    const b = `
inputs:
  sanctioned: { type: boolean, default: false }
${tree}
quotas:
  - { id: b-one, grade: B, count: 1 }
rules:
  - { id: down, kind: downgrade, when: input.sanctioned, reason: down }
`;
    const r = run(b, [
      { id: "a", x: 99, y: 0, sanctioned: true },
      { id: "b", x: 80, y: 0 },
      { id: "c", x: 79, y: 0 },
    ]);
    // a was moved A→B by a rule and keeps B; b and c compete for 1 − 1 = 0 places.
    expect(r.units.map((u) => [u.id, u.grade])).toEqual([["a", "B"], ["b", "C"], ["c", "C"]]);
    expect(unit(r, "b").adjustments[0]!.numbers).toMatchObject({ heldByRules: 1, limit: 1 });
  });
});

describe("grade tie-breakers order by quality (A best)", () => {
  // Both subjects total 90 (a: 90 + 0, d: 90 + 0); the external business grade decides.
  const body = (fact: string, order: string) => `
inputs:
  business: { type: grade, scale: [A, B, C, D] }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
ranking:
  tieBreakers: [ { fact: ${fact}, order: ${order} } ]
`;
  const subjects = [
    { id: "d", x: 90, business: "D" },
    { id: "a", x: 90, business: "A" },
  ];
  test("desc (the default order) ranks grade A above grade D", () => {
    expect(run(body("input.business", "desc"), subjects).units.map((u) => [u.id, u.rank])).toEqual([["a", 1], ["d", 2]]);
  });
  test("asc ranks grade D above grade A", () => {
    expect(run(body("input.business", "asc"), subjects).units.map((u) => [u.id, u.rank])).toEqual([["d", 1], ["a", 2]]);
  });
  test("a linked rubric's grade: desc puts its better grade first", () => {
    // r1 grades by x (A ≥ 90, D below 60); r2 totals y only, both 80, tie broken by r1's grade.
    const set = linkedSet(
      ["r1", "scoring:\n  children:\n    - { id: x, kind: input, max: 100 }"],
      ["r2", "scoring:\n  children:\n    - { id: y, kind: input, max: 100 }\nranking:\n  tieBreakers: [ { fact: rubric.r1.grade, order: desc } ]"],
    );
    const results = evaluate(set, [
      { id: "low", x: 50, y: 80 },
      { id: "high", x: 95, y: 80 },
    ]);
    expect(results[1]!.units.map((u) => [u.id, u.rank])).toEqual([["high", 1], ["low", 2]]);
  });
  test("this rubric's raw grade: desc puts the better raw grade first", () => {
    // Equal totals have equal raw grades, so rank by rawGrade desc after a zero-score veto:
    // v (raw A, vetoed to 0) and w (raw D, 0 points) both total 0; v's raw grade A ranks first.
    const b = `
inputs:
  flag: { type: boolean, default: false }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
rules:
  - { id: zero, kind: veto, score: zero, when: input.flag, reason: 一票否决 }
ranking:
  tieBreakers: [ { fact: rawGrade, order: desc } ]
`;
    const r = run(b, [
      { id: "w", x: 0 },
      { id: "v", x: 95, flag: true },
    ]);
    expect(r.units.map((u) => [u.id, u.score, u.rank])).toEqual([["v", "0", 1], ["w", "0", 2]]);
  });
});

describe("a quota on the lowest grade", () => {
  test("is rejected with QUOTA_LOWEST_GRADE at the quota's grade (by id or by label)", () => {
    for (const name of ["D", "差"]) {
      const text = rubricText(`grades:
  - { id: A, min: 90 }
  - { id: D, label: 差 }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
quotas:
  - { id: few-poor, grade: ${name}, share: 10% }`);
      const issues = issuesOf(text);
      expect(issues).toMatchObject([{ code: "QUOTA_LOWEST_GRADE", params: { quota: "few-poor", grade: "D" } }]);
      const line = text.split("\n").findIndex((l) => l.includes("few-poor")) + 1;
      expect(issues[0]!.source).toMatchObject({ line, col: text.split("\n")[line - 1]!.indexOf(name) + 1 });
    }
  });
  test("a quota on the grade just above the lowest is accepted", () => {
    const r = compile(`grades:
  - { id: A, min: 90 }
  - { id: D }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
quotas:
  - { id: few-good, grade: A, share: 10% }`);
    expect(r.quotas.map((q) => q.id)).toEqual(["few-good"]);
  });
});

describe("ranking with tie-breakers on many subjects (one combined key per subject) = the comparison, by hand", () => {
  // Totals from a few values (many ties), two tie-breakers with decimals, negatives and missing values, groups.
  const subject = fc.record({
    x: fc.constantFrom(60, 70, 70.5, 80, 90),
    t1: fc.option(fc.constantFrom("1", "2.5", "-3", "0", "2.50", "0.001", "100"), { nil: undefined }),
    t2: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
    group: fc.constantFrom("g1", "g2", "g3"),
  });
  const body = (o1: string, o2: string) => `
inputs:
  t1: { type: number, missing: skip }
  t2: { type: number, missing: skip }
scoring:
  children:
    - { id: x, kind: input, max: 100 }
ranking:
  tieBreakers:
    - { fact: input.t1, order: ${o1} }
    - { fact: input.t2, order: ${o2} }
`;
  /** -1, 0, 1 as the ranking compares two subjects: total (higher first), then each tie-breaker (missing last), nothing else. */
  const compareBy = (o1: string, o2: string) => (a: { x: number; t1?: string; t2?: number }, b: { x: number; t1?: string; t2?: number }): number => {
    if (a.x !== b.x) return a.x > b.x ? -1 : 1;
    for (const [va, vb, order] of [[a.t1, b.t1, o1], [a.t2, b.t2, o2]] as const) {
      if (va === undefined || vb === undefined) {
        if (va !== vb) return va === undefined ? 1 : -1;
        continue;
      }
      const c = dec(String(va)).cmp(dec(String(vb)));
      if (c !== 0) return order === "desc" ? -c : c;
    }
    return 0;
  };
  /** Competition ranks (1, 1, 3) of `rows` by `cmp`, by id. */
  const ranksOf = (rows: { id: string; x: number }[], cmp: (a: never, b: never) => number): Map<string, number> => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.id, 1 + rows.filter((o) => (cmp as (a: unknown, b: unknown) => number)(o, r) < 0).length);
    return out;
  };
  prop.prop([fc.array(subject, { minLength: 32, maxLength: 140 }), fc.constantFrom("asc", "desc"), fc.constantFrom("asc", "desc")], { numRuns: 60 })("overall and group ranks, and the unit order", (list, o1, o2) => {
    const rows = list.map((r, i) => ({ id: `s${String(i).padStart(3, "0")}`, ...r, ...(r.t1 === undefined ? { t1: undefined } : {}), ...(r.t2 === undefined ? { t2: undefined } : {}) }));
    const data = rows.map(({ t1, t2, ...rest }) => ({ ...rest, ...(t1 !== undefined ? { t1 } : {}), ...(t2 !== undefined ? { t2 } : {}) }));
    const result = run(body(o1, o2), data);
    const cmp = compareBy(o1, o2);
    const overall = ranksOf(rows, cmp as never);
    for (const u of result.units) expect(u.rank, u.id).toBe(overall.get(u.id));
    for (const g of ["g1", "g2", "g3"]) {
      const inGroup = ranksOf(rows.filter((r) => r.group === g), cmp as never);
      for (const u of result.units.filter((x) => x.group === g)) expect(u.groupRank, u.id).toBe(inGroup.get(u.id));
    }
    // Units in rank order, ties by id.
    const order = [...rows].sort((a, b) => cmp(a, b) || (a.id < b.id ? -1 : 1)).map((r) => r.id);
    expect(result.units.map((u) => u.id)).toEqual(order);
  });
});
