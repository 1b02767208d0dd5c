/**
 * Results out: the .xlsx workbook (read back with exceljs: sheets, headers, values,
 * number formats, frozen panes, widths, formula injection), CSV for Excel (--bom,
 * --items), and the round trip of the bundled schemes' data through .xlsx.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import type { CompiledRubric, RubricResult, SubjectResult } from "../../src/index.js";
import type { Adjustment } from "../../src/report/result.js";
import { itemColumns } from "../../src/io/score-csv.js";
import { adjustmentSentence, placesFormat, wrappedLines } from "../../src/io/xlsx-write.js";
import { displayWidth } from "../../src/io/display-width.js";
import { csvToWorkbook, RUBRIC } from "./xlsx-fixtures.js";
import { cli } from "../cli/harness.js";

const root = new URL("../..", import.meta.url).pathname;
const CHN = join(root, "rubrics/chn-energy-2024");
const GANSU = join(root, "rubrics/gansu-organs-2017");


/** Runs that read the bundled schemes only give the same output every time: run each once. */
const memo = new Map<string, ReturnType<typeof cli>>();
function cached(args: string[]) {
  const key = args.join("\0");
  if (!memo.has(key)) memo.set(key, cli(args));
  return memo.get(key)!;
}

/** The CLI runs whole schemes and exceljs loads in a worker: no time limit meant, only a stop for a hang. */
const SLOW = 120_000;

const tmp = () => mkdtempSync(join(tmpdir(), "kaohe-xlsx-"));

// The scheme of xlsx-fixtures.ts; b2's name and b4's would run as formulas in a spreadsheet.
const DATA = `编号,支部名称,板块,思想建设得分,组织建设得分,严重违规违纪,组建日期
b1,第一支部,机关,55.5,38,false,2020-05-01
b2,=1+1,机关,58,39,true,2019-03-01
b3,第三支部,村,50,30,否,2024-01-01
b4, @第四支部,村,60,35,FALSE,2023-12-31
`;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(file);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** A sheet's rows from `from` on, as plain values (rich text and formulas do not occur). */
function values(ws: ExcelJS.Worksheet, from: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return out;
}

describe("--format xlsx", { timeout: SLOW }, () => {
  test("the workbook of one rubric: sheets, headers, values as numbers with the rubric's places, frozen panes, widths, no formula", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "r.yaml"), RUBRIC);
    writeFileSync(join(dir, "d.csv"), DATA);
    const out = join(dir, "results.xlsx");
    const r = cli(["score", join(dir, "r.yaml"), join(dir, "d.csv"), "--format", "xlsx", "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe("");
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "逐项得分", "逐项失分", "分布", "共性问题", "问题清单", "说明"]);

    const summary = wb.getWorksheet("汇总")!;
    expect(summary.getCell("A1").value).toBe("党支部考核（2024年度） 考核结果汇总");
    expect(summary.getCell("A1").isMerged).toBe(true);
    expect(values(summary, 2)).toEqual([
      ["排名", "编号", "党支部", "板块", "组内排名", "得分", "等次", "调整及原因", "处理"],
      // b2: 58 + 39 = 97, 好 by band, downgraded by the rule; 较好 ⇒ 约谈. The name "=1+1" is text with an apostrophe.
      [1, "b2", "'=1+1", "机关", 1, 97, "较好", "因“严重违规违纪，直接降档”由“好”降为“较好”", "约谈"],
      // b4: 60 + 35 = 95, keeps the one 好 place (floor(50% × 3 graded) = 1).
      [2, "b4", "' @第四支部", "村", 1, 95, "好", null, null],
      // b1: 55.5 + 38 = 93.5, rank 3: the quota moves it to 较好.
      [3, "b1", "第一支部", "机关", 2, 93.5, "较好", "因“好”等次名额限制（全部3个中至多1个，排名第3）由“好”降为“较好”", "约谈"],
      // b3: founded 2024-01-01, 11 months before asOf: excluded, no rank, last.
      [null, "b3", "第三支部", "村", null, 80, "—", "因“新组建不满一年的党支部不参加定级”不参加等次评定", null],
    ]);
    expect(summary.getCell("F3").numFmt).toBe("0.00");
    expect(summary.getCell("A3").numFmt).toBe("0");
    expect(typeof summary.getCell("F5").value).toBe("number");
    // Frozen: the title and header rows, and the columns through 板块.
    expect(summary.views[0]).toEqual(expect.objectContaining({ state: "frozen", xSplit: 4, ySplit: 2 }));
    expect(summary.autoFilter).toBeDefined();
    // 党支部: the widest cell "' @第四支部" is 1 + 1 + 1 + 4 × 2 = 11 columns wide (CJK counts 2; the
    // header 党支部 is 6 + 2 for the filter button), + 2 = 13.
    expect(summary.getColumn(3).width).toBe(13);
    expect(displayWidth("' @第四支部")).toBe(11);

    const items = wb.getWorksheet("逐项得分")!;
    expect(values(items, 2).slice(0, 2)).toEqual([
      ["排名", "编号", "党支部", "板块", "得分", "思想建设", "组织建设"],
      [1, "b2", "'=1+1", "机关", 97, 58, 39],
    ]);
    expect(items.getCell("F3").numFmt).toBe("0.00");
    const lost = wb.getWorksheet("逐项失分")!;
    expect(values(lost, 2)).toEqual([
      ["排名", "编号", "党支部", "板块", "总失分", "思想建设", "组织建设"],
      [1, "b2", "'=1+1", "机关", 3, 2, 1], // 100 − 97; 60 − 58; 40 − 39
      [2, "b4", "' @第四支部", "村", 5, 0, 5],
      [3, "b1", "第一支部", "机关", 6.5, 4.5, 2],
      [null, "b3", "第三支部", "村", 20, 10, 10],
    ]);

    const dist = wb.getWorksheet("分布")!;
    expect(values(dist, 2)).toEqual([
      ["范围", "好", "较好", "一般", "不定等次", "合计", "好占比", "较好占比", "一般占比"],
      // Shares of the graded: 1/3 and 2/3 to 6 decimals; 村 has one graded subject (b4, 好).
      ["全部", 1, 2, 0, 1, 4, 0.333333, 0.666667, 0],
      ["机关", 0, 2, 0, 0, 2, 0, 1, 0],
      ["村", 1, 0, 0, 1, 2, 1, 0, 0],
    ]);
    expect(dist.getCell("G3").numFmt).toBe("0.0%");

    const common = wb.getWorksheet("共性问题")!;
    expect(common.getCell("A1").value).toBe("党支部考核（2024年度） 共性问题（已定等次对象中至少50%在该项失分）");
    expect(values(common, 2)).toEqual([
      ["序号", "指标", "失分对象数", "占比", "平均失分", "折合总分平均失分"],
      // 组织建设: all 3 graded lost points (1, 5, 2): mean 8/3 = 2.6667; 思想建设: 2 of 3 (2, 4.5): mean 3.25.
      [1, "组织建设", 3, 1, 2.6667, 2.6667],
      [2, "思想建设", 2, 0.6667, 3.25, 3.25],
    ]);

    const problems = wb.getWorksheet("问题清单")!;
    expect(values(problems, 2)).toEqual([
      ["排名", "编号", "党支部", "板块", "等次", "共性问题", "个性问题"],
      [1, "b2", "'=1+1", "机关", "较好", "组织建设（失1分）；思想建设（失2分）", null],
      [2, "b4", "' @第四支部", "村", "好", "组织建设（失5分）", null],
      [3, "b1", "第一支部", "机关", "较好", "组织建设（失2分）；思想建设（失4.5分）", null],
      [null, "b3", "第三支部", "村", "—", "组织建设（失10分）；思想建设（失10分）", null],
    ]);
    const notes = wb.getWorksheet("说明")!;
    expect(notes.getCell("B3").value).toBe("党支部考核（branch-2024，版本 1，2024年度）");
    expect(values(notes, 3).map((row) => row[0])).toContain("数据");
  });

  test("with --common the threshold changes and 说明 says so; an individual problem is one the batch does not share", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "r.yaml"), RUBRIC);
    writeFileSync(join(dir, "d.csv"), DATA);
    const out = join(dir, "results.xlsx");
    // At 100%, only 组织建设 (3 of 3 lost points) is common. 思想建设 (2 of 3) is not: it is an
    // individual problem of a unit that lost points on it at or below the mean, 173.5 / 3 = 57.83:
    // b1 (55.5, lost 4.5), not b2 (58, lost 2, above the mean).
    expect(cli(["score", join(dir, "r.yaml"), join(dir, "d.csv"), "--format", "xlsx", "--out", out, "--common", "100%"]).code).toBe(0);
    const wb = await load(out);
    expect(wb.getWorksheet("共性问题")!.getCell("A1").value).toBe("党支部考核（2024年度） 共性问题（已定等次对象中至少100%在该项失分）");
    const rows = values(wb.getWorksheet("问题清单")!, 3);
    expect(rows[0]).toEqual([1, "b2", "'=1+1", "机关", "较好", "组织建设（失1分）", null]);
    expect(rows[2]).toEqual([3, "b1", "第一支部", "机关", "较好", "组织建设（失2分）", "思想建设（失4.5分）"]);
  });

  test("a linked set: one set of sheets per rubric, numbered in evaluation order, and 说明 naming each", async () => {
    const out = join(tmp(), "chn.xlsx");
    const r = cli(["score", CHN, "--format", "xlsx", "--out", out]);
    expect(r.code, r.err).toBe(0);
    const wb = await load(out);
    const sheets = ["汇总", "逐项得分", "逐项失分", "分布", "共性问题", "问题清单"];
    expect(wb.worksheets.map((w) => w.name)).toEqual([...sheets.map((s) => `1-${s}`), ...sheets.map((s) => `2-${s}`), "说明"]);
    const json = JSON.parse(cached(["score", CHN, "--format", "json"]).out);
    const review = json.results[1];
    const summary = wb.getWorksheet("2-汇总")!;
    expect(summary.getCell("A1").value).toBe("国家能源集团党组织书记抓基层党建工作述职评议考核（2024年度） 考核结果汇总");
    // Every row: rank, id and score as in the JSON, the grade by its label.
    const rows = values(summary, 3);
    expect(rows).toHaveLength(90);
    rows.forEach((row, i) => {
      const u = review.units[i];
      expect([row[0], row[1], row[5], row[6]]).toEqual([u.rank, u.id, Number(u.score), review.gradeLabels[u.grade]]);
    });
    expect(wb.getWorksheet("说明")!.getCell("A3").value).toBe("考核 1");
  });

  test("the built CLI ships its worker: dist/cli.js writes a workbook and reads one", async () => {
    const dir = tmp();
    const out = join(dir, "gansu.xlsx");
    execFileSync(process.execPath, [join(root, "dist/cli.js"), "score", GANSU, "--format", "xlsx", "--out", out]);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "逐项得分", "逐项失分", "分布", "共性问题", "问题清单", "说明"]);
    // 排名, 编号, 单位, 考核组, 得分, then one column per item (the leaves of the tree).
    const gansu = JSON.parse(cached(["score", GANSU, "--format", "json", "--detail"]).out).results[0];
    const items = gansu.units[0].nodes.filter((n: { type: string }) => n.type === "item").length;
    expect(wb.getWorksheet("逐项得分")!.getRow(2).cellCount).toBe(5 + items);
    // Its own 汇总 read back as data: the header is below the title row, 编号 is not an id column of
    // draw's default (id), so --id names it.
    const drawn = execFileSync(process.execPath, [join(root, "dist/cli.js"), "draw", out, "--id", "编号", "--count", "3", "--seed", "s", "--format", "json"], { encoding: "utf8" });
    expect(JSON.parse(drawn).selected).toHaveLength(3);
  });

  test("usage: xlsx needs --out; --bom and --items apply to CSV only", () => {
    expect(cli(["score", CHN, "--format", "xlsx"])).toEqual({ code: 2, out: "", err: "kaohe score: --format xlsx writes a workbook: give --out FILE.xlsx" });
    expect(cli(["score", CHN, "--format", "pdf"]).err).toBe("kaohe score: --format must be table, json, ndjson, csv or xlsx, got pdf");
    expect(cli(["score", CHN, "--bom"]).err).toBe("kaohe score: --bom applies to --format csv");
    expect(cli(["score", CHN, "--format", "xlsx", "--out", "x.xlsx", "--items"]).err).toBe("kaohe score: --items applies to --format csv (the workbook always has the items)");
    expect(cli(["score", CHN, "--format", "json", "--items"]).code).toBe(2);
  });
});

describe("adjustment sentences", { timeout: SLOW }, () => {
  const result = { gradeLabels: { good: "好", fair: "较好", poor: "差" } } as unknown as RubricResult;
  const unit = { group: "煤炭" } as SubjectResult;
  const adj = (a: Partial<Adjustment>): Adjustment => ({ kind: "veto", rule: "r", from: "good", to: "poor", reason: "一票否决", numbers: {}, ...a });
  test("veto, downgrade and cap: the reason and the change; no grade before: 定为", () => {
    expect(adjustmentSentence(result, unit, adj({}))).toBe("因“一票否决”由“好”降为“差”");
    expect(adjustmentSentence(result, unit, adj({ kind: "cap", to: "fair", reason: '未达到"A"级' }))).toBe("因“未达到\"A\"级”由“好”降为“较好”");
    expect(adjustmentSentence(result, unit, adj({ kind: "downgrade", from: null, to: "poor" }))).toBe("因“一票否决”定为“差”");
  });
  test("a quota in a group names the group, its size, the limit and the rank", () => {
    const a = adj({ kind: "quota", to: "fair", numbers: { rank: 12, limit: 10, scopeSize: 20, scope: "group 煤炭", admitted: 10 } });
    expect(adjustmentSentence(result, unit, a)).toBe("因“好”等次名额限制（煤炭组20个中至多10个，排名第12）由“好”降为“较好”");
  });
});

describe("layout helpers", { timeout: SLOW }, () => {
  test("places as a number format; wrapped lines by display width", () => {
    expect(placesFormat(2)).toBe("0.00");
    expect(placesFormat(0)).toBe("0");
    expect(placesFormat(undefined)).toBeUndefined();
    // Width 12 holds 11 columns a line: 12 CJK characters (24 columns) take 3 lines; a line break starts one.
    expect(wrappedLines("一二三四五六七八九十一二", 12)).toBe(3);
    expect(wrappedLines("一二三\n四", 12)).toBe(2);
    expect(displayWidth("党建a")).toBe(5);
  });
});

describe("CSV for Excel", { timeout: SLOW }, () => {
  test("--bom starts stdout with a byte-order mark; without it stdout has none (with --out it always has one)", () => {
    const plain = cached(["score", CHN, "--format", "csv"]).out;
    const bom = cli(["score", CHN, "--format", "csv", "--bom"]).out;
    expect(plain.startsWith("rubric,")).toBe(true);
    expect(bom).toBe(`\ufeff${plain}`);
    const out = join(tmp(), "r.csv");
    expect(cli(["score", CHN, "--format", "csv", "--out", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(`\ufeff${plain}`);
  });

  test("--items adds one column per item with its points; another rubric's items are empty", () => {
    const lines = cached(["score", CHN, "--format", "csv", "--items"]).out.trimEnd().split("\r\n");
    const header = lines[0]!.split(",");
    const base = cached(["score", CHN, "--format", "csv"]).out.split("\r\n")[0]!.split(",");
    expect(header.slice(0, base.length)).toEqual(base);
    expect(header.slice(-3)).toEqual(["本单位职工代表和党员代表自评", "党建工作责任制考核评价", "集团党组成员评价"]);
    expect(lines).toHaveLength(1 + 90 + 90);
    const json = JSON.parse(cached(["score", CHN, "--format", "json", "--detail"]).out);
    const reviewFirst = json.results[1].units[0];
    const row = lines.find((l) => l.startsWith(`chn-energy-review-2024,1,`))!.split(",");
    const points = (id: string) => reviewFirst.nodes.find((n: { id: string }) => n.id === id).points;
    expect(row.slice(-3)).toEqual([points("self"), points("responsibility"), points("leadership")]);
    // A row of the responsibility rubric has no review items.
    expect(lines[1]!.split(",").slice(-3)).toEqual(["", "", ""]);
  });

  test("item headers are labels; a label twice gets the item id, the same label and id in two rubrics the rubric id", () => {
    const rubric = (id: string, items: [string, string][]) => ({ id, items: items.map(([itemId, label]) => ({ id: itemId, label })) }) as unknown as CompiledRubric;
    const columns = itemColumns([rubric("r1", [["a", "扣分"], ["b", "扣分"], ["c", "学习"]]), rubric("r2", [["a", "扣分"], ["d", "score"]])], new Set(["score"]));
    expect(columns.map((c) => c.header)).toEqual(["扣分 (r1.a)", "扣分 (b)", "学习", "扣分 (r2.a)", "score (d)"]);
  });

  test("a CSV column named twice is refused (a workbook's is too)", () => {
    const dir = tmp();
    writeFileSync(join(dir, "d.csv"), "id,a,a\nu1,1,2\n");
    expect(cli(["draw", join(dir, "d.csv"), "--count", "1", "--seed", "x"]).err).toBe(
      `${join(dir, "d.csv")}:1:6  field "a"  DATA_DUPLICATE_COLUMN  column "a" appears twice in the header, as columns 2 and 3; give each column once\nkaohe draw: ${join(dir, "d.csv")}: 1 problem(s) in the header`,
    );
  });
});

describe("round trip: the bundled schemes' data as .xlsx with a title row score as their CSV", { timeout: SLOW }, () => {
  for (const [folder, title] of [
    [CHN, "国家能源集团2024年度党建考核评分表"],
    [GANSU, "2017年度省直机关党建工作考核评分表"],
  ] as const) {
    test(folder.split("/").at(-1)!, async () => {
      const dir = tmp();
      const file = join(dir, "data.xlsx");
      writeFileSync(file, await csvToWorkbook(readFileSync(join(folder, "example.csv"), "utf8"), { title, sheet: "评分表" }));
      const fromCsv = cached(["score", folder, "--format", "json"]);
      const fromXlsx = cli(["score", folder, file, "--format", "json"]);
      expect(fromXlsx.code, fromXlsx.err).toBe(0);
      expect(fromXlsx.out).toBe(fromCsv.out);
      expect(JSON.parse(fromXlsx.out).results[0].units.length).toBeGreaterThanOrEqual(90);
    });
  }
});
