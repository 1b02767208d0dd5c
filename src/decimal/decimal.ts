/**
 * All score arithmetic goes through this module; it is the only file that imports
 * decimal.js.
 *
 * A `Dec` is exact, always. Most rubric values are short decimals (84.5, 0.25, 96.85%),
 * so a Dec normally holds a safe integer mantissa `m` and a decimal exponent `e`
 * (value = m / 10^e, |m| ≤ 2^53 − 1, 0 ≤ e ≤ 15): additions, products, quotients that
 * terminate and comparisons are then a few integer operations (the fast path).
 *
 * Whenever a result does not fit that form (an overflow, more than 15 decimals, or a
 * division that does not terminate, such as 256 / 3), the Dec holds the exact fraction
 * n / d instead (bigint numerator and denominator in lowest terms, d > 0), and every
 * operation on it (sum, product, quotient, comparison, rounding) is exact bigint
 * arithmetic. A result that fits the compact form again (256/3 × 3 = 256) returns to it.
 * So a weighted mean over ratio weights (1:1:1), a share (1/3) or a normalisation
 * (90/110) is exact until a declared rounding, and compares exactly on a threshold.
 *
 * Display: `toFixed()` without places prints a terminating value exactly, however long;
 * a non-terminating one is rounded half-up to 40 significant digits (256/3 prints
 * as 85.33333333333333333333333333333333333333); this is the only place where a value
 * is shown rounded without a declared rounding, and the value itself stays exact.
 * decimal.js (a private clone, never `Decimal.set`) renders that form and reads numbers
 * in exponent notation.
 * @internal
 */
import DecimalJs from "decimal.js";

/** Significant digits of the display form of an unrounded value. */
export const DISPLAY_DIGITS = 40;

const Big = DecimalJs.clone({ precision: DISPLAY_DIGITS, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

/** Rounding modes a rubric may declare. */
export const ROUNDING_MODES = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Plain decimal literal: optional sign, digits, optional fraction. No exponent, no hex. */
export const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A percentage literal such as "60%" or "96.85%". */
export const PERCENT_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%$/;

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_SCALE = 15;
const POW10 = Array.from({ length: 2 * MAX_SCALE + 1 }, (_, i) => 10 ** i); // exact up to 1e22
const BIG_MAX = BigInt(MAX);

const safe = (x: number) => x <= MAX && x >= -MAX;
const pow10n = (k: number): bigint => 10n ** BigInt(k);
const absn = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** An exact fraction n / d in lowest terms, d > 0: the value of a Dec that is not compact. */
class Fraction {
  constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}
}

/**
 * Round the truncated quotient `q` (of a value with sign `positive`) away from zero or
 * not, given how the discarded remainder compares with one half (−1, 0, 1; never called
 * with a zero remainder).
 */
function roundsAway(mode: RoundingMode, half: number, qOdd: boolean, positive: boolean): boolean {
  switch (mode) {
    case "half-up":
      return half >= 0;
    case "half-down":
      return half > 0;
    case "half-even":
      return half > 0 || (half === 0 && qOdd);
    case "up":
      return true;
    case "down":
      return false;
    case "ceil":
      return positive;
    case "floor":
      return !positive;
  }
}

/** An exact decimal value. Immutable. */
export class Dec {
  /** Mantissa of the compact form (when `q` is undefined). */
  private readonly m: number;
  /** Decimal exponent of the compact form: value = m / 10^e. */
  private readonly e: number;
  /** The exact fraction, when the value does not fit the compact form. */
  private readonly q: Fraction | undefined;

  private constructor(m: number, e: number, q: Fraction | undefined) {
    this.m = m;
    this.e = e;
    this.q = q;
  }

  /** Compact form, trailing zeros removed (so `e` is the number of decimal places). */
  static of(m: number, e: number): Dec {
    while (e > 0 && m % 10 === 0) {
      m /= 10;
      e--;
    }
    return new Dec(m === 0 ? 0 : m, e, undefined);
  }

  /** The exact value n / d (d ≠ 0): compact when it fits, else a fraction in lowest terms. */
  private static ofFraction(n: bigint, d: bigint): Dec {
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (n === 0n) return ZERO;
    const g = gcd(absn(n), d);
    if (g !== 1n) {
      n /= g;
      d /= g;
    }
    const k = terminatingPlaces(d);
    if (k !== undefined && k <= MAX_SCALE) {
      const scaled = n * (pow10n(k) / d);
      if (scaled <= BIG_MAX && scaled >= -BIG_MAX) return Dec.of(Number(scaled), k);
    }
    return new Dec(0, 0, new Fraction(n, d));
  }

  /** The value as a fraction (not necessarily in lowest terms for the compact form). */
  private fraction(): Fraction {
    return this.q ?? new Fraction(BigInt(this.m), pow10n(this.e));
  }

  plus(other: Dec | number): Dec {
    const o = toDec(other);
    if (this.q === undefined && o.q === undefined) {
      const e = this.e >= o.e ? this.e : o.e;
      const a = this.m * POW10[e - this.e]!;
      const b = o.m * POW10[e - o.e]!;
      const s = a + b;
      if (safe(a) && safe(b) && safe(s)) return Dec.of(s, e);
    }
    const x = this.fraction();
    const y = o.fraction();
    return x.d === y.d ? Dec.ofFraction(x.n + y.n, x.d) : Dec.ofFraction(x.n * y.d + y.n * x.d, x.d * y.d);
  }

  minus(other: Dec | number): Dec {
    return this.plus(toDec(other).negated());
  }

  times(other: Dec | number): Dec {
    const o = toDec(other);
    if (this.q === undefined && o.q === undefined) {
      const p = this.m * o.m;
      const e = this.e + o.e;
      if (safe(p) && e <= 2 * MAX_SCALE) {
        if (e <= MAX_SCALE) return Dec.of(p, e);
        const d = Dec.of(p, e);
        if (d.e <= MAX_SCALE) return d;
      }
    }
    const x = this.fraction();
    const y = o.fraction();
    return Dec.ofFraction(x.n * y.n, x.d * y.d);
  }

  /** Exact quotient. Division by zero is a bug of the caller (it throws). */
  div(other: Dec | number): Dec {
    const o = toDec(other);
    if (this.q === undefined && o.q === undefined && o.m !== 0) {
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
    if (o.isZero()) throw new RangeError("kaohe internal: division by zero");
    const x = this.fraction();
    const y = o.fraction();
    return Dec.ofFraction(x.n * y.d, x.d * y.n);
  }

  cmp(other: Dec | number): number {
    const o = toDec(other);
    if (this.q === undefined && o.q === undefined) {
      if (this.e === o.e) return this.m < o.m ? -1 : this.m > o.m ? 1 : 0;
      const e = this.e >= o.e ? this.e : o.e;
      const a = this.m * POW10[e - this.e]!;
      const b = o.m * POW10[e - o.e]!;
      if (safe(a) && safe(b)) return a < b ? -1 : a > b ? 1 : 0;
    }
    const x = this.fraction();
    const y = o.fraction();
    const a = x.n * y.d;
    const b = y.n * x.d;
    return a < b ? -1 : a > b ? 1 : 0;
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
    return this.q === undefined && this.m === 0; // a fraction is never zero
  }

  isInteger(): boolean {
    return this.q === undefined ? this.e === 0 : this.q.d === 1n;
  }

  negated(): Dec {
    return this.q === undefined ? Dec.of(-this.m, this.e) : new Dec(0, 0, new Fraction(-this.q.n, this.q.d));
  }

  abs(): Dec {
    return this.q === undefined ? (this.m < 0 ? Dec.of(-this.m, this.e) : this) : this.q.n < 0n ? this.negated() : this;
  }

  floor(): Dec {
    return this.toDecimalPlaces(0, "floor");
  }

  /**
   * The value as an integer at `scale` decimal places (84.5 at scale 2 → 8450), when it
   * is exactly that and a safe integer; undefined otherwise (more decimals, a fraction,
   * too large). The engine's integer path reads inputs through this, never rounding.
   */
  scaled(scale: number): number | undefined {
    if (this.q !== undefined || this.e > scale || scale > MAX_SCALE) return undefined;
    const v = this.m * POW10[scale - this.e]!;
    return safe(v) ? v : undefined;
  }

  /** Number of decimal places (trailing zeros not counted); Infinity when the value does not terminate (1/3). */
  decimalPlaces(): number {
    return this.q === undefined ? this.e : (terminatingPlaces(this.q.d) ?? Number.POSITIVE_INFINITY);
  }

  /** Round to `places` decimals (default mode half-up). */
  toDecimalPlaces(places: number, mode: RoundingMode = "half-up"): Dec {
    if (this.q === undefined) {
      if (this.e <= places) return this;
      const divisor = POW10[this.e - places]!;
      const r = this.m % divisor; // exact, same sign as m
      const q = (this.m - r) / divisor; // truncated toward zero
      if (r === 0) return Dec.of(q, places);
      const twice = 2 * Math.abs(r);
      const positive = this.m > 0;
      const away = roundsAway(mode, twice < divisor ? -1 : twice > divisor ? 1 : 0, Math.abs(q) % 2 === 1, positive);
      return Dec.of(away ? q + (positive ? 1 : -1) : q, places);
    }
    const { n, d } = this.q;
    const scaled = n * pow10n(places);
    let q = scaled / d; // truncated toward zero
    const r = scaled - q * d;
    if (r !== 0n) {
      const twice = 2n * absn(r);
      const positive = n > 0n;
      if (roundsAway(mode, twice < d ? -1 : twice > d ? 1 : 0, q % 2n !== 0n, positive)) q += positive ? 1n : -1n;
    }
    return Dec.ofFraction(q, pow10n(places));
  }

  /**
   * Fixed notation. With `places`: exactly that many decimals, rounded half-up. Without:
   * the shortest exact form, or for a value of more than 40 significant digits (a
   * non-terminating quotient such as 256/3), the display form rounded half-up to 40
   * significant digits.
   */
  toFixed(places?: number): string {
    if (this.q !== undefined && places === undefined) {
      // A terminating fraction (its denominator divides a power of ten) prints exactly,
      // however many digits it has.
      const exact = terminatingPlaces(this.q.d);
      if (exact !== undefined) return this.toFixed(exact);
      // decimal.js divides to 40 significant digits, correctly rounded.
      return new Big(this.q.n.toString()).div(this.q.d.toString()).toFixed();
    }
    const d = places === undefined ? this : this.toDecimalPlaces(places);
    if (d.q !== undefined) {
      // Rounded to `places` but too long for the compact form: d.q.d divides 10^places.
      const n = d.q.n * (pow10n(places!) / d.q.d);
      return fixedText(absn(n).toString(), places!, places!, n < 0n);
    }
    return fixedText(String(Math.abs(d.m)), d.e, places, d.m < 0);
  }

  toString(): string {
    return this.toFixed();
  }

  /**
   * A number that orders as the value does wherever two of them differ: m / 10^e
   * (correctly rounded, so never out of order) for the compact form, NaN for a fraction.
   * Equal keys say nothing (two values may round to one number): compare those with
   * `cmp`. For sorting many values by a comparison of numbers first.
   */
  orderKey(): number {
    return this.q === undefined ? this.m / POW10[this.e]! : Number.NaN;
  }

  /** The nearest JS number (for counts and display only, never for arithmetic). */
  toNumber(): number {
    return this.q === undefined ? this.m / POW10[this.e]! : new Big(this.q.n.toString()).div(this.q.d.toString()).toNumber();
  }

  /**
   * The exact value as text: the decimal when it terminates ("0.7", "85.3125"), else the
   * fraction in lowest terms ("256/3"). `Dec.fromExact` reads it back to the same value.
   */
  toExact(): string {
    return this.q === undefined || terminatingPlaces(this.q.d) !== undefined ? this.toFixed() : `${this.q.n}/${this.q.d}`;
  }

  /** Read `toExact()` text back: a plain decimal literal or "n/d" with whole n and d ≠ 0; undefined for anything else. */
  static fromExact(text: string): Dec | undefined {
    const m = /^(-?\d+)\/(\d+)$/.exec(text);
    if (m) return m[2]!.replace(/^0+/, "") === "" ? undefined : Dec.ofFraction(BigInt(m[1]!), BigInt(m[2]!));
    return DECIMAL_PATTERN.test(text) ? Dec.parse(text) : undefined;
  }

  /**
   * A Dec rebuilt from its structured clone (`structuredClone` keeps the fields m, e and
   * q = { n, d } but not the class); undefined when `value` does not have that shape.
   */
  static revive(value: unknown): Dec | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const keys = Object.keys(value);
    if (keys.length !== 3 || !keys.includes("m") || !keys.includes("e") || !keys.includes("q")) return undefined;
    const { m, e, q } = value as { m: unknown; e: unknown; q: unknown };
    if (typeof m !== "number" || typeof e !== "number" || !Number.isSafeInteger(m) || !Number.isInteger(e) || e < 0 || e > MAX_SCALE) return undefined;
    if (q === undefined) return Dec.of(m, e);
    const { n, d } = (q ?? {}) as { n?: unknown; d?: unknown };
    return typeof n === "bigint" && typeof d === "bigint" && d > 0n ? Dec.ofFraction(n, d) : undefined;
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
    return Dec.ofFraction(BigInt(sign) * BigInt(digits || "0"), pow10n(frac.length));
  }
}

/**
 * Integer rounding for values held as scaled integers: `x / divisor` (divisor a power
 * of ten, x a safe integer) rounded by `mode`, exactly as Dec.toDecimalPlaces does it.
 */
export function roundScaled(x: number, divisor: number, mode: RoundingMode): number {
  const r = x % divisor; // exact, same sign as x
  const q = (x - r) / divisor; // truncated toward zero
  if (r === 0) return q;
  const twice = 2 * Math.abs(r);
  const positive = x > 0;
  return roundsAway(mode, twice < divisor ? -1 : twice > divisor ? 1 : 0, Math.abs(q) % 2 === 1, positive) ? q + (positive ? 1 : -1) : q;
}

/** Digits of |m| with `e` decimals, padded to `places`. */
function fixedText(digits: string, e: number, places: number | undefined, negative: boolean): string {
  let text: string;
  if (e === 0) text = digits;
  else {
    const padded = digits.padStart(e + 1, "0");
    text = `${padded.slice(0, padded.length - e)}.${padded.slice(padded.length - e)}`;
  }
  if (places !== undefined && places > e) text += (e === 0 ? "." : "") + "0".repeat(places - e);
  return (negative ? "-" : "") + text;
}

/** Decimal places of 1/d when it terminates (d = 2^a·5^b → max(a, b)), else undefined. */
function terminatingPlaces(d: bigint): number | undefined {
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
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
    const fast = fewDecimals(value);
    if (fast !== undefined) return fast;
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

/**
 * A finite JS number with a few decimals (84.5, 0.947) as the Dec of its shortest
 * round-trip string, without building the string; undefined when it is not one, for
 * parseDecimal's String(x) path. Exact: it returns Dec.of(m, k) only when |m| < 10^15
 * and m / 10^k === x. Both m and 10^k (k ≤ 15) are exact doubles, so the division is the
 * double nearest to the decimal m·10^-k, which is then x. Every decimal of at most 15
 * significant digits comes back from its nearest double when that is printed to 15
 * digits (DBL_DIG = 15, for any x in the normal range; |x| ≥ 10^-15 here as m ≠ 0),
 * so two decimals of at most 15 digits with the same nearest double are equal. The
 * shortest round-trip string of x has at most as many digits as m·10^-k (which round-
 * trips), so it is that decimal: the same value, and Dec.of drops the trailing zeros as
 * Dec.parse does. Numbers needing more than 15 digits (0.1 + 0.2) fail every k.
 */
export function fewDecimals(x: number): Dec | undefined {
  for (let k = 1; k <= MAX_SCALE; k++) {
    const p = POW10[k]!;
    const m = Math.round(x * p);
    if (!(m < 1e15 && m > -1e15)) return undefined;
    if (m / p === x) return m === 0 ? undefined : Dec.of(m, k);
  }
  return undefined;
}

/**
 * A finite JS number as an exact integer number of 10^-scale (84.5 at scale 2 → 8450):
 * the value parseDecimal reads for x, times 10^scale, when that is a safe integer; NaN
 * otherwise (more decimals than `scale`, too large, NaN, ±Infinity). Exact by the
 * argument of fewDecimals: an integer x is its own decimal, and otherwise m / 10^k === x
 * with |m| < 10^15 makes m·10^-k x's shortest round-trip decimal; the product m·10^(scale−k)
 * of two exact doubles is exact when its true value is a safe integer, and one past 2^53 − 1
 * rounds to at least 2^53, which the last check refuses.
 */
export function scaledNumber(x: number, scale: number): number {
  if (scale > MAX_SCALE) return Number.NaN;
  if (Number.isInteger(x)) {
    const v = x * POW10[scale]!;
    return safe(x) && safe(v) ? v : Number.NaN;
  }
  for (let k = 1; k <= scale; k++) {
    const p = POW10[k]!;
    const m = Math.round(x * p);
    if (!(m < 1e15 && m > -1e15)) return Number.NaN;
    if (m / p === x) {
      const v = m * POW10[scale - k]!;
      return safe(v) ? v : Number.NaN;
    }
  }
  return Number.NaN;
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
