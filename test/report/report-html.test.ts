/**
 * The printable report at the DOM level (no browser): its structure, one 反馈单 per unit,
 * charts drawn, no script or external resource, every rubric and data text escaped, and
 * the figures, hand-computed on a small batch. The real-browser check (layout, pages,
 * PDF) is `npm run report:check`.
 */
import * as echarts from "echarts";
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, readData } from "../../src/cli/load.js";
import { assess, buildFeedback, loadRubric, type CompiledRubric, type RubricResult } from "../../src/index.js";
import { buildReportHtml, reportModel, type ChartLibrary } from "../../src/report/html/index.js";
import { compile, evaluate } from "../helpers.js";
import { all, find, hasClass, parseHtml, text, type Element } from "./html-dom.js";

const charts = echarts as unknown as ChartLibrary;

function report(rubric: CompiledRubric, result: RubricResult) {
  const input = { rubric, result, feedback: buildFeedback(rubric, result) };
  const html = buildReportHtml(input, charts);
  return { html, doc: parseHtml(html), model: reportModel(input) };
}

const byId = (doc: Element, id: string) => all(doc).find((e) => e.attrs.get("id") === id)!;
const rows = (table: Element) => find(table, "tbody")[0]!.children.filter((c): c is Element => typeof c !== "string");
const cells = (row: Element) => row.children.filter((c): c is Element => typeof c !== "string").map(text);

/** A chart has drawn something: SVG path elements with a non-empty d. */
function drawnPaths(chart: Element): number {
  return find(chart, "path").filter((p) => (p.attrs.get("d") ?? "").trim() !== "").length;
}

describe("a small batch with hostile texts", () => {
  const rubric = loadRubric(`kaohe: 1
id: hostile
name: "<script>alert('name')</script>考核"
year: 2024
version: "1"
subject: { group: 板块 }
rounding: { places: 2, mode: half-up }
inputs:
  violation: { type: boolean, default: false, label: 违规 }
grades:
  - { id: good, label: 好, min: 90 }
  - { id: fair, label: 较好, min: 80 }
  - { id: poor, label: 一般 }
scoring:
  children:
    - { id: a, label: "<img src=x onerror=alert(1)>学习", kind: input, max: 40 }
    - { id: b, label: 组织, kind: input, max: 30 }
    - { id: c, label: "作风&纪律", kind: input, max: 30 }
rules:
  - { id: v, kind: downgrade, when: input.violation, reason: "发生<违规>行为" }
quotas:
  - { id: half, grade: good, share: 50% }
actions:
  - { id: talk, label: 约谈, when: { fact: grade, eq: poor } }
`);
  const [result] = evaluate(rubric, [
    { id: "u1", name: "<script>alert(1)</script>", group: "<b>煤炭</b>", a: 40, b: 30, c: 28 }, // 98
    { id: "u2", name: `a&b "q" 'x'`, group: "电力", a: 38, b: 28, c: 27 }, // 93
    { id: "u3", name: "单位三", group: "电力", a: 36, b: 29, c: 30, violation: true }, // 95, 好 → 较好 by the rule
    { id: "u4", name: "单位四", group: "电力", a: 36, b: 27, c: 28 }, // 91, 好 → 较好 by the quota
    { id: "u5", name: "单位五", group: "电力", a: 20, b: 20, c: 20 }, // 60, 一般, 约谈
  ]);
  const { html, doc, model } = report(rubric, result!);

  test("no script, no event handler, no image: rubric and data texts are text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(find(doc, "script")).toEqual([]);
    expect(all(doc).filter((e) => [...e.attrs.keys()].some((k) => k.startsWith("on")))).toEqual([]);
    expect(text(find(doc, "title")[0]!)).toBe("<script>alert('name')</script>考核（2024年度）考核结果通报");
    const ranking = rows(find(byId(doc, "ranking"), "table")[0]!).map(cells);
    expect(ranking[0]!.slice(0, 3)).toEqual(["1", "<script>alert(1)</script>", "<b>煤炭</b>"]);
    expect(ranking.map((r) => r[1])).toContain(`a&b "q" 'x'`);
    // the item label reaches the portrait's table (escaped) and its chart (escaped by ECharts)
    expect(text(byId(doc, "sheet-1"))).toContain("<img src=x onerror=alert(1)>学习");
  });

  test("self-contained: no external resource, no link, nothing to fetch", () => {
    const external = all(doc).flatMap((e) => [...e.attrs].filter(([k, v]) => /^(src|href|xlink:href|action)$/.test(k) || (/^https?:/i.test(v) && !k.startsWith("xmlns"))));
    expect(external).toEqual([]);
    expect(find(doc, "link")).toEqual([]);
    expect(html).not.toMatch(/@import|url\(/);
  });

  test("the sections: cover, ranking, groups, 共性问题, then one 反馈单 per unit in rank order", () => {
    const sections = find(doc, "section").map((s) => s.attrs.get("id"));
    expect(sections).toEqual(["cover", "ranking", "groups", "common", "sheet-1", "sheet-2", "sheet-3", "sheet-4", "sheet-5"]);
    expect(find(doc, "section").filter((s) => hasClass(s, "sheet"))).toHaveLength(5);
    expect(model.sheets.map((s) => s.id)).toEqual(["u1", "u3", "u2", "u4", "u5"]);
  });

  test("cover: counts, the distribution chart and table, the moves with their reasons", () => {
    const cover = byId(doc, "cover");
    // 好: u1, u2; 较好: u3, u4; 一般: u5 → 2/5 = 40%, 40%, 20%
    expect(rows(find(cover, "table", { "data-table": "distribution" })[0]!).map(cells)).toEqual([
      ["单位数", "2", "2", "1"],
      ["占比", "40%", "40%", "20%"],
    ]);
    const chart = find(cover, "div", { "data-chart": "distribution" })[0]!;
    expect(drawnPaths(chart)).toBeGreaterThan(0);
    expect(rows(find(cover, "table", { "data-table": "moves" })[0]!).map(cells)).toEqual([
      ["直接降档", "发生<违规>行为", '"好" → "较好"', "1"],
      // floor(50% × 5) = 2 places for 好: u1 (rank 1) and u2 (rank 3); u4 (rank 4) moves
      ["等次名额", "好等次名额：全部5个单位中不超过2个（50%，向下取整）", '"好" → "较好"', "1"],
    ]);
  });

  test("ranking: score, grade and every adjustment as a sentence; actions", () => {
    const ranking = rows(find(byId(doc, "ranking"), "table")[0]!).map(cells);
    expect(ranking.map((r) => [r[0], r[3], r[4], r[5], r[6]])).toEqual([
      ["1", "98.00", "好", "", ""],
      ["2", "95.00", "较好", '因"发生<违规>行为"由"好"降为"较好"', ""],
      ["3", "93.00", "好", "", ""],
      ["4", "91.00", "较好", '因"好等次名额：全部5个单位中不超过2个（50%，向下取整），排名第4位"由"好"降为"较好"', ""],
      ["5", "60.00", "一般", "", "约谈"],
    ]);
  });

  test("groups: a distribution per group and a ranking within each", () => {
    const groups = byId(doc, "groups");
    expect(rows(find(groups, "table", { "data-table": "group-distribution" })[0]!).map(cells)).toEqual(
      expect.arrayContaining([
        ["<b>煤炭</b>", "1", "1", "0", "0"],
        ["电力", "4", "1", "2", "1"],
      ]),
    );
    const power = find(groups, "table", { "data-table": "group-ranking" }).map((t) => rows(t).map((r) => cells(r).slice(0, 3)));
    expect(power).toContainEqual([
      ["1", "2", "单位三"],
      ["2", "3", `a&b "q" 'x'`],
      ["3", "4", "单位四"],
      ["4", "5", "单位五"],
    ]);
  });

  test("共性问题 with its threshold and the share of units", () => {
    const common = byId(doc, "common");
    expect(text(common)).toContain("失分达到该项分值的10%及以上的单位，占该项适用单位的50%及以上");
    // a (max 40, counts from a loss of 4): u3 4, u4 4, u5 20 → 3 of 5 = 60%, mean loss 28 / 3 = 9.33;
    // b (from 3): u4, u5 → 40%; c (from 3): u2, u5 → 40%
    expect(rows(find(common, "table")[0]!).map(cells)).toEqual([["1", "<img src=x onerror=alert(1)>学习", "—", "3 / 5", "60%", "9.33（满分40）"]]);
  });

  test("反馈单: score, grade, ranks, portrait against the average, problems, next grade, actions", () => {
    const last = byId(doc, "sheet-5");
    const facts = find(last, "div").filter((d) => hasClass(d, "fact")).map((d) => text(d));
    expect(facts).toEqual(["单位单位五", "编号u5", "板块电力", "得分60.00（满分100）", "等次一般", "总排名第5名 / 共5个", "组内排名第4名 / 共4个", "处理约谈"]);
    // shares of max: a 20/40 = 50%, b 20/30 = 66.6%, c 66.6% (rounded down);
    // averages: a (1 + 0.95 + 0.9 + 0.9 + 0.5) / 5 = 85%; b (30 + 28 + 29 + 27 + 20) / 30 / 5 = 89.3%; c 133 / 150 = 88.6%
    expect(rows(find(last, "table", { "data-table": "portrait" })[0]!).map(cells)).toEqual([
      ["<img src=x onerror=alert(1)>学习", "20 / 40", "50%", "85%"],
      ["组织", "20 / 30", "66.6%", "89.3%"],
      ["作风&纪律", "20 / 30", "66.6%", "88.6%"],
    ]);
    // the lowest share drawn is 50 → every portrait's scale starts at 40
    expect(model.portraitFrom).toBe(40);
    expect(text(last)).toContain("刻度自40%起");
    // every item below its mean: a lost 20, b 10, c 10 (by id); means a 34, b 26.8, c 26.6
    expect(rows(find(last, "table", { "data-table": "problems" })[0]!).map(cells)).toEqual([
      ["<img src=x onerror=alert(1)>学习", "20 / 40", "20", "34"],
      ["组织", "20 / 30", "10", "26.8"],
      ["作风&纪律", "20 / 30", "10", "26.6"],
    ]);
    expect(text(last)).toContain('距"较好"等次还差20分');
    expect(text(last)).toContain("涉及共性问题：<img src=x onerror=alert(1)>学习");
  });

  test("反馈单 of a unit moved by a rule and of the best unit", () => {
    const moved = byId(doc, "sheet-2");
    expect(text(moved)).toContain('等次调整：因"发生<违规>行为"由"好"降为"较好"（初定等次"好"）');
    expect(text(moved)).toContain('得分已达"好"等次分数线；等次由规则确定，仅提高得分不能提升等次');
    const best = byId(doc, "sheet-1");
    expect(text(best)).toContain("已是最高等次");
    // u1: a 40 full (mean 34) and b 30 full (mean 26.8): highlights by (points − mean) / max: a 6/40 = 0.15, b 3.2/30 ≈ 0.107;
    // c 28 above the mean 26.6 but neither full nor the best (u3 has 30): neither
    expect(rows(find(best, "table", { "data-table": "highlights" })[0]!).map(cells)).toEqual([
      ["<img src=x onerror=alert(1)>学习", "40 / 40", "满分", "34"],
      ["组织", "30 / 30", "满分", "26.8"],
    ]);
    expect(text(best)).toContain("无（没有失分且得分不高于平均的指标）");
  });

  test("every 反馈单 has its portrait drawn", () => {
    for (const sheet of find(doc, "section").filter((s) => hasClass(s, "sheet"))) {
      const chart = find(sheet, "div", { "data-chart": "portrait" })[0]!;
      expect(find(chart, "svg")).toHaveLength(1);
      expect(drawnPaths(chart)).toBeGreaterThan(0);
    }
  });
});

test("two parts: the portrait is paired bars (a radar of two axes has no area)", () => {
  const rubric = compile(`
scoring:
  children:
    - { id: a, label: 经营, kind: input, max: 50 }
    - { id: b, label: 党建, kind: input, max: 50 }
`);
  const [result] = evaluate(rubric, [
    { id: "x", a: 50, b: 40 },
    { id: "y", a: 30, b: 45 },
  ]);
  const { doc } = report(rubric, result!);
  const chart = find(byId(doc, "sheet-1"), "div", { "data-chart": "portrait" })[0]!;
  expect(drawnPaths(chart)).toBeGreaterThan(0);
  // no groups: no group section, no group column
  expect(find(doc, "section").map((s) => s.attrs.get("id"))).toEqual(["cover", "ranking", "common", "sheet-1", "sheet-2"]);
  expect(find(byId(doc, "ranking"), "th").map(text)).toEqual(["排名", "单位", "得分", "等次", "调整及原因", "处理"]);
});

/**
 * A stand-in for ECharts that draws one path per chart and counts the options it gets:
 * the large schemes are checked for structure without 20 ms of ECharts per 反馈单 (the
 * small ones, above and below, and the browser check use the real one).
 */
function stubCharts(): ChartLibrary & { options: object[] } {
  const options: object[] = [];
  return {
    options,
    init: () => ({ setOption: (o: object) => void options.push(o), renderToSVGString: () => '<svg width="10" height="10"><path d="M0 0L10 10"></path></svg>', dispose: () => {} }),
  };
}

describe("every bundled scheme", () => {
  for (const [folder, real] of [["chn-energy-2024", false], ["gansu-organs-2017", false], ["hanzhong-2023", false], ["aecc-2022", true], ["shenghe-branch", true]] as const)
    test(`${folder}: one 反馈单 per unit, every chart drawn, the document well formed${real ? " (ECharts)" : ""}`, { timeout: 30_000 }, () => {
      const scheme = findScheme([`rubrics/${folder}`]);
      const set = loadSet(scheme);
      const { results } = assess(set, readData(scheme.exampleData!, () => Buffer.alloc(0)).rows, { trail: "points" });
      const last = results.length - 1;
      const rubric = set.rubrics[last]!;
      const result = results[last]!;
      const stub = stubCharts();
      const doc = parseHtml(buildReportHtml({ rubric, result, feedback: buildFeedback(rubric, result) }, real ? charts : stub));
      if (!real) expect(stub.options).toHaveLength(result.units.length + 1);
      const sheets = find(doc, "section").filter((s) => hasClass(s, "sheet"));
      expect(sheets).toHaveLength(results[last]!.units.length);
      const chartsDrawn = find(doc, "div", { "data-chart": /./ });
      expect(chartsDrawn).toHaveLength(sheets.length + 1);
      for (const c of chartsDrawn) expect(drawnPaths(c)).toBeGreaterThan(0);
    });
});

test("an excluded unit: no rank, no grade, its 反馈单 says so; the cover counts it", () => {
  const rubric = compile(`
inputs:
  new: { type: boolean, default: false }
scoring:
  children:
    - { id: a, label: 学习, kind: input, max: 40 }
    - { id: b, label: 组织, kind: input, max: 30 }
    - { id: c, label: 作风, kind: input, max: 30 }
rules:
  - { id: fresh, kind: exclude, when: input.new, reason: 新组建不满一年 }
`);
  const [result] = evaluate(rubric, [
    { id: "x", a: 40, b: 30, c: 30 },
    { id: "y", a: 30, b: 20, c: 20, new: true },
  ]);
  const { doc } = report(rubric, result!);
  const ranking = rows(find(byId(doc, "ranking"), "table")[0]!).map(cells);
  // excluded subjects come last, without a rank
  expect(ranking[1]!.slice(0, 5)).toEqual(["—", "y", "70", "不定级", '因"新组建不满一年"不参加定级']);
  expect(text(byId(doc, "cover"))).toContain("不参加定级");
  const sheet = byId(doc, "sheet-2");
  expect(find(sheet, "div").filter((d) => hasClass(d, "fact")).map((d) => text(d)).slice(4, 7)).toEqual(["等次不定级", "总排名不参加排名", "组内排名—"]);
  expect(text(sheet)).toContain("不参加定级");
});
