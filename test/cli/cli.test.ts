import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { safeCell } from "../../src/cli/csv.js";
import { cli } from "./harness.js";

const root = new URL("../..", import.meta.url).pathname;
const CHN = join(root, "rubrics/chn-energy-2024");


const tmp = () => mkdtempSync(join(tmpdir(), "kaohe-"));

const SMALL = `kaohe: 1
id: small
name: 小型测试
year: 2024
version: "1"
inputs:
  领域: { type: choice, values: [村, 机关] }
grades:
  - { id: good, label: 好, min: 80 }
  - { id: poor, label: 差 }
scoring:
  children:
    - { id: a, label: 学习, kind: input, max: 50 }
    - { id: b, label: 组织, kind: input, max: 50 }
  max: 100
`;

describe("kaohe score", () => {
  test("a scheme folder without a data file scores its example.csv (table)", () => {
    const r = cli(["score", CHN]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("国家能源集团党组织书记抓基层党建工作述职评议考核 (chn-energy-review-2024 v2024.1): 90 subjects");
    // Without a Chinese locale or --lang zh: English headers; the subject column shows names (labels), not ids.
    expect(r.out).toMatch(/^rank\s+subject\s+group\s+score\s+grade\s+adjustments and reasons\s+actions$/m);
    expect(r.out).toMatch(/^\s+1\s+国家能源集团广西煤炭公司\s+煤炭\s+99\.97\s+优秀$/m);
  });

  test("the JSON output follows the integrators' contract", () => {
    const r = cli(["score", CHN, "--format", "json"]);
    const doc = JSON.parse(r.out);
    expect(doc.results.map((x: { rubric: { id: string } }) => x.rubric.id)).toEqual(["chn-energy-responsibility-2024", "chn-energy-review-2024"]);
    const review = doc.results[1];
    expect(review.rubric).toEqual({ id: "chn-energy-review-2024", version: "2024.1", name: "国家能源集团党组织书记抓基层党建工作述职评议考核", year: 2024 });
    expect(review.grades).toEqual(["good", "fair", "average", "poor"]);
    expect(review.summary.count).toBe(90);
    expect(Object.keys(review.summary.distribution)).toEqual(["good", "fair", "average", "poor"]);
    for (const u of review.units) {
      expect(u).toEqual(expect.objectContaining({ id: expect.any(String), score: expect.stringMatching(/^\d+\.\d\d$/), rank: expect.any(Number), groupRank: expect.any(Number), adjustments: expect.any(Array), actions: expect.any(Array) }));
      expect(review.grades).toContain(u.grade);
      for (const a of u.adjustments) expect(a).toEqual({ kind: expect.stringMatching(/^(veto|downgrade|cap|quota|exclusion)$/), rule: expect.any(String), from: expect.any(String), to: expect.any(String), reason: expect.any(String), numbers: expect.any(Object) });
    }
    // The default document: no nodes, no feedback.
    expect(review.units.every((u: object) => !("nodes" in u))).toBe(true);
    expect(review).not.toHaveProperty("feedback");
    const full = JSON.parse(cli(["score", CHN, "--format", "json", "--feedback", "full"]).out).results[1];
    expect(full.feedback.common).toEqual(expect.any(Array));
    expect(full.feedback.subjects.S001).toEqual(expect.objectContaining({ problems: expect.any(Array), toNextGrade: expect.anything() }));
  });

  test("shuffling the data rows changes no score, grade or rank", () => {
    const dir = tmp();
    const lines = readFileSync(join(CHN, "example.csv"), "utf8").trimEnd().split("\r\n");
    const shuffled = [lines[0], ...lines.slice(1).reverse().sort((a, b) => (a.length % 7) - (b.length % 7))].join("\r\n") + "\r\n";
    writeFileSync(join(dir, "shuffled.csv"), shuffled);
    const a = cli(["score", CHN, "--format", "json"]).out;
    const b = cli(["score", CHN, join(dir, "shuffled.csv"), "--format", "json"]).out;
    expect(b).toBe(a);
  });

  test("a GBK CSV with Chinese headers scores the same as its UTF-8 twin", () => {
    const dir = tmp();
    writeFileSync(join(dir, "r.yaml"), SMALL);
    const csv = "id,name,学习,b,领域\r\nu1,甲村,45,40,村\r\nu2,乙局,30,30,机关\r\n".replace("学习", "a");
    writeFileSync(join(dir, "utf8.csv"), `\ufeff${csv}`);
    writeFileSync(join(dir, "gbk.csv"), iconv.encode(csv, "gbk"));
    const a = cli(["score", join(dir, "r.yaml"), join(dir, "utf8.csv"), "--format", "json"]);
    const b = cli(["score", join(dir, "r.yaml"), join(dir, "gbk.csv"), "--format", "json"]);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(JSON.parse(b.out).results[0].units.map((u: { name: string; score: string }) => `${u.name} ${u.score}`)).toEqual(["甲村 85", "乙局 60"]);
  });

  test("JSON data from stdin", () => {
    const dir = tmp();
    writeFileSync(join(dir, "r.yaml"), SMALL);
    const r = cli(["score", join(dir, "r.yaml"), "-", "--format", "csv"], JSON.stringify([{ id: "=cmd", a: 50, b: 40, 领域: "村" }]));
    expect(r.code).toBe(0);
    expect(r.out.split("\r\n")[1]).toContain("'=cmd");
  });

  test("bad data: exit 1, every problem with file:line, subject and field, then a one-line cause", () => {
    const dir = tmp();
    writeFileSync(join(dir, "r.yaml"), SMALL);
    writeFileSync(join(dir, "d.csv"), "id,a,b,领域\nu1,45,abc,村\nu2,60,1,村\n");
    const r = cli(["score", join(dir, "r.yaml"), join(dir, "d.csv")]);
    expect(r.code).toBe(1);
    const lines = r.err.split("\n");
    expect(lines[0]).toBe(`${join(dir, "d.csv")}:2:1  subject "u1"  field "b"  DATA_NOT_NUMBER  "b" must be a number, got "abc"`);
    expect(lines[1]).toContain(`${join(dir, "d.csv")}:3:1  subject "u2"  field "a"  DATA_OUT_OF_RANGE`);
    expect(lines.at(-1)).toBe(`kaohe score: 2 problem(s) in ${join(dir, "d.csv")}`);
  });

  test("the id and name columns as the rubric names them (编号, 支部名称), an ignored 备注, lists in one cell", () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "r.yaml"),
      `kaohe: 1
id: branch
name: 党支部考核
year: 2024
version: "1"
subject: { label: 党支部, id: 编号, name: 支部名称, group: 板块, ignore: [备注] }
inputs:
  thought: { type: number, min: 0, max: 80, places: 1, label: 思想建设得分 }
  pick: { type: scores, min: 3, max: 5, label: 酌情扣分 }
grades:
  - { id: good, label: 好, min: 80 }
  - { id: poor, label: 差 }
scoring:
  max: 100
  children:
    - { id: thought, kind: input, max: 80 }
    - { id: d, kind: deduct, max: 20, deductions: [ { id: pick, chosen: pick, range: [3, 5] } ] }
`,
    );
    writeFileSync(join(dir, "d.csv"), "编号,支部名称,板块,思想建设得分,酌情扣分,备注\r\nB01,第一党支部,机关,75.5,[],\r\nB02,第二党支部,机关,78,3；5,补录\r\n");
    const r = cli(["score", join(dir, "r.yaml"), join(dir, "d.csv"), "--format", "json"]);
    expect(r.err).toBe("");
    // B01: 75.5 + (20 − 0) = 95.5 → good; B02: 78 + (20 − 3 − 5) = 90 → good
    expect(JSON.parse(r.out).results[0].units.map((u: { id: string; name: string; group: string; score: string; grade: string }) => [u.id, u.name, u.group, u.score, u.grade])).toEqual([
      ["B01", "第一党支部", "机关", "95.5", "good"],
      ["B02", "第二党支部", "机关", "90", "good"],
    ]);
    writeFileSync(join(dir, "bad.csv"), "编号,支部名称,思想建设得分,酌情扣分\r\nB01,甲,75.55,3\r\nB02,乙,70,3;x\r\n");
    const bad = cli(["score", join(dir, "r.yaml"), join(dir, "bad.csv")]);
    expect(bad.code).toBe(1);
    expect(bad.err.split("\n").slice(0, 2)).toEqual([
      `${join(dir, "bad.csv")}:2:1  subject "B01"  field "思想建设得分"  DATA_TOO_PRECISE  "思想建设得分" allows at most 1 decimal place(s), got 75.55`,
      `${join(dir, "bad.csv")}:3:1  subject "B02"  field "酌情扣分"  DATA_NOT_NUMBER  "酌情扣分" must be a number, got "x"`,
    ]);
  });

  test("--out writes the file", () => {
    const dir = tmp();
    const r = cli(["score", CHN, "--format", "csv", "--out", join(dir, "out.csv")]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toMatch(/^\ufeffrubric,rank,groupRank,id,name,group,score/);
  });
});

describe("kaohe validate", () => {
  test("a valid folder", () => {
    const r = cli(["validate", CHN]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ok: chn-energy-responsibility-2024");
  });
  test("a YAML syntax error: exit 1 with file:line:col", () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.yaml"), "kaohe: 1\nid: x\nname: [broken\n");
    const r = cli(["validate", join(dir, "bad.yaml")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${join(dir, "bad.yaml")}:4:1  YAML_SYNTAX  `));
  });
  test("weights summing to 99%: exit 1 with file:line:col", () => {
    const dir = tmp();
    writeFileSync(join(dir, "w.yaml"), SMALL.replace("  max: 100\n", "").replace("scoring:\n  children:", "scoring:\n  combine: weighted\n  children:").replace("max: 50 }\n    - { id: b", "max: 50, weight: 49% }\n    - { id: b").replace("label: 组织, kind: input, max: 50 }", "label: 组织, kind: input, max: 50, weight: 50% }"));
    const r = cli(["validate", join(dir, "w.yaml")]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(`${join(dir, "w.yaml")}:14:5  WEIGHT_SUM  weights must sum to 100%, they sum to 99%`);
    expect(r.err.split("\n").at(-1)).toBe("kaohe validate: 1 problem(s) in the rubric");
  });
});

describe("kaohe test and explain", () => {
  test("test runs the scheme's cases and ends with a count", () => {
    const r = cli(["test", CHN]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
  test("a failing case prints its name and differences and exits 1", () => {
    const dir = tmp();
    writeFileSync(join(dir, "r.yaml"), `${SMALL}tests:\n  - name: wrong on purpose\n    subjects: [ { id: u, a: 40, b: 40, 领域: 村 } ]\n    expect: { u: { grade: poor } }\n`);
    const r = cli(["test", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("✗ wrong on purpose");
    expect(r.out).toContain('u.grade: expected "poor", got "good"');
    expect(r.out.split("\n").at(-1)).toBe("0 passed, 1 failed");
  });
  test("explain prints the trail, the rules and the feedback", () => {
    const json = JSON.parse(cli(["score", CHN, "--format", "json"]).out);
    const capped = json.results[1].units.find((u: { adjustments: { kind: string }[] }) => u.adjustments.some((a) => a.kind === "cap"));
    const r = cli(["explain", CHN, "--unit", capped.id, "--rubric", "chn-energy-review-2024"]);
    expect(r.code).toBe(0);
    for (const s of ["points 得分明细:", "本单位职工代表和党员代表自评", "total 总分:", "raw grade 初定等次: 好", "cap responsibility-not-excellent", "final grade 最终等次: 较好", "feedback 反馈:"]) expect(r.out).toContain(s);
  });
  test("explain an unknown unit fails with a one-line cause", () => {
    const r = cli(["explain", CHN, "--unit", "nobody"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('kaohe explain: no subject "nobody" in the data');
  });
});

describe("kaohe draw", () => {
  const data = join(CHN, "example.csv");
  const ids = (out: string) => JSON.parse(out).selected.map((s: { id: string }) => s.id);
  test("the same seed gives the same list; another seed another list", () => {
    const a = cli(["draw", data, "--count", "21", "--seed", "2024-01-15 述职会", "--format", "json"]);
    const b = cli(["draw", data, "--count", "21", "--seed", "2024-01-15 述职会", "--format", "json"]);
    const c = cli(["draw", data, "--count", "21", "--seed", "2024-01-16 述职会", "--format", "json"]);
    expect(ids(a.out)).toHaveLength(21);
    expect(ids(b.out)).toEqual(ids(a.out));
    expect(ids(c.out)).not.toEqual(ids(a.out));
    expect(new Set(ids(a.out)).size).toBe(21);
  });
  test("prints the seed's SHA-256 (checked with sha256sum) and stratifies proportionally", () => {
    const r = cli(["draw", data, "--count", "9", "--seed", "s", "--by", "group"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("seed SHA-256: 043a718774c572bd8a25adbeb1bfcd5c0256ae11cecf9f9c3f925d0e52beaf89");
    expect(r.out).toMatch(/strata \(group\): .*电力 3\/30/);
  });
  test("never draws without a seed", () => {
    const r = cli(["draw", data, "--count", "3"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("give --seed TEXT");
  });
  test("more than the pool is an error", () => {
    expect(cli(["draw", data, "--count", "91", "--seed", "x"])).toMatchObject({ code: 1, err: "kaohe draw: cannot draw 91 from 90 candidates" });
  });
});

describe("help and usage", () => {
  test.each(["score", "validate", "test", "explain", "draw", "schema"])("kaohe %s --help", (command) => {
    const r = cli([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: kaohe /);
  });
  test("no command prints help and exits 2; an unknown command exits 2", () => {
    expect(cli([]).code).toBe(2);
    expect(cli(["scor"])).toMatchObject({ code: 2, err: 'kaohe: unknown command "scor"; run kaohe --help' });
    expect(cli(["score", "--bogus"]).code).toBe(2);
  });
  test("schema prints the JSON Schema", () => {
    expect(JSON.parse(cli(["schema"]).out).title).toBe("kaohe rubric");
  });
});

describe("CSV safety", () => {
  test.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["-12.5", "-12.5"],
    ["好", "好"],
  ])("%s → %s", (cell, expected) => {
    expect(safeCell(cell)).toBe(expected);
  });
});

test("the built binary runs as a new user would run it", () => {
  const out = execFileSync(process.execPath, [join(root, "dist/cli.js"), "score", CHN, "--format", "json"], { encoding: "utf8" });
  expect(JSON.parse(out).results).toHaveLength(2);
});
