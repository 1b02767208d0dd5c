/**
 * The examples of docs/rubric-language.md's item methods run as written and give the
 * results the page prints: adjust (直接加减分), scale steps and threshold, panel trimming.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { assess, loadRubric } from "../../src/index.js";
import { indent, run, unit } from "../helpers.js";

const docs = readFileSync(new URL("../../docs/rubric-language.md", import.meta.url), "utf8");

/** The text of a section, from its heading to the next heading of any level. */
function section(heading: string): string {
  const start = docs.indexOf(`${heading}\n`);
  expect(start, `no section ${heading}`).toBeGreaterThanOrEqual(0);
  const next = docs.slice(start + heading.length + 1).search(/^#{2,3} /m);
  return next < 0 ? docs.slice(start) : docs.slice(start, start + heading.length + 1 + next);
}

/** The first yaml block of a text. */
function yamlBlock(text: string): string {
  return /```yaml\n([\s\S]*?)```/.exec(text)![1]!;
}

/** Rows of the first markdown table after `after` in a text, cells trimmed, header and rule dropped. */
function tableRows(text: string, after: string): string[][] {
  const from = text.indexOf(after);
  expect(from).toBeGreaterThanOrEqual(0);
  const lines = text.slice(from).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const l of lines.slice(first)) {
    if (!l.startsWith("|")) break;
    rows.push(l.split("|").slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2);
}

/** The leading number of a table cell: "103 (100 + 3)" → "103", "4 (1 step up)" → "4". */
const lead = (cell: string) => /^-?[\d.]+/.exec(cell)![0];

describe("adjust", () => {
  const text = section("### `adjust`: direct additions and deductions (直接加分, 直接扣分)");
  const yaml = yamlBlock(text);
  const rows = tableRows(text, "| subject |");
  const subjects = rows.map(([id, onsite, awards, incident]) => ({ id: id!, onsite: onsite!, provincial_awards: awards!, incident: incident === "yes" }));

  test("the example is a whole rubric and gives the printed totals and grades", () => {
    expect(yaml.startsWith("# example: adjust\n")).toBe(true);
    const rubric = loadRubric(yaml, { file: "adjust.yaml" });
    const [result] = assess(rubric, subjects).results;
    // u1: 100 + 3 = 103 优秀; u2: 90 − 5 = 85 良好; u3: 97 + 3 − 5 = 95 优秀 (exactly on min 95)
    expect(rows.map((r) => [r[0], lead(r[4]!), r[5]])).toEqual([
      ["u1", "103", "优秀"],
      ["u2", "85", "良好"],
      ["u3", "95", "优秀"],
    ]);
    for (const r of rows) {
      const u = unit(result!, r[0]!);
      expect(u.score).toBe(lead(r[4]!));
      expect(rubric.grades.find((g) => g.id === u.grade)!.label).toBe(r[5]);
    }
    // The full mark stays the declared 100.
    expect(unit(result!, "u1").nodes[0]!.max).toBe("100");
  });

  test("with limit: 100 on the root, u1 gets 100 (as the text says)", () => {
    expect(text).toContain("with `limit: 100` on the root, u1 above gets 100");
    const limited = yaml.replace("scoring:\n  max: 100 ", "scoring:\n  limit: 100\n  max: 100 ");
    expect(limited).not.toBe(yaml);
    const [result] = assess(loadRubric(limited, { file: "adjust.yaml" }), subjects).results;
    expect(unit(result!, "u1").score).toBe("100");
    expect(unit(result!, "u2").score).toBe("85");
  });
});

describe("scale", () => {
  const text = section("### `scale`: steps around a target");
  const items = yamlBlock(text);
  const body = `scoring:\n  children:\n${indent(items, 4)}`;
  const rows = tableRows(text, "| share |");

  test("the items parse as written", () => {
    expect((parse(items) as { id: string }[]).map((i) => i.id)).toEqual(["share", "share-exact", "share-gated", "trust", "age"]);
  });

  test("the table of share values is what the items give", () => {
    // Hand-computed in the docs: e.g. 45% is 1.5 steps up: whole 4, exact 4.5; 9.9% is
    // 2.01 steps down: whole 1, exact 0.99, below the 10% threshold 0.
    expect(rows.map((r) => r[0])).toEqual(["45%", "30%", "25%", "20%", "10%", "9.9%", "0%"]);
    const subjects = rows.map((r, i) => ({ id: `s${i}`, share: r[0]!, trust: "60%", age: 40, average_age: 40 }));
    const result = run(body, subjects);
    for (const [i, r] of rows.entries()) {
      const nodes = unit(result, `s${i}`).nodes;
      const got = ["share", "share-exact", "share-gated"].map((id) => nodes.find((n) => n.id === id)!.points);
      expect(got, `share ${r[0]}`).toEqual(r.slice(1).map(lead));
    }
  });
});

describe("panel trimming", () => {
  const text = section("### `panel`: evaluator scores");
  const experts = yamlBlock(text)
    .split("\n")
    .find((l) => l.includes("id: experts"))!;
  const body = `scoring:\n  children:\n    ${experts}`;

  test("the experts example: 6 scores are not trimmed (77), 7 are (80), as printed", () => {
    expect(experts).toContain("trim: { minScores: 7, drop: 2 }");
    const r = run(body, [
      { id: "six", experts: [50, 70, 80, 80, 90, 92] },
      { id: "seven", experts: [50, 60, 70, 80, 90, 95, 100] },
    ]);
    // 462 / 6 = 77; [70, 80, 90] → 80
    expect(unit(r, "six").score).toBe("77");
    expect(unit(r, "seven").score).toBe("80");
    expect(text).toContain("[50, 70, 80, 80, 90, 92] are not trimmed and give their mean 462 / 6 = 77");
    expect(text).toContain("(70 + 80 + 90) / 3 = 80");
    const skipped = unit(r, "six").nodes[1]!.lines[1]!.detail;
    expect(skipped).toBe("not trimmed: 6 score(s), trimming needs at least 7 (trim.minScores)");
    expect(text.replace(/\n/g, " ")).toContain(`\`${skipped}\``);
  });
});
