/**
 * The data boundary: raw subject rows (from JSON or CSV) → validated input values.
 * Every problem names the row, the subject id and the field. Missing values are
 * recorded here and reported when the engine actually reads them, so an input
 * used only by another domain's extra items (加试题) is not demanded of everyone.
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { showValue } from "../diagnostics/show.js";
import { parseDate } from "../decimal/dates.js";
import { Dec, decimalPlaces, parseDecimal, ZERO } from "../decimal/decimal.js";
import { DataTable } from "./data-table.js";
import type { CompiledRubric, InputSpec, InputValue, RankValue, RecordValue, ScoreSheet, VoteCounts } from "../compile/model.js";

/** One subject's raw data: `id` (required), optional `name` and `group`, and input values by name or label. */
export type SubjectData = Readonly<Record<string, unknown>>;

export const RESERVED_FIELDS = ["id", "name", "group"] as const;

/** A subject after the boundary: identity plus validated values for one rubric. */
export interface PreparedSubject {
  readonly id: string;
  readonly name?: string;
  readonly group?: string;
  /** 1-indexed position in the data. */
  readonly row: number;
  readonly values: ReadonlyMap<string, InputValue>;
  /**
   * Inputs the subject does not give and that have no default (records excepted: an
   * absent records input is an empty list). Those with `missing: zero` are also in
   * `values`, as zero (a scores input as an empty list).
   */
  readonly absent: ReadonlySet<string>;
  /** Input name → the column as the data writes it (the name or the label). */
  readonly columns: ReadonlyMap<string, string>;
}

export interface SubjectIdentity {
  readonly id: string;
  readonly name?: string;
  readonly group?: string;
  readonly row: number;
  /** The subject's fields: its own keys only, nested columns folded. */
  readonly data: Fields;
}

/** A subject's fields, read by key; never through a prototype. */
export interface Fields {
  has(key: string): boolean;
  get(key: string): unknown;
  keys(): Iterable<string>;
}

/** The own keys of a row that needs no folding, read in place. */
class OwnFields implements Fields {
  constructor(
    private readonly row: SubjectData,
    private readonly ownKeys: readonly string[],
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.row, key);
  }

  get(key: string): unknown {
    return Object.hasOwn(this.row, key) ? this.row[key] : undefined;
  }

  keys(): Iterable<string> {
    return this.ownKeys;
  }
}

/**
 * Limits on the data a batch may hold, checked before anything is scored; exceeding
 * one is DATA_TOO_LARGE, reported at once. Raise them with `assess(..., { limits })`;
 * `Infinity` lifts a limit.
 */
export interface DataLimits {
  /** Subjects in one batch (default 1,000,000). */
  readonly rows?: number;
  /** Fields (columns) of one subject (default 10,000). */
  readonly columns?: number;
  /** Characters of one text value, such as a CSV cell (default 1,000,000). */
  readonly cellLength?: number;
}

export const DEFAULT_DATA_LIMITS: Readonly<Required<DataLimits>> = Object.freeze({ rows: 1_000_000, columns: 10_000, cellLength: 1_000_000 });

/**
 * What is wrong with a `limits` option, if anything: each problem names the key
 * ("" for the option itself), what it must be, and the value given.
 */
export function limitProblems(given: unknown): { key: string; expected: string; value: unknown }[] {
  if (given === undefined) return [];
  if (!isMapping(given)) return [{ key: "", expected: "an object such as { rows: 5000000 }", value: given }];
  const out: { key: string; expected: string; value: unknown }[] = [];
  for (const key of Object.keys(given))
    if (!Object.hasOwn(DEFAULT_DATA_LIMITS, key)) out.push({ key, expected: `one of the limits ${Object.keys(DEFAULT_DATA_LIMITS).join(", ")}`, value: key });
  for (const key of Object.keys(DEFAULT_DATA_LIMITS)) {
    const v = own(given, key);
    if (v !== undefined && !(typeof v === "number" && ((Number.isInteger(v) && v >= 1) || v === Infinity)))
      out.push({ key, expected: "a whole number of at least 1, or Infinity", value: v });
  }
  return out;
}

/** The limits in force; a bad `limits` option is DATA_INVALID_VALUE (the public functions check it first, as API_BAD_ARGUMENT). */
function resolveLimits(given: DataLimits | undefined, issues: Issue[]): Required<DataLimits> {
  for (const p of limitProblems(given)) {
    const field = p.key ? `limits.${p.key}` : "limits";
    issues.push(makeIssue("DATA_INVALID_VALUE", { field, expected: p.expected, expects: "limit", ...receivedOf(p.value) }, { path: field.split(".") }));
  }
  const out = { ...DEFAULT_DATA_LIMITS };
  if (issues.length === 0 && given !== undefined)
    for (const key of Object.keys(DEFAULT_DATA_LIMITS) as (keyof DataLimits)[]) {
      const v = own(given, key);
      if (typeof v === "number") out[key] = v;
    }
  return out;
}

/** The columns that hold a subject's id, name and group (beside "id", "name", "group"), and the ignored ones. */
function subjectColumns(rubrics: readonly CompiledRubric[]): { fields: Record<(typeof RESERVED_FIELDS)[number], string[]>; ignored: Set<string> } {
  const fields = { id: ["id"], name: ["name"], group: ["group"] };
  const ignored = new Set<string>();
  const add = (list: string[], column: string | undefined) => {
    if (column !== undefined && !list.includes(column)) list.push(column);
  };
  for (const r of rubrics) {
    add(fields.id, r.idColumn);
    add(fields.name, r.nameColumn);
    add(fields.group, r.groupLabel);
    for (const c of r.ignoredColumns) ignored.add(c);
  }
  return { fields, ignored };
}

/** Own properties only: data never reads what an object inherits. */
const own = (data: object, key: string): unknown => (Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined);

/** A mapping from data, for reading its own keys: not null, not a list. */
const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Enumerable keys an object inherits and does not shadow: never read as data, always reported. */
function inheritedKeys(obj: object): string[] {
  const out: string[] = [];
  for (let p = Object.getPrototypeOf(obj) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null)
    for (const k of Object.keys(p)) if (!Object.hasOwn(obj, k) && !out.includes(k)) out.push(k);
  return out;
}

const INHERITED = { expected: "an own property (inherited properties are not read as data)", received: "a property inherited from the object's prototype", expects: "own-property" };

/**
 * A subject's id, name or group: a string, or a finite number (written as text).
 * undefined when absent, null when of another type.
 */
function subjectText(v: unknown, trim: boolean): string | undefined | null {
  if (isAbsent(v)) return undefined;
  if (typeof v === "string") return trim ? v.trim() : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}


/**
 * `received` for an issue's params: a scalar as given (a long text cut at 200
 * characters), anything else (a list, a mapping, a BigInt...) as its short rendering
 * (diagnostics/show.ts) with `receivedType`. Params stay small and safe to
 * JSON.stringify whatever the data held: never a deep, huge or cyclic value.
 */
function receivedOf(v: unknown): { received: unknown; receivedType?: string } {
  if (typeof v === "string") return { received: v.length > 200 ? `${v.slice(0, 200)}…` : v };
  if (v === null || v === undefined || typeof v === "boolean" || typeof v === "number") return { received: v ?? null };
  return { received: showValue(v), receivedType: Array.isArray(v) ? "list" : typeof v === "object" ? "mapping" : typeof v };
}

/** Reported once per key, at its first row, with the count of rows. */
class PerColumn {
  private readonly seen = new Map<string, { row: number; id?: string; index: number; rows: number; params: Record<string, unknown> }>();

  add(key: string, at: { row: number; id?: string; index: number }, params: Record<string, unknown> = {}): void {
    const s = this.seen.get(key);
    if (s) s.rows++;
    else this.seen.set(key, { ...at, rows: 1, params });
  }

  report(code: "DATA_UNKNOWN_FIELD" | "DATA_BAD_SHAPE" | "DATA_TOO_LARGE", issues: Issue[], params: (key: string) => Record<string, unknown> = () => ({})): void {
    for (const [key, at] of this.seen)
      issues.push(
        makeIssue(code, { field: key, rows: at.rows, ...params(key), ...at.params }, { row: at.row, field: key, path: [at.index, key], ...(at.id !== undefined ? { subject: at.id } : {}) }),
      );
  }
}

/** A subject field (id, name, group) read from its columns: the column and its text. */
type Picked = { column: string; value: string | undefined } | undefined;

/** What checkSubjects knows of the rubrics, shared by every row. */
interface Known {
  readonly fields: Record<(typeof RESERVED_FIELDS)[number], string[]>;
  readonly known: ReadonlySet<string>;
  readonly nested: ReadonlyMap<string, InputSpec>;
}

/**
 * The checks of one row once its fields are read (folded): the id (present, unique),
 * the name and group (read from one column each), unknown columns, a nested input
 * given twice. Pushes the subject when nothing is wrong.
 */
class RowChecker {
  readonly firstRow = new Map<string, number>();
  // An unknown column is one problem, reported at its first row with the count of rows.
  readonly unknown = new PerColumn();
  readonly inherited = new PerColumn();
  private conflict = false;
  private row = 0;
  private index = 0;
  private data!: Fields;

  constructor(
    private readonly k: Known,
    private readonly issues: Issue[],
    private readonly subjects: SubjectIdentity[],
  ) {}

  isKnown(key: string): boolean {
    return this.k.known.has(key);
  }

  private shape(column: string, expected: string, received: string, id: string | undefined, more: Record<string, unknown>): void {
    this.conflict = true;
    this.issues.push(makeIssue("DATA_BAD_SHAPE", { field: column, expected, received, ...more }, { row: this.row, field: column, path: [this.index, column], ...(id !== undefined ? { subject: id } : {}) }));
  }

  // A subject field is read from one column: "id" or the rubric's id column (编号), never both.
  private pick(field: (typeof RESERVED_FIELDS)[number], id?: string): Picked {
    const data = this.data;
    let first: string | undefined;
    let second: string | undefined;
    for (const c of this.k.fields[field])
      if (data.has(c) && !isAbsent(data.get(c))) {
        if (first === undefined) first = c;
        else if (second === undefined) second = c;
      }
    if (second !== undefined) this.shape(second, `given once (the subject's ${field})`, `both "${first}" and "${second}"`, id, { expects: "once", of: field, columns: [first, second] });
    if (first === undefined) return undefined;
    const value = subjectText(data.get(first), field === "id");
    if (value === null) {
      this.shape(first, `the subject's ${field}: text or a number`, showValue(data.get(first)), id, { expects: "subject-text", of: field });
      return undefined;
    }
    return { column: first, value };
  }

  check(
    data: Fields,
    i: number,
    inheritedHere: readonly string[],
    unknownKeys: Iterable<string>,
    folded: { unknown?: readonly { key: string; hint: string; base: string; periods: number }[]; twice?: readonly { base: string; columns: string[] }[] },
  ): void {
    const row = i + 1;
    this.row = row;
    this.index = i;
    this.data = data;
    this.conflict = false;
    const idCell = this.pick("id");
    const id = idCell?.value ?? "";
    // Reported with the subject when its id is known (an inherited id is never read: it is reported too).
    for (const key of inheritedHere) this.inherited.add(key, { row, index: i, ...(id !== "" ? { id } : {}) });
    if (this.conflict) return;
    if (id === "") {
      const fields = this.k.fields.id;
      const column = idCell?.column ?? fields[fields.length - 1]!;
      this.issues.push(makeIssue("DATA_MISSING_ID", { field: column }, { row, field: column, path: [i, column] }));
      return;
    }
    const first = this.firstRow.get(id);
    if (first !== undefined) {
      this.issues.push(makeIssue("DATA_DUPLICATE_ID", { id, firstRow: first }, { row, subject: id, field: idCell!.column, path: [i, idCell!.column] }));
      return;
    }
    this.firstRow.set(id, row);
    for (const key of unknownKeys) if (!this.k.known.has(key)) this.unknown.add(key, { row, id, index: i });
    if (folded.unknown) for (const u of folded.unknown) this.unknown.add(u.key, { row, id, index: i }, { hint: u.hint, series: u.base, periods: u.periods });
    if (folded.twice)
      for (const { base, columns } of folded.twice)
        this.shape(base, `given once: as "${base}" or as "${base}.<key>" columns, not both`, `both "${base}" and ${columns.map((k) => `"${k}"`).join(", ")}`, id, { expects: "once-dotted", columns: [base, ...columns] });
    const name = this.pick("name", id)?.value;
    const group = this.pick("group", id)?.value;
    if (this.conflict) return;
    this.subjects.push({ id, row, data, ...(name !== undefined ? { name } : {}), ...(group !== undefined ? { group } : {}) });
  }
}

const NO_KEYS: readonly string[] = [];
const NOTHING_FOLDED = {};

/**
 * Check ids (present, unique) and that every field is known to some rubric. The rows
 * are objects, or a DataTable (CSV read by column index: no object per row).
 */
export function checkSubjects(
  rows: readonly SubjectData[] | DataTable,
  rubrics: readonly CompiledRubric[],
  givenLimits?: DataLimits,
): { subjects: SubjectIdentity[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const subjects: SubjectIdentity[] = [];
  const limits = resolveLimits(givenLimits, issues);
  if (issues.length > 0) return { subjects, issues };
  const table = rows instanceof DataTable ? rows : undefined;
  if (!table && !Array.isArray(rows)) {
    issues.push(makeIssue("DATA_BAD_SHAPE", { field: "subjects", expected: "a list of subjects", expects: "subjects", received: showValue(rows) }));
    return { subjects, issues };
  }
  if (rows.length > limits.rows) {
    issues.push(makeIssue("DATA_TOO_LARGE", { what: "subjects (rows)", count: rows.length, limit: limits.rows, option: "limits.rows" }));
    return { subjects, issues };
  }
  const { fields, ignored } = subjectColumns(rubrics);
  const known = new Set<string>([...fields.id, ...fields.name, ...fields.group, ...ignored]);
  for (const r of rubrics)
    for (const spec of r.inputs.values()) {
      known.add(spec.name);
      if (spec.label) known.add(spec.label);
    }
  const nested = nestedInputs(rubrics);
  const checker = new RowChecker({ fields, known, nested }, issues, subjects);
  if (table) checkTable(table, nested, limits, checker, issues);
  else checkObjects(rows as readonly SubjectData[], nested, limits, checker, issues);
  checker.unknown.report("DATA_UNKNOWN_FIELD", issues);
  checker.inherited.report("DATA_BAD_SHAPE", issues, () => INHERITED);
  return { subjects, issues };
}

function checkObjects(rows: readonly SubjectData[], nested: ReadonlyMap<string, InputSpec>, limits: Required<DataLimits>, checker: RowChecker, issues: Issue[]): void {
  let wide: { row: number; index: number; count: number; rows: number } | undefined;
  // A run of holes in a sparse list is one problem: its first row and its length.
  let holes: { index: number; count: number } | undefined;
  const endHoles = () => {
    if (!holes) return;
    const { index, count } = holes;
    issues.push(
      makeIssue(
        "DATA_BAD_SHAPE",
        { expected: "a mapping with an id and input values", expects: "subject", received: count === 1 ? "a hole in the list" : `a hole in the list (rows ${index + 1} to ${index + count})`, got: "hole", rows: count },
        { row: index + 1, path: [index] },
      ),
    );
    holes = undefined;
  };
  for (let i = 0; i < rows.length; i++) {
    if (!Object.hasOwn(rows, i)) {
      if (holes) holes.count++;
      else holes = { index: i, count: 1 };
      continue;
    }
    endHoles();
    const raw: unknown = rows[i];
    const row = i + 1;
    if (!isMapping(raw)) {
      issues.push(makeIssue("DATA_BAD_SHAPE", { expected: "a mapping with an id and input values", expects: "subject", received: showValue(raw) }, { row, path: [i] }));
      continue;
    }
    const keys = Object.keys(raw);
    if (keys.length > limits.columns) {
      if (wide) wide.rows++;
      else wide = { row, index: i, count: keys.length, rows: 1 };
      continue;
    }
    let tooLong = false;
    for (const key of keys) {
      const v = raw[key];
      if (typeof v === "string" && v.length > limits.cellLength) {
        tooLong = true;
        issues.push(
          makeIssue("DATA_TOO_LARGE", { what: "characters in one value", field: key, count: v.length, limit: limits.cellLength, option: "limits.cellLength" }, { row, field: key, path: [i, key] }),
        );
      }
    }
    if (tooLong) continue;
    const inheritedHere = inheritedKeys(raw);
    const folded = foldColumns(raw, keys, nested);
    checker.check(folded.data, i, inheritedHere, folded.data.keys(), folded);
  }
  endHoles();
  if (wide)
    issues.push(
      makeIssue("DATA_TOO_LARGE", { what: "fields (columns) in one subject", count: wide.count, limit: limits.columns, option: "limits.columns", rows: wide.rows }, { row: wide.row, path: [wide.index] }),
    );
}

/** How a table's columns are read, worked out once from the header. */
interface TableLayout {
  readonly table: DataTable;
  /** Column name → index, for the columns read as they are (not a dotted column of a nested input). */
  readonly plain: ReadonlyMap<string, number>;
  /** The plain columns' names in header order (the row's keys). */
  readonly plainKeys: readonly string[];
  /** Columns of nested inputs, in header order: whole (the base, e.g. a records cell) or dotted (leaders.r1, monthly.3). */
  readonly nestedColumns: readonly { readonly index: number; readonly key: string; readonly spec: InputSpec; readonly base: string; readonly sub?: string; readonly badPeriod?: string }[];
  /** The same by base, in order of first appearance: the whole column (if any) and the dotted ones (periods out of range left out). */
  readonly groups: readonly FoldGroup[];
  readonly groupOf: ReadonlyMap<string, FoldGroup>;
  /** Per rubric's inputs: their name and label columns (TableFields.inputColumns). */
  readonly inputColumns: WeakMap<RubricInputs, Int32Array>;
}

/** A column read through TableFields.get (a nested input's), not by index. */
const NOT_PLAIN = -2;

interface FoldGroup {
  readonly base: string;
  readonly series: boolean;
  readonly records: boolean;
  /** The column giving the whole value, if the header has one. */
  readonly whole: number | undefined;
  readonly dotted: readonly { readonly index: number; readonly key: string; readonly sub: string; readonly period: number }[];
}

function foldGroups(nestedColumns: TableLayout["nestedColumns"]): FoldGroup[] {
  const groups = new Map<string, { base: string; series: boolean; records: boolean; whole: number | undefined; dotted: FoldGroup["dotted"][number][] }>();
  for (const c of nestedColumns) {
    if (c.badPeriod !== undefined) continue;
    let g = groups.get(c.base);
    if (!g) groups.set(c.base, (g = { base: c.base, series: c.spec.type === "series", records: c.spec.type === "records", whole: undefined, dotted: [] }));
    if (c.sub === undefined) g.whole = c.index;
    else g.dotted.push({ index: c.index, key: c.key, sub: c.sub, period: Number(c.sub) });
  }
  return [...groups.values()];
}

/**
 * A table row's fields: the plain columns read from the table, a nested input folded
 * from its dotted columns when it is read (nothing is kept per row but the row's index).
 */
class TableFields implements Fields {
  constructor(
    private readonly layout: TableLayout,
    readonly row: number,
  ) {}

  get table(): DataTable {
    return this.layout.table;
  }

  /**
   * Per input of the rubric, the column of its name and of its label: an index, -1 when
   * the table has no such column, NOT_PLAIN when it is a nested input's (read through get).
   */
  inputColumns(inputs: RubricInputs): Int32Array {
    let cols = this.layout.inputColumns.get(inputs);
    if (!cols) {
      const at = (key: string | undefined) => (key === undefined ? -1 : this.layout.groupOf.has(key) ? NOT_PLAIN : (this.layout.plain.get(key) ?? -1));
      cols = new Int32Array(inputs.plans.flatMap((p) => [at(p.name), at(p.label)]));
      this.layout.inputColumns.set(inputs, cols);
    }
    return cols;
  }

  has(key: string): boolean {
    if (this.layout.plain.has(key)) return true;
    const g = this.layout.groupOf.get(key);
    return g !== undefined && foldedValue(this.layout.table, this.row, g) !== undefined;
  }

  get(key: string): unknown {
    const g = this.layout.groupOf.get(key);
    if (g !== undefined) {
      const v = foldedValue(this.layout.table, this.row, g);
      if (v !== undefined) return v;
    }
    const c = this.layout.plain.get(key);
    return c === undefined ? undefined : this.layout.table.cell(this.row, c);
  }

  keys(): Iterable<string> {
    const out = [...this.layout.plainKeys];
    for (const g of this.layout.groups) if (!this.layout.plain.has(g.base) && foldedValue(this.layout.table, this.row, g) !== undefined) out.push(g.base);
    return out;
  }
}

/**
 * A nested input's value in one row, as foldColumns gives it: from its dotted columns
 * when any is given (a series as a list, null where a period is not given; a mapping
 * otherwise), else a records cell's JSON (the text when it does not parse); undefined
 * when neither applies (the whole column, if any, is then read as it is).
 */
function foldedValue(table: DataTable, row: number, g: FoldGroup): unknown {
  let target: unknown[] | Record<string, unknown> | undefined;
  for (const d of g.dotted) {
    const value = table.cell(row, d.index);
    if (isAbsent(value)) continue;
    target ??= g.series ? [] : (Object.create(null) as Record<string, unknown>);
    if (g.series) (target as unknown[])[d.period - 1] = value;
    else (target as Record<string, unknown>)[d.sub] = value;
  }
  if (target !== undefined) {
    if (g.series) for (let k = 0; k < (target as unknown[]).length; k++) (target as unknown[])[k] ??= null;
    return target;
  }
  if (g.records && g.whole !== undefined) {
    const value = table.cell(row, g.whole);
    if (!isAbsent(value) && value.trim().startsWith("["))
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
  }
  return undefined;
}

function tableLayout(table: DataTable, nested: ReadonlyMap<string, InputSpec>): TableLayout {
  const plain = new Map<string, number>();
  const plainKeys: string[] = [];
  const nestedColumns: TableLayout["nestedColumns"][number][] = [];
  table.header.forEach((key, index) => {
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) {
      plain.set(key, index);
      plainKeys.push(key);
      return;
    }
    if (dot < 0) {
      // The whole value in one cell: read as it is unless the row folds it (records JSON, or dotted columns).
      plain.set(key, index);
      plainKeys.push(key);
      nestedColumns.push({ index, key, spec, base: key });
      return;
    }
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    const badPeriod = spec.type === "series" && !(PERIOD.test(sub) && Number(sub) <= spec.length) ? `the series has ${spec.length} periods: ${base}.1 … ${base}.${spec.length}` : undefined;
    nestedColumns.push({ index, key, spec, base, sub, ...(badPeriod !== undefined ? { badPeriod } : {}) });
  });
  const groups = foldGroups(nestedColumns);
  return { table, plain, plainKeys, nestedColumns, groups, groupOf: new Map(groups.map((g) => [g.base, g])), inputColumns: new WeakMap() };
}

/**
 * The rows of a table, checked as the same rows as objects would be (foldColumns's
 * rules, read by column index): no object per row beyond the subject's own fields.
 */
function checkTable(table: DataTable, nested: ReadonlyMap<string, InputSpec>, limits: Required<DataLimits>, checker: RowChecker, issues: Issue[]): void {
  const width = table.header.length;
  if (table.length === 0) return;
  if (width > limits.columns) {
    issues.push(makeIssue("DATA_TOO_LARGE", { what: "fields (columns) in one subject", count: width, limit: limits.columns, option: "limits.columns", rows: table.length }, { row: 1, path: [0] }));
    return;
  }
  const layout = tableLayout(table, nested);
  const { header } = table;
  const badPeriods = layout.nestedColumns.filter((c) => c.badPeriod !== undefined).map((c) => ({ key: c.key, hint: c.badPeriod!, base: c.base, periods: (c.spec as { length: number }).length }));
  const unknownPeriods = badPeriods.length ? badPeriods : undefined;
  // Only the plain columns can be unknown (the rest fold into known nested inputs): the same for every row.
  const unknownColumns = layout.plainKeys.filter((k) => !checker.isKnown(k));
  for (let i = 0; i < table.length; i++) {
    let tooLong = false;
    // A row no longer than the limit has no cell longer than it.
    if (table.rowLength(i) > limits.cellLength)
      for (let c = 0; c < width; c++) {
        if (table.cellLength(i, c) <= limits.cellLength) continue;
        const v = table.cell(i, c);
        if (v.length > limits.cellLength) {
          tooLong = true;
          const key = header[c]!;
          issues.push(makeIssue("DATA_TOO_LARGE", { what: "characters in one value", field: key, count: v.length, limit: limits.cellLength, option: "limits.cellLength" }, { row: i + 1, field: key, path: [i, key] }));
        }
      }
    if (tooLong) continue;
    // A nested input given whole and as dotted columns: the dotted columns given, and where the first is.
    let twice: { base: string; columns: string[]; at: number }[] | undefined;
    for (const g of layout.groups) {
      if (g.whole === undefined || g.dotted.length === 0 || isAbsent(table.cell(i, g.whole))) continue;
      let columns: string[] | undefined;
      let at = 0;
      for (const d of g.dotted)
        if (!isAbsent(table.cell(i, d.index))) {
          if (!columns) at = d.index;
          (columns ??= []).push(d.key);
        }
      if (columns) (twice ??= []).push({ base: g.base, columns, at });
    }
    // In the order of each base's first dotted column given, as a row of objects lists them.
    if (twice && twice.length > 1) twice.sort((a, b) => a.at - b.at);
    const data = new TableFields(layout, i);
    // The row's other keys are bases of nested inputs, which are known: only the plain columns can be unknown.
    checker.check(data, i, NO_KEYS, unknownColumns, unknownPeriods || twice ? { ...(unknownPeriods ? { unknown: unknownPeriods } : {}), ...(twice ? { twice } : {}) } : NOTHING_FOLDED);
  }
}

/** Inputs whose values are nested (lists or mappings), by name and by label. A series keeps its longest declared length. */
function nestedInputs(rubrics: readonly CompiledRubric[]): Map<string, InputSpec> {
  const out = new Map<string, InputSpec>();
  const put = (key: string, spec: InputSpec) => {
    const before = out.get(key);
    if (before?.type === "series" && spec.type === "series" && before.length > spec.length) return;
    out.set(key, spec);
  };
  for (const r of rubrics)
    for (const spec of r.inputs.values())
      if (spec.type === "scores" || spec.type === "votes" || spec.type === "series" || spec.type === "records") {
        put(spec.name, spec);
        if (spec.label) put(spec.label, spec);
      }
  return out;
}

/** A series column's period: 1 … length, written as digits ("3", not "03" or "3.0"). */
const PERIOD = /^[1-9][0-9]{0,8}$/;

/**
 * The flat-column convention (CSV): `leaders.r1`, `leaders.r2` → leaders: {r1, r2};
 * `votes.好` → votes: {好}; `monthly.1` … `monthly.12` → monthly: [..]; a records
 * cell holds a JSON list. Empty cells are left out. A row with nothing to fold is read
 * in place (own keys only); otherwise its fields are copied into a Map, the folded
 * mappings being null-prototype objects, so a key such as `__proto__` is plain data.
 * A series column outside 1 … length is unknown (nothing is allocated for it); a base
 * given both whole and as columns is in `twice`, with the columns that also give it.
 */
export function foldColumns(
  row: SubjectData,
  keys: readonly string[],
  nested: ReadonlyMap<string, InputSpec>,
): { data: Fields; unknown?: { key: string; hint: string; base: string; periods: number }[]; twice?: { base: string; columns: string[] }[] } {
  if (nested.size === 0) return { data: new OwnFields(row, keys) };
  let folded: Map<string, unknown> | undefined;
  let unknown: { key: string; hint: string; base: string; periods: number }[] | undefined;
  // Bases built from dotted columns, with those columns.
  let dotted: Map<string, string[]> | undefined;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) {
      folded?.set(key, row[key]);
      continue;
    }
    if (!folded) {
      // Copy the columns before this one; those after it are copied as they come.
      folded = new Map();
      for (let j = 0; j < k; j++) folded.set(keys[j]!, row[keys[j]!]);
    }
    const value = row[key];
    if (dot < 0) {
      // A records cell holding JSON; text that does not parse is left as it is (a bad shape later).
      let parsed: unknown = value;
      if (spec.type === "records" && typeof value === "string" && value.trim().startsWith("["))
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = value;
        }
      if (!dotted?.has(key)) folded.set(key, parsed);
      continue;
    }
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    if (spec.type === "series" && !(PERIOD.test(sub) && Number(sub) <= spec.length)) {
      (unknown ??= []).push({ key, hint: `the series has ${spec.length} periods: ${base}.1 … ${base}.${spec.length}`, base, periods: spec.length });
      continue;
    }
    if (isAbsent(value)) continue;
    dotted ??= new Map();
    const columns = dotted.get(base);
    if (columns) columns.push(key);
    else {
      dotted.set(base, [key]);
      folded.set(base, spec.type === "series" ? [] : Object.create(null));
    }
    const target = folded.get(base);
    if (spec.type === "series") (target as unknown[])[Number(sub) - 1] = value;
    else (target as Record<string, unknown>)[sub] = value;
  }
  if (!folded) return { data: new OwnFields(row, keys), ...(unknown ? { unknown } : {}) };
  let twice: { base: string; columns: string[] }[] | undefined;
  if (dotted)
    for (const [base, columns] of dotted) {
      if (Object.hasOwn(row, base) && !isAbsent(row[base])) (twice ??= []).push({ base, columns });
      const v = folded.get(base);
      if (Array.isArray(v)) folded.set(base, Array.from(v, (x: unknown) => x ?? null));
    }
  return { data: folded, ...(unknown ? { unknown } : {}), ...(twice ? { twice } : {}) };
}

/**
 * Where a problem with one subject's input is reported: built once per rubric and
 * re-aimed at each input, so that checking a value that is right allocates nothing;
 * the issue's `where` and params are made only when something is wrong.
 */
class InputReporter {
  subject!: SubjectIdentity;
  column = "";
  input = "";
  /** The reporting function handed to the readers: one per rubric, never per value. */
  readonly report: Report;

  constructor(
    private readonly rubric: string,
    private readonly issues: Issue[],
  ) {
    this.report = (code, params, at) => {
      const field = this.column + (at ?? "");
      const { row, id } = this.subject;
      this.issues.push(makeIssue(code, { field, input: this.input, ...params }, { row, subject: id, field, rubric: this.rubric, path: [row - 1, field] }));
    };
  }
}

/** How a value of one input is read: a number (number, count, ratio), a boolean, one of a list (choice, grade), or anything else (readValue). */
const enum ReadKind {
  Other,
  Number,
  Boolean,
  OneOf,
  Series,
}

/**
 * One input as the boundary reads it: every input's plan has the same shape, so the
 * loop over a subject's inputs reads them without the cost of many object shapes. A
 * fast path returns a value only when it is right; anything else goes to readValue,
 * which reports exactly as before.
 */
interface InputPlan {
  readonly spec: InputSpec;
  readonly name: string;
  /** The label when it differs from the name. */
  readonly label: string | undefined;
  /** The column named when neither is in the data: the label, else the name. */
  readonly fallbackColumn: string;
  readonly kind: ReadKind;
  readonly count: boolean;
  readonly min: Dec | undefined;
  readonly max: Dec | undefined;
  /** Declared places, or -1. */
  readonly places: number;
  /** A series' number of periods, or -1. */
  readonly length: number;
  /** choice / grade: the allowed values. */
  readonly options: readonly string[] | undefined;
  /** The value when not given: the default, [] for records, undefined otherwise. */
  readonly whenAbsent: InputValue | undefined;
  /** missing: zero: the value an absent input reads as (kept in values, and the input counted absent). */
  readonly zero: InputValue | undefined;
}

function planOf(spec: InputSpec): InputPlan {
  const number = spec.type === "number" || spec.type === "count" || spec.type === "ratio";
  const def = "default" in spec ? spec.default : undefined;
  return {
    spec,
    name: spec.name,
    label: spec.label !== undefined && spec.label !== spec.name ? spec.label : undefined,
    fallbackColumn: spec.label ?? spec.name,
    kind: number ? ReadKind.Number : spec.type === "boolean" ? ReadKind.Boolean : spec.type === "choice" || spec.type === "grade" ? ReadKind.OneOf : spec.type === "series" ? ReadKind.Series : ReadKind.Other,
    count: spec.type === "count",
    min: number || spec.type === "series" ? spec.min : undefined,
    max: number || spec.type === "series" ? spec.max : undefined,
    length: spec.type === "series" ? spec.length : -1,
    places: number && spec.places !== undefined ? spec.places : -1,
    options: spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : undefined,
    whenAbsent: def !== undefined ? def : spec.type === "records" ? NO_RECORDS : undefined,
    zero: def === undefined && spec.type !== "records" && spec.missing === "zero" ? (spec.type === "scores" ? EMPTY_SHEET : ZERO) : undefined,
  };
}

/**
 * A value that is right, read without reporting anything; undefined when it is not
 * plainly right (wrong, clamped, or in a form the fast path does not read), for
 * readValue to decide and report.
 */
function fastValue(plan: InputPlan, raw: unknown): InputValue | undefined {
  if (plan.kind === ReadKind.Series) {
    // Every period given as a plain number within the range (a series' elements have no places, no %).
    if (!Array.isArray(raw) || raw.length !== plan.length) return undefined;
    const out: Dec[] = [];
    for (const x of raw) {
      const d = typeof x === "string" ? plainDecimal(x) : undefined;
      if (d === undefined || (plan.min !== undefined && d.lt(plan.min)) || (plan.max !== undefined && d.gt(plan.max))) return undefined;
      out.push(d);
    }
    return out;
  }
  if (typeof raw !== "string") {
    // A JS number: the Dec parseDecimal gives for it (a few decimals read without String(x)).
    if (plan.kind !== ReadKind.Number || typeof raw !== "number" || !Number.isFinite(raw)) return undefined;
    let d = NUMBER_DECIMALS.get(raw);
    if (d === undefined) {
      d = parseDecimal(raw)!;
      if (NUMBER_DECIMALS.size < PLAIN_DECIMALS_KEPT) NUMBER_DECIMALS.set(raw, d);
    }
    return numberInRange(plan, d);
  }
  switch (plan.kind) {
    case ReadKind.Number: {
      const d = plainDecimal(raw);
      return d === undefined ? undefined : numberInRange(plan, d);
    }
    case ReadKind.Boolean:
      // The sets hold the trimmed lower-case forms: a cell written that way is one of them as it is.
      return TRUE.has(raw) ? true : FALSE.has(raw) ? false : undefined;
    case ReadKind.OneOf:
      return plan.options!.includes(raw) && raw.trim() === raw ? raw : undefined;
    default:
      return undefined;
  }
}

/** A number input's value when it is plainly right (an integer for a count, within places and range); else undefined, for readValue to report. */
function numberInRange(plan: InputPlan, d: Dec): Dec | undefined {
  if (plan.count && !d.isInteger()) return undefined;
  if (plan.places >= 0 && decimalPlaces(d) > plan.places) return undefined;
  if ((plan.min !== undefined && d.lt(plan.min)) || (plan.max !== undefined && d.gt(plan.max))) return undefined;
  return d;
}

/**
 * A subject's values by input name: one array per subject, the names and their
 * positions shared by every subject of the rubric (a Map per subject costs several
 * times the memory). Listed in the rubric's input order, as the Map it replaces.
 */
class InputValues implements ReadonlyMap<string, InputValue> {
  constructor(
    private readonly names: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly slots: readonly (InputValue | undefined)[],
  ) {}

  get(key: string): InputValue | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.slots[i];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const v of this.slots) if (v !== undefined) n++;
    return n;
  }

  *entries(): MapIterator<[string, InputValue]> {
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i];
      if (v !== undefined) yield [this.names[i]!, v];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<InputValue> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, InputValue]> {
    return this.entries();
  }

  forEach(fn: (value: InputValue, key: string, map: ReadonlyMap<string, InputValue>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  get [Symbol.toStringTag](): string {
    return "InputValues";
  }
}

/** Per rubric: the inputs' plans in order, and the columns map last built (shared by subjects whose data names the same columns). */
interface RubricInputs {
  readonly plans: readonly InputPlan[];
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  lastColumns: string[] | undefined;
  lastMap: ReadonlyMap<string, string> | undefined;
}

const rubricInputs = new WeakMap<CompiledRubric, RubricInputs>();

function inputsOf(rubric: CompiledRubric): RubricInputs {
  let r = rubricInputs.get(rubric);
  if (!r) {
    const plans = [...rubric.inputs.values()].map(planOf);
    const names = plans.map((p) => p.name);
    r = { plans, names, index: new Map(names.map((n, i) => [n, i])), lastColumns: undefined, lastMap: undefined };
    rubricInputs.set(rubric, r);
  }
  return r;
}

/** An absent records input: an empty list, shared (never written to). */
const NO_RECORDS: readonly RecordValue[] = Object.freeze([]);

/** Nothing absent: shared by every subject that gives all its inputs (never written to). */
const NONE_ABSENT: ReadonlySet<string> = new Set<string>();

/**
 * Validate one subject's values for one rubric. A value that is right allocates only
 * its own parsed value: the problems, where they are and the columns map are made
 * when needed (the columns map is shared by subjects naming the same columns).
 */
export function prepareSubject(subject: SubjectIdentity, rubric: CompiledRubric, issues: Issue[]): PreparedSubject {
  let absent: Set<string> | undefined;
  const inputs = inputsOf(rubric);
  const plans = inputs.plans;
  const slots = new Array<InputValue | undefined>(plans.length).fill(undefined);
  const data = subject.data;
  // A table row: where each input's name and label columns are, worked out once per table.
  const cells = data instanceof TableFields ? data.inputColumns(inputs) : undefined;
  const at = new InputReporter(rubric.id, issues);
  at.subject = subject;
  // The columns as this subject's data names them; compared with the last subject's at the end.
  const last = inputs.lastColumns;
  let columns: string[] | undefined;
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    const name = plan.name;
    const label = plan.label;
    // One column is read once, whether named by the input's name or its label (which may be the same).
    let hasName: boolean;
    let nameValue: unknown;
    let hasLabel: boolean;
    let labelValue: unknown;
    const nameAt = cells === undefined ? NOT_PLAIN : cells[2 * k]!;
    const labelAt = cells === undefined ? NOT_PLAIN : cells[2 * k + 1]!;
    if (nameAt !== NOT_PLAIN && labelAt !== NOT_PLAIN) {
      // A table row, both columns plain (or missing): read by index.
      const t = data as TableFields;
      hasName = nameAt >= 0;
      nameValue = hasName ? t.table.cell(t.row, nameAt) : undefined;
      hasLabel = labelAt >= 0;
      labelValue = hasLabel ? t.table.cell(t.row, labelAt) : undefined;
    } else {
      // One lookup when the value is there (get is undefined for a key the data lacks).
      nameValue = data.get(name);
      hasName = nameValue !== undefined || data.has(name);
      hasLabel = label !== undefined && data.has(label);
      labelValue = hasLabel ? data.get(label!) : undefined;
    }
    const givenName = hasName && !isAbsent(nameValue);
    const givenLabel = hasLabel && !isAbsent(labelValue);
    // The column as the user writes it: the one given, else the one present (empty), else the label.
    const column = givenName ? name : givenLabel ? label! : hasName ? name : hasLabel ? label! : plan.fallbackColumn;
    if (columns) columns.push(column);
    else if (last === undefined || last[k] !== column) {
      columns = k === 0 ? [] : last!.slice(0, k);
      columns.push(column);
    }
    if (givenName && givenLabel) {
      const where = { row: subject.row, subject: subject.id, field: column, rubric: rubric.id, path: [subject.row - 1, column] };
      issues.push(makeIssue("DATA_BAD_SHAPE", { field: column, input: name, expected: "given once", received: `both "${name}" and "${label}"`, expects: "once", columns: [name, label] }, where));
      continue;
    }
    if (!givenName && !givenLabel) {
      // A default, or [] for records; else absent (missing: zero: every reader sees 0, a scores input an empty list).
      if (plan.whenAbsent !== undefined) slots[k] = plan.whenAbsent;
      else {
        (absent ??= new Set()).add(name);
        if (plan.zero !== undefined) slots[k] = plan.zero;
      }
      continue;
    }
    const raw = givenName ? nameValue : labelValue;
    const fast = fastValue(plan, raw);
    if (fast !== undefined) {
      slots[k] = fast;
      continue;
    }
    at.column = column;
    at.input = name;
    const value = readValue(plan.spec, raw, at.report);
    if (value !== undefined) slots[k] = value;
  }
  let columnMap: ReadonlyMap<string, string>;
  if (!columns && last !== undefined && last.length === plans.length) columnMap = inputs.lastMap!;
  else {
    const list = columns ?? [];
    const map = new Map<string, string>();
    for (let k = 0; k < plans.length; k++) map.set(plans[k]!.name, list[k]!);
    inputs.lastColumns = list;
    inputs.lastMap = columnMap = map;
  }
  return {
    id: subject.id,
    row: subject.row,
    values: new InputValues(inputs.names, inputs.index, slots),
    absent: absent ?? NONE_ABSENT,
    columns: columnMap,
    ...(subject.name !== undefined ? { name: subject.name } : {}),
    ...(subject.group !== undefined ? { group: subject.group } : {}),
  };
}

/** An empty list of scores: a chosen entry with nothing chosen. */
export const EMPTY_SHEET: ScoreSheet = Object.freeze({ raters: Object.freeze([]), values: Object.freeze([]) });

function isAbsent(v: unknown): boolean {
  if (typeof v === "string") {
    // A cell starting with a printable ASCII character is given (the common case, with no trim).
    const c = v.charCodeAt(0);
    return !(c > 32 && c < 127) && v.trim() === "";
  }
  return v === undefined || v === null;
}

/**
 * A cell of plain digits with at most one dot between digits ("85", "0.947", "12.50")
 * and at most 15 digits, as the Dec that parseDecimal gives for it (Dec.of drops the
 * trailing zeros, as parsing does); undefined for anything else, which parseDecimal reads.
 */
function plainDecimal(text: string): Dec | undefined {
  const n = text.length;
  if (n === 0 || n > 16) return undefined;
  // A Dec is immutable: the same text gives one shared Dec (a batch repeats few distinct values).
  const known = PLAIN_DECIMALS.get(text);
  if (known !== undefined) return known;
  let m = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > 0 && i < n - 1) dot = i;
    else return undefined;
  }
  if (n - (dot < 0 ? 0 : 1) > 15) return undefined;
  const d = Dec.of(m, dot < 0 ? 0 : n - dot - 1);
  if (PLAIN_DECIMALS.size < PLAIN_DECIMALS_KEPT) PLAIN_DECIMALS.set(text, d);
  return d;
}

/** Plain decimal cells read so far, up to PLAIN_DECIMALS_KEPT of them. */
const PLAIN_DECIMALS = new Map<string, Dec>();
const PLAIN_DECIMALS_KEPT = 100_000;
/**
 * JS numbers read so far (as many), each with its one shared Dec: the prepared subjects
 * are kept for the re-score, so a Dec per value would outlive the young generation
 * (0 and -0 share a key and a Dec, which is 0 for both).
 */
const NUMBER_DECIMALS = new Map<number, Dec>();

/** Report a problem with the value; `at` names a part of it (".r2" of a rater mapping, ".3" of a series). */
type Report = (
  code: "DATA_NOT_NUMBER" | "DATA_NOT_INTEGER" | "DATA_TOO_PRECISE" | "DATA_OUT_OF_RANGE" | "DATA_INVALID_VALUE" | "DATA_INVALID_DATE" | "DATA_BAD_SHAPE",
  params: Record<string, unknown>,
  at?: string,
) => void;

const TRUE = new Set(["true", "yes", "y", "1", "是", "有", "√"]);
const FALSE = new Set(["false", "no", "n", "0", "否", "无", "×"]);

/** A scalar read as text: a string, or a finite number; a list, a mapping or anything else is not text. */
const scalarText = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined);

/** Report the inherited enumerable keys of a nested mapping (never read). */
function reportInherited(obj: object, report: Report, at = ""): boolean {
  const keys = inheritedKeys(obj);
  for (const k of keys) report("DATA_BAD_SHAPE", INHERITED, `${at}.${k}`);
  return keys.length > 0;
}

function readValue(spec: InputSpec, raw: unknown, report: Report): InputValue | undefined {
  switch (spec.type) {
    case "number":
    case "count":
    case "ratio":
      return readNumber(spec, raw, report, spec.type !== "count");
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      // As written ("true", "是") first: the sets hold the trimmed lower-case forms.
      if (typeof raw === "string" && TRUE.has(raw)) return true;
      if (typeof raw === "string" && FALSE.has(raw)) return false;
      const t = scalarText(raw)?.trim().toLowerCase();
      if (t !== undefined && TRUE.has(t)) return true;
      if (t !== undefined && FALSE.has(t)) return false;
      report("DATA_INVALID_VALUE", { expected: "true or false (also yes/no, 1/0, 是/否)", expects: "boolean", allowed: ["true", "false"], ...receivedOf(raw) });
      return undefined;
    }
    case "choice":
    case "grade": {
      const options = spec.type === "choice" ? spec.values : spec.scale;
      if (typeof raw === "string" && options.includes(raw) && raw.trim() === raw) return raw;
      const t = scalarText(raw)?.trim();
      if (t !== undefined && options.includes(t)) return t;
      report("DATA_INVALID_VALUE", { expected: `one of ${options.join(", ")}`, expects: "one-of", allowed: options, ...receivedOf(raw) });
      return undefined;
    }
    case "text": {
      const t = scalarText(raw);
      if (t === undefined) report("DATA_BAD_SHAPE", { expected: "text (a string or a number)", expects: "text", received: showValue(raw) });
      return t;
    }
    case "date": {
      // 2024-03-01, 2024/3/1 or 2024年3月1日 → "2024-03-01"; an impossible date is an error.
      const d = parseDate(raw);
      if ("iso" in d) return d.iso;
      report("DATA_INVALID_DATE", { ...receivedOf(raw), ...d.error });
      return undefined;
    }
    case "rank":
      return readRank(raw, report);
    case "scores":
      return readScores(spec, raw, report);
    case "series": {
      if (!Array.isArray(raw) || raw.length !== spec.length) {
        report("DATA_BAD_SHAPE", { expected: `a list of ${spec.length} numbers`, expects: "series", length: spec.length, received: Array.isArray(raw) ? `${raw.length} values` : showValue(raw), ...(Array.isArray(raw) ? { count: raw.length } : {}) });
        return undefined;
      }
      const out: Dec[] = [];
      // One element spec and one reporter for the whole list; `at` names the element being read.
      const element = { ...spec, type: "number", clamp: false };
      let at = 0;
      const elementReport: Report = (code, params) => report(code, params, `.${at}`);
      for (let i = 0; i < raw.length; i++) {
        at = i + 1;
        const d = readNumber(element, raw[i], elementReport, false);
        if (d === undefined) return undefined;
        out.push(d);
      }
      return out;
    }
    case "votes":
      return readVotes(spec, raw, report);
    case "records":
      return readRecords(spec, raw, report);
    default:
      return unreachable(spec, "input type");
  }
}

function readNumber(
  spec: { min?: Dec; max?: Dec; places?: number; clamp?: boolean; type: string },
  raw: unknown,
  report: Report,
  percentAllowed: boolean,
): Dec | undefined {
  const plain = typeof raw === "string" ? plainDecimal(raw) : undefined;
  const text = plain !== undefined ? undefined : typeof raw === "string" ? raw.trim() : raw;
  const d = plain ?? (typeof text === "string" && text.includes("%") && !percentAllowed ? undefined : parseDecimal(text));
  if (d === undefined) {
    report("DATA_NOT_NUMBER", receivedOf(raw));
    return undefined;
  }
  if (spec.type === "count" && !d.isInteger()) {
    report("DATA_NOT_INTEGER", receivedOf(raw));
    return undefined;
  }
  if (spec.places !== undefined && decimalPlaces(d) > spec.places) {
    report("DATA_TOO_PRECISE", { places: spec.places, ...receivedOf(raw) });
    return undefined;
  }
  const below = spec.min !== undefined && d.lt(spec.min);
  const above = spec.max !== undefined && d.gt(spec.max);
  if (below || above) {
    if (spec.clamp) return below ? spec.min! : spec.max!;
    report("DATA_OUT_OF_RANGE", { expected: rangeText(spec.min, spec.max), expects: "range", ...(spec.min ? { min: spec.min.toFixed() } : {}), ...(spec.max ? { max: spec.max.toFixed() } : {}), ...receivedOf(raw) });
    return undefined;
  }
  return d;
}

function rangeText(min?: Dec, max?: Dec): string {
  if (min !== undefined && max !== undefined) return `between ${min.toFixed()} and ${max.toFixed()}`;
  if (min !== undefined) return `at least ${min.toFixed()}`;
  return `at most ${max!.toFixed()}`;
}

function readRank(raw: unknown, report: Report): RankValue | undefined {
  let rank: number | undefined;
  let of: number | undefined;
  if (typeof raw === "string") {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
    if (m) [rank, of] = [Number(m[1]), Number(m[2])];
  } else if (isMapping(raw)) {
    const [r, n] = [own(raw, "rank"), own(raw, "of")];
    if (Number.isInteger(r) && Number.isInteger(n)) [rank, of] = [r as number, n as number];
  }
  if (rank === undefined || of === undefined || rank < 1 || rank > of) {
    report("DATA_BAD_SHAPE", { expected: 'a rank "k/N" with 1 ≤ k ≤ N', expects: "rank", received: showValue(raw) });
    return undefined;
  }
  return { rank, of };
}

const LIST_TEXT = 'scores separated by ";" (80;85.5), or a list [80, 85.5]';

function readScores(spec: { min?: Dec; max?: Dec; places?: number }, raw: unknown, report: Report): ScoreSheet | undefined {
  const raters: (string | null)[] = [];
  const values: Dec[] = [];
  const one = (v: unknown, rater: string | null, position?: number) => {
    const at = rater !== null ? `.${rater}` : undefined;
    const d = readNumber({ ...spec, type: "number", clamp: false }, v, (code, params) => report(code, { ...params, ...(position !== undefined ? { position } : {}) }, at), false);
    if (d === undefined) return false;
    raters.push(rater);
    values.push(d);
    return true;
  };
  // A hole in a list is an error at its position, never skipped.
  const list = (items: readonly unknown[]) => {
    for (let i = 0; i < items.length; i++) if (!one(items[i], null, i + 1)) return false;
    return true;
  };
  if (Array.isArray(raw)) {
    if (!list(raw)) return undefined;
  } else if (isMapping(raw)) {
    if (reportInherited(raw, report)) return undefined;
    for (const rater of Object.keys(raw)) if (!one(raw[rater], rater)) return undefined;
  } else if (typeof raw === "string" && raw.trim().startsWith("[")) {
    // A list in one cell: [] is an empty list (nothing chosen), [80, 85] two scores.
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
      report("DATA_BAD_SHAPE", { expected: LIST_TEXT, expects: "scores", ...receivedOf(raw) });
      return undefined;
    }
    if (!list(parsed)) return undefined;
  } else if (typeof raw === "string" && /[;；]/.test(raw)) {
    // 80;85 (or the full-width ；). An empty part is an error, never dropped.
    const parts = raw.split(/[;；]/);
    const empty = parts.findIndex((p) => p.trim() === "");
    if (empty >= 0) {
      report("DATA_BAD_SHAPE", { expected: `${LIST_TEXT}, with no empty part`, expects: "scores-no-empty", ...receivedOf(raw), position: empty + 1 });
      return undefined;
    }
    if (!list(parts)) return undefined;
  } else if (!one(raw, null)) return undefined;
  return { raters, values };
}

const VOTE_EXTRAS = ["abstain", "invalid", "issued"] as const;

function readVotes(spec: { levels: readonly string[] }, raw: unknown, report: Report): VoteCounts | undefined {
  if (!isMapping(raw)) {
    report("DATA_BAD_SHAPE", { expected: `vote counts {${spec.levels.join(", ")}, abstain?, invalid?, issued?}`, expects: "votes", levels: spec.levels, received: showValue(raw) });
    return undefined;
  }
  if (reportInherited(raw, report)) return undefined;
  const count = (key: string): Dec | undefined => {
    const d = parseDecimal(own(raw, key));
    if (d === undefined || !d.isInteger() || d.lt(0)) {
      report("DATA_INVALID_VALUE", { expected: `a whole number of votes for "${key}"`, expects: "vote-count", key, ...receivedOf(own(raw, key)) }, `.${key}`);
      return undefined;
    }
    return d;
  };
  const allowed = [...spec.levels, ...VOTE_EXTRAS];
  let unknownKey = false;
  for (const key of Object.keys(raw))
    if (!allowed.includes(key)) {
      unknownKey = true;
      report("DATA_BAD_SHAPE", { expected: `vote keys ${allowed.join(", ")}`, expects: "vote-key", allowed, key, received: `"${key}"` }, `.${key}`);
    }
  if (unknownKey) return undefined;
  const levels = Object.create(null) as Record<string, Dec>;
  for (const level of spec.levels) {
    if (own(raw, level) === undefined) {
      report("DATA_BAD_SHAPE", { expected: `a count for every level (${spec.levels.join(", ")})`, expects: "vote-levels", levels: spec.levels, level, allowed, received: `no "${level}"` });
      return undefined;
    }
    const d = count(level);
    if (d === undefined) return undefined;
    levels[level] = d;
  }
  const extra = (key: string) => (own(raw, key) === undefined ? ZERO : count(key));
  const abstain = extra("abstain");
  const invalid = extra("invalid");
  const issued = own(raw, "issued") === undefined ? undefined : count("issued");
  if (abstain === undefined || invalid === undefined || (own(raw, "issued") !== undefined && issued === undefined)) return undefined;
  return { levels, abstain, invalid, ...(issued !== undefined ? { issued } : {}) };
}

function readRecords(spec: { fields: Readonly<Record<string, "text" | "count" | "number">> }, raw: unknown, report: Report): RecordValue[] | undefined {
  const names = Object.keys(spec.fields);
  if (!Array.isArray(raw)) {
    report("DATA_BAD_SHAPE", { expected: `a list of records with ${names.join(", ")}`, expects: "records", fields: names, received: showValue(raw) });
    return undefined;
  }
  const out: RecordValue[] = [];
  for (let i = 0; i < raw.length; i++) {
    const rec: unknown = raw[i];
    const at = `[${i + 1}]`;
    if (!isMapping(rec)) {
      report("DATA_BAD_SHAPE", { expected: `a mapping (record ${i + 1})`, expects: "record", index: i + 1, received: Object.hasOwn(raw, i) ? showValue(rec) : "a hole in the list", ...(Object.hasOwn(raw, i) ? {} : { got: "hole" }) }, at);
      return undefined;
    }
    if (reportInherited(rec, report, at)) return undefined;
    // Null prototype: a field named toString or __proto__ is data, never a method or a prototype.
    const r = Object.create(null) as Record<string, string | Dec>;
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      const type = Object.hasOwn(spec.fields, k) ? spec.fields[k] : undefined;
      if (!type) {
        report("DATA_BAD_SHAPE", { expected: `one of the record fields ${names.join(", ")}`, expects: "record-field", allowed: names, key: k, index: i + 1, received: `"${k}" in record ${i + 1}` }, `${at}.${k}`);
        return undefined;
      }
      if (type === "text") {
        const t = scalarText(v);
        if (t === undefined) {
          report("DATA_BAD_SHAPE", { expected: "text (a string or a number)", expects: "text", received: showValue(v) }, `${at}.${k}`);
          return undefined;
        }
        r[k] = t;
      } else {
        const d = readNumber({ type, min: ZERO }, v, (code, params) => report(code, params, `${at}.${k}`), false);
        if (d === undefined) return undefined;
        r[k] = d;
      }
    }
    out.push(r);
  }
  return out;
}
