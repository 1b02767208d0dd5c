/**
 * A series given in a CSV as its period columns (平时考核.1 … .4) is read into one typed
 * column per period (engine/prepare.ts seriesPlain, input-table.ts PeriodColumns) and
 * scored from them (score-columns.ts, "periods"): every row must read, score and report
 * exactly as the same rows as objects do (each row's list read by fastSeries/readValue).
 */
import { describe, expect, test } from "vitest";
import { DataTable } from "../../src/engine/data-table.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { prepareSubjects, type ColumnHelper, type HelperWork } from "../../src/engine/prepare.js";
import { readHelperColumns } from "../../src/io/cells-work.js";
import { scanCsvBytes } from "../../src/io/csv-bytes.js";
import { loadRubric, safeAssess } from "../../src/index.js";
import type { Dec } from "../../src/decimal/decimal.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import type { CompiledRubric } from "../../src/compile/model.js";

/**
 * monthly: 3 periods summed (max 30); quarterly: 4 periods averaged (a share of 0.25: the
 * integer path). `withX`: also a plain number input x (0 … 100), scored as it is.
 */
const rubric = (monthly = "{ type: series, length: 3, min: 0, max: 10 }", withX = false) =>
  loadRubric(`kaohe: 1
id: t
name: t
year: 2024
version: "1"
inputs:
${withX ? "  x: { type: number, min: 0, max: 100 }\n" : ""}  monthly: ${monthly}
  quarterly: { type: series, length: 4, min: 0, max: 100 }
grades:
  - { id: good, label: 好, min: 60 }
  - { id: poor, label: 差 }
scoring:
  max: ${withX ? 230 : 130}
  children:
${withX ? "    - { id: ix, label: x, kind: input, input: x, max: 100 }\n" : ""}    - { id: m, label: 月度, kind: periods, input: monthly, count: 3, max: 30, aggregate: sum }
    - { id: q, label: 季度, kind: periods, input: quarterly, count: 4, max: 100, aggregate: mean }
`);

const RUBRIC = rubric();
const HEADER = ["id", "monthly.1", "monthly.2", "monthly.3", "quarterly.1", "quarterly.2", "quarterly.3", "quarterly.4"];

/** A CSV's bytes as the CLI reads them (io/csv-bytes.ts: plain digits read without text). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): DataTable {
  const scanned = scanCsvBytes(Buffer.from([header, ...rows].map((r) => r.join(",")).join("\n"), "utf8"))!;
  expect(scanned.length).toBe(rows.length);
  return new DataTable(scanned.header, scanned.length, scanned.cells);
}

function prepared(data: DataTable | Record<string, unknown>[], target: CompiledRubric = RUBRIC, helper?: ColumnHelper) {
  const checked = checkSubjects(data as never, [target]);
  const issues: Issue[] = [...checked.issues];
  const { subjects, inputs } = prepareSubjects(checked.subjects, target, issues, undefined, helper);
  return { subjects, inputs, issues };
}

const shown = (v: unknown) => (Array.isArray(v) ? (v as Dec[]).map((d) => d.toFixed()) : v);

/** What a reader sees: each subject's values and absent inputs, and the issues (sorted by row, as a run gives them). */
function seen(data: DataTable | Record<string, unknown>[], target: CompiledRubric = RUBRIC, helper?: ColumnHelper) {
  const { subjects, issues } = prepared(data, target, helper);
  return {
    values: subjects.map((s) => [...s.values].map(([k, v]) => [k, shown(v)])),
    absent: subjects.map((s) => [...s.absent]),
    issues: JSON.parse(JSON.stringify([...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)))) as unknown,
  };
}

/** The whole assessment (or its issues), as JSON. */
const assessed = (data: DataTable | Record<string, unknown>[], target: CompiledRubric = RUBRIC) => JSON.stringify(safeAssess(target, data as never, { trail: "full" }));

const ROWS: readonly (readonly string[])[] = [
  ["u1", "1", "2.5", "10", "80", "90", "85.5", "100"], // plain; the bounds 10 and 100 included
  ["u2", "0", "0", "0", "0", "0", "0", "0"], // plain; the lower bound included
  ["u3", "1.0000001", "2", "3", "60", "60", "60", "60"], // 7 decimals: beyond the columns' scale 6, read as text (no issue)
  ["u4", " 2", "2", "2", "70", "70", "70", "70"], // a space: read as text, trimmed (no issue)
  ["u5", "10.000001", "1", "1", "70", "70", "70", "70"], // just past the max: DATA_OUT_OF_RANGE at monthly.1
  ["u6", "", "", "", "50", "50", "50", "50"], // monthly absent (required: DATA_MISSING_FIELD when assessed)
  ["u7", "１", "2", "3", "50", "", "50", "50"], // full-width 1 read as text: DATA_NOT_NUMBER; quarterly.2 missing: DATA_NOT_NUMBER
  ["u8", "-0", "3", "3", "100", "100", "100", "99.999999"], // -0 read as text (0); 99.999999 plain at scale 6
];

describe("a series given as its period columns", () => {
  test("plain rows go into one integer column per period; every other row is read as text, as the same rows as objects", () => {
    const t = table(HEADER, ROWS);
    const { inputs } = prepared(t);
    const monthly = inputs.columns[inputs.index.get("monthly")!]!;
    const quarterly = inputs.columns[inputs.index.get("quarterly")!]!;
    // Bounds 10 and 100 at scale 6 fit Int32 (none −2^31).
    expect(monthly.periods!.columns.map((c) => c instanceof Int32Array)).toEqual([true, true, true]);
    expect(monthly.periods!.scale).toBe(6);
    const none = monthly.periods!.none;
    expect(none).toBe(-2147483648);
    // Period 1 by row: u1 1, u2 0, u8's "-0" not plain; the rows read as text are none there, their lists in `values`.
    expect([...monthly.periods!.columns[0]!]).toEqual([1_000_000, 0, none, none, none, none, none, none]);
    expect([...monthly.periods!.columns[2]!]).toEqual([10_000_000, 0, none, none, none, none, none, none]);
    expect(monthly.values!.map((v) => shown(v))).toEqual([undefined, undefined, ["1.0000001", "2", "3"], ["2", "2", "2"], undefined, undefined, undefined, ["0", "3", "3"]]);
    expect([...quarterly.periods!.columns[3]!]).toEqual([100_000_000, 0, 60_000_000, 70_000_000, 70_000_000, 50_000_000, none, 99_999_999]);

    const byColumns = seen(t);
    expect(byColumns).toEqual(seen(t.toRows() as Record<string, unknown>[]));
    expect(byColumns.values[0]).toEqual([
      ["monthly", ["1", "2.5", "10"]],
      ["quarterly", ["80", "90", "85.5", "100"]],
    ]);
    expect(byColumns.values[7]![1]).toEqual(["quarterly", ["100", "100", "100", "99.999999"]]);
    expect(byColumns.absent[5]).toEqual(["monthly"]);
    expect((byColumns.issues as Issue[]).map((i) => [i.code, i.subject, i.field])).toEqual([
      ["DATA_OUT_OF_RANGE", "u5", "monthly.1"],
      ["DATA_NOT_NUMBER", "u7", "monthly.1"],
      ["DATA_NOT_NUMBER", "u7", "quarterly.2"],
    ]);
  });

  test("scored from the period columns: hand-computed points, and the same assessment as the rows as objects", () => {
    const plain = ROWS.filter((r) => ["u1", "u2", "u3", "u4", "u8"].includes(r[0]!));
    const t = table(HEADER, plain);
    const result = safeAssess(RUBRIC, t as never, { trail: "full" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const units = result.value.results[0]!.units;
    const points = (id: string, node: string) => units.find((u) => u.id === id)!.nodes!.find((n) => n.id === node)!.points;
    // u1: 1 + 2.5 + 10 = 13.5; (80 + 90 + 85.5 + 100) / 4 = 88.875; total 102.375 (no rounding declared).
    expect([points("u1", "m"), points("u1", "q"), units.find((u) => u.id === "u1")!.score]).toEqual(["13.5", "88.875", "102.375"]);
    expect([points("u2", "m"), points("u2", "q")]).toEqual(["0", "0"]);
    // u3 from its list (7 decimals: the Dec walk): 6.0000001; u8: 0 + 3 + 3 = 6 and (300 + 99.999999) / 4 = 99.99999975.
    expect([points("u3", "m"), points("u8", "m"), points("u8", "q")]).toEqual(["6.0000001", "6", "99.99999975"]);
    expect(assessed(t)).toBe(assessed(t.toRows() as Record<string, unknown>[]));
    // And with the rows that have issues: the same issues either way.
    const all = table(HEADER, ROWS);
    expect(assessed(all)).toBe(assessed(all.toRows() as Record<string, unknown>[]));
  });

  test("over many blocks of rows (the table is read 1,024 rows at a time): the same values, issues and assessment", () => {
    const many = Array.from({ length: 2600 }, (_, i) => [`v${i}`, ...ROWS[i % ROWS.length]!.slice(1)]);
    const t = table(HEADER, many);
    const byColumns = seen(t);
    expect(byColumns).toEqual(seen(t.toRows() as Record<string, unknown>[]));
    expect(byColumns.issues).toHaveLength(3 * Math.ceil(2600 / ROWS.length));
    const clean = many.filter((_, i) => ![4, 5, 6].includes(i % ROWS.length));
    const c = table(HEADER, clean);
    expect(assessed(c)).toBe(assessed(c.toRows() as Record<string, unknown>[]));
  });

  test("read row by row as before when the periods cannot be columns: a bound beyond scale 6, a whole column beside them, a period not in the header", () => {
    const fine = rubric("{ type: series, length: 3, min: 0, max: 10.0000015 }");
    const cases: [CompiledRubric, readonly string[], readonly (readonly string[])[]][] = [
      [fine, HEADER, ROWS],
      [RUBRIC, [...HEADER, "monthly"], ROWS.map((r) => [...r, ""])],
      [RUBRIC, HEADER.filter((h) => h !== "monthly.3"), ROWS.map((r) => r.filter((_, c) => c !== 3))],
    ];
    for (const [target, header, rows] of cases) {
      const t = table(header, rows);
      const { inputs } = prepared(t, target);
      expect(inputs.columns[inputs.index.get("monthly")!]!.periods).toBeUndefined();
      expect(seen(t, target)).toEqual(seen(t.toRows() as Record<string, unknown>[], target));
      expect(assessed(t, target)).toBe(assessed(t.toRows() as Record<string, unknown>[], target));
    }
    // With the finer bound (7 places), 10.000001 is within it: u5 has no issue.
    expect((seen(table(HEADER, ROWS), fine).issues as Issue[]).map((i) => [i.subject, i.field])).toEqual([
      ["u7", "monthly.1"],
      ["u7", "quarterly.2"],
    ]);
  });

  test("beside a helper thread's columns (run in place over shared cells): the same values, periods and issues as the main thread alone", () => {
    const text = [["id", "x", ...HEADER.slice(1)].join(","), ...Array.from({ length: 2600 }, (_, i) => [`w${i}`, i % 9 === 0 ? "x" : String(i % 100), ...ROWS[i % ROWS.length]!.slice(1)].join(","))].join("\n");
    const shared = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text)));
    shared.write(text);
    const scanned = scanCsvBytes(shared)!;
    const t = new DataTable(scanned.header, scanned.length, scanned.cells);
    const withX = rubric(undefined, true);
    let work: HelperWork | undefined;
    const helper: ColumnHelper = {
      minRows: 1,
      start(w) {
        work = w;
        readHelperColumns(w);
        return { wait: (b) => expect(Atomics.load(w.done, b)).toBe(1), end() {} };
      },
    };
    // The period columns, and the issues in the order they were reported.
    const read = (h?: ColumnHelper) => {
      const { inputs, issues } = prepared(t, withX, h);
      return { periods: inputs.columns.map((c) => c.periods?.columns.map((p) => [...p])), issues: JSON.parse(JSON.stringify(issues)) as Issue[] };
    };
    expect(seen(t, withX, helper)).toEqual(seen(t, withX));
    const alone = read();
    expect(read(helper)).toEqual(alone);
    // The helper read x (column 1) only; the series stay with the main thread.
    expect(work!.columns.map((c) => c.column)).toEqual([1]);
    expect([...work!.claims].every((c) => c === 2)).toBe(true);
    expect(alone.periods[1]![0]!.slice(0, 2)).toEqual([1_000_000, 0]);
    expect(alone.issues.filter((i) => i.field === "x")).toHaveLength(Math.ceil(2600 / 9));
  });
});
