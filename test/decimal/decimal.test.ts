import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { Dec, dec, fewDecimals, format, parseDecimal, ROUNDING_MODES, round } from "../../src/decimal/decimal.js";

const f = (x: string | number) => dec(x);

describe("exact decimal arithmetic", () => {
  test.each([
    ["0.1", "0.2", "0.3"],
    ["84.5", "-0.05", "84.45"],
    ["9007199254740991", "1", "9007199254740992"], // past 2^53: decimal.js path
    ["0.123456789012345", "0.000000000000001", "0.123456789012346"],
    ["1e3".replace("1e3", "1000"), "0.001", "1000.001"],
  ])("%s + %s = %s", (a, b, expected) => {
    expect(f(a).plus(f(b)).toFixed()).toBe(expected);
  });
  test.each([
    ["0.1", "90", "9"],
    ["0.7", "85", "59.5"],
    ["0.2", "80", "16"],
    ["123456789", "987654321", "121932631112635269"],
    ["0.0000001", "0.0000001", "0.00000000000001"],
    ["0.00000001", "0.00000001", "0.0000000000000001"],
  ])("%s × %s = %s", (a, b, expected) => {
    expect(f(a).times(f(b)).toFixed()).toBe(expected);
  });
  test.each([
    ["1", "4", "0.25"],
    ["350", "4", "87.5"],
    ["1", "3", "0.3333333333333333333333333333333333333333"],
    ["2", "3", "0.6666666666666666666666666666666666666667"],
    ["10", "0.5", "20"],
    ["7", "-8", "-0.875"],
  ])("%s ÷ %s = %s", (a, b, expected) => {
    expect(f(a).div(f(b)).toFixed()).toBe(expected);
  });
  test("0.1 × 90 + 0.7 × 85 + 0.2 × 80 is exactly 84.5", () => {
    expect(f("0.1").times(90).plus(f("0.7").times(85)).plus(f("0.2").times(80)).toFixed()).toBe("84.5");
  });
  test("a third is exact: three thirds are exactly 1, and comparisons are exact", () => {
    const third = f(1).div(3);
    expect(third.toFixed()).toBe("0.3333333333333333333333333333333333333333"); // display: 40 significant digits
    expect(third.plus(third).plus(third).toFixed()).toBe("1"); // not 0.9999999999999999999999999999999999999999
    expect(third.times(3).eq(1)).toBe(true);
    expect(third.lt(f("0.3333333333333333333333333333333333333334"))).toBe(true);
    expect(third.gt(f("0.3333333333333333333333333333333333333333"))).toBe(true); // the display form is below the value
    expect(f("89.995").gt(f("89.99499999999999999"))).toBe(true);
  });
  test("a non-terminating mean rounds exactly: (90 + 85 + 81) / 3 = 256/3", () => {
    const mean = f(90).plus(85).plus(81).div(3);
    expect(mean.toFixed()).toBe("85.33333333333333333333333333333333333333");
    expect(mean.toFixed(2)).toBe("85.33");
    expect(round(mean, 2, "up").toFixed()).toBe("85.34");
    expect(round(mean.negated(), 2, "floor").toFixed()).toBe("-85.34");
    expect(mean.decimalPlaces()).toBe(Number.POSITIVE_INFINITY);
    expect(mean.isInteger()).toBe(false);
    // 3:6:3:3 weights: (3×90 + 6×85 + 3×81 + 3×70) / 15 = 1233/15 = 82.2 (terminates: back to the short form)
    expect(f(90).times(3).plus(f(85).times(6)).plus(f(81).times(3)).plus(f(70).times(3)).div(15).toFixed()).toBe("82.2");
  });
  test("2/3 rounds half-up to 0.67 and 1/6 to 0.17, -1/6 to -0.17; 5/11 to 0 places is 0", () => {
    expect(f(2).div(3).toFixed(2)).toBe("0.67");
    expect(f(1).div(6).toFixed(2)).toBe("0.17");
    expect(f(-1).div(6).toFixed(2)).toBe("-0.17");
    expect(f(5).div(11).toFixed(0)).toBe("0");
    expect(f(5).div(11).floor().toFixed()).toBe("0");
  });
  test("division by zero is a bug of the caller", () => {
    expect(() => f(1).div(0)).toThrow(/division by zero/);
    expect(() => f(1).div(3).div(0)).toThrow(/division by zero/);
  });
});

describe("rounding", () => {
  const cases: [string, number, Record<string, string>][] = [
    ["84.245", 2, { "half-up": "84.25", "half-even": "84.24", "half-down": "84.24", up: "84.25", down: "84.24", ceil: "84.25", floor: "84.24" }],
    ["-84.245", 2, { "half-up": "-84.25", "half-even": "-84.24", "half-down": "-84.24", up: "-84.25", down: "-84.24", ceil: "-84.24", floor: "-84.25" }],
    ["84.235", 2, { "half-up": "84.24", "half-even": "84.24", "half-down": "84.23", up: "84.24", down: "84.23", ceil: "84.24", floor: "84.23" }],
    ["0.5", 0, { "half-up": "1", "half-even": "0", "half-down": "0", up: "1", down: "0", ceil: "1", floor: "0" }],
    ["89.999", 2, { "half-up": "90", "half-even": "90", "half-down": "90", up: "90", down: "89.99", ceil: "90", floor: "89.99" }],
  ];
  test.each(cases.flatMap(([v, p, byMode]) => ROUNDING_MODES.map((m) => [v, p, m, byMode[m]!] as const)))("%s to %i places %s → %s", (v, p, mode, expected) => {
    expect(round(f(v), p, mode).toFixed()).toBe(expected);
  });
  test("format pads to the declared places and never prints -0", () => {
    expect(format(f("84.5"), 2)).toBe("84.50");
    expect(format(f(0), 2)).toBe("0.00");
    expect(format(f("-0.001"), 2)).toBe("0.00");
    expect(format(f("100"))).toBe("100");
  });
});

describe("parsing", () => {
  test.each([
    [0.1, "0.1"],
    ["96.85%", "0.9685"],
    [" 7 ", "7"],
    ["-0.50", "-0.5"],
    [1e21, "1000000000000000000000"],
    ["0.12345678901234567891", "0.12345678901234567891"],
  ])("%s → %s", (input, expected) => {
    expect(parseDecimal(input)?.toFixed()).toBe(expected);
  });
  test.each([["abc"], ["1e3"], [""], [Number.NaN], [Number.POSITIVE_INFINITY], ["0x10"], [null], [true]])("%s is not a decimal", (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });
});

describe("a JS number with few decimals is read without its string (fewDecimals)", () => {
  test.each([
    [84.5, "84.5"], // 845 / 10 === 84.5 at k = 1
    [0.947, "0.947"], // 947 / 1000 at k = 3
    [-0.05, "-0.05"],
    [1e-7, "0.0000001"], // String(x) is "1e-7"; 1 / 10^7 at k = 7
    [12345678901234.5, "12345678901234.5"], // m = 123456789012345: 15 digits, just inside
    [0.100000000000001, "0.100000000000001"], // m = 100000000000001 at k = 15, the last scale tried
  ])("%s → %s, as parseDecimal reads String(x)", (x, expected) => {
    expect(fewDecimals(x)?.toFixed()).toBe(expected);
    expect(parseDecimal(x)?.toFixed()).toBe(expected);
  });
  test.each([
    [0.1 + 0.2, "0.30000000000000004"], // 17 significant digits: no m below 10^15 gives it
    [123456789012345.6, "123456789012345.6"], // m = 1234567890123456 is 16 digits: past the bound
    [1e-16, "0.0000000000000001"], // needs 16 decimals
  ])("%s is left to String(x) (%s)", (x, expected) => {
    expect(fewDecimals(x)).toBeUndefined();
    expect(parseDecimal(x)?.toFixed()).toBe(expected);
  });
});

test("a terminating value longer than 40 significant digits prints exactly (found by the property test, seed 652687166)", () => {
  // 11000020163894178220 / 0.0000000000000011 = 10000018330812889290909090909090909.0909… (35 integer digits);
  // rounded half-up to 6 places it is …909.090909: 41 significant digits, all of them printed.
  const x = dec("11000020163894178220").div(dec("0.0000000000000011"));
  expect(x.toDecimalPlaces(6, "half-up").toFixed()).toBe("10000018330812889290909090909090909.090909");
  expect(x.toFixed(6)).toBe("10000018330812889290909090909090909.090909");
});

describe("orderKey: a number that never orders two values wrongly", () => {
  const compact = fc.tuple(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 20 })).map(([m, e]) => Dec.of(m, e));
  prop.prop([compact, compact], { numRuns: 5000 })("where two keys differ, they order as cmp does", (a, b) => {
    const x = a.orderKey();
    const y = b.orderKey();
    if (x !== y) expect(x < y ? -1 : 1).toBe(a.cmp(b));
  });

  test("values a double cannot tell apart have one key (cmp must decide); a fraction has NaN", () => {
    const a = Dec.of(9007199254739992, 15);
    const b = Dec.of(9007199254739993, 15);
    expect(a.orderKey()).toBe(b.orderKey());
    expect(a.cmp(b)).toBe(-1);
    expect(dec(1).div(3).orderKey()).toBeNaN();
    expect(dec("84.5").orderKey()).toBe(84.5);
  });
});
