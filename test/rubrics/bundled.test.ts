/**
 * Every scheme folder under rubrics/: its rubrics load, its test cases pass (at
 * least 12), its example.csv scores, and its generator reproduces example.csv.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findScheme, loadSet, loadTests, readData } from "../../src/cli/load.js";
import { rubricTestCases, safeAssess } from "../../src/index.js";

const root = new URL("../../rubrics/", import.meta.url).pathname;
const schemes = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory());

test("there are bundled schemes", () => {
  expect(schemes.length).toBeGreaterThan(0);
});

describe.each(schemes)("rubrics/%s", (name) => {
  const folder = join(root, name);
  const scheme = findScheme([folder]);
  const set = loadSet(scheme);
  const cases = rubricTestCases(set, loadTests(scheme.testFiles));

  test("has at least 12 test cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(cases.map((c) => [c.name, c] as const))("case: %s", (_name, c) => {
    expect(c.run().differences).toEqual([]);
  });

  test("example.csv scores without any problem", () => {
    expect(scheme.exampleData).toBeDefined();
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const r = safeAssess(set, rows);
    expect(r.ok ? [] : r.issues.slice(0, 3)).toEqual([]);
  });

  test("the committed generator reproduces example.csv", async () => {
    const generator = join(folder, "generate-example.ts");
    expect(existsSync(generator)).toBe(true);
    const mod = (await import(generator)) as { generate: () => string };
    expect(mod.generate() === readFileSync(join(folder, "example.csv"), "utf8")).toBe(true);
  });

  test("has a README", () => {
    expect(existsSync(join(folder, "README.md"))).toBe(true);
  });
});
