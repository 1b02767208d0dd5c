import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "./harness.js";

const root = new URL("../..", import.meta.url).pathname;
const SHENGHE = join(root, "rubrics/shenghe-branch");
const AECC = join(root, "rubrics/aecc-2022");


describe("kaohe report", () => {
  test("writes one self-contained HTML file with one 反馈单 per unit", { timeout: 30_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), "kaohe-")), "report.html");
    const r = cli(["report", SHENGHE, "--rubric", "shenghe-business-2024", "--out", out]);
    expect([r.code, r.out, r.err]).toEqual([0, "", ""]);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<title>盛和城镇所属公司经营目标责任书考核（2024年度）考核结果通报</title>");
    // 12 companies in example.csv
    expect(html.match(/<section class="page sheet"/g)).toHaveLength(12);
    expect(html).not.toMatch(/<script/i);
  });
  test("a linked set reports on the rubric no other reads: the unit assessment of AECC", { timeout: 30_000 }, () => {
    const r = cli(["report", AECC]);
    expect(r.code).toBe(0);
    // unit-assessment.yaml reads responsibility.yaml's result: it is the final one
    expect(r.out).toContain("<title>中国航发中传基层单位领导班子综合考评（2022年度）考核结果通报</title>");
    expect(r.out).toContain('id="sheet-36"');
  });
  test("several final rubrics: --rubric is required, and an unknown one names the set", () => {
    const several = cli(["report", SHENGHE]);
    expect([several.code, several.err]).toEqual([2, "kaohe report: the set has 2 final rubrics (shenghe-business-2024, shenghe-party-2024h1); choose one with --rubric ID"]);
    const unknown = cli(["report", SHENGHE, "--rubric", "nope"]);
    expect([unknown.code, unknown.err]).toEqual([2, 'kaohe report: no rubric "nope" in the set; it has shenghe-party-2024h2, shenghe-business-2024, shenghe-party-2024h1']);
  });
  test("usage errors: no rubric, an empty --out, an unknown option", () => {
    expect(cli(["report"]).code).toBe(2);
    expect(cli(["report", SHENGHE, "--out", ""])).toMatchObject({ code: 2, err: "kaohe report: --out needs a file name" });
    expect(cli(["report", SHENGHE, "--format", "csv"]).code).toBe(2);
    expect(cli(["report", "--help"]).out).toContain("usage: kaohe report");
    expect(cli(["--help"]).out).toContain("report    the printable report");
  });
});
