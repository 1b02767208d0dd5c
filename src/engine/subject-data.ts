/**
 * The data boundary: raw subject rows (from JSON or CSV) → validated input values.
 * Every problem names the row, the subject id and the field. Missing values are
 * recorded here and reported when the engine actually reads them, so an input
 * used only by another domain's extra items (加试题) is not demanded of everyone.
 */
import { unreachable } from "../diagnostics/kaohe-error.js";
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { showValue } from "../diagnostics/show.js";
import { DataTable } from "./data-table.js";
import type { CompiledRubric, InputSpec, InputValue } from "../compile/model.js";
import type { EarlyValues, RubricInputs } from "./prepare.js";
import { INHERITED, inheritedKeys, isAbsent, isMapping, own, receivedOf } from "./read-value.js";

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
export class OwnFields implements Fields {
  constructor(
    /** The row as given. */
    readonly raw: SubjectData,
    /** The row's own enumerable keys (Object.keys): its values by position are Object.values(raw). */
    readonly ownKeys: readonly string[],
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.raw, key);
  }

  get(key: string): unknown {
    return Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
  }

  keys(): Iterable<string> {
    return this.ownKeys;
  }
}

/**
 * A row checked by its shape that needs no folding: its fields and, once checked, the
 * subject it identifies, in one object (its `data` is itself), so that a batch of plain
 * objects makes one object per row here, not two. id and row are set by the check.
 */
export class ObjectSubject extends OwnFields implements SubjectIdentity {
  id = "";
  row = 0;
  // Own properties only when the subject has them (as the object literal of other rows).
  declare name?: string;
  declare group?: string;

  get data(): Fields {
    return this;
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

/**
 * The first row of each subject id: a Map<string, number> in effect, made for ids.
 *
 * While the ids come in strictly ascending order (as a batch sorted by id does), each is
 * new by that alone: compared with the last one, kept in a list, nothing hashed. At the
 * first id that is not greater than the last, the ids so far go into a table of 32-bit
 * hashes and entries, side by side, sized for the batch (at least twice its rows, never
 * grown): adding an id then reads one place of it, where a Map of 100k string keys reads
 * its buckets, its entries and the keys it compares. Ids are compared only when their
 * hashes are equal. Linear probing; should a run of probes grow long (ids made to
 * collide), the ids move into a Map, so no data makes it slow (at most 64 probes an id).
 * About 16 bytes a row. Exported for its tests only.
 * @internal
 */
export class IdRows {
  /** Made when the ascending order first breaks (undefined before, and once the ids are in a Map). */
  private table: Int32Array | undefined;
  private readonly size: number;
  private readonly mask: number;
  /** Every id added, in order, and its row. */
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];
  /** Whether every id so far is greater than the one before (nothing is in the table yet). */
  private ascending = true;
  private map: Map<string, number> | undefined;

  constructor(rows: number) {
    let size = 16;
    while (size < 2 * rows) size *= 2;
    this.size = size;
    this.mask = size - 1;
  }

  /** The row where `id` was first added; undefined when it is new (it is added, at `row`). */
  firstOrAdd(id: string, row: number): number | undefined {
    const ids = this.ids;
    if (this.ascending) {
      const n = ids.length;
      if (n === 0 || id > ids[n - 1]!) {
        ids.push(id);
        this.rows.push(row);
        return undefined;
      }
      // The order breaks here: the ids so far (all distinct) go into the table.
      this.ascending = false;
      this.table = new Int32Array(2 * this.size);
      for (let e = 0; e < n; e++) if (!this.place(ids[e]!, e)) return this.inMap(id, row);
    }
    const table = this.table;
    if (table === undefined) return this.inMap(id, row);
    const h = idHash(id);
    const mask = this.mask;
    let at = h & mask;
    for (let probes = 0; probes < 64; probes++) {
      const e = table[2 * at + 1]!;
      if (e === 0) {
        table[2 * at] = h;
        table[2 * at + 1] = ids.length + 1;
        ids.push(id);
        this.rows.push(row);
        return undefined;
      }
      if (table[2 * at] === h && ids[e - 1] === id) return this.rows[e - 1];
      at = (at + 1) & mask;
    }
    return this.inMap(id, row);
  }

  /** Put entry `e`, an id not in the table, in its place; false after 64 probes. */
  private place(id: string, e: number): boolean {
    const table = this.table!;
    const h = idHash(id);
    let at = h & this.mask;
    for (let probes = 0; probes < 64; probes++) {
      if (table[2 * at + 1] === 0) {
        table[2 * at] = h;
        table[2 * at + 1] = e + 1;
        return true;
      }
      at = (at + 1) & this.mask;
    }
    return false;
  }

  /** firstOrAdd in a Map, every id added so far moved into it first (once). */
  private inMap(id: string, row: number): number | undefined {
    let map = this.map;
    if (map === undefined) {
      map = this.map = new Map();
      for (let k = 0; k < this.ids.length; k++) map.set(this.ids[k]!, this.rows[k]!);
      this.table = undefined;
    }
    const first = map.get(id);
    if (first === undefined) map.set(id, row);
    return first;
  }
}

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits vary. */
function idHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** A nested input's columns that are not known (a series period out of range), reported with a hint. */
type FoldedUnknown = { key: string; hint: string; base: string; periods: number };
/** A nested input given whole and as dotted columns, with those columns. */
type GivenTwice = { base: string; columns: string[] };

/** What checkSubjects knows of the rubrics, shared by every row. */
interface Known {
  readonly fields: Record<(typeof RESERVED_FIELDS)[number], string[]>;
  readonly known: ReadonlySet<string>;
  readonly nested: ReadonlyMap<string, InputSpec>;
}

/** How a column of `Known.fields` is read in rows of one shape: through Fields.get, not at all (no row of the shape has it), or (≥ 0) a table column's index. */
const READ_FIELDS = -2;
const NOT_GIVEN = -1;
type ReservedAt = Record<(typeof RESERVED_FIELDS)[number], Int32Array>;

/**
 * The checks of one row once its fields are read (folded): the id (present, unique),
 * the name and group (read from one column each), unknown columns, a nested input
 * given twice. Pushes the subject when nothing is wrong. Allocates nothing for a
 * clean row but the subject.
 */
class RowChecker {
  readonly firstRow: IdRows;
  // An unknown column is one problem, reported at its first row with the count of rows.
  readonly unknown = new PerColumn();
  readonly inherited = new PerColumn();
  private conflict = false;
  private row = 0;
  private index = 0;
  private data!: Fields;
  /** The column the last pick read (undefined: none of its columns is given). */
  private picked: string | undefined;
  /** How the id, name and group columns are read (useColumns); through Fields.get unless told. */
  private at: ReservedAt;
  readonly readAll: ReservedAt;

  constructor(
    private readonly k: Known,
    private readonly issues: Issue[],
    private readonly subjects: SubjectIdentity[],
    rows: number,
  ) {
    this.firstRow = new IdRows(rows);
    const all = (list: readonly string[]) => new Int32Array(list.length).fill(READ_FIELDS);
    this.readAll = { id: all(k.fields.id), name: all(k.fields.name), group: all(k.fields.group) };
    this.at = this.readAll;
  }

  isKnown(key: string): boolean {
    return this.k.known.has(key);
  }

  /** Where the id, name and group columns are in the rows checked next. */
  useColumns(at: ReservedAt): void {
    this.at = at;
  }

  /** For each of the id, name and group columns, how rows of a table with this layout read it. */
  tableColumns(layout: TableLayout): ReservedAt {
    const of = (list: readonly string[]) => Int32Array.from(list, (c) => (layout.groupOf.has(c) ? READ_FIELDS : (layout.plain.get(c) ?? NOT_GIVEN)));
    return { id: of(this.k.fields.id), name: of(this.k.fields.name), group: of(this.k.fields.group) };
  }

  private shape(column: string, expected: string, received: string, id: string | undefined, more: Record<string, unknown>): void {
    this.conflict = true;
    this.issues.push(makeIssue("DATA_BAD_SHAPE", { field: column, expected, received, ...more }, { row: this.row, field: column, path: [this.index, column], ...(id !== undefined ? { subject: id } : {}) }));
  }

  /**
   * A subject field is read from one column: "id" or the rubric's id column (编号), never
   * both. Its text (undefined when no column gives it or it is of another type); the
   * column in `picked`. Each column is read once (a value that is not undefined is there).
   */
  private pick(field: (typeof RESERVED_FIELDS)[number], id?: string): string | undefined {
    const data = this.data;
    const columns = this.k.fields[field];
    const at = this.at[field];
    let first: string | undefined;
    let firstValue: unknown;
    let second: string | undefined;
    for (let j = 0; j < columns.length; j++) {
      const a = at[j]!;
      if (a === NOT_GIVEN) continue;
      const c = columns[j]!;
      const v = a === READ_FIELDS ? data.get(c) : (data as TableFields).table.cell((data as TableFields).row, a);
      if (isAbsent(v)) continue;
      if (first === undefined) {
        first = c;
        firstValue = v;
      } else if (second === undefined) second = c;
    }
    this.picked = first;
    if (second !== undefined) this.shape(second, `given once (the subject's ${field})`, `both "${first}" and "${second}"`, id, { expects: "once", of: field, columns: [first, second] });
    if (first === undefined) return undefined;
    const value = subjectText(firstValue, field === "id");
    if (value === null) {
      this.picked = undefined;
      this.shape(first, `the subject's ${field}: text or a number`, showValue(firstValue), id, { expects: "subject-text", of: field });
      return undefined;
    }
    return value;
  }

  /**
   * @param inheritedHere - the row's inherited enumerable keys (reported)
   * @param unknownKeys - the row's keys (folded) that no rubric knows
   * @param foldedUnknown - columns of nested inputs that are not known (a series period out of range)
   * @param twice - nested inputs given whole and as dotted columns
   */
  check(data: Fields, i: number, inheritedHere: readonly string[], unknownKeys: readonly string[], foldedUnknown: readonly FoldedUnknown[] | undefined, twice: readonly GivenTwice[] | undefined): void {
    const row = i + 1;
    this.row = row;
    this.index = i;
    this.data = data;
    this.conflict = false;
    const id = this.pick("id") ?? "";
    const idColumn = this.picked;
    // Reported with the subject when its id is known (an inherited id is never read: it is reported too).
    for (const key of inheritedHere) this.inherited.add(key, { row, index: i, ...(id !== "" ? { id } : {}) });
    if (this.conflict) return;
    if (id === "") {
      const fields = this.k.fields.id;
      const column = idColumn ?? fields[fields.length - 1]!;
      this.issues.push(makeIssue("DATA_MISSING_ID", { field: column }, { row, field: column, path: [i, column] }));
      return;
    }
    const first = this.firstRow.firstOrAdd(id, row);
    if (first !== undefined) {
      this.issues.push(makeIssue("DATA_DUPLICATE_ID", { id, firstRow: first }, { row, subject: id, field: idColumn!, path: [i, idColumn!] }));
      return;
    }
    for (const key of unknownKeys) this.unknown.add(key, { row, id, index: i });
    if (foldedUnknown) for (const u of foldedUnknown) this.unknown.add(u.key, { row, id, index: i }, { hint: u.hint, series: u.base, periods: u.periods });
    if (twice)
      for (const { base, columns } of twice)
        this.shape(base, `given once: as "${base}" or as "${base}.<key>" columns, not both`, `both "${base}" and ${columns.map((k) => `"${k}"`).join(", ")}`, id, { expects: "once-dotted", columns: [base, ...columns] });
    const name = this.pick("name", id);
    const group = this.pick("group", id);
    if (this.conflict) return;
    if (data instanceof ObjectSubject) {
      // A shaped object row is its own subject.
      data.id = id;
      data.row = row;
      if (name !== undefined) data.name = name;
      if (group !== undefined) data.group = group;
      this.subjects.push(data);
      return;
    }
    // The same properties in the same order as before: absent ones are left out.
    this.subjects.push(
      name === undefined ? (group === undefined ? { id, row, data } : { id, row, data, group }) : group === undefined ? { id, row, data, name } : { id, row, data, name, group },
    );
  }
}

const NO_KEYS: readonly string[] = [];

/**
 * Check ids (present, unique) and that every field is known to some rubric. The rows
 * are objects, or a DataTable (CSV read by column index: no object per row).
 */
export function checkSubjects(
  rows: readonly SubjectData[] | DataTable,
  rubrics: readonly CompiledRubric[],
  givenLimits?: DataLimits,
  early?: EarlyValues,
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
  const checker = new RowChecker({ fields, known, nested }, issues, subjects, rows.length);
  if (table) checkTable(table, nested, limits, checker, issues);
  else checkObjects(rows as readonly SubjectData[], nested, limits, checker, issues, early);
  checker.unknown.report("DATA_UNKNOWN_FIELD", issues);
  checker.inherited.report("DATA_BAD_SHAPE", issues, () => INHERITED);
  return { subjects, issues };
}

function checkObjects(rows: readonly SubjectData[], nested: ReadonlyMap<string, InputSpec>, limits: Required<DataLimits>, checker: RowChecker, issues: Issue[], early?: EarlyValues): void {
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
  // What the last row's key list decided, reused by the rows with the same keys (one object shape);
  // the shape before it (rows that alternate, such as those with and without an optional column);
  // and the last few shapes seen, so that rows of a few shapes mixed decide each shape once.
  let shape: ObjectShape | undefined;
  let previous: ObjectShape | undefined;
  const recent: ObjectShape[] = [];
  // Rows of many shapes mixed fail both for-in tries, each a read of the row for nothing: past a
  // score of misses (8 a miss, less 1 a hit or a row not tried) the tries pause, one row at a time.
  let misses = 0;
  const cellLength = limits.cellLength;
  for (let i = 0; i < rows.length; i++) {
    if (!Object.hasOwn(rows, i)) {
      if (holes) holes.count++;
      else holes = { index: i, count: 1 };
      continue;
    }
    if (holes) endHoles();
    const raw: unknown = rows[i];
    const row = i + 1;
    if (!isMapping(raw)) {
      issues.push(makeIssue("DATA_BAD_SHAPE", { expected: "a mapping with an id and input values", expects: "subject", received: showValue(raw) }, { row, path: [i] }));
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(raw);
    const plainProto = proto === Object.prototype || proto === null;
    // The fast path: the same own keys as the shape's, in the same order, nothing inherited, no value too long.
    if (plainProto && shape !== undefined) {
      if (misses < MISS_LIMIT) {
        // Their values read for the only rubric as they are checked (EarlyValues).
        if (sameKeysShortValues(raw, shape, cellLength, early, i)) {
          if (misses > 0) misses--;
          checkShaped(raw, i, shape, checker);
          continue;
        }
        if (previous !== undefined && sameKeysShortValues(raw, previous, cellLength, early, i)) {
          if (misses > 0) misses--;
          [shape, previous] = [previous, shape];
          checkShaped(raw, i, shape, checker);
          continue;
        }
        misses += 8;
      } else misses--;
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
      if (typeof v === "string" && v.length > cellLength) {
        tooLong = true;
        issues.push(
          makeIssue("DATA_TOO_LARGE", { what: "characters in one value", field: key, count: v.length, limit: cellLength, option: "limits.cellLength" }, { row, field: key, path: [i, key] }),
        );
      }
    }
    if (tooLong) continue;
    const inheritedHere = inheritedKeys(raw);
    if (plainProto && inheritedHere.length === 0) {
      // Another shape (or the first): one seen lately, else decided from its key list once, for this row and the rows like it.
      if (shape === undefined || !sameList(keys, shape.keys)) {
        let next = recent.find((s) => sameList(keys, s.keys));
        if (next === undefined) {
          next = objectShape(keys, nested, checker);
          recent.push(next);
          if (recent.length > RECENT_SHAPES) recent.shift();
        }
        previous = shape;
        shape = next;
      }
      checkShaped(raw, i, shape, checker);
      continue;
    }
    // A row with a prototype of its own, or inheriting enumerable keys: read as it is, every time.
    const folded = foldColumns(raw, keys, nested);
    const unknownKeys: string[] = [];
    for (const key of folded.data.keys()) if (!checker.isKnown(key)) unknownKeys.push(key);
    checker.check(folded.data, i, inheritedHere, unknownKeys, folded.unknown, folded.twice);
  }
  endHoles();
  if (wide)
    issues.push(
      makeIssue("DATA_TOO_LARGE", { what: "fields (columns) in one subject", count: wide.count, limit: limits.columns, option: "limits.columns", rows: wide.rows }, { row: wide.row, path: [wide.index] }),
    );
}

/** How many shapes checkObjects keeps besides the last two (looked up by key list when neither fits). */
const RECENT_SHAPES = 8;
/** The score of for-in misses past which checkObjects stops trying the last two shapes first (a row at a time). */
const MISS_LIMIT = 32;

/**
 * Whether the row's enumerable keys, own and inherited, are the shape's keys in that
 * order, and no string value is longer than `cellLength` (only text can be): one for-in
 * loop, which makes no list. With `early` (one rubric), the same loop is
 * EarlyValues.read, which also puts the row's values into the input table's columns.
 * With the row's prototype Object.prototype or null, a for-in loop lists its own
 * enumerable keys in Object.keys order and then any enumerable key
 * Object.prototype has and the row does not shadow: equal to `keys` (an Object.keys
 * list) means those own keys and nothing inherited, however Object.prototype changes (it
 * is looked at again for every row, so a getter that changes it between rows is seen).
 *
 * Measured against listing the keys and reading the values apart (Object.keys or
 * Object.values): one loop costs about the same on objects of one fast shape, and a
 * quarter of it on objects V8 keeps as dictionaries (rows built key by key), where each
 * list sorts the keys again.
 *
 * Each value is read once (a getter runs, as it did when the lengths were read by key); a
 * getter that adds or deletes the row's own keys while it is read is not supported: the
 * row is read with the keys the loop saw.
 */
function sameKeysShortValues(raw: Record<string, unknown>, shape: ObjectShape, cellLength: number, early?: EarlyValues, i = 0): boolean {
  const keys = shape.keys;
  if (early !== undefined && early.start(i, keys, shape.fold)) return early.read(raw, keys, cellLength);
  const n = keys.length;
  let k = 0;
  for (const key in raw) {
    if (k === n || key !== keys[k]) return false;
    k++;
    const v = raw[key];
    if (typeof v === "string" && v.length > cellLength) return false;
  }
  return k === n;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** One row checked with what its shape decided: its fields read in place, no list of keys made. */
function checkShaped(raw: SubjectData, i: number, shape: ObjectShape, checker: RowChecker): void {
  const fold = shape.fold;
  if (fold === undefined) checker.check(new ObjectSubject(raw, shape.keys), i, NO_KEYS, shape.unknown, undefined, undefined);
  else checker.check(new FoldedFields(raw, fold), i, NO_KEYS, shape.unknown, fold.badPeriods, fold.mayBeTwice.length > 0 ? givenTwice(raw, fold) : undefined);
}

/**
 * What one list of own keys decides for every row that has it (foldColumns's rules,
 * worked out once): the keys no rubric knows, and how nested inputs fold (undefined:
 * nothing folds, the row is read in place through OwnFields).
 */
interface ObjectShape {
  readonly keys: readonly string[];
  /** The keys, folded, that no rubric knows (the bases of nested inputs are known). */
  readonly unknown: readonly string[];
  readonly fold: ObjectFold | undefined;
}

/** A key of a row that folds: read as it is, the whole value of a nested input, a dotted column of one, or a series period out of range. */
type KeyRole = { readonly kind: "plain" } | { readonly kind: "whole"; readonly group: ObjectGroup } | { readonly kind: "dotted"; readonly group: ObjectGroup } | { readonly kind: "bad-period" };
const PLAIN_KEY: KeyRole = { kind: "plain" };
const BAD_PERIOD: KeyRole = { kind: "bad-period" };

export interface ObjectGroup {
  readonly base: string;
  readonly series: boolean;
  readonly records: boolean;
  /** Whether the shape has the base itself as a key (the whole value). */
  whole: boolean;
  readonly dotted: { readonly key: string; readonly sub: string; readonly period: number; readonly at: number }[];
}

export interface ObjectFold {
  readonly keys: readonly string[];
  /** Per key, in order, its role. */
  readonly roles: readonly KeyRole[];
  /** The keys read as they are. */
  readonly plain: ReadonlySet<string>;
  readonly groupOf: ReadonlyMap<string, ObjectGroup>;
  /** Groups with dotted columns: given twice in a row that also gives the base. */
  readonly mayBeTwice: readonly ObjectGroup[];
  readonly badPeriods: readonly FoldedUnknown[] | undefined;
}

function objectShape(keys: readonly string[], nested: ReadonlyMap<string, InputSpec>, checker: RowChecker): ObjectShape {
  const unknownOf = (list: Iterable<string>) => [...list].filter((k) => !checker.isKnown(k));
  if (nested.size === 0) return { keys, unknown: unknownOf(keys), fold: undefined };
  const roles: KeyRole[] = [];
  const plain = new Set<string>();
  const groupOf = new Map<string, ObjectGroup>();
  const badPeriods: FoldedUnknown[] = [];
  let folds = false;
  const groupFor = (base: string, spec: InputSpec) => {
    let g = groupOf.get(base);
    if (!g) groupOf.set(base, (g = { base, series: spec.type === "series", records: spec.type === "records", whole: false, dotted: [] }));
    return g;
  };
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const dot = key.indexOf(".");
    const spec = dot > 0 ? nested.get(key.slice(0, dot)) : nested.get(key);
    if (!spec) {
      roles.push(PLAIN_KEY);
      plain.add(key);
      continue;
    }
    folds = true;
    if (dot < 0) {
      const group = groupFor(key, spec);
      group.whole = true;
      roles.push({ kind: "whole", group });
      continue;
    }
    const base = key.slice(0, dot);
    const sub = key.slice(dot + 1);
    if (spec.type === "series" && !(PERIOD.test(sub) && Number(sub) <= spec.length)) {
      roles.push(BAD_PERIOD);
      badPeriods.push({ key, hint: `the series has ${spec.length} periods: ${base}.1 … ${base}.${spec.length}`, base, periods: spec.length });
      continue;
    }
    const group = groupFor(base, spec);
    group.dotted.push({ key, sub, period: Number(sub), at: k });
    roles.push({ kind: "dotted", group });
  }
  // Nothing folds: foldColumns reads the row in place (own keys, through Object.hasOwn).
  if (!folds) return { keys, unknown: unknownOf(keys), fold: undefined };
  const groups = [...groupOf.values()];
  return {
    keys,
    unknown: unknownOf(plain),
    fold: { keys, roles, plain, groupOf, mayBeTwice: groups.filter((g) => g.dotted.length > 0), badPeriods: badPeriods.length > 0 ? badPeriods : undefined },
  };
}

/**
 * A row's fields as foldColumns's Map would hold them, read from the row when asked
 * (nothing is copied): the keys read as they are, each nested input's base (its dotted
 * columns folded when any is given, else its whole value, a records cell's JSON parsed),
 * never a dotted column or a key the row's shape does not list.
 */
export class FoldedFields implements Fields {
  constructor(
    readonly row: SubjectData,
    /** What the row's shape decided (rows of one shape share it). */
    readonly fold: ObjectFold,
  ) {}

  has(key: string): boolean {
    const g = this.fold.groupOf.get(key);
    if (g !== undefined) return g.whole || dottedGiven(this.row, g);
    return this.fold.plain.has(key);
  }

  get(key: string): unknown {
    const g = this.fold.groupOf.get(key);
    if (g !== undefined) {
      const v = foldedObjectValue(this.row, g);
      if (v !== undefined || !g.whole) return v;
      const whole = this.row[key];
      return g.records ? recordsCell(whole) : whole;
    }
    return this.fold.plain.has(key) ? this.row[key] : undefined;
  }

  keys(): Iterable<string> {
    const out: string[] = [];
    const { keys, roles } = this.fold;
    for (let k = 0; k < keys.length; k++) {
      const role = roles[k]!;
      if (role.kind === "plain") out.push(keys[k]!);
      // A base sits where foldColumns's Map first set it: its whole column, or its first dotted column given.
      else if ((role.kind === "whole" || (role.kind === "dotted" && !isAbsent(this.row[keys[k]!]))) && !out.includes(role.group.base)) out.push(role.group.base);
    }
    return out;
  }
}

function dottedGiven(row: SubjectData, g: ObjectGroup): boolean {
  for (const d of g.dotted) if (!isAbsent(row[d.key])) return true;
  return false;
}

/** A records cell: JSON when it is text starting with "[" that parses, else as it is (a bad shape later). */
function recordsCell(value: unknown): unknown {
  if (typeof value === "string" && value.trim().startsWith("["))
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  return value;
}

/** A nested input folded from the row's dotted columns given (a series as a list, null where a period is not given; else a null-prototype mapping); undefined when none is given. */
export function foldedObjectValue(row: SubjectData, g: ObjectGroup): unknown {
  let target: unknown[] | Record<string, unknown> | undefined;
  for (const d of g.dotted) {
    const value = row[d.key];
    if (isAbsent(value)) continue;
    target ??= g.series ? [] : (Object.create(null) as Record<string, unknown>);
    if (g.series) (target as unknown[])[d.period - 1] = value;
    else (target as Record<string, unknown>)[d.sub] = value;
  }
  if (g.series && target !== undefined) for (let k = 0; k < (target as unknown[]).length; k++) (target as unknown[])[k] ??= null;
  return target;
}

/** Nested inputs the row gives both whole (an own key, not empty) and as dotted columns: in the order of each one's first dotted column given. */
function givenTwice(row: SubjectData, fold: ObjectFold): GivenTwice[] | undefined {
  let twice: (GivenTwice & { at: number })[] | undefined;
  for (const g of fold.mayBeTwice) {
    if (!Object.hasOwn(row, g.base) || isAbsent(row[g.base])) continue;
    let columns: string[] | undefined;
    let at = 0;
    for (const d of g.dotted)
      if (!isAbsent(row[d.key])) {
        if (!columns) at = d.at;
        (columns ??= []).push(d.key);
      }
    if (columns) (twice ??= []).push({ base: g.base, columns, at });
  }
  if (twice && twice.length > 1) twice.sort((a, b) => a.at - b.at);
  return twice?.map(({ base, columns }) => ({ base, columns }));
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
export const NOT_PLAIN = -2;

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
export class TableFields implements Fields {
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

  /**
   * The columns of series `key`'s periods 1 … length, in order, when the table gives the
   * series as exactly those dotted columns (no whole column): then a row's value is the
   * list of those cells, or none when every one is empty (foldedValue). Undefined otherwise.
   */
  seriesColumns(key: string, length: number): number[] | undefined {
    const g = this.layout.groupOf.get(key);
    if (g === undefined || !g.series || g.whole !== undefined || g.dotted.length !== length) return undefined;
    const columns = new Array<number>(length).fill(-1);
    // Periods are distinct (the header is), each 1 … length (others are not in the group).
    for (const d of g.dotted) columns[d.period - 1] = d.index;
    return columns.includes(-1) ? undefined : columns;
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
  // Only a base given whole and as dotted columns can be given twice: the same groups for every row.
  const mayBeTwice = layout.groups.filter((g) => g.whole !== undefined && g.dotted.length > 0);
  // The id, name and group columns by index (a plain column), through get (a nested input's), or not at all.
  checker.useColumns(checker.tableColumns(layout));
  const cellLength = limits.cellLength;
  for (let i = 0; i < table.length; i++) {
    let tooLong = false;
    // A row no longer than the limit has no cell longer than it.
    if (table.rowLength(i) > cellLength)
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
    for (const g of mayBeTwice) {
      if (isAbsent(table.cell(i, g.whole!))) continue;
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
    checker.check(data, i, NO_KEYS, unknownColumns, unknownPeriods, twice);
  }
  checker.useColumns(checker.readAll);
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
