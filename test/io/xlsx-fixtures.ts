/**
 * Workbooks for the tests, written with exceljs (awaited here; the CLI runs exceljs in a
 * worker). csvToWorkbook turns a CSV into the kind of sheet organisation departments
 * keep: a merged title row above the header, numbers as number cells, true/false as
 * boolean cells, everything else as text.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";

export type CellInput = ExcelJS.CellValue;

/** A workbook with the given sheets, each a grid of cell values (row 1 first); merges as "A1:E1". */
export async function workbook(sheets: readonly { name: string; rows: readonly (readonly CellInput[])[]; merges?: readonly string[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== undefined && value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV cell as Excel would hold it after typing it: a canonical number, a boolean, or text. */
export function typedCell(text: string): CellInput {
  if (text === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  return text;
}

/** The CSV as a sheet with a merged title row above its header. */
export async function csvToWorkbook(csv: string, options: { title: string; sheet: string }): Promise<Buffer> {
  const records = parse(csv, { bom: true, skip_empty_lines: true }) as string[][];
  const width = records[0]!.length;
  const rows = [[options.title], ...records.map((r, i) => (i === 0 ? r : r.map(typedCell)))];
  return workbook([{ name: options.sheet, rows, merges: [`A1:${columnLetters(width)}1`] }]);
}

export function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A small scheme with every kind of adjustment: an exclusion (a date input), a downgrade (a boolean), a quota, an action. */
export const RUBRIC = `kaohe: 1
id: branch-2024
name: 党支部考核
year: 2024
version: "1"
asOf: 2024-12-31
subject: { label: 党支部, id: 编号, name: 支部名称, group: 板块 }
rounding: { places: 2, mode: half-up }
inputs:
  thought: { type: number, min: 0, max: 60, places: 2, label: 思想建设得分 }
  org: { type: number, min: 0, max: 40, label: 组织建设得分 }
  violation: { type: boolean, default: false, label: 严重违规违纪 }
  founded: { type: date, label: 组建日期 }
grades:
  - { id: good, label: 好, min: 90 }
  - { id: fair, label: 较好, min: 80 }
  - { id: poor, label: 一般 }
scoring:
  max: 100
  children:
    - { id: thought, label: 思想建设, kind: input, max: 60 }
    - { id: org, label: 组织建设, kind: input, max: 40 }
rules:
  - { id: new-branch, kind: exclude, when: { fact: monthsSince.founded, lt: 12 }, reason: 新组建不满一年的党支部不参加定级 }
  - { id: violation, kind: downgrade, when: input.violation, reason: 严重违规违纪，直接降档 }
quotas:
  - { id: good-half, grade: good, share: 50%, scope: all, rounding: floor }
actions:
  - { id: talk, label: 约谈, when: { fact: grade, eq: fair } }
# Any loss counts towards a 共性问题 (the default counts losses of 10% of an item's points
# or more), so that this small batch has common problems to write.
feedback: { commonLoss: 0% }
`;

export const TITLE = "2024年度党建考核评分表";
export const HEADER = ["编号", "支部名称", "板块", "思想建设得分", "组织\n建设得分", "严重违规违纪", "组建日期"];
export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * The sheet organisation departments keep: a merged title row, the header on row 2
 * (one header cell with a line break), rich text, a formula with its saved result,
 * booleans as cells and as text, dates as cells and as text, a 板块 cell merged over
 * two rows, a blank row.
 */
export const ROWS: CellInput[][] = [
  [TITLE],
  HEADER,
  ["b1", { richText: [{ text: "第一" }, { font: { bold: true }, text: "支部" }] }, "机关", 55.5, { formula: "30+8", result: 38 }, false, day(2020, 5, 1)],
  ["b2", "第二支部", null, 58, 39, true, "2019/3/1"],
  [],
  ["b3", "第三支部", "村", 50, 30, "否", day(2024, 1, 1)],
  ["b4", "第四支部", "村", { formula: "0.1*600", result: 60.00000000000001 }, 35, "FALSE", day(2023, 12, 31)],
];
export const MERGES = ["A1:G1", "C3:C4"];

