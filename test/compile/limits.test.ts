/**
 * Limits on a rubric's size (defaults: 10,000 tree nodes, 32 tree levels, 10,000
 * entries per list or mapping, 200 levels of nesting). At the limit a rubric loads;
 * one past it is LIMIT_EXCEEDED at the first place over, before validation and
 * compilation; the `limits` option raises a limit.
 */
import { describe, expect, test } from "vitest";
import { formatIssues, safeLoadRubric, safeLoadRubricSet, type Issue } from "../../src/index.js";
import { positionOf, rubricText } from "../helpers.js";

const SLOW = 60_000; // parsing 10,000 items takes a while on a busy machine (not a timing assertion)

/** A root with `n` nodes in all: the root and n − 1 items. */
const nodes = (n: number) =>
  rubricText(`scoring:\n  children:\n${Array.from({ length: n - 1 }, (_, i) => `    - { id: i${i}, kind: input, max: 1 }`).join("\n")}\n`);

/** A tree `levels` deep: the root (level 1), groups g2.., and one item at the last level. */
const levels = (n: number) => {
  let node = "{ id: leaf, kind: input, max: 1 }";
  for (let level = n - 1; level >= 2; level--) node = `{ id: g${level}, children: [ ${node} ] }`;
  return rubricText(`scoring:\n  children: [ ${node} ]\n`);
};

/** A choice input with `n` values. */
const values = (n: number) =>
  rubricText(`inputs:\n  d: { type: choice, values: [${Array.from({ length: n }, (_, i) => `v${i}`).join(", ")}] }\nscoring:\n  children:\n    - { id: x, kind: input, max: 1 }\n`);

/**
 * A downgrade whose condition is `nots` times negated: the rubric mapping is level 1,
 * rules 2, the rule 3, `when` 4, and the comparison inside the last not 4 + nots.
 */
const nested = (nots: number) => {
  let c = "{ fact: total, gt: 1 }";
  for (let i = 0; i < nots; i++) c = `{ not: ${c} }`;
  return rubricText(`scoring:\n  children:\n    - { id: x, kind: input, max: 1 }\nrules:\n  - { id: r, kind: downgrade, reason: r, when: ${c} }\n`);
};

// The YAML text's own nesting limit (maxDepth, 64 by default, checked while parsing) is
// raised here so that these tests reach the limits on the parsed rubric.
function load(text: string, limits?: Record<string, unknown>) {
  return safeLoadRubric(text, { file: "t.yaml", maxDepth: 1000, ...(limits ? { limits: limits as never } : {}) });
}

function only(text: string, limits?: Record<string, unknown>): Issue {
  const r = load(text, limits);
  if (r.ok) throw new Error("expected the rubric to be rejected");
  expect(r.issues.map((i) => i.code), formatIssues(r.issues)).toEqual([r.issues[0]!.code]);
  return r.issues[0]!;
}

describe("tree nodes (maxNodes, default 10,000)", () => {
  test("10,000 nodes load; 10,001 are LIMIT_EXCEEDED at the 10,001st node; the option raises the limit", { timeout: SLOW }, () => {
    const atLimit = load(nodes(10_000));
    expect(atLimit.ok, atLimit.ok ? "" : formatIssues(atLimit.issues)).toBe(true);
    if (atLimit.ok) expect(atLimit.value.nodes.size).toBe(10_000);
    const text = nodes(10_001);
    const issue = only(text);
    expect(issue).toMatchObject({ code: "LIMIT_EXCEEDED", stage: "validate", params: { limit: "maxNodes", value: 10_000 }, path: ["scoring", "children", 9_999] });
    expect(issue.source).toEqual({ file: "t.yaml", ...positionOf(text, "{ id: i9999,") });
    expect(issue.message).toContain("limits: { maxNodes: … }");
    expect(load(text, { maxNodes: 10_001 }).ok).toBe(true);
  });

  test("a small limit counts the root and outside nodes", () => {
    const text = rubricText("scoring:\n  children:\n    - { id: a, kind: input, max: 1 }\n  outside:\n    - { id: b, kind: input, max: 1 }\n");
    expect(load(text, { maxNodes: 3 }).ok).toBe(true); // root, a, b
    expect(only(text, { maxNodes: 2 })).toMatchObject({ code: "LIMIT_EXCEEDED", path: ["scoring", "outside", 0] });
  });
});

describe("tree levels (maxTreeDepth, default 32)", () => {
  test("32 levels load; 33 are LIMIT_EXCEEDED at the first node of level 33", () => {
    expect(load(levels(32)).ok).toBe(true);
    const text = levels(33);
    const issue = only(text);
    expect(issue).toMatchObject({ code: "LIMIT_EXCEEDED", params: { limit: "maxTreeDepth", value: 32 } });
    expect(issue.path.filter((p) => p === "children")).toHaveLength(32); // 32 steps down from the root
    expect(issue.source).toMatchObject(positionOf(text, "{ id: leaf"));
    expect(load(text, { maxTreeDepth: 33 }).ok).toBe(true);
  });
});

describe("entries of one list or mapping (maxEntries, default 10,000)", () => {
  test("10,000 values load; 10,001 are LIMIT_EXCEEDED at the list", { timeout: SLOW }, () => {
    expect(load(values(10_000)).ok).toBe(true);
    const text = values(10_001);
    const issue = only(text);
    expect(issue).toMatchObject({ code: "LIMIT_EXCEEDED", params: { limit: "maxEntries", value: 10_000 }, path: ["inputs", "d", "values"] });
    expect(issue.source).toMatchObject(positionOf(text, "[v0"));
    expect(load(text, { maxEntries: 20_000 }).ok).toBe(true);
  });

  test("a mapping counts its keys", () => {
    const levelsOf = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `l${i}: 1`).join(", ")} }`;
    const text = (n: number) => rubricText(`scoring:\n  children:\n    - { id: q, kind: levels, max: 1, levels: ${levelsOf(n)} }\n`);
    // the rubric's own mapping has 7 keys (kaohe, id, name, year, version, grades, scoring)
    expect(load(text(7), { maxEntries: 7 }).ok).toBe(true);
    expect(only(text(8), { maxEntries: 7 })).toMatchObject({ code: "LIMIT_EXCEEDED", path: ["scoring", "children", 0, "levels"] });
  });

  test("the check runs before validation: an oversized rubric with other faults reports only the limit", () => {
    const text = values(11).replace("kind: input", "kind: inptu");
    expect(only(text, { maxEntries: 10 })).toMatchObject({ code: "LIMIT_EXCEEDED", params: { limit: "maxEntries" } });
    const raised = load(text, { maxEntries: 11 });
    expect(raised.ok ? [] : raised.issues.map((i) => i.code)).toEqual(["SCHEMA_INVALID_KIND"]);
  });
});

describe("nesting (maxNesting, default 200)", () => {
  test("200 levels load; 201 are LIMIT_EXCEEDED at the innermost mapping", () => {
    expect(load(nested(196)).ok).toBe(true); // 4 + 196 = 200
    const text = nested(197); // 201
    const issue = only(text);
    expect(issue).toMatchObject({ code: "LIMIT_EXCEEDED", params: { limit: "maxNesting", value: 200 } });
    expect(issue.source).toMatchObject(positionOf(text, "{ fact: total"));
    expect(load(text, { maxNesting: 201 }).ok).toBe(true);
  });
});

describe("the limits option", () => {
  test.each([
    ["zero", { maxNodes: 0 }, "maxNodes"],
    ["negative", { maxTreeDepth: -1 }, "maxTreeDepth"],
    ["fractional", { maxEntries: 1.5 }, "maxEntries"],
    ["a string", { maxNesting: "10" }, "maxNesting"],
    ["NaN", { maxNodes: Number.NaN }, "maxNodes"],
    ["an unknown limit", { maxItems: 5 }, "maxItems"],
  ])("%s is LIMIT_INVALID, before the text is read", (_name, limits, limit) => {
    const r = safeLoadRubric(": not yaml [", { limits: limits as never });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.limit])).toEqual([["LIMIT_INVALID", limit]]);
  });

  test("limits that are not a mapping are LIMIT_INVALID", () => {
    const r = safeLoadRubric(nodes(2), { limits: 5 as never });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["LIMIT_INVALID"]);
  });

  test("Infinity lifts a limit; undefined keeps the default", () => {
    expect(load(levels(40), { maxTreeDepth: Infinity }).ok).toBe(true);
    expect(only(levels(40), { maxTreeDepth: undefined })).toMatchObject({ params: { limit: "maxTreeDepth", value: 32 } });
  });

  test("safeLoadRubricSet applies the limits to every rubric", () => {
    const set = (limits?: Record<string, number>) =>
      safeLoadRubricSet(
        [
          { text: rubricText("scoring:\n  children:\n    - { id: x, kind: input, max: 1 }\n", { id: "a" }), file: "a.yaml" },
          { text: levels(4).replace("id: t", "id: b"), file: "b.yaml" },
        ],
        limits ? { limits } : {},
      );
    const tight = set({ maxTreeDepth: 3 });
    expect(tight.ok ? [] : tight.issues.map((i) => [i.code, i.source?.file])).toEqual([["LIMIT_EXCEEDED", "b.yaml"]]);
    expect(set().ok).toBe(true);
  });
});
