/**
 * The row checks of the data boundary (checkSubjects) decide once per object shape: rows
 * with the same own keys in the same order reuse what the first such row decided (unknown
 * columns, folding, the key list). These tests pin the edges of that fast path with
 * hand-made batches whose rows change shape midway, each asserting the exact issues, and
 * compare the fields a shaped row gives with foldColumns's (the rules as written).
 */
import { afterEach, describe, expect, test } from "vitest";
import { checkSubjects, foldColumns, IdRows, OwnFields, type SubjectData } from "../../src/engine/subject-data.js";
import { DataTable, RecordCells } from "../../src/engine/data-table.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import { loadRubric } from "../../src/index.js";

// Inputs a, b (label 乙); monthly: a series of 3 periods; votes: a mapping of counts.
const RUBRIC = loadRubric(`kaohe: 1
id: t
name: t
year: 2024
version: "1"
inputs:
  a: { type: number, min: 0, max: 10 }
  b: { type: number, min: 0, max: 10, label: 乙 }
  monthly: { type: series, length: 3, min: 0, max: 10 }
  votes: { type: votes, levels: [好, 差] }
grades:
  - { id: pass, label: 合格, min: 30 }
  - { id: fail, label: 不合格 }
scoring:
  max: 50
  children:
    - { id: a, label: a, kind: input, max: 10 }
    - { id: b, label: b, kind: input, max: 10 }
    - { id: m, label: m, kind: periods, input: monthly, count: 3, max: 30, aggregate: sum }
`);

/** code row subject field and the params that say what: enough to tell every issue apart. */
function brief(issues: readonly Issue[]): string[] {
  return issues.map((i) => {
    const p = i.params as Record<string, unknown>;
    const more = ["rows", "received", "count", "firstRow", "id", "columns"].filter((k) => p[k] !== undefined).map((k) => `${k}=${JSON.stringify(p[k])}`);
    return [i.code, `row=${i.row ?? "-"}`, `subject=${i.subject ?? "-"}`, `field=${i.field ?? "-"}`, `path=${JSON.stringify(i.path)}`, ...more].join(" ");
  });
}

function check(rows: readonly unknown[], limits?: Parameters<typeof checkSubjects>[2]) {
  const { subjects, issues } = checkSubjects(rows as SubjectData[], [RUBRIC], limits);
  return { ids: subjects.map((s) => `${s.row}:${s.id}`), issues: brief(issues), subjects };
}

describe("rows of one shape, then another", () => {
  test("a key added midway: the new key is unknown from its first row, counted over the rows that have it", () => {
    const r = check([
      { id: "u1", a: 1 },
      { id: "u2", a: 2 },
      { id: "u3", a: 3, extra: "x" },
      { id: "u4", a: 4, extra: "y" },
      { id: "u5", a: 5 },
    ]);
    expect(r.ids).toEqual(["1:u1", "2:u2", "3:u3", "4:u4", "5:u5"]);
    // extra in rows 3 and 4: one issue at row 3 with rows=2.
    expect(r.issues).toEqual(['DATA_UNKNOWN_FIELD row=3 subject=u3 field=extra path=[2,"extra"] rows=2']);
  });

  test("a key order changed midway, an unknown column only in row 3: the same checks in either order", () => {
    const r = check([
      { id: "u1", a: 1, zz: 1, b: 2 },
      { b: 2, zz: 1, a: 1, id: "u2" },
      { id: "u3", a: 1, b: 2, zz: 1, only3: true },
      { id: "u4", a: 1, zz: 1, b: 2 },
    ]);
    expect(r.ids).toEqual(["1:u1", "2:u2", "3:u3", "4:u4"]);
    // zz: rows 1-4 (4 rows), first at row 1; only3: row 3 only.
    expect(r.issues).toEqual(['DATA_UNKNOWN_FIELD row=1 subject=u1 field=zz path=[0,"zz"] rows=4', 'DATA_UNKNOWN_FIELD row=3 subject=u3 field=only3 path=[2,"only3"] rows=1']);
  });

  test("__proto__ as an own key in row 2 (as JSON.parse gives it) is plain data: unknown, never a prototype", () => {
    const rows = JSON.parse('[{"id":"u1","a":1},{"id":"u2","a":2,"__proto__":{"b":5}},{"id":"u3","a":3}]') as SubjectData[];
    expect(Object.hasOwn(rows[1]!, "__proto__")).toBe(true);
    const r = check(rows);
    expect(r.ids).toEqual(["1:u1", "2:u2", "3:u3"]);
    expect(r.issues).toEqual(['DATA_UNKNOWN_FIELD row=2 subject=u2 field=__proto__ path=[1,"__proto__"] rows=1']);
    // Row 2 does not give b through its "__proto__" key.
    expect(r.subjects[1]!.data.has("b")).toBe(false);
    expect(r.subjects[1]!.data.get("__proto__")).toEqual({ b: 5 });
  });

  test("an inherited enumerable key on one row's prototype is reported for that row only, with the subject", () => {
    const inheriting = Object.assign(Object.create({ a: 9 }) as object, { id: "u2", b: 1 });
    const r = check([{ id: "u1", b: 1 }, inheriting, { id: "u3", b: 1 }]);
    // Row 2 still gives its subject (the inherited a is not read); the problem is one DATA_BAD_SHAPE at row 2.
    expect(r.ids).toEqual(["1:u1", "2:u2", "3:u3"]);
    expect(r.issues).toEqual(['DATA_BAD_SHAPE row=2 subject=u2 field=a path=[1,"a"] rows=1 received="a property inherited from the object\'s prototype"']);
    expect(r.subjects[1]!.data.has("a")).toBe(false);
  });

  test("Object.prototype given an enumerable key while rows of one shape are checked: every row reports it", () => {
    const rows = [
      { id: "u1", a: 1 },
      { id: "u2", a: 2 },
    ];
    // A getter on row 1's a adds an enumerable key to Object.prototype: row 2, of the same shape, inherits it.
    Object.defineProperty(rows[0], "a", {
      enumerable: true,
      get() {
        (Object.prototype as Record<string, unknown>).leaked = 1;
        return 1;
      },
    });
    try {
      const r = check(rows);
      expect(r.ids).toEqual(["1:u1", "2:u2"]);
      // Row 1's values are read (their lengths checked) before its inherited keys are listed, so
      // row 1 inherits leaked too; row 2, of row 1's shape, is seen to have it: rows=2, first at row 1.
      expect(r.issues).toEqual(['DATA_BAD_SHAPE row=1 subject=u1 field=leaked path=[0,"leaked"] rows=2 received="a property inherited from the object\'s prototype"']);
    } finally {
      delete (Object.prototype as Record<string, unknown>).leaked;
    }
  });

  test("rows alternating between two shapes (an optional name): each row read with its own shape", () => {
    const r = check([
      { id: "u1", a: 1 },
      { id: "u2", a: 2, name: "乙" },
      { id: "u3", a: 3 },
      { id: "u4", a: 4, name: "丁" },
    ]);
    expect(r.issues).toEqual([]);
    expect(r.subjects.map((s) => [s.id, s.name, s.data.get("a")])).toEqual([
      ["u1", undefined, 1],
      ["u2", "乙", 2],
      ["u3", undefined, 3],
      ["u4", "丁", 4],
    ]);
    // Rows of one shape share their key list (prepare reads values by position in it).
    const keysOf = (k: number) => (r.subjects[k]!.data as OwnFields).ownKeys;
    expect(keysOf(2)).toBe(keysOf(0));
    expect(keysOf(3)).toBe(keysOf(1));
    expect(keysOf(1)).toEqual(["id", "a", "name"]);
  });

  test("12 shapes in turn, three times (more shapes than are kept): every unknown column counted over its 3 rows", () => {
    const rows: Record<string, unknown>[] = [];
    for (let round = 0; round < 3; round++) for (let j = 0; j < 12; j++) rows.push({ id: `r${round}s${j}`, a: 1, [`x${j}`]: j });
    const r = check(rows);
    expect(r.ids).toHaveLength(36);
    // x0 … x11, each first at row j + 1 (round 0) and given in rows j + 1, j + 13, j + 25: rows=3.
    expect(r.issues).toEqual(Array.from({ length: 12 }, (_, j) => `DATA_UNKNOWN_FIELD row=${j + 1} subject=r0s${j} field=x${j} path=[${j},"x${j}"] rows=3`));
  });

  test("a sparse list: a run of holes is one problem; rows either side keep one shape", () => {
    const rows: unknown[] = [{ id: "u1", a: 1 }];
    rows[4] = { id: "u5", a: 5 };
    rows[5] = { id: "u6", a: 6, x: 1 };
    const r = check(rows);
    expect(r.ids).toEqual(["1:u1", "5:u5", "6:u6"]);
    // Holes at indexes 1, 2, 3: rows 2 to 4, reported at row 2 with rows=3.
    expect(r.issues).toEqual(['DATA_BAD_SHAPE row=2 subject=- field=- path=[1] rows=3 received="a hole in the list (rows 2 to 4)"', 'DATA_UNKNOWN_FIELD row=6 subject=u6 field=x path=[5,"x"] rows=1']);
  });

  test("a value too long in a row of the known shape is reported; the rows either side are subjects", () => {
    // cellLength 5: "abcdef" (6) is one past it, "abcde" (5) exactly on it.
    const r = check(
      [
        { id: "u1", zz: "abcde" },
        { id: "u2", zz: "abcdef" },
        { id: "u3", zz: "abcde" },
      ],
      { cellLength: 5 },
    );
    expect(r.ids).toEqual(["1:u1", "3:u3"]);
    expect(r.issues).toEqual(['DATA_TOO_LARGE row=2 subject=- field=zz path=[1,"zz"] count=6', 'DATA_UNKNOWN_FIELD row=1 subject=u1 field=zz path=[0,"zz"] rows=2']);
  });

  test("ids: a duplicate in a row of the known shape names the first row; id and 编号-style columns are read once each", () => {
    const r = check([
      { id: "u1", a: 1 },
      { id: "u2", a: 1 },
      { id: " u1 ", a: 1 }, // trimmed: u1 again
      { id: "", a: 1 },
      { id: 7, a: 1 },
      { id: "u3", a: 1, name: ["x"] },
    ]);
    expect(r.ids).toEqual(["1:u1", "2:u2", "5:7"]);
    expect(r.issues).toEqual([
      'DATA_DUPLICATE_ID row=3 subject=u1 field=id path=[2,"id"] firstRow=1 id="u1"',
      'DATA_MISSING_ID row=4 subject=- field=id path=[3,"id"]',
      'DATA_BAD_SHAPE row=6 subject=u3 field=name path=[5,"name"] received="[\\"x\\"]"',
    ]);
  });

  test("a non-enumerable own id is read as before (Object.hasOwn), though the for-in loop does not list it", () => {
    const hidden = Object.defineProperty({ a: 1 }, "id", { value: "u2", enumerable: false });
    const r = check([{ id: "u1", a: 1 }, hidden, { a: 1 }]);
    // Row 2 has own keys [a] (a new shape), its id u2 read through hasOwn; row 3, the same keys, has none.
    expect(r.ids).toEqual(["1:u1", "2:u2"]);
    expect(r.issues).toEqual(['DATA_MISSING_ID row=3 subject=- field=id path=[2,"id"]']);
  });
});

describe("rows that fold (nested inputs from dotted columns)", () => {
  const rows = (): Record<string, unknown>[] => [
    { id: "u1", a: 1, "monthly.1": 1, "monthly.2": "", "monthly.3": 3, "votes.好": 4 },
    { id: "u2", a: 2, "monthly.1": "", "monthly.2": "", "monthly.3": "", "votes.好": 5 },
    { id: "u3", a: 3, "monthly.1": 2, "monthly.2": 2, "monthly.3": "", "votes.好": "" },
  ];

  test("a shaped row's fields are foldColumns's, key for key", () => {
    const nested = new Map([
      ["monthly", RUBRIC.inputs.get("monthly")!],
      ["votes", RUBRIC.inputs.get("votes")!],
    ]);
    const { subjects, issues } = checkSubjects(rows(), [RUBRIC]);
    expect(issues).toEqual([]);
    rows().forEach((row, k) => {
      const want = foldColumns(row, Object.keys(row), nested).data;
      const got = subjects[k]!.data;
      expect([...got.keys()]).toEqual([...want.keys()]);
      for (const key of ["id", "a", "b", "monthly", "monthly.1", "votes", "votes.好", "nope"]) {
        expect(got.has(key)).toBe(want.has(key));
        expect(got.get(key)).toEqual(want.get(key));
      }
    });
    // Row 1: monthly [1, null, 3] (period 2 empty); row 2: no monthly at all; row 3: [2, 2].
    expect(subjects[0]!.data.get("monthly")).toEqual([1, null, 3]);
    expect(subjects[1]!.data.has("monthly")).toBe(false);
    expect(subjects[2]!.data.get("monthly")).toEqual([2, 2]);
    expect([...subjects[2]!.data.keys()]).toEqual(["id", "a", "monthly"]);
  });

  test("a period out of range in every row of a shape: one unknown column, counted over the rows; a base given twice in row 2 only", () => {
    const r = check([
      { id: "u1", "monthly.1": 1, "monthly.4": 9 },
      { id: "u2", "monthly.1": 1, "monthly.4": 9, monthly: [1] },
      { id: "u3", "monthly.1": 1, "monthly.4": 9 },
      { id: "u4", "monthly.1": 1, "monthly.4": 9, monthly: "" },
    ]);
    // Row 2 gives monthly whole and as monthly.1: not a subject. Row 4's whole value is empty: not twice.
    expect(r.ids).toEqual(["1:u1", "3:u3", "4:u4"]);
    expect(r.issues).toEqual([
      'DATA_BAD_SHAPE row=2 subject=u2 field=monthly path=[1,"monthly"] received="both \\"monthly\\" and \\"monthly.1\\"" columns=["monthly","monthly.1"]',
      'DATA_UNKNOWN_FIELD row=1 subject=u1 field=monthly.4 path=[0,"monthly.4"] rows=4',
    ]);
  });

  test("the same rows as a table give the same subjects and issues", () => {
    const objects = rows().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
    const header = Object.keys(objects[0]!);
    const table = new DataTable(header, objects.length, new RecordCells(objects.map((o) => header.map((h) => o[h]!))));
    const a = checkSubjects(objects, [RUBRIC]);
    const b = checkSubjects(table, [RUBRIC]);
    expect(brief(b.issues)).toEqual(brief(a.issues));
    expect(b.subjects.map((s) => [s.id, s.row, s.data.get("monthly"), s.data.get("votes")])).toEqual(a.subjects.map((s) => [s.id, s.row, s.data.get("monthly"), s.data.get("votes")]));
  });
});

describe("IdRows, the first row of each id", () => {
  test("finds the first row of an id given again, and goes on in a Map once its table is crowded", () => {
    // Sized for 1 row: a table of 16 places. 40 distinct ids fill it and force the move to a Map (at most 64 probes).
    const t = new IdRows(1);
    for (let k = 0; k < 40; k++) expect(t.firstOrAdd(`id${k}`, k + 1)).toBeUndefined();
    for (let k = 0; k < 40; k++) expect(t.firstOrAdd(`id${k}`, 100 + k)).toBe(k + 1);
    expect(t.firstOrAdd("new", 200)).toBeUndefined();
    expect(t.firstOrAdd("new", 201)).toBe(200);
  });

  test("ids in ascending order need no table until the order breaks; a duplicate is found either side of the break", () => {
    const t = new IdRows(8);
    // u1 < u2 < u3: ascending. u3 again: not greater than u3, the order breaks and u3 is found at row 3.
    expect(t.firstOrAdd("u1", 1)).toBeUndefined();
    expect(t.firstOrAdd("u2", 2)).toBeUndefined();
    expect(t.firstOrAdd("u3", 3)).toBeUndefined();
    expect(t.firstOrAdd("u3", 4)).toBe(3);
    // After the break: u0 is new, u1 (from the ascending run) is found, u0 again is found.
    expect(t.firstOrAdd("u0", 5)).toBeUndefined();
    expect(t.firstOrAdd("u1", 6)).toBe(1);
    expect(t.firstOrAdd("u0", 7)).toBe(5);
  });

  test("a long ascending run that does not fit the table at the break moves into a Map", () => {
    // Sized for 1 row (16 places); 20 ascending ids (a00 … a19) cannot all be placed: a Map takes them.
    const t = new IdRows(1);
    for (let k = 0; k < 20; k++) expect(t.firstOrAdd(`a${String(k).padStart(2, "0")}`, k + 1)).toBeUndefined();
    expect(t.firstOrAdd("a05", 30)).toBe(6);
    expect(t.firstOrAdd("0", 31)).toBeUndefined();
    expect(t.firstOrAdd("0", 32)).toBe(31);
  });

  test("agrees with a Map on runs of ids ascending, then repeating, then at random", () => {
    // A fixed sequence: 300 ascending ids, then 3,000 drawn from 500 (so about 2,500 repeats), by a linear congruential step.
    const ids: string[] = [];
    for (let k = 0; k < 300; k++) ids.push(`s${String(k).padStart(4, "0")}`);
    let x = 12345;
    for (let k = 0; k < 3000; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      ids.push(`s${String(x % 500).padStart(4, "0")}`);
    }
    const t = new IdRows(ids.length);
    const reference = new Map<string, number>();
    let repeats = 0;
    ids.forEach((id, k) => {
      const want = reference.get(id);
      if (want === undefined) reference.set(id, k + 1);
      else repeats++;
      expect(t.firstOrAdd(id, k + 1)).toBe(want);
    });
    expect(repeats).toBeGreaterThan(2000);
  });

  test("ids equal but for case, or a prefix of another, are different ids", () => {
    const t = new IdRows(4);
    expect(t.firstOrAdd("A1", 1)).toBeUndefined();
    expect(t.firstOrAdd("a1", 2)).toBeUndefined();
    expect(t.firstOrAdd("A", 3)).toBeUndefined();
    expect(t.firstOrAdd("A1", 4)).toBe(1);
  });
});

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});
