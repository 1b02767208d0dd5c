/**
 * The layers of src/ import one way (docs/engine.md, "Where things live"): decimal/
 * depends on nothing of kaohe, the engine never reads cohort/ or report/, and nothing
 * below cli/ and io/ touches the process, files or the clock. A reader finds each
 * concern in one folder because these arrows cannot run back up.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const SRC = resolve(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|js)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every module a file imports or re-exports (static, dynamic and type-only), as a path under src/ or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)|(?:^|\n)\s*import\s+"([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((s) => (s.startsWith(".") ? relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, "") : s));
}

const layerOf = (path: string): string => path.split("/")[0]!;

function importsByLayer(layer: string): { file: string; target: string }[] {
  return filesUnder(join(SRC, layer)).flatMap((file) => importsOf(file).map((target) => ({ file: relative(SRC, file), target })));
}

describe("layers of src/", () => {
  test("the import scanner sees relative, type-only and package imports (it can fail)", () => {
    const seen = importsOf(join(SRC, "pipeline/evaluate.ts"));
    expect(seen).toContain("cohort/rank");
    expect(seen).toContain("report/result");
    expect(importsOf(join(SRC, "decimal/decimal.ts"))).toEqual(["decimal.js"]);
  });

  test("decimal/ imports nothing of kaohe (only decimal.js)", () => {
    const bad = importsByLayer("decimal").filter((i) => i.target !== "decimal.js" && layerOf(i.target) !== "decimal");
    expect(bad).toEqual([]);
  });

  test("engine/ imports neither cohort/ nor report/ (nor the pipeline that composes them)", () => {
    const bad = importsByLayer("engine").filter((i) => ["cohort", "report", "pipeline", "cli", "io"].includes(layerOf(i.target)));
    expect(bad).toEqual([]);
  });

  test("parse/, schema/ and compile/ do not import the engine", () => {
    const bad = ["parse", "schema", "compile"].flatMap(importsByLayer).filter((i) => ["engine", "cohort", "report", "pipeline", "cli", "io"].includes(layerOf(i.target)));
    expect(bad).toEqual([]);
  });

  test("nothing below cli/ and io/ touches node: modules or the process", () => {
    const below = ["decimal", "parse", "schema", "compile", "engine", "cohort", "pipeline", "report", "diagnostics", "testing", "draw", "diff"];
    const bad = below.flatMap(importsByLayer).filter((i) => i.target.startsWith("node:") || ["fs", "path", "os", "child_process", "worker_threads"].includes(i.target));
    expect(bad).toEqual([]);
    const processUse = below
      .flatMap((layer) => filesUnder(join(SRC, layer)))
      .filter((file) => /(^|[^.\w])process\.(env|argv|exit|stdout|stderr|cwd)/.test(readFileSync(file, "utf8")))
      .map((file) => relative(SRC, file));
    expect(processUse).toEqual([]);
  });
});
