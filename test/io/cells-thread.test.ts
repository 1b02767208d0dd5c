/**
 * A large CSV's input columns read on two threads (engine/prepare.ts ColumnHelper,
 * io/cells-work.ts, io/cells-thread.ts): the input table, each subject's absent inputs
 * and every issue (in order) are those of the main thread reading alone, whichever
 * blocks the helper takes, with cells that are plain, wrong, empty or read as text.
 */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DataTable } from "../../src/engine/data-table.js";
import { checkSubjects } from "../../src/engine/subject-data.js";
import { prepareSubjects, type ColumnHelper, type HelperRun, type HelperWork } from "../../src/engine/prepare.js";
import { scanCsvBytes } from "../../src/io/csv-bytes.js";
import { readHelperColumns } from "../../src/io/cells-work.js";
import { CellsThread } from "../../src/io/cells-thread.js";
import { readDataBytes, SHARED_READ_FROM } from "../../src/cli/load.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import { loadRubric, safeAssess } from "../../src/index.js";
import { compile, rubricText } from "../helpers.js";

const BODY = `
inputs:
  a: { type: number, min: 0, max: 100, places: 1 }
  b: { type: number, min: 0, max: 50 }
  n: { type: count, max: 20 }
  free: { type: number }
  flag: { type: boolean }
  level: { type: choice, values: [好, 较好, 一般, 差] }
  mark: { type: grade, scale: [A, B, C], label: 等级 }
  note: { type: text }
scoring:
  children:
    - { id: ia, kind: input, input: a, max: 100 }
    - { id: ib, kind: input, input: b, max: 50 }
    - { id: f, kind: yesno, input: flag, max: 10 }
    - { id: l, kind: levels, input: level, max: 10, levels: { 好: 10, 较好: 8, 一般: 5, 差: 0 } }
`;
const RUBRIC = compile(BODY);

/** A small seeded generator (the rows must be the same on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rows of plain cells with, now and then, a wrong, empty or unusual one in every column. */
function csv(rows: number, seed: number, wrongShare = 0.02): string {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const odd = () => r() < wrongShare;
  const lines = ["id,a,b,n,free,flag,level,等级,note"];
  for (let i = 0; i < rows; i++) {
    const a = odd() ? pick(["", "abc", "100.1", "-1", "85.55", " 85.5 ", "８５", "1e2", '"90"']) : (Math.floor(r() * 1001) / 10).toFixed(1);
    const b = odd() ? pick(["", "51", "x", "0.0000001", "50"]) : String(Math.floor(r() * 51));
    const n = odd() ? pick(["", "2.5", "21", "-0", "3.0"]) : String(Math.floor(r() * 21));
    const free = odd() ? pick(["", "1e400", "--1", "12345678901234567890"]) : (r() * 1e6).toFixed(2);
    const flag = odd() ? pick(["", "ｔｒｕｅ", "maybe", " YES ", '"否"']) : pick(["是", "否", "true", "false"]);
    const level = odd() ? pick(["", "很好", "好 ", '"一般"']) : pick(["好", "较好", "一般", "差"]);
    const mark = odd() ? pick(["", "D", "b"]) : pick(["A", "B", "C"]);
    lines.push([`u${i}`, a, b, n, free, flag, level, mark, odd() ? "" : `备注${i}`].join(","));
  }
  return lines.join("\r\n");
}

/** The CSV's bytes in shared memory (as the CLI reads a large file), scanned. */
function sharedTable(text: string): DataTable {
  const bytes = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text)));
  bytes.write(text);
  const scanned = scanCsvBytes(bytes)!;
  return new DataTable(scanned.header, scanned.length, scanned.cells);
}

/** Everything prepareSubjects gives: the input table's columns, each subject's absent inputs, the issues. */
function prepared(table: DataTable, helper?: ColumnHelper) {
  const checked = checkSubjects(table, [RUBRIC]);
  const issues: Issue[] = [...checked.issues];
  const { subjects, inputs } = prepareSubjects(checked.subjects, RUBRIC, issues, undefined, helper);
  return {
    columns: inputs.columns.map((c) => ({ name: c.name, scaled: c.scaled ? [...c.scaled] : undefined, codes: c.codes ? [...c.codes] : undefined, values: c.values ? c.values.map((v) => (v === undefined ? v : String(v))) : undefined })),
    absent: subjects.map((s) => [...s.absent]),
    issues: JSON.parse(JSON.stringify(issues)) as unknown,
  };
}

/** A helper run in place: it claims the blocks `take` accepts before the main thread starts. */
function inPlace(take: (block: number) => boolean): ColumnHelper & { work?: HelperWork } {
  const helper: ColumnHelper & { work?: HelperWork } = {
    minRows: 1,
    start(work: HelperWork): HelperRun {
      helper.work = work;
      readHelperColumns(work, take);
      return {
        wait(b) {
          // In place, every block it claimed is done before the main thread asks.
          expect(Atomics.load(work.done, b)).toBe(1);
        },
        end() {},
      };
    },
  };
  return helper;
}

describe("the data boundary on two threads", () => {
  const table = sharedTable(csv(5000, 7));
  const alone = prepared(table);

  test("the rows hold what the test means: wrong cells in every column, so issues and misses", () => {
    expect(table.sharedColumn(1)?.column).toBe(1);
    expect((alone.issues as Issue[]).length).toBeGreaterThan(100);
    const fields = new Set((alone.issues as Issue[]).map((i) => i.field));
    for (const f of ["a", "b", "n", "free", "flag", "level", "等级"]) expect(fields, f).toContain(f);
    // Hand-read: row 0's a is plain (one place), kept ×10 in an Int16Array.
    const a0 = csv(1, 7).split("\r\n")[1]!.split(",")[1]!;
    expect(alone.columns[0]!.scaled![0]).toBe(Math.round(Number(a0) * 10));
  });

  test("a helper that takes every block: the same columns, absent inputs and issues (in order)", () => {
    const helper = inPlace(() => true);
    expect(prepared(table, helper)).toEqual(alone);
    const work = helper.work!;
    // Every second input read plainly: a (number), n (count), flag, mark: four columns.
    expect(work.columns.map((c) => c.column)).toEqual([1, 3, 5, 7]);
    expect([...work.claims].every((c) => c === 2)).toBe(true);
    // The misses the helper marked are rows with an issue or an absent value in that column.
    expect(work.columns[0]!.missed.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
  });

  test("a helper that takes every second block, or none: the same", () => {
    const some = inPlace((b) => b % 2 === 1);
    expect(prepared(table, some)).toEqual(alone);
    expect([...some.work!.claims]).toEqual([...some.work!.claims].map((_, b) => (b % 2 === 1 ? 2 : 1)));
    const none = inPlace(() => false);
    expect(prepared(table, none)).toEqual(alone);
    expect([...none.work!.claims].every((c) => c === 1)).toBe(true);
  });

  test("a helper that declines (start gives undefined), or too few rows: the main thread reads alone", () => {
    let started = 0;
    const declining: ColumnHelper = { minRows: 1, start: () => (started++, undefined) };
    expect(prepared(table, declining)).toEqual(alone);
    expect(started).toBe(1);
    const tooFew: ColumnHelper = { minRows: 5001, start: () => (started++, undefined) };
    expect(prepared(table, tooFew)).toEqual(alone);
    expect(started).toBe(1);
  });

  test("cells not in shared memory: no helper is started", () => {
    const text = csv(300, 3);
    const scanned = scanCsvBytes(Buffer.from(text))!;
    const plain = new DataTable(scanned.header, scanned.length, scanned.cells);
    expect(plain.sharedColumn(1)).toBeUndefined();
    let started = 0;
    expect(prepared(plain, { minRows: 1, start: () => (started++, undefined) })).toEqual(prepared(plain));
    expect(started).toBe(0);
  });

  test("the real thread (the worker from the sources, through tsx): the same results", { timeout: 60_000 }, () => {
    const clean = sharedTable(csv(60_000, 11, 0));
    const rubric = loadRubric(rubricText(BODY));
    const units = (helper?: ColumnHelper) => {
      const r = safeAssess(rubric, clean, { trail: "none", ...(helper ? { columnHelper: helper } : {}) });
      if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
      return JSON.stringify(r.value.results);
    };
    // The thread is given a head start (until it has done its first block), so that it surely takes blocks.
    const started: HelperWork[] = [];
    const headStart = (): ColumnHelper => {
      const thread = new CellsThread(1);
      return {
        minRows: 1,
        start(work) {
          const run = thread.start(work);
          started.push(work);
          Atomics.wait(work.done, 0, 0, 20_000);
          return run;
        },
      };
    };
    expect(units(headStart())).toBe(units());
    expect(started).toHaveLength(1);
    expect(started[0]!.claims[0]).toBe(2);
    // With wrong cells: the same issues.
    const wrong = sharedTable(csv(60_000, 12));
    const issues = (helper?: ColumnHelper) => {
      const r = safeAssess(rubric, wrong, { trail: "none", ...(helper ? { columnHelper: helper } : {}) });
      expect(r.ok).toBe(false);
      return JSON.stringify(r.ok ? [] : r.issues);
    };
    expect(issues(headStart())).toBe(issues());
    expect(started[1]!.claims[0]).toBe(2);
  });

  test("safeAssess refuses a columnHelper that is not one", () => {
    const r = safeAssess(RUBRIC, [{ id: "u1" }], { columnHelper: { minRows: 1 } as unknown as ColumnHelper });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(!r.ok && r.issues[0])).toContain("options.columnHelper");
  });
});

describe("readDataBytes: a large data file in shared memory", () => {
  test(`from ${SHARED_READ_FROM} bytes a SharedArrayBuffer, below it an ordinary buffer; the same bytes`, () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-shared-"));
    const big = join(dir, "big.csv");
    const small = join(dir, "small.csv");
    const text = csv(Math.ceil(SHARED_READ_FROM / 40), 5);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(SHARED_READ_FROM);
    writeFileSync(big, text);
    writeFileSync(small, "id,a\nu1,1\n");
    const b = readDataBytes(big);
    expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(b.toString("utf8")).toBe(text);
    const s = readDataBytes(small);
    expect(s.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(s.toString("utf8")).toBe("id,a\nu1,1\n");
    // A large zip (a workbook) or old .xls is read as before: exceljs gets ordinary bytes.
    for (const magic of [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]]) {
      const archive = join(dir, "big.xlsx");
      const bytes = Buffer.concat([Buffer.from(magic), Buffer.alloc(SHARED_READ_FROM)]);
      writeFileSync(archive, bytes);
      const a = readDataBytes(archive);
      expect(a.buffer).not.toBeInstanceOf(SharedArrayBuffer);
      expect(a.equals(bytes)).toBe(true);
    }
  });
});
