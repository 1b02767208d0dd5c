/**
 * Hand-computed expectations taken from the seed schemes (../shared/seeds).
 */
import { describe, expect, test } from "vitest";
import { evaluate, linkedSet, run, unit } from "../helpers.js";

describe("seed 000 (国家能源集团): 自评10% + 责任制70% + 集团党组成员评价20%", () => {
  const body = `
rounding: { places: 2, mode: half-up }
grades:
  - { id: good, label: 好, min: 90 }
  - { id: fair, label: 较好, min: 80 }
  - { id: average, label: 一般, min: 70 }
  - { id: poor, label: 差 }
scoring:
  combine: weighted
  children:
    - { id: self, kind: input, max: 100, weight: 10% }
    - { id: responsibility, kind: input, max: 100, weight: 70% }
    - { id: leadership, kind: input, max: 100, weight: 20% }
actions:
  - { id: interview, label: 约谈, when: { fact: grade, eq: average } }
`;
  test.each([
    [90, 85, 80, "84.50", "fair"],
    [100, 60, 75, "67.00", "poor"],
    ["88.8", "91.35", "79.6", "88.75", "fair"], // 8.88 + 63.945 + 15.92 = 88.745 → 88.75 half-up
    [100, 100, 100, "100.00", "good"],
    [0, 0, 0, "0.00", "poor"],
    [90, 90, 90, "90.00", "good"],
    ["89.99", 90, 90, "90.00", "good"], // 8.999 + 63 + 18 = 89.999 → 90.00
    [70, 70, "69.9", "69.98", "poor"],
  ])("self %s, responsibility %s, leadership %s → %s (%s)", (self, responsibility, leadership, score, grade) => {
    const u = unit(run(body, [{ id: "u", self, responsibility, leadership }]), "u");
    expect(u.score).toBe(score);
    expect(u.grade).toBe(grade);
  });
  test("一般 ⇒ 约谈, and only 一般", () => {
    const r = run(body, [
      { id: "a", self: 75, responsibility: 75, leadership: 75 },
      { id: "b", self: 85, responsibility: 85, leadership: 85 },
      { id: "c", self: 50, responsibility: 50, leadership: 50 },
    ]);
    expect(unit(r, "a").actions).toEqual([{ id: "interview", label: "约谈" }]);
    expect(unit(r, "b").actions).toEqual([]);
    expect(unit(r, "c").actions).toEqual([]);
  });
});

describe("seed 000: the chain 经营业绩 not A ⇒ 责任制 not 优秀 ⇒ 述职评议 not 好", () => {
  const responsibility = `
inputs:
  business_grade: { type: grade, scale: [A, B, C, D], label: 经营业绩考核等级 }
grades:
  - { id: excellent, label: 优秀, min: 90 }
  - { id: good, label: 良好, min: 80 }
  - { id: average, label: 一般, min: 60 }
  - { id: poor, label: 较差 }
scoring:
  children:
    - { id: duty, kind: input, max: 100 }
rules:
  - { id: business-not-a, kind: cap, grade: good, when: { fact: input.business_grade, worseThan: A }, reason: 经营业绩考核未达到A级的，党建工作责任制考核原则上不能评定为优秀 }
`;
  const review = `
rounding: { places: 2 }
inputs:
  serious_violation: { type: boolean, default: false }
  major_accident: { type: boolean, default: false }
grades:
  - { id: good, label: 好, min: 90 }
  - { id: fair, label: 较好, min: 80 }
  - { id: average, label: 一般, min: 70 }
  - { id: poor, label: 差 }
scoring:
  combine: weighted
  children:
    - { id: self, kind: input, max: 100, weight: 10% }
    - { id: responsibility, kind: linked, rubric: responsibility, max: 100, weight: 70% }
    - { id: leadership, kind: input, max: 100, weight: 20% }
rules:
  - { id: violation, kind: downgrade, when: { any: [input.serious_violation, input.major_accident] }, reason: "班子成员发生严重违规违纪行为或发生重大安全生产责任事故,直接降档" }
  - { id: not-excellent, kind: cap, grade: fair, when: { fact: rubric.responsibility.grade, worseThan: excellent }, reason: 党建工作责任制考核未达到优秀的，原则上不能评定为好 }
quotas:
  - { id: good-half, grade: good, share: 50% }
actions:
  - { id: interview, label: 约谈, when: { fact: grade, eq: average } }
`;
  const set = linkedSet(["review", review], ["responsibility", responsibility]);

  test("the set is evaluated in dependency order", () => {
    expect(set.rubrics.map((r) => r.id)).toEqual(["responsibility", "review"]);
  });

  test("business A keeps 优秀 and 好 possible; business B caps both down the chain", () => {
    const [resp, rev] = evaluate(set, [
      { id: "a", duty: 95, self: 95, leadership: 95, business_grade: "A" },
      { id: "b", duty: 95, self: 95, leadership: 95, business_grade: "B" },
    ]);
    expect(unit(resp!, "a").grade).toBe("excellent");
    expect(unit(resp!, "b")).toMatchObject({ grade: "good", rawGrade: "excellent" });
    expect(unit(rev!, "a").grade).toBe("good");
    expect(unit(rev!, "b")).toMatchObject({ score: "95.00", rawGrade: "good", grade: "fair" });
    expect(unit(rev!, "b").adjustments).toMatchObject([{ kind: "cap", rule: "not-excellent", from: "good", to: "fair" }]);
  });

  test("a serious violation moves the review down one level", () => {
    const [, rev] = evaluate(set, [{ id: "a", duty: 85, self: 85, leadership: 85, business_grade: "A", serious_violation: true }]);
    expect(unit(rev!, "a")).toMatchObject({ rawGrade: "fair", grade: "average", actions: [{ id: "interview", label: "约谈" }] });
  });

  test("好 ≤ 50% with an odd count: 5 eligible → at most 2 好", () => {
    const rows = [99, 98, 97, 96, 95].map((x, i) => ({ id: `u${i}`, duty: x, self: x, leadership: x, business_grade: "A" }));
    const [, rev] = evaluate(set, rows);
    expect(rev!.summary.distribution).toEqual({ good: 2, fair: 3, average: 0, poor: 0 });
    expect(unit(rev!, "u2").adjustments[0]).toMatchObject({ kind: "quota", numbers: { rank: 3, limit: 2, scopeSize: 5 } });
  });

  test("好 ≤ 50% with a tie at the boundary: tied subjects are demoted together", () => {
    const rows = [99, 96, 96, 80].map((x, i) => ({ id: `u${i}`, duty: x, self: x, leadership: x, business_grade: "A" }));
    const [, rev] = evaluate(set, rows);
    expect(rev!.units.map((u) => [u.id, u.grade])).toEqual([["u0", "good"], ["u1", "fair"], ["u2", "fair"], ["u3", "fair"]]);
  });
});

describe("seed 001 (甘肃省直机关工委): 实地考核60% + 平时考核30% + 民主测评10%", () => {
  const body = `
grades:
  - { id: excellent, min: 90 }
  - { id: good, min: 80 }
  - { id: pass, min: 60 }
  - { id: fail }
scoring:
  combine: weighted
  children:
    - { id: onsite, kind: input, max: 100, weight: 60% }
    - { id: regular, kind: periods, count: 12, max: 100, weight: 30% }
    - { id: democratic, kind: votes, max: 100, weight: 10%, coefficients: { 好: 1, 较好: 0.8, 一般: 0.6, 差: 0 } }
`;
  test("92 on site, monthly mean 88, votes (好 8, 较好 2) → 55.2 + 26.4 + 9.6 = 91.2", () => {
    const u = unit(run(body, [{ id: "u", onsite: 92, regular: [88, 88, 88, 88, 88, 88, 88, 88, 88, 88, 88, 88], democratic: { 好: 8, 较好: 2, 一般: 0, 差: 0 } }]), "u");
    expect(u.score).toBe("91.2");
    expect(u.grade).toBe("excellent");
    expect(u.nodes.map((n) => [n.id, n.points])).toEqual([["total", "91.2"], ["onsite", "92"], ["regular", "88"], ["democratic", "96"]]);
  });
});

describe("seed 004 (盛和城镇党支部): 10/20/20/15/15/20", () => {
  const body = `
grades:
  - { id: A, min: 90 }
  - { id: B, min: 80 }
  - { id: C, min: 60 }
  - { id: D }
scoring:
  combine: weighted
  children:
    - { id: organisation, label: 组织建设, kind: input, max: 100, weight: 10% }
    - { id: leadership, label: 班子建设, kind: input, max: 100, weight: 20% }
    - { id: team, label: 队伍建设, kind: input, max: 100, weight: 20% }
    - { id: rules, label: 制度执行, kind: input, max: 100, weight: 15% }
    - { id: support, label: 工作保障, kind: input, max: 100, weight: 15% }
    - { id: discipline, label: 纪律监督, kind: input, max: 100, weight: 20% }
`;
  test("80, 90, 85, 70, 95, 88 → 8 + 18 + 17 + 10.5 + 14.25 + 17.6 = 85.35", () => {
    const u = unit(run(body, [{ id: "u", organisation: 80, leadership: 90, team: 85, rules: 70, support: 95, discipline: 88 }]), "u");
    expect(u.score).toBe("85.35");
    expect(u.nodes.slice(1).map((n) => n.weight)).toEqual(["0.1", "0.2", "0.2", "0.15", "0.15", "0.2"]);
  });
});

describe("exact decimal arithmetic", () => {
  test("0.1 + 0.2 is exactly 0.3 (JS numbers in, decimal strings out)", () => {
    const u = unit(run("scoring:\n  children:\n    - { id: a, kind: input, max: 1 }\n    - { id: b, kind: input, max: 1 }", [{ id: "u", a: 0.1, b: 0.2 }]), "u");
    expect(u.score).toBe("0.3");
  });
  test("0.1 × 3 per-occurrence deductions from 1 is exactly 0.7", () => {
    const u = unit(run("scoring:\n  children:\n    - { id: d, kind: deduct, max: 1, deductions: [ { id: e, per: n, points: 0.1 } ] }", [{ id: "u", n: 3 }]), "u");
    expect(u.score).toBe("0.7");
  });
  test("ratio weights 1:2 give exact thirds to 40 significant digits, rounded only where declared", () => {
    const body = (rounding: string) => `${rounding}\nscoring:\n  combine: weighted\n  children:\n    - { id: a, kind: input, max: 100, weight: 1 }\n    - { id: b, kind: input, max: 100, weight: 2 }`;
    expect(unit(run(body(""), [{ id: "u", a: 100, b: 0 }]), "u").score).toBe("33.33333333333333333333333333333333333333");
    expect(unit(run(body("rounding: { places: 2 }"), [{ id: "u", a: 100, b: 0 }]), "u").score).toBe("33.33");
  });
  test("a rubric number beyond double precision is read exactly", () => {
    const u = unit(run("scoring:\n  children:\n    - { id: a, kind: yesno, max: 1, yes: 0.12345678901234567891 }", [{ id: "u", a: true }]), "u");
    expect(u.score).toBe("0.12345678901234567891");
  });
});
