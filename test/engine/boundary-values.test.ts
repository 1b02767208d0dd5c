/**
 * What prepareSubject gives, read as a Map: the values in the rubric's input order,
 * absent inputs left out; plain decimal cells read as parseDecimal reads them (and the
 * same text shared as one Dec); a wrong value still reported with its row, subject and field.
 */
import { describe, expect, test } from "vitest";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { DataTable, RecordCells } from "../../src/engine/data-table.js";
import { prepareSubject, prepareSubjects } from "../../src/engine/prepare.js";
import { parseDecimal, type Dec } from "../../src/decimal/decimal.js";
import { loadRubric } from "../../src/index.js";
import type { Issue } from "../../src/diagnostics/issue.js";

const RUBRIC = loadRubric(`kaohe: 1
id: t
name: t
year: 2024
version: "1"
inputs:
  n: { type: number, min: 0, max: 100, places: 2 }
  c: { type: count, max: 10 }
  r: { type: ratio }
  ok: { type: boolean }
  level: { type: choice, values: [好, 差] }
  extra: { type: number, default: 7 }
  monthly: { type: series, length: 3, min: 0, max: 10 }
grades:
  - { id: good, label: 好, min: 10 }
  - { id: poor, label: 差 }
scoring:
  max: 161
  children:
    - { id: n, label: n, kind: input, max: 100 }
    - { id: c, label: c, kind: input, max: 10 }
    - { id: r, label: r, kind: input, max: 1 }
    - { id: ok, label: ok, kind: yesno, max: 5 }
    - { id: level, label: level, kind: levels, max: 5, levels: { 好: 5, 差: 0 } }
    - { id: extra, label: extra, kind: input, max: 10 }
    - { id: m, label: m, kind: periods, input: monthly, count: 3, max: 30, aggregate: sum }
`);

function prepare(rows: Record<string, unknown>[]) {
  const { subjects, issues } = checkSubjects(rows, [RUBRIC]);
  expect(issues).toEqual([]);
  const out: Issue[] = [];
  return { prepared: subjects.map((s) => prepareSubject(s, RUBRIC, out)), issues: out };
}

describe("prepared values", () => {
  test("read as a Map: in input order, absent inputs left out, defaults in", () => {
    const { prepared, issues } = prepare([{ id: "u1", n: "85.50", ok: "是", level: "好" }]);
    expect(issues).toEqual([]);
    const v = prepared[0]!.values;
    // n, ok, level given; c and r absent (no default); extra by its default 7.
    expect([...v.keys()]).toEqual(["n", "ok", "level", "extra"]);
    expect(v.size).toBe(4);
    expect(v.has("c")).toBe(false);
    expect(v.get("c")).toBeUndefined();
    expect(v.get("nope")).toBeUndefined();
    expect(String(v.get("n"))).toBe(String(parseDecimal("85.5")));
    expect(v.get("ok")).toBe(true);
    expect(String(v.get("extra"))).toBe("7");
    expect([...prepared[0]!.absent]).toEqual(["c", "r", "monthly"]);
    const seen: string[] = [];
    v.forEach((_x, k) => seen.push(k));
    expect(seen).toEqual(["n", "ok", "level", "extra"]);
    expect(new Map(v)).toEqual(new Map([...v.entries()]));
  });

  test.each([
    ["85", "85"],
    ["85.50", "85.5"],
    ["007", "7"],
    ["0.0", "0"],
    ["99.99", "99.99"],
    [" 12 ", "12"],
    ["1e2", undefined],
    ["-1", undefined],
    ["50%", "0.5"], // a percentage is read for a number input (not for a count)
  ])("the cell %j reads as parseDecimal reads it (%s), or is refused as before", (cell, expected) => {
    const { prepared, issues } = prepare([{ id: "u1", n: cell }]);
    if (expected === undefined) {
      expect(issues.map((i) => [i.code, i.row, i.subject, i.field])).toEqual([[cell === "-1" ? "DATA_OUT_OF_RANGE" : "DATA_NOT_NUMBER", 1, "u1", "n"]]);
      return;
    }
    expect(issues).toEqual([]);
    const d = prepared[0]!.values.get("n") as Dec;
    expect(d.eq(parseDecimal(cell)!)).toBe(true);
    expect(d.toFixed()).toBe(expected);
  });

  test("the fast path returns right values only: out of range, too precise, not whole, not a choice are reported as before", () => {
    const { issues } = prepare([{ id: "u1", n: "100.01", c: "2.5", ok: "maybe", level: " 好 " }, { id: "u2", n: "1.234" }]);
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ["DATA_OUT_OF_RANGE", 1, "n"],
      ["DATA_NOT_INTEGER", 1, "c"],
      ["DATA_INVALID_VALUE", 1, "ok"],
      ["DATA_TOO_PRECISE", 2, "n"],
    ]);
  });

  test("a series: plain numbers read at once, anything else read (and reported) as before, at its period", () => {
    const { prepared, issues } = prepare([
      { id: "u1", monthly: ["1", "2.50", "10"] },
      { id: "u2", monthly: [1, " 2 ", "3"] },
      { id: "u3", monthly: ["1", "11", "2"] },
      { id: "u4", monthly: ["1", null, "2"] },
    ]);
    expect(prepared.slice(0, 2).map((p) => (p.values.get("monthly") as Dec[]).map((d) => d.toFixed()))).toEqual([
      ["1", "2.5", "10"],
      ["1", "2", "3"],
    ]);
    // 11 > max 10 at period 2; a missing period 2.
    expect(issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ["DATA_OUT_OF_RANGE", 3, "monthly.2"],
      ["DATA_NOT_NUMBER", 4, "monthly.2"],
    ]);
  });

  test("an object row is read by its own enumerable properties, as JSON.stringify sees it; rows of different key orders read the same", () => {
    const hidden = { id: "u1", n: "50" };
    Object.defineProperty(hidden, "c", { value: 3, enumerable: false });
    const { prepared } = prepare([hidden, { n: "60", id: "u2", c: 4 }, { id: "u3", c: 5, n: "70" }]);
    // u1's c is not enumerable: not read (absent), as it is not checked as a column either.
    expect(prepared[0]!.values.get("c")).toBeUndefined();
    expect(prepared[0]!.absent.has("c")).toBe(true);
    expect(prepared.map((p) => (p.values.get("n") as Dec).toFixed())).toEqual(["50", "60", "70"]);
    expect(prepared.slice(1).map((p) => (p.values.get("c") as Dec).toFixed())).toEqual(["4", "5"]);
  });

  test("a choice written with spaces is read trimmed, as before", () => {
    const { prepared, issues } = prepare([{ id: "u1", level: " 好 " }]);
    expect(issues).toEqual([]);
    expect(prepared[0]!.values.get("level")).toBe("好");
  });

  test("a number is held in its input's column as an exact integer at the input's scale; subjects naming the same columns share one columns map", () => {
    const { prepared } = prepare([
      { id: "u1", n: "42.5" },
      { id: "u2", n: 42.5 },
    ]);
    // n declares places: 2, so 42.5 is 4250 hundredths whether written as text or as a JS number.
    const [a, b] = [prepared[0]!.values.get("n") as Dec, prepared[1]!.values.get("n") as Dec];
    expect([a.toFixed(), b.toFixed(), a.scaled(2), b.scaled(2)]).toEqual(["42.5", "42.5", 4250, 4250]);
    const issues: Issue[] = [];
    const { subjects } = checkSubjects([{ id: "u1", n: "42.5", c: 3, r: 0.9685, extra: "1.0000001" }], [RUBRIC]);
    const { inputs } = prepareSubjects(subjects, RUBRIC, issues);
    const column = (name: string) => inputs.columns[inputs.index.get(name)!]!;
    expect([column("n").scale, column("n").scaled![0]]).toEqual([2, 4250]);
    expect([column("c").scale, column("c").scaled![0]]).toEqual([0, 3]); // a count is whole: scale 0
    expect([column("r").scale, column("r").scaled![0]]).toEqual([6, 968_500]); // no places declared: scale 6
    // Seven decimals do not fit scale 6: kept as the Dec, NaN in the typed column.
    expect(column("extra").scaled![0]).toBeNaN();
    expect((column("extra").values![0] as Dec).toFixed()).toBe("1.0000001");
    // n's range 0..100 at scale 2 is 0..10,000: an Int16Array (≤ 32,767); c's 0..10 at scale 0 an Int8Array (≤ 127);
    // r (a ratio) declares no range: a Float64Array; extra has no range either.
    expect([column("n").scaled instanceof Int16Array, column("c").scaled instanceof Int8Array, column("extra").narrow, column("extra").scaled instanceof Float64Array]).toEqual([true, true, false, true]);
    // The choice and the boolean are codes (positions in their options) in Int8Arrays.
    expect([column("level").codes instanceof Int8Array, column("ok").codes instanceof Int8Array]).toEqual([true, true]);
    expect(issues).toEqual([]);
    expect(prepared[0]!.columns).toBe(prepared[1]!.columns);
    expect([...prepared[0]!.columns]).toEqual([...RUBRIC.inputs.keys()].map((k) => [k, k]));
  });
});

describe("number columns of 8, 16 and 32 bits", () => {
  const wide = loadRubric(`kaohe: 1
id: w
name: w
year: 2024
version: "1"
inputs:
  small: { type: number, min: -2147.483647, max: 2147.483647 }
  big: { type: number, min: 0, max: 2147.483648 }
grades:
  - { id: good, label: 好, min: 0 }
  - { id: poor, label: 差 }
scoring:
  max: 4300
  children:
    - { id: small, label: small, kind: input, max: 2150 }
    - { id: big, label: big, kind: input, max: 2150 }
`);
  test("a range within ±(2^31 − 1) at the scale is an Int32Array; one unit past it is a Float64Array; both read back exactly", () => {
    const rows = [{ id: "a", small: "-2147.483647", big: "2147.483648" }, { id: "b" }];
    const { subjects } = checkSubjects(rows, [wide]);
    const issues: Issue[] = [];
    const { subjects: prepared, inputs } = prepareSubjects(subjects, wide, issues);
    const column = (name: string) => inputs.columns[inputs.index.get(name)!]!;
    // scale 6: 2147.483647 × 10^6 = 2^31 − 1 (fits); 2147.483648 × 10^6 = 2^31 (does not).
    expect([column("small").narrow, column("big").narrow]).toEqual([true, false]);
    expect(column("small").scaled![0]).toBe(-2147483647);
    expect((prepared[0]!.values.get("small") as Dec).toFixed()).toBe("-2147.483647");
    expect((prepared[0]!.values.get("big") as Dec).toFixed()).toBe("2147.483648");
    // b gives neither: no value, not -2^31 read as a number.
    expect(prepared[1]!.values.get("small")).toBeUndefined();
    expect(prepared[1]!.values.get("big")).toBeUndefined();
    expect(issues).toEqual([]);
  });

  test("the least value of an integer array means none: a range that reaches it takes the next larger array", () => {
    const rubric = loadRubric(`kaohe: 1
id: w8
name: w8
year: 2024
version: "1"
inputs:
  i8: { type: number, min: 0, max: 127, places: 0 }
  i16: { type: number, min: -128, max: 0, places: 0 }
  j16: { type: number, min: 0, max: 32767, places: 0 }
  i32: { type: number, min: 0, max: 32768, places: 0 }
grades:
  - { id: good, label: 好, min: 0 }
  - { id: poor, label: 差 }
scoring:
  max: 65662
  children:
    - { id: i8, label: i8, kind: input, max: 127 }
    - { id: j16, label: j16, kind: input, max: 32767 }
    - { id: i32, label: i32, kind: input, max: 32768 }
    - { id: i16, label: i16, kind: deduct, max: 0, floor: -128, deductions: [ { id: each, per: i16, points: 1 } ] }
`);
    const { subjects } = checkSubjects([{ id: "a", i8: 127, i16: -128, j16: 32767, i32: 32768 }], [rubric]);
    const issues: Issue[] = [];
    const { subjects: prepared, inputs } = prepareSubjects(subjects, rubric, issues);
    const column = (name: string) => inputs.columns[inputs.index.get(name)!]!.scaled!;
    // 127 fits Int8 (none = −128); −128 does not (it is Int8's none): Int16; 32,767 fits Int16; 32,768 does not: Int32.
    expect([column("i8") instanceof Int8Array, column("i16") instanceof Int16Array, column("j16") instanceof Int16Array, column("i32") instanceof Int32Array]).toEqual([true, true, true, true]);
    expect(["i8", "i16", "j16", "i32"].map((k) => (prepared[0]!.values.get(k) as Dec).toFixed())).toEqual(["127", "-128", "32767", "32768"]);
    expect(issues).toEqual([]);
  });
});

describe("a CSV table read column by column gives what its rows as objects give", () => {
  test("values, absent inputs, defaults, the columns map and every issue (sorted by row) agree", () => {
    const header = ["id", "n", "c", "r", "ok", "level", "extra", "monthly.1", "monthly.2", "monthly.3"];
    const cells = [
      ["u1", "85.5", "3", "0.9", "是", "好", "", "1", "2", "3"],
      ["u2", "", "11", "96.85%", "maybe", " 差 ", "8", "", "", ""],
      ["u3", "100.001", "x", "", "", "中", "7.25", "4", "", "11"],
      ["u4", "-1", "2", "1.5", "false", "差", "1e3", "9", "x", "0"],
    ];
    const tableRows = new DataTable(header, cells.length, new RecordCells(cells));
    const objects = tableRows.toRows();
    const read = (rows: DataTable | Record<string, unknown>[]) => {
      const { subjects } = checkSubjects(rows as never, [RUBRIC]);
      const issues: Issue[] = [];
      const { subjects: prepared } = prepareSubjects(subjects, RUBRIC, issues);
      return {
        values: prepared.map((p) => [...p.values].map(([k, v]) => [k, typeof v === "object" && v !== null && "toFixed" in v ? (v as Dec).toFixed() : v])),
        absent: prepared.map((p) => [...p.absent]),
        columns: prepared.map((p) => [...p.columns]),
        issues: [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).map((i) => [i.code, i.row, i.field]),
      };
    };
    const byColumn = read(tableRows);
    expect(byColumn).toEqual(read(objects as Record<string, unknown>[]));
    // And what that is, by hand: u1 reads every value; u2's n is empty (absent), c 11 > 10, "maybe" no boolean;
    // u3's n has 3 decimals (places 2), c is no number, 中 no level, its monthly.2 is empty (a period missing: the
    // series stops at that first problem, so monthly.3 = 11 is not read); u4's n < 0, the ratio 1.5 is past 1, 1e3 no
    // number, monthly.2 no number. u2 gives no monthly at all: absent.
    expect(byColumn.issues).toEqual([
      ["DATA_OUT_OF_RANGE", 2, "c"],
      ["DATA_INVALID_VALUE", 2, "ok"],
      ["DATA_TOO_PRECISE", 3, "n"],
      ["DATA_NOT_NUMBER", 3, "c"],
      ["DATA_INVALID_VALUE", 3, "level"],
      ["DATA_NOT_NUMBER", 3, "monthly.2"],
      ["DATA_OUT_OF_RANGE", 4, "n"],
      ["DATA_OUT_OF_RANGE", 4, "r"],
      ["DATA_NOT_NUMBER", 4, "extra"],
      ["DATA_NOT_NUMBER", 4, "monthly.2"],
    ]);
    expect(byColumn.absent[1]).toContain("monthly");
    // Over blocks of rows (the table is read 1,024 rows at a time): the same 4 rows × 650 agree too.
    const many = Array.from({ length: 2600 }, (_, i) => [`v${i}`, ...cells[i % 4]!.slice(1)]);
    const big = new DataTable(header, many.length, new RecordCells(many));
    const bigRead = read(big);
    expect(bigRead).toEqual(read(big.toRows() as Record<string, unknown>[]));
    expect(bigRead.issues).toHaveLength(650 * 10); // the 10 issues above, for each of the 650 copies
    expect(byColumn.absent[1]).toContain("n");
  });
});
