/**
 * The host process stays untouched: keys from data (groups, ids, names, raters, vote
 * keys, record fields, CSV headers) never write to or read from Object.prototype,
 * Object or Array.prototype, and a group named `__proto__` is an ordinary group.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseCsv } from "../../src/cli/csv.js";
import { buildFeedback, safeAssess } from "../../src/index.js";
import { compile, dataIssues, run, unit } from "../helpers.js";

const NAMES = ["__proto__", "constructor", "toString", "prototype", "hasOwnProperty"] as const;

/** Own property names and descriptors, values compared by identity. */
function snapshot(target: object): Map<string | symbol, PropertyDescriptor> {
  return new Map(Reflect.ownKeys(target).map((k) => [k, Object.getOwnPropertyDescriptor(target, k)!]));
}

function expectUnchanged(before: Map<string | symbol, PropertyDescriptor>, target: object): void {
  const after = snapshot(target);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [k, d] of before) {
    const a = after.get(k)!;
    for (const field of ["value", "get", "set", "writable", "enumerable", "configurable"] as const)
      expect(Object.is(a[field], d[field]), `${String(k)}.${field}`).toBe(true);
  }
}

const TARGETS = { "Object.prototype": Object.prototype, Object, "Array.prototype": Array.prototype, "Function.prototype": Function.prototype };
let before: Map<string, Map<string | symbol, PropertyDescriptor>>;
beforeEach(() => {
  before = new Map(Object.entries(TARGETS).map(([name, t]) => [name, snapshot(t)]));
});
afterEach(() => {
  for (const [name, t] of Object.entries(TARGETS)) expectUnchanged(before.get(name)!, t);
  expect(({} as Record<string, unknown>).good).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

// Two subjects per group: one scores 95 (good), the other 70 (poor); group rank and a
// group quota (one good per group) read the same group names.
const rubric = compile(rubricBody());

// Weighted: 0.8 × duty + 0.2 × leaders. 95/95 → 95 (good); 70/70 → 70 (poor).
const rows = NAMES.flatMap((g, i) => [
  { id: g, name: g, group: g, duty: 95, leaders: { [g]: 95 } },
  { id: `${g}-${i}`, name: g, group: g, duty: 70, leaders: { r: 70 } },
]);

describe("names such as __proto__ in the data are plain data", () => {
  test("groups and ids named __proto__, constructor, toString, prototype, hasOwnProperty are scored and counted", () => {
    const r = run(rubricBody(), rows);
    const byGroup = r.summary.byGroup!;
    expect(Object.getPrototypeOf(byGroup)).toBeNull();
    expect(Object.keys(byGroup)).toEqual([...NAMES].sort());
    for (const g of NAMES) {
      // own data property, one good (95) and one poor (70) in each group
      const d = Object.getOwnPropertyDescriptor(byGroup, g);
      expect(d && "value" in d, g).toBe(true);
      expect({ ...d!.value }).toEqual({ good: 1, fair: 0, poor: 1 });
      expect(unit(r, g)).toMatchObject({ id: g, name: g, group: g, score: "95", grade: "good", groupRank: 1 });
      expect(unit(r, `${g}-${NAMES.indexOf(g)}`)).toMatchObject({ score: "70", grade: "poor", groupRank: 2 });
    }
    expect({ ...r.summary.distribution }).toEqual({ good: 5, fair: 0, poor: 5 });
    const json = JSON.parse(JSON.stringify(r.summary)) as { byGroup: Record<string, unknown> };
    expect(Object.keys(json.byGroup).sort()).toEqual([...NAMES].sort());
    expect(Object.getOwnPropertyDescriptor(json.byGroup, "__proto__")?.value).toEqual({ good: 1, fair: 0, poor: 1 });
    expect(JSON.stringify(r.summary)).toContain('"__proto__":{"good":1,"fair":0,"poor":1}');
  });

  test("feedback keyed by those ids", () => {
    const r = run(rubricBody(), rows);
    const fb = buildFeedback(rubric, r);
    expect(fb.subjects.map((s) => s.id).sort()).toEqual(rows.map((x) => x.id).sort());
    // 70 misses fair (80) by 10 points
    expect(fb.subjects.find((s) => s.id === "__proto__-0")!.toNextGrade).toEqual({ grade: "fair", points: "10" });
  });

  test("a rater, a record field or a vote key named __proto__", () => {
    // rater "__proto__" is a rater like any other: mean (80 + 90) / 2 = 85; 0.8 × 100 + 0.2 × 85 = 97
    const leaders = JSON.parse('{"__proto__": 80, "r2": 90}') as unknown;
    const [u] = run(rubricBody(), [{ id: "u", duty: 100, leaders }]).units;
    expect(u!.score).toBe("97");
    // as flat columns: leaders.__proto__, leaders.r2
    const flat = Object.assign(Object.create(null) as Record<string, unknown>, { id: "u", duty: 100, "leaders.__proto__": 80, "leaders.r2": 90 });
    expect(run(rubricBody(), [flat]).units[0]!.score).toBe("97");
    // a vote key __proto__ is reported, not ignored
    const votes = JSON.parse('{"好": 1, "差": 2, "__proto__": 5}') as unknown;
    expect(dataIssues(rubric, [{ id: "u", duty: 100, leaders: [90], votes }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "votes.__proto__" }]);
    const column = { id: "u", duty: 100, leaders: [90], "votes.好": 1, "votes.差": 2, "votes.__proto__": 5 };
    expect(dataIssues(rubric, [column])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "votes.__proto__", params: { received: '"__proto__"' } }]);
  });

  test("a CSV header __proto__ is a column, reported as unknown", () => {
    const parsed = parseCsv("id,duty,leaders,__proto__\r\nu1,90,90,{}\r\n", "d.csv");
    expect(Object.keys(parsed[0]!)).toEqual(["id", "duty", "leaders", "__proto__"]);
    expect(dataIssues(rubric, parsed)).toMatchObject([{ code: "DATA_UNKNOWN_FIELD", field: "__proto__", row: 1 }]);
  });
});

describe("__proto__ in JSON data smuggles nothing", () => {
  // JSON.parse makes "__proto__" an own property: it is a field like any other, unknown here.
  const smuggler = () => JSON.parse('{"id":"u1","leaders":[90],"__proto__":{"duty":40,"junk":1}}') as Record<string, unknown>;

  test("the field is reported, its contents are neither read nor merged", () => {
    const issues = dataIssues(rubric, [smuggler()]);
    expect(issues).toMatchObject([{ code: "DATA_UNKNOWN_FIELD", field: "__proto__", row: 1, subject: "u1" }]);
    expect(issues.some((i) => i.field === "junk" || i.field === "duty")).toBe(false);
  });

  test("the same when columns fold (a leaders.r1 column beside it)", () => {
    const row = smuggler();
    delete row.leaders;
    row["leaders.r1"] = 90;
    expect(dataIssues(rubric, [row])).toMatchObject([{ code: "DATA_UNKNOWN_FIELD", field: "__proto__" }]);
  });

  test("inherited properties are not read: they are reported at their key", () => {
    const subject = Object.create({ duty: 40 }) as Record<string, unknown>;
    Object.assign(subject, { id: "u1", leaders: [90] });
    // The issue names the subject too (its id is an own property): row 1, subject u1, field duty.
    expect(dataIssues(rubric, [subject])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "duty", row: 1, subject: "u1", params: { rows: 1 } }]);
    // nested: an inherited rater is not a rater
    const leaders = Object.create({ r1: 100 }) as Record<string, unknown>;
    leaders.r2 = 90;
    expect(dataIssues(rubric, [{ id: "u1", duty: 90, leaders }])).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "leaders.r1" }]);
  });

  test("an enumerable property added to Object.prototype by the host is reported, not read", () => {
    Object.defineProperty(Object.prototype, "duty", { value: 40, enumerable: true, configurable: true, writable: true });
    let issues;
    try {
      issues = safeAssess(rubric, [{ id: "u1", leaders: [90] }, { id: "u2", leaders: [90] }]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).duty;
    }
    expect(issues.ok).toBe(false);
    expect(!issues.ok && issues.issues).toMatchObject([{ code: "DATA_BAD_SHAPE", field: "duty", row: 1, params: { rows: 2 } }]);
  });

  test("a null-prototype subject is read like a plain one", () => {
    const subject = Object.assign(Object.create(null) as Record<string, unknown>, { id: "u1", duty: 90, leaders: [90] });
    // 0.8 × 90 + 0.2 × 90 = 90
    expect(run(rubricBody(), [subject]).units[0]!.score).toBe("90");
  });
});

function rubricBody(): string {
  return `
grades:
  - { id: good, label: 好, min: 90 }
  - { id: fair, label: 较好, min: 80 }
  - { id: poor, label: 差 }
inputs:
  leaders: { type: scores, min: 0, max: 100 }
  votes: { type: votes, levels: [好, 差], required: false }
scoring:
  combine: weighted
  children:
    - { id: duty, kind: input, max: 100, weight: 80% }
    - { id: leaders, kind: panel, max: 100, weight: 20% }
quotas:
  - { id: one-good, grade: good, count: 1, scope: group }
`;
}
