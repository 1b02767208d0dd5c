/**
 * The object-row boundary (engine/prepare.ts prepareObjectRows): rows as plain objects are
 * read in runs of one key list, each row in one for-in loop, a plainly right number or
 * boolean straight into its column and anything else read after the loop input by input.
 * These tests pin what that must keep: the values of rows whose shape changes midway
 * (alternating, a label instead of the name), the issues of a row in input order whatever
 * the key order, an input given by both its name and its label, booleans in every form,
 * and the same results as rows read one at a time (class instances, which checkObjects does
 * not shape: each row is a run of its own, its key list listed again). Values read as the
 * rows are checked (EarlyValues) must give the same table, absent inputs, column names and
 * issues as the rows read after the check, rows of text with dotted series columns included.
 */
import { describe, expect, test } from "vitest";
import { safeAssess, loadRubric, type SubjectData } from "../../src/index.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { EarlyValues, prepareSubjects } from "../../src/engine/prepare.js";
import type { CompiledRubric } from "../../src/compile/model.js";

// a, b (label 乙): numbers 0…10; flag: a boolean (default false); total a + b, 20 points; flag downgrades.
const RUBRIC = loadRubric(`kaohe: 1
id: rows
name: rows
year: 2024
version: "1"
inputs:
  a: { type: number, min: 0, max: 10 }
  b: { type: number, min: 0, max: 10, label: 乙 }
  flag: { type: boolean, default: false }
grades:
  - { id: good, label: 好, min: 15 }
  - { id: poor, label: 差 }
scoring:
  max: 20
  children:
    - { id: a, label: a, kind: input, max: 10 }
    - { id: b, label: b, kind: input, max: 10, missing: zero }
rules:
  - { id: flagged, kind: downgrade, when: input.flag, reason: flagged }
`);

function run(rows: readonly unknown[]): { units: string[]; issues: string[] } {
  const r = safeAssess(RUBRIC, rows as SubjectData[], { trail: "none" });
  if (!r.ok) return { units: [], issues: r.issues.map(brief) };
  return { units: r.value.results[0]!.units.map((u) => `${u.id} ${u.score} ${u.grade}`), issues: [] };
}

function brief(i: Issue): string {
  return `${i.code} row=${i.row ?? "-"} subject=${i.subject ?? "-"} field=${i.field ?? "-"}`;
}

describe("object rows in runs of one key list", () => {
  test("two shapes alternating (with and without b, by name or by label): each row's own values", () => {
    const r = run([
      { id: "u1", a: 9, b: 8 },
      { id: "u2", a: 7, 乙: 6.5, flag: true },
      { id: "u3", a: 9, b: 9 },
      { id: "u4", a: 2, 乙: 3, flag: false },
      { id: "u5", a: 10 },
    ]);
    // u1 9 + 8 = 17 good; u2 7 + 6.5 = 13.5 poor (the downgrade from poor has nowhere to go: stays poor);
    // u3 9 + 9 = 18 good; u4 2 + 3 = 5 poor; u5 10 + 0 (b missing: zero) = 10 poor. Units by rank: 18, 17, 13.5, 10, 5.
    expect(r.issues).toEqual([]);
    expect(r.units).toEqual(["u3 18 good", "u1 17 good", "u2 13.5 poor", "u5 10 poor", "u4 5 poor"]);
  });

  test("a long run of one shape with a flagged row in it: the boolean read as it is, true downgrades good to poor", () => {
    // 40 rows: a = 8, b = 8 (16, good); row 17 (u17) flagged: good → poor.
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `u${String(i + 1).padStart(2, "0")}`, a: 8, b: 8, flag: i === 16 }));
    const r = run(rows);
    expect(r.units.filter((u) => u.endsWith("poor"))).toEqual(["u17 16 poor"]);
    expect(r.units.filter((u) => u.endsWith("good"))).toHaveLength(39);
  });

  test("booleans as text (是, false) read like JS booleans; a word that is none is DATA_INVALID_VALUE at its row and column", () => {
    const r = run([
      { id: "u1", a: 9, b: 9, flag: "是" },
      { id: "u2", a: 9, b: 9, flag: "false" },
    ]);
    // u1 flagged: 18 good → poor; u2 not.
    expect(r.units).toEqual(["u1 18 poor", "u2 18 good"]);
    expect(run([{ id: "u1", a: 9, b: 9, flag: true }, { id: "u2", a: 9, b: 9, flag: "maybe" }]).issues).toEqual(["DATA_INVALID_VALUE row=2 subject=u2 field=flag"]);
  });

  test("a row's issues come in input order (a, then b), whatever its key order; rows in order", () => {
    const r = run([
      { id: "u1", a: 5, b: 5 },
      { id: "u2", 乙: "x", a: 11 },
      { id: "u3", 乙: -1, a: "y" },
    ]);
    // Row 2: a = 11 > 10 (out of range), 乙 = "x" (not a number); row 3: a = "y", 乙 = -1 < 0.
    expect(r.issues).toEqual([
      "DATA_OUT_OF_RANGE row=2 subject=u2 field=a",
      "DATA_NOT_NUMBER row=2 subject=u2 field=乙",
      "DATA_NOT_NUMBER row=3 subject=u3 field=a",
      "DATA_OUT_OF_RANGE row=3 subject=u3 field=乙",
    ]);
  });

  test("an input given by its name and its label in every row of a run: DATA_BAD_SHAPE at each row (read row by row)", () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ id: `u${i + 1}`, a: 1, b: 2, 乙: 3 }));
    expect(run(rows).issues).toEqual(["DATA_BAD_SHAPE row=1 subject=u1 field=b", "DATA_BAD_SHAPE row=2 subject=u2 field=b", "DATA_BAD_SHAPE row=3 subject=u3 field=b"]);
  });

  test("an empty value (null, blank text) is absent: b under missing: zero reads 0; a, required by its item, is reported", () => {
    const r = run([
      { id: "u1", a: 9, b: null },
      { id: "u2", a: 8, b: "  " },
    ]);
    // 9 + 0 = 9, 8 + 0 = 8.
    expect(r.units).toEqual(["u1 9 poor", "u2 8 poor"]);
    expect(run([{ id: "u1", a: null, b: 1 }]).issues).toEqual(["DATA_MISSING_FIELD row=1 subject=u1 field=a"]);
  });

  test("rows read one at a time (class instances, not shaped) give the same results as the same rows as plain objects", () => {
    class Row {
      constructor(
        readonly id: string,
        readonly a: unknown,
        readonly b: unknown,
        readonly flag: unknown,
      ) {}
    }
    let seed = 11;
    // The generator's high bits (its low bits repeat with a short period).
    const next = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor((seed / 2147483648) * m));
    const plain: SubjectData[] = [];
    const instances: unknown[] = [];
    for (let i = 0; i < 300; i++) {
      // Mostly right values (one decimal), now and then one out of range, text, or a boolean as text.
      const value = () => (next(20) === 0 ? [12, "x", null][next(3)] : next(101) / 10);
      const row = { id: `s${i}`, a: value(), b: value(), flag: [true, false, "是", "否"][next(4)] };
      plain.push(row);
      instances.push(new Row(row.id, row.a, row.b, row.flag));
    }
    const shaped = run(plain);
    expect(shaped.issues.length).toBeGreaterThan(0);
    expect(run(instances)).toEqual(shaped);
    // Without the rows that have an issue (the boundary's first, then the engine's: a missing a), both give units, the same ones.
    let good = plain;
    let goodInstances = instances;
    for (let pass = 0; pass < 2; pass++) {
      const bad = new Set(run(good).issues.map((s) => Number(/row=(\d+)/.exec(s)![1]) - 1));
      good = good.filter((_, i) => !bad.has(i));
      goodInstances = goodInstances.filter((_, i) => !bad.has(i));
    }
    const units = run(good);
    expect(units.units.length).toBeGreaterThan(200);
    expect(units.units).toHaveLength(good.length);
    expect(run(goodInstances)).toEqual(units);
  });

  test("a shaped row is its own subject (one object): id, row, name and group set by the check, those not given not own properties", () => {
    const { subjects, issues } = checkSubjects([{ id: "u1", a: 1, name: "甲" }, { id: "u2", a: 2, group: "g" }, { id: " u3 ", a: 3 }], [RUBRIC]);
    expect(issues).toEqual([]);
    expect(subjects.map((s) => [s.id, s.row, s.name, s.group, s.data.get("a")])).toEqual([
      ["u1", 1, "甲", undefined, 1],
      ["u2", 2, undefined, "g", 2],
      // The id trimmed (as every id is).
      ["u3", 3, undefined, undefined, 3],
    ]);
    expect(subjects.map((s) => [Object.hasOwn(s, "name"), Object.hasOwn(s, "group")])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    for (const s of subjects) expect(s.data).toBe(s);
  });

});

describe("values read as the rows are checked (EarlyValues, one rubric)", () => {
  /** The input table and the prepared subjects, as data to compare. */
  function prepared(rows: readonly object[], early: EarlyValues | undefined, rubric = RUBRIC as unknown as CompiledRubric) {
    const checked = checkSubjects(rows as SubjectData[], [rubric], undefined, early);
    expect(checked.issues).toEqual([]);
    const issues: Issue[] = [];
    const { subjects, inputs } = prepareSubjects(checked.subjects, rubric, issues, early);
    const columns = inputs.columns.map((c) => ({ scaled: c.scaled && [...c.scaled], codes: c.codes && [...c.codes], values: c.values && [...c.values].map(String) }));
    return { columns, absent: subjects.map((s) => [...s.absent]), names: subjects.map((s) => [...s.columns]), issues: issues.map(brief) };
  }

  test("a row whose keys are the shape's plus one more, or one fewer, is not taken for the shape's", () => {
    // Shapes [id, a] then [id]: row 3 {id, a} is tried as [id] first (one key more), row 4 {id} as [id, a] (one fewer).
    const rows = [{ id: "u1", a: 5 }, { id: "u2" }, { id: "u3", a: 3 }, { id: "u4" }, { id: "u5", a: 4 }];
    const early = new EarlyValues(RUBRIC as unknown as CompiledRubric, rows.length);
    const got = prepared(rows, early);
    // Rows 3 to 5 read with the check (rows 1 and 2 are each the first of their shape).
    expect([...early.done]).toEqual([0, 0, 1, 1, 1]);
    // a at scale 6: 5, -, 3, -, 4 (none is -2147483648 in an Int32 column); b absent everywhere.
    expect(got.columns[0]!.scaled).toEqual([5e6, -2147483648, 3e6, -2147483648, 4e6]);
    expect(got.absent).toEqual([["b"], ["a", "b"], ["b"], ["a", "b"], ["b"]]);
    expect(got).toEqual(prepared(rows, undefined));
  });

  test("the same table, absent inputs, column names and issues as read after the check, on 400 seeded rows of mixed shapes and values", () => {
    let seed = 5;
    const next = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
    const rows: object[] = [];
    for (let i = 0; i < 400; i++) {
      // Mostly right values; now and then out of range, text, blank, null; b by name or label or not at all; flag in many forms.
      const value = () => (next(8) === 0 ? [12, "x", "", null, "7.5", -1][next(6)] : next(101) / 10);
      const row: Record<string, unknown> = { id: `r${String(i).padStart(3, "0")}`, a: value() };
      const b = next(4);
      if (b === 1) row.b = value();
      if (b === 2) row["乙"] = value();
      if (next(2)) row.flag = [true, false, "是", "否", "maybe", null][next(6)];
      rows.push(row);
    }
    const early = new EarlyValues(RUBRIC as unknown as CompiledRubric, rows.length);
    const got = prepared(rows, early);
    expect(early.done.reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
    expect(got.issues.length).toBeGreaterThan(20);
    expect(got).toEqual(prepared(rows, undefined));
  });

  // Rows as a spreadsheet gives them: every value text, a series as dotted columns (by name or by label), codes as words.
  const FOLDING = loadRubric(`kaohe: 1
id: folding
name: folding
year: 2024
version: "1"
inputs:
  n: { type: number, min: 0, max: 100, places: 2 }
  c: { type: count, max: 10 }
  ok: { type: boolean }
  level: { type: choice, values: [好, 差] }
  monthly: { type: series, length: 3, min: 0, max: 10, label: 月度 }
  weekly: { type: series, length: 2, min: 0, max: 10 }
grades:
  - { id: good, label: 好, min: 10 }
  - { id: poor, label: 差 }
scoring:
  max: 170
  children:
    - { id: n, label: n, kind: input, max: 100 }
    - { id: c, label: c, kind: input, max: 10 }
    - { id: ok, label: ok, kind: yesno, max: 5 }
    - { id: level, label: level, kind: levels, max: 5, levels: { 好: 5, 差: 0 } }
    - { id: m, label: m, kind: periods, input: monthly, count: 3, max: 30, aggregate: sum }
    - { id: w, label: w, kind: periods, input: weekly, count: 2, max: 20, aggregate: sum }
`) as unknown as CompiledRubric;

  const preparedFolding = (rows: readonly object[], early: EarlyValues | undefined) => prepared(rows, early, FOLDING);

  test("rows with dotted columns (a series folded): the same table, absent inputs, column names and issues as read after the check, on 600 seeded rows", () => {
    let seed = 11;
    // The generator's high bits (its low bits repeat with a short period).
    const next = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor((seed / 2147483648) * m));
    const rows: object[] = [];
    // A value as text: mostly plain, now and then out of range, a word, blank, spaced, full-width, or a JS number.
    const text = (max: number) => (next(9) === 0 ? ["99999", "x", "", " 3", "３", "-1", "2.555", 4][next(8)] : String(next(10 * max + 1) / 10));
    for (let i = 0; i < 600; i++) {
      const row: Record<string, unknown> = { id: `r${String(i).padStart(3, "0")}`, n: text(100), c: next(7) === 0 ? "2.5" : String(next(11)) };
      row.ok = ["true", "false", "是", "否", "TRUE", "maybe", true][next(7)];
      row.level = ["好", "差", " 好", "中"][next(4) === 0 ? next(4) : next(2)];
      // monthly by its name or by its label (月度), periods blank now and then (all three at times); weekly by name or not at all:
      // the four shapes in runs of 50 rows, one row in 20 of a shape picked at random.
      const shape = next(20) === 0 ? next(4) : Math.floor(i / 50) % 4;
      const base = shape & 1 ? "月度" : "monthly";
      const blank = next(6) === 0;
      for (let p = 1; p <= 3; p++) row[`${base}.${p}`] = blank || next(10) === 0 ? "" : text(10);
      if (shape & 2) for (let p = 1; p <= 2; p++) row[`weekly.${p}`] = text(10);
      rows.push(row);
    }
    const early = new EarlyValues(FOLDING, rows.length);
    const got = preparedFolding(rows, early);
    // Most rows are read with the check; those by name with every month blank are left to prepareRow (named by the label then).
    const done = early.done.reduce((a, b) => a + b, 0);
    expect(done).toBeGreaterThan(450);
    expect(done).toBeLessThan(600);
    expect(got.issues.length).toBeGreaterThan(50);
    expect(got.names.some((m) => m.some(([k, c]) => k === "monthly" && c === "月度"))).toBe(true);
    expect(got.names.some((m) => m.some(([k, c]) => k === "monthly" && c === "monthly"))).toBe(true);
    // Rows by name with every month blank, read with the check all but the month (declined: left to prepareRow).
    const blankByName = rows.filter((r) => [1, 2, 3].every((p) => (r as Record<string, unknown>)[`monthly.${p}`] === ""));
    expect(blankByName.length).toBeGreaterThan(10);
    expect(got).toEqual(preparedFolding(rows, undefined));
  });

  test("a folding row: plain text values straight into their columns, the series kept aside and read after", () => {
    const rows = [
      { id: "u1", n: "85.50", c: "3", ok: "是", level: "好", "月度.1": "1", "月度.2": "2.5", "月度.3": "10" },
      { id: "u2", n: "70", c: "4", ok: "false", level: "差", "月度.1": "", "月度.2": "", "月度.3": "" },
      { id: "u3", n: "60", c: "5", ok: "TRUE", level: "好", "月度.1": "3", "月度.2": "", "月度.3": "1" },
    ];
    const early = new EarlyValues(FOLDING, rows.length);
    const got = preparedFolding(rows, early);
    // Rows 2 and 3 with the check (row 1 is the first of its shape).
    expect([...early.done]).toEqual([0, 1, 1]);
    expect(got.columns[0]!.scaled).toEqual([8550, 7000, 6000]);
    // A count is held at scale 0.
    expect(got.columns[1]!.scaled).toEqual([3, 4, 5]);
    expect(got.columns[2]!.codes).toEqual([1, 0, 1]);
    expect(got.columns[3]!.codes).toEqual([0, 1, 0]);
    // u2 gives no month (monthly absent, named by its label as given); u3 leaves month 2 out, which the series reports.
    expect(got.absent).toEqual([["weekly"], ["monthly", "weekly"], ["weekly"]]);
    expect(got.names.map((m) => new Map(m).get("monthly"))).toEqual(["月度", "月度", "月度"]);
    expect(got.issues).toEqual(["DATA_NOT_NUMBER row=3 subject=u3 field=月度.2"]);
    expect(got).toEqual(preparedFolding(rows, undefined));
  });
});

