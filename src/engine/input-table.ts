/**
 * The input table: one rubric's input values for a batch, one column per input, one
 * row per subject (in the order of the data). A number input (number, count, ratio) is
 * a typed column of exact integers at the input's scale (its declared places, else
 * plan/numeric.ts DEFAULT_INPUT_SCALE): 84.5 at scale 6 is 84500000. A number that is
 * not an integer at that scale (more decimals, too large) is kept as its Dec in the
 * column's `values`; NaN in the typed column says "look there". Every other input is a
 * list of its values by row.
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
  /** A number input's values × 10^scale; NaN where the subject has none or it is in `values`. */
  readonly scaled: Float64Array | undefined;
  /** Every value of another input, by row; for a number input, those not in `scaled` (created on the first). */
  values: (InputValue | undefined)[] | undefined;
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
      const x = c.scaled[row]!;
      if (x === x) return Dec.of(x, c.scale);
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
