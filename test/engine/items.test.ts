import { describe, expect, test } from "vitest";
import { compile, dataIssues, issuesOf, itemPoints, points, rubricText, run, unit } from "../helpers.js";

describe("input (direct points)", () => {
  test.each([
    [0, "0"],
    ["7.5", "7.5"],
    [10, "10"],
  ])("value %s gives %s points", (v, expected) => {
    expect(itemPoints(`- { id: a, kind: input, max: 10 }`, { a: v })).toBe(expected);
  });

  test("a value above max is a data error, not clamped", () => {
    const r = compile(`scoring:\n  children:\n    - { id: a, kind: input, max: 10 }`);
    expect(dataIssues(r, [{ id: "s", a: "10.01" }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE", subject: "s", field: "a", row: 1 }]);
  });
});

describe("yesno", () => {
  test("yes gives max, no gives 0 by default", () => {
    expect(itemPoints(`- { id: plan, kind: yesno, max: 2 }`, { plan: true })).toBe("2");
    expect(itemPoints(`- { id: plan, kind: yesno, max: 2 }`, { plan: "否" })).toBe("0");
  });
  test("declared yes/no points", () => {
    expect(itemPoints(`- { id: plan, kind: yesno, max: 2, yes: 2, no: 0.5 }`, { plan: "no" })).toBe("0.5");
  });
});

describe("levels (qualitative level → points)", () => {
  const item = `- { id: q, kind: levels, max: 20, levels: { 好: 20, 较好: 15, 一般: 10, 差: 0 } }`;
  test.each([
    ["好", "20"],
    ["较好", "15"],
    ["一般", "10"],
    ["差", "0"],
  ])("%s → %s (好20分,较好15分,一般10分,差0分)", (level, expected) => {
    expect(itemPoints(item, { q: level })).toBe(expected);
  });
  test("levels as shares of max", () => {
    expect(itemPoints(`- { id: q, kind: levels, max: 10, levels: { 好: 100%, 较好: 70%, 一般: 40%, 差: 0% } }`, { q: "较好" })).toBe("7");
  });
  test("an unknown level is a data error", () => {
    const r = compile(`scoring:\n  children:\n    ${item}`);
    expect(dataIssues(r, [{ id: "s", q: "优" }])).toMatchObject([{ code: "DATA_INVALID_VALUE", field: "q" }]);
  });
});

describe("deduct", () => {
  test("fixed deduction per failed check (没有年度学习计划扣1分)", () => {
    const item = `
      - id: study
        kind: deduct
        max: 5
        deductions:
          - { id: no-plan, when: input.no_plan, points: 1 }
          - { id: no-record, when: input.no_record, points: 2 }
    `;
    const extra = `inputs:\n  no_plan: { type: boolean }\n  no_record: { type: boolean }`;
    expect(itemPoints(item, { no_plan: true, no_record: false }, extra)).toBe("4");
    expect(itemPoints(item, { no_plan: true, no_record: true }, extra)).toBe("2");
  });

  test("per occurrence (每次扣0.5分) with a floor at 0 (扣完为止)", () => {
    const item = `- { id: late, kind: deduct, max: 2, deductions: [ { id: each, per: late_reports, points: 0.5 } ] }`;
    expect(itemPoints(item, { late_reports: 3 })).toBe("0.5");
    expect(itemPoints(item, { late_reports: 4 })).toBe("0");
    expect(itemPoints(item, { late_reports: 5 })).toBe("0");
  });

  test("per person-time (每人每次扣0.1分) and a multiplier (按被扣分值的10倍扣分)", () => {
    const item = `
      - id: m
        kind: deduct
        max: 10
        deductions:
          - { id: absent, per: absent_person_times, points: 0.1 }
          - { id: ten-times, per: external_deduction, points: 10 }
    `;
    expect(itemPoints(item, { absent_person_times: 7, external_deduction: "0.05" })).toBe("8.8");
  });

  test("shortfall against a required frequency (每少开1次扣0.5分)", () => {
    const item = `- { id: meetings, kind: deduct, max: 2, deductions: [ { id: fewer, shortfall: { input: held, required: 4 }, points: 0.5 } ] }`;
    expect(itemPoints(item, { held: 4 })).toBe("2");
    expect(itemPoints(item, { held: 6 })).toBe("2");
    expect(itemPoints(item, { held: 3 })).toBe("1.5");
    expect(itemPoints(item, { held: 0 })).toBe("0");
  });

  test("an entry's own max (此项最多扣2分)", () => {
    const item = `- { id: m, kind: deduct, max: 10, deductions: [ { id: each, per: n, points: 1, max: 2 } ] }`;
    expect(itemPoints(item, { n: 1 })).toBe("9");
    expect(itemPoints(item, { n: 5 })).toBe("8");
  });

  test("a declared floor other than 0", () => {
    const item = `- { id: m, kind: deduct, max: 10, floor: 4, deductions: [ { id: each, per: n, points: 1 } ] }`;
    expect(itemPoints(item, { n: 5 })).toBe("5");
    expect(itemPoints(item, { n: 7 })).toBe("4");
  });

  test("zeroIf: one occurrence zeroes the item (凡出现一例,本项不得分)", () => {
    const item = `- { id: m, kind: deduct, max: 10, zeroIf: { fact: input.cases, gte: 1 }, deductions: [ { id: each, per: late, points: 1 } ] }`;
    const extra = `inputs:\n  cases: { type: count }`;
    expect(itemPoints(item, { cases: 0, late: 1 }, extra)).toBe("9");
    expect(itemPoints(item, { cases: 1, late: 0 }, extra)).toBe("0");
  });

  test("amounts keyed by severity, deduplicated by case and department (同一案件同一部门不累计扣分)", () => {
    const body = `
      inputs:
        discipline: { type: records, fields: { case: text, dept: text, sanction: text } }
      scoring:
        children:
          - id: clean
            kind: deduct
            max: 20
            deductions:
              - id: sanctions
                records: discipline
                points: { by: sanction, table: { 诫勉: 1, 轻处分: 3, 重处分: 5, 移送司法: 8 } }
                dedup: { key: [case, dept], keep: max }
    `;
    const r = run(body, [
      {
        id: "s",
        discipline: [
          { case: "c1", dept: "财务部", sanction: "轻处分" },
          { case: "c1", dept: "财务部", sanction: "重处分" },
          { case: "c1", dept: "采购部", sanction: "诫勉" },
          { case: "c2", dept: "财务部", sanction: "诫勉" },
        ],
      },
    ]);
    // c1/财务部 counts once at the highest (5), c1/采购部 1, c2/财务部 1 → 20 − 7
    expect(points(r, "s", "clean")).toBe("13");
    expect(unit(r, "s").nodes[1]!.lines[0]!.detail).toContain("4 records, 3 after dedup");
  });

  test("a records entry with no records deducts nothing; an unknown table key is a data error", () => {
    const body = `
      inputs:
        discipline: { type: records, fields: { sanction: text } }
      scoring:
        children:
          - { id: clean, kind: deduct, max: 20, deductions: [ { id: s, records: discipline, points: { by: sanction, table: { 诫勉: 1 } } } ] }
    `;
    expect(points(run(body, [{ id: "s" }]), "s", "clean")).toBe("20");
    expect(dataIssues(compile(body), [{ id: "s", discipline: [{ sanction: "罚款" }] }])).toMatchObject([{ code: "DATA_INVALID_VALUE", subject: "s" }]);
  });

  test("amount by role of the person (书记扣10分,班子成员扣5分,支部书记扣2分) times occurrences", () => {
    const body = `
      inputs:
        incidents: { type: records, fields: { role: text, times: count } }
      scoring:
        children:
          - { id: duty, kind: deduct, max: 30, deductions: [ { id: by-role, records: incidents, times: times, points: { by: role, table: { 书记: 10, 班子成员: 5, 支部书记: 2 } } } ] }
    `;
    const r = run(body, [{ id: "s", incidents: [{ role: "班子成员", times: 2 }, { role: "支部书记", times: 1 }] }]);
    expect(points(r, "s", "duty")).toBe("18");
  });

  test("evaluator-chosen amount within a range (每发生一项扣3-5分)", () => {
    const body = `
      scoring:
        children:
          - { id: m, kind: deduct, max: 20, deductions: [ { id: judged, chosen: judged_amounts, range: [3, 5] } ] }
    `;
    expect(points(run(body, [{ id: "s", judged_amounts: [3, "4.5"] }]), "s", "m")).toBe("12.5");
    expect(dataIssues(compile(body), [{ id: "s", judged_amounts: [2.9] }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE", field: "judged_amounts" }]);
    expect(dataIssues(compile(body), [{ id: "s", judged_amounts: [5.01] }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE" }]);
  });
});

describe("bonus", () => {
  test("capped at max (本项加分最多不超过2分) with a bonus outside the cap (另行加分)", () => {
    const item = `
      - id: honours
        kind: bonus
        max: 2
        additions: [ { id: award, per: awards, points: 0.5 } ]
        outside: [ { id: special, per: special_awards, points: 1 } ]
    `;
    expect(itemPoints(item, { awards: 3, special_awards: 0 })).toBe("1.5");
    expect(itemPoints(item, { awards: 4, special_awards: 0 })).toBe("2");
    expect(itemPoints(item, { awards: 6, special_awards: 1 })).toBe("3");
  });

  test("take the highest level, do not sum (同类工作受多级表彰应取最高级别奖励分)", () => {
    const body = `
      inputs:
        honours: { type: records, fields: { work: text, level: text } }
      scoring:
        children:
          - { id: h, kind: bonus, max: 5, additions: [ { id: a, records: honours, points: { by: level, table: { 国家级: 2, 省级: 1, 市级: 0.5 } }, dedup: { key: [work], keep: max } } ] }
    `;
    const r = run(body, [{ id: "s", honours: [{ work: "w1", level: "市级" }, { work: "w1", level: "省级" }, { work: "w2", level: "市级" }] }]);
    expect(points(r, "s", "h")).toBe("1.5");
  });

  test("shared credit split evenly (2人以上署名的按署名人数平均得分)", () => {
    const body = `
      inputs:
        papers: { type: records, fields: { authors: count } }
      scoring:
        children:
          - { id: p, kind: bonus, max: 5, additions: [ { id: a, records: papers, points: 1, split: authors } ] }
    `;
    expect(points(run(body, [{ id: "s", papers: [{ authors: 3 }, { authors: 1 }] }]), "s", "p")).toBe("1.333333333333333333333333333333333333333");
  });

  test("escalation chain: cumulative amounts per adoption level (一件4分;…再加3分;…再加10分)", () => {
    const body = `
      inputs:
        proposals: { type: records, fields: { level: text } }
      scoring:
        children:
          - { id: p, kind: bonus, max: 40, additions: [ { id: a, records: proposals, points: { by: level, cumulative: true, table: { 采纳: 4, 市级批示: 3, 省级批示: 10, 中央批示: 15 } } } ] }
    `;
    const r = run(body, [{ id: "s", proposals: [{ level: "采纳" }, { level: "省级批示" }] }]);
    expect(points(r, "s", "p")).toBe("21");
  });
});

describe("ratio", () => {
  test("points = max × ratio; a percentage input is accepted (满意度96.85%)", () => {
    expect(itemPoints(`- { id: sat, kind: ratio, max: 10 }`, { sat: "96.85%" })).toBe("9.685");
    expect(itemPoints(`- { id: sat, kind: ratio, max: 10 }`, { sat: "0.9215" })).toBe("9.215");
  });
  test("attendance ratio from numerator and denominator ((参加次数/活动总次数)×)", () => {
    const item = `- { id: att, kind: ratio, max: 5, numerator: attended, denominator: held }`;
    expect(itemPoints(item, { attended: 9, held: 12 })).toBe("3.75");
  });
  test("a zero denominator is an error naming the subject", () => {
    const r = compile(`scoring:\n  children:\n    - { id: att, kind: ratio, max: 5, numerator: attended, denominator: held }`);
    expect(dataIssues(r, [{ id: "s", attended: 0, held: 0 }])).toMatchObject([{ code: "EVAL_ZERO_DENOMINATOR", subject: "s" }]);
  });
  test("a ratio above 100% is a data error", () => {
    const r = compile(`scoring:\n  children:\n    - { id: sat, kind: ratio, max: 10 }`);
    expect(dataIssues(r, [{ id: "s", sat: "101%" }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE" }]);
  });
});

describe("scale (step and threshold-linear)", () => {
  const step = `- { id: share, kind: scale, max: 6, target: 30%, base: 3, unit: 10%, points: 1, above: add, below: deduct }`;
  test.each([
    ["30%", "3"],
    ["39.9%", "3"],
    ["40%", "4"],
    ["20%", "2"],
    ["25%", "3"],
    ["0%", "0"],
    ["90%", "6"],
  ])("whole steps around a 30%% target (达30%%可获基础分3分,每上升或下降10%%加减1分): %s → %s", (v, expected) => {
    expect(itemPoints(step, { share: v })).toBe(expected);
  });
  test("exact (linear) steps", () => {
    expect(itemPoints(step.replace("below: deduct", "below: deduct, steps: exact"), { share: "25%" })).toBe("2.5");
  });
  test("threshold-linear deduction below a threshold (低于55%,每降低一个百分点扣1分)", () => {
    const item = `- { id: trust, kind: scale, max: 10, target: 55%, unit: 1%, points: 1, below: deduct }`;
    expect(itemPoints(item, { trust: "55%" })).toBe("10");
    expect(itemPoints(item, { trust: "80%" })).toBe("10");
    expect(itemPoints(item, { trust: "54%" })).toBe("9");
    expect(itemPoints(item, { trust: "54.5%" })).toBe("10");
    expect(itemPoints(item, { trust: "40%" })).toBe("0");
  });
  test("above a target read from another input (每超平均年龄1岁的,扣0.5分)", () => {
    const item = `- { id: age, kind: scale, max: 5, targetInput: average_age, unit: 1, points: 0.5, above: deduct }`;
    expect(itemPoints(item, { age: 47, average_age: 44 })).toBe("3.5");
  });
});

describe("bands", () => {
  const item = `- { id: lessons, kind: bands, max: 5, bands: [ { min: 4, points: 5 }, { min: 2, points: 3 }, { above: 0, points: 1 } ] }`;
  test.each([
    [4, "5"],
    [3, "3"],
    [2, "3"],
    [1, "1"],
    [0, "0"],
  ])("每年不少于4次: %s → %s", (v, expected) => {
    expect(itemPoints(item, { lessons: v })).toBe(expected);
  });
});

describe("rank (points by position across the batch)", () => {
  const body = (mode: string) => `scoring:\n  children:\n    - { id: r, kind: rank, max: 60, ${mode} }`;
  test("排名1-5名的依次赋予60分、57分…; ties share the position", () => {
    const r = run(body("points: [60, 57, 54, 51, 48]"), [
      { id: "a", r: 10 },
      { id: "b", r: 30 },
      { id: "c", r: 20 },
      { id: "d", r: 20 },
      { id: "e", r: 5 },
    ]);
    expect(["b", "c", "d", "a", "e"].map((id) => points(r, id, "r"))).toEqual(["60", "57", "57", "51", "48"]);
  });
  test("percentiles (居前5%加8分)", () => {
    const subjects = Array.from({ length: 20 }, (_, i) => ({ id: `s${String(i).padStart(2, "0")}`, r: i }));
    const r = run(body(`percentiles: [ { top: 5%, points: 8 }, { top: 20%, points: 4 } ]`), subjects);
    expect(points(r, "s19", "r")).toBe("8");
    expect(points(r, "s18", "r")).toBe("4");
    expect(points(r, "s16", "r")).toBe("4");
    expect(points(r, "s15", "r")).toBe("0");
  });
  test("proportional (第1名得满分,第2-5名按第1名的比例得分)", () => {
    const r = run(body("proportional: { top: 2 }"), [
      { id: "a", r: 80 },
      { id: "b", r: 60 },
      { id: "c", r: 40 },
    ]);
    expect([points(r, "a", "r"), points(r, "b", "r"), points(r, "c", "r")]).toEqual(["60", "45", "0"]);
  });
  test("proportional with order asc (lower is better): max × first / value, never above max", () => {
    // max 60 (the body's item); values 2, 4, 5 ascending: the first (2) gets 60, then 60 × 2 / 4 = 30
    // and 60 × 2 / 5 = 24. Before the fix 60 × 4 / 2 = 120 was above the item's max.
    const r = run(body("order: asc, proportional: { top: 3 }"), [
      { id: "a", r: 2 },
      { id: "b", r: 4 },
      { id: "c", r: 5 },
    ]);
    expect([points(r, "a", "r"), points(r, "b", "r"), points(r, "c", "r")]).toEqual(["60", "30", "24"]);
  });
  test("proportional values below 0 are out of range (implied min 0); a declared input needs min: 0", () => {
    // Before the fix −2 then −5 gave 60 × −5 / −2 = 150 on a max of 60.
    const issues = dataIssues(compile(body("proportional: { top: 2 }")), [
      { id: "a", r: -2 },
      { id: "b", r: -5 },
    ]);
    expect(issues.map((i) => [i.code, i.subject])).toEqual([
      ["DATA_OUT_OF_RANGE", "a"],
      ["DATA_OUT_OF_RANGE", "b"],
    ]);
    const declared = issuesOf(rubricText(`inputs:\n  r: { type: number, min: -10, max: 100 }\n${body("proportional: { top: 2 }")}`));
    expect(declared.map((i) => [i.code, i.params.reason])).toEqual([["RANGE_INVALID", "proportional-rank-negative"]]);
  });
});

describe("panel (evaluator scores)", () => {
  test("plain mean", () => {
    expect(itemPoints(`- { id: p, kind: panel, max: 100 }`, { p: [80, 85, 90] })).toBe("85");
  });
  test("trimmed mean only when more than 5 scores (大于5人的去掉一个最高分和一个最低分)", () => {
    const item = `- { id: p, kind: panel, max: 100, trim: { above: 5 } }`;
    expect(itemPoints(item, { p: [60, 80, 80, 80, 100] })).toBe("80");
    expect(itemPoints(item, { p: [60, 80, 80, 80, 80, 100] })).toBe("80");
    expect(itemPoints(item, { p: [50, 80, 80, 80, 80, 80] })).toBe("80");
    expect(itemPoints(item, { p: [50, 70, 80, 90, 100] })).toBe("78");
  });
  test("weighted rater groups (主要领导*0.15+主管领导*0.15+其它领导*0.2+…)", () => {
    const item = `- { id: p, kind: panel, max: 100, groups: [ { id: main, weight: 30% }, { id: others, weight: 70% } ] }`;
    expect(itemPoints(item, { p_main: [90], p_others: [80, 70] })).toBe("79.5");
  });
  test("a ballot with every score the same or all full marks is void (按无效票处理)", () => {
    const body = `scoring:\n  children:\n    - { id: p, kind: panel, max: 100, invalidBallots: [same-score, all-full] }`;
    const r = run(body, [
      { id: "a", p: { r1: 90, r2: 100, r3: 80 } },
      { id: "b", p: { r1: 70, r2: 100, r3: 80 } },
    ]);
    // r2 gave full marks to everyone, r3 the same score to everyone: only r1 counts.
    expect([points(r, "a", "p"), points(r, "b", "p")]).toEqual(["90", "70"]);
    expect(unit(r, "a").nodes[1]!.lines[0]!.detail).toContain("void");
  });
  test("per-ballot forced distribution (大于等于90分的最多不超过1人)", () => {
    const body = `scoring:\n  children:\n    - { id: p, kind: panel, max: 100, ballotLimits: [ { gte: 90, most: 1 } ] }`;
    const r = run(body, [
      { id: "a", p: { r1: 95, r2: 95 } },
      { id: "b", p: { r1: 80, r2: 91 } },
    ]);
    expect([points(r, "a", "p"), points(r, "b", "p")]).toEqual(["95", "80"]);
  });
  test("no valid score left is an error", () => {
    const r = compile(`scoring:\n  children:\n    - { id: p, kind: panel, max: 100, invalidBallots: [all-full] }`);
    expect(dataIssues(r, [{ id: "a", p: { r1: 100 } }, { id: "b", p: { r1: 100 } }])).toMatchObject([{ code: "EVAL_NO_VALID_SCORES" }, { code: "EVAL_NO_VALID_SCORES" }]);
  });
});

describe("votes (民主测评)", () => {
  const item = (denominator: string) => `- { id: v, kind: votes, max: 10, denominator: ${denominator}, coefficients: { 好: 1, 较好: 0.8, 一般: 0.6, 差: 0.4 } }`;
  const votes = { 好: 6, 较好: 2, 一般: 1, 差: 1, abstain: 2, invalid: 0, issued: 16 };
  // weighted = 6 + 1.6 + 0.6 + 0.4 = 8.6
  test.each([
    ["valid", "8.6"],
    ["valid-and-abstain", "7.166666666666666666666666666666666666667"],
    ["returned", "7.166666666666666666666666666666666666667"],
    ["issued", "5.375"],
  ])("denominator %s → %s", (d, expected) => {
    expect(itemPoints(item(d), { v: votes })).toBe(expected);
  });
  test("a missing level count is a data error", () => {
    const r = compile(`scoring:\n  children:\n    ${item("valid")}`);
    expect(dataIssues(r, [{ id: "s", v: { 好: 1, 较好: 1, 一般: 1 } }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "v" }]);
  });
});

describe("periods, carry, linked", () => {
  test("monthly scores averaged into the annual one (平时考核)", () => {
    expect(itemPoints(`- { id: m, kind: periods, max: 100, count: 4 }`, { m: [80, 90, 85, 95] })).toBe("87.5");
  });
  test("quarterly points summed", () => {
    expect(itemPoints(`- { id: m, kind: periods, max: 20, count: 4, aggregate: sum }`, { m: [5, 4.5, 5, 3] })).toBe("17.5");
  });
  test("wrong number of periods is a data error", () => {
    const r = compile(`scoring:\n  children:\n    - { id: m, kind: periods, max: 100, count: 4 }`);
    expect(dataIssues(r, [{ id: "s", m: [80, 90, 85] }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "m" }]);
  });
  test("carry-over (以后每年基础分值为上年度党员个人积分的20%)", () => {
    expect(itemPoints(`- { id: base, kind: carry, max: 20, share: 20% }`, { base: 87 })).toBe("17.4");
  });
});
