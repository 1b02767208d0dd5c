/**
 * Display widths (src/io/display-width.ts): the fast paths give string-width's answer.
 */
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { displayWidth, isSimpleWide, lineWidth } from "../../src/io/display-width.js";

describe("display widths", () => {
  test("every simple wide character is two columns for string-width too", () => {
    let count = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (!isSimpleWide(c)) continue;
      count++;
      expect([c, stringWidth(String.fromCharCode(c))]).toEqual([c, 2]);
    }
    // 4E00–9FFF, 3001–3003, 3008–3011, FF01–FF60.
    expect(count).toBe(0x5200 + 3 + 10 + 0x60);
  });

  test("by hand: ASCII, CJK, fullwidth and the fallback (a combining mark, an emoji, a tab)", () => {
    expect(lineWidth("U0001")).toBe(5);
    expect(lineWidth("第四支部（党建）")).toBe(16);
    expect(lineWidth("ab党")).toBe(4);
    expect(lineWidth("e\u0301")).toBe(1);
    expect(lineWidth("党😀")).toBe(4);
    expect(lineWidth("a\tb")).toBe(stringWidth("a\tb"));
    expect(displayWidth("短\n更长的一行")).toBe(10);
  });

  test("any text: the width string-width gives", () => {
    const pieces = fc.constantFrom("a", " ", "~", "党", "建", "、", "【", "】", "，", "｠", "〿", "・", "é", "e\u0301", "😀", "\u200b", "\t", "ｶ", "한");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")), (text) => {
        expect(lineWidth(text)).toBe(stringWidth(text));
      }),
    );
  });
});
