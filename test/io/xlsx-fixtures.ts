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
