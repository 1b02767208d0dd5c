/**
 * The one module that touches exceljs: it reads a sheet into plain cells and renders a
 * plain workbook description into .xlsx bytes. Everything else (header detection,
 * cell conversion, the results' layout) is TypeScript in xlsx-read.ts and
 * xlsx-write.ts, which never see an exceljs object.
 *
 * exceljs is asynchronous only, while the CLI is synchronous (main() returns its exit
 * code), so xlsx-sync.ts runs this file in a worker thread and waits for each answer
 * (the synckit pattern: Atomics.wait on a shared flag, receiveMessageOnPort). It is
 * plain JavaScript so that the same file runs from the sources (tests) and from dist/
 * (tsup copies it there as dist/xlsx-worker.js); its types are in xlsx-worker.d.ts.
 * Tests may also import readSheet and writeWorkbook directly and await them.
 */
import { isMainThread, workerData } from "node:worker_threads";

async function excel() {
  const module = await import("exceljs");
  return module.default ?? module;
}

/**
 * One exceljs cell value as a plain cell: n number, s text, b boolean, d date (ISO
 * text of the UTC instant exceljs makes of the serial), e error (#N/A...), f a formula
 * with no saved result. Formula cells give their saved result, marked f: true.
 */
function plainCell(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return { t: "n", v: value };
  if (typeof value === "string") return { t: "s", v: value };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { t: "e", v: "#VALUE!" } : { t: "d", v: value.toISOString() };
  if (typeof value === "object") {
    if (Array.isArray(value.richText)) return { t: "s", v: value.richText.map((r) => String(r.text ?? "")).join("") };
    if ("error" in value) return { t: "e", v: String(value.error) };
    if ("formula" in value || "sharedFormula" in value) {
      const result = value.result === undefined ? null : plainCell(value.result);
      return result === null ? { t: "f" } : { ...result, f: true };
    }
    if ("hyperlink" in value || "text" in value) return plainCell(value.text ?? "");
  }
  return { t: "e", v: "(unreadable)" };
}

/**
 * Read one sheet (the first in tab order when `sheet` is undefined).
 *
 * @param {Uint8Array} bytes - the .xlsx file
 * @param {string | undefined} sheet - the sheet's name
 * @returns the names of all sheets, and the sheet's rows (index 0 = row 1) of cells
 *   (index 0 = column A); `name` is null when there is no such sheet
 */
export async function readSheet(bytes, sheet) {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheets = workbook.worksheets.map((w) => w.name);
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === sheet);
  if (!ws) return { sheets, name: null, rows: [] };
  const rows = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    // A cell covered by a merge reads as its top-left cell (exceljs gives the master's value).
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const plain = plainCell(cell.value);
      if (plain) cells[col - 1] = cell.isMerged && cell.master !== cell ? { ...plain, m: cell.master.address } : plain;
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { sheets, name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
}

const BORDER = { style: "thin", color: { argb: "FFBFBFBF" } };

/**
 * Render a workbook description (xlsx-write.ts) into .xlsx bytes.
 *
 * @param {import("./xlsx-worker.js").WorkbookSpec} spec - sheets, columns and cells
 * @returns {Promise<Uint8Array>} the file
 */
export async function writeWorkbook(spec) {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator;
  for (const sheet of spec.sheets) {
    const top = sheet.title ? 2 : 1; // the header row
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: "frozen", xSplit: sheet.freezeColumns, ySplit: top, topLeftCell: `${columnName(sheet.freezeColumns + 1)}${top + 1}` }],
      // A4; narrow sheets print one page wide, wide ones (the items) across pages with
      // the frozen columns repeated on each.
      pageSetup: {
        paperSize: 9,
        orientation: sheet.landscape ? "landscape" : "portrait",
        ...(sheet.fitWidth === false ? {} : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
        printTitlesRow: `1:${top}`,
        ...(sheet.fitWidth === false && sheet.freezeColumns > 0 ? { printTitlesColumn: `A:${columnName(sheet.freezeColumns)}` } : {}),
      },
    });
    const width = sheet.columns.length;
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
    });
    if (sheet.title) {
      const cell = ws.getCell(1, 1);
      cell.value = sheet.title;
      cell.font = { bold: true, size: 14 };
      cell.alignment = { vertical: "middle" };
      if (width > 1) ws.mergeCells(1, 1, 1, width);
      ws.getRow(1).height = 24;
    }
    const header = ws.getRow(top);
    if (sheet.headerHeight) header.height = sheet.headerHeight;
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
      cell.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
    });
    // One style object per column (and one more for its numbers' format), shared by its
    // cells: ExcelJS finds a style it has seen by the object's identity, where a new
    // object per cell is serialised and looked up again for every cell.
    const styles = sheet.columns.map((column) => {
      const alignment = column.wrap ? { vertical: "top", wrapText: true } : { vertical: "top" };
      return { text: { alignment }, number: column.numFmt ? { numFmt: column.numFmt, alignment } : { alignment } };
    });
    const unstyled = { text: { alignment: { vertical: "top" } }, number: { alignment: { vertical: "top" } } };
    sheet.rows.forEach((values, r) => {
      const row = ws.getRow(top + 1 + r);
      const height = sheet.rowHeights?.[r];
      if (height) row.height = height;
      values.forEach((value, i) => {
        if (value === null || value === undefined || value === "") return;
        const style = styles[i] ?? unstyled;
        const cell = row.getCell(i + 1);
        cell.value = value;
        cell.style = typeof value === "number" ? style.number : style.text;
      });
    });
    if (sheet.autoFilter && sheet.rows.length > 0) ws.autoFilter = { from: { row: top, column: 1 }, to: { row: top, column: width } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** 1 → A, 27 → AA. */
function columnName(n) {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

async function run(request) {
  if (request.op === "read") return readSheet(request.bytes, request.sheet);
  if (request.op === "write") return writeWorkbook(request.spec);
  throw new Error(`unknown request ${String(request.op)}`);
}

// In a worker started by xlsx-sync.ts: answer each request on the port, then raise
// the flag the main thread waits on. If the worker ends (an error that escapes, an
// exit), the flag is raised once more so that no wait lasts for ever.
if (!isMainThread && workerData && workerData.kaoheXlsx === 1) {
  const { flag, port } = workerData;
  const raise = () => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  port.on("message", (request) => {
    run(request).then(
      (value) => {
        port.postMessage({ ok: true, value });
        raise();
      },
      (e) => {
        port.postMessage({ ok: false, error: String((e && e.message) || e).split("\n")[0] });
        raise();
      },
    );
  });
  process.on("exit", raise);
}
