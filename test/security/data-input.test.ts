/**
 * Bad data is refused at its row and field, never coerced, dropped or crashed on:
 * lists and mappings are not text, holes are reported, a CSV header given twice is an
 * error, deep and cyclic values give a short message.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { CsvError, parseCsv } from "../../src/cli/csv.js";
import { evaluateSet } from "../../src/pipeline/evaluate.js";
import { formatIssues, safeAssess, safeLinkRubrics } from "../../src/index.js";
import { compile, dataIssues, run } from "../helpers.js";

const body = `
inputs:
  note: { type: text, required: false }
  kind: { type: choice, values: [organ, school], required: false }
  level: { type: grade, scale: [A, B, C], required: false }
  flag: { type: boolean, default: false }
  monthly: { type: series, length: 12, min: 0, max: 10, required: false }
  votes: { type: votes, levels: [好, 差], required: false }
  cases: { type: records, fields: { who: text, n: count } }
  previous: { type: rank, required: false }
  founded: { type: date, required: false }
scoring:
  children:
    - { id: duty, kind: input, max: 100 }
`;
const rubric = compile(body);
const ok = { id: "u1", duty: 50 };
const set = (() => {
  const r = safeLinkRubrics([rubric]);
  if (!r.ok) throw new Error("unreachable");
  return r.value;
})();

/** The issues of a CSV text that must be refused. */
function csvIssues(text: string) {
  try {
    parseCsv(text, "d.csv");
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return (e as CsvError).issues;
  }
  throw new Error("expected the CSV to be refused");
}

/** The boundary's own issues, for a caller that passes the subjects to the engine directly. */
const boundary = (rows: unknown[]) => evaluateSet(set, rows as never).issues;

/** The issues, which must also survive JSON.stringify and formatting. */
function issuesOf(rows: unknown[]) {
  const r = safeAssess(rubric, rows as never);
  if (r.ok) throw new Error("expected the data to be rejected");
  expect(() => JSON.stringify(r.issues)).not.toThrow();
  expect(() => formatIssues(r.issues)).not.toThrow();
  return r.issues;
}

describe("no coercion of lists and mappings", () => {
  test.each([
    ["a name given a mapping", { name: { x: 1 } }, { code: "DATA_BAD_SHAPE", field: "name", params: { received: '{"x":1}' } }],
    ["a group given a list", { group: ["a", "b"] }, { code: "DATA_BAD_SHAPE", field: "group", params: { received: '["a","b"]' } }],
    ["a group given true", { group: true }, { code: "DATA_BAD_SHAPE", field: "group" }],
    ["a text value given a mapping", { note: { x: 1 } }, { code: "DATA_BAD_SHAPE", field: "note", params: { expected: "text (a string or a number)" } }],
    ["a text value given a list", { note: ["a", "b"] }, { code: "DATA_BAD_SHAPE", field: "note", params: { received: '["a","b"]' } }],
    ["a text value given false", { note: false }, { code: "DATA_BAD_SHAPE", field: "note" }],
    ["a choice given a one-element list", { kind: ["organ"] }, { code: "DATA_INVALID_VALUE", field: "kind", params: { receivedType: "list", received: '["organ"]' } }],
    ["a grade given a list", { level: ["A"] }, { code: "DATA_INVALID_VALUE", field: "level", params: { receivedType: "list" } }],
    ["a boolean given [1]", { flag: [1] }, { code: "DATA_INVALID_VALUE", field: "flag", params: { receivedType: "list", received: "[1]" } }],
    ["a boolean given a mapping", { flag: {} }, { code: "DATA_INVALID_VALUE", field: "flag", params: { receivedType: "mapping", received: "{}" } }],
    ["a boolean given 2", { flag: 2 }, { code: "DATA_INVALID_VALUE", field: "flag", params: { received: 2 } }],
    ["a number given a list", { duty: [50] }, { code: "DATA_NOT_NUMBER", field: "duty", params: { receivedType: "list", received: "[50]" } }],
    ["a record's text field given a list", { cases: [{ who: ["a"], n: 1 }] }, { code: "DATA_BAD_SHAPE", field: "cases[1].who" }],
    ["a rank given a mapping with inherited fields", { previous: Object.create({ rank: 1, of: 2 }) }, { code: "DATA_BAD_SHAPE", field: "previous" }],
    ["a date given a list", { founded: ["2024-03-01"] }, { code: "DATA_INVALID_DATE", field: "founded", params: { receivedType: "list", received: '["2024-03-01"]' } }],
    ["an id given a mapping", { id: { x: 1 } }, { code: "DATA_BAD_SHAPE", field: "id" }],
    ["an id given NaN", { id: Number.NaN }, { code: "DATA_BAD_SHAPE", field: "id", params: { received: "NaN" } }],
  ] as const)("%s", (_name, change, expected) => {
    expect(issuesOf([{ ...ok, ...change }])).toMatchObject([{ row: 1, ...expected }]);
  });

  test("the message says what was given", () => {
    const [issue] = issuesOf([{ ...ok, kind: ["organ"] }]);
    expect(issue!.message).toBe('"kind" must be one of organ, school, got ["organ"]');
  });

  test("scalars are still read: numbers as text, 1 and 0 as booleans", () => {
    // duty 50 → total 50; name 7 → "7"; group 3 → "3"
    const r = run(body, [{ ...ok, name: 7, group: 3, note: 12, flag: 1 }, { id: "u2", duty: 60, flag: 0, kind: "organ", level: "B" }]);
    expect(r.units.map((u) => [u.id, u.name, u.group, u.score])).toEqual([
      ["u2", undefined, undefined, "60"],
      ["u1", "7", "3", "50"],
    ]);
  });
});

describe("nothing is dropped silently", () => {
  test("each run of holes in a sparse subject list is one issue at its first row", () => {
    // rows 2-3 are holes (one issue, 2 rows), row 5 is a hole (1 row)
    const rows: unknown[] = [{ ...ok }, , , { ...ok, id: "u4" }, , { ...ok, id: "u6" }]; // eslint-disable-line no-sparse-arrays
    expect(boundary(rows)).toMatchObject([
      { code: "DATA_BAD_SHAPE", row: 2, params: { rows: 2, received: "a hole in the list (rows 2 to 3)" } },
      { code: "DATA_BAD_SHAPE", row: 5, params: { rows: 1, received: "a hole in the list" } },
    ]);
    // the public functions refuse a sparse list before the engine sees it, naming its first hole
    expect(issuesOf(rows)).toMatchObject([{ code: "API_BAD_ARGUMENT", row: 2 }]);
  });

  test("a trailing hole and a list of only holes", () => {
    const trailing: unknown[] = [{ ...ok }];
    trailing.length = 2;
    expect(boundary(trailing)).toMatchObject([{ code: "DATA_BAD_SHAPE", row: 2, params: { rows: 1 } }]);
    expect(boundary(new Array(3))).toMatchObject([{ code: "DATA_BAD_SHAPE", row: 1, params: { rows: 3 } }]);
  });

  test.each([
    ["null", null, "null"],
    ["a string", "u1", '"u1"'],
    ["a list", ["u1", 50], '["u1",50]'],
    ["a number", 5, "5"],
  ])("a subject that is %s is a bad shape at its row", (_name, value, received) => {
    expect(boundary([{ ...ok }, value])).toMatchObject([{ code: "DATA_BAD_SHAPE", row: 2, params: { received } }]);
    expect(issuesOf([{ ...ok }, value])).toMatchObject([{ code: "API_BAD_ARGUMENT", row: 2 }]);
  });

  test("a hole in a records list or a scores list is reported at its position", () => {
    const cases: unknown[] = [{ who: "a", n: 1 }];
    cases.length = 2;
    expect(issuesOf([{ ...ok, cases }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "cases[2]", params: { received: "a hole in the list" } }]);
    const monthly = new Array(12).fill(5) as unknown[];
    delete monthly[3];
    expect(issuesOf([{ ...ok, monthly }])).toMatchObject([{ code: "DATA_NOT_NUMBER", field: "monthly.4", params: { received: null } }]);
  });

  test("a CSV header given twice is DATA_DUPLICATE_COLUMN naming both positions", () => {
    let error: unknown;
    try {
      parseCsv("id,duty,note,duty\r\nu1,50,x,60\r\n", "d.csv");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvError);
    // "id,duty,note," is 13 characters: the second "duty" starts at column 14 of line 1
    expect((error as CsvError).issues).toMatchObject([
      { code: "DATA_DUPLICATE_COLUMN", field: "duty", params: { column: "duty", first: 2, second: 4 }, source: { file: "d.csv", line: 1, col: 14 } },
    ]);
    expect((error as CsvError).issues[0]!.message).toBe('column "duty" appears twice in the header, as columns 2 and 4; give each column once');
    expect((error as CsvError).message).toBe("d.csv: 1 problem(s) in the header");
    // a quoted header with a comma inside, after a byte-order mark: '"id","a,b",x,' is 13 characters
    expect(csvIssues('\ufeff"id","a,b",x,"a,b"\r\nu1,1,2,3\r\n')).toMatchObject([{ params: { column: "a,b", first: 2, second: 4 }, source: { col: 14 } }]);
  });

  test("headers equal after trimming are the same column; distinct headers read as before", () => {
    expect(csvIssues("id, duty,duty \r\nu1,1,2\r\n")).toMatchObject([{ code: "DATA_DUPLICATE_COLUMN", params: { column: "duty", first: 2, second: 3 } }]);
    const rows = parseCsv("id,duty\r\nu1,50\r\n\r\nu2,60\r\n", "d.csv");
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { id: "u1", duty: "50" },
      { id: "u2", duty: "60" },
    ]);
  });

  test("a ragged CSV row is still a CSV error with its line", () => {
    expect(() => parseCsv("id,duty\r\nu1\r\n", "d.csv")).toThrow(/^d\.csv:2: the row has 1 cells, the header has 2$/);
  });

  test("a votes.__proto__ column is reported, not ignored", () => {
    expect(issuesOf([{ ...ok, "votes.好": 3, "votes.差": 1, "votes.__proto__": 2 }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "votes.__proto__" }]);
  });

  test("a value given whole and as columns is refused, not overwritten", () => {
    expect(issuesOf([{ ...ok, votes: { 好: 1, 差: 0 }, "votes.好": 3 }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "votes", params: { received: 'both "votes" and "votes.好"' } }]);
  });

  test("record fields named toString or __proto__ are unknown fields of the record, no crash", () => {
    expect(issuesOf([{ ...ok, cases: [{ toString: 1 }] }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "cases[1].toString", params: { allowed: ["who", "n"] } }]);
    expect(issuesOf([{ ...ok, cases: JSON.parse('[{"who":"a","__proto__":{"n":5}}]') as unknown }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "cases[1].__proto__" }]);
  });
});

test("a record {toString: 1} read by a records deduction is a clean data issue", () => {
  const sanctions = compile(`
inputs:
  discipline: { type: records, fields: { sanction: text } }
scoring:
  children:
    - id: conduct
      kind: deduct
      max: 10
      deductions:
        - { id: sanctions, records: discipline, points: { by: sanction, table: { 诫勉: 1, 轻处分: 3 } } }
`);
  // 10 − 1 − 3 = 6
  expect(run_(sanctions, [{ id: "u", discipline: [{ sanction: "诫勉" }, { sanction: "轻处分" }] }])).toBe("6");
  expect(dataIssues(sanctions, [{ id: "u", discipline: [{ toString: 1 }] }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "discipline[1].toString" }]);
  expect(dataIssues(sanctions, [{ id: "u", discipline: '[{"toString": 1}]' }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "discipline[1].toString" }]);
  expect(dataIssues(sanctions, [{ id: "u", discipline: [{ sanction: { toString: 1 } }] }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "discipline[1].sanction" }]);
});

function run_(r: ReturnType<typeof compile>, rows: Record<string, unknown>[]): string {
  const out = safeAssess(r, rows);
  if (!out.ok) throw new Error(formatIssues(out.issues));
  return out.value.results[0]!.units[0]!.score;
}

describe("deep, cyclic and huge values give a short message", () => {
  test("a 5,000-deep list given as a number", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`) as unknown;
    const [issue] = issuesOf([{ ...ok, duty: deep }]);
    expect(issue).toMatchObject({ code: "DATA_NOT_NUMBER", field: "duty", params: { received: "[[[[[…]]]]]", receivedType: "list" } });
  });

  test("a 100,000-deep records cell (JSON in a CSV cell)", () => {
    const cell = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(issuesOf([{ ...ok, cases: cell }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "cases[1]", params: { received: "[[[[[…]]]]]" } }]);
  });

  test("a cyclic value", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(issuesOf([{ ...ok, duty: cyclic, name: loop }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "name", params: { received: '{"self":[Circular]}' } }]);
    expect(issuesOf([{ ...ok, duty: cyclic }])).toMatchObject([{ code: "DATA_NOT_NUMBER", params: { received: "[[Circular]]" } }]);
  });

  test("a long list shows its first 20 entries and how many more; a long text is cut at 200 characters", () => {
    const list = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(issuesOf([{ ...ok, kind: list }])[0]!.params.received).toBe(`[${list.slice(0, 20).join(",")},… 5 more]`);
    const [issue] = issuesOf([{ ...ok, duty: "x".repeat(5000) }]);
    expect(issue!.params.received).toBe(`${"x".repeat(200)}…`);
  });
});

describe("through the CLI", () => {
  const cli = (args: string[]) => {
    const err: string[] = [];
    const code = main(args, { out: () => undefined, err: (t) => err.push(t), stdin: () => Buffer.from(""), isTty: false });
    return { code, err: err.join("\n") };
  };

  test("a duplicated header is one line at file:1:col with the code, then the cause; exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-"));
    writeFileSync(join(dir, "r.yaml"), `kaohe: 1\nid: t\nname: T\nyear: 2024\nversion: "1"\ngrades:\n  - { id: A, min: 50 }\n  - { id: B }\nscoring:\n  max: 100\n  children:\n    - { id: duty, kind: input, max: 100 }\n`);
    writeFileSync(join(dir, "d.csv"), "id,duty,duty\r\nu1,1,2\r\n");
    const r = cli(["score", join(dir, "r.yaml"), join(dir, "d.csv")]);
    expect(r.code).toBe(1);
    // "id,duty," is 8 characters: the second duty starts at column 9
    expect(r.err.split("\n")).toEqual([
      `${join(dir, "d.csv")}:1:9  field "duty"  DATA_DUPLICATE_COLUMN  column "duty" appears twice in the header, as columns 2 and 3; give each column once`,
      `kaohe score: ${join(dir, "d.csv")}: 1 problem(s) in the header`,
    ]);
  });
});
