/**
 * ByteWriter (io/byte-writer.ts): the UTF-8 bytes of the streamed documents. Each
 * method is checked against what the string writers it replaced produced: Dec.toFixed
 * for `fixed`, JSON.stringify for `quoted`, Buffer's UTF-8 for `text`.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ByteWriter, encodeText } from "../../src/io/byte-writer.js";
import { Dec } from "../../src/decimal/decimal.js";

/** Everything written by `fill`, as text, and the chunks as handed on. */
function written(fill: (w: ByteWriter) => void, size?: number): { text: string; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  const w = new ByteWriter((c) => chunks.push(c), size);
  fill(w);
  w.flush();
  return { text: Buffer.concat(chunks).toString("utf8"), chunks };
}

describe("fixed: a scaled integer in fixed notation", () => {
  test.each([
    [9671, 2, "96.71"],
    [10000, 2, "100.00"],
    [5, 2, "0.05"],
    [-5, 2, "-0.05"],
    [0, 2, "0.00"],
    [-0, 2, "0.00"],
    [7, 0, "7"],
    [1234567, 0, "1234567"],
    [45, 1, "4.5"],
    [1, 4, "0.0001"],
    // The last int32 and the first past it (the other path).
    [2147483647, 2, "21474836.47"],
    [2147483648, 2, "21474836.48"],
    [-2147483648, 2, "-21474836.48"],
    [Number.MAX_SAFE_INTEGER, 3, "9007199254740.991"],
  ])("%d at %d places → %s", (scaled, places, text) => {
    expect(written((w) => w.fixed(scaled, places)).text).toBe(text);
  });

  test("the text of Dec.toFixed(places) for the same value (random safe integers and places)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.maxSafeInteger(), fc.maxSafeNat().map((x) => -x)), fc.integer({ min: 0, max: 6 }), (scaled, places) => {
        expect(written((w) => w.fixed(scaled, places)).text).toBe(Dec.of(scaled, places).toFixed(places));
      }),
    );
  });

  test("whole: ranks", () => {
    expect(written((w) => [0, 9, 10, 123456].forEach((n, i) => (i ? (w.byte(0x2c), w.whole(n)) : w.whole(n)))).text).toBe("0,9,10,123456");
  });
});

describe("quoted: a JSON string", () => {
  const cases = ["U0001", "", 'a"b', "a\\b", "tab\there", "line\nbreak", "\u0000", "\u001f", "\u007f", "第9组", "A😀B", "\ud800", "x\udfffy", "a".repeat(64), `${"a".repeat(64)}"`, "é".repeat(70)];
  test.each(cases)("%j as JSON.stringify writes it", (s) => {
    expect(written((w) => w.quoted(s)).text).toBe(JSON.stringify(s));
  });

  test("any string (full Unicode, lone surrogates) as JSON.stringify writes it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 90 }), (s) => {
        expect(written((w) => w.quoted(s)).text).toBe(JSON.stringify(s));
      }),
    );
  });

  /** The bytes written, whole. */
  const bytesOf = (fill: (w: ByteWriter) => void, size?: number) => Buffer.concat(written(fill, size).chunks);

  test("byte for byte the UTF-8 of JSON.stringify: 1-, 2-, 3- and 4-byte characters, the surrogates' edges, a lone one at the end", () => {
    const edges = ["\u007f\u0080", "\u07ff\u0800", "\ud7ff\ue000\uffff", "\ud800\udc00", "\udbff\udfff", "党员1434", "a\ud83d", "\udc00a", "\udc00\udc00", "\udfff\ud800\udc00", "第373党支部".repeat(600), "x".repeat(5000)];
    for (const s of edges) expect(bytesOf((w) => w.quoted(s))).toEqual(Buffer.from(JSON.stringify(s), "utf8"));
  });

  test("byte for byte on any string, in small chunks too (a string that must start a new chunk)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 8 }), fc.constantFrom(16, 64, 1 << 20), (list, size) => {
        expect(bytesOf((w) => list.forEach((s) => w.quoted(s)), size)).toEqual(Buffer.from(list.map((s) => JSON.stringify(s)).join(""), "utf8"));
      }),
    );
  });
});

describe("text, bytes and chunks", () => {
  test("ASCII, Chinese at the start, middle and end, short and long pieces: their UTF-8", () => {
    const pieces = ["abc", "党建考核", "x党", "党x", "a".repeat(64), `${"a".repeat(64)}党`, "第".repeat(200), ""];
    const { text } = written((w) => pieces.forEach((p) => w.text(p)));
    expect(text).toBe(pieces.join(""));
  });

  test("bytes encoded once, short (a loop) and long (a copy)", () => {
    const short = encodeText(',"rank": ');
    const long = encodeText(`,\n          "excluded": false,\n          "adjustments": []`);
    expect(written((w) => (w.bytes(short), w.bytes(long), w.bytes(short))).text).toBe(`,"rank": ,\n          "excluded": false,\n          "adjustments": [],"rank": `);
  });

  test("a chunk is handed on when the next piece does not fit, never splitting a character; flush hands on the rest once", () => {
    // size 8: the 6 bytes of "abcdef" fit; "党建" needs up to 6 more (3 per UTF-16 unit reserved), so "abcdef" goes first.
    const { chunks, text } = written((w) => {
      w.bytes(encodeText("abcdef"));
      w.text("党建");
      w.flush();
      w.flush();
    }, 8);
    expect(chunks.map((c) => Buffer.from(c).toString("utf8"))).toEqual(["abcdef", "党建"]);
    expect(text).toBe("abcdef党建");
  });

  test("a piece longer than a chunk goes out as its own chunk, after what came before", () => {
    const long = "党".repeat(20);
    const { chunks } = written((w) => (w.text("ab"), w.text(long), w.text("cd")), 16);
    expect(chunks.map((c) => Buffer.from(c).toString("utf8"))).toEqual(["ab", long, "cd"]);
  });

  test("a chunk handed on is not written to again: the receiver may keep it", () => {
    const kept: Uint8Array[] = [];
    const w = new ByteWriter((c) => kept.push(c), 4);
    w.text("abcd");
    w.text("efgh");
    w.text("ijkl");
    w.flush();
    expect(kept.map((c) => Buffer.from(c).toString("latin1"))).toEqual(["abcd", "efgh", "ijkl"]);
  });

  test("nothing written: no chunk", () => {
    expect(written(() => undefined).chunks).toEqual([]);
  });
});
