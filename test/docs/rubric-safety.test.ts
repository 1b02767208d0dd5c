/**
 * The reserved-names, stage-order and limits sections of docs/rubric-language.md: their
 * examples run as written and their tables say what the code does.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { safeLoadRubric, type Issue } from "../../src/index.js";
import { DEFAULT_LIMITS } from "../../src/schema/limits.js";
import { positionOf, rubricText } from "../helpers.js";

const docs = readFileSync(new URL("../../docs/rubric-language.md", import.meta.url), "utf8");

/** The text of a section, from its heading to the next heading of level 2 or 3. */
function section(heading: string): string {
  const start = docs.indexOf(`${heading}\n`);
  expect(start, `no section ${heading}`).toBeGreaterThanOrEqual(0);
  const next = docs.slice(start + heading.length + 1).search(/^#{2,3} /m);
  return next < 0 ? docs.slice(start) : docs.slice(start, start + heading.length + 1 + next);
}

/** Rows of the first markdown table in a text, cells trimmed, header and rule dropped. */
function tableRows(text: string): string[][] {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const l of lines.slice(first)) {
    if (!l.startsWith("|")) break;
    rows.push(l.split("|").slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2);
}

const tree = "scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: y, kind: input, max: 50 }\n";

function issues(text: string): readonly Issue[] {
  const r = safeLoadRubric(text, { file: "t.yaml" });
  return r.ok ? [] : r.issues;
}

test("reserved names: the example is refused at both names", () => {
  const block = /```yaml\n# example: reserved names\n([\s\S]*?)```/.exec(section("### Reserved names"))![1]!;
  const text = rubricText(block + tree);
  expect(issues(text).map((i) => [i.code, i.params.name, i.source?.line, i.source?.col])).toEqual([
    ["SCHEMA_RESERVED_NAME", "constructor", positionOf(text, "constructor").line, positionOf(text, "constructor").col],
    ["SCHEMA_RESERVED_NAME", "prototype", positionOf(text, "prototype").line, positionOf(text, "prototype").col],
  ]);
});

describe("which facts each stage may read", () => {
  const text = section("### Which facts each stage may read");

  /** A type-correct comparison on each fact of the table. */
  const comparison: Record<string, string> = {
    "input.*": "{ fact: input.x, gt: 10 }",
    group: "{ fact: group, eq: g1 }",
    "rubric.<id>.*": "{ fact: rubric.other.score, gt: 10 }",
    "score.<n>": "{ fact: score.x, gt: 10 }",
    "ratio.<n>": "{ fact: ratio.x, gte: 50% }",
    total: "{ fact: total, gte: 10 }",
    zeroItems: "{ fact: zeroItems, eq: 0 }",
    rawGrade: "{ fact: rawGrade, atMost: B }",
    grade: "{ fact: grade, atMost: B }",
    rank: "{ fact: rank, top: 1 }",
    groupRank: "{ fact: groupRank, top: 1 }",
  };
  /** Each column's condition sites; a site turns a condition (or a fact) into a rubric. */
  const columns: ((c: string, fact: string) => string)[][] = [
    // tree: y's only and an entry of z, both after x
    [
      (c) => `scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: y, kind: input, max: 50, only: ${c} }\n`,
      (c) => `scoring:\n  children:\n    - { id: x, kind: input, max: 50 }\n    - { id: z, kind: deduct, max: 50, deductions: [ { id: e, points: 5, when: ${c} } ] }\n`,
    ],
    [(c) => `grades:\n  - { id: A, min: 90, requires: ${c} }\n  - { id: B, min: 60 }\n  - { id: C }\n${tree}`],
    [(c) => `${tree}rules:\n  - { id: r, kind: exclude, reason: r, when: ${c} }\n`, (c) => `${tree}rules:\n  - { id: r, kind: veto, reason: r, when: ${c} }\n`],
    [(_c, fact) => `${tree}ranking:\n  tieBreakers:\n    - { fact: ${fact} }\n`],
    [
      (c) => `${tree}rules:\n  - { id: r, kind: downgrade, reason: r, when: ${c} }\n`,
      (c) => `${tree}rules:\n  - { id: r, kind: cap, grade: B, reason: r, when: ${c} }\n`,
      (c) => `${tree}actions:\n  - { id: a, when: ${c} }\n`,
      (c) => `${tree}tiers:\n  - { id: t, when: ${c} }\n  - { id: rest }\n`,
    ],
  ];

  const rows = tableRows(text);
  test("the table has a row per fact family and a column per stage group", () => {
    expect(rows.map((r) => r[0])).toEqual(["`input.*`, `group`, `rubric.<id>.*`", "`score.<n>`, `ratio.<n>`", "`total`, `zeroItems`", "`rawGrade`, `grade`", "`rank`, `groupRank`"]);
    expect(rows.every((r) => r.length === 1 + columns.length)).toBe(true);
  });

  for (const row of rows) {
    const facts = [...row[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    for (const fact of facts) {
      test.each(columns.map((sites, i) => [row[i + 1]!, i, sites] as const))(`${fact}: %s (column %i)`, (cell, _i, sites) => {
        const ref = /fact: ([^,]+),/.exec(comparison[fact]!)![1]!;
        for (const site of sites) {
          const found = issues(rubricText(site(comparison[fact]!, ref))).filter((i) => i.code === "COND_STAGE_ORDER");
          // "yes" and "once n is scored" (x is written before the consumer) accept; "no" refuses
          expect(found.length, `${cell}: ${site("…", ref).trim()}`).toBe(cell === "no" ? 1 : 0);
        }
      });
    }
  }

  test("the example: the veto on rank is refused, the downgrade on rank is accepted", () => {
    const block = /```yaml\n# example: stage order\n([\s\S]*?)```/.exec(text)![1]!;
    const rubric = rubricText(tree + block);
    expect(issues(rubric).map((i) => [i.code, i.path.join("."), i.source?.line])).toEqual([
      ["COND_STAGE_ORDER", "rules.0.when.fact", positionOf(rubric, "bottom-veto").line],
    ]);
  });
});

describe("limits", () => {
  const text = section("## Limits");

  test("the table gives the defaults in force", () => {
    const rows = tableRows(text).map(([name, , value]) => [name!.replace(/`/g, ""), Number(value!.replace(/,/g, ""))]);
    expect(Object.fromEntries(rows)).toEqual({ ...DEFAULT_LIMITS });
  });

  test("the example's limits load a rubric over the default", () => {
    const limits = Object.fromEntries(
      /safeLoadRubric\(text, \{ file: "big.yaml", limits: \{ ([^}]*) \} \}\)/
        .exec(text)![1]!
        .split(",")
        .map((kv) => kv.split(":").map((s) => s.trim()))
        .map(([k, v]) => [k!, Number(v!.replace(/_/g, ""))]),
    );
    expect(limits).toEqual({ maxNodes: 50_000, maxEntries: 50_000 });
    const values = Array.from({ length: 10_001 }, (_, i) => `v${i}`).join(", ");
    const big = rubricText(`inputs:\n  d: { type: choice, values: [${values}] }\n${tree}`);
    expect(issues(big).map((i) => [i.code, i.params.limit])).toEqual([["LIMIT_EXCEEDED", "maxEntries"]]);
    expect(safeLoadRubric(big, { file: "big.yaml", limits }).ok).toBe(true);
  });
});
