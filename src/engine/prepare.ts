/**
 * The data boundary's second half: the checked subjects' values for one rubric, into
 * an input table (one column per input, engine/input-table.ts). Each input is read from
 * its column (by name or label) and checked by its spec (read-value.ts). A number that
 * is right is written as an exact scaled integer into a typed column: no object per
 * value; anything else (a wrong value, a form the fast path does not read) goes to
 * readValue, which reports exactly as before.
 * @internal
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { Dec, scaledNumber, ZERO } from "../decimal/decimal.js";
import type { CompiledRubric, InputSpec, InputValue, RecordValue } from "../compile/model.js";
import { DEFAULT_INPUT_SCALE } from "../plan/numeric.js";
import { CodeSpellings, scaledDigits, type DataTable } from "./data-table.js";
import { codedOptions, codeColumn, InputTable, numberColumn, RowValues, type InputColumn } from "./input-table.js";
import { NOT_PLAIN, OwnFields, TableFields, type PreparedSubject, type SubjectIdentity } from "./subject-data.js";
import { EMPTY_SHEET, FALSE, isAbsent, plainDecimal, readValue, TRUE, type Report } from "./read-value.js";

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
  /** boolean, choice, grade: the spellings a table cell's bytes are matched against for its code (spellingsOf). */
  readonly spellings: CodeSpellings | undefined;
  /** The value when not given: the default, [] for records, undefined otherwise. */
  readonly whenAbsent: InputValue | undefined;
  /** missing: zero: the value an absent input reads as (kept in values, and the input counted absent). */
  readonly zero: InputValue | undefined;
  /** A number input's scale in the table (declared places, else DEFAULT_INPUT_SCALE); -1 for other inputs. */
  readonly scale: number;
  /** The range as integers at the scale; NaN for no bound; `rangeInDec` when a bound has more decimals than the scale. */
  readonly minScaled: number;
  readonly maxScaled: number;
  readonly rangeInDec: boolean;
  /** 10^scale: a count's value is a multiple of it. */
  readonly unit: number;
  /** The largest magnitude of the declared range at the scale; undefined without both bounds. */
  readonly magnitude: number | undefined;
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
    spellings: spellingsOf(spec),
    whenAbsent: def !== undefined ? def : spec.type === "records" ? NO_RECORDS : undefined,
    zero: def === undefined && spec.type !== "records" && spec.missing === "zero" ? (spec.type === "scores" ? EMPTY_SHEET : ZERO) : undefined,
    ...scaledRange(spec, number),
  };
}

/**
 * The spellings whose code a table cell's bytes give with no text made (CodeSpellings):
 * a boolean's true and false forms (TRUE, FALSE: the trimmed lower-case forms, ASCII
 * capitals folded as the text path lowercases), a choice's values or a grade's scale at
 * their positions (codes as store gives them: false 0, true 1; an option's first position).
 * Every other cell (another spelling, spaces beyond ASCII, an error) is read as text.
 */
function spellingsOf(spec: InputSpec): CodeSpellings | undefined {
  if (spec.type === "boolean") return new CodeSpellings([...[...TRUE].map((t) => [t, 1] as const), ...[...FALSE].map((t) => [t, 0] as const)], true);
  const options = spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : undefined;
  return options === undefined ? undefined : new CodeSpellings(options.map((o) => [o, options.indexOf(o)] as const), false);
}

/** The scale of a number input's column, and its range as integers at that scale where the bounds fit it. */
function scaledRange(spec: InputSpec, number: boolean): Pick<InputPlan, "scale" | "minScaled" | "maxScaled" | "rangeInDec" | "unit" | "magnitude"> {
  if (!number) return { scale: -1, minScaled: Number.NaN, maxScaled: Number.NaN, rangeInDec: false, unit: 1, magnitude: undefined };
  const s = spec as Extract<InputSpec, { type: "number" | "count" | "ratio" }>;
  const scale = s.places ?? DEFAULT_INPUT_SCALE;
  const at = (d: Dec | undefined) => (d === undefined ? Number.NaN : (d.scaled(scale) ?? Number.NaN));
  const rangeInDec = (s.min !== undefined && s.min.scaled(scale) === undefined) || (s.max !== undefined && s.max.scaled(scale) === undefined);
  // The range's largest magnitude at the scale, rounded up (a bound with more decimals than the scale).
  const big = (d: Dec) => Number(d.abs().times(10 ** scale).toDecimalPlaces(0, "ceil").toFixed());
  const magnitude = s.min !== undefined && s.max !== undefined ? Math.max(big(s.min), big(s.max)) : undefined;
  return { scale, minScaled: at(s.min), maxScaled: at(s.max), rangeInDec, unit: 10 ** scale, magnitude };
}

/** Whether a number read at its plan's scale is plainly right: a whole number for a count, within the range. */
function scaledInRange(plan: InputPlan, x: number): boolean {
  if (plan.count && x % plan.unit !== 0) return false;
  if (plan.rangeInDec) {
    const d = Dec.of(x, plan.scale);
    return !((plan.min !== undefined && d.lt(plan.min)) || (plan.max !== undefined && d.gt(plan.max)));
  }
  return !(x < plan.minScaled || x > plan.maxScaled);
}

/**
 * A series whose every period is a plain number within the range, read without
 * reporting anything; undefined when it is not plainly right (or not a series), for
 * readValue to decide and report. (Numbers and coded inputs have their own fast paths
 * in prepareRow.)
 */
function fastSeries(plan: InputPlan, raw: unknown): InputValue | undefined {
  // A series' elements have no places and no %.
  if (plan.kind !== ReadKind.Series || !Array.isArray(raw) || raw.length !== plan.length) return undefined;
  const out: Dec[] = [];
  for (const x of raw) {
    const d = typeof x === "string" ? plainDecimal(x) : undefined;
    if (d === undefined || (plan.min !== undefined && d.lt(plan.min)) || (plan.max !== undefined && d.gt(plan.max))) return undefined;
    out.push(d);
  }
  return out;
}

/**
 * A prepared subject: its identity, and its values as a view of its row of the input
 * table (made when first read: the batch's integer path reads the table's columns).
 */
class PreparedRow implements PreparedSubject {
  readonly id: string;
  readonly row: number;
  // Own properties only when the subject has them (as the object literal it replaces).
  declare readonly name?: string;
  declare readonly group?: string;
  private view: RowValues | undefined = undefined;

  constructor(
    subject: SubjectIdentity,
    private readonly table: InputTable,
    private readonly index: number,
    readonly absent: ReadonlySet<string>,
    readonly columns: ReadonlyMap<string, string>,
  ) {
    this.id = subject.id;
    this.row = subject.row;
    if (subject.name !== undefined) this.name = subject.name;
    if (subject.group !== undefined) this.group = subject.group;
  }

  get values(): ReadonlyMap<string, InputValue> {
    return (this.view ??= new RowValues(this.table, this.index));
  }
}

/** Per rubric: the inputs' plans in order, and the columns map last built (shared by subjects whose data names the same columns). */
export interface RubricInputs {
  readonly plans: readonly InputPlan[];
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  lastColumns: string[] | undefined;
  lastMap: ReadonlyMap<string, string> | undefined;
  /** Object rows: the key list last seen, and where each input's name and label are in it (-1: not there). */
  lastKeys: readonly string[] | undefined;
  keyPositions: Int32Array;
}

const rubricInputs = new WeakMap<CompiledRubric, RubricInputs>();

function inputsOf(rubric: CompiledRubric): RubricInputs {
  let r = rubricInputs.get(rubric);
  if (!r) {
    const plans = [...rubric.inputs.values()].map(planOf);
    const names = plans.map((p) => p.name);
    r = { plans, names, index: new Map(names.map((n, i) => [n, i])), lastColumns: undefined, lastMap: undefined, lastKeys: undefined, keyPositions: new Int32Array(2 * plans.length) };
    rubricInputs.set(rubric, r);
  }
  return r;
}

/** An absent records input: an empty list, shared (never written to). */
const NO_RECORDS: readonly RecordValue[] = Object.freeze([]);

/** Nothing absent: shared by every subject that gives all its inputs (never written to). */
const NONE_ABSENT: ReadonlySet<string> = new Set<string>();

/** One subject's values for one rubric (a batch of one: see prepareSubjects). */
export function prepareSubject(subject: SubjectIdentity, rubric: CompiledRubric, issues: Issue[]): PreparedSubject {
  return prepareSubjects([subject], rubric, issues).subjects[0]!;
}

/**
 * Validate the subjects' values for one rubric: the prepared subjects (identity, which
 * inputs are absent, the columns as the data names them, the values as a view of the
 * table's row) and the input table itself. Problems go to `issues`; the subjects are
 * then only good for reporting them.
 */
export function prepareSubjects(identities: readonly SubjectIdentity[], rubric: CompiledRubric, issues: Issue[]): { subjects: PreparedSubject[]; inputs: InputTable } {
  const inputs = inputsOf(rubric);
  const plans = inputs.plans;
  const n = identities.length;
  const layout = columnsOfTable(identities, inputs);
  const columns: InputColumn[] = plans.map((p, k) => {
    const options = codedOptions(p.spec);
    // A column the table path writes whole (every row, none included) needs no filling first.
    const fill = layout === undefined || !writesWhole(p, layout.columnOf[k]!);
    return {
      name: p.name,
      spec: p.spec,
      scale: p.scale,
      ...(p.scale < 0 ? { scaled: undefined, narrow: false, none: Number.NaN, limit: 0 } : numberColumn(p.magnitude, n, fill)),
      codes: options ? codeColumn(options.length, n, fill) : undefined,
      options,
      values: p.scale >= 0 || options ? undefined : new Array<InputValue | undefined>(n),
    };
  });
  const table = new InputTable(n, columns, inputs.index);
  const at = new InputReporter(rubric.id, issues);
  if (layout) return { subjects: prepareTableColumns(identities, inputs, layout, columns, table, at), inputs: table };
  const rows = new Array<PreparedSubject>(n);
  for (let i = 0; i < n; i++) rows[i] = prepareRow(identities[i]!, i, rubric, inputs, columns, table, at, issues);
  return { subjects: rows, inputs: table };
}

/** Rows per block of the column-by-column reading (a block's bytes, a few hundred KB, stay in the cache). */
const PREPARE_BLOCK = 1024;

/** How the table path reads a table's rows: the table, each subject's row in it, and per input its column. */
interface ColumnsOfTable {
  readonly source: DataTable;
  readonly rowsOf: Int32Array;
  /** Per input: whether it is nested (read through its row's fields), its plain column (-1: none), and the column that names it. */
  readonly nestedOf: readonly boolean[];
  readonly columnOf: readonly number[];
  readonly names: readonly string[];
}

/**
 * The rows of one table (a CSV) where every input has at most one column, and a nested
 * input is named by its name: how the table path reads them (prepareTableColumns); the
 * column naming each input is then the same for every row. Undefined when the rows are
 * not of that kind (prepareRow reads them).
 */
function columnsOfTable(identities: readonly SubjectIdentity[], inputs: RubricInputs): ColumnsOfTable | undefined {
  const n = identities.length;
  const first = identities[0]?.data;
  if (!(first instanceof TableFields)) return undefined;
  const cells = first.inputColumns(inputs);
  const plans = inputs.plans;
  const rowsOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const data = identities[i]!.data;
    if (!(data instanceof TableFields) || data.table !== first.table) return undefined;
    rowsOf[i] = data.row;
  }
  for (let k = 0; k < plans.length; k++) {
    const nameAt = cells[2 * k]!;
    const labelAt = cells[2 * k + 1]!;
    // Two columns for one input (its name and its label), or a nested input named by a label: read row by row.
    if ((nameAt >= 0 && labelAt >= 0) || ((nameAt === NOT_PLAIN || labelAt === NOT_PLAIN) && plans[k]!.label !== undefined)) return undefined;
  }
  const nestedOf: boolean[] = [];
  const columnOf: number[] = [];
  const names: string[] = [];
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    // A nested input (folded from dotted columns, or a records cell) is read through its row's fields.
    const nested = cells[2 * k]! === NOT_PLAIN;
    nestedOf.push(nested);
    columnOf.push(nested ? -1 : cells[2 * k]! >= 0 ? cells[2 * k]! : cells[2 * k + 1]!);
    // The column as the user writes it: the one present, else the label (or the name).
    names.push(nested ? plan.name : columnOf[k]! < 0 ? plan.fallbackColumn : cells[2 * k]! >= 0 ? plan.name : plan.label!);
  }
  return { source: first.table, rowsOf, nestedOf, columnOf, names };
}

/** Whether readColumn writes every row of this input's column from its cells (numbers in the column's range, codes): then it needs no filling. */
const writesWhole = (plan: InputPlan, column: number): boolean => column >= 0 && ((plan.scale >= 0 && !plan.rangeInDec) || plan.spellings !== undefined);

/**
 * Read the rows of one table column by column (columnsOfTable), each input's cells in
 * blocks of rows (the same checks and the same values as prepareRow; issues pushed
 * column by column, which the run sorts by row, stably).
 */
function prepareTableColumns(identities: readonly SubjectIdentity[], inputs: RubricInputs, layout: ColumnsOfTable, out: InputColumn[], table: InputTable, at: InputReporter): PreparedSubject[] {
  const n = identities.length;
  const plans = inputs.plans;
  const { source, rowsOf, nestedOf, columnOf, names } = layout;
  const absent: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(n);
  // A block of one column's numbers or codes, read from the cells in one call (NaN or -1: read as text).
  const scaledBlock = new Float64Array(PREPARE_BLOCK);
  const codeBlock = new Int32Array(PREPARE_BLOCK);
  /** The rows of a block whose number was not plainly right: read as text. */
  const missed = new Int32Array(PREPARE_BLOCK);
  // Column by column within blocks of rows, so that a block's cells stay in the cache while every input reads them.
  for (let lo = 0; lo < n; lo += PREPARE_BLOCK) {
    const hi = Math.min(n, lo + PREPARE_BLOCK);
    for (let k = 0; k < plans.length; k++) readColumn(k, lo, hi);
  }

  function readColumn(k: number, lo: number, hi: number): void {
    const plan = plans[k]!;
    const col = out[k]!;
    const c = columnOf[k]!;
    at.column = names[k]!;
    at.input = plan.name;
    if (writesWhole(plan, c) && plan.scale >= 0) {
      // Numbers read from the cells' digits (no text made), kept where plainly right; the rest (misses) read below.
      source.scaledCells(c, rowsOf, lo, hi, plan.scale, scaledBlock);
      const min = plan.minScaled === plan.minScaled ? plan.minScaled : -Infinity;
      const max = plan.maxScaled === plan.maxScaled ? plan.maxScaled : Infinity;
      const unit = plan.count ? plan.unit : 0;
      const none = col.none;
      let misses = 0;
      for (let j = 0; j < hi - lo; j++) {
        const x = scaledBlock[j]!;
        // NaN (not plain digits) fails both comparisons; a count must be whole.
        if (!(x >= min && x <= max) || (unit !== 0 && x % unit !== 0)) {
          scaledBlock[j] = none;
          missed[misses++] = lo + j;
        }
      }
      col.scaled!.set(scaledBlock.subarray(0, hi - lo), lo);
      for (let m = 0; m < misses; m++) readCell(k, missed[m]!);
    } else if (writesWhole(plan, c)) {
      // Codes found from the cells' bytes (no text made); the rest (-1) read below.
      source.codeCells(c, rowsOf, lo, hi, plan.spellings!, codeBlock);
      col.codes!.set(codeBlock.subarray(0, hi - lo), lo);
      for (let j = 0; j < hi - lo; j++) if (codeBlock[j]! < 0) readCell(k, lo + j);
    } else for (let i = lo; i < hi; i++) readCell(k, i);
  }

  /** Input k of row i as the text path reads it: absent, or given and read by readGiven (which reports what is wrong). */
  function readCell(k: number, i: number): void {
    const plan = plans[k]!;
    const col = out[k]!;
    const c = columnOf[k]!;
    const raw: unknown = nestedOf[k]! ? (identities[i]!.data as TableFields).get(plan.name) : c < 0 ? undefined : source.cell(rowsOf[i]!, c);
    if (raw === undefined || isAbsent(raw)) {
      absent[i] = readAbsent(plan, col, i, absent[i]);
      return;
    }
    at.subject = identities[i]!;
    readGiven(plan, col, i, raw, at);
  }
  const columnMap = columnsMap(inputs, names);
  const subjects = new Array<PreparedSubject>(n);
  for (let i = 0; i < n; i++) subjects[i] = new PreparedRow(identities[i]!, table, i, absent[i] ?? NONE_ABSENT, columnMap);
  return subjects;
}

/** The columns map for these column names: the last one built when it names the same columns (subjects share it). */
function columnsMap(inputs: RubricInputs, names: readonly string[]): ReadonlyMap<string, string> {
  const last = inputs.lastColumns;
  if (last !== undefined && last.length === names.length && last.every((c, k) => c === names[k])) return inputs.lastMap!;
  const map = new Map<string, string>();
  for (let k = 0; k < inputs.plans.length; k++) map.set(inputs.plans[k]!.name, names[k]!);
  inputs.lastColumns = [...names];
  inputs.lastMap = map;
  return map;
}

function prepareRow(subject: SubjectIdentity, i: number, rubric: CompiledRubric, inputs: RubricInputs, out: InputColumn[], table: InputTable, at: InputReporter, issues: Issue[]): PreparedSubject {
  let absent: Set<string> | undefined;
  const plans = inputs.plans;
  const data = subject.data;
  // A table row: where each input's name and label columns are, worked out once per table.
  const cells = data instanceof TableFields ? data.inputColumns(inputs) : undefined;
  // An object row: its values by position (one call), the positions worked out once per key list.
  const own = data instanceof OwnFields ? data : undefined;
  const positions = own ? keyPositions(inputs, own.ownKeys) : undefined;
  const ownValues = own ? Object.values(own.row) : undefined;
  at.subject = subject;
  // The columns as this subject's data names them; compared with the last subject's at the end.
  const last = inputs.lastColumns;
  let columns: string[] | undefined;
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    const col = out[k]!;
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
      const t = data as TableFields;
      // A number in the one column the table has for it, read from the cell's digits (no text made).
      if (plan.scale >= 0 && (nameAt < 0) !== (labelAt < 0)) {
        const x = t.table.cellScaled(t.row, nameAt >= 0 ? nameAt : labelAt, plan.scale);
        if (x === x && scaledInRange(plan, x)) {
          col.scaled![i] = x;
          const column = nameAt >= 0 ? name : label!;
          if (columns) columns.push(column);
          else if (last === undefined || last[k] !== column) {
            columns = k === 0 ? [] : last!.slice(0, k);
            columns.push(column);
          }
          continue;
        }
      }
      // A table row, both columns plain (or missing): read by index.
      hasName = nameAt >= 0;
      nameValue = hasName ? t.table.cell(t.row, nameAt) : undefined;
      hasLabel = labelAt >= 0;
      labelValue = hasLabel ? t.table.cell(t.row, labelAt) : undefined;
    } else if (positions !== undefined) {
      const np = positions[2 * k]!;
      const lp = positions[2 * k + 1]!;
      hasName = np >= 0;
      nameValue = hasName ? ownValues![np] : undefined;
      hasLabel = lp >= 0;
      labelValue = hasLabel ? ownValues![lp] : undefined;
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
      absent = readAbsent(plan, col, i, absent);
      continue;
    }
    at.column = column;
    at.input = name;
    readGiven(plan, col, i, givenName ? nameValue : labelValue, at);
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
  return new PreparedRow(subject, table, i, absent ?? NONE_ABSENT, columnMap);
}

/**
 * An input the subject does not give: its default, or [] for records; else absent (under
 * `missing: zero` every reader then sees 0, a scores input an empty list). Returns the
 * subject's set of absent inputs (made on its first).
 */
function readAbsent(plan: InputPlan, col: InputColumn, i: number, absent: Set<string> | undefined): Set<string> | undefined {
  if (plan.whenAbsent !== undefined) {
    store(col, i, plan.whenAbsent);
    return absent;
  }
  const set = absent ?? new Set<string>();
  set.add(plan.name);
  if (plan.zero !== undefined) store(col, i, plan.zero);
  return set;
}

/**
 * A value the subject gives, into its column: a JS number or plain digits at the column's
 * scale within the range, a boolean or option as its code, a plain series, all without a
 * value object; anything else through readValue, which reports it (at `at`, aimed by the
 * caller at the subject, column and input).
 */
function readGiven(plan: InputPlan, col: InputColumn, i: number, raw: unknown, at: InputReporter): void {
  if (plan.scale >= 0) {
    const x = typeof raw === "number" ? scaledNumber(raw, plan.scale) : typeof raw === "string" ? scaledDigits(raw, 0, raw.length, plan.scale) : Number.NaN;
    if (x === x && scaledInRange(plan, x)) {
      col.scaled![i] = x;
      return;
    }
  } else if (col.codes !== undefined) {
    // A boolean in one of the accepted forms, or one of the options exactly (no spaces): its code.
    if (typeof raw === "string") {
      const code = plan.kind === ReadKind.Boolean ? (TRUE.has(raw) ? 1 : FALSE.has(raw) ? 0 : -1) : plan.options!.indexOf(raw);
      if (code >= 0 && (plan.kind === ReadKind.Boolean || raw.trim() === raw)) {
        col.codes[i] = code;
        return;
      }
    }
  } else {
    const fast = fastSeries(plan, raw);
    if (fast !== undefined) {
      store(col, i, fast);
      return;
    }
  }
  const value = readValue(plan.spec, raw, at.report);
  if (value !== undefined) store(col, i, value);
}

/**
 * Where each input's name and label are in an object row's key list (-1: not there),
 * worked out again only when the list differs from the last one (rows of one batch
 * almost always share one).
 */
function keyPositions(inputs: RubricInputs, keys: readonly string[]): Int32Array {
  const last = inputs.lastKeys;
  const out = inputs.keyPositions;
  if (last === keys) return out;
  if (last !== undefined && last.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = last[i] === keys[i];
    if (same) {
      inputs.lastKeys = keys;
      return out;
    }
  }
  const plans = inputs.plans;
  for (let k = 0; k < plans.length; k++) {
    out[2 * k] = keys.indexOf(plans[k]!.name);
    const label = plans[k]!.label;
    out[2 * k + 1] = label === undefined ? -1 : keys.indexOf(label);
  }
  inputs.lastKeys = keys;
  return out;
}

/**
 * A value into its column: a number input's as an integer at the column's scale where
 * it is one, a coded input's as its position in the options, else kept as it is.
 */
function store(col: InputColumn, i: number, value: InputValue): void {
  if (col.scaled) {
    const x = (value as Dec).scaled(col.scale);
    if (x !== undefined && x <= col.limit && x >= -col.limit) {
      col.scaled[i] = x;
      return;
    }
    col.values ??= new Array<InputValue | undefined>(col.scaled.length);
  } else if (col.codes) {
    // The readers give a boolean, or one of the options as written in the rubric (a `missing: zero` value is kept as it is).
    const code = col.options!.indexOf(value as string | boolean);
    if (code >= 0) {
      col.codes[i] = code;
      return;
    }
    col.values ??= new Array<InputValue | undefined>(col.codes.length);
  }
  col.values![i] = value;
}
