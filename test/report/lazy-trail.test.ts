/**
 * Results as views (issue 9): a unit's `nodes` are re-scored on demand, exactly, when
 * first read. These tests pin that the view is an ordinary object to every reader
 * (JSON, spread, toEqual, key order) and that the re-scored trail agrees with the
 * unit's score for every subject of every bundled scheme.
 */
import { describe, expect, test } from "vitest";
import { findScheme, readData, readRubricTexts } from "../../src/cli/load.js";
import { assess, loadRubric, loadRubricSet, type SubjectResult } from "../../src/index.js";
import { transientNodes, unitCursor } from "../../src/report/result.js";
import { bundledSchemes, schemeName } from "../equivalence/corpus.js";

const KEYS = ["id", "name", "group", "score", "grade", "rawGrade", "rank", "groupRank", "excluded", "adjustments", "actions", "tier", "nodes", "rules", "gradeNotes"];

const rubric = loadRubric(`
kaohe: 1
id: lazy
name: lazy
year: 2024
version: "1"
rounding: { places: 1, mode: half-up }
inputs:
  a: { type: number, min: 0, max: 60 }
  late: { type: count }
grades:
  - { id: A, min: 80 }
  - { id: B }
scoring:
  combine: sum
  max: 100
  children:
    - { id: a, kind: input, max: 60 }
    - { id: b, kind: deduct, max: 40, deductions: [{ id: late, per: late, points: 2.5 }] }
`);

describe("a unit's nodes are computed when read", () => {
  // s1: a = 50, b = 40 − 2 × 2.5 = 35 → 85 (A); s2: a = 30, b = 40 → 70 (B)
  const data = [
    { id: "s1", name: "One", a: 50, late: 2 },
    { id: "s2", a: 30, late: 0 },
  ];

  test("the key order is the documented one, nodes in its place, before and after the first read", () => {
    const u = assess(rubric, data).results[0]!.units[0]!;
    expect(Object.keys(u)).toEqual(KEYS.filter((k) => k !== "group"));
    expect(JSON.stringify(u).indexOf('"nodes"')).toBeLessThan(JSON.stringify(u).indexOf('"rules"'));
    void u.nodes;
    expect(Object.keys(u)).toEqual(KEYS.filter((k) => k !== "group"));
  });

  test("JSON.stringify, a spread and toEqual see the trail: root 85 = 50 + 35, the deduction −5", () => {
    const u = assess(rubric, data).results[0]!.units[0]!;
    const json = JSON.parse(JSON.stringify(u)) as SubjectResult;
    expect(json.score).toBe("85.0");
    expect(json.nodes.map((n) => [n.id, n.points])).toEqual([
      ["total", "85.0"],
      ["a", "50"],
      ["b", "35"],
    ]);
    expect(json.nodes[2]!.lines.map((l) => l.amount)).toEqual(["-5"]);
    expect({ ...u }.nodes).toEqual(json.nodes);
    expect(u).toEqual(json);
    // Read once, kept: the same array on every read.
    expect(u.nodes).toBe(u.nodes);
  });

  test('trail "none": nodes are empty; "points": nodes without lines', () => {
    const none = assess(rubric, data, { trail: "none" }).results[0]!.units[0]!;
    expect(none.nodes).toEqual([]);
    expect(Object.keys(none)).toContain("nodes");
    const points = assess(rubric, data, { trail: "points" }).results[0]!.units[0]!;
    expect(points.nodes.map((n) => [n.id, n.points, n.lines.length])).toEqual([
      ["total", "85.0", 0],
      ["a", "50", 0],
      ["b", "35", 0],
    ]);
  });

  test("a unit may be written to (nodes is writable like any field)", () => {
    const u = assess(rubric, data).results[0]!.units[1]! as { nodes: unknown };
    u.nodes = [];
    expect(u.nodes).toEqual([]);
    expect(Object.keys(u)).toContain("nodes");
  });
});

describe("the on-demand trail agrees with the unit's score, for every subject of every bundled scheme", () => {
  test.each(bundledSchemes().map((f) => [schemeName(f), f]))("%s", (_name, folder) => {
    const scheme = findScheme([folder]);
    const set = loadRubricSet(readRubricTexts(scheme.rubricFiles));
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const out = assess(set, rows);
    let checked = 0;
    for (const r of out.results) {
      for (const u of r.units) {
        const root = u.nodes[0]!;
        expect(root.depth).toBe(0);
        // A veto with zeroScore sets the score to 0 and records the score before it: the trail's root is that score.
        const veto = u.adjustments.find((a) => a.kind === "veto" && a.numbers.scoreBefore !== undefined);
        if (veto) expect(root.points.replace(/\.?0+$/, "")).toBe(String(veto.numbers.scoreBefore).replace(/\.?0+$/, ""));
        else expect(root.points).toBe(u.score);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("transientNodes: a unit's trail for a streaming writer, not kept on the unit", () => {
  const data = [{ id: "s1", a: 50, late: 2 }];

  test("gives the same nodes as reading them, and leaves `nodes` lazy (a later read still re-scores and keeps)", () => {
    const u = assess(rubric, data).results[0]!.units[0]!;
    const once = transientNodes(u);
    expect(once.map((n) => [n.id, n.points])).toEqual([
      ["total", "85.0"],
      ["a", "50"],
      ["b", "35"],
    ]);
    expect(typeof Object.getOwnPropertyDescriptor(u, "nodes")!.get).toBe("function");
    expect(transientNodes(u)).not.toBe(once);
    const kept = u.nodes;
    expect(kept).toEqual(once);
    expect(Object.getOwnPropertyDescriptor(u, "nodes")!.get).toBeUndefined();
    // Once kept, the kept nodes are given.
    expect(transientNodes(u)).toBe(kept);
  });
});

describe("a result's units are built when first read", () => {
  // s1: 50 + (40 − 2 × 2.5) = 85.0 (A); s2: 30 + 40 = 70.0 (B); s3: 20 + (40 − 4 × 2.5) = 50.0 (B)
  const data = [
    { id: "s2", a: 30, late: 0 },
    { id: "s1", name: "One", a: 50, late: 2 },
    { id: "s3", a: 20, late: 4 },
  ];
  const RESULT_KEYS = ["rubric", "grades", "gradeLabels", "units", "summary", "warnings"];

  test("units is an own enumerable accessor in its place until read, then the array; JSON and toEqual see the units either way", () => {
    const r = assess(rubric, data).results[0]!;
    expect(Object.keys(r)).toEqual(RESULT_KEYS);
    expect(typeof Object.getOwnPropertyDescriptor(r, "units")!.get).toBe("function");
    const text = JSON.stringify(r);
    // JSON.stringify read it: now a data property, the same array on every read.
    expect(Object.getOwnPropertyDescriptor(r, "units")!.get).toBeUndefined();
    expect(r.units).toBe(r.units);
    expect(Object.keys(r)).toEqual(RESULT_KEYS);
    expect(r.units.map((u) => [u.id, u.score, u.grade, u.rank])).toEqual([
      ["s1", "85.0", "A", 1],
      ["s2", "70.0", "B", 2],
      ["s3", "50.0", "B", 3],
    ]);
    const other = assess(rubric, data).results[0]!;
    expect(JSON.stringify(other)).toBe(text);
    expect(assess(rubric, data).results[0]).toEqual(JSON.parse(text));
    expect(structuredClone(assess(rubric, data).results[0]!)).toEqual(JSON.parse(text));
  });

  test("units may be replaced before they are read", () => {
    const r = assess(rubric, data).results[0]! as { units: unknown };
    r.units = [];
    expect(r.units).toEqual([]);
  });

  test("unitCursor gives new units one at a time and leaves units unread; the same fields as the units", () => {
    const r = assess(rubric, data).results[0]!;
    const c = unitCursor(r);
    expect([c.count, c.fresh, [0, 1, 2].map((k) => c.id(k))]).toEqual([3, true, ["s1", "s2", "s3"]]);
    const first = c.unit(0);
    expect(c.unit(0)).not.toBe(first);
    expect(typeof Object.getOwnPropertyDescriptor(r, "units")!.get).toBe("function");
    expect([0, 1, 2].map((k) => c.unit(k))).toEqual(r.units);
    // Read: the cursor now goes through the array.
    const after = unitCursor(r);
    expect([after.fresh, after.unit(1)]).toEqual([false, r.units[1]]);
    expect(after.unit(1)).toBe(r.units[1]);
  });

  test("empty lists are one frozen array, equal to []", () => {
    const [u1, u2] = assess(rubric, data, { trail: "none" }).results[0]!.units;
    expect(u1!.adjustments).toEqual([]);
    expect(Object.isFrozen(u1!.adjustments)).toBe(true);
    expect(u1!.adjustments).toBe(u2!.rules);
    expect({ ...u1! }).toEqual({ id: "s1", name: "One", score: "85.0", grade: "A", rawGrade: "A", rank: 1, groupRank: null, excluded: false, adjustments: [], actions: [], tier: null, nodes: [], rules: [], gradeNotes: [] });
  });

  test("the summary is counted from the columns: 3 subjects, 1 A and 2 B; by group when there are groups, groups in id order", () => {
    const grouped = [
      { id: "s1", group: "乙", a: 50, late: 2 },
      { id: "s2", group: "甲", a: 30, late: 0 },
      { id: "s3", group: "乙", a: 20, late: 4 },
    ];
    const plain = assess(rubric, data).results[0]!.summary;
    expect(plain).toEqual({ count: 3, graded: 3, excluded: 0, distribution: { A: 1, B: 2 } });
    expect("byGroup" in plain).toBe(false);
    const s = assess(rubric, grouped).results[0]!.summary;
    // 乙 (U+4E59) < 甲 (U+7532): 乙 has s1 (A) and s3 (B), 甲 has s2 (B).
    expect(Object.keys(s.byGroup!)).toEqual(["乙", "甲"]);
    expect(s).toEqual({ count: 3, graded: 3, excluded: 0, distribution: { A: 1, B: 2 }, byGroup: { 乙: { A: 1, B: 1 }, 甲: { A: 0, B: 1 } } });
  });
});
