/**
 * The CSV scanner (src/io/csv-scan.ts) against csv-parse: on any text, either it gives
 * exactly the records csv-parse gives (as the CLI calls it), or it declines and the
 * CLI falls back to csv-parse, which then names the problem as before. And the data
 * boundary reads a table exactly as it reads the same rows as objects.
 */
import { fc, test as prop } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { readCsvTable, parseCsv, CsvError } from "../../src/cli/csv.js";
import { scanCsv } from "../../src/io/csv-scan.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { prepareSubject } from "../../src/engine/prepare.js";
import { DataTable, RecordCells } from "../../src/engine/data-table.js";
import { loadRubric, safeAssess } from "../../src/index.js";

/** csv-parse as the CLI calls it, or "error". */
function reference(text: string): string[][] | "error" {
  try {
    return parse(text, { skip_empty_lines: true, relax_column_count: false, trim: false, bom: true }) as string[][];
  } catch {
    return "error";
  }
}

/** The scanner's records (header first), or "declined". */
function scanned(text: string): string[][] | "declined" {
  const s = scanCsv(text);
  if (!s) return "declined";
  const rows: string[][] = [[...s.header]];
  for (let r = 0; r < s.length; r++) rows.push(s.header.map((_, c) => s.cells.cell(r, c)));
  return rows;
}

describe("scanCsv", () => {
  test.each([
    ["plain LF", "id,a\nu1,1\nu2,2\n", [["id", "a"], ["u1", "1"], ["u2", "2"]]],
    ["CRLF, no final break", "id,a\r\nu1,1\r\nu2,2", [["id", "a"], ["u1", "1"], ["u2", "2"]]],
    ["BOM, quotes, doubled quotes, a comma and line breaks inside quotes", '\ufeffid,"a b"\r\n"u,1","say ""hi""\r\nthere"\r\n', [["id", "a b"], ["u,1", 'say "hi"\r\nthere']]],
    ["empty cells and empty quoted cells", 'id,a,b\nu1,,""\n', [["id", "a", "b"], ["u1", "", ""]]],
    ["empty lines skipped", "id,a\n\nu1,1\n\n\nu2,2\n\n", [["id", "a"], ["u1", "1"], ["u2", "2"]]],
    ["Chinese text, spaces kept", "编号,名称\n U1 ,第1组 \n", [["编号", "名称"], [" U1 ", "第1组 "]]],
  ])("%s: the cells csv-parse gives", (_name, text, expected) => {
    expect(scanned(text)).toEqual(expected);
    expect(reference(text)).toEqual(expected);
  });

  test.each([
    ["a row with fewer cells", "id,a\nu1\n"],
    ["a row with more cells", "id,a\nu1,1,2\n"],
    ["an unclosed quote", 'id,a\nu1,"1\n'],
    ["text after a closing quote", 'id,a\nu1,"1"x\n'],
    ["a quote inside an unquoted cell", 'id,a\nu1,1"2\n'],
    ["LF then CRLF", "id,a\nu1,1\r\n"],
    ["a bare CR", "id,a\ru1,1\r"],
  ])("%s: declined (the full parser decides)", (_name, text) => {
    expect(scanned(text)).toBe("declined");
  });

  test("nothing but line breaks: no table", () => {
    expect(scanCsv("\n\r\n")).toBeUndefined();
  });

  // Text made of the characters that matter to CSV, and a few others.
  const csvText = fc.array(fc.constantFrom(",", '"', "\n", "\r", "\r\n", "a", "b", " ", "1", "好", '""', ",,"), { maxLength: 40 }).map((parts) => parts.join(""));

  prop.prop([csvText], { numRuns: 3000 })("on any text: csv-parse's records, or declined", (text) => {
    const mine = scanned(text);
    const theirs = reference(text);
    if (mine !== "declined") expect(mine).toEqual(theirs);
  });

  // Well-formed CSV (every row the header's width, cells quoted when they need it): never declined.
  const cellText = fc.array(fc.constantFrom("a", "1", " ", ",", '"', "\n", "好", "."), { maxLength: 6 }).map((p) => p.join(""));
  const quote = (c: string) => (/[",\r\n]/.test(c) || c === "" ? `"${c.replace(/"/g, '""')}"` : c);
  const wellFormed = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.tuple(fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }), fc.constantFrom("\n", "\r\n"), fc.boolean()).map(([rows, eol, last]) => ({
      rows,
      text: rows.map((r) => r.map(quote).join(",")).join(eol) + (last ? eol : ""),
    })),
  );
  prop.prop([wellFormed], { numRuns: 1000 })("well-formed CSV is scanned, with the cells that were written", ({ rows, text }) => {
    expect(scanned(text)).toEqual(rows);
    expect(reference(text)).toEqual(rows);
  });
});

describe("readCsvTable and parseCsv", () => {
  test("a table and parseCsv's rows agree; a header given twice is still refused with its positions", () => {
    const text = "id, a ,b\nu1,1,2\n";
    const table = readCsvTable(text, "d.csv");
    expect(table.header).toEqual(["id", "a", "b"]);
    expect(table.toRows()).toEqual(parseCsv(text, "d.csv"));
    try {
      readCsvTable("id,a,a \nu1,1,2\n", "d.csv");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).issues.map((i) => [i.code, i.params])).toEqual([["DATA_DUPLICATE_COLUMN", { column: "a", first: 2, second: 3 }]]);
    }
  });

  test("a file the scanner declines is read by csv-parse: a bad row is named by its line, as before", () => {
    expect(() => readCsvTable("id,a\nu1,1\nu2\n", "d.csv")).toThrow(CsvError);
    try {
      readCsvTable("id,a\nu1,1\nu2\n", "d.csv");
    } catch (e) {
      expect((e as CsvError).text).toEqual(expect.objectContaining({ key: "csv-cells" }));
    }
  });
});

const RUBRIC = loadRubric(`kaohe: 1
id: t
name: t
year: 2024
version: "1"
inputs:
  monthly: { type: series, length: 3, min: 0, max: 10 }
  panel: { type: scores, min: 0, max: 100 }
  ok: { type: boolean }
  level: { type: choice, values: [好, 差] }
  cases: { type: records, fields: { case: text } }
grades:
  - { id: good, label: 好, min: 10 }
  - { id: poor, label: 差 }
scoring:
  max: 190
  children:
    - { id: a, label: a, kind: input, max: 50 }
    - { id: lv, label: lv, kind: levels, input: level, max: 5, levels: { 好: 5, 差: 0 } }
    - { id: m, label: m, kind: periods, input: monthly, count: 3, max: 30, aggregate: sum }
    - { id: p, label: p, kind: panel, input: panel, max: 100 }
    - { id: o, label: o, kind: yesno, input: ok, max: 5 }
`);

describe("the data boundary reads a table as it reads the same rows as objects", () => {
  const cases: [string, string][] = [
    ["clean", "id,name,a,monthly.1,monthly.2,monthly.3,panel.r1,panel.r2,ok,level\nu1,甲,10,1,2,3,80,90,是,好\nu2,乙,20.50,,,,70,,false,差\n"],
    ["bad values, a missing id, a duplicate id, an unknown column", "id,a,ok,level,extra\nu1,abc,maybe,中,x\n,1,true,好,y\nu1,2,true,好,z\nu3,60,true,好,\n"],
    ["a series period out of range, a base given twice", "id,a,monthly,monthly.1,monthly.4\nu1,1,[1;2;3],5,6\nu2,2,,,7\n"],
    ["a name column and the id given as 编号 too", "id,name,name,a\nu1,x,y,1\n"],
    [
      "two bases given twice, the second's first dotted column empty; a panel by rater; records",
      'id,a,panel,monthly,monthly.1,panel.r1,monthly.2,panel.r2,cases\nu1,1,80,[1],,70,2,75,"[{""case"":""c1""}]"\nu2,2,,,1,60,,,[oops\nu3,3,,,,,,,\n',
    ],
  ];
  test.each(cases)("%s: the same subjects, values and issues", (_name, text) => {
    const all = parse(text, { skip_empty_lines: true, bom: true, relax_column_count: true }) as string[][];
    const header = all[0]!;
    const records = all.slice(1);
    const table = new DataTable(header, records.length, new RecordCells(records));
    const rows = table.toRows();
    const a = checkSubjects(table, [RUBRIC]);
    const b = checkSubjects(rows, [RUBRIC]);
    expect(a.issues).toEqual(b.issues);
    expect(a.subjects.map((s) => [s.id, s.row, s.name, s.group])).toEqual(b.subjects.map((s) => [s.id, s.row, s.name, s.group]));
    const ia: unknown[] = [];
    const ib: unknown[] = [];
    const pa = a.subjects.map((s) => prepareSubject(s, RUBRIC, ia as never));
    const pb = b.subjects.map((s) => prepareSubject(s, RUBRIC, ib as never));
    expect(ia).toEqual(ib);
    expect(pa.map((p) => [p.id, [...p.values].map(([k, v]) => [k, String(v)]), [...p.absent], [...p.columns]])).toEqual(
      pb.map((p) => [p.id, [...p.values].map(([k, v]) => [k, String(v)]), [...p.absent], [...p.columns]]),
    );
    // Through the public API too: the same results or the same issues.
    expect(JSON.stringify(safeAssess(RUBRIC, table))).toBe(JSON.stringify(safeAssess(RUBRIC, rows)));
  });

  test("ignoreColumns sets a table's columns aside as it sets the same rows' keys aside (a dotted column by its base too)", () => {
    const full = ["monthly.1", "monthly.2", "monthly.3", "panel", "ok", "level"];
    const given = ["1", "2", "3", "80", "是", "好"];
    const table = new DataTable(["id", "a", "old", "older.1", "older.2", ...full], 2, new RecordCells([["u1", "10", "x", "1", "2", ...given], ["u2", "20", "y", "", "", ...given]]));
    const viaTable = safeAssess(RUBRIC, table, { ignoreColumns: ["older", "old", "never"] });
    const viaRows = safeAssess(RUBRIC, table.toRows(), { ignoreColumns: ["older", "old", "never"] });
    expect(JSON.stringify(viaTable)).toBe(JSON.stringify(viaRows));
    expect(viaTable.ok ? viaTable.value.setAside : viaTable.issues.map((i) => i.message)).toEqual(["older", "old"]);
  });

  test("a cell longer than limits.cellLength is DATA_TOO_LARGE from a table too; a table wider than limits.columns once for all its rows", () => {
    const table = new DataTable(["id", "a"], 2, new RecordCells([["u1", "1".repeat(11)], ["u2", "1"]]));
    const long = checkSubjects(table, [RUBRIC], { cellLength: 10 });
    expect(long.issues.map((i) => [i.code, i.row, i.field, i.params.count])).toEqual([["DATA_TOO_LARGE", 1, "a", 11]]);
    expect(long.issues).toEqual(checkSubjects(table.toRows(), [RUBRIC], { cellLength: 10 }).issues);
    const wide = checkSubjects(table, [RUBRIC], { columns: 1 });
    expect(wide.issues).toEqual(checkSubjects(table.toRows(), [RUBRIC], { columns: 1 }).issues);
    expect(wide.issues.map((i) => [i.code, i.row, i.params.rows])).toEqual([["DATA_TOO_LARGE", 1, 2]]);
    const many = checkSubjects(table, [RUBRIC], { rows: 1 });
    expect(many.issues.map((i) => [i.code, i.params.count])).toEqual([["DATA_TOO_LARGE", 2]]);
  });
});
