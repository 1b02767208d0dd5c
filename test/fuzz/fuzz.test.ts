/**
 * Fuzz in the suite (issue 8): random YAML-ish text, random rubric objects, random subject
 * data and arguments of any type go into every safe* function; none may throw, and none
 * may change Object.prototype (or Object, Array.prototype, Object.prototype.toString, …).
 * About 20,000 runs in all. Failures issue 8 already lists are let through by
 * KNOWN_UNTIL_FIXED (properties.ts), and only those: see there. The seed is fixed so the
 * suite is reproducible (FUZZ_SEED=<n> to explore others); `npm run fuzz` runs 1 M with
 * random seeds.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as api from "../../src/index.js";
import { describeFailure, FUZZED_SAFE_FUNCTIONS, KNOWN_UNTIL_FIXED, knownBug, observe, PROPERTIES } from "./properties.js";

const TOTAL_RUNS = 20_000;
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20240808;

describe("fuzz: no throw, no pollution", () => {
  // yaml's toJS calls process.emitWarning for a mapping key that is a list or a mapping
  // (`[a]: 1`); silenced here so the report stays readable (reported separately).
  beforeAll(() => void vi.spyOn(process, "emitWarning").mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  test("every safe* function of src/index.ts is fuzzed", () => {
    const exported = Object.keys(api).filter((k) => k.startsWith("safe")).sort();
    expect(FUZZED_SAFE_FUNCTIONS).toEqual(exported);
  });

  test("the host guard sees a polluted Object.prototype, and the property fails on an unknown failure", () => {
    // A guard that cannot see pollution would make the whole fuzz vacuous.
    const polluted = observe(() => {
      (Object.prototype as Record<string, unknown>).kaoheFuzzProbe = 1;
    });
    expect(polluted?.pollution).toEqual(["Object.prototype.kaoheFuzzProbe added"]);
    expect(({} as Record<string, unknown>).kaoheFuzzProbe).toBeUndefined();
    const thrown = observe(() => {
      throw new TypeError("boom");
    });
    expect(thrown && knownBug({ kind: "data", rows: [{ id: "u1" }] }, thrown)).toBeUndefined();
  });

  for (const p of PROPERTIES) {
    test(`${p.name} (${Math.round(TOTAL_RUNS * p.share)} runs)`, () => {
      fc.assert(
        fc.property(p.arbitrary, (value) => {
          const failed = p.run(value);
          if (!failed) return;
          // Let through only the failures issue 8 already lists (KNOWN_UNTIL_FIXED); fail on any other.
          if (knownBug(failed.input, failed.failure)) return;
          throw new Error(describeFailure(failed.failure));
        }),
        { numRuns: Math.round(TOTAL_RUNS * p.share), seed: SEED },
      );
    }, 120_000);
  }

  test("KNOWN_UNTIL_FIXED names each bug once, with the issue sentence it comes from", () => {
    expect(new Set(KNOWN_UNTIL_FIXED.map((k) => k.id)).size).toBe(KNOWN_UNTIL_FIXED.length);
    for (const k of KNOWN_UNTIL_FIXED) expect(k.issue.length).toBeGreaterThan(20);
  });
});
