/**
 * diffAssessments and diffRubrics on the two Shenghe half-year versions and on
 * hand-made pairs (a weight change, a band change, a new rule, a quota change). Every
 * expected number is computed by hand from the YAML and the data, in the comments.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { assess, diffAssessments, diffRubrics, loadRubric, safeAssess, safeDiffAssessments, safeDiffRubrics, type RubricResult, type SubjectData } from "../../src/index.js";
import { parseCsv } from "../../src/cli/csv.js";

const root = new URL("../..", import.meta.url).pathname;
const SHENGHE = join(root, "rubrics/shenghe-branch");
const text = (file: string) => ({ text: readFileSync(join(SHENGHE, file), "utf8"), file: `rubrics/shenghe-branch/${file}` });
const rows = parseCsv(readFileSync(join(SHENGHE, "example.csv"), "utf8"), "example.csv");

describe("the two Shenghe versions (party-building-h1.yaml → party-building-h2.yaml) on example.csv", () => {
  const h1 = loadRubric(text("party-building-h1.yaml").text);
  const h2 = loadRubric(text("party-building-h2.yaml").text);
  // Each version sets aside the column only the other declares, and the business target book's.
  const before = assess(h1, rows, { ignoreColumns: ["l5b", "经营指标得分"] });
  const after = assess(h2, rows, { ignoreColumns: ["l5", "经营指标得分"] });
  const d = diffAssessments(before.results[0]!, after.results[0]!);
  const subject = (id: string) => d.subjects.find((s) => s.id === id)!;

  test("the set-aside columns are named", () => {
    expect(before.setAside).toEqual(["l5b", "经营指标得分"]);
    expect(after.setAside).toEqual(["l5", "经营指标得分"]);
  });

  test("C06 盛和酒店 95.50 → 94.70: l5 (yes, 20) gives way to l5b (较好, 16) in 班子建设 (20%)", () => {
    // C06 under h1, aspect by aspect (weights 10/20/20/15/15/20):
    //   组织建设 o1 20 + o2 (11 of 12 meetings: −2) 18 + o3 20 + o4 20 + o5 (1 case: −5) 15 = 93 × 0.1 = 9.3
    //   班子建设 l1 较好 16 + l2 20 + l3 (4 of 4) 20 + l4 (8 talks) 20 + l5 yes 20 = 96 × 0.2 = 19.2
    //   队伍建设 t1 0.99 × 20 = 19.8 + t2 (3) 20 + t3 20 + t4 20 + t5 较好 16 = 95.8 × 0.2 = 19.16
    //   制度执行 r1 20 + r2 (0) 20 + r3 (2 × −2) 16 + r4 较好 16 + r5 0.93 × 20 = 18.6 → 90.6 × 0.15 = 13.59
    //   工作保障 s1 20 + s2 20 + s3 0.95 × 20 = 19 + s4 (7 ≥ 6) 20 + s5 较好 16 = 95 × 0.15 = 14.25
    //   纪律监督 d1 (4 of 4) 20 + d2 (0) 20 + d3 (0 problems) 20 + d4 20 + d5 较好 16 = 96 × 0.2 = 19.2
    //   sum 9.3 + 19.2 + 19.16 + 13.59 + 14.25 + 19.2 = 94.7
    //   党业融合: 104.6% is 4 whole points above 100% → +0.2 × 4 = 0.8; nothing missed, no accident
    //   total 94.7 + 0.8 = 95.50
    // Under h2 only 班子建设 differs: l5b 较好 16 instead of l5 20 → 92 × 0.2 = 18.4, total 94.70.
    // C06 has no 八项规定 problem (d3 = 0), so the doubled d3 deduction plays no part.
    // Contributions: l5 leaves (−20 × 0.2 = −4), l5b comes (16 × 0.2 = +3.2); −4 + 3.2 = −0.8, nothing left over.
    expect(subject("C06")).toEqual({
      id: "C06",
      name: "盛和酒店",
      scoreBefore: "95.50",
      scoreAfter: "94.70",
      scoreChange: "-0.80",
      gradeBefore: "excellent",
      gradeAfter: "excellent",
      // Ranks: before, C06 95.50 is 4th (99.61, 98.80, 96.74 above it), C11 95.09 5th; after, C11 95.09 passes C06 94.70.
      rankBefore: 4,
      rankAfter: 5,
      rankChange: -1,
      causes: {
        items: [
          { item: "l5", label: "年度重点任务部署落实", pointsBefore: "20", pointsAfter: null, contribution: "-4" },
          { item: "l5b", label: "党纪学习教育（集团党委下半年重点工作）", pointsBefore: null, pointsAfter: "16", contribution: "3.2" },
        ],
        rest: "0",
        rules: [],
        rawGrade: { before: "excellent", after: "excellent" },
      },
    });
  });

  test("C03 盛和商贸 82.17 → 85.37: l5 (no, 0) gives way to l5b (较好, 16)", () => {
    // C03 under h1:
    //   组织建设 20 + 20 (12 meetings) + 20 + o4 no 0 + 20 = 80 × 0.1 = 8
    //   班子建设 l1 较好 16 + l2 20 + l3 (2 of 4: −10) 10 + l4 (6 ≥ 4) 12 + l5 no 0 = 58 × 0.2 = 11.6
    //   队伍建设 t1 0.92 × 20 = 18.4 + t2 (1) 12 + 20 + 20 + t5 较好 16 = 86.4 × 0.2 = 17.28
    //   制度执行 20 + r2 (2 × −4) 12 + r3 (0) 20 + r4 较好 16 + r5 0.89 × 20 = 17.8 → 85.8 × 0.15 = 12.87
    //   工作保障 20 + 20 + s3 0.94 × 20 = 18.8 + s4 (8) 20 + s5 较好 16 = 94.8 × 0.15 = 14.22
    //   纪律监督 d1 (3 of 4: −5) 15 + 20 + 20 + 20 + d5 较好 16 = 91 × 0.2 = 18.2
    //   sum 8 + 11.6 + 17.28 + 12.87 + 14.22 + 18.2 = 82.17; 100.2% is no whole point above → +0; total 82.17
    // h2: l5b 较好 16 → 班子建设 74 × 0.2 = 14.8 (+3.2) → 85.37.
    // l5 was 0, so its leaving contributes nothing and is not listed; l5b contributes 16 × 0.2 = +3.2.
    const c03 = subject("C03");
    expect([c03.scoreBefore, c03.scoreAfter, c03.scoreChange, c03.gradeBefore, c03.gradeAfter]).toEqual(["82.17", "85.37", "3.20", "good", "good"]);
    // Ranks: C09 83.94 was above C03 (8th); after, 85.37 > 83.14 → 7th.
    expect([c03.rankBefore, c03.rankAfter, c03.rankChange]).toEqual([8, 7, 1]);
    expect(c03.causes).toEqual({
      items: [{ item: "l5b", label: "党纪学习教育（集团党委下半年重点工作）", pointsBefore: null, pointsAfter: "16", contribution: "3.2" }],
      rest: "0",
      rules: [],
      rawGrade: { before: "good", after: "good" },
    });
  });

  test("C07 盛和农业 loses 1.00 to the doubled 八项规定 deduction (1 problem: −5 → −10, × 20%)", () => {
    // l5 yes 20 → l5b 好 20: −4 + 4; d3 15 → 10: (10 − 15) × 0.2 = −1.
    expect(subject("C07").scoreChange).toBe("-1.00");
    expect(subject("C07").causes!.items.map((i) => [i.item, i.contribution])).toEqual([
      ["l5b", "4"],
      ["l5", "-4"],
      ["d3", "-1"],
    ]);
  });

  test("no grade changes: the matrix is the diagonal 6 / 4 / 2 / 0, both distributions alike", () => {
    expect(d.counts).toEqual({ subjects: 12, higher: 1, lower: 7, same: 4, gradeChanged: 0, rankChanged: 4 });
    expect(d.matrix).toEqual({
      excellent: { excellent: 6, good: 0, pass: 0, fail: 0 },
      good: { excellent: 0, good: 4, pass: 0, fail: 0 },
      pass: { excellent: 0, good: 0, pass: 2, fail: 0 },
      fail: { excellent: 0, good: 0, pass: 0, fail: 0 },
    });
    expect(d.distribution).toEqual({ before: { excellent: 6, good: 4, pass: 2, fail: 0 }, after: { excellent: 6, good: 4, pass: 2, fail: 0 } });
    expect([d.onlyBefore, d.onlyAfter, d.withoutItems]).toEqual([[], [], false]);
  });

  test("the structural change: l5 removed, l5b added, d3's label and points per problem (5 → 10), with file:line:col", () => {
    const r = diffRubrics(text("party-building-h1.yaml"), text("party-building-h2.yaml"));
    expect(r.before).toEqual({ id: "shenghe-party-2024h1", name: "盛和城镇党支部党建工作考核（上半年）", version: "2024.1", year: 2024, file: "rubrics/shenghe-branch/party-building-h1.yaml" });
    expect(r.changes.map((c) => [c.change, c.area, c.id, c.field, c.before, c.after])).toEqual([
      ["removed", "item", "l5", "", { id: "l5", label: "年度重点任务部署落实", kind: "yesno", max: 20 }, null],
      ["added", "item", "l5b", "", null, { id: "l5b", label: "党纪学习教育（集团党委下半年重点工作）", kind: "levels", max: 20, levels: { 好: 20, 较好: 16, 一般: 12, 差: 0 } }],
      ["changed", "item", "d3", "label", "违反中央八项规定精神问题（每起扣5分）", "违反中央八项规定精神问题（每起扣10分）"],
      ["changed", "item", "d3", "deductions.each.points", 5, 10],
    ]);
    // h1 line 50 and h2 line 54 hold l5 and l5b (column 11, after "        - "); d3 is on h1:88 and h2:92.
    expect(r.changes[0]!.source).toEqual({ before: { file: "rubrics/shenghe-branch/party-building-h1.yaml", line: 50, col: 11 } });
    expect(r.changes[1]!.source).toEqual({ after: { file: "rubrics/shenghe-branch/party-building-h2.yaml", line: 54, col: 11 } });
    expect(r.changes[3]!.path).toEqual(["scoring", "children", 5, "children", 2, "deductions", 0, "points"]);
    expect([r.changes[3]!.source.before!.line, r.changes[3]!.source.after!.line]).toEqual([88, 92]);
  });
});

// ------------------------------------------------------------------ hand-made pairs

const BASE = `kaohe: 1
id: base
name: 基础
year: 2024
version: "1"
grades:
  - { id: good, label: 好, min: 80 }
  - { id: fair, label: 中, min: 60 }
  - { id: poor, label: 差 }
scoring:
  combine: weighted
  max: 100
  children:
    - { id: a, label: 甲, kind: input, max: 100, weight: 50% }
    - { id: b, label: 乙, kind: input, max: 100, weight: 50% }
`;

const pair = (before: string, after: string, subjects: readonly SubjectData[]) => {
  const b = assess(loadRubric(before), subjects).results[0]!;
  const a = assess(loadRubric(after), subjects).results[0]!;
  return { d: diffAssessments(b, a), r: diffRubrics({ text: before, file: "old.yaml" }, { text: after, file: "new.yaml" }) };
};

describe("hand-made pairs", () => {
  const subjects = [
    { id: "u1", a: 90, b: 70 },
    { id: "u2", a: 60, b: 90 },
    { id: "u3", a: 96, b: 62 },
  ];

  test("a weight change: a 50% → 60%, b 50% → 40%", () => {
    const after = BASE.replace("weight: 50% }\n    - { id: b", "weight: 60% }\n    - { id: b").replace(/(id: b.*)weight: 50%/, "$1weight: 40%");
    const { d, r } = pair(BASE, after, subjects);
    expect(r.changes.map((c) => [c.area, c.id, c.field, c.before, c.after, c.source.after?.line])).toEqual([
      ["weight", "a", "weight", "50%", "60%", 14],
      ["weight", "b", "weight", "50%", "40%", 15],
    ]);
    // u1: 0.5 × 90 + 0.5 × 70 = 80 (good, on the threshold) → 0.6 × 90 + 0.4 × 70 = 54 + 28 = 82 (good).
    // u2: 30 + 45 = 75 (fair) → 36 + 36 = 72 (fair).
    // u3: 48 + 31 = 79 (fair) → 57.6 + 24.8 = 82.4 (good): the one grade change;
    //     a contributes 57.6 − 48 = +9.6, b 24.8 − 31 = −6.2; 9.6 − 6.2 = 3.4 = 82.4 − 79, nothing left over.
    expect(d.subjects.map((s) => [s.id, s.scoreBefore, s.scoreAfter, s.scoreChange, s.gradeBefore, s.gradeAfter, s.rankBefore, s.rankAfter])).toEqual([
      ["u3", "79", "82.4", "3.4", "fair", "good", 2, 1],
      ["u1", "80", "82", "2", "good", "good", 1, 2],
      ["u2", "75", "72", "-3", "fair", "fair", 3, 3],
    ]);
    expect(d.subjects[0]!.causes).toEqual({
      items: [
        { item: "a", label: "甲", pointsBefore: "96", pointsAfter: "96", contribution: "9.6" },
        { item: "b", label: "乙", pointsBefore: "62", pointsAfter: "62", contribution: "-6.2" },
      ],
      rest: "0",
      rules: [],
      rawGrade: { before: "fair", after: "good" },
    });
    expect(d.matrix).toEqual({ good: { good: 1, fair: 0, poor: 0 }, fair: { good: 1, fair: 1, poor: 0 }, poor: { good: 0, fair: 0, poor: 0 } });
    expect(d.distribution).toEqual({ before: { good: 1, fair: 2, poor: 0 }, after: { good: 2, fair: 1, poor: 0 } });
    expect(d.counts).toEqual({ subjects: 3, higher: 2, lower: 1, same: 0, gradeChanged: 1, rankChanged: 2 });
  });

  test("a band change: 好 from 80 to 75 (75 is now exactly on it; 74.9 just below)", () => {
    const after = BASE.replace("min: 80", "min: 75");
    const { d, r } = pair(BASE, after, [
      { id: "on", a: 75, b: 75 },
      { id: "below", a: 74.9, b: 74.9 },
    ]);
    expect(r.changes).toEqual([
      { area: "band", change: "changed", id: "good", path: ["grades", 0, "min"], field: "min", before: 80, after: 75, source: { before: { file: "old.yaml", line: 7, col: 32 }, after: { file: "new.yaml", line: 7, col: 32 } } },
    ]);
    // 75 ≥ 75 → good (was fair: 75 < 80); 74.9 < 75 stays fair. Same score: no item contributes; the bands moved.
    expect(d.subjects.map((s) => [s.id, s.scoreChange, s.gradeBefore, s.gradeAfter])).toEqual([
      ["on", "0", "fair", "good"],
      ["below", "0.0", "fair", "fair"], // 74.9 − 74.9 at the places of the scores (1)
    ]);
    expect(d.subjects[0]!.causes).toEqual({ items: [], rest: "0", rules: [], rawGrade: { before: "fair", after: "good" } });
    expect(d.subjects[1]!.causes).toBeUndefined();
    expect(d.matrix.fair).toEqual({ good: 1, fair: 1, poor: 0 });
  });

  test("a new rule: b below 75 cannot be 好 (cap)", () => {
    const after = `${BASE}rules:\n  - { id: low-b, kind: cap, grade: fair, when: { fact: score.b, lt: 75 }, reason: 乙项低于75分不得评为好 }\n`;
    const { d, r } = pair(BASE, after, [
      { id: "u1", a: 90, b: 74 },
      { id: "u2", a: 85, b: 75 },
    ]);
    expect(r.changes.map((c) => [c.area, c.change, c.id, c.path, c.after && (c.after as { kind: string }).kind, c.source])).toEqual([
      ["rule", "added", "low-b", ["rules", 0], "cap", { after: { file: "new.yaml", line: 17, col: 5 } }],
    ]);
    // u1: 45 + 37 = 82 → good, capped at fair under the new rule (74 < 75); u2: 42.5 + 37.5 = 80 → good (75 is not < 75).
    const u1 = d.subjects.find((s) => s.id === "u1")!;
    expect([u1.scoreChange, u1.gradeBefore, u1.gradeAfter]).toEqual(["0", "good", "fair"]);
    expect(u1.causes).toEqual({
      items: [],
      rest: "0",
      rules: [{ rule: "low-b", kind: "cap", only: "after", changed: true, detail: "score.b lt 75" }],
      rawGrade: { before: "good", after: "good" },
    });
    expect(d.subjects.find((s) => s.id === "u2")!.causes).toBeUndefined();
  });

  test("a quota change: 好 at most 50% → at most 25% of 4 (2 → 1)", () => {
    const quota = (share: string) => `${BASE}quotas:\n  - { id: good-share, grade: good, share: ${share} }\n`;
    const { d, r } = pair(quota("50%"), quota("25%"), [
      { id: "s1", a: 95, b: 95 },
      { id: "s2", a: 90, b: 90 },
      { id: "s3", a: 85, b: 85 },
      { id: "s4", a: 82, b: 82 },
    ]);
    expect(r.changes.map((c) => [c.area, c.change, c.id, c.field, c.before, c.after])).toEqual([["quota", "changed", "good-share", "share", "50%", "25%"]]);
    // 50% of 4 = 2 good (s1, s2; s3 and s4 demoted in both); 25% of 4 = 1 good: s2 (rank 2) is demoted too.
    const s2 = d.subjects.find((s) => s.id === "s2")!;
    expect([s2.gradeBefore, s2.gradeAfter]).toEqual(["good", "fair"]);
    expect(s2.causes!.rules.map((x) => [x.rule, x.kind, x.only, x.changed])).toEqual([["good-share", "quota", "after", true]]);
    expect(s2.causes!.items).toEqual([]);
    // s3 and s4 were demoted by the quota in both versions: no cause of a change, no causes at all.
    expect(d.subjects.filter((s) => s.causes).map((s) => s.id)).toEqual(["s2"]);
    expect(d.matrix.good).toEqual({ good: 1, fair: 1, poor: 0 });
    expect(d.distribution).toEqual({ before: { good: 2, fair: 2, poor: 0 }, after: { good: 1, fair: 3, poor: 0 } });
  });

  test("same texts: no change at all", () => {
    const { d, r } = pair(BASE, BASE, subjects);
    expect(r.changes).toEqual([]);
    expect(d.subjects.every((s) => s.causes === undefined && s.scoreChange === "0")).toBe(true);
  });

  test("an item moved to another group is one change of parent, not a removal and an addition", () => {
    const grouped = BASE.replace(
      "    - { id: b, label: 乙, kind: input, max: 100, weight: 50% }",
      "    - { id: g, label: 组, max: 100, weight: 50%, children: [ { id: b, label: 乙, kind: input, max: 100 } ] }",
    );
    const moved = BASE.replace(
      "    - { id: a, label: 甲, kind: input, max: 100, weight: 50% }\n    - { id: b, label: 乙, kind: input, max: 100, weight: 50% }",
      "    - { id: b, label: 乙, kind: input, max: 100, weight: 50% }\n    - { id: g, label: 组, max: 100, weight: 50%, children: [ { id: a, label: 甲, kind: input, max: 100 } ] }",
    );
    const r = diffRubrics({ text: grouped }, { text: moved });
    // Old: a (50%) and g (50%) holding b; new: b (50%) and g (50%) holding a. Tree order of the old version: total, a, g, b.
    expect(r.changes.map((c) => [c.change, c.area, c.id, c.field, c.before, c.after])).toEqual([
      ["removed", "weight", "a", "weight", "50%", null],
      ["changed", "item", "a", "parent", "total", "g"],
      ["added", "weight", "b", "weight", null, "50%"],
      ["changed", "item", "b", "parent", "g", "total"],
    ]);
  });

  test("settings, an input, an action and a new tier: each with its path and both positions", () => {
    const before = BASE.replace('version: "1"\n', 'version: "1"\nrounding: { places: 2, mode: half-up }\ninputs:\n  x: { type: boolean, default: false, label: 严重违纪 }\n').concat(
      "actions:\n  - { id: talk, label: 约谈, when: { fact: grade, eq: poor } }\n",
    );
    const after = before
      .replace("places: 2", "places: 1")
      .replace("label: 严重违纪", "label: 严重违规违纪")
      .replace("eq: poor", "eq: fair")
      .concat("tiers:\n  - { id: top, label: 先进, when: { fact: grade, eq: good } }\n");
    const r = diffRubrics({ text: before, file: "a.yaml" }, { text: after, file: "b.yaml" });
    // BASE's 15 lines with 3 inserted after line 5: rounding on line 6, input x on 8; the action on 20 (after "actions:" on 19), the tier on 22.
    expect(r.changes.map((c) => [c.change, c.area, c.id, c.field, c.before, c.after, c.path.join("/"), c.source.before?.line ?? null, c.source.after?.line ?? null])).toEqual([
      ["changed", "rubric", null, "rounding.places", 2, 1, "rounding/places", 6, 6],
      ["changed", "input", "x", "label", "严重违纪", "严重违规违纪", "inputs/x/label", 8, 8],
      ["changed", "action", "talk", "when.eq", "poor", "fair", "actions/0/when/eq", 20, 20],
      ["added", "tier", "top", "", null, { id: "top", label: "先进", when: { fact: "grade", eq: "good" } }, "tiers/0", null, 22],
    ]);
  });

  test("what the items leave unexplained (the rounding of the total) is the rest", () => {
    const rounded = BASE.replace('version: "1"\n', 'version: "1"\nrounding: { places: 0, mode: half-up }\n');
    const after = rounded.replace("weight: 50% }\n    - { id: b", "weight: 60% }\n    - { id: b").replace(/(id: b.*)weight: 50%/, "$1weight: 40%");
    const { d } = pair(rounded, after, [{ id: "u", a: 93, b: 80 }]);
    // before: 46.5 + 40 = 86.5 → 87 (half-up); after: 55.8 + 32 = 87.8 → 88; change +1.
    // a: 55.8 − 46.5 = +9.3; b: 32 − 40 = −8; together +1.3, so the rounding took 1 − 1.3 = −0.3.
    expect(d.subjects[0]!.scoreChange).toBe("1");
    expect(d.subjects[0]!.causes!.items.map((i) => [i.item, i.contribution])).toEqual([
      ["a", "9.3"],
      ["b", "-8"],
    ]);
    expect(d.subjects[0]!.causes!.rest).toBe("-0.3");
  });

  test("subjects of one batch only are listed apart; trail none gives causes without items", () => {
    const r1 = assess(loadRubric(BASE), [{ id: "x", a: 80, b: 80 }, { id: "y", a: 50, b: 50 }], { trail: "none" }).results[0]!;
    const r2 = assess(loadRubric(BASE.replace("min: 80", "min: 90")), [{ id: "x", a: 80, b: 80 }, { id: "z", a: 1, b: 1 }], { trail: "none" }).results[0]!;
    const d = diffAssessments(r1, r2);
    expect([d.onlyBefore, d.onlyAfter, d.withoutItems]).toEqual([["y"], ["z"], true]);
    expect(d.subjects.map((s) => [s.id, s.gradeBefore, s.gradeAfter, s.causes?.items])).toEqual([["x", "good", "fair", []]]);
  });
});

describe("errors", () => {
  test("diffRubrics: both texts must load; every problem of either is reported", () => {
    const r = safeDiffRubrics({ text: BASE.replace("weight: 50% }", "weight: 40% }"), file: "old.yaml" }, { text: "kaohe: 1\n", file: "new.yaml" });
    expect(r.ok).toBe(false);
    const codes = r.ok ? [] : r.issues.map((i) => [i.code, i.source?.file]);
    expect(codes).toContainEqual(["WEIGHT_SUM", "old.yaml"]);
    expect(codes.some(([c, f]) => c === "SCHEMA_MISSING_KEY" && f === "new.yaml")).toBe(true);
    expect(() => diffRubrics({ text: "kaohe: 1\n" }, { text: BASE })).toThrow(/SCHEMA_MISSING_KEY|missing/);
  });

  test("diffRubrics and diffAssessments: arguments of the wrong shape are API_BAD_ARGUMENT, never a throw of the safe form", () => {
    const bad = safeDiffRubrics("kaohe: 1" as never, { text: BASE });
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.params.argument])).toEqual([["API_BAD_ARGUMENT", "before"]]);
    const none = safeDiffAssessments(null as never, {} as never);
    expect(none.ok ? [] : none.issues.map((i) => [i.code, i.params.argument])).toEqual([
      ["API_BAD_ARGUMENT", "before"],
      ["API_BAD_ARGUMENT", "after"],
    ]);
    const result = assess(loadRubric(BASE), [{ id: "x", a: 1, b: 1 }]).results[0]!;
    expect(() => diffAssessments(result, { units: "no" } as unknown as RubricResult)).toThrow(/API_BAD_ARGUMENT|after/);
  });

  test("assess ignoreColumns: a column the rubric reads is API_BAD_ARGUMENT; a bad list too", () => {
    const rubric = loadRubric(BASE);
    const read = safeAssess(rubric, [{ id: "x", a: 1, b: 1 }], { ignoreColumns: ["extra", "a"] });
    expect(read.ok ? [] : read.issues.map((i) => [i.code, i.params.argument])).toEqual([["API_BAD_ARGUMENT", "options.ignoreColumns[1]"]]);
    const empty = safeAssess(rubric, [{ id: "x", a: 1, b: 1 }], { ignoreColumns: [""] as string[] });
    expect(empty.ok ? [] : empty.issues.map((i) => i.params.argument)).toEqual(["options.ignoreColumns[0]"]);
    const notList = safeAssess(rubric, [{ id: "x", a: 1, b: 1 }], { ignoreColumns: "extra" as never });
    expect(notList.ok ? [] : notList.issues.map((i) => i.code)).toEqual(["API_BAD_ARGUMENT"]);
  });

  test("assess ignoreColumns: set aside, dotted sub-columns with them, listed in setAside (only those found); absent without the option", () => {
    const rubric = loadRubric(BASE);
    const r = assess(rubric, [{ id: "x", a: 80, b: 80, extra: 1, "panel.r1": 2 }, { id: "y", a: 50, b: 50 }], { ignoreColumns: ["panel", "extra", "never"] });
    expect(r.setAside).toEqual(["panel", "extra"]);
    expect(r.results[0]!.units.map((u) => u.score)).toEqual(["80", "50"]);
    expect("setAside" in assess(rubric, [{ id: "x", a: 1, b: 1 }])).toBe(false);
    // Without it, the extra column is an error, as before.
    const plain = safeAssess(rubric, [{ id: "x", a: 80, b: 80, extra: 1 }]);
    expect(plain.ok ? [] : plain.issues.map((i) => i.code)).toEqual(["DATA_UNKNOWN_FIELD"]);
  });
});
