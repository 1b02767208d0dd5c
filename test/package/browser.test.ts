/**
 * The library runs in a browser: it imports nothing from node: (only the CLI does).
 * The built ESM entry (npm test builds it first) is bundled with esbuild for the
 * browser, with no externals, and the bundle runs in a fresh V8 context that has
 * only the language's own globals plus TextEncoder/TextDecoder, as a browser has:
 * no process, Buffer, require or node: module.
 */
import { runInContext, createContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

const RUBRIC = `kaohe: 1
id: browser
name: 浏览器
year: 2024
version: "1"
grades:
  - { id: A, label: 好, min: 80 }
  - { id: B, label: 较好 }
scoring:
  combine: weighted
  max: 100
  children:
    - { id: a, kind: input, max: 100, weight: 30% }
    - { id: b, kind: input, max: 100, weight: 70% }
`;

let bundle: { text: string; inputs: string[]; errors: number; warnings: string[] };

beforeAll(async () => {
  const r = await build({
    entryPoints: [`${root}dist/index.js`],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "kaohe",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundle = { text: r.outputFiles[0]!.text, inputs: Object.keys(r.metafile.inputs), errors: r.errors.length, warnings: r.warnings.map((w) => w.text) };
}, 60_000);

describe("a browser bundle of kaohe", () => {
  test("builds for platform browser with no externals, no node: module and no warning", () => {
    expect(bundle.errors).toBe(0);
    expect(bundle.warnings).toEqual([]);
    expect(bundle.inputs.filter((i) => i.startsWith("node:") || /\bnode_modules\/(csv-parse|csv-stringify|iconv-lite|string-width|exceljs)\b/.test(i))).toEqual([]);
    expect(bundle.inputs.some((i) => i.includes("@noble/hashes"))).toBe(true);
    expect(bundle.text).not.toMatch(/\brequire\(["']node:/);
  });

  test("runs assess, draw and seedCommitment in a context without Node globals", () => {
    const context = createContext({ TextEncoder, TextDecoder });
    expect(runInContext("[typeof process, typeof Buffer, typeof require, typeof globalThis.setImmediate].join()", context)).toBe("undefined,undefined,undefined,undefined");
    runInContext(bundle.text, context);
    context.RUBRIC = RUBRIC;
    const out = runInContext(
      `(() => {
        const rubric = kaohe.loadRubric(RUBRIC);
        const [result] = kaohe.assess(rubric, [{ id: "u1", a: 90, b: 85 }, { id: "u2", a: "79.9", b: "80" }]).results;
        const picked = kaohe.draw([{ id: "p1" }, { id: "p2" }, { id: "p3" }], { count: 3, seed: "abc", key: (p) => p.id });
        return JSON.stringify({
          units: result.units.map((u) => [u.id, u.score, u.grade, u.rank]),
          commitment: kaohe.seedCommitment("abc"),
          seedSha256: picked.seedSha256,
          drawn: picked.selected.length,
        });
      })()`,
      context,
    );
    // u1: 0.3 × 90 + 0.7 × 85 = 27 + 59.5 = 86.5 ≥ 80 → A; u2: 0.3 × 79.9 + 0.7 × 80 = 23.97 + 56 = 79.97 < 80 → B.
    expect(JSON.parse(out)).toEqual({
      units: [
        ["u1", "86.5", "A", 1],
        ["u2", "79.97", "B", 2],
      ],
      commitment: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      seedSha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      drawn: 3,
    });
  });
});
