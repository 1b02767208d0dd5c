/**
 * `kaohe diff` and the columns set aside (`score --ignore`, `--ignore-folder-columns`,
 * `report --compare`), in process through main(): the Shenghe command as written, the
 * JSON contract, the table in both languages, and every error path.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { DiffDocument } from "../../src/cli/diff.js";
import { cli } from "../cli/harness.js";

const root = new URL("../..", import.meta.url).pathname;


/** Run from the repository root, so the paths print as in the README. */
function inRoot<T>(fn: () => T): T {
  const before = process.cwd();
  process.chdir(root);
  try {
    return fn();
  } finally {
    process.chdir(before);
  }
}

const H1 = "rubrics/shenghe-branch/party-building-h1.yaml";
const H2 = "rubrics/shenghe-branch/party-building-h2.yaml";
const CSV = "rubrics/shenghe-branch/example.csv";
const SHENGHE = [H1, H2, CSV];

const BASE = `kaohe: 1
id: base
name: 基础
year: 2024
version: "1"
grades:
  - { id: good, label: 好, min: 80 }
  - { id: poor, label: 差 }
scoring:
  combine: weighted
  max: 100
  children:
    - { id: a, label: 甲, kind: input, max: 100, weight: 50% }
    - { id: b, label: 乙, kind: input, max: 100, weight: 50% }
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-diff-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("kaohe diff on the two Shenghe versions, as written", () => {
  test("exit 0; the table lists the structural change and C06, C03 with their causes; the set-aside columns are named on stderr", () => {
    const r = inRoot(() => cli(["diff", ...SHENGHE]));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Structure: 4 change(s)");
    expect(r.out).toContain("  changed  item d3 deductions.each.points: 5 → 10  rubrics/shenghe-branch/party-building-h2.yaml:92:116");
    expect(r.out).toMatch(/盛和酒店\s+95\.50\s+94\.70\s+-0\.80\s+优秀\s+优秀\s+4\s+5\s+l5 年度重点任务部署落实 -4; l5b 党纪学习教育（集团党委… \+3\.2/);
    expect(r.out).toMatch(/盛和商贸\s+82\.17\s+85\.37\s+\+3\.20\s+良好\s+良好\s+8\s+7\s+l5b 党纪学习教育（集团党委… \+3\.2$/m);
    expect(r.err.split("\n")).toEqual([
      'note: shenghe-party-2024h1: set aside the data column(s) "l5b", "经营指标得分" (declared by rubrics/shenghe-branch/party-building-h2.yaml, rubrics/shenghe-branch/business-target.yaml)',
      'note: shenghe-party-2024h2: set aside the data column(s) "l5", "经营指标得分" (declared by rubrics/shenghe-branch/party-building-h1.yaml, rubrics/shenghe-branch/business-target.yaml)',
    ]);
  });

  test("the folder's README shows the command's real output", () => {
    const readme = readFileSync(join(root, "rubrics/shenghe-branch/README.md"), "utf8");
    const block = /```text\n\$ kaohe diff rubrics\/shenghe-branch\/party-building-h1\.yaml rubrics\/shenghe-branch\/party-building-h2\.yaml rubrics\/shenghe-branch\/example\.csv\n([\s\S]*?)```/.exec(readme);
    expect(block, "a text block starting with the command").not.toBeNull();
    const r = inRoot(() => cli(["diff", ...SHENGHE, "--quiet"]));
    expect(block![1]).toBe(`${r.out}\n`);
  });

  test("in Chinese (--lang zh): headers, change words and notes in Chinese", () => {
    const r = inRoot(() => cli(["diff", ...SHENGHE, "--lang", "zh"]));
    expect(r.code).toBe(0);
    expect(r.out).toContain("结构变化：4 处");
    expect(r.out).toContain("  删除  指标 l5：年度重点任务部署落实  rubrics/shenghe-branch/party-building-h1.yaml:50:11");
    expect(r.out).toContain("单位      原得分  新得分   变化  原等次  新等次  原排名  新排名  原因");
    expect(r.out).toContain("考核对象：12 个；得分升高 1 个，降低 7 个，不变 4 个；等次变化 0 个；排名变化 4 个");
    expect(r.err).toContain('提示：shenghe-party-2024h1：搁置数据列 "l5b"、"经营指标得分"');
  });

  test("--format json: the documented document", () => {
    const r = inRoot(() => cli(["diff", ...SHENGHE, "--format", "json"]));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as DiffDocument;
    expect(Object.keys(doc)).toEqual(["before", "after", "data", "setAside", "pairs"]);
    expect(doc.before).toEqual({ path: H1, rubrics: ["shenghe-party-2024h1"] });
    expect(doc.data).toBe(CSV);
    expect(doc.setAside).toEqual({ before: ["l5b", "经营指标得分"], after: ["l5", "经营指标得分"] });
    expect(doc.pairs).toHaveLength(1);
    expect(doc.pairs[0]!.matchedBy).toBe("order");
    expect(doc.pairs[0]!.rubric.changes).toHaveLength(4);
    const c06 = doc.pairs[0]!.assessment!.subjects.find((s) => s.id === "C06")!;
    expect([c06.scoreBefore, c06.scoreAfter, c06.scoreChange, c06.causes!.items.map((i) => i.contribution)]).toEqual(["95.50", "94.70", "-0.80", ["-4", "3.2"]]);
    // The same document in every language.
    expect(inRoot(() => cli(["diff", ...SHENGHE, "--format", "json", "--lang", "zh"])).out).toBe(r.out);
  });

  test("a folder against itself: every rubric paired by id, no change, no score change", () => {
    const r = inRoot(() => cli(["diff", "rubrics/shenghe-branch", "rubrics/shenghe-branch", "--format", "json"]));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as DiffDocument;
    expect(doc.pairs.map((p) => [p.matchedBy, p.rubric.after.id, p.rubric.changes.length, p.assessment!.counts.gradeChanged, p.assessment!.counts.same])).toEqual([
      ["id", "shenghe-business-2024", 0, 0, 12],
      ["id", "shenghe-party-2024h1", 0, 0, 12],
      ["id", "shenghe-party-2024h2", 0, 0, 12],
    ]);
    expect(doc.data).toBe("rubrics/shenghe-branch/example.csv");
  });

  test("--out writes the output to a file", () => {
    const out = join(mkdtempSync(join(tmpdir(), "kaohe-diff-out-")), "diff.json");
    const r = inRoot(() => cli(["diff", ...SHENGHE, "--format", "json", "--out", out, "-q"]));
    expect([r.code, r.out, r.err]).toEqual([0, "", ""]);
    expect(JSON.parse(readFileSync(out, "utf8")).pairs[0].rubric.after.id).toBe("shenghe-party-2024h2");
  });
});

describe("kaohe diff: pairing, no data, and every error", () => {
  const two = folder({
    "old/base.yaml": BASE,
    "new/base.yaml": BASE.replace("min: 80", "min: 85").replace('version: "1"', 'version: "2"'),
    "data.csv": "id,a,b\nu1,90,74\nu2,60,60\n",
    "empty.csv": "",
  });

  test("two files and no data (no example.csv beside them): the structural change only, said on stderr", () => {
    const r = cli(["diff", join(two, "old/base.yaml"), join(two, "new/base.yaml")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  changed  grade good min: 80 → 85");
    expect(r.out).not.toContain("Subjects:");
    expect(r.err).toBe("note: no data file and no example.csv in the folders: the structural change only");
  });

  test("a band change with data: u1 82 → 好 no more (85); the matrix and the cause", () => {
    // u1: 0.5 × 90 + 0.5 × 74 = 82 ≥ 80 → good; under min 85 → poor. u2: 60 → poor in both.
    const r = cli(["diff", join(two, "old"), join(two, "new"), join(two, "data.csv"), "--format", "json"]);
    expect(r.code).toBe(0);
    const a = (JSON.parse(r.out) as DiffDocument).pairs[0]!.assessment!;
    expect(a.matrix).toEqual({ good: { good: 0, poor: 1 }, poor: { good: 0, poor: 1 } });
    expect(a.subjects[0]!.causes).toEqual({ items: [], rest: "0", rules: [], rawGrade: { before: "good", after: "poor" } });
    const table = cli(["diff", join(two, "old"), join(two, "new"), join(two, "data.csv")]);
    expect(table.out).toMatch(/u1\s+82\s+82\s+\+0\s+好\s+差\s+1\s+1\s+bands: 好 → 差/);
  });

  test("rubrics that cannot be paired: named, exit 1", () => {
    const other = folder({ "x.yaml": BASE.replace("id: base", "id: x"), "y.yaml": BASE.replace("id: base", "id: y") });
    const r = cli(["diff", join(two, "old"), other]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "kaohe diff: cannot pair the rubrics: only in the old version base, only in the new version x, y; rubrics are paired by id, the others in the order given when both sides have as many",
    );
  });

  test.each([
    [["diff"], 2, "kaohe diff: give the old and the new rubric (a .yaml file or a scheme folder each), then optionally the data; got 0 rubric path(s)"],
    [["diff", H1], 2, `kaohe diff: give the old and the new rubric (a .yaml file or a scheme folder each), then optionally the data; got 1 rubric path(s): ${H1}`],
    [["diff", H1, H2, "rubrics/shenghe-branch"], 2, "got 3 rubric path(s)"],
    [["diff", CSV, H1, H2], 2, `kaohe diff: the old and the new rubric come first, then the data; "${CSV}" is not a rubric (a .yaml file or a folder)`],
    [["diff", H1, H2, CSV, CSV], 2, "kaohe diff: give one data file, got"],
    [["diff", H1, "rubrics/nothing.yaml"], 1, "kaohe diff: cannot open rubrics/nothing.yaml: no such file or folder"],
    [["diff", ...SHENGHE, "--format", "csv"], 2, "kaohe diff: --format must be table or json, got csv"],
    [["diff", ...SHENGHE, "--out", ""], 2, "kaohe diff: --out needs a file name"],
    [["diff", ...SHENGHE, "--detail"], 2, "--detail does not apply to diff (it is an option of score)"],
  ])("%j → exit %i", (args, code, message) => {
    const r = inRoot(() => cli(args as string[]));
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  test("empty data is an error (no subjects), exit 1", () => {
    const r = cli(["diff", join(two, "old"), join(two, "new"), join(two, "empty.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`kaohe diff: ${join(two, "empty.csv")}: no data (it is empty)`);
  });

  test("a broken version: its problems at file:line:col, exit 1", () => {
    const broken = folder({ "b.yaml": BASE.replace("weight: 50% }\n", "weight: 40% }\n") });
    const r = cli(["diff", join(two, "old"), join(broken, "b.yaml")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(broken, "b.yaml")}:13:5  WEIGHT_SUM  weights must sum to 100%, they sum to 90%`);
    expect(r.err).toContain("kaohe diff: 1 problem(s) in the rubric");
  });

  test("a data problem of either version names the file and row", () => {
    const bad = folder({ "d.csv": "id,a,b\nu1,90,x\n" });
    const r = cli(["diff", join(two, "old"), join(two, "new"), join(bad, "d.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(bad, "d.csv")}:2:1  subject "u1"  field "b"  DATA_NOT_NUMBER`);
  });

  test("the help, in both languages", () => {
    expect(cli(["diff", "--help"]).out).toContain("usage: kaohe diff <old rubric file or folder> <new rubric file or folder>");
    expect(cli(["diff", "--help", "--lang", "zh"]).out).toContain("用法：kaohe diff <原版本方案文件或文件夹> <新版本方案文件或文件夹>");
    expect(cli(["--help"]).out).toContain("  diff      what a new rubric version changes");
  });
});

describe("score: setting columns aside", () => {
  test("one version of the folder on the folder's data: DATA_UNKNOWN_FIELD without an option, as before", () => {
    const r = inRoot(() => cli(["score", H1, CSV]));
    expect(r.code).toBe(1);
    expect(r.err).toContain('field "l5b"  DATA_UNKNOWN_FIELD');
    expect(r.err).toContain('field "经营指标得分"  DATA_UNKNOWN_FIELD');
  });

  test("--ignore-folder-columns: the other rubrics' columns are set aside and named", () => {
    const r = inRoot(() => cli(["score", H1, CSV, "--ignore-folder-columns", "--format", "json"]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).results[0].units.find((u: { id: string }) => u.id === "C06").score).toBe("95.50");
    expect(r.err).toBe(
      'note: shenghe-party-2024h1: set aside the data column(s) "经营指标得分", "l5b" (declared by rubrics/shenghe-branch/business-target.yaml, rubrics/shenghe-branch/party-building-h2.yaml)',
    );
  });

  test("--ignore COL,...: set aside and named (全角逗号 too)", () => {
    const r = inRoot(() => cli(["score", H2, CSV, "--ignore", "l5，经营指标得分", "--format", "json", "--lang", "zh"]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).results[0].units.find((u: { id: string }) => u.id === "C06").score).toBe("94.70");
    expect(r.err).toBe('提示：shenghe-party-2024h2：搁置数据列 "l5"、"经营指标得分"（--ignore 指定）');
  });

  test("--ignore errors: a column the rubric reads, no column", () => {
    const read = inRoot(() => cli(["score", H1, CSV, "--ignore", "l5"]));
    expect([read.code, read.err]).toEqual([2, 'kaohe score: --ignore: "l5" is read by shenghe-party-2024h1; only a column no rubric reads can be set aside']);
    const none = inRoot(() => cli(["score", H1, CSV, "--ignore", ","]));
    expect([none.code, none.err]).toEqual([2, "kaohe score: --ignore needs column names, separated by commas (e.g. --ignore l5b,经营指标得分)"]);
    const subject = inRoot(() => cli(["score", H1, CSV, "--ignore", "name"]));
    expect(subject.code).toBe(2);
  });
});

describe("report --compare", () => {
  test("a 版本对比 section after the cover: the structural change, C06 and C03 with causes, the matrix", () => {
    const out = join(mkdtempSync(join(tmpdir(), "kaohe-report-")), "r.html");
    const r = inRoot(() => cli(["report", H2, CSV, "--compare", H1, "--out", out]));
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html.indexOf('id="compare"')).toBeGreaterThan(html.indexOf('id="cover"'));
    expect(html.indexOf('id="compare"')).toBeLessThan(html.indexOf('id="ranking"'));
    const section = html.slice(html.indexOf('id="compare"'), html.indexOf('id="ranking"'));
    expect(section).toContain("<h2>版本对比</h2>");
    expect(section).toContain("<td>删除</td><td>指标</td><td>l5</td>");
    expect(section).toMatch(/<td>盛和酒店<\/td><td class="num">95\.50<\/td><td class="num">94\.70<\/td><td class="num">-0\.80<\/td>/);
    expect(section).toContain("党纪学习教育（集团党委下半年重点工作）（l5b）+3.2");
    expect(section).toContain('data-table="compare-matrix"');
    // The new version alone on the folder's data: the old version's and the book's columns are set aside.
    expect(r.err).toContain('note: shenghe-party-2024h2: set aside the data column(s) "l5", "经营指标得分"');
  });

  test("--compare errors: no such path, no rubric to pair", () => {
    const missing = inRoot(() => cli(["report", H2, CSV, "--compare", "rubrics/none.yaml"]));
    expect([missing.code, missing.err]).toEqual([1, "kaohe report: cannot open rubrics/none.yaml: no such file or folder"]);
    const unpaired = inRoot(() => cli(["report", "rubrics/shenghe-branch", "--rubric", "shenghe-party-2024h2", "--compare", "rubrics/chn-energy-2024"]));
    expect(unpaired.code).toBe(2);
    expect(unpaired.err).toContain('kaohe report: --compare: no rubric of rubrics/chn-energy-2024 pairs with "shenghe-party-2024h2"');
  });
});

describe("the Chinese guide shows the command's real output", () => {
  test("docs/zh/版本对比.md: the --lang zh table, and the note as printed", () => {
    const guide = readFileSync(join(root, "docs/zh/版本对比.md"), "utf8");
    const r = inRoot(() => cli(["diff", ...SHENGHE, "--lang", "zh"]));
    const first = /```text\n([\s\S]*?)```/.exec(guide)![1]!;
    expect(first).toBe(`${r.out}\n`);
    expect(guide).toContain(r.err.split("\n")[0]!);
  });
});
