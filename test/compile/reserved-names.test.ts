/**
 * Reserved names: __proto__, constructor and prototype are refused wherever a rubric
 * names something (keys at any depth, every id, values that data is matched
 * against), with SCHEMA_RESERVED_NAME at the name's line:col. Never dropped silently
 * (zod would drop a __proto__ key), never able to touch the host's prototypes.
 */
import { describe, expect, test } from "vitest";
import { formatIssues, safeAssess, safeLoadRubric, safeLoadRubricSet, type Issue } from "../../src/index.js";
import { compile, positionOf, rubricText } from "../helpers.js";

const tree = "scoring:\n  children:\n    - { id: x, kind: input, max: 100 }\n";
const records = (table: string) =>
  `inputs:\n  d: { type: records, fields: { sanction: text, n: count, dept: text } }\nscoring:\n  children:\n    - { id: c, kind: deduct, max: 10, deductions: [ { id: s, records: d, ${table} } ] }\n`;

interface Case {
  readonly name: string;
  readonly body: string;
  /** The reserved name whose position the issue must point to. */
  readonly at: string;
  readonly nth?: number;
  readonly id?: string;
}

const cases: Case[] = [
  // keys (mappings keyed by user names)
  { name: "an input named __proto__", body: `inputs:\n  __proto__: { type: boolean }\n${tree}`, at: "__proto__" },
  { name: "an input named constructor", body: `inputs:\n  constructor: { type: boolean }\n${tree}`, at: "constructor" },
  { name: "an input named prototype", body: `inputs:\n  prototype: { type: boolean }\n${tree}`, at: "prototype" },
  { name: "a level named __proto__", body: "scoring:\n  children:\n    - { id: q, kind: levels, max: 10, levels: { 好: 10, __proto__: 0 } }\n", at: "__proto__" },
  { name: "a level named constructor", body: "scoring:\n  children:\n    - { id: q, kind: levels, max: 10, levels: { 好: 10, constructor: 0 } }\n", at: "constructor" },
  { name: "a vote coefficient for __proto__", body: "scoring:\n  children:\n    - { id: v, kind: votes, max: 10, coefficients: { 好: 1, __proto__: 0 } }\n", at: "__proto__" },
  { name: "an amount table key __proto__", body: records("points: { by: sanction, table: { 诫勉: 1, __proto__: 3 } }"), at: "__proto__" },
  { name: "an amount table key prototype", body: records("points: { by: sanction, table: { prototype: 3 } }"), at: "prototype" },
  { name: "a record field __proto__", body: `inputs:\n  d: { type: records, fields: { __proto__: text } }\n${tree}`, at: "__proto__" },
  { name: "a record field constructor", body: `inputs:\n  d: { type: records, fields: { constructor: text } }\n${tree}`, at: "constructor" },
  {
    name: "a test expectation for subject __proto__",
    body: `${tree}tests:\n  - { name: t, subjects: [ { id: s, x: 1 } ], expect: { __proto__: { grade: D } } }\n`,
    at: "__proto__",
  },
  { name: "a key of the language itself", body: `${tree}__proto__: { polluted: true }\n`, at: "__proto__" },
  // ids
  { name: "an item id __proto__", body: "scoring:\n  children:\n    - { id: __proto__, kind: input, max: 100 }\n", at: "__proto__" },
  { name: "a group id constructor", body: "scoring:\n  children:\n    - { id: constructor, children: [ { id: x, kind: input, max: 100 } ] }\n", at: "constructor" },
  { name: "the root id prototype", body: "scoring:\n  id: prototype\n  children:\n    - { id: x, kind: input, max: 100 }\n", at: "prototype" },
  { name: "the rubric id", body: tree, at: "constructor", id: "constructor" },
  { name: "a grade id", body: `grades:\n  - { id: A, min: 90 }\n  - { id: constructor }\n${tree}`, at: "constructor" },
  { name: "a rule id", body: `${tree}rules:\n  - { id: __proto__, kind: downgrade, reason: r, when: { fact: total, lt: 10 } }\n`, at: "__proto__" },
  { name: "a quota id", body: `${tree}quotas:\n  - { id: prototype, grade: A, share: 50% }\n`, at: "prototype" },
  { name: "an action id", body: `${tree}actions:\n  - { id: constructor }\n`, at: "constructor" },
  { name: "a tier id", body: `${tree}tiers:\n  - { id: __proto__ }\n`, at: "__proto__" },
  { name: "an entry id", body: "scoring:\n  children:\n    - { id: c, kind: deduct, max: 10, deductions: [ { id: constructor, per: n, points: 1 } ] }\n", at: "constructor" },
  {
    name: "a panel rater group id",
    body: "scoring:\n  children:\n    - { id: p, kind: panel, max: 10, groups: [ { id: a, weight: 50% }, { id: prototype, weight: 50% } ] }\n",
    at: "prototype",
  },
  { name: "a grade named in a rule", body: `${tree}rules:\n  - { id: r, kind: cap, grade: constructor, reason: r, when: { fact: total, lt: 10 } }\n`, at: "constructor" },
  // values that data is matched against
  { name: "a choice value", body: `inputs:\n  d: { type: choice, values: [village, __proto__] }\n${tree}`, at: "__proto__" },
  { name: "a grade of a grade input's scale", body: `inputs:\n  g: { type: grade, scale: [A, constructor] }\n${tree}`, at: "constructor" },
  { name: "a vote level of a votes input", body: `inputs:\n  v: { type: votes, levels: [好, prototype] }\n${tree}`, at: "prototype" },
  { name: "an input label (a column name)", body: `inputs:\n  b: { type: boolean, label: constructor }\n${tree}`, at: "constructor" },
  { name: "the record field picking an amount", body: records("points: { by: __proto__, table: { 诫勉: 1 } }"), at: "__proto__" },
  { name: "a record field multiplying", body: records("points: 1, times: constructor"), at: "constructor" },
  { name: "a record field splitting", body: records("points: 1, split: prototype"), at: "prototype" },
  { name: "a dedup key field", body: records("points: 1, dedup: { key: [dept, __proto__] }"), at: "__proto__" },
];

function reservedIssue(text: string): Issue {
  const r = safeLoadRubric(text, { file: "t.yaml" });
  if (r.ok) throw new Error("expected the rubric to be rejected");
  const issue = r.issues.find((i) => i.code === "SCHEMA_RESERVED_NAME");
  if (!issue) throw new Error(formatIssues(r.issues));
  return issue;
}

describe("reserved names are refused with SCHEMA_RESERVED_NAME at the name", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const text = rubricText(c.body, c.id ? { id: c.id } : {});
    const issue = reservedIssue(text);
    expect(issue.params).toMatchObject({ name: c.at });
    expect(issue.source).toEqual({ file: "t.yaml", ...positionOf(text, c.at, c.nth ?? 1) });
    expect(issue.stage).toBe("validate");
  });

  test("a reserved key is reported once, not also as an unknown key", () => {
    const r = safeLoadRubric(rubricText(`${tree}constructor: 1\n`), { file: "t.yaml" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["SCHEMA_RESERVED_NAME"]);
  });

  test("a reserved key brought in by a merge (<<: *base) or an alias is refused where it lands", () => {
    const merged = rubricText(`x-base: &base { __proto__: { good: 1 } }\ninputs:\n  b: { <<: *base, type: boolean }\n${tree}`);
    expect(reservedIssue(merged)).toMatchObject({ path: ["inputs", "b", "__proto__"], source: { line: positionOf(merged, "b: {").line } });
    const aliased = rubricText(`x-base: &base { constructor: { type: boolean } }\ninputs: *base\n${tree}`);
    expect(reservedIssue(aliased)).toMatchObject({ path: ["inputs", "constructor"], params: { name: "constructor" } });
  });

  test("a rubric written as JSON: the quoted key is found", () => {
    const json = JSON.stringify({ kaohe: 1, id: "t", name: "T", year: 2024, version: "1", grades: [{ id: "A", min: 1 }, { id: "B" }], scoring: { children: [{ id: "x", kind: "input", max: 1 }] } });
    const text = json.replace('"grades"', '"inputs":{"__proto__":{"type":"boolean"}},"grades"');
    const issue = reservedIssue(text);
    expect(issue.source).toMatchObject(positionOf(text, '"__proto__"'));
  });

  test("every reserved name in one rubric is reported, each at its place", () => {
    const text = rubricText(`inputs:\n  constructor: { type: boolean }\n  d: { type: choice, values: [__proto__] }\nscoring:\n  children:\n    - { id: prototype, kind: input, max: 100 }\n`);
    const r = safeLoadRubric(text, { file: "t.yaml" });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.name, i.source?.line])).toEqual([
      ["SCHEMA_RESERVED_NAME", "constructor", 12],
      ["SCHEMA_RESERVED_NAME", "__proto__", 13],
      ["SCHEMA_RESERVED_NAME", "prototype", 16],
    ]);
  });

  test("names that only contain a reserved word, or differ in case, are ordinary names", () => {
    const r = compile(`
      inputs:
        constructor_fee: { type: number, min: 0, max: 10, label: Constructor }
        d: { type: choice, values: [proto, __proto, prototypes] }
      scoring:
        children:
          - { id: x, label: constructor, kind: input, max: 90 }
          - { id: Prototype, kind: input, input: constructor_fee, max: 10 }
    `);
    expect([...r.inputs.keys()].sort()).toEqual(["constructor_fee", "d", "x"]); // Prototype reads constructor_fee
    expect(r.nodes.get("x")?.label).toBe("constructor"); // a label is display text, never a key
  });

  test("a sibling tests file is checked the same way", async () => {
    const { safeLoadTestCases } = await import("../../src/index.js");
    const r = safeLoadTestCases("tests:\n  - name: t\n    subjects: [ { id: s } ]\n    expect: { prototype: { grade: A } }\n", { file: "tests.yaml" });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.source?.line, i.source?.col])).toEqual([["SCHEMA_RESERVED_NAME", 4, 15]]);
  });
});

describe("user-keyed data in the compiled model has no prototype", () => {
  test("record fields: declared and implied", () => {
    const r = compile(`
      inputs:
        d: { type: records, fields: { sanction: text } }
      scoring:
        children:
          - { id: c, kind: deduct, max: 10, deductions: [ { id: s, records: d, points: { by: sanction, table: { 诫勉: 1 } } }, { id: t, records: e, points: 1, times: n } ] }
    `);
    for (const name of ["d", "e"]) {
      const spec = r.inputs.get(name)!;
      expect(spec.type).toBe("records");
      if (spec.type === "records") expect(Object.getPrototypeOf(spec.fields)).toBeNull();
    }
    const e = r.inputs.get("e")!;
    if (e.type === "records") expect({ ...e.fields }).toEqual({ n: "number" });
  });

  test("a record carrying an inherited name such as toString is refused as data, without a crash", () => {
    const r = compile(`
      inputs:
        d: { type: records, fields: { sanction: text } }
      scoring:
        children:
          - { id: x, kind: input, max: 90 }
          - { id: c, kind: deduct, max: 10, deductions: [ { id: s, records: d, points: { by: sanction, table: { 诫勉: 1 } } } ] }
    `);
    const out = safeAssess(r, [{ id: "u1", x: 50, d: [{ sanction: "诫勉", toString: 1 }] }]);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0]).toMatchObject({ row: 1, subject: "u1" });
  });

  test("test expectations by subject id, and their points by node id", () => {
    const r = compile(`${tree}tests:\n  - { name: t, subjects: [ { id: s, x: 95 } ], expect: { s: { grade: A, points: { x: 95 } } } }\n`);
    const expect_ = r.tests[0]!.expect!;
    expect(Object.getPrototypeOf(expect_)).toBeNull();
    expect(Object.getPrototypeOf(expect_.s!.points)).toBeNull();
    expect({ ...expect_.s!.points }).toEqual({ x: 95 });
  });

  test("levels and vote coefficients are Maps", () => {
    const r = compile("scoring:\n  children:\n    - { id: q, kind: levels, max: 10, levels: { 好: 10, 差: 0 } }\n    - { id: v, kind: votes, max: 90, coefficients: { 好: 1, 差: 0 } }\n");
    const q = r.nodes.get("q");
    const v = r.nodes.get("v");
    expect(q?.type === "item" && q.method.kind === "levels" && q.method.levels instanceof Map).toBe(true);
    expect(v?.type === "item" && v.method.kind === "votes" && v.method.coefficients instanceof Map).toBe(true);
  });
});

/** Own properties of the built-ins a polluted key could reach, with their values. */
function builtIns(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const targets: [string, object][] = [
    ["Object.prototype", Object.prototype],
    ["Object", Object],
    ["Function.prototype", Function.prototype],
    ["Array.prototype", Array.prototype],
    ["String.prototype", String.prototype],
  ];
  for (const [name, target] of targets)
    for (const key of Reflect.ownKeys(target)) {
      const d = Object.getOwnPropertyDescriptor(target, key)!;
      out.set(`${name}.${String(key)}`, "value" in d ? d.value : d.get);
    }
  out.set("Object.prototype's prototype", Object.getPrototypeOf(Object.prototype));
  return out;
}

test("loading rubrics full of reserved names leaves Object.prototype and the other built-ins unchanged", () => {
  const before = builtIns();
  for (const c of cases) safeLoadRubric(rubricText(c.body, c.id ? { id: c.id } : {}), { file: "t.yaml" });
  // the same keys through a merge and in a set
  safeLoadRubricSet([
    { text: rubricText(`x-base: &base { __proto__: { good: 1 }, constructor: { prototype: { good: 2 } } }\ninputs:\n  b: { <<: *base, type: boolean }\n${tree}`), file: "a.yaml" },
    { text: rubricText(`inputs:\n  toString: { type: boolean }\n  valueOf: { type: number }\n  hasOwnProperty: { type: text }\n${tree}`, { id: "b" }), file: "b.yaml" },
  ]);
  const after = builtIns();
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [key, value] of before) expect(Object.is(after.get(key), value), key).toBe(true);
  const probe = {} as Record<string, unknown>;
  expect([probe.good, probe.polluted, probe.type]).toEqual([undefined, undefined, undefined]);
});

test("inputs named like other inherited properties (toString, valueOf) are ordinary names", () => {
  const r = compile(`inputs:\n  toString: { type: boolean }\n  valueOf: { type: number, min: 0, max: 5 }\n${tree}`);
  expect(r.inputs.get("toString")?.type).toBe("boolean");
  expect(r.inputs.get("valueOf")?.type).toBe("number");
});
