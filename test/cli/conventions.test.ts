/**
 * CLI conventions (issue 10 §4): --format json for validate and test, --quiet,
 * one-line usage errors for options that do not apply, one row numbering in draw and
 * score, and the commit-first draw (--hash-only). In process, through main().
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { cli, smallRubric } from "./harness.js";

const root = new URL("../..", import.meta.url).pathname;
const CHN = join(root, "rubrics/chn-energy-2024");


// The root declares no max: loads with one warning, ROOT_MAX_UNDECLARED.
const WARNED = smallRubric({ max: false });
const CLEAN = smallRubric();
// 40 + 45 = 85 ≥ 80 → good; 30 + 30 = 60 → poor.
const TESTS = `tests:
  - name: 85 is good
    subjects: [ { id: u, a: 40, b: 45 } ]
    expect: { u: { score: "85", grade: good } }
  - name: 60 is poor
    subjects: [ { id: v, a: 30, b: 30 } ]
    expect: { v: { grade: poor } }
`;
const DATA = "id,name,a,b\r\nu1,甲,40,45\r\nu2,乙,30,30\r\n";

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-conv-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("validate --format json", () => {
  test("per file its errors and warnings, eslint-style; exit 0 with warnings only", () => {
    const dir = folder({ "r.yaml": WARNED, "tests.yaml": TESTS });
    const r = cli(["validate", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ ok: true, errorCount: 0, warningCount: 1, rubrics: [{ id: "small", file: join(dir, "r.yaml"), items: 2 }], testCases: 2 });
    expect(doc.files.map((f: { file: string; kind: string; errorCount: number; warningCount: number }) => [f.file, f.kind, f.errorCount, f.warningCount])).toEqual([
      [join(dir, "r.yaml"), "rubric", 0, 1],
      [join(dir, "tests.yaml"), "tests", 0, 0],
    ]);
    // Each issue is the library's Issue, key for key.
    expect(doc.files[0].warnings).toEqual([expect.objectContaining({ code: "ROOT_MAX_UNDECLARED", severity: "warning", stage: "compile", message: expect.any(String), path: expect.any(Array), params: expect.any(Object), source: { file: join(dir, "r.yaml"), line: expect.any(Number), col: expect.any(Number) } })]);
  });

  test("errors in the rubric and in the tests file, each under its file; exit 1, stdout only", () => {
    const broken = CLEAN.replace("max: 50 }\n    - { id: b", "max: 40 }\n    - { id: b"); // 40 + 50 = 90 ≠ 100
    const dir = folder({ "r.yaml": broken, "tests.yaml": "tests:\n  - name: no subjects\n    expect: {}\n" });
    const r = cli(["validate", dir, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const doc = JSON.parse(r.out);
    expect(doc.ok).toBe(false);
    expect(doc.testCases).toBeNull();
    const [rubric, tests] = doc.files;
    expect(rubric.errors.map((i: { code: string }) => i.code)).toEqual(["MAX_MISMATCH"]);
    expect(rubric.errors[0].source).toEqual({ file: join(dir, "r.yaml"), line: 10, col: 8 }); // line 10: "  max: 100" under scoring
    expect(tests.errors.map((i: { code: string; source: unknown }) => [i.code, i.source])).toEqual([["SCHEMA_MISSING_KEY", { file: join(dir, "tests.yaml"), line: 2, col: 5 }]]);
    expect([doc.errorCount, doc.warningCount]).toEqual([2, 0]);
  });

  test("a file that cannot be read is still a one-line error on stderr (no document)", () => {
    const r = cli(["validate", join(tmpdir(), "kaohe-no-such-folder"), "--format", "json"]);
    expect(r).toMatchObject({ code: 1, out: "" });
    expect(r.err.split("\n")).toHaveLength(1);
  });

  test("--format text is the default; any other format is a usage error", () => {
    const dir = folder({ "r.yaml": CLEAN });
    expect(cli(["validate", dir, "--format", "text"]).out).toBe(cli(["validate", dir]).out);
    expect(cli(["validate", dir, "--format", "csv"])).toMatchObject({ code: 2, out: "", err: "kaohe validate: --format must be text or json, got csv" });
  });
});

describe("test --format json", () => {
  test("every case with its outcome and differences; exit 1 when one fails", () => {
    const wrong = TESTS.replace("{ v: { grade: poor } }", "{ v: { grade: good } }");
    const dir = folder({ "r.yaml": CLEAN, "tests.yaml": wrong });
    const r = cli(["test", dir, "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ ok: false, passed: 1, failed: 1, errors: [] });
    expect(doc.cases).toEqual([
      { name: "85 is good", rubric: "small", passed: true, differences: [], source: { file: join(dir, "tests.yaml"), line: 2, col: 5 } },
      { name: "60 is poor", rubric: "small", passed: false, differences: [{ path: "v.grade", expected: "good", actual: "poor" }], source: { file: join(dir, "tests.yaml"), line: 5, col: 5 } },
    ]);
    expect(r.err).toBe("kaohe test: 1 of 2 case(s) failed");
  });

  test("all passing: ok, exit 0", () => {
    const r = cli(["test", folder({ "r.yaml": CLEAN, "tests.yaml": TESTS }), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, passed: 2, failed: 0, errors: [] });
  });

  test("a broken rubric: its issues under errors, no case run, exit 1", () => {
    const r = cli(["test", folder({ "r.yaml": CLEAN.replace("max: 50 }\n    - { id: b", "max: 40 }\n    - { id: b"), "tests.yaml": TESTS }), "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ ok: false, passed: 0, failed: 0, cases: [] });
    expect(doc.errors.map((i: { code: string }) => i.code)).toEqual(["MAX_MISMATCH"]);
  });
});

describe("--quiet: errors only", () => {
  test("score: no rubric warning and no GBK note on stderr; the output is the same", () => {
    const dir = folder({ "r.yaml": WARNED, "d.csv": iconv.encode(DATA, "gbk") });
    const loud = cli(["score", dir, join(dir, "d.csv")]);
    expect(loud.err).toContain("ROOT_MAX_UNDECLARED");
    expect(loud.err).toContain("is not UTF-8; read as GBK");
    for (const flag of ["--quiet", "-q"]) {
      const quiet = cli(["score", dir, join(dir, "d.csv"), flag]);
      expect(quiet).toEqual({ code: 0, out: loud.out, err: "" });
    }
  });

  test("validate: no warnings on stderr", () => {
    const dir = folder({ "r.yaml": WARNED });
    expect(cli(["validate", dir]).err).toMatch(/^warning: .*ROOT_MAX_UNDECLARED/);
    expect(cli(["validate", dir, "--quiet"])).toMatchObject({ code: 0, err: "" });
  });

  test("test: the failed cases only, and the count; errors still on stderr", () => {
    const dir = folder({ "r.yaml": CLEAN, "tests.yaml": TESTS.replace("{ v: { grade: poor } }", "{ v: { grade: good } }") });
    const r = cli(["test", dir, "-q"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`  ✗ 60 is poor  (${join(dir, "tests.yaml")}:5:5  rubric small)\n      v.grade: expected "good", got "poor"\n1 passed, 1 failed`);
    expect(r.err).toBe("kaohe test: 1 of 2 case(s) failed");
  });

  test("a problem is never silenced", () => {
    const dir = folder({ "r.yaml": CLEAN, "d.csv": "id,a,b\r\nu1,40,99\r\n" });
    const r = cli(["score", dir, join(dir, "d.csv"), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("DATA_OUT_OF_RANGE");
  });
});

describe("options that do not apply: exit 2 with one line", () => {
  test.each([
    [["score", CHN, "--detail"], "kaohe score: --detail shapes the JSON output; it does not apply to --format table"],
    [["score", CHN, "--detail", "--format", "csv"], "kaohe score: --detail shapes the JSON output; it does not apply to --format csv"],
    [["score", CHN, "--problems", "3", "--common", "30%"], "kaohe score: --problems, --common shape the JSON output; they do not apply to --format table"],
    [["validate", CHN, "--out", "x.txt"], "kaohe validate: --out does not apply to validate (it is an option of score, report, diff); see kaohe validate --help"],
    [["test", CHN, "--detail"], "kaohe test: --detail does not apply to test (it is an option of score); see kaohe test --help"],
    [["explain", CHN, "--unit", "S001", "--out", "x.txt"], "kaohe explain: --out does not apply to explain (it is an option of score, report, diff); see kaohe explain --help"],
    [["draw", "d.csv", "--format", "csv", "--out", "x.csv"], "kaohe draw: --out does not apply to draw (it is an option of score, report, diff); see kaohe draw --help"],
    [["schema", "--seed", "x"], "kaohe schema: --seed does not apply to schema (it is an option of draw); see kaohe schema --help"],
    [["score", CHN, "--format", "json", "--by", "group"], "kaohe score: --by does not apply to score (it is an option of draw); see kaohe score --help"],
    [["validate", CHN, "--frmat", "json"], "kaohe validate: unknown option --frmat; see kaohe validate --help"],
    [["validate", CHN, "-x"], "kaohe validate: unknown option -x; see kaohe validate --help"],
  ])("%j", (args, message) => {
    expect(cli(args)).toEqual({ code: 2, out: "", err: message });
  });

  test("with --format json the same options apply", () => {
    const r = cli(["score", CHN, "--format", "json", "--detail", "--problems", "2", "--common", "30%"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).results[1].units[0].nodes.some((n: { lines: unknown[] }) => n.lines.length > 0)).toBe(true);
  });
});

describe("rows are numbered the same way in draw and score (CSV header = row 1)", () => {
  // u2 is the second subject: row 3 of the CSV, after the header (row 1) and u1 (row 2).
  test("CSV: the second subject is row 3 in both", () => {
    const dir = folder({ "r.yaml": CLEAN, "d.csv": "id,name,a,b\r\nu1,甲,40,45\r\n,乙,30,99\r\n" });
    const data = join(dir, "d.csv");
    const score = cli(["score", dir, data]);
    expect(score.code).toBe(1);
    expect(score.err.split("\n")[0]).toMatch(new RegExp(`^${data}:3:1 `));
    expect(cli(["draw", data, "--count", "1", "--seed", "s"])).toEqual({ code: 1, out: "", err: `kaohe draw: ${data}:3: the row has no "id"` });
  });

  test("CSV: a missing --by value names its row the same way", () => {
    const dir = folder({ "d.csv": "id,group\r\nu1,甲\r\nu2,乙\r\nu3,\r\n" });
    expect(cli(["draw", join(dir, "d.csv"), "--count", "1", "--seed", "s", "--by", "group"]).err).toBe(`kaohe draw: ${join(dir, "d.csv")}:4: the row has no "group"`);
  });

  test("JSON: the second subject is 2 in both (no header)", () => {
    const dir = folder({ "r.yaml": CLEAN, "d.json": JSON.stringify([{ id: "u1", a: 40, b: 45 }, { id: "", a: 30, b: 99 }]) });
    const data = join(dir, "d.json");
    expect(cli(["score", dir, data]).err.split("\n")[0]).toMatch(new RegExp(`^${data}:2:1 `));
    expect(cli(["draw", data, "--count", "1", "--seed", "s"]).err).toBe(`kaohe draw: ${data}:2: the row has no "id"`);
  });
});

describe("draw --hash-only: the commitment before the draw", () => {
  const seed = "2024-01-15 述职会";
  const sha = createHash("sha256").update(seed, "utf8").digest("hex");

  test("prints the seed's SHA-256 alone, the value the draw prints afterwards", () => {
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const r = cli(["draw", "--hash-only", "--seed", seed]);
    expect(r).toEqual({ code: 0, out: sha, err: "" });
    const drawn = cli(["draw", join(CHN, "example.csv"), "--count", "3", "--seed", seed]);
    expect(drawn.out.split("\n")[0]).toBe(`seed SHA-256: ${sha}`);
    expect(JSON.parse(cli(["draw", "--hash-only", "--seed", seed, "--format", "json"]).out)).toEqual({ seedSha256: sha });
  });

  test("the FIPS 180-2 vector: abc", () => {
    expect(cli(["draw", "--hash-only", "--seed", "abc"]).out).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test.each([
    [["draw", "d.csv", "--hash-only", "--seed", "s"], "kaohe draw: --hash-only prints the seed's SHA-256 and draws nothing: the data file d.csv does not apply"],
    [["draw", "--hash-only", "--seed", "s", "--count", "3", "--by", "group"], "kaohe draw: --hash-only prints the seed's SHA-256 and draws nothing: --count, --by do not apply"],
    [["draw", "--hash-only", "--seed", "s", "--format", "csv"], "kaohe draw: --format must be table or json with --hash-only, got csv"],
    [["draw", "--hash-only"], "kaohe draw: give --seed TEXT: --hash-only prints its SHA-256"],
    [["draw", "--hash-only", "--seed", ""], "kaohe draw: give --seed TEXT: --hash-only prints its SHA-256"],
  ])("%j is a usage error", (args, message) => {
    expect(cli(args)).toEqual({ code: 2, out: "", err: message });
  });
});

test("the README's validate --format json example is what validate prints", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const rubric = /```yaml\n# review.yaml\n([\s\S]*?)```/.exec(readme)![1]!.replace("weight: 70% }", "weight: 69% }");
  const shown = JSON.parse(/`validate --format json` prints[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!);
  const dir = mkdtempSync(join(tmpdir(), "kaohe-readme-"));
  mkdirSync(join(dir, "r"));
  writeFileSync(join(dir, "r", "review.yaml"), rubric);
  const r = cli(["validate", join(dir, "r"), "--format", "json"]);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.out.replaceAll(`${dir}/`, ""))).toEqual(shown);
});
