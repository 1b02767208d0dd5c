/**
 * The compact decimal form agrees with decimal.js itself on every operation.
 */
import { fc, test } from "@fast-check/vitest";
import DecimalJs from "decimal.js";
import { describe, expect } from "vitest";
import { dec, ROUNDING_MODES, type RoundingMode } from "../../src/engine/decimal.js";

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
