/**
 * draw hashes with @noble/hashes (pure JavaScript) instead of node:crypto, so the
 * library bundles for browsers. The digests, and so every selection, must be the
 * ones node:crypto gave: a published commitment and a published draw stay checkable.
 */
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readData } from "../../src/cli/load.js";
import { draw, seedCommitment } from "../../src/index.js";

const nodeSha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const rubrics = new URL("../../rubrics/", import.meta.url).pathname;
const rows = (folder: string) => readData(`${rubrics}${folder}/example.csv`, () => Buffer.alloc(0)).rows;

describe("seedCommitment (SHA-256 of the seed's UTF-8 text)", () => {
  test("the FIPS 180-2 test vectors", () => {
    expect(seedCommitment("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(seedCommitment("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(seedCommitment("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  test("equals node:crypto on Chinese, NUL, astral, lone surrogates and long text", () => {
    const texts = ["2024-01-15 述职会", "述职\u0000S001", "𠮷野家 🎲", "\ud800", "a\udc00b", "\r\n\t", "é".repeat(1000), "x".repeat(64), "x".repeat(55), "x".repeat(56)];
    // 300 more from a fixed linear congruential sequence over the BMP (surrogates included).
    let state = 12345;
    for (let i = 0; i < 300; i++) {
      let s = "";
      for (let j = 0; j < i % 40; j++) {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        s += String.fromCharCode(state % 0x10000);
      }
      texts.push(s);
    }
    for (const t of texts) expect(seedCommitment(t), JSON.stringify(t)).toBe(nodeSha256(t));
  });

  test("is draw's seedSha256", () => {
    expect(draw([{ id: "a" }], { count: 1, seed: "2024-01-15 述职会", key: (c) => c.id }).seedSha256).toBe(nodeSha256("2024-01-15 述职会"));
  });

  test("refuses a seed that is not text", () => {
    expect(() => seedCommitment(42 as unknown as string)).toThrow("seed must be a string, got number");
  });
});

describe("the selections recorded with node:crypto are unchanged", () => {
  // Recorded with `kaohe draw` before the switch from node:crypto to @noble/hashes.
  test("CHN Energy example, 5 of 90, seed 2024-01-15 述职会", () => {
    const r = draw(rows("chn-energy-2024"), { count: 5, seed: "2024-01-15 述职会", key: (c) => String(c.id) });
    expect(r.selected.map((c) => c.id)).toEqual(["S061", "S079", "S074", "S039", "S031"]);
  });

  test("Hanzhong example, 7 of 200 stratified by domain", () => {
    const r = draw(rows("hanzhong-2023"), { count: 7, seed: "2024-01-18 述职评议会 抽签", key: (c) => String(c.id), stratum: (c) => String(c.group) });
    expect(r.seedSha256).toBe("8bf09f13e6fb5ca9e074a665335a67f03e24b6f1647f3adbb4617e158997d720");
    expect(r.strata).toEqual([
      { name: "公立医院", size: 15, drawn: 0 },
      { name: "国有企业", size: 20, drawn: 1 },
      { name: "学校", size: 23, drawn: 1 },
      { name: "市直机关", size: 82, drawn: 3 },
      { name: "村社区", size: 60, drawn: 2 },
    ]);
    expect(r.selected.map((c) => c.id)).toEqual(["H109", "H162", "H142", "H044", "H003", "H115", "H194"]);
  });

  test("every candidate's place is the SHA-256 of seed NUL key, as node:crypto computed it", () => {
    const pool = rows("chn-energy-2024");
    const seed = "s";
    const expected = [...pool]
      .map((c) => ({ id: String(c.id), h: nodeSha256(`${seed}\u0000${String(c.id)}`) }))
      .sort((a, b) => (a.h < b.h ? -1 : 1))
      .map((x) => x.id);
    expect(draw(pool, { count: pool.length, seed, key: (c) => String(c.id) }).selected.map((c) => c.id)).toEqual(expected);
  });
});
