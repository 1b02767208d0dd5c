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
/** Every folder (at any depth) that holds a rubric: a .yaml file starting a `kaohe:` document. */
function schemeFolders(dir: string): string[] {
  const entries = readdirSync(dir);
  const here = entries.some((f) => /\.ya?ml$/.test(f) && /^kaohe:/m.test(readFileSync(join(dir, f), "utf8"))) ? [dir] : [];
  return [...here, ...entries.filter((f) => statSync(join(dir, f)).isDirectory()).flatMap((f) => schemeFolders(join(dir, f)))];
}
const schemes = schemeFolders(root).map((dir) => dir.slice(root.length));

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
