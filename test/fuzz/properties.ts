/**
 * Fuzz properties shared by the suite (test/fuzz/fuzz.test.ts, ~20k runs) and the long run
 * (scripts/fuzz.ts, `npm run fuzz`, 1 M runs): random YAML-ish text, random rubric objects
 * (serialised to YAML), random subject data and random arguments go into every `safe*`
 * function exported from src/index.ts. Each run must
 *   - not throw (a safe function returns { ok: false, issues } for any input), and
 *   - leave the host's built-ins unchanged: own property names and descriptors of
 *     Object.prototype and its methods, Object, Array.prototype, Function.prototype,
 *     String.prototype, Number.prototype (see guard.ts; a change is undone after the run).
 *
 * KNOWN_UNTIL_FIXED lists failures already reported and being fixed elsewhere. A failing run
 * is let through (counted, not asserted) only when BOTH the failure is that bug's symptom AND
 * its input carries that bug's trigger; anything else fails the property. It is empty now:
 * every issue 8 bug it held is fixed on main.
 */
import fc from "fast-check";
import { stringify } from "yaml";
import { readFileSync } from "node:fs";
import {
  loadRubric,
  loadRubricSet,
  safeAssess,
  safeDiffAssessments,
  safeDiffRubrics,
  safeLinkRubrics,
  safeLoadRubric,
  safeLoadRubricSet,
  safeLoadTestCases,
  safeTestCoverage,
  type CompiledRubric,
  type RubricSet,
  type SubjectData,
} from "../../src/index.js";
import { guardHost } from "./guard.js";

// ------------------------------------------------------------------ what a run reports

export interface Failure {
  /** What was thrown, if anything. */
  readonly thrown?: unknown;
  /** Changes to the host's built-ins (already undone). */
  readonly pollution: readonly string[];
}

/** Run `call` under the host guard; undefined when it neither threw nor polluted. */
export function observe(call: () => unknown): Failure | undefined {
  const guard = guardHost();
  let thrown: unknown;
  let threw = false;
  try {
    call();
  } catch (e) {
    threw = true;
    thrown = e;
  }
  const pollution = guard.changes();
  guard.restore();
  return threw || pollution.length ? { ...(threw ? { thrown } : {}), pollution } : undefined;
}

export function describeFailure(f: Failure): string {
  const parts: string[] = [];
  if ("thrown" in f) parts.push(`threw ${f.thrown instanceof Error ? `${f.thrown.constructor.name}: ${f.thrown.message.split("\n")[0]}` : String(f.thrown)}`);
  if (f.pollution.length) parts.push(`changed the host: ${f.pollution.join(", ")}`);
  return parts.join("; ");
}

// ------------------------------------------------------------------ KNOWN_UNTIL_FIXED

/** One failure issue 8 reports and another branch fixes: its trigger in the input and its symptom. */
export interface KnownBug {
  readonly id: string;
  /** The issue 8 sentence it comes from. */
  readonly issue: string;
  readonly matches: (input: FuzzInput, failure: Failure) => boolean;
}

/** What a property fed to the safe functions. */
export type FuzzInput =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "data"; readonly rows: unknown }
  | { readonly kind: "args"; readonly fn: string; readonly args: readonly unknown[] };

/**
 * Empty: every bug issue 8 listed is fixed on main (safe functions never throw, YAML aliases,
 * merges, depth, ancestor ids, BigInt/cyclic/null-prototype values, record fields, deep data,
 * prototype-named groups), so every failure fails the property. Add an entry only for a bug
 * reported elsewhere and being fixed, with its trigger and its symptom both matched.
 */
export const KNOWN_UNTIL_FIXED: readonly KnownBug[] = [];

/** Which known bug a failure is, if any. */
export function knownBug(input: FuzzInput, failure: Failure): KnownBug | undefined {
  return KNOWN_UNTIL_FIXED.find((k) => k.matches(input, failure));
}

// ------------------------------------------------------------------ fixtures

const CORPUS = new URL("../corpus/data/rubrics/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, CORPUS), "utf8");
export const BASIC_TEXT = fixture("basic.yaml");
/** Small rubrics the text property edits (small, so that a run costs about a millisecond). */
export const MINI_TEXTS = [
  `kaohe: 1
id: t
name: 考核
year: 2024
version: "1"
inputs:
  v: { type: boolean, default: false }
grades:
  - { id: A, min: 90 }
  - { id: B }
scoring:
  combine: weighted
  children:
    - { id: x, kind: input, max: 100, weight: 60% }
    - { id: y, kind: levels, max: 100, weight: 40%, levels: { 好: 100, 差: 0 } }
rules:
  - { id: r, kind: downgrade, when: input.v, reason: 违规 }
quotas:
  - { id: q, grade: A, share: 50% }
`,
  `kaohe: 1
id: n
name: 嵌套
year: 2024
version: "1"
x-base: &base { kind: input, max: 10 }
grades:
  - { id: A, min: 30 }
  - { id: B }
scoring:
  children:
    - { id: p, kind: panel, max: 10, trim: { above: 3 } }
    - { id: v, kind: votes, max: 10, coefficients: { 好: 1, 差: 0 } }
    - { <<: *base, id: i }
    - id: d
      kind: deduct
      max: 10
      deductions: [ { id: e, records: cases, points: 1 } ]
`,
];
const basic: CompiledRubric = loadRubric(BASIC_TEXT, { file: "basic.yaml" });
const nested: CompiledRubric = loadRubric(fixture("nested.yaml"), { file: "nested.yaml" });
const linkedSet: RubricSet = loadRubricSet([
  { file: "linked-source.yaml", text: fixture("linked-source.yaml") },
  { file: "linked-target.yaml", text: fixture("linked-target.yaml") },
]);
const quotaHeld: CompiledRubric = loadRubric(fixture("quota-held.yaml"), { file: "quota-held.yaml" });
const TARGETS: readonly (CompiledRubric | RubricSet)[] = [basic, nested, linkedSet, quotaHeld];

// ------------------------------------------------------------------ arbitraries

/** Object with own keys exactly as given (a key "__proto__" stays an own key). */
const own = (entries: readonly (readonly [string, unknown])[]): Record<string, unknown> => Object.fromEntries(entries);

const NAMES = ["x", "a", "b", "g", "total", "__proto__", "constructor", "toString", "prototype", "self", "held", "rate", "leaders", "monthly", "votes", "cases", "好", "考核", ""];
const name = fc.constantFrom(...NAMES);
const ID = fc.oneof(name, fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/), fc.string({ maxLength: 6 }));
const NUMBER_TEXT = fc.constantFrom("0", "-5", "100", "1e2", "0x5A", "95.55", "150%", "-10%", "50%", "1/3", "3/2", "Infinity", "NaN", "９５", "95分", " 95 ", "", "0.1", "1", "12");
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }),
  NUMBER_TEXT,
  name,
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
);
/** Values a rubric key or a data cell may hold: scalars, small lists and mappings (with __proto__ keys), occasionally very deep. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.array(tie("v"), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.array(fc.tuple(name, tie("v")), { maxLength: 4 }).map(own), weight: 1 },
  ),
})).v;
const deepList = fc.integer({ min: 1, max: 2500 }).map((n) => {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
});
const exotic = fc.oneof(
  fc.constant(undefined),
  fc.bigInt({ min: -10n, max: 10n }),
  fc.constant(Object.create(null) as object),
  deepList,
  fc.constant(Buffer.from("id: x")),
  fc.constant([, 1] as unknown[]),
);

// --- 1. YAML-ish text

const YAML_TOKENS = [
  "kaohe: 1\n", "id: t\n", "name: 考核\n", "year: 2024\n", 'version: "1"\n', "grades:\n", "  - { id: A, min: 90 }\n", "  - { id: B }\n",
  "scoring:\n", "  children:\n", "    - { id: x, kind: input, max: 100 }\n", "    - ", "  ", "\t", "\n", "- ", ": ", ", ", "{", "}", "[", "]", "'", '"',
  "#", "&a ", "*a", "*nope", "<<: *a\n", "<<: ", "!evil ", "!!str ", "!!binary ", "---\n", "...\n", "%YAML 1.2\n", "?", "|\n", ">\n", "\\", "\u0000", "\u0007",
  "\ufeff", "__proto__: 1\n", "x-a: &a { kind: input, max: 1 }\n", "rules:\n", "  - { id: r, kind: veto, when: input.v, reason: r }\n", "quotas:\n",
  "  - { id: q, grade: A, share: 150% }\n", "weight: 60%", "total", "combine: weighted\n", "100", "-5", "0.1", "好", "，", "：",
];
const tokenSoup = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 }).map((t) => t.join(""));
/** A valid rubric text with a few random edits: insert a token, delete a span, duplicate or swap lines. */
const editedRubric = fc
  .tuple(
    fc.constantFrom(...MINI_TEXTS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...YAML_TOKENS), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 4 }),
  )
  .map(([base, edits]) => {
    let text = base;
    for (const [pos, len, token, op] of edits) {
      const at = pos % (text.length + 1);
      if (op === 0) text = text.slice(0, at) + token + text.slice(at);
      else if (op === 1) text = text.slice(0, at) + text.slice(at + len);
      else {
        const lines = text.split("\n");
        const li = pos % lines.length;
        if (op === 2) lines.splice(li, 0, lines[li]!);
        else [lines[li], lines[(li + 1) % lines.length]] = [lines[(li + 1) % lines.length]!, lines[li]!];
        text = lines.join("\n");
      }
    }
    return text;
  });
const deepText = fc
  .tuple(fc.integer({ min: 50, max: 1500 }), fc.constantFrom("[", "{a: ", "- "), fc.boolean())
  .map(([n, open, first]) => {
    const deep = `x-deep: ${open === "- " ? "\n  " : ""}${open.repeat(n)}1${open === "[" ? "]".repeat(n) : open === "{a: " ? "}".repeat(n) : ""}\n`;
    return first ? deep + MINI_TEXTS[0] : MINI_TEXTS[0] + deep;
  });
export const yamlText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: editedRubric, weight: 30 },
  { arbitrary: tokenSoup, weight: 15 },
  { arbitrary: fc.string({ maxLength: 60, unit: "binary" }), weight: 5 },
  { arbitrary: deepText, weight: 1 },
);

// --- 2. rubric objects

const KINDS = ["input", "yesno", "levels", "deduct", "bonus", "ratio", "scale", "bands", "rank", "panel", "votes", "periods", "carry", "linked", "group", "deductt", ""];
const FACTS = ["total", "grade", "rawGrade", "rank", "groupRank", "group", "zeroItems", "input.v", "input.x", "score.x", "ratio.g", "rubric.t.grade", "rubric.other.score", "totl", "input", "__proto__"];
const OPS = ["is", "eq", "ne", "in", "notIn", "lt", "lte", "gt", "gte", "between", "worseThan", "betterThan", "atLeast", "atMost", "top", "bottom", "foo"];
const condition: fc.Arbitrary<unknown> = fc.letrec<{ c: unknown }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(...FACTS),
    fc.tuple(fc.constantFrom(...FACTS), fc.constantFrom(...OPS), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))).map(([fact, op, v]) => own([["fact", fact], [op, v]])),
    fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie("c").map((not) => ({ not })),
  ),
})).c;
const EXTRA_KEYS = ["weight", "levels", "yes", "no", "base", "floor", "cap", "normalizeTo", "limit", "deductions", "additions", "points", "bands", "unit", "target", "count", "coefficients", "trim", "groups", "share", "rubric", "scaleFrom", "input", "only", "round", "label", "colour", "__proto__"];
const entry = fc.record({ id: ID, points: fc.oneof(scalar, value), when: fc.option(condition, { nil: undefined }), per: fc.option(name, { nil: undefined }) }, { requiredKeys: ["id"] });
/** Mostly the plausible value, sometimes anything: keeps enough rubrics valid to reach compile and scoring. */
function mostly<T, U>(plausible: fc.Arbitrary<T>, other: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: plausible, weight: 9 }, { arbitrary: other, weight: 1 });
}
const plainItem = fc
  .tuple(fc.constantFrom("a", "b", "x", "total", "g", "__proto__", "constructor"), fc.constantFrom("input", "yesno", "panel"), fc.integer({ min: 0, max: 100 }))
  .map(([id, kind, max]) => ({ id, kind, max }));
const node: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: plainItem },
    {
      weight: 2,
      arbitrary: fc
        .tuple(ID, fc.constantFrom(...KINDS), fc.oneof(fc.integer({ min: -10, max: 200 }), scalar), fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(value, condition, fc.array(entry, { maxLength: 2 }))), { maxLength: 3 }))
        .map(([id, kind, max, extras]) => own([["id", id], ["kind", kind], ["max", max], ...extras])),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(ID, fc.array(tie("node"), { minLength: 0, maxLength: 4 }), fc.constantFrom(undefined, "sum", "weighted", "mean", "max", "min", "avg"))
        .map(([id, children, combine]) => own([["id", id], ["children", children], ...(combine ? [["combine", combine] as const] : [])])),
    },
  ),
})).node;
const grade = fc.record({ id: ID, min: fc.option(fc.oneof(fc.integer({ min: -10, max: 110 }), scalar), { nil: undefined }), max: fc.option(scalar, { nil: undefined }), requires: fc.option(condition, { nil: undefined }) }, { requiredKeys: ["id"] });
const ruleObject = fc.record({ id: ID, kind: fc.constantFrom("veto", "downgrade", "cap", "exclude", "quota"), when: condition, reason: fc.constantFrom("r", "", "违规"), grade: fc.option(ID, { nil: undefined }), levels: fc.option(scalar, { nil: undefined }) }, { requiredKeys: ["id", "kind", "when", "reason"] });
const quota = fc.record({ id: ID, grade: ID, share: fc.option(fc.oneof(NUMBER_TEXT, scalar), { nil: undefined }), count: fc.option(scalar, { nil: undefined }), scope: fc.option(fc.constantFrom("all", "group", "x"), { nil: undefined }) }, { requiredKeys: ["id", "grade"] });
const inputDecl = fc.tuple(name, fc.record({ type: fc.constantFrom("number", "count", "ratio", "boolean", "choice", "grade", "text", "rank", "scores", "votes", "series", "records", "numbr"), min: fc.option(scalar, { nil: undefined }), max: fc.option(scalar, { nil: undefined }), values: fc.option(fc.array(name, { maxLength: 3 }), { nil: undefined }), default: fc.option(scalar, { nil: undefined }) }, { requiredKeys: ["type"] }));
const withoutUndefined = (o: Record<string, unknown>) => own(Object.entries(o).filter(([, v]) => v !== undefined));
const wildRubric: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      kaohe: mostly(fc.constant(1), scalar),
      id: mostly(fc.constantFrom("t", "total", "r-1"), ID),
      name: mostly(fc.constant("考核"), scalar),
      year: mostly(fc.constant(2024), scalar),
      version: mostly(fc.constant("1"), scalar),
      inputs: fc.option(fc.array(inputDecl, { maxLength: 3 }).map((e) => own(e.map(([k, v]) => [k, withoutUndefined(v)]))), { nil: undefined }),
      grades: mostly(fc.constant([{ id: "A", min: 90 }, { id: "B", min: 60 }, { id: "C" }]), fc.array(grade.map(withoutUndefined), { maxLength: 4 })),
      scoring: fc.tuple(fc.array(node, { minLength: 1, maxLength: 4 }), fc.constantFrom(undefined, "weighted", "sum"), fc.option(ID, { nil: undefined })).map(([children, combine, id]) =>
        own([["children", children], ...(combine ? [["combine", combine] as const] : []), ...(id !== undefined ? [["id", id] as const] : [])]),
      ),
      rules: fc.option(fc.array(ruleObject.map(withoutUndefined), { maxLength: 3 }), { nil: undefined }),
      quotas: fc.option(fc.array(quota.map(withoutUndefined), { maxLength: 2 }), { nil: undefined }),
      extra: fc.option(fc.tuple(fc.constantFrom("policy", "rounding", "ranking", "actions", "tiers", "feedback", "tests", "rulez", "x-a", "__proto__"), value), { nil: undefined }),
    },
    { requiredKeys: ["kaohe", "id", "name", "year", "version", "grades", "scoring"] },
  )
  .map(({ extra, ...rest }) => withoutUndefined({ ...rest, ...(extra ? own([extra]) : {}) }));


/** A valid skeleton (plain items and groups, rules and quotas that mostly compile) with at most two random keys set somewhere: reaches compile and scoring. */
const plainNode: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: plainItem },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("g", "h", "total", "x"), fc.array(plainItem, { minLength: 1, maxLength: 3 })).map(([id, children]) => ({ id, children })) },
);
const COMPARISONS: readonly (readonly [string, string, unknown])[] = [
  ["total", "lt", 60], ["total", "gte", 95], ["rank", "top", 1], ["rank", "top", "10%"], ["groupRank", "bottom", 1], ["grade", "eq", "B"],
  ["grade", "worseThan", "A"], ["score.a", "lt", 10], ["ratio.g", "lt", 0.5], ["group", "eq", "g1"], ["group", "in", ["__proto__", "constructor"]], ["zeroItems", "gte", 1],
];
const plainRule = fc
  .tuple(fc.constantFrom("veto", "downgrade", "cap", "exclude"), fc.constantFrom(...COMPARISONS))
  .map(([kind, [fact, op, v]]) => own([["kind", kind], ["when", own([["fact", fact], [op, v]])], ["reason", "r"], ...(kind === "cap" ? [["grade", "B"] as const] : [])]));
const MUTATION_PATHS = ["", "scoring", "scoring.children.0", "grades.0", "rules.0", "quotas.0"];
const nearValidRubric: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    children: fc.array(plainNode, { minLength: 1, maxLength: 4 }),
    combine: fc.constantFrom(undefined, "sum", "mean", "max", "min"),
    rules: fc.array(plainRule, { maxLength: 2 }).map((rs) => rs.map((r, i) => ({ id: `r${i}`, ...r }))),
    quotas: fc.array(fc.record({ id: fc.constantFrom("q1", "q2"), grade: fc.constantFrom("A", "B", "Z"), share: fc.constantFrom("50%", "1/3", "150%", 0.2) }), { maxLength: 2 }),
    mutations: fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.constantFrom(...MUTATION_PATHS), fc.constantFrom(...EXTRA_KEYS, "id", "max", "min", "kind", "children", "when", "grade", "share"), fc.oneof(value, condition)), { minLength: 1, maxLength: 2 })),
  })
  .map(({ children, combine, rules, quotas, mutations }) => {
    const rubric: Record<string, unknown> = {
      kaohe: 1,
      id: "t",
      name: "考核",
      year: 2024,
      version: "1",
      grades: [{ id: "A", min: 90 }, { id: "B", min: 60 }, { id: "C" }],
      scoring: own([["children", children], ...(combine ? [["combine", combine] as const] : [])]),
      ...(rules.length ? { rules } : {}),
      ...(quotas.length ? { quotas } : {}),
    };
    for (const [path, key, v] of mutations) {
      let target: unknown = rubric;
      for (const part of path ? path.split(".") : []) target = target && typeof target === "object" ? (target as Record<string, unknown>)[part] : undefined;
      if (target && typeof target === "object") Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return rubric;
  });
export const rubricObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(nearValidRubric, wildRubric);

// --- 3. subject data

const FIELDS = ["self", "自评", "held", "rate", "violation", "domain", "remark", "last", "leaders", "leaders.r1", "leaders.r2", "monthly", "monthly.1", "monthly.12", "monthly.13", "monthly.0", "votes", "votes.好", "votes.差", "votes.__proto__", "cases", "attended", "members", "flagged", "name", "group", "__proto__", "constructor", "toString", "prototype", "junk"];
const GROUPS = ["g1", "g2", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "", " g1 "];
const cell = fc.oneof(
  { arbitrary: value, weight: 8 },
  { arbitrary: fc.array(fc.integer({ min: -5, max: 50 }), { maxLength: 13 }), weight: 2 },
  { arbitrary: fc.record({ 好: fc.integer({ min: -1, max: 9 }), 较好: fc.integer({ min: 0, max: 9 }), 一般: fc.nat(9), 差: fc.nat(9) }), weight: 1 },
  { arbitrary: fc.array(fc.record({ level: fc.constantFrom("minor", "major", "x"), people: fc.integer({ min: -1, max: 3 }) }), { maxLength: 3 }), weight: 1 },
  { arbitrary: exotic, weight: 1 },
);
const subjectRow = fc
  .tuple(fc.oneof(fc.constantFrom("u1", "u2", "u3", " u1 ", "", "__proto__"), fc.integer({ min: 0, max: 3 }), value), fc.option(fc.constantFrom(...GROUPS), { nil: undefined }), fc.array(fc.tuple(fc.constantFrom(...FIELDS), cell), { maxLength: 8 }))
  .map(([id, group, fields]) => own([["id", id], ...(group !== undefined ? [["group", group] as const] : []), ...fields]));
/** Valid rows for each target (basic, nested, the linked set, quota-held), so that batches reach scoring, ranking, quotas and summaries. */
const score = (max: number, places = 1) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => (n / 10 ** places).toFixed(places));
const VALID_ROW: readonly fc.Arbitrary<Record<string, unknown>>[] = [
  fc.record({ self: score(100), held: fc.integer({ min: 0, max: 12 }), rate: fc.constantFrom("0.5", "96.85%", 1, 0), violation: fc.constantFrom("是", "否", true) }),
  fc.record({
    leaders: fc.array(score(40), { minLength: 1, maxLength: 5 }),
    monthly: fc.array(score(30), { minLength: 12, maxLength: 12 }),
    votes: fc.record({ 好: fc.nat(9), 较好: fc.nat(9), 一般: fc.nat(9), 差: fc.nat(9) }).map((v) => ({ ...v, 好: v.好 + 1 })),
    cases: fc.array(fc.record({ level: fc.constantFrom("minor", "major"), people: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
  }),
  fc.record({ self: score(50) }),
  fc.record({ self: score(100), flagged: fc.boolean() }),
];
const validBatch = fc.nat(TARGETS.length - 1).chain((target) =>
  fc.record({
    target: fc.constant(target),
    rows: fc
      .array(fc.tuple(VALID_ROW[target]!, fc.option(fc.constantFrom(...GROUPS), { nil: undefined }), fc.array(fc.tuple(fc.constantFrom(...FIELDS), cell), { maxLength: 1 })), { maxLength: 6 })
      .map((rows) => rows.map(([r, group, extra], i) => own([["id", `u${i + 1}`], ...(group !== undefined ? [["group", group] as const] : []), ...Object.entries(r), ...extra]))) as fc.Arbitrary<SubjectData[]>,
  }),
);
export const subjectBatch: fc.Arbitrary<{ target: number; rows: SubjectData[] }> = fc.oneof(
  validBatch,
  fc.record({ target: fc.nat(TARGETS.length - 1), rows: fc.array(subjectRow, { maxLength: 6 }) as fc.Arbitrary<SubjectData[]> }),
);

// --- 4. arguments of any type

const anyArg = fc.oneof({ arbitrary: fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true }), weight: 4 }, { arbitrary: exotic, weight: 1 });
export const apiCall: fc.Arbitrary<{ fn: string; args: unknown[] }> = fc.oneof(
  fc.tuple(anyArg, anyArg).map((args) => ({ fn: "safeLoadRubric", args })),
  fc.tuple(anyArg, anyArg).map((args) => ({ fn: "safeLoadTestCases", args })),
  fc.oneof(anyArg, fc.array(anyArg, { maxLength: 3 }), fc.array(fc.record({ text: anyArg, file: anyArg }), { maxLength: 2 })).map((a) => ({ fn: "safeLoadRubricSet", args: [a] })),
  fc.oneof(anyArg, fc.array(fc.oneof(anyArg, fc.constantFrom(basic, nested, quotaHeld)), { maxLength: 3 })).map((a) => ({ fn: "safeLinkRubrics", args: [a] })),
  fc.tuple(fc.oneof(fc.constantFrom(...TARGETS), anyArg), fc.oneof(anyArg, fc.array(anyArg, { maxLength: 3 })), fc.oneof(fc.constant(undefined), anyArg)).map((args) => ({ fn: "safeAssess", args })),
  fc.tuple(fc.oneof(anyArg, fc.record({ text: anyArg, file: anyArg })), fc.oneof(anyArg, fc.record({ text: fc.oneof(anyArg, fc.string()) }))).map((args) => ({ fn: "safeDiffRubrics", args })),
  fc
    .tuple(
      fc.oneof(anyArg, fc.record({ units: fc.array(anyArg, { maxLength: 3 }), grades: fc.constant([]), rubric: fc.constant({}), summary: fc.constant({ distribution: {} }), gradeLabels: fc.constant({}) })),
      anyArg,
    )
    .map((args) => ({ fn: "safeDiffAssessments", args })),
  fc.tuple(fc.oneof(fc.constantFrom(...TARGETS), anyArg), fc.oneof(anyArg, fc.array(fc.oneof(anyArg, fc.record({ case: anyArg })), { maxLength: 3 }))).map((args) => ({ fn: "safeTestCoverage", args })),
);

// ------------------------------------------------------------------ the properties

const SAFE: Record<string, (...args: never[]) => unknown> = { safeLoadRubric, safeLoadTestCases, safeLoadRubricSet, safeLinkRubrics, safeAssess, safeDiffRubrics, safeDiffAssessments, safeTestCoverage };

export interface Property<T> {
  readonly name: string;
  /** Share of the total runs: loading a rubric costs 1–3 ms, scoring a small batch a tenth of that, so text and rubric objects get fewer runs. */
  readonly share: number;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Feed one input to the safe functions; the first failure, with what was fed. */
  readonly run: (value: T) => { input: FuzzInput; failure: Failure } | undefined;
}

function first(input: FuzzInput, calls: readonly (() => unknown)[]): { input: FuzzInput; failure: Failure } | undefined {
  for (const call of calls) {
    const failure = observe(call);
    if (failure) return { input, failure };
  }
  return undefined;
}

export const PROPERTIES: readonly Property<never>[] = [
  {
    name: "YAML-ish text → safeLoadRubric, safeLoadRubricSet, safeLoadTestCases",
    share: 0.08,
    arbitrary: fc.tuple(yamlText, fc.nat(5)),
    run: ([text, which]: [string, number]) => {
      const input: FuzzInput = { kind: "text", text };
      // One function per run (a load costs about a millisecond): mostly safeLoadRubric.
      if (which === 4) return first(input, [() => safeLoadRubricSet([{ text, file: "fuzz.yaml" }, { text: MINI_TEXTS[0]!, file: "mini.yaml" }])]);
      if (which === 5) return first(input, [() => safeLoadTestCases(text, { file: "tests.yaml" })]);
      return first(input, [() => safeLoadRubric(text, { file: "fuzz.yaml" })]);
    },
  },
  {
    name: "random rubric objects (as YAML) → safeLoadRubric, then safeAssess",
    share: 0.04,
    arbitrary: rubricObject,
    run: (obj: Record<string, unknown>) => {
      const text = stringify(obj, { aliasDuplicateObjects: false });
      const input: FuzzInput = { kind: "text", text };
      let loaded: ReturnType<typeof safeLoadRubric> | undefined;
      const failure = observe(() => (loaded = safeLoadRubric(text, { file: "fuzz.yaml" })));
      if (failure) return { input, failure };
      if (!loaded?.ok) return undefined;
      const rubric = loaded.value;
      return first(input, [() => safeAssess(rubric, [{ id: "u1", x: 1 }, { id: "u2" }])]);
    },
  },
  {
    name: "random subject data → safeAssess",
    share: 0.54,
    arbitrary: subjectBatch,
    run: ({ target, rows }: { target: number; rows: SubjectData[] }) => first({ kind: "data", rows }, [() => safeAssess(TARGETS[target]!, rows)]),
  },
  {
    name: "arguments of any type → every safe* function",
    share: 0.34,
    arbitrary: apiCall,
    run: ({ fn, args }: { fn: string; args: unknown[] }) => first({ kind: "args", fn, args }, [() => SAFE[fn]!(...(args as never[]))]),
  },
] as unknown as readonly Property<never>[];

/** Every safe* export of src/index.ts, so a new one cannot be added without being fuzzed. */
export const FUZZED_SAFE_FUNCTIONS = Object.keys(SAFE).sort();
