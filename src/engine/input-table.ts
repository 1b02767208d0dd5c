/**
 * The input table: one rubric's input values for a batch, one column per input, one
 * row per subject (in the order of the data). A number input (number, count, ratio) is
 * a typed column of exact integers at the input's scale (its declared places, else
 * plan/numeric.ts DEFAULT_INPUT_SCALE): 84.5 at scale 6 is 84500000. A number that is
 * not an integer at that scale (more decimals, too large) is kept as its Dec in the
 * column's `values`; "none" in the typed column says "look there". The typed column is the
 * smallest of Int8Array, Int16Array and Int32Array that the input's declared range fits
 * at the scale (none: the array's least value, −128, −32,768 or −2^31, outside the
 * range), else a Float64Array (none: NaN): at a million subjects a count of 0 … 20
 * holds 1 MB instead of 8. A boolean, choice or
 * grade input is a typed column of codes: the position of the value in `options`
 * (false, true; the choice's values; the grade scale, best first), -1 for none, in an
 * Int8Array (an Int32Array past 127 options). Every other input is a list of its values by row.
 *
 * The scoring stage reads the typed columns directly (engine/score-columns.ts); every
 * other reader goes through a subject's `values` (RowValues), which builds the Dec of a
 * number when it is read.
 * @internal
 */
import { Dec } from "../decimal/decimal.js";
import type { InputSpec, InputValue } from "../compile/model.js";

export interface InputColumn {
  readonly name: string;
  readonly spec: InputSpec;
  /** A number input's scale; -1 for other inputs. */
  readonly scale: number;
  /** A number input's values × 10^scale; `none` where the subject has none or it is in `values`. */
  readonly scaled: Float64Array | IntArray | undefined;
  /** `scaled` is an integer array (none is its least value); otherwise a Float64Array (none is NaN). */
  readonly narrow: boolean;
  readonly none: number;
  /** The largest magnitude `scaled` holds (a value beyond it goes to `values`). */
  readonly limit: number;
  /** A boolean, choice or grade input's values as positions in `options`; -1 where the subject has none (or it is in `values`). */
  readonly codes: Int8Array | Int32Array | undefined;
  readonly options: readonly (string | boolean)[] | undefined;
  /** Every value of another input, by row; for a number input, those not in `scaled` (created on the first). */
  values: (InputValue | undefined)[] | undefined;
  /** A series input read plainly from a table's period columns (engine/prepare.ts); undefined otherwise. */
  readonly periods?: PeriodColumns;
}

/**
 * A series input's values as one typed column per period (its values × 10^scale), for
 * the rows whose every period was plain digits within the range: the table path of
 * engine/prepare.ts reads a series given as dotted columns (平时考核.1 … .4) this way,
 * with no list per row. `none` in period 1's column where the row's series is not
 * there: absent, or read as text and kept in the column's `values`.
 */
export interface PeriodColumns {
  readonly scale: number;
  /** Period 1's column first. */
  readonly columns: readonly (Float64Array | IntArray)[];
  readonly none: number;
}

/** Row `row` of a series' period columns as the list the text path gives (a Dec per period), or undefined when the row's series is not in them. */
export function periodsAt(p: PeriodColumns, row: number): Dec[] | undefined {
  const first = p.columns[0]![row]!;
  // NaN (a Float64Array's none) is never equal to itself.
  if (first === p.none || first !== first) return undefined;
  const list = new Array<Dec>(p.columns.length);
  for (let e = 0; e < p.columns.length; e++) list[e] = Dec.of(p.columns[e]![row]!, p.scale);
  return list;
}

/** The options of a coded input (boolean, choice, grade), in code order; undefined for other inputs. */
export function codedOptions(spec: InputSpec): readonly (string | boolean)[] | undefined {
  return spec.type === "boolean" ? BOOLEAN_OPTIONS : spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : undefined;
}

const BOOLEAN_OPTIONS: readonly boolean[] = Object.freeze([false, true]);

export type IntArray = Int8Array | Int16Array | Int32Array;

/**
 * A number column of n rows for values of at most `magnitude` (undefined: no bound
 * declared), all none: the smallest integer array whose least value lies outside
 * ±magnitude, else a Float64Array. With `fill` false its rows are left 0 (not none), for
 * a reader that writes every row itself (the table path of engine/prepare.ts).
 */
export function numberColumn(magnitude: number | undefined, n: number, fill = true, shared = false): Pick<InputColumn, "scaled" | "narrow" | "none" | "limit"> {
  const none = (a: IntArray | Float64Array, v: number) => (fill ? a.fill(v) : a);
  const room = (bytes: number) => memory(bytes * n, shared);
  if (magnitude !== undefined && magnitude <= 127) return { scaled: none(new Int8Array(room(1)), -128), narrow: true, none: -128, limit: 127 };
  if (magnitude !== undefined && magnitude <= 32767) return { scaled: none(new Int16Array(room(2)), -32768), narrow: true, none: -32768, limit: 32767 };
  if (magnitude !== undefined && magnitude <= 2147483647) return { scaled: none(new Int32Array(room(4)), -2147483648), narrow: true, none: -2147483648, limit: 2147483647 };
  return { scaled: none(new Float64Array(room(8)), Number.NaN), narrow: false, none: Number.NaN, limit: Number.MAX_SAFE_INTEGER };
}

/** A coded column of n rows, all -1 (none); with `fill` false left 0, for a reader that writes every row. */
export function codeColumn(options: number, n: number, fill = true, shared = false): Int8Array | Int32Array {
  const codes = options <= 127 ? new Int8Array(memory(n, shared)) : new Int32Array(memory(4 * n, shared));
  return fill ? codes.fill(-1) : codes;
}

/** A column's memory: shared when a helper thread writes it too (engine/prepare.ts ColumnHelper). */
const memory = (bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));

/** A number column's value in a row as an integer at its scale, NaN for none. */
export function scaledAt(c: InputColumn, row: number): number {
  const x = c.scaled![row]!;
  return x === c.none ? Number.NaN : x;
}

export class InputTable {
  constructor(
    /** The number of rows (subjects). */
    readonly rows: number,
    readonly columns: readonly InputColumn[],
    /** Input name → column position. */
    readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The value of input column k in a row, or undefined when the subject has none. */
  value(k: number, row: number): InputValue | undefined {
    const c = this.columns[k]!;
    if (c.scaled !== undefined) {
      const x = scaledAt(c, row);
      if (x === x) return Dec.of(x, c.scale);
    } else if (c.codes !== undefined) {
      const code = c.codes[row]!;
      if (code >= 0) return c.options![code];
    } else if (c.periods !== undefined) {
      const list = periodsAt(c.periods, row);
      if (list !== undefined) return list;
    }
    return c.values?.[row];
  }
}

/**
 * One subject's values by input name, read from the table's row (a view: nothing is
 * copied). Listed in the rubric's input order.
 */
export class RowValues implements ReadonlyMap<string, InputValue> {
  constructor(
    private readonly table: InputTable,
    private readonly row: number,
  ) {}

  get(key: string): InputValue | undefined {
    const k = this.table.index.get(key);
    return k === undefined ? undefined : this.table.value(k, this.row);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (let k = 0; k < this.table.columns.length; k++) if (this.table.value(k, this.row) !== undefined) n++;
    return n;
  }

  *entries(): MapIterator<[string, InputValue]> {
    const cols = this.table.columns;
    for (let k = 0; k < cols.length; k++) {
      const v = this.table.value(k, this.row);
      if (v !== undefined) yield [cols[k]!.name, v];
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
