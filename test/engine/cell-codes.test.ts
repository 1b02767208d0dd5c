/**
 * A coded input's code from a CSV cell's bytes (engine/data-table.ts CodeSpellings,
 * io/csv-bytes.ts ByteCells.cellCode, the table path of engine/prepare.ts): a cell that
 * is one of the spellings the text path accepts (read-value.ts: a boolean's true/false
 * forms in any ASCII case, a choice's values, a grade's scale; ASCII spaces around;
 * quoted or not) gives its code with no text made; any other cell gives -1 and is read
 * as text, so every value, issue and message is the text path's. The property tests
 * compare the two paths on random cells, near misses included.
 */
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { CodeSpellings, DataTable, foldWord, RecordCells, type CellSource } from "../../src/engine/data-table.js";
import { FALSE, readValue, TRUE } from "../../src/engine/read-value.js";
import { scanCsvBytes } from "../../src/io/csv-bytes.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { prepareSubjects } from "../../src/engine/prepare.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import type { InputSpec } from "../../src/compile/model.js";
import { compile } from "../helpers.js";

const BOOLEAN = new CodeSpellings([...[...TRUE].map((t) => [t, 1] as const), ...[...FALSE].map((t) => [t, 0] as const)], true);
const LEVELS = ["好", "较好", "一般", "差"];
const CHOICE = new CodeSpellings(LEVELS.map((o, k) => [o, k] as const), false);

/** codeOf of a cell written as `raw` (its CSV form: quotes included), alone in its buffer and inside a longer one. */
function codes(spellings: CodeSpellings, raw: string): [number, number] {
  const alone = Buffer.from(raw, "utf8");
  const inside = Buffer.from(`xx${raw},0123456789`, "utf8");
  const view = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  return [spellings.codeOf(alone, view(alone), 0, alone.length), spellings.codeOf(inside, view(inside), 2, 2 + alone.length)];
}

describe("CodeSpellings: hand cases", () => {
  test.each<[string, number]>([
    // Every form of TRUE and FALSE (read-value.ts) as written.
    ...[...TRUE].map((t): [string, number] => [t, 1]),
    ...[...FALSE].map((t): [string, number] => [t, 0]),
    // ASCII capitals: the text path lowercases.
    ["TRUE", 1],
    ["True", 1],
    ["Y", 1],
    ["YES", 1],
    ["FaLsE", 0],
    ["N", 0],
    ["NO", 0],
    // ASCII spaces (tab, LF, VT, FF, CR, space) trimmed; quotes taken off.
    [" true", 1],
    ["false\t", 0],
    ["\r\n是\u000b\u000c", 1],
    ['"true"', 1],
    ['" 否 "', 0],
  ])("boolean %j → %i", (raw, code) => {
    expect(codes(BOOLEAN, raw)).toEqual([code, code]);
  });

  test.each([
    "", // empty: absent, never a code
    " ",
    '""',
    "tru",
    "truee",
    "ｔｒｕｅ", // full-width letters: the text path reports them
    "１", // a full-width digit
    "truе", // a Cyrillic е (U+0435)
    "\u3000true", // a full-width space: the text path trims it, the byte path leaves it to the text
    "\u00a0true", // a no-break space, likewise
    "true\ufeff",
    '"tr""ue"', // a doubled quote inside
    '"true',
    "是的",
    "√√",
    "TRUE1",
  ])("boolean %j → -1 (read as text)", (raw) => {
    expect(codes(BOOLEAN, raw)).toEqual([-1, -1]);
  });

  test.each<[string, number]>([
    ["好", 0],
    ["较好", 1],
    ["一般", 2],
    ["差", 3],
    [" 好", 0],
    ["一般 ", 2],
    ['"较好"', 1],
    ['" 差\t"', 3],
  ])("choice %j → %i", (raw, code) => {
    expect(codes(CHOICE, raw)).toEqual([code, code]);
  });

  test.each(["好好", "较", "好差", "一", "一般般", "\u3000好", "ＡＢ", '"好"""'])("choice %j → -1", (raw) => {
    expect(codes(CHOICE, raw)).toEqual([-1, -1]);
  });

  test("a choice is not folded: A and a are two options", () => {
    const s = new CodeSpellings([["A", 0], ["a", 1]], false);
    expect(codes(s, "A")).toEqual([0, 0]);
    expect(codes(s, "a")).toEqual([1, 1]);
    expect(codes(s, "b")).toEqual([-1, -1]);
  });

  test("spellings past 8 bytes are compared to their end (党建工作好: 15 bytes)", () => {
    const s = new CodeSpellings([["党建工作好", 0], ["党建工作差", 1], ["abcdefgh", 2], ["abcdefghi", 3]], false);
    expect(codes(s, "党建工作好")).toEqual([0, 0]);
    expect(codes(s, "党建工作差")).toEqual([1, 1]);
    expect(codes(s, "党建工作一")).toEqual([-1, -1]); // same first 12 bytes, another last character
    expect(codes(s, "abcdefgh")).toEqual([2, 2]); // exactly 8 bytes
    expect(codes(s, "abcdefghi")).toEqual([3, 3]); // 9
    expect(codes(s, "abcdefghj")).toEqual([-1, -1]); // the 9th byte differs
    expect(codes(s, "abcdefg")).toEqual([-1, -1]); // 7
  });

  test("spellings the text path would not read as themselves are not kept", () => {
    // A space at an end (trim takes it off), a double quote, an empty option, a lone surrogate, a capital with fold.
    expect(new CodeSpellings([[" 好", 0], ["差 ", 1], ['a"b', 2], ["", 3], ["\ud800", 4]], false).size).toBe(0);
    expect(new CodeSpellings([["True", 1]], true).size).toBe(0);
    // "\ud800" would encode as U+FFFD's bytes (EF BF BD): a cell of U+FFFD is not that option.
    expect(codes(new CodeSpellings([["\ud800", 0]], false), "\ufffd")).toEqual([-1, -1]);
  });

  test("a text given twice keeps its first code (store's indexOf)", () => {
    const s = new CodeSpellings([["好", 0], ["好", 1], ["差", 2]], false);
    expect(s.size).toBe(2);
    expect(codes(s, "好")).toEqual([0, 0]);
  });
});

/** The text path's code for a cell text: readValue, then the value's position (false 0, true 1; an option's first position); -1 with an issue. */
function textCode(spec: InputSpec, text: string): number {
  let reported = false;
  const v = readValue(spec, text, () => (reported = true));
  if (reported || v === undefined) return -1;
  return spec.type === "boolean" ? (v ? 1 : 0) : (spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : []).indexOf(v as string);
}

const booleanSpec = { type: "boolean", name: "b" } as unknown as InputSpec;
const choiceSpec = { type: "choice", name: "c", values: LEVELS } as unknown as InputSpec;

/** Pieces of cells: spellings, near misses, spaces of every kind, quotes. */
const piece = fc.constantFrom(...TRUE, ...FALSE, "TRUE", "Yes", "N", "FALSE", ...LEVELS, "好好", "ｔｒｕｅ", "е", "K", "İ", " ", "\t", "\r", "\n", "\u000b", "\u3000", "\u00a0", "\ufeff", '"', "x", 'x"y', "");
const cellText = fc.array(piece, { maxLength: 4 }).map((p) => p.join(""));

describe("foldWord: four bytes lowercased at once", () => {
  test("hand cases (little-endian: the first byte lowest)", () => {
    // "TRUE" = 54 52 55 45 → "true" = 74 72 75 65; "@[`{" (40 5B 60 7B, just outside A–Z and a–z) unchanged.
    expect(foldWord(0x45555254) >>> 0).toBe(0x65757274);
    expect(foldWord(0x7b605b40) >>> 0).toBe(0x7b605b40);
    // "AZaz" → "azaz"; C1 DA (a UTF-8 byte whose low 7 bits are "A" and "Z") unchanged; E6 98 AF (是) unchanged.
    expect(foldWord(0x7a615a41) >>> 0).toBe(0x7a617a61);
    expect(foldWord(0x0000dac1) >>> 0).toBe(0x0000dac1);
    expect(foldWord(0x00af98e6) >>> 0).toBe(0x00af98e6);
  });

  prop.prop([fc.integer({ min: -0x80000000, max: 0x7fffffff })], { numRuns: 5000 })("the same as lowercasing byte by byte", (w) => {
    let expected = 0;
    for (let j = 0; j < 4; j++) {
      const c = (w >>> (8 * j)) & 0xff;
      expected |= (c >= 65 && c <= 90 ? c | 32 : c) << (8 * j);
    }
    expect(foldWord(w)).toBe(expected);
  });
});

describe("CodeSpellings against the text path (property)", () => {
  prop.prop([cellText, fc.boolean()], { numRuns: 3000 })("a code found from the bytes is the text path's, with nothing reported", (text, quoted) => {
    const raw = quoted ? `"${text.replace(/"/g, '""')}"` : text;
    if (!quoted && text.includes('"')) return; // not a CSV cell
    for (const [spellings, spec] of [
      [BOOLEAN, booleanSpec],
      [CHOICE, choiceSpec],
    ] as const) {
      const [alone, inside] = codes(spellings, raw);
      expect(inside).toBe(alone);
      if (alone >= 0) expect(textCode(spec, text)).toBe(alone);
    }
  });

  const ascii = fc.array(fc.constantFrom(" ", "\t", "\r", "\n", "\u000b", "\u000c"), { maxLength: 2 }).map((p) => p.join(""));
  const caseMixed = fc.tuple(fc.constantFrom(...TRUE, ...FALSE), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })).map(([t, up]) => [...t].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(""));
  prop.prop([ascii, caseMixed, ascii, fc.boolean()], { numRuns: 1000 })("every accepted boolean spelling (any ASCII case, ASCII spaces around, quoted or not) is found from its bytes", (before, word, after, quoted) => {
    const text = before + word + after;
    const [alone] = codes(BOOLEAN, quoted ? `"${text}"` : text);
    expect(alone).toBe(textCode(booleanSpec, text));
    expect(alone).toBeGreaterThanOrEqual(0);
  });
});

// ---- The whole table path: prepareSubjects over a scanned CSV (byte codes) and over the same cells as text (RecordCells).

const RUBRIC = compile(`
inputs:
  flag: { type: boolean }
  veto: { type: boolean, default: false }
  level: { type: choice, values: [好, 较好, 一般, 差, 'x""y'] }
  mark: { type: grade, scale: [A, B, C], label: 等级 }
scoring:
  children:
    - { id: f, kind: yesno, input: flag, max: 10 }
    - { id: l, kind: levels, input: level, max: 10, levels: { 好: 10, 较好: 8, 一般: 5, 差: 0, 'x""y': 1 } }
rules:
  - { id: business, kind: veto, when: { fact: input.mark, worseThan: B }, reason: 经营业绩考核为C级 }
`);

/** A CSV field for a cell text: quoted when it must be, or when asked. */
const field = (text: string, quote: boolean) => (quote || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Everything prepareSubjects gives that the paths could differ in: the input table's columns, each subject's absent inputs and columns, the issues. */
function prepared(table: DataTable) {
  const checked = checkSubjects(table, [RUBRIC]);
  const issues: Issue[] = [...checked.issues];
  const { subjects, inputs } = prepareSubjects(checked.subjects, RUBRIC, issues);
  return {
    columns: inputs.columns.map((c) => ({ name: c.name, codes: c.codes ? [...c.codes] : undefined, values: c.values ? [...c.values] : undefined })),
    subjects: subjects.map((s) => ({ id: s.id, absent: [...s.absent], columns: [...s.columns] })),
    issues: JSON.parse(JSON.stringify(issues)) as unknown,
  };
}

/** A cell source that counts the texts it is asked for, column by column. */
class Counting implements CellSource {
  readonly texts = new Map<number, number>();
  constructor(private readonly inner: CellSource) {}
  cell(row: number, column: number): string {
    this.texts.set(column, (this.texts.get(column) ?? 0) + 1);
    return this.inner.cell(row, column);
  }
  cellLength(row: number, column: number): number {
    return this.inner.cellLength(row, column);
  }
  rowLength(row: number): number {
    return this.inner.rowLength(row);
  }
  cellScaled(row: number, column: number, scale: number): number {
    return this.inner.cellScaled!(row, column, scale);
  }
  cellCode(row: number, column: number, spellings: CodeSpellings): number {
    return this.inner.cellCode!(row, column, spellings);
  }
}

function tables(rows: readonly (readonly string[])[], header: readonly string[], quote: boolean[]) {
  const csv = [header.join(","), ...rows.map((r) => r.map((t, c) => field(t, quote[c % quote.length]!)).join(","))].join("\n");
  const scanned = scanCsvBytes(Buffer.from(csv, "utf8"))!;
  expect(scanned.length).toBe(rows.length);
  const counting = new Counting(scanned.cells);
  const bytes = new DataTable(scanned.header, scanned.length, counting);
  // The same cells as texts: no cellCode, so every coded cell takes the text path.
  const texts = new DataTable(scanned.header, scanned.length, new RecordCells(rows.map((_, r) => scanned.header.map((_h, c) => scanned.cells.cell(r, c)))));
  return { bytes, texts, counting };
}

describe("prepareSubjects: codes from bytes = codes from text", () => {
  test("hand rows: codes, a default, an absent input, errors with their messages", () => {
    const header = ["id", "flag", "veto", "level", "等级"];
    const rows = [
      ["u1", "TRUE", "否", "较好", "A"],
      ["u2", " no ", "", "一般", "C"],
      ["u3", "ｔｒｕｅ", "√", "好 ", "D"], // full-width true and D: errors (DATA_INVALID_VALUE)
      ["u4", "\u3000是", "x", "", "b"], // a full-width space trimmed by the text path; x and b: errors; level absent
      ["u5", "1", "0", 'x"y', "B"], // the CSV cell "x""y" is the text x"y, not the option x""y: an error
      ["u6", "0", "1", 'x""y', "B"], // the option x""y, written "x""""y"
    ];
    // veto and level quoted in the CSV ("否", "", "一般"...).
    const { bytes, texts, counting } = tables(rows, header, [false, false, true, true, false]);
    const a = prepared(bytes);
    expect(a).toEqual(prepared(texts));
    // Hand-read: flag u1 TRUE → 1, u2 no → 0, u3 error (-1), u4 是 → 1; veto 否 → 0, "" → default false (0), √ → 1, x error.
    expect(a.columns[0]!.codes).toEqual([1, 0, -1, 1, 1, 0]);
    expect(a.columns[1]!.codes).toEqual([0, 0, 1, -1, 0, 1]);
    expect(a.columns[2]!.codes).toEqual([1, 2, 0, -1, -1, 4]);
    expect(a.columns[3]!.codes).toEqual([0, 2, -1, -1, 1, 1]);
    expect(a.subjects[3]!.absent).toEqual(["level"]);
    expect((a.issues as Issue[]).map((i) => [i.code, i.subject, i.field, (i.params as { received: unknown }).received])).toEqual([
      // Column by column (the run sorts them by row afterwards).
      ["DATA_INVALID_VALUE", "u3", "flag", "ｔｒｕｅ"],
      ["DATA_INVALID_VALUE", "u4", "veto", "x"],
      ["DATA_INVALID_VALUE", "u5", "level", 'x"y'],
      ["DATA_INVALID_VALUE", "u3", "等级", "D"],
      ["DATA_INVALID_VALUE", "u4", "等级", "b"],
    ]);
    // Text made only for the cells the bytes did not match: u3's ｔｒｕｅ, u4's "　是" (flag, column 1); u4's empty veto and x (column 2);
    // u4's empty level, u5's x"y and u6's x""y, an option kept out of the byte table (column 3); u3's D and u4's b (column 4).
    expect([1, 2, 3, 4].map((c) => counting.texts.get(c) ?? 0)).toEqual([2, 2, 3, 2]);
  });

  const cell = fc.oneof(cellText, fc.constantFrom("A", "B", "C", "a", " B ", "Ｂ", "AB"));
  prop.prop([fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 })], { numRuns: 400 })(
    "random cells (spellings, near misses, spaces, quotes, empty): the same table, absences and issues",
    (cells, quote) => {
      const header = ["id", "flag", "veto", "level", "mark"];
      // A cell of only spaces, line breaks or BOMs can make an empty line, which the scanner skips: a row starts with its id.
      const rows = cells.map((r, i) => [`u${i + 1}`, ...r]);
      const { bytes, texts } = tables(rows, header, quote);
      expect(prepared(bytes)).toEqual(prepared(texts));
    },
  );
});

describe("a column read in one call (scaledCells, codeCells)", () => {
  const csv = 'id,drop,n,b\nu1,x,"12.5",TRUE\nu2,x,7,"否"\nu3,x,1e3,ｔｒｕｅ\nu4,x,,\n';
  const scanned = scanCsvBytes(Buffer.from(csv, "utf8"))!;
  const bytes = new DataTable(scanned.header, scanned.length, scanned.cells);
  const texts = new DataTable(scanned.header, scanned.length, new RecordCells([0, 1, 2, 3].map((r) => scanned.header.map((_h, c) => scanned.cells.cell(r, c)))));
  // Rows in another order, from the second: rows[1 … 4) = 3, 0, 1.
  const rows = Int32Array.from([2, 3, 0, 1]);
  const scaled = (t: DataTable, column: number) => {
    const out = new Float64Array(3);
    t.scaledCells(column, rows, 1, 4, 1, out);
    return [...out];
  };
  const coded = (t: DataTable, column: number) => {
    const out = new Int32Array(3);
    t.codeCells(column, rows, 1, 4, BOOLEAN, out);
    return [...out];
  };

  test("from bytes, through kept columns, and from texts (no codes: -1, read as text)", () => {
    // Scale 1: "" → NaN, "12.5" → 125, "7" → 70.
    expect(scaled(bytes, 2)).toEqual([Number.NaN, 125, 70]);
    expect(scaled(texts, 2)).toEqual([Number.NaN, 125, 70]);
    // "" → -1, TRUE → 1, "否" → 0.
    expect(coded(bytes, 3)).toEqual([-1, 1, 0]);
    expect(coded(texts, 3)).toEqual([-1, -1, -1]);
    const kept = bytes.withoutColumns((h) => h === "drop");
    expect(kept.header).toEqual(["id", "n", "b"]);
    expect(scaled(kept, 1)).toEqual([Number.NaN, 125, 70]);
    expect(coded(kept, 2)).toEqual([-1, 1, 0]);
    const keptTexts = texts.withoutColumns((h) => h === "drop");
    expect(scaled(keptTexts, 1)).toEqual([Number.NaN, 125, 70]);
    expect(coded(keptTexts, 2)).toEqual([-1, -1, -1]);
    // Cell by cell, the same: u3's 1e3 and ｔｒｕｅ are none of them.
    expect([bytes.cellScaled(2, 2, 1), bytes.cellCode(2, 3, BOOLEAN), texts.cellCode(0, 3, BOOLEAN)]).toEqual([Number.NaN, -1, -1]);
  });
});
