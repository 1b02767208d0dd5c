/**
 * The compact decimal form agrees with decimal.js itself on every operation; the exact
 * fraction form (a quotient that does not terminate) agrees with decimal.js carried to
 * 200 significant digits, and undoing an operation gives back exactly what went in.
 */
import { fc, test } from "@fast-check/vitest";
import DecimalJs from "decimal.js";
import { describe, expect } from "vitest";
import { dec, ROUNDING_MODES, type RoundingMode } from "../../src/decimal/decimal.js";

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
/** The exact value p/q (200 digits) rounded to the 40 significant digits of the display form. */
/**
 * How kaohe prints a value with no places: a terminating value exactly, a non-terminating
 * one rounded half-up to 40 significant digits. At 200 digits a terminating result of
 * these operands (at most 20 digits each) has well under 150 significant digits, and a
 * non-terminating one fills (nearly) all 200.
 */
const display = (w: InstanceType<typeof Wide>) =>
  norm((w.sd() <= 150 ? w : w.toSignificantDigits(40, DecimalJs.ROUND_HALF_UP)).toFixed());

describe("exact fractions agree with decimal.js at 200 digits", () => {
  test.prop([quotient, quotient])("plus, minus, times, div, cmp of two quotients", ([a, b], [c, d]) => {
    const [x, y] = [dec(a).div(dec(b)), dec(c).div(dec(d))];
    const [wx, wy] = [new Wide(a).div(b), new Wide(c).div(d)];
    expect(x.plus(y).toFixed()).toBe(display(wx.plus(wy)));
    expect(x.minus(y).toFixed()).toBe(display(wx.minus(wy)));
    expect(x.times(y).toFixed()).toBe(display(wx.times(wy)));
    if (!y.isZero()) expect(x.div(y).toFixed()).toBe(display(wx.div(wy)));
    expect(x.cmp(y)).toBe(wx.cmp(wy));
  });
  test.prop([quotient, decimalText])("against a decimal", ([a, b], c) => {
    const [x, y] = [dec(a).div(dec(b)), dec(c)];
    const [wx, wy] = [new Wide(a).div(b), new Wide(c)];
    expect(x.plus(y).toFixed()).toBe(display(wx.plus(wy)));
    expect(x.times(y).toFixed()).toBe(display(wx.times(wy)));
    expect(x.cmp(y)).toBe(wx.cmp(wy));
    expect(y.cmp(x)).toBe(wy.cmp(wx));
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
