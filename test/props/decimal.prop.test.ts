/**
 * The compact decimal form agrees with decimal.js itself on every operation; the exact
 * fraction form (a quotient that does not terminate) agrees with exact rationals (bigint
 * n/d; decimal.js prints them), and undoing an operation gives back exactly what went in.
 */
import { fc, test } from "@fast-check/vitest";
import DecimalJs from "decimal.js";
import { describe, expect } from "vitest";
import { dec, fewDecimals, ROUNDING_MODES, type RoundingMode } from "../../src/decimal/decimal.js";

const Wide = DecimalJs.clone({ precision: 200, rounding: DecimalJs.ROUND_HALF_UP });
const Ref = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
const REF_MODE: Record<RoundingMode, DecimalJs.Rounding> = {
  "half-up": DecimalJs.ROUND_HALF_UP,
  "half-even": DecimalJs.ROUND_HALF_EVEN,
  "half-down": DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceil: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
};

/** Zero has no sign here: decimal.js may print "-0", kaohe prints "0". */
const norm = (text: string) => text.replace(/^-(0(\.0+)?)$/, "$1");

/** Decimal strings from short (the common case) to longer than 2^53 allows. */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 18 }))
  .map(([neg, digits, places]) => {
    const s = digits.toString().padStart(places + 1, "0");
    const text = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
    return neg && digits !== 0n ? `-${text}` : text;
  });

describe("compact decimals agree with decimal.js", () => {
  test.prop([decimalText, decimalText])("plus, minus, times, cmp", (a, b) => {
    const [x, y, rx, ry] = [dec(a), dec(b), new Ref(a), new Ref(b)];
    expect(x.plus(y).toFixed()).toBe(norm(rx.plus(ry).toFixed()));
    expect(x.minus(y).toFixed()).toBe(norm(rx.minus(ry).toFixed()));
    expect(x.times(y).toFixed()).toBe(norm(rx.times(ry).toFixed()));
    expect(x.cmp(y)).toBe(rx.cmp(ry));
  });
  test.prop([decimalText, decimalText.filter((t) => Number(t) !== 0)])("div", (a, b) => {
    expect(dec(a).div(dec(b)).toFixed()).toBe(norm(new Ref(a).div(new Ref(b)).toFixed()));
  });
  test.prop([decimalText, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...ROUNDING_MODES)])("rounding", (a, places, mode) => {
    expect(dec(a).toDecimalPlaces(places, mode).toFixed()).toBe(norm(new Ref(a).toDecimalPlaces(places, REF_MODE[mode]).toFixed()));
    expect(dec(a).toFixed(places)).toBe(norm(new Ref(a).toFixed(places)));
  });
});

/** A quotient of two decimals: usually a non-terminating fraction (the exact form). */
const nonZero = decimalText.filter((t) => Number(t) !== 0);
const quotient = fc.tuple(decimalText, nonZero);
/** An exact rational n/d (d > 0, lowest terms): the reference of the fraction form. */
type Q = { readonly n: bigint; readonly d: bigint };
const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function ratio(n: bigint, d: bigint): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(abs(n), d) || 1n;
  return { n: n / g, d: d / g };
}
/** A decimal text as an exact rational. */
function rational(text: string): Q {
  const negative = text.startsWith("-");
  const [int, frac = ""] = text.replace(/^[+-]/, "").split(".");
  return ratio((negative ? -1n : 1n) * BigInt(`${int}${frac}` || "0"), 10n ** BigInt(frac.length));
}
const add = (a: Q, b: Q) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => ratio(a.n * b.n, a.d * b.d);
const quo = (a: Q, b: Q) => ratio(a.n * b.d, a.d * b.n);
const cmpQ = (a: Q, b: Q) => Math.sign(Number(a.n * b.d - b.n * a.d));
const isZeroQ = (a: Q) => a.n === 0n;

/**
 * How kaohe prints a value with no places: a terminating value exactly (its denominator
 * is 2^a·5^b), a non-terminating one rounded half-up to 40 significant digits. The
 * terminating value has well under 200 digits here, so the 200-digit division is exact.
 */
function display(x: Q): string {
  let d = x.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  const w = new Wide(x.n.toString()).div(x.d.toString());
  return norm((d === 1n ? w : w.toSignificantDigits(40, DecimalJs.ROUND_HALF_UP)).toFixed());
}

describe("exact fractions agree with exact rationals (decimal.js prints them)", () => {
  test.prop([quotient, quotient])("plus, minus, times, div, cmp of two quotients", ([a, b], [c, d]) => {
    const [x, y] = [dec(a).div(dec(b)), dec(c).div(dec(d))];
    const [qx, qy] = [quo(rational(a), rational(b)), quo(rational(c), rational(d))];
    expect(x.plus(y).toFixed()).toBe(display(add(qx, qy)));
    expect(x.minus(y).toFixed()).toBe(display(sub(qx, qy)));
    expect(x.times(y).toFixed()).toBe(display(mul(qx, qy)));
    if (!y.isZero()) expect(x.div(y).toFixed()).toBe(display(quo(qx, qy)));
    expect(x.cmp(y)).toBe(cmpQ(qx, qy));
    expect(isZeroQ(qy)).toBe(y.isZero());
  });
  // Once failed with the 200-digit reference: 46817499074513657049/4 × 21674216479523143445/18 terminates (…/8).
  test("a product of a terminating and a non-terminating quotient that terminates prints exactly", () => {
    const x = dec("46817499074513657049").div(4).times(dec("21674216479523143445").div(18));
    expect(x.toFixed()).toBe("14093508471817825309362718009988366580.625");
    expect(display(mul(quo(rational("46817499074513657049"), rational("4")), quo(rational("21674216479523143445"), rational("18"))))).toBe(x.toFixed());
  });
  test.prop([quotient, decimalText])("against a decimal", ([a, b], c) => {
    const [x, y] = [dec(a).div(dec(b)), dec(c)];
    const [qx, qy] = [quo(rational(a), rational(b)), rational(c)];
    expect(x.plus(y).toFixed()).toBe(display(add(qx, qy)));
    expect(x.times(y).toFixed()).toBe(display(mul(qx, qy)));
    expect(x.cmp(y)).toBe(cmpQ(qx, qy));
    expect(y.cmp(x)).toBe(cmpQ(qy, qx));
  });
  test.prop([quotient, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...ROUNDING_MODES)])("rounding to places", ([a, b], places, mode) => {
    const x = dec(a).div(dec(b));
    const w = new Wide(a).div(b);
    expect(x.toDecimalPlaces(places, mode).toFixed()).toBe(norm(w.toDecimalPlaces(places, REF_MODE[mode]).toFixed()));
    expect(x.toFixed(places)).toBe(norm(w.toFixed(places, DecimalJs.ROUND_HALF_UP)));
  });
  test.prop([quotient, quotient])("exact: (a/b)·b = a, x + y − y = x, three thirds are one", ([a, b], [c, d]) => {
    const x = dec(a).div(dec(b));
    const y = dec(c).div(dec(d));
    expect(x.times(dec(b)).eq(dec(a))).toBe(true);
    expect(x.plus(y).minus(y).eq(x)).toBe(true);
    expect(x.div(3).plus(x.div(3)).plus(x.div(3)).eq(x)).toBe(true);
  });
});

/** A JS number with k decimals as data gives it: m / 10^k, or m × 0.1^k (a different double at times). */
const fewDecimalNumber = fc
  .tuple(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 20 }), fc.boolean())
  .map(([m, k, divide]) => (divide ? m / 10 ** k : m * 0.1 ** k));

describe("a JS number reads as its shortest round-trip string", () => {
  test.prop([fc.oneof(fewDecimalNumber, fc.double({ noNaN: true, noDefaultInfinity: true }))], { numRuns: 2000 })("fewDecimals and dec agree with String(x)", (x) => {
    // decimal.js reads a number through its shortest round-trip string too; printed in full.
    const expected = norm(new Wide(String(x)).toFixed());
    expect(dec(x).toFixed()).toBe(expected);
    const fast = fewDecimals(x);
    if (fast !== undefined) expect(fast.toFixed()).toBe(expected);
  });
});
