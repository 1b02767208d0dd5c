/**
 * The byte scanner (src/io/csv-bytes.ts): a UTF-8 CSV read from its bytes gives the
 * header, cells and refusals that scanCsv gives for the decoded text (so csv-parse's,
 * test/io/csv-scan.test.ts), `cellScaled` gives what scaledDigits gives for the cell's
 * text, and the CLI's reader (readCsvBytes, readData) gives the same table and the same
 * errors as reading the decoded text.
 */
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { scanCsvBytes, scanPart, scaledDigitsBytes, type ScanHelper, type ScanPart } from "../../src/io/csv-bytes.js";
import { ScanThread } from "../../src/io/cells-thread.js";
import { scanCsv, type Scanned } from "../../src/io/csv-scan.js";
import { scaledDigits } from "../../src/engine/data-table.js";
import { checkEncoding, CsvError, decodeText, firstNonSpace, readCsvBytes, readCsvTable } from "../../src/cli/csv.js";
import { readData } from "../../src/cli/load.js";
import { CliError } from "../../src/cli/errors.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { loadRubric } from "../../src/index.js";

const utf8 = (text: string) => Buffer.from(text, "utf8");

/** Header first, then every row's cells; or "declined". */
function cellsOf(s: Scanned | undefined): string[][] | "declined" {
  if (!s) return "declined";
  const rows: string[][] = [[...s.header]];
  for (let r = 0; r < s.length; r++) rows.push(s.header.map((_, c) => s.cells.cell(r, c)));
  return rows;
}

describe("scanCsvBytes: the cells of hand-made bytes", () => {
  test.each([
    ["plain LF, a last line without a line break", "id,a\nu1,1\nu2,2", [["id", "a"], ["u1", "1"], ["u2", "2"]]],
    ["CRLF with a final line break", "id,a\r\nu1,1\r\nu2,2\r\n", [["id", "a"], ["u1", "1"], ["u2", "2"]]],
    ["a BOM (EF BB BF) before the header", "\ufeffid,a\nu1,1\n", [["id", "a"], ["u1", "1"]]],
    ["quoted cells with a comma, doubled quotes and a CRLF inside", 'id,"a b"\r\n"u,1","say ""hi""\r\nthere"\r\n', [["id", "a b"], ["u,1", 'say "hi"\r\nthere']]],
    ["a quoted LF inside a Chinese cell", 'id,备注\nu1,"第一行\n第二行"\n', [["id", "备注"], ["u1", "第一行\n第二行"]]],
    ["Chinese text, spaces kept, a 4-byte character", "编号,名称\n U1 ,第1组 𠀀\n", [["编号", "名称"], [" U1 ", "第1组 𠀀"]]],
    ["empty cells, an empty quoted cell, a last empty cell", 'id,a,b,c\nu1,,"",\n', [["id", "a", "b", "c"], ["u1", "", "", ""]]],
    ["empty lines skipped", "id,a\n\nu1,1\n\n\nu2,2\n\n", [["id", "a"], ["u1", "1"], ["u2", "2"]]],
    ["a long ASCII cell and a long Chinese one (past the short-cell path)", "id,t\nu1,abcdefghijklmnopqrstuvwxyz\nu2,党建考核党建考核党建考核\n", [["id", "t"], ["u1", "abcdefghijklmnopqrstuvwxyz"], ["u2", "党建考核党建考核党建考核"]]],
  ])("%s", (_name, text, expected) => {
    expect(cellsOf(scanCsvBytes(utf8(text)))).toEqual(expected);
    expect(cellsOf(scanCsv(text))).toEqual(expected);
  });

  test.each([
    ["a row with fewer cells (ragged)", "id,a\nu1\n"],
    ["a row with more cells (ragged)", "id,a\nu1,1,2\n"],
    ["an unclosed quote", 'id,a\nu1,"1\n'],
    ["text after a closing quote", 'id,a\nu1,"1"x\n'],
    ["a quote inside an unquoted cell", 'id,a\nu1,1"2\n'],
    ["LF then CRLF", "id,a\nu1,1\r\n"],
    ["a bare CR", "id,a\ru1,1\r"],
  ])("%s: declined, as scanCsv declines", (_name, text) => {
    expect(scanCsvBytes(utf8(text))).toBeUndefined();
    expect(scanCsv(text)).toBeUndefined();
  });

  test("nothing but line breaks, or nothing: no table", () => {
    expect(scanCsvBytes(utf8("\n\r\n"))).toBeUndefined();
    expect(scanCsvBytes(new Uint8Array(0))).toBeUndefined();
  });

  test("a Uint8Array that is a view into a larger buffer is read from its own offset", () => {
    const whole = utf8("xxid,a\nu1,7\n");
    const s = scanCsvBytes(new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.byteLength - 2));
    expect(cellsOf(s)).toEqual([["id", "a"], ["u1", "7"]]);
  });

  test("short cells kept decoded (4,096 slots, so slots are shared) read the same in any order, a cell of the same length and another text never mistaken for it", () => {
    // 6,000 rows: an id unique per row, a choice from 4 texts, a number, and cells of equal length that differ in one byte (好 E5 A5 BD vs 如 E5 A6 82).
    const choices = ["好", "较好", "一般", "差"];
    const lines = ["id,c,n,s"];
    for (let r = 0; r < 6000; r++) lines.push(`U${String(r).padStart(7, "0")},${choices[r % 4]},${r % 97}.${r % 10},${r % 2 ? "好好" : "好如"}`);
    const text = `${lines.join("\n")}\n`;
    const mine = scanCsvBytes(utf8(text))!;
    const theirs = scanCsv(text)!;
    const order: [number, number][] = [];
    for (let r = 0; r < 6000; r++) for (let c = 0; c < 4; c++) order.push([r, c]);
    // Forwards, backwards, then by a stride that visits rows out of order.
    const orders = [order, [...order].reverse(), order.map((_, i) => order[(i * 7919) % order.length]!)];
    for (const o of orders) for (const [r, c] of o) if (mine.cells.cell(r, c) !== theirs.cells.cell(r, c)) expect([r, c, mine.cells.cell(r, c)]).toEqual([r, c, theirs.cells.cell(r, c)]);
    expect(mine.cells.cell(5999, 0)).toBe("U0005999");
    expect(mine.cells.cell(1, 3)).toBe("好好");
    expect(mine.cells.cell(2, 3)).toBe("好如");
  });

  test("a row of 64 KiB: offsets from a row's start fit 16 bits up to 65,535 and are widened past it, rows before it still read", () => {
    // Row u1: "u1," is 3 bytes, then 65,532 x: its second cell ends 65,535 bytes into the row (the 16-bit maximum).
    // Row u2: 65,533 x end it at 65,536, one past; row u3 after it is short again.
    const x1 = "x".repeat(65532);
    const x2 = "x".repeat(65533);
    const s = scanCsvBytes(utf8(`id,t,n\nu0,a,1\nu1,${x1},2.5\nu2,${x2},"3"\nu3,b,4\n`))!;
    expect(cellsOf(s)).toEqual([["id", "t", "n"], ["u0", "a", "1"], ["u1", x1, "2.5"], ["u2", x2, "3"], ["u3", "b", "4"]]);
    expect(s.cells.rowLength(1)).toBe(65539); // 3 + 65,532 + 1 + 3 (2.5)
    expect(s.cells.rowLength(2)).toBe(65540); // 3 + 65,533 + 1 + 3 ("3")
    expect(s.cells.cellLength(2, 1)).toBe(65533);
    expect([0, 1, 2, 3].map((r) => s.cells.cellScaled!(r, 2, 1))).toEqual([10, 25, 30, 40]); // 1, 2.5, "3", 4 at scale 1
  });

  test("cellLength and rowLength are byte lengths: exact for ASCII, at least the text's length otherwise", () => {
    const s = scanCsvBytes(utf8('id,名,q\nu1,好好,"a""b"\n'))!;
    expect(s.cells.cellLength(0, 0)).toBe(2); // "u1"
    expect(s.cells.cellLength(0, 1)).toBe(6); // 好好: 2 × 3 bytes ≥ 2 characters
    expect(s.cells.cellLength(0, 2)).toBe(6); // "a""b" as written ≥ a"b (3)
    expect(s.cells.rowLength(0)).toBe(16); // u1,好好,"a""b" = 2 + 1 + 6 + 1 + 6
  });
});

describe("cellScaled from the bytes", () => {
  const table = scanCsvBytes(utf8('id,a,b,c,d,e,f,g,h\nu1,85,"85",12.50,"1""2",８５,-1,,""\nu2,900719925.474099,900719925.474100,9999999999999999,0.947,1.,.5, 3,好\n'))!;
  const at = (row: number, column: number, scale: number) => table.cells.cellScaled!(row, column, scale);
  test("plain cells, quoted or not, as exact integers of 10^-scale", () => {
    expect(at(0, 1, 2)).toBe(8500); // 85 × 10²
    expect(at(0, 2, 2)).toBe(8500); // "85": its text is 85, a plain number (scaledDigits("85") = 8500)
    expect(at(0, 3, 2)).toBe(1250); // 12.50 × 10²
    expect(at(1, 1, 7)).toBe(9007199254740990); // 2^53 − 2
    expect(at(1, 4, 6)).toBe(947000); // 0.947 × 10⁶
  });
  test("not plain: NaN, as for the text", () => {
    expect(at(0, 3, 1)).toBeNaN(); // two decimals written, one allowed
    expect(at(0, 4, 6)).toBeNaN(); // "1""2" is 1"2
    expect(at(0, 5, 6)).toBeNaN(); // full-width digits
    expect(at(0, 6, 6)).toBeNaN(); // a sign
    expect(at(0, 7, 6)).toBeNaN(); // empty
    expect(at(0, 8, 6)).toBeNaN(); // "" is empty
    expect(at(1, 2, 7)).toBeNaN(); // 9007199254741000 > 2^53 − 1
    expect(at(1, 3, 0)).toBeNaN(); // 16 digits
    expect(at(1, 5, 6)).toBeNaN(); // 1.
    expect(at(1, 6, 6)).toBeNaN(); // .5
    expect(at(1, 7, 6)).toBeNaN(); // " 3": a space
    expect(at(1, 8, 6)).toBeNaN(); // 好
  });
  test("scaledDigitsBytes reads part of the bytes", () => {
    expect(scaledDigitsBytes(utf8("a,12.5,b"), 2, 6, 1)).toBe(125);
  });

  // Cells made of what a number cell can hold, and what makes one not plain.
  const cellText = fc.array(fc.constantFrom("0", "1", "5", "9", ".", "-", " ", "好", "８", '"', ",", "e", "\n"), { maxLength: 18 }).map((p) => p.join(""));
  const quote = (c: string) => (/[",\r\n]/.test(c) || c === "" ? `"${c.replace(/"/g, '""')}"` : c);
  prop.prop([fc.array(cellText, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.integer({ min: 0, max: 22 })], { numRuns: 3000 })(
    "on any cells, quoted or not: cellScaled is scaledDigits of the cell's text",
    (cells, quoteAll, scale) => {
      const written = cells.map((c) => (quoteAll ? `"${c.replace(/"/g, '""')}"` : quote(c)));
      const s = scanCsvBytes(utf8(`${cells.map((_, i) => `c${i}`).join(",")}\n${written.join(",")}\n`))!;
      expect(s.length).toBe(1);
      cells.forEach((text, c) => {
        expect(s.cells.cell(0, c)).toBe(text);
        expect(s.cells.cellScaled!(0, c, scale)).toBe(scaledDigits(text, 0, text.length, scale));
      });
    },
  );
  prop.prop([fc.stringMatching(/^[0-9]{1,16}(\.[0-9]{1,16})?$/), fc.integer({ min: 0, max: 22 })], { numRuns: 3000 })("on plain-looking numbers of every length: the same as scaledDigits", (text, scale) => {
    const b = utf8(`"${text}",${text}`);
    expect(scaledDigitsBytes(b, 1, text.length + 1, scale)).toBe(scaledDigits(text, 0, text.length, scale));
    expect(scaledDigitsBytes(b, text.length + 3, b.length, scale)).toBe(scaledDigits(text, 0, text.length, scale));
  });
});

describe("scanCsvBytes against scanCsv on random text", () => {
  const csvText = fc.array(fc.constantFrom(",", '"', "\n", "\r", "\r\n", "a", "b", " ", "1", "好", "𠀀", '""', ",,", "\ufeff"), { maxLength: 40 }).map((parts) => parts.join(""));
  prop.prop([csvText], { numRuns: 3000 })("the same header, rows and cells, or both declined", (text) => {
    expect(cellsOf(scanCsvBytes(utf8(text)))).toEqual(cellsOf(scanCsv(text)));
  });
});

describe("scanCsvBytes in two halves: a helper scans the second while this thread scans the first", () => {
  /** The bytes in shared memory, as the CLI reads a large file. */
  const shared = (text: string) => {
    const b = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text)));
    b.write(text);
    return b;
  };
  /** A helper that scans its part in place, before this thread starts its own half (so the part is surely its). */
  const inPlace = (): ScanHelper & { parts: ScanPart[] } => {
    const parts: ScanPart[] = [];
    return { minBytes: 0, parts, start: (part) => (parts.push(part), scanPart(part), { end() {} }) };
  };
  /** A helper that starts too late: this thread claims the part first and scans it. */
  const late: ScanHelper = { minBytes: 0, start: () => ({ end() {} }) };
  const declining: ScanHelper = { minBytes: 0, start: () => undefined };
  const state = (h: { parts: ScanPart[] }) => [...h.parts[0]!.state];

  const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join("\r\n");

  test("plain rows: the second half is the helper's, copied in; the same cells", () => {
    const text = `id,a,名称\r\n${rows(200, (i) => `u${i},${i * 7},第${i}组`)}\r\n`;
    const h = inPlace();
    const split = cellsOf(scanCsvBytes(shared(text), h));
    expect(split).toEqual(cellsOf(scanCsvBytes(utf8(text))));
    expect(split).not.toBe("declined");
    // Claimed by the helper (2), done (1), scanned (1), about half of the 200 rows.
    const [claim, done, outcome, partRows] = state(h);
    expect([claim, done, outcome]).toEqual([2, 1, 1]);
    expect(partRows).toBeGreaterThan(90);
    expect(partRows).toBeLessThan(110);
    for (const helper of [late, declining]) expect(cellsOf(scanCsvBytes(shared(text), helper))).toEqual(split);
  });

  test("the middle falls inside a quoted cell holding line breaks: this thread scans on alone; the same cells", () => {
    const long = `"${"第一行\n".repeat(400)}"`;
    const text = `id,备注\nu1,x\nu2,${long}\nu3,y\n`;
    const h = inPlace();
    expect(cellsOf(scanCsvBytes(shared(text), h))).toEqual(cellsOf(scanCsvBytes(utf8(text))));
    expect(cellsOf(scanCsvBytes(shared(text), h))).toEqual([["id", "备注"], ["u1", "x"], ["u2", long.slice(1, -1)], ["u3", "y"]]);
    // The helper scanned from inside the cell (its part is not the file's rows) and was not used.
    expect(state(h)[0]).toBe(2);
  });

  test("a second half the scanner declines (a quote inside an unquoted cell): declined, as by one thread", () => {
    const text = `id,a\n${rows(100, (i) => `u${i},${i}`)}\nu100,1"2\n`;
    expect(scanCsvBytes(utf8(text))).toBeUndefined();
    const h = inPlace();
    expect(scanCsvBytes(shared(text), h)).toBeUndefined();
    expect(state(h)[2]).toBe(0);
  });

  test("a row of 64 KiB or more in the second half: the helper declines (wide offsets), this thread scans it", () => {
    // 80 KB of rows first, so that the middle of the file comes before the long row.
    const text = `id,t\n${rows(10_000, (i) => `u${i},${i}`).replace(/\r\n/g, "\n")}\nbig,${"x".repeat(70_000)}\nlast,1\n`;
    const h = inPlace();
    const split = cellsOf(scanCsvBytes(shared(text), h));
    expect(split).toEqual(cellsOf(scanCsvBytes(utf8(text))));
    expect(split).not.toBe("declined");
    expect(state(h)[2]).toBe(2);
  });

  test("not in shared memory, or smaller than minBytes: one thread, the helper never asked", () => {
    const text = `id,a\n${rows(100, (i) => `u${i},${i}`)}\n`;
    const h = inPlace();
    expect(cellsOf(scanCsvBytes(utf8(text), h))).toEqual(cellsOf(scanCsvBytes(utf8(text))));
    expect(cellsOf(scanCsvBytes(shared(text), { ...h, minBytes: text.length + 1 }))).toEqual(cellsOf(scanCsvBytes(utf8(text))));
    expect(h.parts).toHaveLength(0);
  });

  const csvText = fc.array(fc.constantFrom(",", '"', "\n", "\r", "\r\n", "a", "b", " ", "1", "好", "𠀀", '""', ",,", "\ufeff"), { maxLength: 80 }).map((parts) => parts.join(""));
  prop.prop([csvText], { numRuns: 3000 })("random text: the same header, rows and cells as one thread, or both declined", (text) => {
    const one = cellsOf(scanCsvBytes(utf8(text)));
    expect(cellsOf(scanCsvBytes(shared(text), inPlace()))).toEqual(one);
    expect(cellsOf(scanCsvBytes(shared(text), late))).toEqual(one);
  });

  test("the real thread (from the sources, through tsx): the same cells", { timeout: 60_000 }, () => {
    const text = `id,a,b\n${rows(100_000, (i) => `u${i},${i % 97},"${i}"`)}\n`;
    expect(cellsOf(scanCsvBytes(shared(text), new ScanThread(0)))).toEqual(cellsOf(scanCsvBytes(utf8(text))));
  });
});

describe("the CLI's reader: bytes give what the decoded text gives", () => {
  const both = (text: string) => {
    const bytes = checkEncoding(utf8(text), "d.csv");
    if (bytes.encoding !== "utf-8") throw new Error("not UTF-8");
    return { fromBytes: readCsvBytes(bytes.bytes, "d.csv"), fromText: readCsvTable(decodeText(utf8(text), "d.csv").text, "d.csv") };
  };
  test.each([
    ["BOM, CRLF, quotes, Chinese, empty cells, no final break", '\ufeff编号 , 名称,a\r\nu1,"党支部,一",85\r\nu2,"说""好""",\r\n"u3","多\r\n行",""'],
    ["a file the scanner declines but csv-parse reads (LF then CRLF)", "id,a\nu1,1\r\nu2,2\n"],
  ])("%s: the same toRows()", (_name, text) => {
    const { fromBytes, fromText } = both(text);
    expect(fromBytes.header).toEqual(fromText.header);
    expect(fromBytes.toRows()).toEqual(fromText.toRows());
  });

  // Text with what decides the reader's path: separators, quotes, breaks, a BOM, white space to trim in the header.
  const anyText = fc.array(fc.constantFrom(",", ";", "\t", '"', "\n", "\r\n", "a", " ", "1", "好", '""', "\ufeff"), { minLength: 1, maxLength: 30 }).map((p) => p.join(""));
  const outcome = (read: () => { header: readonly string[]; toRows(): unknown[] }) => {
    try {
      const table = read();
      return { header: table.header, rows: table.toRows().map((r) => ({ ...(r as object) })) };
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      return { error: e.message, issues: e.issues };
    }
  };
  prop.prop([anyText], { numRuns: 2000 })("on any text: the same table, or the same error, as the decoded text", (text) => {
    const bytes = utf8(text);
    const checked = checkEncoding(bytes, "d.csv") as { bytes: Buffer };
    expect(outcome(() => readCsvBytes(checked.bytes, "d.csv"))).toEqual(outcome(() => readCsvTable(decodeText(bytes, "d.csv").text, "d.csv")));
  });

  test("the rows read from bytes, by hand", () => {
    const { fromBytes } = both('\ufeff编号 , 名称,a\r\nu1,"党支部,一",85\r\nu2,"说""好""",\r\n');
    expect(fromBytes.header).toEqual(["编号", "名称", "a"]); // trimmed
    expect(fromBytes.toRows().map((r) => ({ ...r }))).toEqual([
      { 编号: "u1", 名称: "党支部,一", a: "85" },
      { 编号: "u2", 名称: '说"好"', a: "" },
    ]);
    expect(fromBytes.cellScaled(0, 2, 1)).toBe(850); // 85 × 10
    expect(fromBytes.cellScaled(0, 1, 1)).toBeNaN(); // 党支部,一
  });

  const errorOf = (fn: () => unknown): CsvError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof CsvError) return e;
      throw e;
    }
    throw new Error("no error");
  };
  test.each([
    ["a header given twice (after Chinese, so the column counts characters)", "编号,名称,名称 \nu1,x,y\n"],
    ["a ragged row", "id,a\nu1,1\nu2\n"],
    ["an unclosed quote", 'id,a\nu1,"1\n'],
    ["a semicolon export", "id;a\nu1;1\n"],
  ])("%s: the same error", (_name, text) => {
    const bytes = checkEncoding(utf8(text), "d.csv") as { bytes: Buffer };
    const a = errorOf(() => readCsvBytes(bytes.bytes, "d.csv"));
    const b = errorOf(() => readCsvTable(text, "d.csv"));
    expect(a.message).toBe(b.message);
    expect(a.issues).toEqual(b.issues);
  });
  test("a header given twice: DATA_DUPLICATE_COLUMN at the character column of the second", () => {
    const e = errorOf(() => readCsvBytes(utf8("编号,名称,名称 \nu1,x,y\n"), "d.csv"));
    // 编号,名称, is 6 characters: the second 名称 starts at column 7 (its bytes start at 14).
    expect(e.issues.map((i) => [i.code, i.params, i.source])).toEqual([["DATA_DUPLICATE_COLUMN", { column: "名称", first: 2, second: 3 }, { file: "d.csv", line: 1, col: 7 }]]);
  });

  test("a Chinese cell is too long by its characters, not its bytes (limits.cellLength, at the limit and one past)", () => {
    const rubric = loadRubric(`kaohe: 1
id: t
name: t
year: 2024
version: "1"
grades:
  - { id: pass, label: 合格, min: 1 }
  - { id: fail, label: 不合格 }
inputs:
  note: { type: text }
  ok: { type: boolean }
scoring:
  max: 1
  children:
    - { id: a, label: a, kind: yesno, input: ok, max: 1 }
`);
    const table = readCsvBytes(utf8("id,note,ok\nu1,好好,是\nu2,好好好,是\n"), "d.csv");
    // 好好 is 6 bytes but 2 characters: at the limit of 2, not past it; 好好好 is 3 > 2; 是 (3 bytes) is 1.
    const r = checkSubjects(table, [rubric], { cellLength: 2 });
    expect(r.issues.map((i) => [i.code, i.row, i.field, i.params.count])).toEqual([["DATA_TOO_LARGE", 2, "note", 3]]);
    expect(r.issues).toEqual(checkSubjects(table.toRows(), [rubric], { cellLength: 2 }).issues);
  });
});

describe("checkEncoding and firstNonSpace", () => {
  test("a NUL is refused at its byte offset, a BOM counted (as decodeText did from the text)", () => {
    // EF BB BF, then i d , a \n u 1 , \0: the NUL is the body's byte 8, the file's 3 + 8 = 11.
    expect(() => checkEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("id,a\nu1,\0\n")]), "d.csv")).toThrow(/offset 11\b/);
    // 编 is 3 bytes: "编,\0" puts the NUL at byte 4.
    expect(() => checkEncoding(utf8("编,\0"), "d.csv")).toThrow(/offset 4\b/);
  });
  test("UTF-8 stays bytes without the BOM; GBK is decoded", () => {
    const u = checkEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("id\n")]));
    expect(u.encoding === "utf-8" && [...u.bytes]).toEqual([0x69, 0x64, 0x0a]);
    // 编号 in GBK: B1 E0 BA C5 (not valid UTF-8).
    const g = checkEncoding(Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x0a]));
    expect(g).toEqual({ encoding: "gbk", text: "编号\n" });
  });
  test.each([
    ["", ""],
    [" \t\r\n", ""],
    ["  [1]", "["],
    ["\u3000\u00a0{", "{"], // full-width space and NBSP are white space to trimStart
    ["\ufeff\ufeff[", "["], // a second BOM (U+FEFF) too
    ["编号,a", "编"],
    ["𠀀", "\ud840"], // the first UTF-16 unit, as text.trimStart()[0] would give
  ])("first non-space of %j is %j", (text, expected) => {
    expect(firstNonSpace({ encoding: "utf-8", bytes: utf8(text) })).toBe(expected);
    expect(text.trimStart().charAt(0)).toBe(expected);
  });
});

describe("readData: a UTF-8 CSV becomes a table from its bytes", () => {
  test("stdin with a BOM and CRLF: the table's rows by hand; JSON after white space is still JSON", () => {
    const data = readData("-", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("id,名称\r\nu1,党支部\r\n")]));
    expect(data.format).toBe("csv");
    expect(data.rows.map((r) => ({ ...r }))).toEqual([{ id: "u1", 名称: "党支部" }]);
    const json = readData("-", () => utf8(' \r\n [{"id":"u1"}]'));
    expect(json.format).toBe("json");
    expect(json.rows).toEqual([{ id: "u1" }]);
    // After a full-width space it is still taken for JSON (text.trimStart() skipped it), which JSON.parse then refuses, as before.
    expect(() => readData("-", () => utf8('\u3000[{"id":"u1"}]'))).toThrow(/invalid JSON/);
  });
  test("white space only is data-blank, as before", () => {
    expect(() => readData("-", () => utf8(" \u3000\n"))).toThrow(CliError);
  });
});
