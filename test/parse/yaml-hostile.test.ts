/**
 * Hostile or broken YAML: each is refused with a stable code at line:col, and the
 * limits (maxDepth, maxAliasCount) are exact at their boundaries.
 */
import { describe, expect, test, vi } from "vitest";
import { safeLoadRubric, safeLoadTestCases, type Issue } from "../../src/index.js";
import { decodeRubric, firstInvalidUtf8 } from "../../src/parse/decode.js";
import { DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from "../../src/parse/parse-yaml.js";
import { rubricText } from "../helpers.js";

const BASE = rubricText(`
  scoring:
    children:
      - { id: a, kind: input, max: 50 }
      - { id: b, kind: input, max: 50 }
`);
/** Lines in BASE: 5 header + 5 grades + 4 scoring = 14; text appended starts on line 15. */
const NEXT = BASE.split("\n").length;

function load(text: string, options: { maxDepth?: number; maxAliasCount?: number } = {}) {
  return safeLoadRubric(text, { file: "t.yaml", ...options });
}

function only(text: string, options: { maxDepth?: number; maxAliasCount?: number } = {}): Issue {
  let r: ReturnType<typeof load> | undefined;
  expect(() => (r = load(text, options))).not.toThrow();
  expect(r!.ok).toBe(false);
  const issues = r!.ok ? [] : r!.issues;
  expect(issues, issues.map((i) => `${i.code} ${i.message}`).join("\n")).toHaveLength(1);
  return issues[0]!;
}

test("the base rubric loads and the defaults are the documented ones", () => {
  expect(NEXT).toBe(15);
  expect(load(BASE).ok).toBe(true);
  expect([DEFAULT_MAX_DEPTH, DEFAULT_MAX_ALIAS_COUNT]).toEqual([64, 1000]);
});

describe("aliases and merges", () => {
  test("an unresolved alias *nope: YAML_ALIAS at the alias (was a ReferenceError)", () => {
    const issue = only(`${BASE}description: *nope\n`);
    expect(issue).toMatchObject({ code: "YAML_ALIAS", params: { alias: "nope", reason: "unknown" }, source: { file: "t.yaml", line: 15, col: 14 } });
  });

  test("an alias used before its anchor is unresolved too", () => {
    const issue = only(`${BASE}x-a: *later\nx-b: &later 1\n`);
    expect(issue).toMatchObject({ code: "YAML_ALIAS", source: { line: 15, col: 6 } });
  });

  test("an alias inside its own anchor: YAML_ALIAS (a value cannot contain itself)", () => {
    const issue = only(`${BASE}x-c: &c [1, *c]\n`);
    expect(issue).toMatchObject({ code: "YAML_ALIAS", params: { alias: "c", reason: "cycle" }, source: { line: 15, col: 13 } });
  });

  test("a merge of a list: YAML_MERGE at the merge's alias (was Error: Merge sources must be maps)", () => {
    const issue = only(`${BASE}x-l: &l [1, 2]\nx-m: { <<: *l, k: 1 }\n`);
    expect(issue).toMatchObject({ code: "YAML_MERGE", params: { received: 'a list holding the value "1"' }, source: { line: 16, col: 12 } });
  });

  test("a merge of a scalar, and a list of merges holding a scalar", () => {
    expect(only(`${BASE}x-s: &s 5\nx-m: { <<: *s }\n`)).toMatchObject({ code: "YAML_MERGE", params: { received: 'the value "5"' }, source: { line: 16, col: 12 } });
    expect(only(`${BASE}x-s: &s { q: 1 }\nx-m: { <<: [*s, 3] }\n`)).toMatchObject({ code: "YAML_MERGE", source: { line: 16, col: 17 } });
  });

  test("merges of mappings (and of a list of mappings) load", () => {
    expect(load(`${BASE}x-s: &s { q: 1 }\nx-t: &t { r: 1 }\nx-m: { <<: [*s, *t], k: 1 }\n`).ok).toBe(true);
  });

  test("billion laughs: YAML_ALIAS_LIMIT at the alias that crosses the limit, at once", () => {
    // yaml counts per anchor: its uses so far (starting at 1 for the anchor itself) ×
    // the weight of the aliases inside it (an alias weighs its anchor's count × weight).
    // a0: weight 1, 9 uses → count 10. a1: weight 10 × 1 = 10; 9 uses → 10 × 10 = 100.
    // a2: weight 10 × 10 = 100; 9 uses → 10 × 100 = 1000, not above 1000.
    // a3: weight 10 × 100 = 1000; its first use (count 2) weighs 2000 > 1000:
    // line 15 + 4 = 19, after "x-a4: &a4 [" (11 columns): col 12.
    let text = `${BASE}x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let k = 1; k <= 9; k++) text += `x-a${k}: &a${k} [${Array(9).fill(`*a${k - 1}`).join(", ")}]\n`;
    const issue = only(text);
    expect(issue).toMatchObject({ code: "YAML_ALIAS_LIMIT", params: { alias: "a3", limit: 1000 }, source: { line: 19, col: 12 } });
  });

  test("150 merges of one anchor load with the default limit (the yaml library's own 100 refused them)", () => {
    const many = Array.from({ length: 150 }, (_, i) => `    - { <<: *item, id: i${i} }`).join("\n");
    const text = rubricText(`
      x-item: &item { kind: input, max: 1 }
      scoring:
        children:
    `) + `${many}\n`;
    const r = load(text);
    expect(r.ok && r.value.items.length).toBe(150);
  });

  test("maxAliasCount is exact: one anchor used 99 times counts 1 + 99 = 100 ≤ 100; 100 times counts 101", () => {
    const uses = (n: number) => `${BASE}x-v: &v 1\nx-l: [${Array(n).fill("*v").join(", ")}]\n`;
    expect(load(uses(99), { maxAliasCount: 100 }).ok).toBe(true);
    expect(only(uses(100), { maxAliasCount: 100 })).toMatchObject({ code: "YAML_ALIAS_LIMIT", params: { alias: "v", limit: 100 }, source: { line: 16 } });
  });
});

describe("nesting depth", () => {
  test("a 10,000-deep sequence: YAML_TOO_DEEP at the level past the limit (was a RangeError)", () => {
    // root mapping 1, x-d's list 2 ... the 63rd "- " is level 64, the 64th is level 65:
    // line 16 (after "x-d:"), "  " then 63 × "- " → col 3 + 126 = 129.
    const issue = only(`${BASE}x-d:\n  ${"- ".repeat(10_000)}x\n`);
    expect(issue).toMatchObject({ code: "YAML_TOO_DEEP", params: { limit: 64 }, source: { line: 16, col: 129 } });
  });

  test("a 10,000-deep sequence before other keys (yaml's own parser overflows): YAML_TOO_DEEP at the same place, not API_INTERNAL_ERROR", () => {
    // The same count as above, one line earlier: "x-d:" is line 15 when it comes first, its list line 16,
    // col 3 + 63 × 2 = 129; BASE's keys follow it.
    const text = `x-d:\n  ${"- ".repeat(10_000)}x\n${BASE}`;
    expect(only(text)).toMatchObject({ code: "YAML_TOO_DEEP", params: { limit: 64 }, source: { line: 2, col: 129 } });
  });

  test("1000 levels of flow nesting: YAML_TOO_DEEP, not 'Maximum call stack size exceeded'", () => {
    // "x-d: " is 5 columns; the k-th "[" is at col 5 + k and level 1 + k: level 65 is k = 64, col 69.
    const issue = only(`${BASE}x-d: ${"[".repeat(1000)}${"]".repeat(1000)}\n`);
    expect(issue).toMatchObject({ code: "YAML_TOO_DEEP", source: { line: 15, col: 69 } });
    expect(only(`${BASE}x-d: ${"{a: ".repeat(1000)}1${"}".repeat(1000)}\n`)).toMatchObject({ code: "YAML_TOO_DEEP" });
  });

  test("the limit is exact: 64 levels load, 65 do not", () => {
    // root mapping (1) + 63 lists = 64; + 64 lists = 65.
    const nested = (n: number) => `${BASE}x-d: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    expect(load(nested(63)).ok).toBe(true);
    expect(only(nested(64))).toMatchObject({ code: "YAML_TOO_DEEP", params: { limit: 64 } });
  });

  test("maxDepth raises the limit", () => {
    const nested = `${BASE}x-d: ${"[".repeat(100)}${"]".repeat(100)}\n`;
    expect(only(nested)).toMatchObject({ code: "YAML_TOO_DEEP" });
    expect(load(nested, { maxDepth: 101 }).ok).toBe(true);
  });

  test("a limit raised past what the stack holds is still a clean YAML_TOO_DEEP", () => {
    const issue = only(`${BASE}x-d: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`, { maxDepth: 1_000_000 });
    expect(issue.code).toBe("YAML_TOO_DEEP");
  });

  test("the tests file reader has the same limits", () => {
    const r = safeLoadTestCases(`tests: ${"[".repeat(100)}${"]".repeat(100)}\n`, { file: "tests.yaml" });
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "YAML_TOO_DEEP", source: { file: "tests.yaml", line: 1, col: 71 } });
  });
});

describe("tags and characters", () => {
  test.each([
    ["!evil", `${BASE}x-e: !evil s\n`, "!evil"],
    ["!!binary", `${BASE}x-e: !!binary aGVsbG8=\n`, "!!binary"],
    ["!!set", `${BASE}x-e: !!set { a }\n`, "!!set"],
    ["!!timestamp", `${BASE}x-e: !!timestamp 2001-01-01\n`, "!!timestamp"],
    ["!!js/function", `${BASE}x-e: !!js/function "x"\n`, "!!js/function"],
  ])("an unknown tag %s: YAML_UNKNOWN_TAG at the tag (was silently ignored)", (_name, text, tag) => {
    expect(only(text)).toMatchObject({ code: "YAML_UNKNOWN_TAG", params: { tag }, source: { line: 15, col: 6 } });
  });

  test("core tags are allowed", () => {
    const r = load(BASE.replace('version: "1"', "version: !!str 1"));
    expect(r.ok && r.value.version).toBe("1");
  });

  test.each([
    ["NUL", "\u0000", "U+0000 (NUL)"],
    ["BEL", "\u0007", "U+0007 (BEL)"],
    ["ESC", "\u001b", "U+001B (ESC)"],
    ["DEL", "\u007f", "U+007F (DEL)"],
    ["a C1 control", "\u0085\u0090", "U+0090"],
  ])("a raw %s: YAML_CONTROL_CHARACTER at its line:col", (_name, chars, char) => {
    // "name: Test" is line 3; the character goes after "Te" (col 9) — after NEL (allowed) for C1.
    const text = BASE.replace("name: Test", `name: Te${chars}st`);
    const col = 9 + chars.length - 1;
    expect(only(text)).toMatchObject({ code: "YAML_CONTROL_CHARACTER", params: { char }, source: { line: 3, col } });
  });

  test("control characters in a comment count too, and are counted", () => {
    expect(only(`${BASE}# a\u0000b\u0000\n`)).toMatchObject({ code: "YAML_CONTROL_CHARACTER", params: { count: 2 }, source: { line: 15, col: 4 } });
  });

  test('an escaped control character in a quoted string ("\\a") is refused at the escape', () => {
    // name: "Te\ast": the quote is col 7, T 8, e 9, the backslash col 10.
    expect(only(BASE.replace("name: Test", 'name: "Te\\ast"'))).toMatchObject({ code: "YAML_CONTROL_CHARACTER", params: { char: "U+0007 (BEL)" }, source: { line: 3, col: 10 } });
    // Harmless escapes before it (\t, \") are skipped: "\t\"\x00" → the \x00 escape is at col 7 + 1 + 4 = 12.
    expect(only(BASE.replace("name: Test", 'name: "\\t\\"\\x00"'))).toMatchObject({ code: "YAML_CONTROL_CHARACTER", params: { char: "U+0000 (NUL)" }, source: { line: 3, col: 12 } });
    expect(only(BASE.replace("name: Test", 'name: "ab\\u001B"'))).toMatchObject({ code: "YAML_CONTROL_CHARACTER", source: { line: 3, col: 10 } });
  });

  test("tab, LF and CR are ordinary", () => {
    expect(load(BASE.replace("name: Test", 'name: "Te\\tst"').replace(/\n/g, "\r\n")).ok).toBe(true);
  });
});

describe("rubric bytes must be UTF-8", () => {
  const good = Buffer.from(BASE, "utf8");
  test("UTF-8 with or without BOM decodes", () => {
    expect(decodeRubric(good).text).toBe(BASE);
    expect(decodeRubric(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good])).text).toBe(BASE);
  });

  test("one GBK byte: YAML_NOT_UTF8 naming the byte offset and its line:col (was decoded as GBK)", () => {
    // "name: 好" in GBK is B A 5 C; the bytes before it: "kaohe: 1\nid: t\nname: " = 9 + 6 + 6 = 21.
    const bytes = Buffer.concat([Buffer.from("kaohe: 1\nid: t\nname: "), Buffer.from([0xba, 0xc3]), Buffer.from("\n")]);
    const { issue } = decodeRubric(bytes, "r.yaml");
    expect(issue).toMatchObject({ code: "YAML_NOT_UTF8", params: { offset: 21, byte: "BA" }, source: { file: "r.yaml", line: 3, col: 7 } });
    expect(issue!.message).toBe("the file is not valid UTF-8: byte 0xBA at byte offset 21; save the rubric as UTF-8");
  });

  test("the offset counts the BOM and multi-byte characters before the bad byte", () => {
    // BOM (3) + "名: " (3 + 2) = 8.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("名: "), Buffer.from([0xff])]);
    expect(decodeRubric(bytes).issue).toMatchObject({ params: { offset: 8, byte: "FF" }, source: { line: 1, col: 4 } });
  });

  test("a UTF-16 file is refused at offset 0", () => {
    const bytes = Buffer.from(`\ufeff${BASE}`, "utf16le");
    expect(decodeRubric(bytes).issue).toMatchObject({ code: "YAML_NOT_UTF8", params: { offset: 0, byte: "FF", hint: "the file starts with a UTF-16 byte-order mark" } });
  });

  test("firstInvalidUtf8 skips a real U+FFFD and finds truncated sequences", () => {
    expect(firstInvalidUtf8(Buffer.from("a\ufffdb"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.concat([Buffer.from("a\ufffd"), Buffer.from([0xe4, 0xb8])]))).toBe(4); // 1 + 3
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong NUL
  });
});

describe("text length (maxLength, default 4 MiB of characters)", () => {
  test("the default is 4,194,304 characters", () => {
    expect(DEFAULT_MAX_LENGTH).toBe(4 * 1024 * 1024);
  });

  test("a text exactly at the limit is parsed; one character more is YAML_TOO_LARGE at that character", () => {
    // BASE is a valid rubric; a trailing comment pads it to the length wanted.
    const padded = (length: number) => `${BASE}#${"x".repeat(length - BASE.length - 1)}`;
    expect(safeLoadRubric(padded(BASE.length + 10), { file: "t.yaml", maxLength: BASE.length + 10 }).ok).toBe(true);
    const text = padded(BASE.length + 11);
    const r = safeLoadRubric(text, { file: "t.yaml", maxLength: BASE.length + 10 });
    const issues = r.ok ? [] : r.issues;
    // The first character past the limit is the 11th "x" of the comment on the last line.
    expect(issues.map((i) => [i.code, i.params.limit, i.params.length, i.source])).toEqual([
      ["YAML_TOO_LARGE", BASE.length + 10, BASE.length + 11, { file: "t.yaml", line: NEXT, col: 11 }],
    ]);
  });

  test("a 50 MB text held in one string is refused before any parsing", () => {
    const text = `${BASE}x-blob: "${"a".repeat(50 * 1024 * 1024)}"\n`;
    const r = safeLoadRubric(text);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["YAML_TOO_LARGE"]);
  });

  test("a bad maxLength is API_BAD_ARGUMENT", () => {
    const r = safeLoadRubric(BASE, { maxLength: 0 });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.argument])).toEqual([["API_BAD_ARGUMENT", "options.maxLength"]]);
  });
});

describe("duplicate keys", () => {
  test("YAML_DUPLICATE_KEY names the key given twice (yaml's message does not), at the second one", () => {
    // BASE line 3 is `name: Test`; a second `name:` appended on line 15 col 1.
    const issue = only(`${BASE}name: Again\n`);
    expect(issue).toMatchObject({ code: "YAML_DUPLICATE_KEY", params: { key: "name" }, source: { line: NEXT, col: 1 } });
    expect(issue.message).toBe('duplicate key "name" in the same mapping');
    // In a flow mapping: `x-m: { a: 1, a: 2 }` — the second a is col 14.
    expect(only(`${BASE}x-m: { a: 1, a: 2 }\n`)).toMatchObject({ params: { key: "a" }, source: { line: NEXT, col: 14 } });
  });
});

describe("keys that are lists or mappings", () => {
  test("`[a]: 1` is YAML_SYNTAX at the key, and yaml's process.emitWarning is never called in the host", () => {
    const emit = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      // BASE ends at line 14; the appended keys are lines 15 and 16, col 1; an aliased list key at line 18 col 1.
      const r = load(`${BASE}[a]: 1\n{b: 1}: 2\nx-l: &l [c]\n*l : 3\n`);
      expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.yamlCode, i.source?.line, i.source?.col])).toEqual([
        ["YAML_SYNTAX", "COLLECTION_KEY", NEXT, 1],
        ["YAML_SYNTAX", "COLLECTION_KEY", NEXT + 1, 1],
        ["YAML_SYNTAX", "COLLECTION_KEY", NEXT + 3, 1],
      ]);
      expect(emit).not.toHaveBeenCalled();
    } finally {
      emit.mockRestore();
    }
    // An alias of a plain value is an ordinary key.
    expect(load(`${BASE}x-k: &k x-key\n*k : 1\n`).ok).toBe(true);
  });
});
