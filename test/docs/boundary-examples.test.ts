/**
 * The examples of docs/rubric-language.md on inputs, subject columns and missing
 * values run as written and give the results the text states.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compile, dataIssues, run, unit } from "../helpers.js";

const docs = readFileSync(new URL("../../docs/rubric-language.md", import.meta.url), "utf8");

/** The yaml block marked `# docs-example: <name>`, and the text block right after it, if any. */
function example(name: string): { yaml: string; text?: string } {
  const m = new RegExp("```yaml\\n# docs-example: " + name + "\\n([\\s\\S]*?)```(?:\\s*```text\\n([\\s\\S]*?)```)?").exec(docs);
  if (!m) throw new Error(`no docs example ${name}`);
  return { yaml: m[1]!, ...(m[2] !== undefined ? { text: m[2] } : {}) };
}

describe("docs examples", () => {
  test("places: 可评一位小数 on an input, whole points on a panel", () => {
    const { yaml } = example("places");
    const r = run(yaml, [{ id: "u", 领导班子评分: "92.5;90", members: "90;80" }]);
    // leaders (92.5 + 90) / 2 = 91.25; members (90 + 80) / 2 = 85; total 176.25
    expect(unit(r, "u").score).toBe("176.25");
    const rubric = compile(yaml);
    expect(dataIssues(rubric, [{ id: "u", 领导班子评分: "92.55", members: "90" }])).toMatchObject([{ code: "DATA_TOO_PRECISE", field: "领导班子评分", params: { places: 1 } }]);
    expect(dataIssues(rubric, [{ id: "u", 领导班子评分: "92.5", members: "90.5" }])).toMatchObject([{ code: "DATA_TOO_PRECISE", field: "members", params: { places: 0 } }]);
  });

  test("subject columns: the CSV shown loads with 编号, 支部名称, 板块 and an ignored 备注", () => {
    const { yaml, text } = example("subject-columns");
    const [header, ...lines] = text!.trim().split("\n").map((l) => l.split(","));
    const rows = lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""])));
    const r = run(yaml, rows);
    expect(r.units.map((u) => [u.id, u.name, u.group, u.score, u.rank])).toEqual([
      ["B01", "第一党支部", "机关", "23.5", 1],
      ["B02", "第二党支部", "生产", "20", 2],
    ]);
  });

  test("missing values: the subject giving only onsite scores 90, as the text says", () => {
    const { yaml } = example("missing");
    const r = run(yaml, [
      { id: "u1", onsite: 80 },
      { id: "u2", 迟报次数: 2, discretion: "3;5", democratic: 70, onsite: 80 },
      { id: "u3" },
    ]);
    // u1: conduct 100 − 0 − 0 = 100, democratic skipped, onsite 80 → (100 + 80) / 2 = 90
    expect(unit(r, "u1").score).toBe("90");
    // u2: conduct 100 − 2 × 5 − (3 + 5) = 82 → (82 + 70 + 80) / 3 = 232 / 3
    expect(unit(r, "u2").score).toBe("77.33333333333333333333333333333333333333");
    // u3: only conduct applies (its blanks read as 0 deductions) → 100
    expect(unit(r, "u3").score).toBe("100");
    expect(unit(r, "u3").gradeNotes).toEqual(['item democratic does not apply: no value for "democratic" (missing: skip)', 'item onsite does not apply: no value for "onsite" (missing: skip)']);
  });
});
