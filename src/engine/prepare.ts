/**
 * The data boundary's second half: one subject's values for one rubric, each input
 * read from its column (by name or label) and checked by its spec (read-value.ts).
 * A value that is right allocates only its own parsed value.
 * @internal
 */
import { makeIssue, type Issue } from "../diagnostics/issue.js";
import { decimalPlaces, parseDecimal, ZERO, type Dec } from "../decimal/decimal.js";
import type { CompiledRubric, InputSpec, InputValue, RecordValue } from "../compile/model.js";
import { NOT_PLAIN, TableFields, type PreparedSubject, type SubjectIdentity } from "./subject-data.js";
import { EMPTY_SHEET, FALSE, isAbsent, NUMBER_DECIMALS, PLAIN_DECIMALS_KEPT, plainDecimal, readValue, TRUE, type Report } from "./read-value.js";

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
export interface RubricInputs {
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
