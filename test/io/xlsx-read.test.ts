/**
 * .xlsx data in: sheet choice, header detection below a title row, cell types, and
 * every error naming the sheet, the cell and the subject. The CLI runs in this
 * process (main), exceljs in its worker thread (src/io/xlsx-worker.js).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CliError } from "../../src/cli/errors.js";
import { main } from "../../src/cli/main.js";
import { formatIssue } from "../../src/diagnostics/format.js";
import { makeIssue } from "../../src/diagnostics/issue.js";
import { dateText, numberText, sheetRows } from "../../src/io/xlsx-read.js";
import { day, HEADER, MERGES, RUBRIC, ROWS, TITLE, workbook, type CellInput } from "./xlsx-fixtures.js";

function cli(args: string[], stdin: Buffer = Buffer.alloc(0)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: () => stdin, isTty: false });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The CLI runs and exceljs loads in a worker: no time limit meant, only a stop for a hang. */
const SLOW = 120_000;

function setup(sheets: Parameters<typeof workbook>[0]) {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-xlsx-"));
  writeFileSync(join(dir, "r.yaml"), RUBRIC);
  return {
    dir,
    rubric: join(dir, "r.yaml"),
    async write(name = "d.xlsx", content = sheets) {
      const file = join(dir, name);
      writeFileSync(file, await workbook(content));
      return file;
    },
  };
}

describe("reading .xlsx data", { timeout: SLOW }, () => {
  test("a title row above the header, Chinese headers, number, text, rich text, formula, boolean, date and merged cells", async () => {
    const s = setup([{ name: "评分表", rows: ROWS, merges: MERGES }]);
    const file = await s.write();
    const r = cli(["score", s.rubric, file, "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    // The header was found on row 2 (the first row with 编号 and an input column), and said so.
    expect(r.err).toBe(`note: ${file}: sheet "评分表", header on row 2 (found by its columns; --header-row N says where)`);
    const units = JSON.parse(r.out).results[0].units as { id: string; name: string; group: string; score: string; grade: string | null; rank: number | null; excluded: boolean }[];
    // b1: 55.5 + 38 (the formula's saved result) = 93.5 → 好 by band; b2: 58 + 39 = 97 → 好, TRUE downgrades → 较好;
    // b3: founded 2024-01-01 is 11 whole months before asOf 2024-12-31 → excluded;
    // b4: the saved 60.00000000000001 reads as 60 (15 significant digits), + 35 = 95, founded 2023-12-31 (12 months) → graded.
    // Quota: 好 at most floor(50% × 3) = 1 of the 3 graded: b4 (95, rank 2) keeps it, b1 (93.5, rank 3) → 较好.
    expect(units.map((u) => [u.id, u.name, u.group, u.score, u.grade, u.rank])).toEqual([
      ["b2", "第二支部", "机关", "97.00", "fair", 1],
      ["b4", "第四支部", "村", "95.00", "good", 2],
      ["b1", "第一支部", "机关", "93.50", "fair", 3],
      ["b3", "第三支部", "村", "80.00", null, null],
    ]);
  });

  test("--sheet picks a sheet; the first sheet in tab order is the default; a missing sheet lists the sheets", async () => {
    const s = setup([
      { name: "填表说明", rows: [["请按要求填写"]] },
      { name: "评分表", rows: ROWS, merges: MERGES },
    ]);
    const file = await s.write();
    expect(cli(["score", s.rubric, file, "--sheet", "评分表"]).code).toBe(0);
    const first = cli(["score", s.rubric, file]);
    expect(first.code).toBe(1);
    expect(first.err).toBe(`kaohe score: ${file}!填表说明: no header row in rows 1 to 1: none holds an id column ("id" or "编号") and an input column (such as "thought", "思想建设得分", "org"); give the header's row with --header-row N`);
    const missing = cli(["score", s.rubric, file, "--sheet", "评分"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`kaohe score: ${file}: no sheet "评分"; the sheets are "填表说明", "评分表"`);
  });

  test("--header-row declares the header: no note, and a wrong row is the user's word (its columns are unknown)", async () => {
    const s = setup([{ name: "评分表", rows: ROWS, merges: MERGES }]);
    const file = await s.write();
    const declared = cli(["score", s.rubric, file, "--header-row", "2"]);
    expect(declared.code, declared.err).toBe(0);
    expect(declared.err).toBe("");
    const wrong = cli(["score", s.rubric, file, "--header-row", "3"]);
    expect(wrong.code).toBe(1);
    // Row 3 as the header: "b1" is a column, and no row has an id (no 编号 column: the whole row).
    expect(wrong.err.split("\n")[0]).toBe(`${file}!评分表!4:4  field "编号"  DATA_MISSING_ID  subject has no id`);
    const empty = cli(["score", s.rubric, file, "--header-row", "5"]);
    expect(empty.err).toBe(`kaohe score: ${file}!评分表!5:5: --header-row 5 is an empty row`);
    expect(cli(["score", s.rubric, file, "--header-row", "0"]).code).toBe(2);
    expect(cli(["score", s.rubric, file, "--header-row", "x"]).err).toBe('kaohe score: --header-row must be a row number (1 or more), got "x"');
  });

  test("no header found in the first 50 rows: the sheet, the rows searched and what was looked for", async () => {
    const rows: CellInput[][] = [[TITLE], ["序号", "单位", "得分"], [1, "甲", 90]];
    const s = setup([{ name: "Sheet 1", rows }]);
    const file = await s.write();
    const r = cli(["score", s.rubric, file]);
    expect(r.code).toBe(1);
    // A sheet name with a space is quoted, as in a spreadsheet reference.
    expect(r.err).toBe(
      `kaohe score: ${file}!'Sheet 1': no header row in rows 1 to 3: none holds an id column ("id" or "编号") and an input column (such as "thought", "思想建设得分", "org"); give the header's row with --header-row N`,
    );
    // 51 title rows: row 51 is not searched.
    const deep = setup([{ name: "评分表", rows: [...Array.from({ length: 50 }, (_, i) => [`说明 ${i + 1}`]), ...ROWS.slice(1)] }]);
    expect(cli(["score", deep.rubric, await deep.write()]).err).toContain("no header row in rows 1 to 50");
    const ok = setup([{ name: "评分表", rows: [...Array.from({ length: 49 }, (_, i) => [`说明 ${i + 1}`]), ...ROWS.slice(1)] }]);
    const found = cli(["score", ok.rubric, await ok.write()]);
    expect(found.code, found.err).toBe(0);
    expect(found.err).toContain("header on row 50");
  });

  test("error cells and formulas without a saved result: every one, with the sheet, the cell, the subject and the field", async () => {
    const rows: CellInput[][] = [
      [TITLE],
      HEADER,
      ["b1", "第一支部", "机关", { error: "#N/A" }, 38, false, day(2020, 5, 1)],
      ["b2", "第二支部", "机关", 58, { formula: "A1+1" }, false, day(2020, 5, 1)],
      ["b3", "第三支部", "村", 50, { formula: "1/0", result: { error: "#DIV/0!" } }, false, day(2020, 5, 1)],
    ];
    const s = setup([{ name: "评分表", rows }]);
    const file = await s.write();
    const r = cli(["score", s.rubric, file]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([
      `${file}!评分表!D3  subject "b1"  field "思想建设得分"  DATA_CELL_ERROR  "思想建设得分" holds the spreadsheet error #N/A; correct the cell or its formula`,
      `${file}!评分表!E4  subject "b2"  field "组织建设得分"  DATA_FORMULA_NO_RESULT  "组织建设得分" is a formula with no saved result (the file was written by a program, not saved by Excel); open and save it in Excel or LibreOffice, or paste the values`,
      `${file}!评分表!E5  subject "b3"  field "组织建设得分"  DATA_CELL_ERROR  "组织建设得分" holds the spreadsheet error #DIV/0!; correct the cell or its formula`,
      `kaohe score: 3 problem(s) in ${file}`,
    ]);
  });

  test("a cell of the wrong type (a boolean or a date where a number belongs) is the library's data issue, at its cell", async () => {
    const rows: CellInput[][] = [
      [TITLE],
      HEADER,
      ["b1", "第一支部", "机关", true, 38, false, day(2020, 5, 1)],
      [],
      ["b2", "第二支部", "机关", day(2024, 3, 1), 39, "maybe", 45000],
    ];
    const s = setup([{ name: "评分表", rows }]);
    const file = await s.write();
    const r = cli(["score", s.rubric, file]);
    expect(r.code).toBe(1);
    const lines = r.err.split("\n").slice(1);
    // Row 4 is blank and skipped: b2 is the second subject but sits on row 5.
    expect(lines[0]).toBe(`${file}!评分表!D3  subject "b1"  field "思想建设得分"  DATA_NOT_NUMBER  "思想建设得分" must be a number, got "TRUE"`);
    expect(lines).toContain(`${file}!评分表!D5  subject "b2"  field "思想建设得分"  DATA_NOT_NUMBER  "思想建设得分" must be a number, got "2024-03-01"`);
    expect(lines.find((l) => l.includes("F5"))).toMatch(/^.*!评分表!F5  subject "b2"  field "严重违规违纪"  DATA_INVALID_VALUE/);
    // A number (the serial 45000) where a date belongs: not a date the parser reads.
    expect(lines.find((l) => l.includes("G5"))).toMatch(/!评分表!G5  subject "b2"  field "组建日期"  DATA_INVALID_DATE/);
  });

  test("an input with no column is reported on the subject's whole row (5:5)", async () => {
    const rows: CellInput[][] = [[TITLE], ["编号", "思想建设得分", "组建日期"], [], [], ["b1", 50, day(2020, 1, 1)]];
    const s = setup([{ name: "评分表", rows }]);
    const file = await s.write();
    const r = cli(["score", s.rubric, file]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[1]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!评分表!5:5  subject "b1"  field "组织建设得分"  DATA_MISSING_FIELD`));
  });

  test("header problems: a merged header cell, a column twice, a value under no header, an error in the header", async () => {
    const s = setup([]);
    const run = async (rows: CellInput[][], merges: string[] = []) => cli(["score", s.rubric, await s.write("h.xlsx", [{ name: "评分表", rows, merges }])]).err;
    const file = join(s.dir, "h.xlsx");
    expect(await run([HEADER.slice(0, 4), ["b1", "甲", "机关", 50]], ["B1:C1"])).toBe(`kaohe score: ${file}!评分表!C1: the header cell is merged with B1; give each column its own header`);
    expect(await run([[...HEADER.slice(0, 4), "思想建设得分"], ["b1", "甲", "机关", 50, 50]])).toBe(`kaohe score: ${file}!评分表!E1: the column "思想建设得分" appears twice (also at D1)`);
    expect(await run([[...HEADER.slice(0, 4)], ["b1", "甲", "机关", 50, null, "备注"]])).toBe(
      `kaohe score: ${file}!评分表!F2: a value under an empty header cell (F1); name the column or clear the value`,
    );
    expect(await run([[...HEADER.slice(0, 4), { error: "#REF!" }], ["b1", "甲", "机关", 50]], [])).toBe(`kaohe score: ${file}!评分表!E1: the header cell holds the error #REF!`);
    expect(await run([HEADER.slice(0, 4)])).toBe(`kaohe score: ${file}!评分表: no subjects (a header on row 1 but no rows below it)`);
    expect(await run([[], [" "]])).toBe(`kaohe score: ${file}!评分表: the sheet is empty`);
  });

  test("files that are not .xlsx workbooks, and --sheet on CSV data", async () => {
    const s = setup([]);
    const w = (name: string, bytes: Buffer | string) => {
      writeFileSync(join(s.dir, name), bytes);
      return join(s.dir, name);
    };
    const xls = w("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(cli(["score", s.rubric, xls]).err).toBe(`kaohe score: ${xls}: an Excel 97-2003 workbook (.xls) or a password-protected one; in Excel, save it as "Excel Workbook (*.xlsx)" without a password`);
    const text = w("text.xlsx", "编号,思想建设得分\nb1,50\n");
    expect(cli(["score", s.rubric, text]).err).toBe(`kaohe score: ${text}: not an .xlsx workbook (an .xlsx file is a zip archive; this one is not)`);
    const broken = w("broken.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const r = cli(["score", s.rubric, broken]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^kaohe score: .*broken\\.xlsx: cannot read the workbook: `));
    const csv = w("d.csv", "编号,思想建设得分\nb1,50\n");
    const usage = cli(["score", s.rubric, csv, "--sheet", "评分表"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toBe(`kaohe score: --sheet applies to .xlsx data; ${csv} is not a workbook`);
  });

  test("a workbook on stdin or under another name is read by content; explain and draw read workbooks too", async () => {
    const s = setup([{ name: "评分表", rows: ROWS, merges: MERGES }]);
    const bytes = await workbook([{ name: "评分表", rows: ROWS, merges: MERGES }]);
    const piped = cli(["score", s.rubric, "-", "--format", "csv"], bytes);
    expect(piped.code, piped.err).toBe(0);
    expect(piped.err).toBe('note: stdin: sheet "评分表", header on row 2 (found by its columns; --header-row N says where)');
    const other = await s.write("data.bin");
    expect(cli(["score", s.rubric, other, "--format", "csv"]).out).toBe(piped.out);
    const explained = cli(["explain", s.rubric, other, "--unit", "b1"]);
    expect(explained.code, explained.err).toBe(0);
    // explain shows the exact total, at most the rubric's 2 places (93.5; the CSV pads it to 93.50)
    expect(explained.out).toContain("total 总分: 93.5\n");
    // draw has no rubric: the header is the first row with the --id column.
    const drawn = cli(["draw", other, "--id", "编号", "--count", "2", "--seed", "2024-12-01", "--format", "json"]);
    expect(drawn.code, drawn.err).toBe(0);
    expect(JSON.parse(drawn.out).selected).toHaveLength(2);
    expect(cli(["draw", other, "--count", "2", "--seed", "x"]).err).toContain('none holds an id column ("id")');
  });
});

describe("cell values", { timeout: SLOW }, () => {
  test("numbers read as Excel shows them: 15 significant digits, exact decimal text", () => {
    expect(numberText(87.5)).toBe("87.5");
    expect(numberText(0.1 + 0.2)).toBe("0.3"); // 0.30000000000000004 → 0.300000000000000
    expect(numberText(60.00000000000001)).toBe("60");
    expect(numberText(0.953)).toBe("0.953");
    expect(numberText(-12.25)).toBe("-12.25");
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(123456789012345678)).toBe("123456789012346000"); // Excel keeps 15 digits too
    expect(numberText(1e-7)).toBe("0.0000001");
  });

  test("dates: a calendar date, or a date and time when it has one", () => {
    expect(dateText("2024-03-01T00:00:00.000Z")).toBe("2024-03-01");
    expect(dateText("2024-03-01T10:30:00.000Z")).toBe("2024-03-01 10:30:00");
    expect(dateText("2024-03-01T10:30:00.250Z")).toBe("2024-03-01 10:30:00.250");
  });

  test("sheetRows: null-prototype rows keyed by header, a merged cell's value in every cell it covers, whitespace rows skipped", () => {
    const rows = sheetRows(
      {
        sheets: ["S"],
        name: "S",
        rows: [
          [{ t: "s", v: "id" }, { t: "s", v: "__proto__" }, { t: "s", v: "g" }],
          [{ t: "s", v: "u1" }, { t: "n", v: 1 }, { t: "s", v: "甲" }],
          [{ t: "s", v: "  " }],
          [{ t: "s", v: "u2" }, null, { t: "s", v: "甲", m: "C2" }],
        ],
      },
      "x.xlsx",
      { hints: { idColumns: ["id"], inputColumns: [] } },
    );
    expect(rows.headerRow).toBe(1);
    expect(rows.detected).toBe(true);
    expect(rows.rows).toHaveLength(2);
    expect(Object.getPrototypeOf(rows.rows[0])).toBe(null);
    expect(Object.entries(rows.rows[0]!)).toEqual([["id", "u1"], ["__proto__", "1"], ["g", "甲"]]);
    expect(Object.entries(rows.rows[1]!)).toEqual([["id", "u2"], ["__proto__", ""], ["g", "甲"]]);
    expect(rows.locate(2, "g")).toEqual({ file: "x.xlsx", line: 4, col: 3, sheet: "S", cell: "C4" });
    // A field with no column is the whole row; a nested part (g.r2) is its base's column.
    expect(rows.locate(2, "nothing")?.cell).toBe("4:4");
    expect(rows.locate(2, "g.r2")?.cell).toBe("C4");
    expect(rows.locate(3, "g")).toBeUndefined();
  });

  test("sheetRows: an error value and a formula without a result are issues with their cell, subject and field (all of them, not the first)", () => {
    const read = () =>
      sheetRows(
        {
          sheets: ["评分表"],
          name: "评分表",
          rows: [
            [{ t: "s", v: "标题" }],
            [{ t: "s", v: "编号" }, { t: "s", v: "学习" }, { t: "s", v: "组织" }],
            [{ t: "s", v: "u1" }, { t: "e", v: "#VALUE!", f: true }, { t: "f" }],
            [{ t: "n", v: 7 }, { t: "n", v: 1 }, { t: "e", v: "#N/A" }],
          ],
        },
        "d.xlsx",
        { hints: { idColumns: ["编号"], inputColumns: ["学习"] } },
      );
    let thrown: unknown;
    try {
      read();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    const issues = (thrown as CliError).issues;
    expect(issues.map((i) => [i.code, i.subject, i.field, i.row, i.source?.cell, i.params])).toEqual([
      ["DATA_CELL_ERROR", "u1", "学习", 1, "B3", { field: "学习", error: "#VALUE!" }],
      ["DATA_FORMULA_NO_RESULT", "u1", "组织", 1, "C3", { field: "组织" }],
      // A number id (7) is the subject "7".
      ["DATA_CELL_ERROR", "7", "组织", 2, "C4", { field: "组织", error: "#N/A" }],
    ]);
    expect((thrown as CliError).message).toBe("3 problem(s) in d.xlsx");
  });

  test("formatIssue prints a cell as file!sheet!cell, quoting a sheet name that needs it", () => {
    const issue = (sheet: string, cell: string) => makeIssue("DATA_NOT_NUMBER", { field: "学习", received: "x" }, { row: 1, subject: "u1", field: "学习", source: { file: "d.xlsx", line: 7, col: 2, sheet, cell } });
    expect(formatIssue(issue("评分表", "B7"))).toBe('d.xlsx!评分表!B7  subject "u1"  field "学习"  DATA_NOT_NUMBER  "学习" must be a number, got "x"');
    expect(formatIssue(issue("2024 评分", "B7"))).toMatch(/^d\.xlsx!'2024 评分'!B7 {2}/);
    expect(formatIssue(issue("It's", "7:7"))).toMatch(/^d\.xlsx!'It''s'!7:7 {2}/);
  });
});
