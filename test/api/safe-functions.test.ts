/**
 * The safe functions return a Result for any input; the throwing forms throw only
 * KaoheError. Every input the hostile-use probes found crashing is here.
 */
import { describe, expect, test } from "vitest";
import {
  assess,
  isKaoheError,
  loadRubric,
  loadRubricSet,
  rubricTestCases,
  runRubricTests,
  safeAssess,
  safeLinkRubrics,
  safeLoadRubric,
  safeLoadRubricSet,
  safeLoadTestCases,
  type Issue,
  type Result,
} from "../../src/index.js";
import { describeValue } from "../../src/diagnostics/arguments.js";
import { keyOf, showValue, textOf } from "../../src/diagnostics/show.js";
import { rubricText } from "../helpers.js";

const RUBRIC = rubricText(`
  scoring:
    children:
      - { id: a, kind: input, max: 50 }
      - { id: b, kind: input, max: 50 }
`);
const rubric = loadRubric(RUBRIC, { file: "t.yaml" });
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** The issues of a failed Result (the test fails when the call succeeded or threw). */
function issues<T>(call: () => Result<T>): Issue[] {
  const r = call();
  expect(r.ok, "expected a failed Result").toBe(false);
  return r.ok ? [] : [...r.issues];
}

function cyclic(): Record<string, unknown> {
  const inner: Record<string, unknown> = {};
  inner.self = inner;
  return inner;
}

describe("safeAssess: the arguments are checked at the entry", () => {
  test.each([
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
    ["a string", "abc", 'a string ("abc")'],
    ["a BigInt", 10n, "a BigInt (10n)"],
    ["a null-prototype object", Object.create(null) as object, "an object with no prototype"],
  ])("subjects = %s → API_BAD_ARGUMENT naming subjects", (_name, subjects, received) => {
    const [issue, ...rest] = issues(() => safeAssess(rubric, subjects as never));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", stage: "api", params: { fn: "safeAssess", argument: "subjects", expected: "an array of subject objects", received } });
    expect(issue!.message).toBe(`safeAssess: subjects must be an array of subject objects, got ${received}`);
  });

  test("an array holding null: the element and its row", () => {
    const found = issues(() => safeAssess(rubric, [{ id: "u1", a: 1, b: 2 }, null] as never));
    expect(found).toEqual([expect.objectContaining({ code: "API_BAD_ARGUMENT", row: 2, params: expect.objectContaining({ argument: "subjects[1]", received: "null" }) })]);
  });

  test("every bad element is reported, not only the first", () => {
    const found = issues(() => safeAssess(rubric, [1, { id: "u" }, [], "x"] as never));
    expect(found.map((i) => i.params.argument)).toEqual(["subjects[0]", "subjects[2]", "subjects[3]"]);
  });

  test("a sparse array names its first hole and how many there are, without walking the length", () => {
    // [ , {..}, , ] has length 3 and holes at 0 and 2.
    const sparse = [, { id: "u", a: 1, b: 1 }, ,] as never;
    const [issue] = issues(() => safeAssess(rubric, sparse));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", row: 1, params: { argument: "subjects[0]" } });
    expect(issue!.message).toContain("2 missing element(s), the first at index 0");
    const [huge] = issues(() => safeAssess(rubric, new Array(1e9) as never));
    expect(huge!.message).toContain("1000000000 missing element(s)");
  });

  test("an element that is not an own enumerable index (as Object.keys has it) is a hole too; a full array of 3,000 has none", () => {
    const rows: object[] = [{ id: "u1", a: 1, b: 1 }, { id: "u2", a: 1, b: 1 }, { id: "u3", a: 1, b: 1 }];
    Object.defineProperty(rows, 1, { enumerable: false });
    const [issue] = issues(() => safeAssess(rubric, rows as never));
    // Index 1 hidden: 1 missing element, the first (and only) at index 1, row 2.
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", row: 2, params: { argument: "subjects[1]" } });
    expect(issue!.message).toContain("1 missing element(s), the first at index 1");
    const full = Array.from({ length: 3000 }, (_, i) => ({ id: `u${String(i).padStart(4, "0")}`, a: 1, b: 1 }));
    expect(safeAssess(rubric, full as never).ok).toBe(true);
  });

  test("a BigInt input value is a data error, not a TypeError from JSON.stringify", () => {
    const [issue] = issues(() => safeAssess(rubric, [{ id: "u1", a: 10n, b: 2 }] as never));
    expect(issue).toMatchObject({ code: "DATA_NOT_NUMBER", field: "a", row: 1 });
    expect(issue!.message).toBe('"a" must be a number, got 10n');
  });

  test("a cyclic input value is a data error (the message and the de-dup key survive the cycle)", () => {
    const [issue] = issues(() => safeAssess(rubric, [{ id: "u1", a: cyclic(), b: 2 }] as never));
    expect(issue).toMatchObject({ code: "DATA_NOT_NUMBER", field: "a" });
    expect(issue!.message).toBe('"a" must be a number, got {"self":[Circular]}');
  });

  test("a null-prototype subject is read like a plain one", () => {
    const subject = Object.assign(Object.create(null) as object, { id: "u1", a: 40, b: 45 });
    const r = safeAssess(rubric, [subject] as never);
    expect(r.ok && r.value.results[0]!.units[0]!.score).toBe("85"); // 40 + 45
  });

  test("a null-prototype value where a number belongs is a data error", () => {
    const [issue] = issues(() => safeAssess(rubric, [{ id: "u1", a: Object.create(null), b: 2 }] as never));
    expect(issue).toMatchObject({ code: "DATA_NOT_NUMBER", field: "a" });
  });

  test("a null-prototype name does not throw (String() of it would)", () => {
    expect(() => safeAssess(rubric, [{ id: "u1", name: Object.create(null), a: 1, b: 2 }] as never)).not.toThrow();
  });

  test.each([
    ["undefined", undefined],
    ["null", null],
    ["a string", "rubric"],
    ["an object that is no compiled rubric", { id: "x" }],
  ])("target = %s → API_BAD_ARGUMENT naming target", (_name, target) => {
    const [issue] = issues(() => safeAssess(target as never, []));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", params: { argument: "target" } });
  });

  test("a set whose rubrics are not compiled rubrics", () => {
    const [issue] = issues(() => safeAssess({ rubrics: [rubric, 5] } as never, []));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", params: { argument: "target.rubrics[1]" } });
  });

  test.each([
    ["options null", null, "options"],
    ["an unknown trail level", { trail: "bogus" }, "options.trail"],
    ["onProgress not a function", { onProgress: 5 }, "options.onProgress"],
  ])("%s → API_BAD_ARGUMENT", (_name, options, argument) => {
    const [issue] = issues(() => safeAssess(rubric, [{ id: "u", a: 1, b: 1 }], options as never));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", params: { argument } });
  });

  test("an onProgress callback that throws is API_CALLBACK_FAILED, not an exception", () => {
    // onProgress runs every 10,000 subjects: 10,000 subjects call it once.
    const subjects = Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i}`, a: 1, b: 1 }));
    const [issue] = issues(() => safeAssess(rubric, subjects, { onProgress: () => { throw new Error("boom"); } }));
    expect(issue).toMatchObject({ code: "API_CALLBACK_FAILED", params: { fn: "safeAssess", callback: "onProgress", error: "Error: boom" } });
  });

  test("anything else that throws inside is API_INTERNAL_ERROR (a proxy whose every read throws)", () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("trap"); }, has: () => { throw new Error("trap"); } });
    const [issue] = issues(() => safeAssess(hostile as never, []));
    expect(issue).toMatchObject({ code: "API_INTERNAL_ERROR", params: { fn: "safeAssess", error: "Error: trap" } });
  });
});

describe("loading: the text and options are checked", () => {
  test.each([
    ["undefined", undefined, "undefined"],
    ["123", 123, "a number (123)"],
    ["a Buffer", Buffer.from(RUBRIC), `a Buffer of ${Buffer.byteLength(RUBRIC)} bytes`],
    ["null", null, "null"],
  ])("safeLoadRubric(%s) → API_BAD_ARGUMENT naming text", (_name, text, received) => {
    const [issue] = issues(() => safeLoadRubric(text as never));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", params: { fn: "safeLoadRubric", argument: "text", received } });
    expect(issue!.message).toContain('decode bytes first, e.g. readFileSync(path, "utf8")');
  });

  test.each([
    ["options null", null, "options"],
    ["file a number", { file: 5 }, "options.file"],
    ["maxDepth 0", { maxDepth: 0 }, "options.maxDepth"],
    ["maxDepth 1.5", { maxDepth: 1.5 }, "options.maxDepth"],
    ["maxAliasCount -1", { maxAliasCount: -1 }, "options.maxAliasCount"],
  ])("safeLoadRubric with %s → API_BAD_ARGUMENT", (_name, options, argument) => {
    const [issue] = issues(() => safeLoadRubric(RUBRIC, options as never));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", params: { argument } });
  });

  test.each([
    ["undefined", undefined, "texts"],
    ["a string", "kaohe: 1", "texts"],
    ["an array holding null", [null], "texts[0]"],
    ["an element without text", [{ file: "a.yaml" }], "texts[0]"],
    ["a text that is a Buffer", [{ text: Buffer.from("x") }], "texts[0]"],
  ])("safeLoadRubricSet(%s) → API_BAD_ARGUMENT", (_name, texts, argument) => {
    const [issue] = issues(() => safeLoadRubricSet(texts as never));
    expect(issue).toMatchObject({ code: "API_BAD_ARGUMENT", params: { fn: "safeLoadRubricSet", argument } });
  });

  test("safeLinkRubrics and safeLoadTestCases check their arguments too", () => {
    expect(issues(() => safeLinkRubrics([rubric, {} as never]))[0]).toMatchObject({ code: "API_BAD_ARGUMENT", params: { argument: "rubrics[1]" } });
    expect(issues(() => safeLinkRubrics(undefined as never))[0]).toMatchObject({ code: "API_BAD_ARGUMENT", params: { argument: "rubrics" } });
    expect(issues(() => safeLoadTestCases(5 as never))[0]).toMatchObject({ code: "API_BAD_ARGUMENT", params: { fn: "safeLoadTestCases", argument: "text" } });
  });

  test("the limits pass through safeLoadRubricSet", () => {
    const deep = `${RUBRIC}x-deep: [[[1]]]\n`; // root mapping 1 + three lists = 4 levels
    expect(safeLoadRubricSet([{ text: deep }], { maxDepth: 4 }).ok).toBe(true);
    expect(issues(() => safeLoadRubricSet([{ text: deep }], { maxDepth: 3 }))[0]).toMatchObject({ code: "YAML_TOO_DEEP", params: { limit: 3 } });
  });
});

describe("the throwing forms throw only KaoheError", () => {
  const thrown = (call: () => unknown): unknown => {
    try {
      call();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  test.each([
    ["loadRubric(undefined)", () => loadRubric(undefined as never)],
    ["loadRubric(Buffer)", () => loadRubric(Buffer.from(RUBRIC) as never)],
    ["loadRubricSet(undefined)", () => loadRubricSet(undefined as never)],
    ["assess(rubric, null)", () => assess(rubric, null as never)],
    ["assess(rubric, [null])", () => assess(rubric, [null] as never)],
    ["assess(undefined, [])", () => assess(undefined as never, [])],
    ["runRubricTests(undefined)", () => runRubricTests(undefined as never)],
    ["rubricTestCases(rubric, 'x')", () => rubricTestCases(rubric, "x" as never)],
  ])("%s", (_name, call) => {
    const e = thrown(call);
    expect(isKaoheError(e)).toBe(true);
    expect((e as { issues: Issue[] }).issues[0]!.code).toBe("API_BAD_ARGUMENT");
  });
});

describe("an item id equal to the root's or an ancestor's id", () => {
  test('an item "total" (the root\'s default id) is REF_DUPLICATE_ID at its line:col, not endless recursion', () => {
    const text = rubricText(`
      scoring:
        children:
          - { id: total, kind: input, max: 50 }
          - { id: b, kind: input, max: 50 }
    `);
    const [issue] = issues(() => safeLoadRubric(text, { file: "t.yaml" }));
    // header 5 lines + grades 5 lines: "scoring:" is line 11, the item line 13; its id value at col 13.
    expect(issue).toMatchObject({ code: "REF_DUPLICATE_ID", params: { id: "total" }, source: { file: "t.yaml", line: 13, col: 13 } });
    expect(issue!.message).toContain("the same id as a group that contains it");
  });

  test("a child with the id of the group that contains it", () => {
    const text = rubricText(`
      scoring:
        children:
          - { id: g, children: [ { id: x, children: [ { id: g, kind: input, max: 100 } ] } ] }
    `);
    const found = issues(() => safeLoadRubric(text, { file: "t.yaml" }));
    expect(found.map((i) => [i.code, i.params.id, i.source?.line])).toEqual([["REF_DUPLICATE_ID", "g", 13]]);
  });
});

describe("rendering any value never throws", () => {
  const cycle = cyclic();
  test.each([
    ["a string", "abc", '"abc"'],
    ["NaN", Number.NaN, "NaN"],
    ["a BigInt", 10n, "10n"],
    ["a symbol", Symbol("s"), "Symbol(s)"],
    ["a function", function named() {}, "[function named]"],
    ["a cycle", cycle, '{"self":[Circular]}'],
    ["a null-prototype object", Object.assign(Object.create(null) as object, { a: 1 }), '{"a":1}'],
    ["a throwing getter", { get a() { throw new Error("x"); } }, '{"a":<unreadable>}'],
    ["a sparse array", [1, , 3], "[1,<hole>,3]"],
    ["deep nesting", [[[[[[1]]]]]], "[[[[[…]]]]]"],
  ])("showValue(%s)", (_name, value, expected) => {
    expect(showValue(value)).toBe(expected);
  });
  test("long values are cut", () => {
    expect(showValue("x".repeat(500))).toHaveLength(200);
  });
  test("textOf and keyOf", () => {
    expect(textOf(Object.create(null))).toBe("{}");
    expect(textOf(["a", 1n])).toBe("a,1n");
    expect(keyOf({ a: 1n, c: cycle })).toBe('{"a":"1n","c":{"self":"[Circular]"}}');
    expect(keyOf({ a: 1 })).not.toBe(keyOf({ a: 2 }));
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(typeof keyOf(deep)).toBe("string"); // JSON.stringify overflows the stack here
  });
  test("describeValue", () => {
    expect([undefined, null, [1, 2], new Map(), new Uint8Array(3), () => 1].map(describeValue)).toEqual([
      "undefined",
      "null",
      "an array of 2",
      "a Map",
      "a Uint8Array of 3 bytes",
      "a function",
    ]);
  });
});

test("no call above left anything on Object.prototype", () => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(Object.keys(Object.prototype)).toEqual([]);
});
