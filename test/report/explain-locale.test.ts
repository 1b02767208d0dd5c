/**
 * The trail, feedback and explain in English and Chinese: structured notes rendered
 * per locale, 扣完为止 and bonus caps as trail lines, decimals at the rubric's
 * display places, adjustments as sentences.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { adjustmentText, buildFeedback, displayNumber, explainSubject, safeAssess, safeLoadRubricSet } from "../../src/index.js";
import { parseCsv } from "../../src/cli/csv.js";
import { dec } from "../../src/decimal/decimal.js";
import { compile, evaluate, unit } from "../helpers.js";

const DEDUCT = `
rounding: { places: 2, mode: half-up }
scoring:
  max: 100
  children:
    - { id: work, kind: input, max: 88 }
    - id: meetings
      label: 三会一课
      kind: deduct
      max: 10
      deductions: [ { id: late, label: 迟报, per: late_reports, points: 4 } ]
    - id: honours
      label: 表彰
      kind: bonus
      max: 2
      additions: [ { id: award, label: 获奖, per: awards, points: 1.5 } ]
`;

describe("扣完为止 and caps are lines of the trail", () => {
  const rubric = compile(DEDUCT);
  const [result] = evaluate(rubric, [{ id: "s", work: 80, late_reports: 3, awards: 2 }]);
  const nodes = unit(result!, "s").nodes;
  test("a deduction below the floor: the floor stops it, and a floor line says so (10 − 3 × 4 = −2 → 0)", () => {
    const meetings = nodes.find((n) => n.id === "meetings")!;
    expect(meetings.points).toBe("0");
    // −12 for 3 late reports, then +2 back up to the floor 0: the lines sum to 0 − 10
    expect(meetings.lines).toEqual([
      { entry: "late", label: "迟报", amount: "-12", detail: "3 × 4" },
      { entry: "bound", label: "floor", amount: "2", detail: "deductions 12 from 10 stop at the floor 0" },
    ]);
  });
  test("bonus additions above the max: capped, with a cap line (2 × 1.5 = 3 → 2)", () => {
    const honours = nodes.find((n) => n.id === "honours")!;
    expect(honours.points).toBe("2");
    expect(honours.lines).toEqual([
      { entry: "award", label: "获奖", amount: "3", detail: "2 × 1.5" },
      { entry: "bound", label: "cap", amount: "-1", detail: "additions 3 capped at 2" },
    ]);
  });
  test("exactly on the floor or the cap: no line (10 − 2.5 × 4 = 0; 1 × 1.5 ≤ 2)", () => {
    const [r] = evaluate(rubric, [{ id: "s", work: 80, late_reports: 2.5, awards: 1 }]);
    const n = unit(r!, "s").nodes;
    expect(n.find((x) => x.id === "meetings")!.lines.map((l) => l.entry)).toEqual(["late"]);
    expect(n.find((x) => x.id === "honours")!.lines.map((l) => l.entry)).toEqual(["award"]);
  });
  test("explain says 扣完为止 and 封顶 in Chinese, and the floor in English", () => {
    const zh = explainSubject(rubric, result!, "s", { locale: "zh-CN" })!;
    expect(zh).toContain("· 迟报：-12，3 × 4 分");
    expect(zh).toContain("· 下限：+2，基础分 10 应扣 12 分，扣至下限 0 分为止（扣完为止）");
    expect(zh).toContain("· 上限：-1，加分合计 3 分，超过本项上限，按 2 分计（封顶）");
    const en = explainSubject(rubric, result!, "s")!;
    expect(en).toContain("· floor: +2  (deductions 12 from 10 stop at the floor 0)");
  });
});

describe("decimals at the rubric's display places", () => {
  test("99.21259842519685039370078740157480314961 is shown as 99.21 (2 places), 97.9518… as 97.95", () => {
    const num = displayNumber(compile(DEDUCT));
    expect(num(dec(12600).div(127))).toBe("99.21"); // 12600 / 127 = 99.2125984…
    expect(num(dec("97.95180722891566265060240963855421686747"))).toBe("97.95");
    expect(num(dec("92.8"))).toBe("92.8"); // not padded
    expect(num(dec("0.005"))).toBe("0.01"); // half-up at 2 places
  });
  test("without rounding declared, 4 places (1/3 → 0.3333)", () => {
    const num = displayNumber(compile("scoring:\n  children:\n    - { id: a, kind: input, max: 100 }\n"));
    expect(num(dec(1).div(3))).toBe("0.3333");
  });
});

const CHN = new URL("../../rubrics/chn-energy-2024/", import.meta.url).pathname;
const set = (() => {
  const files = ["responsibility.yaml", "review.yaml"];
  const r = safeLoadRubricSet(files.map((f) => ({ file: f, text: readFileSync(join(CHN, f), "utf8") })));
  if (!r.ok) throw new Error("the CHN Energy scheme must load");
  return r.value;
})();
const results = (() => {
  const rows = parseCsv(readFileSync(join(CHN, "example.csv"), "utf8"), "example.csv");
  const r = safeAssess(set, rows);
  if (!r.ok) throw new Error("the CHN Energy example must score");
  return r.value.results;
})();
const review = set.rubrics.findIndex((r) => r.id === "chn-energy-review-2024");

describe("adjustments as sentences (CHN Energy, 90 units)", () => {
  const result = results[review]!;
  const rubric = set.rubrics[review]!;
  test("a quota move: the share, the scope size and the limit, the rank", () => {
    // 好 ≤ 50% of 90 graded units: floor(45) = 45 places; the unit ranked 55th is moved down.
    const u = result.units.find((x) => x.rank === 55)!;
    const a = u.adjustments.find((x) => x.kind === "quota")!;
    expect(adjustmentText(rubric, result, a, "zh-CN")).toBe('因"好"等次比例不超过50%（90个单位中至多45个）由"好"降为"较好"（排名第55）');
    expect(adjustmentText(rubric, result, a, "en")).toBe('lowered from "好" to "较好" by the quota on "好": at most 45 of 90 (50%); rank 55');
  });
  test("a rule: its reason, from and to", () => {
    const u = result.units.find((x) => x.adjustments.some((a) => a.kind === "cap"))!;
    const a = u.adjustments.find((x) => x.kind === "cap")!;
    expect(adjustmentText(rubric, result, a, "zh-CN")).toBe('因“党建工作责任制考核未达到"优秀"的，述职评议考核原则上不能评定为"好"”由"好"降为"较好"');
  });
  test("feedback sentences in the locale asked for; English by default", () => {
    const u = result.units.find((x) => x.adjustments.some((a) => a.kind === "cap"))!;
    const zh = buildFeedback(rubric, result, { locale: "zh-CN" }).subjects.find((s) => s.id === u.id)!;
    const en = buildFeedback(rubric, result).subjects.find((s) => s.id === u.id)!;
    expect(zh.toNextGrade).toEqual({ grade: "good", points: "0", basis: "rule", note: "等次是按规则确定的，仅提高得分不能提升等次" });
    expect(en.toNextGrade).toEqual({ grade: "good", points: "0", basis: "rule", note: "the grade was set by a rule; a higher score alone does not lift it" });
  });
  test("explain in Chinese: the sections, the votes line at 2 places, no English section words", () => {
    const u = result.units.find((x) => x.adjustments.some((a) => a.kind === "cap"))!;
    const zh = explainSubject(rubric, result, u.id, { locale: "zh-CN" })!;
    for (const s of ["得分明细：", "总分：", "初定等次：好", "等次调整：", "最终等次：较好", "反馈：", '距"好"：还差 0 分']) expect(zh).toContain(s);
    // 个性问题 are items lost on and at or below the mean (feedback rules): this unit has none, a unit that has some lists them.
    const feedback = buildFeedback(rubric, result);
    expect(feedback.subjects.find((s) => s.id === u.id)!.problems).toEqual([]);
    const withProblems = feedback.subjects.find((s) => s.problems.length > 0)!;
    expect(explainSubject(rubric, result, withProblems.id, { locale: "zh-CN" })).toContain(`个性问题：${withProblems.problems[0]!.label}`);
    expect(zh).not.toMatch(/\b(points|total|raw grade|final grade|feedback|rank|weight|lost|batch)\b/);
    // No decimal longer than the rubric's 2 places, except a value marked ≈ (none here).
    expect(zh).not.toMatch(/\d\.\d{3,}/);
    expect(explainSubject(rubric, result, "nobody")).toBeUndefined();
  });
});

describe("one table of trail notes per locale", () => {
  test("the English and Chinese note tables hold the same keys, and the Chinese notes are Chinese", async () => {
    const { TRAIL_NOTES, noteText } = await import("../../src/report/trail-text.js");
    expect(Object.keys(TRAIL_NOTES["zh-CN"]).sort()).toEqual(Object.keys(TRAIL_NOTES.en).sort());
    // Notes whose words are only numbers and signs (96.2% × 10) have nothing to translate.
    const formulas = new Set(["ratio-percent", "ratio-pair", "band", "per"]);
    for (const key of Object.keys(TRAIL_NOTES.en)) {
      const zh = noteText({ key, basis: "valid", inner: { key: "per", value: dec(1), points: dec(2) } }, "zh-CN");
      if (!formulas.has(key)) expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
