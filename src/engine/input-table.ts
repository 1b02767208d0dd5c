/**
 * The input table: one rubric's input values for a batch, one column per input, one
 * row per subject (in the order of the data). A number input (number, count, ratio) is
 * a typed column of exact integers at the input's scale (its declared places, else
 * plan/numeric.ts DEFAULT_INPUT_SCALE): 84.5 at scale 6 is 84500000. A number that is
 * not an integer at that scale (more decimals, too large) is kept as its Dec in the
 * column's `values`; "none" in the typed column says "look there". The typed column is an
 * Int32Array (none: NONE_INT32) when the input's declared range fits it at the scale,
 * else a Float64Array (none: NaN): at a million subjects that halves what most columns hold. A boolean, choice or
 * grade input is a typed column of codes: the position of the value in `options`
 * (false, true; the choice's values; the grade scale, best first), -1 for none. Every
 * other input is a list of its values by row.
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
  /** A number input's values × 10^scale; none (see `narrow`) where the subject has none or it is in `values`. */
  readonly scaled: Float64Array | Int32Array | undefined;
  /** `scaled` is an Int32Array, none written NONE_INT32; otherwise a Float64Array, none written NaN. */
  readonly narrow: boolean;
  /** A boolean, choice or grade input's values as positions in `options`; -1 where the subject has none (or it is in `values`). */
  readonly codes: Int32Array | undefined;
  readonly options: readonly (string | boolean)[] | undefined;
  /** Every value of another input, by row; for a number input, those not in `scaled` (created on the first). */
  values: (InputValue | undefined)[] | undefined;
}

/** The options of a coded input (boolean, choice, grade), in code order; undefined for other inputs. */
export function codedOptions(spec: InputSpec): readonly (string | boolean)[] | undefined {
  return spec.type === "boolean" ? BOOLEAN_OPTIONS : spec.type === "choice" ? spec.values : spec.type === "grade" ? spec.scale : undefined;
}

const BOOLEAN_OPTIONS: readonly boolean[] = Object.freeze([false, true]);

/** "No value" in an Int32Array number column: outside every range such a column is made for. */
export const NONE_INT32 = -2147483648;

/** The largest magnitude an Int32Array number column holds. */
export const MAX_INT32 = 2147483647;

/** A number column's value in a row as an integer at its scale, NaN for none. */
export function scaledAt(c: InputColumn, row: number): number {
  const x = c.scaled![row]!;
  return c.narrow && x === NONE_INT32 ? Number.NaN : x;
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
