/**
 * The streamed score document (src/io/json-write.ts): byte for byte what one
 * JSON.stringify(document, null, 2) gives, in chunks; and NDJSON, one object a line.
 */
import { describe, expect, test } from "vitest";
import { objectKeyOrder, writeScoreJson, writeScoreNdjson, type DocumentShape, type ScoreEntry } from "../../src/io/json-write.js";
import { buildFeedback } from "../../src/report/feedback.js";
import { assess, loadRubric, loadRubricSet } from "../../src/index.js";
import { findScheme, readData, readRubricTexts } from "../../src/cli/load.js";
import { bundledSchemes, schemeName } from "../equivalence/corpus.js";
import type { RubricResult, SubjectResult } from "../../src/report/result.js";
import { smallRubric } from "../cli/harness.js";

const RUBRIC = smallRubric();

/** The document as scoreDocument built it before streaming: the reference. */
function reference(entries: readonly ScoreEntry[], shape: DocumentShape): string {
  const doc = {
    results: entries.map(({ result, feedback }) => ({
      rubric: { id: result.rubric.id, version: result.rubric.version, name: result.rubric.name, year: result.rubric.year },
      grades: result.grades,
      gradeLabels: result.gradeLabels,
      units: shape.nodes ? result.units : result.units.map(({ nodes: _n, ...rest }) => rest),
      summary: result.summary,
      ...(shape.feedback === "none"
        ? {}
        : {
            feedback: {
              common: feedback!.common,
              ...(shape.feedback === "full"
                ? { subjects: Object.fromEntries(result.units.map((u) => [u.id, (({ id: _id, ...rest }) => rest)(feedback!.subjects.find((f) => f.id === u.id)!)])) }
                : {}),
            },
          }),
      ...(result.warnings.length ? { warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })) } : {}),
    })),
  };
  return JSON.stringify(doc, null, 2);
}

function streamed(entries: readonly ScoreEntry[], shape: DocumentShape, writer = writeScoreJson): { text: string; chunks: number } {
  const parts: Uint8Array[] = [];
  writer(entries, shape, (c) => parts.push(c));
  return { text: Buffer.concat(parts).toString("utf8"), chunks: parts.length };
}

function scored(rows: Record<string, unknown>[]): ScoreEntry[] {
  const rubric = loadRubric(RUBRIC);
  const result = assess(rubric, rows).results[0]!;
  return [{ rubric, result, feedback: buildFeedback(rubric, result) }];
}

// Ids that an object lists out of insertion order: "10" and "2" are array indices, so they come first, ascending.
const ROWS = [
  { id: "b", name: "乙", a: 40, b: 45 },
  { id: "10", a: 30, b: 30 },
  { id: "2", a: 50, b: 20 },
  { id: "__proto__", a: 1, b: 2 },
  { id: "a\nb\"c", a: 25, b: 25 },
];

describe("writeScoreJson", () => {
  const shapes: DocumentShape[] = [
    { nodes: true, feedback: "full" },
    { nodes: false, feedback: "summary" },
    { nodes: false, feedback: "none" },
    { nodes: true, feedback: "none" },
    { nodes: false, feedback: "full" },
  ];
  test.each(shapes.map((s) => [`nodes ${s.nodes}, feedback ${s.feedback}`, s] as const))("%s: the bytes of JSON.stringify(document, null, 2)", (_name, shape) => {
    const entries = scored(ROWS);
    expect(streamed(entries, shape).text).toBe(reference(entries, shape));
  });

  test("feedback.subjects lists index-like ids first, ascending, as an object would (10 after 2)", () => {
    const text = streamed(scored(ROWS), { nodes: false, feedback: "full" }).text;
    const keys = Object.keys(JSON.parse(text).results[0].feedback.subjects);
    expect(keys.slice(0, 2)).toEqual(["2", "10"]);
    expect(keys.slice(2).sort()).toEqual(["__proto__", "a\nb\"c", "b"]);
  });

  test("empty lists and a set of two rubrics keep the layout", () => {
    const [one] = scored(ROWS.slice(0, 1));
    const empty: ScoreEntry = { ...one!, result: { ...one!.result, units: [] as SubjectResult[] } as RubricResult, feedback: { ...one!.feedback!, subjects: [], common: [] } };
    const entries = [empty, one!];
    for (const feedback of ["none", "summary", "full"] as const) expect(streamed(entries, { nodes: true, feedback }).text).toBe(reference(entries, { nodes: true, feedback }));
    expect(streamed([], { nodes: false, feedback: "summary" }).text).toBe('{\n  "results": []\n}');
  });

  test("warnings are listed by code and message", () => {
    const [one] = scored(ROWS);
    const warned = { ...one!, result: { ...one!.result, warnings: [{ code: "EVAL_QUOTA_HELD_BY_RULES", message: "m", severity: "warning" }] } as unknown as RubricResult };
    const text = streamed([warned], { nodes: false, feedback: "summary" }).text;
    expect(text).toBe(reference([warned], { nodes: false, feedback: "summary" }));
    expect(JSON.parse(text).results[0].warnings).toEqual([{ code: "EVAL_QUOTA_HELD_BY_RULES", message: "m" }]);
  });

  test("a large document comes in chunks of about 1 MB, never as one string", () => {
    const [one] = scored(ROWS.slice(0, 1));
    // 20,000 copies of one unit: each about 300 characters without nodes, so about 6 MB in all.
    const units = Array.from({ length: 20_000 }, (_, i) => ({ ...one!.result.units[0]!, id: `u${i}` }));
    const big: ScoreEntry = { ...one!, result: { ...one!.result, units } as RubricResult };
    const { text, chunks } = streamed([big], { nodes: false, feedback: "none" });
    expect(text).toBe(reference([big], { nodes: false, feedback: "none" }));
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(chunks).toBeGreaterThanOrEqual(5);
    expect(chunks).toBeLessThanOrEqual(Math.ceil(text.length / (1 << 20)) + 1);
  });

  test("a unit's nodes are not read when the shape leaves them out (a lazy trail stays uncomputed)", () => {
    const [one] = scored(ROWS.slice(0, 1));
    let reads = 0;
    const unit = { ...one!.result.units[0]! };
    Object.defineProperty(unit, "nodes", { enumerable: true, get: () => (reads++, []) });
    const entry = { ...one!, result: { ...one!.result, units: [unit] } as RubricResult };
    streamed([entry], { nodes: false, feedback: "none" });
    expect(reads).toBe(0);
    streamed([entry], { nodes: true, feedback: "none" });
    expect(reads).toBe(1);
  });
});

describe("units written from the result's tables", () => {
  // 600 subjects (more than one read-ahead block of 256): names and groups on some, a
  // subject excluded, one downgraded (an adjustment and a fired rule), one with a grade
  // note (none of these is a quiet unit, written from its fields), some moved by a quota
  // (an adjustment only: written from the tables), the rest quiet.
  const rows = Array.from({ length: 600 }, (_, i) => ({
    id: `S${String(i).padStart(4, "0")}`,
    ...(i % 3 === 0 ? { name: `党员${i}` } : {}),
    ...(i % 5 === 0 ? {} : { group: i % 2 ? "第一支部" : "__proto__" }),
    // Subjects 40 and 41 score 100 (good), so the downgrade moves them to poor.
    a: i === 40 || i === 41 ? 50 : (i * 37) % 51,
    b: i === 40 || i === 41 ? 50 : ((i * 7919) % 5001) / 100,
    skip: i === 17,
    bad: i === 40 || i === 41,
  }));
  const tail = (rounding: string) =>
    [
      rounding,
      "inputs:",
      "  skip: { type: boolean, default: false }",
      "  bad: { type: boolean, default: false }",
      "rules:",
      "  - { id: skip, kind: exclude, when: input.skip, reason: 不参加 }",
      "  - { id: bad, kind: downgrade, when: input.bad, reason: 降一档 }",
      // A quota's moves: units whose only other content is an adjustment (written from the tables too).
      "quotas:",
      "  - { id: few-good, grade: good, share: 5% }",
      "",
    ].join("\n");
  test.each([
    ["two places half-up (scores from the exact totals' digits)", "rounding: { places: 2, mode: half-up }"],
    ["no rounding (scores as the totals print)", ""],
  ])("%s: the same bytes as the units read and written from their fields, and as JSON.stringify", (_name, rounding) => {
    const rubric = loadRubric(smallRubric({ tail: tail(rounding) }));
    const fresh = () => assess(rubric, rows).results[0]!;
    const entry = (result: RubricResult): ScoreEntry => ({ rubric, result });
    for (const shape of [{ nodes: false, feedback: "none" }, { nodes: true, feedback: "none" }] as DocumentShape[]) {
      const fromTables = streamed([entry(fresh())], shape).text;
      const read = fresh();
      expect(read.units).toHaveLength(600); // read: written from the units' fields from now on
      expect(fromTables).toBe(streamed([entry(read)], shape).text);
      expect(fromTables).toBe(reference([entry(read)], shape));
      const lines = streamed([entry(fresh())], shape, writeScoreNdjson).text;
      expect(lines).toBe(streamed([entry(read)], shape, writeScoreNdjson).text);
    }
    const doc = JSON.parse(streamed([entry(fresh())], { nodes: false, feedback: "none" }).text).results[0];
    // The cases the fields path writes are there: an excluded unit, an adjustment.
    expect(doc.units.find((u: { id: string }) => u.id === "S0017").excluded).toBe(true);
    expect(doc.units.find((u: { id: string }) => u.id === "S0040").adjustments).toHaveLength(1);
    // Units moved by the quota alone: an adjustment and nothing else (no fired rule).
    const moved = doc.units.filter((u: { adjustments: { kind: string }[]; rules: unknown[] }) => u.adjustments.length === 1 && u.adjustments[0]!.kind === "quota" && u.rules.length === 0);
    expect(moved.length).toBeGreaterThan(10);
  });
});

describe("objectKeyOrder", () => {
  test("array-index keys first in numeric order, the rest in insertion order; 4294967295 and 01 are not indices", () => {
    expect(objectKeyOrder(["x", "10", "2", "01", "4294967295", "4294967294", "0"])).toEqual(["0", "2", "10", "4294967294", "x", "01", "4294967295"]);
    // What a real object does with the same keys: the reference.
    const o: Record<string, number> = {};
    for (const k of ["x", "10", "2", "01", "4294967295", "4294967294", "0"]) o[k] = 1;
    expect(objectKeyOrder(["x", "10", "2", "01", "4294967295", "4294967294", "0"])).toEqual(Object.keys(o));
  });
});

describe("writeScoreNdjson", () => {
  test("one line per unit (type unit, the rubric id, the unit's fields, its feedback), then the rubric's line", () => {
    const entries = scored(ROWS);
    const { text } = streamed(entries, { nodes: false, feedback: "full" }, writeScoreNdjson);
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(ROWS.length + 1);
    const result = entries[0]!.result;
    lines.slice(0, -1).forEach((line, i) => {
      const { nodes: _n, ...unit } = result.units[i]!;
      const { id: _id, ...fb } = entries[0]!.feedback!.subjects.find((f) => f.id === unit.id)!;
      expect(line).toEqual({ type: "unit", rubric: "small", ...unit, feedback: fb });
      expect(Object.keys(line).slice(0, 3)).toEqual(["type", "rubric", "id"]);
    });
    // 40 + 45 = 85 ≥ 80: good; the others are below.
    expect(lines[0]).toMatchObject({ id: "b", score: "85", grade: "good", rank: 1 });
    expect(lines.at(-1)).toEqual({
      type: "rubric",
      rubric: "small",
      version: "1",
      name: "小型测试",
      year: 2024,
      grades: ["good", "poor"],
      gradeLabels: { good: "好", poor: "差" },
      summary: JSON.parse(JSON.stringify(result.summary)),
      feedback: { common: JSON.parse(JSON.stringify(entries[0]!.feedback!.common)) },
    });
  });

  test("--feedback summary: no feedback on unit lines; none: none on the rubric line either; nodes only when asked", () => {
    const entries = scored(ROWS);
    const summary = streamed(entries, { nodes: false, feedback: "summary" }, writeScoreNdjson).text.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(summary[0]).not.toHaveProperty("feedback");
    expect(summary[0]).not.toHaveProperty("nodes");
    expect(summary.at(-1)).toHaveProperty("feedback");
    const none = streamed(entries, { nodes: true, feedback: "none" }, writeScoreNdjson).text.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(none.at(-1)).not.toHaveProperty("feedback");
    expect(none[0].nodes).toEqual(JSON.parse(JSON.stringify(entries[0]!.result.units[0]!.nodes)));
    expect(none[0].nodes.map((n: { id: string }) => n.id).slice(1)).toEqual(["a", "b"]);
  });
});

describe("a result whose units are not read yet is written unit by unit, the same bytes", () => {
  const shapes: DocumentShape[] = [
    { nodes: false, feedback: "none" },
    { nodes: true, feedback: "none" },
  ];
  // Every bundled scheme: names, groups, vetoes and exclusions, downgrades, quotas, actions, tiers, grade notes.
  test.each(bundledSchemes().map((f) => [schemeName(f), f]))("%s: JSON and NDJSON, with and without nodes", (_name, folder) => {
    const scheme = findScheme([folder]);
    const set = loadRubricSet(readRubricTexts(scheme.rubricFiles));
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    for (const shape of shapes) {
      const fresh = assess(set, rows).results.map((result, i) => ({ rubric: set.rubrics[i]!, result }));
      const json = streamed(fresh, shape).text;
      const ndjson = streamed(fresh, shape, writeScoreNdjson).text;
      // Written without building the units array.
      for (const e of fresh) expect(typeof Object.getOwnPropertyDescriptor(e.result, "units")!.get).toBe("function");
      const read = assess(set, rows).results.map((result, i) => ({ rubric: set.rubrics[i]!, result }));
      expect(json).toBe(reference(read, shape));
      const lines = read.flatMap((e) => e.result.units.map((u) => JSON.stringify({ type: "unit", rubric: e.result.rubric.id, ...(shape.nodes ? u : (({ nodes: _n, ...rest }) => rest)(u)) })));
      expect(ndjson.split("\n").filter((l) => l.startsWith('{"type":"unit"'))).toEqual(lines);
      // And the same bytes again once the units are read (the general path).
      expect(streamed(read, shape).text).toBe(json);
      expect(streamed(read, shape, writeScoreNdjson).text).toBe(ndjson);
    }
  });

  test("a unit with a key of the line's own (type) or an index key keeps JSON.stringify's layout in NDJSON", () => {
    const [one] = scored(ROWS.slice(0, 1));
    const base = one!.result.units[0]!;
    for (const extra of [{ type: "x" }, { 7: "seven" }, { feedback: 1 }, { rubric: "other" }]) {
      const unit = { ...base, ...extra } as SubjectResult;
      const entry = { ...one!, result: { ...one!.result, units: [unit] } as RubricResult };
      const line = streamed([entry], { nodes: false, feedback: "none" }, writeScoreNdjson).text.split("\n")[0];
      const { nodes: _n, ...rest } = unit;
      expect(line).toBe(JSON.stringify({ type: "unit", rubric: "small", ...rest }));
    }
  });

  test("values JSON.stringify writes its own way: undefined and functions left out, NaN as null, nested objects, escapes", () => {
    const [one] = scored(ROWS.slice(0, 1));
    const unit = { ...one!.result.units[0]!, name: 'a"b\\c\u0001\ud800', extra: undefined, f: () => 1, n: Number.NaN, big: 1e21, neg: -0, obj: { k: [1, { z: null }] }, empty: {}, list: [] } as unknown as SubjectResult;
    const entry = { ...one!, result: { ...one!.result, units: [unit] } as RubricResult };
    for (const shape of [{ nodes: false, feedback: "none" }, { nodes: true, feedback: "none" }] as const) {
      expect(streamed([entry], shape).text).toBe(reference([entry], shape));
      const { nodes: _n, ...rest } = unit;
      expect(streamed([entry], shape, writeScoreNdjson).text.split("\n")[0]).toBe(JSON.stringify({ type: "unit", rubric: "small", ...(shape.nodes ? unit : rest) }));
    }
  });
});
