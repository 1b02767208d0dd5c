/**
 * The data as the user wrote it: one column read once (a label equal to its id),
 * subject columns named by the rubric (编号, 支部名称, 板块) and ignored columns,
 * score precision (places), lists in one CSV cell, and errors that name the column
 * as written and list the allowed values.
 */
import { describe, expect, test } from "vitest";
import { safeAssess } from "../../src/index.js";
import { compile, dataIssues, issuesOf, rubricText, run, unit } from "../helpers.js";

describe("one column is read once", () => {
  test("an input whose label equals its id reads its one column", () => {
    const r = run(
      `
inputs:
  veto: { type: boolean, default: false, label: veto }
scoring:
  children:
    - { id: a, kind: input, max: 100 }
rules:
  - { id: v, kind: veto, when: input.veto, reason: 一票否决 }
`,
      [{ id: "u1", a: 95, veto: true }, { id: "u2", a: 80, veto: "否" }],
    );
    // u1: 95 → A, vetoed to D; u2: 80 → B, no veto.
    expect(unit(r, "u1")).toMatchObject({ rawGrade: "A", grade: "D" });
    expect(unit(r, "u2")).toMatchObject({ grade: "B", adjustments: [] });
  });

  test("a value given under both the name and a different label is still rejected", () => {
    const rubric = compile(`
inputs:
  domain: { type: choice, values: [village, school], label: 领域 }
scoring:
  children:
    - { id: q, kind: levels, input: domain, max: 10, levels: { village: 10, school: 5 } }
`);
    expect(dataIssues(rubric, [{ id: "u", domain: "school", 领域: "village" }])).toMatchObject([
      { code: "DATA_BAD_SHAPE", field: "domain", params: { input: "domain", received: 'both "domain" and "领域"' } },
    ]);
  });
});

describe("score precision: places (可评一位小数)", () => {
  const panel = compile(`
inputs:
  leaders: { type: scores, min: 0, max: 100, places: 1, label: 领导评分 }
scoring:
  children:
    - { id: leaders, kind: panel, max: 100 }
`);

  test("a scores input with places: 1 takes 92.5 and rejects 92.55, naming the rater's column", () => {
    const r = run(`inputs:\n  leaders: { type: scores, min: 0, max: 100, places: 1 }\nscoring:\n  children:\n    - { id: leaders, kind: panel, max: 100 }`, [{ id: "u", leaders: { r1: "92.5", r2: "92.50", r3: 90 } }]);
    expect(unit(r, "u").score).toBe("91.66666666666666666666666666666666666667"); // (92.5 + 92.5 + 90) / 3 = 275 / 3
    expect(dataIssues(panel, [{ id: "u", 领导评分: { r1: "92.5", r2: "92.55" } }])).toMatchObject([
      { code: "DATA_TOO_PRECISE", row: 1, subject: "u", field: "领导评分.r2", params: { input: "leaders", places: 1, received: "92.55" } },
    ]);
  });

  test("in one cell, the position of the score is given", () => {
    expect(dataIssues(panel, [{ id: "u", 领导评分: "92.5;92.55" }])).toMatchObject([{ code: "DATA_TOO_PRECISE", field: "领导评分", params: { position: 2, received: "92.55" } }]);
  });

  test("places on the panel item applies to the scores it reads", () => {
    const body = `scoring:\n  children:\n    - { id: p, kind: panel, max: 100, places: 1 }`;
    expect(unit(run(body, [{ id: "u", p: [92.5, 90] }]), "u").score).toBe("91.25"); // (92.5 + 90) / 2
    expect(dataIssues(compile(body), [{ id: "u", p: [92.5, 92.55] }])).toMatchObject([{ code: "DATA_TOO_PRECISE", field: "p", params: { places: 1, position: 2 } }]);
  });

  test("with a declared input, the fewer places of the panel and the input apply", () => {
    const body = `inputs:\n  p: { type: scores, min: 0, max: 100, places: 2 }\nscoring:\n  children:\n    - { id: p, kind: panel, max: 100, places: 0 }`;
    expect(dataIssues(compile(body), [{ id: "u", p: [92.5] }])).toMatchObject([{ code: "DATA_TOO_PRECISE", params: { places: 0 } }]);
    expect(unit(run(body, [{ id: "u", p: [92, 90] }]), "u").score).toBe("91");
  });

  test("a number input: 92.5 in, 92.55 out", () => {
    const body = `inputs:\n  x: { type: number, min: 0, max: 100, places: 1, label: 思想建设得分 }\nscoring:\n  children:\n    - { id: x, kind: input, max: 100 }`;
    expect(unit(run(body, [{ id: "u", 思想建设得分: "92.5" }]), "u").score).toBe("92.5");
    expect(dataIssues(compile(body), [{ id: "u", 思想建设得分: "92.55" }])).toMatchObject([{ code: "DATA_TOO_PRECISE", field: "思想建设得分", params: { input: "x", places: 1 } }]);
  });
});

describe("subject columns: subject: { id, name, group, ignore }", () => {
  const rubric = compile(`
subject: { label: 党支部, id: 编号, name: 支部名称, group: 板块, ignore: [备注] }
inputs:
  thought: { type: number, min: 0, max: 100, label: 思想建设得分 }
scoring:
  children:
    - { id: thought, kind: input, max: 100 }
`);

  test("the id, name and group come from the declared columns; an ignored column is skipped", () => {
    const r = safeAssess(rubric, [
      { 编号: "B01", 支部名称: "第一党支部", 板块: "机关", 思想建设得分: "92", 备注: "" },
      { 编号: "B02", 支部名称: "第二党支部", 板块: "机关", 思想建设得分: "70", 备注: "补录" },
    ]);
    expect(r.ok).toBe(true);
    const units = r.ok ? r.value.results[0]!.units : [];
    expect(units.map((u) => [u.id, u.name, u.group, u.score, u.grade, u.groupRank])).toEqual([
      ["B01", "第一党支部", "机关", "92", "A", 1],
      ["B02", "第二党支部", "机关", "70", "C", 2],
    ]);
  });

  test("the plain id, name and group columns still work", () => {
    const r = run(`subject: { id: 编号 }\nscoring:\n  children:\n    - { id: a, kind: input, max: 100 }`, [{ id: "u1", name: "甲", group: "g", a: 80 }]);
    expect(unit(r, "u1")).toMatchObject({ name: "甲", group: "g", score: "80" });
  });

  test("without the declaration, a row with only 编号 has no id", () => {
    const plain = compile(`scoring:\n  children:\n    - { id: thought, kind: input, max: 100 }`);
    expect(dataIssues(plain, [{ 编号: "B01", 支部名称: "甲", thought: 90 }])).toMatchObject([{ code: "DATA_MISSING_ID", row: 1, field: "id" }]);
  });

  test("a missing id names the declared column", () => {
    expect(dataIssues(rubric, [{ 编号: "", 支部名称: "甲", 思想建设得分: 90 }])).toMatchObject([{ code: "DATA_MISSING_ID", row: 1, field: "编号" }]);
  });

  test("an id given twice (id and 编号) is rejected", () => {
    expect(dataIssues(rubric, [{ id: "B01", 编号: "B01", 思想建设得分: 90 }])).toMatchObject([
      { code: "DATA_BAD_SHAPE", row: 1, field: "编号", params: { received: 'both "id" and "编号"' } },
    ]);
  });

  test("an undeclared column next to an ignored one is still unknown", () => {
    expect(dataIssues(rubric, [{ 编号: "B01", 思想建设得分: 90, 备注: "x", 附注: "y" }])).toMatchObject([{ code: "DATA_UNKNOWN_FIELD", field: "附注" }]);
  });

  test.each([
    ["an input's label", "subject: { name: 思想建设得分 }", ["subject", "name"]],
    ["another subject field", "subject: { id: name }", ["subject", "id"]],
    ["an ignored input", "subject: { ignore: [thought] }", ["subject", "ignore", 0]],
  ])("a subject column that is also %s is rejected", (_name, subject, path) => {
    const text = rubricText(`${subject}\ninputs:\n  thought: { type: number, min: 0, max: 100, label: 思想建设得分 }\nscoring:\n  children:\n    - { id: thought, kind: input, max: 100 }`);
    expect(issuesOf(text)).toMatchObject([{ code: "SCHEMA_CONSTRAINT", path }]);
  });
});

describe("lists in one CSV cell", () => {
  // 酌情扣3-5分: the chosen amounts are a scores input.
  const rubric = compile(`
inputs:
  pick: { type: scores, min: 3, max: 5, label: 酌情扣分 }
scoring:
  children:
    - { id: d, kind: deduct, max: 20, deductions: [ { id: pick, chosen: pick, range: [3, 5] } ] }
`);
  const score = (cell: string) => {
    const r = safeAssess(rubric, [{ id: "u", 酌情扣分: cell }]);
    return r.ok ? r.value.results[0]!.units[0]!.score : r.issues.map((i) => [i.code, i.field, i.params.position]);
  };

  test.each([
    ["3;5", "12"], // 20 − (3 + 5)
    ["3；5", "12"], // full-width ；
    [" 4 ", "16"], // one amount
    ["[3, 5]", "12"],
    ["[]", "20"], // nothing chosen
    ["[ ]", "20"],
  ])("%j gives %s", (cell, expected) => {
    expect(score(cell)).toBe(expected);
  });

  test("an empty cell is an absent value (DATA_MISSING_FIELD), unless missing: zero says it is nothing chosen", () => {
    expect(score("")).toEqual([["DATA_MISSING_FIELD", "酌情扣分", undefined]]);
  });

  test.each([
    ["3;x", ["DATA_NOT_NUMBER", "酌情扣分", 2]],
    ["3;;5", ["DATA_BAD_SHAPE", "酌情扣分", 2]],
    ["3;", ["DATA_BAD_SHAPE", "酌情扣分", 2]],
    ["3;6", ["DATA_OUT_OF_RANGE", "酌情扣分", 2]],
    ["[3, 5", ["DATA_BAD_SHAPE", "酌情扣分", undefined]],
  ])("%j is rejected", (cell, expected) => {
    expect(score(cell)).toEqual([expected]);
  });

  test("the bad part is named with the row and the subject", () => {
    const issues = dataIssues(rubric, [{ id: "u1", 酌情扣分: "3" }, { id: "u2", 酌情扣分: "3;x" }]);
    expect(issues).toMatchObject([{ code: "DATA_NOT_NUMBER", row: 2, subject: "u2", field: "酌情扣分", params: { input: "pick", position: 2, received: "x" } }]);
  });

  test("an empty list on a panel is no score (EVAL_NO_VALID_SCORES)", () => {
    const panel = compile(`scoring:\n  children:\n    - { id: p, kind: panel, max: 100 }`);
    expect(dataIssues(panel, [{ id: "u", p: "[]" }])).toMatchObject([{ code: "EVAL_NO_VALID_SCORES", field: "p" }]);
  });
});

describe("errors name the column as written and list the allowed values", () => {
  const rubric = compile(`
inputs:
  thought: { type: number, min: 0, max: 25, label: 思想建设得分 }
  business: { type: grade, scale: [A, B, C, D], label: 经营业绩考核等级 }
  duty: { type: choice, values: [好, 较好, 一般, 差], label: 一岗双责落实情况 }
  vote: { type: votes, levels: [好, 较好, 一般, 差], label: 民主测评 }
  monthly: { type: series, length: 3, min: 0, max: 10 }
scoring:
  children:
    - { id: thought, kind: input, max: 25 }
    - { id: d, kind: levels, input: duty, max: 10, levels: { 好: 10, 较好: 8, 一般: 6, 差: 0 } }
    - { id: v, kind: votes, input: vote, max: 10, coefficients: { 好: 1, 较好: 0.8, 一般: 0.6, 差: 0 } }
    - { id: m, kind: periods, input: monthly, count: 3, max: 10 }
rules:
  - { id: c, kind: cap, grade: B, when: { fact: input.business, worseThan: A }, reason: r }
`);
  const ok = { id: "u", 思想建设得分: 20, 经营业绩考核等级: "A", 一岗双责落实情况: "好", 民主测评: { 好: 3, 较好: 1, 一般: 0, 差: 0 }, monthly: [8, 9, 10] };

  test("the label the data used, not the input id", () => {
    const [issue] = dataIssues(rubric, [{ ...ok, 思想建设得分: 26 }]);
    expect(issue).toMatchObject({ code: "DATA_OUT_OF_RANGE", field: "思想建设得分", params: { field: "思想建设得分", input: "thought" } });
    expect(issue!.message).toBe('"思想建设得分" must be between 0 and 25, got 26');
  });

  test("the id when the data used the id", () => {
    expect(dataIssues(rubric, [{ ...ok, 思想建设得分: undefined, thought: 26 }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE", field: "thought", params: { input: "thought" } }]);
  });

  test("a grade outside the scale lists the grades", () => {
    const [issue] = dataIssues(rubric, [{ ...ok, 经营业绩考核等级: "E" }]);
    expect(issue).toMatchObject({ code: "DATA_INVALID_VALUE", field: "经营业绩考核等级", params: { input: "business", allowed: ["A", "B", "C", "D"] } });
    expect(issue!.message).toBe('"经营业绩考核等级" must be one of A, B, C, D, got "E"');
  });

  test("a level outside the choice lists the levels", () => {
    expect(dataIssues(rubric, [{ ...ok, 一岗双责落实情况: "优" }])).toMatchObject([{ code: "DATA_INVALID_VALUE", field: "一岗双责落实情况", params: { allowed: ["好", "较好", "一般", "差"] } }]);
  });

  test("a missing grade names the column and lists the grades", () => {
    const [issue] = dataIssues(rubric, [{ ...ok, 经营业绩考核等级: "" }]);
    expect(issue).toMatchObject({ code: "DATA_MISSING_FIELD", field: "经营业绩考核等级", params: { input: "business", allowed: ["A", "B", "C", "D"] } });
    expect(issue!.message).toBe('missing value for "经营业绩考核等级" (input "business"); expected a grade, one of A, B, C, D');
  });

  test("an unknown vote level lists the vote keys; a bad count names its column", () => {
    expect(dataIssues(rubric, [{ ...ok, 民主测评: { ...ok.民主测评, 优: 1 } }])).toMatchObject([
      { code: "DATA_BAD_SHAPE", field: "民主测评.优", params: { allowed: ["好", "较好", "一般", "差", "abstain", "invalid", "issued"] } },
    ]);
    expect(dataIssues(rubric, [{ ...ok, 民主测评: { ...ok.民主测评, 较好: "1.5" } }])).toMatchObject([{ code: "DATA_INVALID_VALUE", field: "民主测评.较好" }]);
  });

  test("a period's value names its column (monthly.2)", () => {
    expect(dataIssues(rubric, [{ ...ok, monthly: [8, 11, 10] }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE", field: "monthly.2", params: { input: "monthly" } }]);
  });

  test("an evaluation error on a labelled input names its column", () => {
    const ratio = compile(`inputs:\n  n: { type: number, min: 0, label: 参加次数 }\n  d: { type: number, min: 0, label: 活动总次数 }\nscoring:\n  children:\n    - { id: r, kind: ratio, max: 5, numerator: n, denominator: d }`);
    expect(dataIssues(ratio, [{ id: "u", 参加次数: 5, 活动总次数: 4 }])).toMatchObject([{ code: "DATA_OUT_OF_RANGE", field: "参加次数", params: { input: "n", field: "参加次数" } }]);
  });
});
