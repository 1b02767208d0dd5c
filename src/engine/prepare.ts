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
import { CodeSpellings, scaledDigits, type DataTable, type SharedCells } from "./data-table.js";
import { PlainScratch, readPlainBlock, type PlainColumn } from "./plain-cells.js";
import { codedOptions, codeColumn, InputTable, numberColumn, RowValues, type InputColumn, type IntArray, type PeriodColumns } from "./input-table.js";
import { FoldedFields, foldedObjectValue, NOT_PLAIN, OwnFields, TableFields, type ObjectFold, type ObjectGroup, type PreparedSubject, type SubjectIdentity } from "./subject-data.js";
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
  return { scale, unit: 10 ** scale, ...rangeAt(s.min, s.max, scale) };
}

/** A range [min, max] as integers at `scale` (NaN: no bound, or one with more decimals than the scale, which `rangeInDec` says), and its largest magnitude there. */
function rangeAt(min: Dec | undefined, max: Dec | undefined, scale: number): Pick<InputPlan, "minScaled" | "maxScaled" | "rangeInDec" | "magnitude"> {
  const at = (d: Dec | undefined) => (d === undefined ? Number.NaN : (d.scaled(scale) ?? Number.NaN));
  const rangeInDec = (min !== undefined && min.scaled(scale) === undefined) || (max !== undefined && max.scaled(scale) === undefined);
  // The range's largest magnitude at the scale, rounded up (a bound with more decimals than the scale).
  const big = (d: Dec) => Number(d.abs().times(10 ** scale).toDecimalPlaces(0, "ceil").toFixed());
  const magnitude = min !== undefined && max !== undefined ? Math.max(big(min), big(max)) : undefined;
  return { minScaled: at(min), maxScaled: at(max), rangeInDec, magnitude };
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
export function prepareSubjects(identities: readonly SubjectIdentity[], rubric: CompiledRubric, issues: Issue[], early?: EarlyValues, helper?: ColumnHelper): { subjects: PreparedSubject[]; inputs: InputTable } {
  const inputs = inputsOf(rubric);
  const n = identities.length;
  // A helper thread only for enough rows to pay for its start.
  const helping = helper !== undefined && n >= helper.minRows ? helper : undefined;
  const layout = columnsOfTable(identities, inputs, helping !== undefined);
  // Values read while the rows were checked: for this rubric and these object rows only (one subject per row).
  const read = layout === undefined && early !== undefined && early.rubric === rubric && early.rows === n && early.columns !== undefined ? early : undefined;
  const helped = layout && helping ? helpedColumns(inputs.plans, layout) : undefined;
  const columns = read ? read.columns! : inputColumns(inputs.plans, n, layout, helped);
  const table = new InputTable(n, columns, inputs.index);
  const at = new InputReporter(rubric.id, issues);
  if (layout) return { subjects: prepareTableColumns(identities, inputs, layout, columns, table, at, helping && helped ? { helper: helping, ...helped } : undefined), inputs: table };
  const subjects = prepareObjectRows(identities, rubric, inputs, columns, table, at, issues, read);
  if (subjects) return { subjects, inputs: table };
  const rows = new Array<PreparedSubject>(n);
  for (let i = 0; i < n; i++) rows[i] = prepareRow(identities[i]!, i, rubric, inputs, columns, table, at, issues);
  return { subjects: rows, inputs: table };
}

/**
 * The input table's columns of n rows, none in every row (but a column the table path
 * writes whole, which needs no filling first); the columns a helper thread reads are in
 * shared memory.
 */
function inputColumns(plans: readonly InputPlan[], n: number, layout?: ColumnsOfTable, helped?: HelpedColumns): InputColumn[] {
  return plans.map((p, k) => {
    const options = codedOptions(p.spec);
    // A column the table path writes whole (every row, none included) needs no filling first.
    const fill = layout === undefined || !writesWhole(p, layout.columnOf[k]!);
    const shared = helped?.columns.includes(k) ?? false;
    const series = layout?.periodsOf[k];
    return {
      name: p.name,
      spec: p.spec,
      scale: p.scale,
      ...(p.scale < 0 ? { scaled: undefined, narrow: false, none: Number.NaN, limit: 0 } : numberColumn(p.magnitude, n, fill, shared)),
      codes: options ? codeColumn(options.length, n, fill, shared) : undefined,
      options,
      values: p.scale >= 0 || options ? undefined : new Array<InputValue | undefined>(n),
      // Every row of every period is written by the table path (a value or none).
      ...(series ? { periods: periodColumns(series, n) } : {}),
    };
  });
}

/**
 * An object row's values read while checkObjects reads the row (its one for-in loop over
 * a row of a known shape, which reads every value to check the lengths of text): for
 * the only rubric of a set, so that prepareSubjects does not read the rows a second time
 * (each read of a number from an object makes a boxed copy of it). A plainly right number
 * or boolean goes straight into its column, as prepareObjectRows would put it; any other
 * value of an input is kept aside, for prepareObjectRows to read after, input by input,
 * as prepareRow reads it. A row whose keys turn out not to be the shape's is undone (its
 * values read again later). Used only when the check finds nothing wrong (then row i is
 * subject i); otherwise it is dropped with the rows.
 */
export class EarlyValues {
  /** Made at the first row read (after the batch's size is checked). */
  columns: InputColumn[] | undefined = undefined;
  /** Per row: 1 when its values were read here (each input with a key in the row written or kept aside). */
  done: Uint8Array = new Uint8Array(0);
  /** The values kept aside, by row: input, value, input, value… in key order. */
  readonly aside = new Map<number, unknown[]>();
  private readonly inputs: RubricInputs;
  private keys: readonly string[] | undefined = undefined;
  /** How the current key list's values are read; null: rows of the list are not read here. */
  private layout: KeyLayout | null = null;
  /** The same for each key list met (rows of a few shapes mixed work each out once). */
  private readonly shapes = new Map<readonly string[], KeyLayout | null>();
  private row = -1;
  /** The inputs written in the current row (undone if its keys do not match). */
  private readonly written: Int32Array;

  constructor(
    readonly rubric: CompiledRubric,
    readonly rows: number,
  ) {
    this.inputs = inputsOf(rubric);
    this.written = new Int32Array(this.inputs.plans.length);
  }

  /** Row i, whose keys should be `keys` (a shape's list, folded as `fold` decides): whether its values are read here (by `read`). */
  start(i: number, keys: readonly string[], fold: ObjectFold | undefined): boolean {
    if (this.columns === undefined) {
      this.columns = inputColumns(this.inputs.plans, this.rows);
      this.done = new Uint8Array(this.rows);
    }
    if (keys !== this.keys) {
      this.keys = keys;
      const known = this.shapes.get(keys);
      this.layout = known !== undefined ? known : this.layoutOf(keys, fold);
    }
    this.row = i;
    return this.layout !== null;
  }

  /**
   * How rows with these keys are read; null (each row read by prepareRow, which decides
   * it) when an input has both its name and its label among the keys, or is given both
   * as a key and as a nested input's dotted columns, or when a nested input is given
   * whole (a key of its own, such as a records cell).
   */
  private layoutOf(keys: readonly string[], fold: ObjectFold | undefined): KeyLayout | null {
    const plans = this.inputs.plans;
    const positions = keyPositions(this.inputs, keys);
    let ok = !nameAndLabelBoth(positions, plans.length);
    // Of a folding shape: only keys read as they are give an input here; each nested input given as dotted columns is folded after the loop.
    const folds: FoldedInput[] = [];
    if (fold !== undefined && ok)
      for (let k = 0; k < plans.length && ok; k++) {
        const plan = plans[k]!;
        for (const p of [positions[2 * k]!, positions[2 * k + 1]!]) if (p >= 0 && fold.roles[p]!.kind !== "plain") ok = false;
        const group = nestedGroupOf(fold, plan);
        if (group === undefined) continue;
        const both = plan.label !== undefined && fold.groupOf.has(plan.name) && fold.groupOf.has(plan.label);
        if (both || group.whole || positions[2 * k]! >= 0 || positions[2 * k + 1]! >= 0) ok = false;
        folds.push({ input: k, group, named: group.base === plan.fallbackColumn });
      }
    let layout: KeyLayout | null = null;
    if (ok) {
      const n = keys.length;
      layout = { mode: new Uint8Array(n), input: new Int32Array(n).fill(-1), scale: new Int32Array(n), lo: new Float64Array(n), hi: new Float64Array(n), target: new Array(n).fill(undefined), folds };
      for (let k = 0; k < plans.length; k++) {
        const p = positions[2 * k]! >= 0 ? positions[2 * k]! : positions[2 * k + 1]!;
        if (p < 0) continue;
        const plan = plans[k]!;
        const col = this.columns![k]!;
        layout.input[p] = k;
        if (plan.scale >= 0 && !plan.count && !plan.rangeInDec) {
          layout.mode[p] = KEY_SCALED;
          layout.scale[p] = plan.scale;
          // No bound: none to pass (NaN compares false either way, as scaledInRange reads it).
          layout.lo[p] = plan.minScaled === plan.minScaled ? plan.minScaled : -Infinity;
          layout.hi[p] = plan.maxScaled === plan.maxScaled ? plan.maxScaled : Infinity;
          layout.target[p] = col.scaled;
        } else if (plan.kind === ReadKind.Boolean) {
          layout.mode[p] = KEY_BOOLEAN;
          layout.target[p] = col.codes;
        } else layout.mode[p] = KEY_INPUT;
      }
    }
    this.shapes.set(keys, layout);
    return layout;
  }

  /**
   * The started row's one for-in loop: whether its enumerable keys, own and inherited,
   * are `keys` in that order and no text value is longer than `cellLength` (as
   * checkObjects's sameKeysShortValues decides it), each input's value written into its
   * column when plainly right (storePlain's test, worked out per key position once) or
   * kept aside. A row that does not match is undone: nothing of it is kept.
   *
   * The plain cases are read in this loop, with no call per value: a number passed to a
   * call is boxed first (a new HeapNumber), which for 20 numbers a row was most of the
   * boundary's time and garbage.
   */
  read(raw: Record<string, unknown>, keys: readonly string[], cellLength: number): boolean {
    const { mode, scale, lo, hi, target, input, folds } = this.layout!;
    const i = this.row;
    const written = this.written;
    const n = keys.length;
    let count = 0;
    let k = 0;
    for (const key in raw) {
      // A key past the list's end or another key: not the shape's row.
      if (k === n || key !== keys[k]) return this.undo(count);
      const v = raw[key];
      const m = mode[k]!;
      if (m === KEY_SCALED && typeof v === "number") {
        const x = scaledNumber(v, scale[k]!);
        if (x >= lo[k]! && x <= hi[k]!) {
          target[k]![i] = x;
          written[count++] = input[k]!;
          k++;
          continue;
        }
      } else if (m === KEY_BOOLEAN && typeof v === "boolean") {
        target[k]![i] = v ? 1 : 0;
        written[count++] = input[k]!;
        k++;
        continue;
      }
      if (typeof v === "string" && v.length > cellLength) return this.undo(count);
      if (m !== KEY_OTHER) {
        const c = input[k]!;
        if (storePlain(this.inputs.plans[c]!, this.columns![c]!, i, v)) written[count++] = c;
        else this.putAside(i, c, v);
      }
      k++;
    }
    if (k !== n) return this.undo(count);
    for (let f = 0; f < folds.length; f++) {
      const { input: c, group, named } = folds[f]!;
      const value = foldedObjectValue(raw, group);
      if (value !== undefined) this.putAside(i, c, value);
      // None of its columns given, and named otherwise when not given (the label): read by prepareRow, which names it so.
      else if (!named) {
        this.undo(count);
        return true;
      }
    }
    this.done[i] = 1;
    return true;
  }

  private putAside(i: number, input: number, raw: unknown): void {
    const list = this.aside.get(i);
    if (list === undefined) this.aside.set(i, [input, raw]);
    else list.push(input, raw);
  }

  /** The current row's keys were not the shape's: nothing of it is kept (its first `count` inputs were written). */
  private undo(count: number): false {
    const i = this.row;
    for (let j = 0; j < count; j++) clearPlain(this.columns![this.written[j]!]!, i);
    this.aside.delete(i);
    return false;
  }
}

/** What a key position of a row gives (EarlyValues.read): no input (its text's length checked), a number input, a boolean input, another input (storePlain, else aside). */
const KEY_OTHER = 0;
const KEY_SCALED = 1;
const KEY_BOOLEAN = 2;
const KEY_INPUT = 3;

/**
 * Per key position of one key list, how EarlyValues.read takes the value: `mode`, the
 * input (-1: none), and for a number input (not a count, its bounds at its scale) the
 * scale, bounds (±Infinity: none) and its column's array; for a boolean its codes.
 */
interface KeyLayout {
  readonly mode: Uint8Array;
  readonly input: Int32Array;
  readonly scale: Int32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly target: (Float64Array | IntArray | Int8Array | Int32Array | undefined)[];
  /** Of a folding shape: the nested inputs given as dotted columns, folded after the loop and kept aside. */
  readonly folds: readonly FoldedInput[];
}

/** A nested input given as a shape's dotted columns: the input, its group, and whether the group's base is the column named when none is given (fallbackColumn). */
interface FoldedInput {
  readonly input: number;
  readonly group: ObjectGroup;
  readonly named: boolean;
}

/**
 * A value written straight into its column when it is plainly right, as readValue would
 * read it, with nothing to report: a number input's JS number or plain decimal text
 * (scaledDigits) at its scale and within its range; a boolean's JS boolean or one of its
 * accepted spellings; a choice's or grade's option exactly (no spaces). False for
 * anything else (a series, text to trim or parse, a value out of range), which readValue
 * then reads and reports.
 */
function storePlain(plan: InputPlan, col: InputColumn, i: number, raw: unknown): boolean {
  if (plan.scale >= 0) {
    const x = typeof raw === "number" ? scaledNumber(raw, plan.scale) : typeof raw === "string" ? scaledDigits(raw, 0, raw.length, plan.scale) : Number.NaN;
    if (!(x === x && scaledInRange(plan, x))) return false;
    col.scaled![i] = x;
    return true;
  }
  const codes = col.codes;
  if (codes === undefined) return false;
  if (typeof raw === "boolean") {
    if (plan.kind !== ReadKind.Boolean) return false;
    // readValue gives a boolean as it is; its code is its place in the options (false, true).
    codes[i] = raw ? 1 : 0;
    return true;
  }
  if (typeof raw !== "string") return false;
  // A boolean in one of the accepted forms, or one of the options exactly (no spaces): its code.
  const code = plan.kind === ReadKind.Boolean ? (TRUE.has(raw) ? 1 : FALSE.has(raw) ? 0 : -1) : plan.options!.indexOf(raw);
  if (!(code >= 0 && (plan.kind === ReadKind.Boolean || raw.trim() === raw))) return false;
  codes[i] = code;
  return true;
}

/** Undo storePlain: row i of the column is none again. */
function clearPlain(col: InputColumn, i: number): void {
  if (col.scaled) col.scaled[i] = col.none;
  else col.codes![i] = -1;
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
  /** Per input: a series read plainly from its period columns (SeriesPlain), or undefined. */
  readonly periodsOf: readonly (SeriesPlain | undefined)[];
}

/**
 * A series given as the table's period columns (TableFields.seriesColumns) and read
 * plainly: each period as a number column at DEFAULT_INPUT_SCALE within the series'
 * range. A row whose every period is plain digits (scaledDigits) within the range is the
 * list fastSeries would give for it, with nothing to report; any other row is read as
 * text. Not made when a bound has more decimals than the scale.
 */
interface SeriesPlain extends Pick<InputPlan, "minScaled" | "maxScaled" | "magnitude"> {
  /** Per period (1 first): its column in the table. */
  readonly columns: readonly number[];
}

/** The input table's period columns for such a series: n rows each, written whole by the table path (a value or none). */
function periodColumns(series: SeriesPlain, n: number): PeriodColumns {
  const columns = series.columns.map(() => numberColumn(series.magnitude, n, false));
  return { scale: DEFAULT_INPUT_SCALE, columns: columns.map((c) => c.scaled!), none: columns[0]!.none };
}

/**
 * The rows of one table (a CSV) where every input has at most one column, and a nested
 * input is named by its name: how the table path reads them (prepareTableColumns); the
 * column naming each input is then the same for every row. Undefined when the rows are
 * not of that kind (prepareRow reads them).
 */
function columnsOfTable(identities: readonly SubjectIdentity[], inputs: RubricInputs, shared: boolean): ColumnsOfTable | undefined {
  const n = identities.length;
  const first = identities[0]?.data;
  if (!(first instanceof TableFields)) return undefined;
  const cells = first.inputColumns(inputs);
  const plans = inputs.plans;
  // Shared memory when a helper thread may read the rows too.
  const rowsOf = new Int32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n));
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
  const periodsOf: (SeriesPlain | undefined)[] = [];
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    // A nested input (folded from dotted columns, or a records cell) is read through its row's fields.
    const nested = cells[2 * k]! === NOT_PLAIN;
    nestedOf.push(nested);
    const periods = nested && plan.kind === ReadKind.Series ? first.seriesColumns(plan.name, plan.length) : undefined;
    const range = periods === undefined ? undefined : rangeAt(plan.min, plan.max, DEFAULT_INPUT_SCALE);
    periodsOf.push(periods !== undefined && range !== undefined && !range.rangeInDec ? { columns: periods, ...range } : undefined);
    columnOf.push(nested ? -1 : cells[2 * k]! >= 0 ? cells[2 * k]! : cells[2 * k + 1]!);
    // The column as the user writes it: the one present, else the label (or the name).
    names.push(nested ? plan.name : columnOf[k]! < 0 ? plan.fallbackColumn : cells[2 * k]! >= 0 ? plan.name : plan.label!);
  }
  return { source: first.table, rowsOf, nestedOf, columnOf, names, periodsOf };
}

/** Whether readColumn writes every row of this input's column from its cells (numbers in the column's range, codes): then it needs no filling. */
const writesWhole = (plan: InputPlan, column: number): boolean => column >= 0 && ((plan.scale >= 0 && !plan.rangeInDec) || plan.spellings !== undefined);

/** How input k's column is read plainly (readPlainBlock) from `column` of the cells. */
function plainColumn(plan: InputPlan, column: number, none: number): PlainColumn {
  return { column, scale: plan.scale, minScaled: plan.minScaled, maxScaled: plan.maxScaled, unit: plan.count ? plan.unit : 0, spellings: plan.spellings, none: plan.scale >= 0 ? none : -1 };
}

/**
 * Another thread that reads some inputs' columns plainly (readPlainBlock) while this one
 * reads the others (the CLI's io/cells-thread.ts): the engine describes the work and
 * reads what is not plain itself, as before, so the values and the issues are the same.
 *
 * Blocks of rows are claimed, not assigned: `claims[b]` is 0 while block b is free, 1
 * once this thread takes it (it then reads the helped columns of that block itself), 2
 * once the helper does (it sets `done[b]` to 1, with a notify, when the block's columns
 * are written and their misses marked). So a helper that starts late, or not at all,
 * costs nothing but the blocks it did not claim.
 */
export interface ColumnHelper {
  /** Fewer rows than this: not worth a thread's start. */
  readonly minRows: number;
  /**
   * Start reading `columns` of `cells` (each into its `out`, its misses marked 1 in its
   * `missed`) for rows[0 … n) in blocks of `block` rows, claiming blocks as above;
   * undefined when it does not take the work. Every array given is in shared memory.
   */
  start(work: HelperWork): HelperRun | undefined;
}

/** The work given to a helper thread (all of it plain data, its arrays shared). */
export interface HelperWork {
  readonly cells: SharedCells;
  readonly columns: readonly HelperColumn[];
  readonly rows: Int32Array;
  readonly block: number;
  readonly claims: Int32Array;
  readonly done: Int32Array;
}

/** A column a helper reads: how (PlainColumn, its column the shared cells' own), where to, and its misses (1: read as text). */
export interface HelperColumn extends PlainColumn {
  readonly out: Float64Array | IntArray;
  readonly missed: Uint8Array;
}

/** A helper at work. */
export interface HelperRun {
  /** Wait until block b is done (the helper claimed it); throws when the helper failed. */
  wait(b: number): void;
  /** End the helper (all blocks done or claimed, or an error here). */
  end(): void;
}

/** The inputs whose columns a helper thread may read (every second column read plainly from shared cells), and those cells. */
interface HelpedColumns {
  readonly cells: SharedCells;
  readonly columns: readonly number[];
  /** Per helped input: its column in the shared cells. */
  readonly at: readonly number[];
}

function helpedColumns(plans: readonly InputPlan[], layout: ColumnsOfTable): HelpedColumns | undefined {
  const plainly: number[] = [];
  for (let k = 0; k < plans.length; k++) if (!layout.nestedOf[k] && writesWhole(plans[k]!, layout.columnOf[k]!)) plainly.push(k);
  const columns = plainly.filter((_, j) => j % 2 === 0);
  const shared = columns.map((k) => layout.source.sharedColumn(layout.columnOf[k]!));
  const cells = shared[0]?.cells;
  if (cells === undefined || shared.some((c) => c?.cells.bytes !== cells.bytes)) return undefined;
  return { cells, columns, at: shared.map((c) => c!.column) };
}

/**
 * Read the rows of one table column by column (columnsOfTable), each input's cells in
 * blocks of rows (the same checks and the same values as prepareRow; issues pushed
 * column by column, which the run sorts by row, stably).
 */
function prepareTableColumns(
  identities: readonly SubjectIdentity[],
  inputs: RubricInputs,
  layout: ColumnsOfTable,
  out: InputColumn[],
  table: InputTable,
  at: InputReporter,
  helped?: HelpedColumns & { readonly helper: ColumnHelper },
): PreparedSubject[] {
  const n = identities.length;
  const plans = inputs.plans;
  const { source, rowsOf, nestedOf, columnOf, names, periodsOf } = layout;
  const absent: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(n);
  // Per input read plainly (numbers in their range, codes): how; the misses are read as text.
  const plain = plans.map((p, k) => (writesWhole(p, columnOf[k]!) ? plainColumn(p, columnOf[k]!, out[k]!.none) : undefined));
  // Per series read from its period columns: how each period is read plainly.
  const periodReads = periodsOf.map((s, k): PlainColumn[] | undefined => s?.columns.map((column) => ({ column, scale: DEFAULT_INPUT_SCALE, minScaled: s.minScaled, maxScaled: s.maxScaled, unit: 0, spellings: undefined, none: out[k]!.periods!.none })));
  const scratch = new PlainScratch(PREPARE_BLOCK);
  /** The rows of a block whose value was not plainly right: read as text. */
  const missed = new Int32Array(PREPARE_BLOCK);
  /** A series: the rows of a block with a period not plainly right (1). */
  const rowMissed = new Uint8Array(PREPARE_BLOCK);
  const blocks = Math.ceil(n / PREPARE_BLOCK);
  // The columns a helper thread reads (per input: its misses, marked 1), and the blocks it and this thread claim.
  const helperMissed: (Uint8Array | undefined)[] = plans.map(() => undefined);
  const claims = new Int32Array(helped ? new SharedArrayBuffer(4 * blocks) : new ArrayBuffer(0));
  let run: HelperRun | undefined;
  if (helped) {
    const columns = helped.columns.map((k, j): HelperColumn => {
      const missedRows = (helperMissed[k] = new Uint8Array(new SharedArrayBuffer(n)));
      const col = out[k]!;
      return { ...plain[k]!, column: helped.at[j]!, out: (col.scaled ?? col.codes)!, missed: missedRows };
    });
    run = helped.helper.start({ cells: helped.cells, columns, rows: rowsOf, block: PREPARE_BLOCK, claims, done: new Int32Array(new SharedArrayBuffer(4 * blocks)) });
  }
  try {
    // Column by column within blocks of rows, so that a block's cells stay in the cache while every input reads them.
    for (let b = 0; b < blocks; b++) {
      const lo = b * PREPARE_BLOCK;
      const hi = Math.min(n, lo + PREPARE_BLOCK);
      // A block the helper claimed first: its columns are the helper's (wait for them, then read their misses).
      const helpers = run !== undefined && Atomics.compareExchange(claims, b, 0, 1) === 2;
      for (let k = 0; k < plans.length; k++) {
        const missedRows = helperMissed[k];
        if (helpers && missedRows) {
          run!.wait(b);
          at.column = names[k]!;
          at.input = plans[k]!.name;
          for (let i = lo; i < hi; i++) if (missedRows[i] === 1) readCell(k, i);
        } else readColumn(k, lo, hi);
      }
    }
  } finally {
    run?.end();
  }

  function readColumn(k: number, lo: number, hi: number): void {
    const plan = plans[k]!;
    at.column = names[k]!;
    at.input = plan.name;
    const how = plain[k];
    if (how) {
      // Numbers from the cells' digits, codes from their bytes (no text made), kept where plainly right; the rest (misses) read below.
      const col = out[k]!;
      const misses = readPlainBlock(source, how, rowsOf, lo, hi, (col.scaled ?? col.codes)!, scratch, missed);
      for (let m = 0; m < misses; m++) readCell(k, missed[m]!);
    } else if (periodReads[k] !== undefined) readPeriods(k, periodReads[k], lo, hi);
    else for (let i = lo; i < hi; i++) readCell(k, i);
  }

  /** A series from its period columns: each period's block plainly, then each row with a period not plainly right as text (its periods none). */
  function readPeriods(k: number, periods: readonly PlainColumn[], lo: number, hi: number): void {
    const { columns, none } = out[k]!.periods!;
    rowMissed.fill(0);
    let any = false;
    for (let e = 0; e < columns.length; e++) {
      const misses = readPlainBlock(source, periods[e]!, rowsOf, lo, hi, columns[e]!, scratch, missed);
      for (let m = 0; m < misses; m++) rowMissed[missed[m]! - lo] = 1;
      any ||= misses > 0;
    }
    if (!any) return;
    for (let i = lo; i < hi; i++) {
      if (rowMissed[i - lo] === 0) continue;
      for (let e = 0; e < columns.length; e++) columns[e]![i] = none;
      readCell(k, i);
    }
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

/**
 * Object rows (OwnFields), in runs of rows that share one key list (checkObjects hands the
 * rows of one shape the same list). What the key list decides is worked out once per run:
 * which input each key gives, the column each input is named by, the inputs no row of the
 * run has. Each row is then read in one for-in loop (a fast read of each own property, and
 * no array per row, unlike Object.values): a value that is plainly right (a JS number at
 * its column's scale within the range, a JS boolean) goes straight into its column;
 * anything else is kept aside and read after the loop input by input,
 * as prepareRow reads it, so that the values and the issues (in their order) are the
 * same. A run in which an input has both its name and its label among the keys (given
 * twice is decided row by row), a row whose for-in keys are not the run's (changed since
 * it was checked), and rows of another kind go to prepareRow. Undefined when the first
 * row is not an object row.
 */
function prepareObjectRows(
  identities: readonly SubjectIdentity[],
  rubric: CompiledRubric,
  inputs: RubricInputs,
  out: InputColumn[],
  table: InputTable,
  at: InputReporter,
  issues: Issue[],
  early: EarlyValues | undefined,
): PreparedSubject[] | undefined {
  const n = identities.length;
  if (n === 0 || runOf(identities[0]!.data) === undefined) return undefined;
  const plans = inputs.plans;
  const count = plans.length;
  const subjects = new Array<PreparedSubject>(n);
  // Per input, in the current run: its key's position in the row (-1: no row of the run has it), the column as the user
  // writes it, and the last row whose value went straight into the column.
  const position = new Int32Array(count);
  const names = new Array<string>(count);
  const written = new Int32Array(count).fill(-1);
  // Per key position in the current run: the input it gives (-1: none).
  let inputAt = new Int32Array(0);
  // The values kept aside in the current row, by key position.
  let aside: unknown[] = [];
  let lo = 0;
  while (lo < n) {
    const first = identities[lo]!.data;
    const run = runOf(first);
    if (run === undefined) {
      subjects[lo] = prepareRow(identities[lo]!, lo, rubric, inputs, out, table, at, issues);
      lo++;
      continue;
    }
    let hi = lo + 1;
    while (hi < n && runOf(identities[hi]!.data) === run) hi++;
    // A run of folding rows (nested inputs as dotted columns): those EarlyValues read are finished here, the rest read by prepareRow.
    const fold = first instanceof FoldedFields ? first.fold : undefined;
    const keys = fold !== undefined ? fold.keys : (first as OwnFields).ownKeys;
    const positions = keyPositions(inputs, keys);
    if (nameAndLabelBoth(positions, count)) {
      for (let i = lo; i < hi; i++) subjects[i] = prepareRow(identities[i]!, i, rubric, inputs, out, table, at, issues);
      lo = hi;
      continue;
    }
    const m = keys.length;
    if (inputAt.length < m) {
      inputAt = new Int32Array(m);
      aside = new Array<unknown>(m).fill(undefined);
    }
    inputAt.fill(-1);
    for (let k = 0; k < count; k++) {
      // The one key present names the column (given or empty); with neither, the label (or the name).
      const np = positions[2 * k]!;
      const lp = positions[2 * k + 1]!;
      position[k] = np >= 0 ? np : lp;
      if (position[k]! >= 0) inputAt[position[k]!] = k;
      names[k] = np >= 0 ? plans[k]!.name : lp >= 0 ? plans[k]!.label! : plans[k]!.fallbackColumn;
      const group = fold === undefined ? undefined : nestedGroupOf(fold, plans[k]!);
      if (group !== undefined) {
        // Folded from its dotted columns by EarlyValues (kept aside when given), named by their base.
        position[k] = FOLDED;
        names[k] = group.base;
      }
    }
    const columnMap = columnsMap(inputs, names);
    // Whether the run's key list lacks some input (absent, or its default, in every row).
    let lacks = false;
    for (let k = 0; k < count && !lacks; k++) lacks = position[k]! < 0;
    for (let i = lo; i < hi; i++) {
      const subject = identities[i]!;
      if (early !== undefined && early.done[i] === 1) {
        // Read with the check: only the values kept aside and the inputs the row lacks are left (often none).
        const kept = early.aside.get(i);
        const absent = kept === undefined && !lacks ? NONE_ABSENT : readRest(kept, plans, out, position, names, i, subject, at);
        subjects[i] = new PreparedRow(subject, table, i, absent, columnMap);
        continue;
      }
      if (fold !== undefined) {
        subjects[i] = prepareRow(subject, i, rubric, inputs, out, table, at, issues);
        continue;
      }
      const row = (subject.data as OwnFields).raw;
      let p = 0;
      for (const key in row) {
        // The keys checked against the run's as they come.
        if (p === m || key !== keys[p]) {
          p = -1;
          break;
        }
        const k = inputAt[p]!;
        if (k >= 0) {
          const raw = row[key];
          if (storePlain(plans[k]!, out[k]!, i, raw)) written[k] = i;
          else aside[p] = raw;
        }
        p++;
      }
      if (p !== m) {
        // Read again as prepareRow reads it, none of the values written here left behind.
        for (let k = 0; k < count; k++)
          if (written[k] === i) {
            clearPlain(out[k]!, i);
            written[k] = -1;
          }
        subjects[i] = prepareRow(subject, i, rubric, inputs, out, table, at, issues);
        continue;
      }
      let absent: Set<string> | undefined;
      for (let k = 0; k < count; k++) {
        if (written[k] === i) continue;
        const plan = plans[k]!;
        const col = out[k]!;
        const pk = position[k]!;
        const raw = pk >= 0 ? aside[pk] : undefined;
        if (pk >= 0) aside[pk] = undefined;
        if (pk < 0 || isAbsent(raw)) {
          absent = readAbsent(plan, col, i, absent);
          continue;
        }
        at.subject = subject;
        at.column = names[k]!;
        at.input = plan.name;
        readGiven(plan, col, i, raw, at);
      }
      subjects[i] = new PreparedRow(subject, table, i, absent ?? NONE_ABSENT, columnMap);
    }
    lo = hi;
  }
  return subjects;
}

/**
 * A row read by EarlyValues: each input the row has no key for is absent; each value kept
 * aside (`aside`: input, value… in key order) is read input by input, as prepareRow reads
 * it; the rest is in the columns. Returns the row's absent inputs.
 */
function readRest(
  aside: unknown[] | undefined,
  plans: readonly InputPlan[],
  out: InputColumn[],
  position: Int32Array,
  names: readonly string[],
  i: number,
  subject: SubjectIdentity,
  at: InputReporter,
): ReadonlySet<string> {
  let absent: Set<string> | undefined;
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    const pk = position[k]!;
    let given = false;
    let raw: unknown;
    if (pk !== NO_KEY) {
      let j = -1;
      if (aside !== undefined) for (let a = 0; a < aside.length && j < 0; a += 2) if (aside[a] === k) j = a;
      if (j >= 0) {
        given = true;
        raw = aside![j + 1];
      }
      // A key's value not kept aside: written into its column with the check (a folded input not kept aside: none of its columns given).
      else if (pk >= 0) continue;
    }
    if (!given || isAbsent(raw)) {
      absent = readAbsent(plan, out[k]!, i, absent);
      continue;
    }
    at.subject = subject;
    at.column = names[k]!;
    at.input = plan.name;
    readGiven(plan, out[k]!, i, raw, at);
  }
  return absent ?? NONE_ABSENT;
}

/** An input's position in a run's key list: none (NO_KEY), or folded from dotted columns (FOLDED). */
const NO_KEY = -1;
const FOLDED = -2;

/** Whether some input has both its name and its label among the keys (keyPositions): given twice, decided row by row (prepareRow). */
function nameAndLabelBoth(positions: Int32Array, count: number): boolean {
  for (let k = 0; k < count; k++) if (positions[2 * k]! >= 0 && positions[2 * k + 1]! >= 0) return true;
  return false;
}

/** The group of a folding shape that gives this input (its base the input's name, else its label); undefined when none does. */
function nestedGroupOf(fold: ObjectFold, plan: InputPlan): ObjectGroup | undefined {
  return fold.groupOf.get(plan.name) ?? (plan.label === undefined ? undefined : fold.groupOf.get(plan.label));
}

/** What makes rows one run of prepareObjectRows: their key list (OwnFields) or their shape's fold (FoldedFields); undefined for other rows. */
function runOf(data: SubjectIdentity["data"]): object | undefined {
  return data instanceof OwnFields ? data.ownKeys : data instanceof FoldedFields ? data.fold : undefined;
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
  const ownValues = own ? Object.values(own.raw) : undefined;
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
  if (storePlain(plan, col, i, raw)) return;
  if (plan.scale < 0 && col.codes === undefined) {
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
