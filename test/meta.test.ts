/**
 * Every issue code kaohe can emit has a test that expects it.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test("every IssueCode appears in a test expectation", () => {
  const source = readFileSync(new URL("../src/diagnostics/issue.ts", import.meta.url), "utf8");
  const union = source.slice(source.indexOf("export type IssueCode"), source.indexOf(";", source.indexOf("export type IssueCode")));
  const codes = [...union.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]!);
  expect(codes.length).toBeGreaterThan(40);
  const tests = files(new URL(".", import.meta.url).pathname)
    .filter((f) => f.endsWith(".ts") && !f.endsWith("meta.test.ts"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const untested = codes.filter((c) => !tests.includes(`"${c}"`));
  expect(untested).toEqual([]);
});

test("every IssueCode is listed in the language reference's table of issue codes", () => {
  const source = readFileSync(new URL("../src/diagnostics/issue.ts", import.meta.url), "utf8");
  const union = source.slice(source.indexOf("export type IssueCode"), source.indexOf(";", source.indexOf("export type IssueCode")));
  const codes = [...union.matchAll(/"([A-Z_0-9]+)"/g)].map((m) => m[1]!);
  const docs = readFileSync(new URL("../docs/rubric-language.md", import.meta.url), "utf8");
  const table = docs.slice(docs.indexOf("## Issue codes"), docs.indexOf("Rubric issues carry", docs.indexOf("## Issue codes")));
  expect(codes.filter((c) => !table.includes(`\`${c}\``))).toEqual([]);
});
