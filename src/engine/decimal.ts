/**
 * All score arithmetic goes through this module. It is the only file that imports
 * decimal.js, so a faster exact representation (scaled integers, say) can replace it
 * later without touching the language or the rest of the engine.
 *
 * The constructor is a private clone: `Decimal.set` (global state) is never used.
 * 40 significant digits: sums and products of rubric values are exact; a division
 * (ratio weights 1:2, means, vote shares) is carried to 40 significant digits and
 * rounded only where the rubric declares rounding.
 * @internal
 */
import DecimalJs from "decimal.js";

const D = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

/** An exact decimal value. */
export type Dec = InstanceType<typeof D>;

/** Rounding modes a rubric may declare. */
export const ROUNDING_MODES = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const MODE: Record<RoundingMode, DecimalJs.Rounding> = {
  "half-up": DecimalJs.ROUND_HALF_UP,
  "half-even": DecimalJs.ROUND_HALF_EVEN,
  "half-down": DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceil: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
};

/** Plain decimal literal: optional sign, digits, optional fraction. No exponent, no hex. */
export const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A percentage literal such as "60%" or "96.85%". */
export const PERCENT_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%$/;

export const ZERO: Dec = new D(0);
export const ONE: Dec = new D(1);
export const HUNDRED: Dec = new D(100);

/**
 * Parse a decimal from a JS number, a decimal string or a percentage string
 * ("50%" → 0.5). Returns undefined for anything else (NaN, Infinity, "1e3", "abc").
 * A JS number is read through its shortest round-trip string, so 0.1 is exactly 0.1.
 */
export function parseDecimal(value: unknown): Dec | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return new D(String(value).includes("e") ? value : String(value));
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (DECIMAL_PATTERN.test(text)) return new D(text);
    if (PERCENT_PATTERN.test(text)) return new D(text.replace("%", "").trim()).div(100);
  }
  return undefined;
}

/** Like parseDecimal but for values the schema already checked. Throws on a bug. */
export function dec(value: number | string | Dec): Dec {
  if (value instanceof D) return value;
  const parsed = parseDecimal(value);
  if (parsed === undefined) throw new TypeError(`kaohe internal: not a decimal: ${String(value)}`);
  return parsed;
}

export function isDec(value: unknown): value is Dec {
  return value instanceof D;
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function min(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

/** Bound a value to [low, high]; either bound may be absent. */
export function bound(value: Dec, low: Dec | undefined, high: Dec | undefined): Dec {
  let v = value;
  if (low !== undefined && v.lt(low)) v = low;
  if (high !== undefined && v.gt(high)) v = high;
  return v;
}

export function round(value: Dec, places: number, mode: RoundingMode): Dec {
  return value.toDecimalPlaces(places, MODE[mode]);
}

/** Integer rounding of a count limit (quota limits, percentile cut-offs). */
export function roundToInteger(value: Dec, mode: RoundingMode): number {
  return value.toDecimalPlaces(0, MODE[mode]).toNumber();
}

/** Number of digits after the decimal point in the value as written. */
export function decimalPlaces(value: Dec): number {
  return value.decimalPlaces();
}

/**
 * Decimal → string for the API. With `places`, fixed notation with exactly that many
 * digits ("84.50"); without, the shortest exact form ("84.5").
 */
export function format(value: Dec, places?: number): string {
  const text = places === undefined ? value.toFixed() : value.toFixed(places);
  return text === "-0" ? "0" : text.startsWith("-0") && new D(text).isZero() ? text.slice(1) : text;
}
