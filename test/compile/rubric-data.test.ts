/**
 * A compiled rubric is data (src/compile/rubric-data.ts): structuredClone and a JSON
 * round trip give a rubric that scores byte-for-byte like the original, on every bundled
 * scheme and on random rubric × data cases of the equivalence corpus.
 */
import { relative } from "node:path";
import { describe, expect, test } from "vitest";
import { findScheme, readData, readRubricTexts } from "../../src/cli/load.js";
import { Dec, dec } from "../../src/decimal/decimal.js";
import { assess, safeAssess, safeLoadRubricSet, type CompiledRubric, type RubricSet, type SubjectData } from "../../src/index.js";
import { bundledSchemes, canonicalJson, ROOT, schemeName } from "../equivalence/corpus.js";
import { generateCases } from "../equivalence/generate.js";
import { compile } from "../helpers.js";

const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

/** Every result of a target, as canonical JSON (or the issues). */
function scored(target: unknown, subjects: readonly SubjectData[]): string {
  const r = safeAssess(target as RubricSet, subjects, { trail: "full" });
  return canonicalJson(r.ok ? r.value.results : { issues: r.issues });
}

describe("a compiled rubric is data", () => {
  test.each(bundledSchemes().map((f) => [schemeName(f), f] as const))("%s: structuredClone and a JSON round trip score identically", (_name, folder) => {
    const scheme = findScheme([folder]);
    const texts = readRubricTexts(scheme.rubricFiles).map((t) => ({ text: t.text, file: relative(ROOT, t.file!) }));
    const set = safeLoadRubricSet(texts);
    if (!set.ok) throw new Error("scheme does not load");
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const original = scored(set.value, rows);
    expect(original).toContain('"units"');
    expect(scored(structuredClone(set.value), rows)).toBe(original);
    expect(scored(viaJson(set.value), rows)).toBe(original);
    // A single rubric of the set, copied on its own, scores like the original too.
    const last = set.value.rubrics.at(-1)!;
    if (last.dependencies.size === 0) expect(scored(viaJson(last), rows)).toBe(scored(last, rows));
  });

  test("random cases of the equivalence corpus: the copies score identically", () => {
    let compared = 0;
    for (const c of generateCases(120)) {
      const set = safeLoadRubricSet(c.rubrics);
      if (!set.ok) continue;
      const subjects = c.subjects as SubjectData[];
      const original = scored(set.value, subjects);
      expect(scored(structuredClone(set.value), subjects)).toBe(original);
      expect(scored(viaJson(set.value), subjects)).toBe(original);
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
  }, 300_000);

  test("the JSON form tags decimals (exact, fractions as n/d), maps and sets, and holds no function, locator or test case", () => {
    const r = compile(`
      scoring:
        combine: weighted
        children:
          - { id: a, kind: input, max: 100, weight: 1 }
          - { id: b, kind: input, max: 100, weight: 1 }
          - { id: c, kind: input, max: 100, weight: 1 }
      tests:
        - { name: t, subjects: [ { id: u, a: 1, b: 1, c: 1 } ], expect: { u: { score: "1" } } }
    `);
    expect(r.tests).toHaveLength(1);
    expect(typeof r.locate).toBe("function");
    const json = JSON.stringify(r);
    expect(json).not.toContain('"tests"');
    expect(json).not.toContain('"locate"');
    const form = JSON.parse(json) as { root: { max: unknown }; inputs: unknown; factNodes: unknown };
    expect(form.root.max).toEqual({ $dec: "100" });
    expect(form.inputs).toHaveProperty("$map");
    expect(form.factNodes).toEqual({ $set: [] });
    // 1:1:1 weights: the exact third survives a round trip as a fraction.
    expect(dec(1).div(3).toExact()).toBe("1/3");
    expect(Dec.fromExact("1/3")!.times(3).toFixed()).toBe("1");
    expect(Dec.fromExact("-256/3")!.toExact()).toBe("-256/3");
    expect(Dec.fromExact("1/0")).toBeUndefined();
    expect(Dec.fromExact("abc")).toBeUndefined();
    const cloned = structuredClone(r) as CompiledRubric;
    expect(cloned.locate).toBeUndefined();
    expect(assess(cloned, [{ id: "u", a: 90, b: 85, c: 81 }]).results[0]!.units[0]!.score).toBe("85.33333333333333333333333333333333333333");
  });

  test("level names that look like the tags of the JSON form ($dec, $map) survive it as names", () => {
    const r = compile(`
      inputs:
        level: { type: choice, values: [$dec, $map, plain] }
      scoring:
        combine: sum
        children:
          - { id: q, kind: levels, input: level, max: 10, levels: { $dec: 10, $map: 5, plain: 0 } }
    `);
    const copy = viaJson(r);
    const subjects = [{ id: "a", level: "$dec" }, { id: "b", level: "$map" }, { id: "c", level: "plain" }];
    const original = scored(r, subjects);
    expect(original).toContain('"score":"5"');
    expect(scored(copy, subjects)).toBe(original);
  });

  test("what is not rubric data is still refused as an argument (API_BAD_ARGUMENT)", () => {
    const broken = viaJson(compile("scoring:\n  combine: sum\n  children:\n    - { id: a, kind: input, max: 10 }\n")) as { root: { max: unknown } };
    broken.root.max = { $dec: "ten" };
    const r = safeAssess(broken as never, [{ id: "u", a: 1 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.code).toBe("API_BAD_ARGUMENT");
    const cyclic: Record<string, unknown> = { id: "x", root: {}, items: [], grades: [], inputs: {} };
    (cyclic.root as Record<string, unknown>).self = cyclic;
    const c = safeAssess(cyclic as never, []);
    expect(c.ok || c.issues[0]!.code).toBe("API_BAD_ARGUMENT");
  });
});
