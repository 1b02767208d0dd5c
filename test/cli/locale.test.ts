/**
 * The CLI in the user's language: zh-CN when LC_ALL, LC_MESSAGES or LANG (the first
 * set) is Chinese, or with --lang zh; English otherwise or with --lang en.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { localeOfEnv, localeOfOption, takeLang } from "../../src/cli/locale.js";
import { CLI_EN } from "../../src/cli/messages.js";
import { CLI_ZH } from "../../src/cli/messages.zh-CN.js";
import { HELP_ZH } from "../../src/cli/help.zh-CN.js";
import { cli } from "./harness.js";

const root = new URL("../..", import.meta.url).pathname;
const CHN = join(root, "rubrics/chn-energy-2024");
const CLI = join(root, "dist/cli.js");

/** The CLI in-process with only the given locale variables. */
const run = (args: string[], env: Record<string, string> = {}) => cli(args, { env });

/** The built CLI as a user runs it, with only the locale variables given. */
function binary(args: string[], env: Record<string, string>): { out: string; err: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_ALL|LC_MESSAGES|LANG|LANGUAGE)$/.test(k))) as Record<string, string>;
  const out = execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...clean, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return { out, err: "" };
}

/** The ASCII words (two letters or more) of a text. */
const asciiWords = (text: string) => [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])];

describe("which language", () => {
  test.each([
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "zh_TW.UTF-8" }, "zh-CN"],
    [{ LANG: "zh" }, "zh-CN"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{ LC_ALL: "C", LANG: "zh_CN.UTF-8" }, "en"], // LC_ALL first
    [{ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"], // then LC_MESSAGES
    [{ LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.GB18030" }, "zh-CN"], // empty is not set
    [{ LANG: "zu_ZA.UTF-8" }, "en"], // Zulu is not Chinese
    [{}, "en"],
  ])("%o → %s", (env, locale) => {
    expect(localeOfEnv(env)).toBe(locale);
  });
  test("--lang: zh, zh-CN, zh_CN, en (any case); anything else is refused", () => {
    expect(["zh", "zh-CN", "ZH_cn", "en", "en-US", "fr", ""].map(localeOfOption)).toEqual(["zh-CN", "zh-CN", "zh-CN", "en", "en", undefined, undefined]);
    expect(takeLang(["score", "--lang", "zh", "a", "--lang=en"])).toEqual({ rest: ["score", "a"], lang: "en" });
    expect(takeLang(["score", "--", "--lang", "zh"])).toEqual({ rest: ["score", "--", "--lang", "zh"] });
    expect(takeLang(["score", "--lang"])).toEqual({ rest: ["score"], missing: true });
  });
  test("a bad --lang is a usage error (exit 2) in the environment's language", () => {
    expect(run(["score", CHN, "--lang", "fr"])).toMatchObject({ code: 2, err: 'kaohe: --lang must be zh or en, got "fr"' });
    expect(run(["score", CHN, "--lang", "fr"], { LANG: "zh_CN.UTF-8" })).toMatchObject({ code: 2, err: 'kaohe：--lang 应为 zh 或 en，实际为"fr"' });
    expect(run(["score", CHN, "--lang"])).toMatchObject({ code: 2, err: "kaohe: option --lang needs a value" });
  });
});

describe("LANG=zh_CN.UTF-8 kaohe score rubrics/chn-energy-2024", () => {
  const { out } = binary(["score", CHN], { LANG: "zh_CN.UTF-8" });
  test("prints only Chinese apart from ids, numbers and punctuation", () => {
    // The allowed ASCII words: those of the rubric ids, the subject ids and the issue codes.
    const json = JSON.parse(binary(["score", CHN, "--format", "json"], { LANG: "C" }).out) as { results: { rubric: { id: string }; units: { id: string }[] }[] };
    const codes = readFileSync(join(root, "src/diagnostics/issue.ts"), "utf8").match(/"[A-Z_]+"/g) ?? [];
    const allowed = new Set(asciiWords([...json.results.map((r) => r.rubric.id), ...json.results.flatMap((r) => r.units.map((u) => u.id)), ...codes].join(" ")));
    expect(allowed.has("chn")).toBe(true);
    const words = asciiWords(out);
    expect(words.filter((w) => !allowed.has(w))).toEqual([]);
    // and it is the table of results: a title per rubric, the Chinese headers, 90 rows each
    expect(out).toContain("国家能源集团党组织书记抓基层党建工作述职评议考核（chn-energy-review-2024，2024.1 版）：共 90 个单位；好 45 个，较好 38 个，一般 7 个，差 0 个");
    expect(out).toMatch(/^排名\s+单位\s+分组\s+得分\s+等次\s+调整及原因\s+处理$/m);
    expect(out).toMatch(/^\s+55\s+国家能源集团陕西电力公司\s+电力\s+91\.64\s+较好\s+因"好"等次比例不超过50%（90个单位中至多45个）由"好"降为"较好"（排名第55）$/m);
    expect(out).toMatch(/^\s+90\s+国家能源集团广东化工公司3\s+化工\s+71\.05\s+一般\s+约谈$/m);
  });
  test("a word of English would fail the check (the check can fail)", () => {
    expect(asciiWords("排名 rank 单位 S001 90 subjects")).toEqual(["rank", "subjects"]);
  });
  test("--lang en gives English whatever the locale", () => {
    const en = binary(["score", CHN, "--lang", "en"], { LANG: "zh_CN.UTF-8" }).out;
    expect(en).toContain("国家能源集团党组织书记抓基层党建工作述职评议考核 (chn-energy-review-2024 v2024.1): 90 subjects; 好 45, 较好 38, 一般 7, 差 0");
    expect(en).toMatch(/^rank\s+subject\s+group\s+score\s+grade\s+adjustments and reasons\s+actions$/m);
    expect(en).not.toContain("排名");
  });
});

describe("every CLI message, help and summary has a Chinese form", () => {
  test("the CLI message tables hold the same keys; every Chinese message is Chinese", () => {
    expect(Object.keys(CLI_ZH).sort()).toEqual(Object.keys(CLI_EN).sort());
    const sample = { rubrics: [{ id: "r", file: "r.yaml", items: 3 }], strata: [{ name: "甲", drawn: 1, size: 2 }], count: 1, file: "d.csv", action: "read", code: "ENOENT", path: "a.yaml" };
    // "  ✓ name" has no words to translate: a check mark and the case's name.
    for (const [key, template] of Object.entries(CLI_ZH)) if (key !== "test-passed") expect(template(sample), key).toMatch(/[\u4e00-\u9fff]/);
  });
  test.each(["main", "score", "validate", "test", "explain", "draw", "schema"])("kaohe %s --help in Chinese", (command) => {
    expect(HELP_ZH[command]).toBeDefined();
    const r = run(command === "main" ? ["--help"] : [command, "--help"], { LANG: "zh_CN.UTF-8" });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^(用法：kaohe |kaohe：)/);
    expect(r.out).not.toMatch(/\busage\b/);
  });
  test("validate and test summaries", () => {
    expect(run(["validate", CHN], { LANG: "zh_CN.UTF-8" }).out).toMatch(/^检查通过：chn-energy-responsibility-2024（.*responsibility\.yaml，\d+ 个指标）/);
    expect(run(["test", CHN], { LANG: "zh_CN.UTF-8" }).out.split("\n").at(-1)).toMatch(/^通过 \d+ 个，未通过 0 个$/);
  });
  test("usage errors and unknown options", () => {
    expect(run(["score", CHN, "--bogus"], { LANG: "zh_CN.UTF-8" })).toMatchObject({ code: 2, err: "kaohe score：未知的选项 --bogus；请运行 kaohe score --help 查看可用选项" });
    expect(run(["score", CHN, "--bogus"])).toMatchObject({ code: 2, err: "kaohe score: unknown option --bogus; see kaohe score --help" });
    expect(run(["scor"], { LANG: "zh_CN.UTF-8" })).toMatchObject({ code: 2, err: 'kaohe：未知的命令"scor"；请运行 kaohe --help 查看可用命令' });
    expect(run(["explain", CHN, "--unit", "nobody", "--lang", "zh"])).toMatchObject({ code: 1, err: 'kaohe explain：数据中没有编号为"nobody"的单位' });
    expect(run(["score", "/no/such/path", "--lang", "zh"])).toMatchObject({ code: 1, err: "kaohe score：无法打开 /no/such/path：文件或文件夹不存在" });
  });
  test("a data problem: where it is, what is wrong and what is expected, in Chinese", () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-zh-"));
    writeFileSync(
      join(dir, "r.yaml"),
      'kaohe: 1\nid: small\nname: 小型测试\nyear: 2024\nversion: "1"\ninputs:\n  thought: { type: number, min: 0, max: 25, label: 思想建设得分 }\ngrades:\n  - { id: good, label: 好, min: 20 }\n  - { id: poor, label: 差 }\nscoring:\n  max: 25\n  children:\n    - { id: t, kind: input, input: thought, max: 25 }\n',
    );
    writeFileSync(join(dir, "d.csv"), "id,思想建设得分\nu0,20\nu1,30\n");
    const r = run(["score", join(dir, "r.yaml"), join(dir, "d.csv"), "--lang", "zh"]);
    expect(r.code).toBe(1);
    // row 2 of the data is line 3 of the CSV (the header is line 1); 30 > 25
    expect(r.err.split("\n")).toEqual([`${join(dir, "d.csv")}:3:1  单位"u1" 字段"思想建设得分"：应在 0 到 25 之间，实际为 30（DATA_OUT_OF_RANGE）`, `kaohe score：${join(dir, "d.csv")} 中有 1 个问题`]);
  });
  test("draw in Chinese: the seed's SHA-256 and the strata", () => {
    const r = run(["draw", join(CHN, "example.csv"), "--count", "9", "--seed", "s", "--by", "group", "--lang", "zh"]);
    expect(r.out).toContain("随机种子的 SHA-256 值：043a718774c572bd8a25adbeb1bfcd5c0256ae11cecf9f9c3f925d0e52beaf89");
    expect(r.out).toMatch(/分层（按 group）：.*电力 3\/30/);
    expect(run(["draw", join(CHN, "example.csv"), "--count", "91", "--seed", "x", "--lang", "zh"])).toMatchObject({ code: 1, err: "kaohe draw：无法从 90 个候选对象中抽取 91 个" });
  });
  test("the Chinese CSV: Chinese headers, labels and sentences; the English CSV keeps its columns", () => {
    const zh = run(["score", CHN, "--format", "csv", "--lang", "zh"]).out.split("\r\n");
    expect(zh[0]).toBe("考核方案,排名,组内排名,编号,单位,分组,得分,等次,初定等次,调整及原因,处理");
    expect(zh.find((l) => l.startsWith("国家能源集团党组织书记抓基层党建工作述职评议考核,55,"))).toMatch(/^国家能源集团党组织书记抓基层党建工作述职评议考核,55,\d+,S\d+,国家能源集团陕西电力公司,电力,91\.64,较好,好,"因""好""等次比例不超过50%（90个单位中至多45个）由""好""降为""较好""（排名第55）",$/);
    expect(run(["score", CHN, "--format", "csv"]).out.split("\r\n")[0]).toBe("rubric,rank,groupRank,id,name,group,score,grade,gradeLabel,rawGrade,adjustments,actions");
  });
  test("JSON is the same in every language", () => {
    expect(run(["score", CHN, "--format", "json", "--lang", "zh"]).out).toBe(run(["score", CHN, "--format", "json"]).out);
  });
});
