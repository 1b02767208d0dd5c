/**
 * All score arithmetic goes through this module; it is the only file that imports
 * decimal.js.
 *
 * A `Dec` is exact. Most rubric values are short decimals (84.5, 0.25, 96.85%), so a
 * Dec normally holds a safe integer mantissa `m` and a decimal exponent `e`
 * (value = m / 10^e, |m| ≤ 2^53 − 1, 0 ≤ e ≤ 15): additions, products and comparisons
 * are then a few integer operations. Whenever a result would not be exact in that form
 * (an overflow, a division such as 1/3), the operation is done by decimal.js instead,
 * through a private clone (40 significant digits, never `Decimal.set`), and the Dec
 * holds that value. Both forms give the same results: the compact form only ever holds
 * values decimal.js would hold exactly.
 * @internal
 */
import DecimalJs from "decimal.js";

const Big = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type BigValue = InstanceType<typeof Big>;

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

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_SCALE = 15;
const POW10 = Array.from({ length: 2 * MAX_SCALE + 1 }, (_, i) => 10 ** i); // exact up to 1e22

const safe = (x: number) => x <= MAX && x >= -MAX;

/** An exact decimal value. Immutable. */
export class Dec {
  /** Mantissa of the compact form (when `big` is undefined). */
  private readonly m: number;
  /** Decimal exponent of the compact form: value = m / 10^e. */
  private readonly e: number;
  /** The value, when it does not fit the compact form. */
  private readonly big: BigValue | undefined;

  private constructor(m: number, e: number, big: BigValue | undefined) {
    this.m = m;
    this.e = e;
    this.big = big;
  }

  /** Compact form, trailing zeros removed (so `e` is the number of decimal places). */
  static of(m: number, e: number): Dec {
    while (e > 0 && m % 10 === 0) {
      m /= 10;
      e--;
    }
    return new Dec(m === 0 ? 0 : m, e, undefined);
  }

  private static fromBig(b: BigValue): Dec {
    const e = b.decimalPlaces();
    if (e <= MAX_SCALE && b.precision(true) <= 15) {
      const m = Number(b.times(POW10[e]!).toFixed(0));
      if (safe(m)) return Dec.of(m, e);
    }
    return new Dec(0, 0, b);
  }

  private toBig(): BigValue {
    return this.big ?? new Big(this.m).div(POW10[this.e]!);
  }

  plus(other: Dec | number): Dec {
    const o = toDec(other);
    if (this.big === undefined && o.big === undefined) {
      const e = this.e >= o.e ? this.e : o.e;
      const a = this.m * POW10[e - this.e]!;
      const b = o.m * POW10[e - o.e]!;
      const s = a + b;
      if (safe(a) && safe(b) && safe(s)) return Dec.of(s, e);
    }
    return Dec.fromBig(this.toBig().plus(o.toBig()));
  }

  minus(other: Dec | number): Dec {
    return this.plus(toDec(other).negated());
  }

  times(other: Dec | number): Dec {
    const o = toDec(other);
    if (this.big === undefined && o.big === undefined) {
      const p = this.m * o.m;
      const e = this.e + o.e;
      if (safe(p) && e <= 2 * MAX_SCALE) {
        if (e <= MAX_SCALE) return Dec.of(p, e);
        const d = Dec.of(p, e);
        if (d.e <= MAX_SCALE) return d;
      }
    }
    return Dec.fromBig(this.toBig().times(o.toBig()));
  }

  div(other: Dec | number): Dec {
    const o = toDec(other);
    if (this.big === undefined && o.big === undefined && o.m !== 0) {
      // Exact when the quotient of the mantissas is an integer (×10^k for a few k).
      for (let k = 0; k <= 6 && this.e + k - o.e <= MAX_SCALE; k++) {
        const n = this.m * POW10[k]!;
        if (!safe(n)) break;
        if (n % o.m === 0) {
          const e = this.e + k - o.e;
          const q = n / o.m;
          if (e >= 0) return Dec.of(q, e);
          const scaled = q * POW10[-e]!;
          if (safe(scaled)) return Dec.of(scaled, 0);
          break;
        }
      }
    }
    return Dec.fromBig(this.toBig().div(o.toBig()));
  }

  cmp(other: Dec | number): number {
    const o = toDec(other);
    if (this.big === undefined && o.big === undefined) {
      if (this.e === o.e) return this.m < o.m ? -1 : this.m > o.m ? 1 : 0;
      const e = this.e >= o.e ? this.e : o.e;
      const a = this.m * POW10[e - this.e]!;
      const b = o.m * POW10[e - o.e]!;
      if (safe(a) && safe(b)) return a < b ? -1 : a > b ? 1 : 0;
    }
    return this.toBig().cmp(o.toBig());
  }

  eq(other: Dec | number): boolean {
    return this.cmp(other) === 0;
  }
  lt(other: Dec | number): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: Dec | number): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: Dec | number): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: Dec | number): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.big === undefined ? this.m === 0 : this.big.isZero();
  }

  isInteger(): boolean {
    return this.big === undefined ? this.e === 0 : this.big.isInteger();
  }

  negated(): Dec {
    return this.big === undefined ? Dec.of(-this.m, this.e) : new Dec(0, 0, this.big.negated());
  }

  abs(): Dec {
    return this.big === undefined ? (this.m < 0 ? Dec.of(-this.m, this.e) : this) : new Dec(0, 0, this.big.abs());
  }

  floor(): Dec {
    return this.toDecimalPlaces(0, "floor");
  }

  /** Number of decimal places (trailing zeros not counted). */
  decimalPlaces(): number {
    return this.big === undefined ? this.e : this.big.decimalPlaces();
  }

  /** Round to `places` decimals (default mode half-up). */
  toDecimalPlaces(places: number, mode: RoundingMode = "half-up"): Dec {
    if (this.big === undefined) {
      if (this.e <= places) return this;
      const divisor = POW10[this.e - places]!;
      const r = this.m % divisor; // exact, same sign as m
      const q = (this.m - r) / divisor; // truncated toward zero
      if (r === 0) return Dec.of(q, places);
      const twice = 2 * Math.abs(r);
      const positive = this.m > 0;
      let away: boolean;
      switch (mode) {
        case "half-up":
          away = twice >= divisor;
          break;
        case "half-down":
          away = twice > divisor;
          break;
        case "half-even":
          away = twice > divisor || (twice === divisor && Math.abs(q) % 2 === 1);
          break;
        case "up":
          away = true;
          break;
        case "down":
          away = false;
          break;
        case "ceil":
          away = positive;
          break;
        case "floor":
          away = !positive;
          break;
      }
      return Dec.of(away ? q + (positive ? 1 : -1) : q, places);
    }
    return Dec.fromBig(this.big.toDecimalPlaces(places, MODE[mode]));
  }

  /** Fixed notation: exactly `places` decimals (rounded half-up), or the shortest exact form. */
  toFixed(places?: number): string {
    if (this.big !== undefined) {
      const text = places === undefined ? this.big.toFixed() : this.big.toFixed(places);
      return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text; // zero has no sign
    }
    const d = places === undefined ? this : this.toDecimalPlaces(places);
    const e = d.e;
    const digits = String(Math.abs(d.m));
    const sign = d.m < 0 ? "-" : "";
    let text: string;
    if (e === 0) text = digits;
    else {
      const padded = digits.padStart(e + 1, "0");
      text = `${padded.slice(0, padded.length - e)}.${padded.slice(padded.length - e)}`;
    }
    if (places !== undefined && places > e) text += (e === 0 ? "." : "") + "0".repeat(places - e);
    return sign + text;
  }

  toString(): string {
    return this.toFixed();
  }

  toNumber(): number {
    return this.big === undefined ? this.m / POW10[this.e]! : this.big.toNumber();
  }

  /** Parse a plain decimal literal (already checked against DECIMAL_PATTERN). */
  static parse(text: string): Dec {
    let sign = 1;
    let i = 0;
    if (text[0] === "-" || text[0] === "+") {
      sign = text[0] === "-" ? -1 : 1;
      i = 1;
    }
    const dot = text.indexOf(".", i);
    const intPart = dot < 0 ? text.slice(i) : text.slice(i, dot);
    const frac = dot < 0 ? "" : text.slice(dot + 1).replace(/0+$/, "");
    const digits = (intPart + frac).replace(/^0+/, "");
    if (digits.length <= 15 && frac.length <= MAX_SCALE) return Dec.of(sign * Number(digits || "0"), frac.length);
    return Dec.fromBig(new Big(text));
  }
}

function toDec(value: Dec | number): Dec {
  return value instanceof Dec ? value : dec(value);
}

export const ZERO: Dec = Dec.of(0, 0);
export const ONE: Dec = Dec.of(1, 0);
export const HUNDRED: Dec = Dec.of(100, 0);

/**
 * Parse a decimal from a JS number, a decimal string or a percentage string
 * ("50%" → 0.5). Returns undefined for anything else (NaN, Infinity, "1e3", "abc").
 * A JS number is read through its shortest round-trip string, so 0.1 is exactly 0.1.
 */
export function parseDecimal(value: unknown): Dec | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    if (Number.isInteger(value) && safe(value)) return Dec.of(value, 0);
    const text = String(value);
    return text.includes("e") ? Dec.parse(new Big(value).toFixed()) : Dec.parse(text);
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (DECIMAL_PATTERN.test(text)) return Dec.parse(text);
    if (PERCENT_PATTERN.test(text)) return Dec.parse(text.replace("%", "").trim()).div(100);
  }
  return undefined;
}

/** Like parseDecimal but for values the schema already checked. Throws on a bug. */
export function dec(value: number | string | Dec): Dec {
  if (value instanceof Dec) return value;
  const parsed = parseDecimal(value);
  if (parsed === undefined) throw new TypeError(`kaohe internal: not a decimal: ${String(value)}`);
  return parsed;
}

export function isDec(value: unknown): value is Dec {
  return value instanceof Dec;
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
  return value.toDecimalPlaces(places, mode);
}

/** Integer rounding of a count limit (quota limits, percentile cut-offs). */
export function roundToInteger(value: Dec, mode: RoundingMode): number {
  return value.toDecimalPlaces(0, mode).toNumber();
}

/** Number of digits after the decimal point. */
export function decimalPlaces(value: Dec): number {
  return value.decimalPlaces();
}

/**
 * Decimal → string for the API. With `places`, fixed notation with exactly that many
 * digits ("84.50"); without, the shortest exact form ("84.5").
 */
export function format(value: Dec, places?: number): string {
  return value.toFixed(places);
}
