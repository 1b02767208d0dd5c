/**
 * One message table per locale, keyed by the stable codes: every IssueCode (read from
 * the union in issue.ts, as meta.test.ts does) has a template in English and in
 * Chinese, and so does every sub-key (reason, expects) the sources use.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BAD_FACT_EN, CONSTRAINT_EN, MESSAGES_EN, OPERAND_EN, RANGE_EN } from "../../src/diagnostics/messages.js";
import {
  BAD_FACT_ZH,
  CONSTRAINT_ZH,
  EXPECTATION_ZH,
  MESSAGES_ZH,
  OPERAND_ZH,
  OUT_OF_RANGE_ZH,
  RANGE_ZH,
  SHAPE_ZH,
  VALUE_ZH,
} from "../../src/diagnostics/messages.zh-CN.js";
import { renderMessage } from "../../src/diagnostics/render.js";
import { EXPECTATIONS } from "../../src/schema/expectations.js";
import type { IssueCode } from "../../src/diagnostics/issue.js";

const src = new URL("../../src/", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
const sources = files(src).map((f) => readFileSync(f, "utf8")).join("\n");
const found = (pattern: RegExp) => [...new Set([...sources.matchAll(pattern)].map((m) => m[1]!))].sort();

const issueSource = readFileSync(join(src, "diagnostics/issue.ts"), "utf8");
const union = issueSource.slice(issueSource.indexOf("export type IssueCode"), issueSource.indexOf(";", issueSource.indexOf("export type IssueCode")));
const CODES = [...union.matchAll(/"([A-Z_0-9]+)"/g)].map((m) => m[1]!) as IssueCode[];
const CJK = /[\u4e00-\u9fff]/;

describe("one table per locale, keyed by the codes", () => {
  test("every IssueCode has an English and a Chinese message, and the tables hold nothing else", () => {
    expect(CODES.length).toBeGreaterThan(70);
    expect(CODES.filter((c) => typeof MESSAGES_EN[c] !== "function")).toEqual([]);
    expect(CODES.filter((c) => typeof MESSAGES_ZH[c] !== "function")).toEqual([]);
    expect(Object.keys(MESSAGES_EN).sort()).toEqual([...CODES].sort());
    expect(Object.keys(MESSAGES_ZH).sort()).toEqual([...CODES].sort());
  });

  test("every Chinese message renders in Chinese, even from empty params, and never throws", () => {
    for (const code of CODES) {
      const zh = renderMessage(code, {}, "zh-CN");
      expect(zh, code).toMatch(CJK);
      // renderMessage answers the bare code only when a template throws.
      expect(renderMessage(code, {}, "en"), code).not.toBe(code);
      expect(zh, code).not.toBe(code);
    }
  });

  test("the sub-tables hold the same keys in both locales", () => {
    expect(Object.keys(CONSTRAINT_ZH).sort()).toEqual(Object.keys(CONSTRAINT_EN).sort());
    expect(Object.keys(RANGE_ZH).sort()).toEqual(Object.keys(RANGE_EN).sort());
    expect(Object.keys(BAD_FACT_ZH).sort()).toEqual(Object.keys(BAD_FACT_EN).sort());
    expect(Object.keys(OPERAND_ZH).sort()).toEqual(Object.keys(OPERAND_EN).sort());
    expect(Object.keys(EXPECTATIONS).filter((k) => !(k in EXPECTATION_ZH))).toEqual([]);
  });

  test("every reason the sources give SCHEMA_CONSTRAINT, RANGE_INVALID and REF_BAD_FACT has its templates", () => {
    const constraints = [...found(/"SCHEMA_CONSTRAINT", \{ reason: "([a-z-]+)"/g), ...found(/params: \{ reason: "([a-z-]+)"/g)];
    expect(constraints.length).toBeGreaterThan(25);
    expect(constraints.filter((r) => !(r in CONSTRAINT_EN) || !(r in CONSTRAINT_ZH))).toEqual([]);
    const ranges = found(/"RANGE_INVALID", \{ reason: "([a-z-]+)"/g);
    expect(ranges.length).toBeGreaterThan(25);
    expect(ranges.filter((r) => !(r in RANGE_EN) || !(r in RANGE_ZH))).toEqual([]);
    const facts = found(/bad\("([a-z-]+)"/g);
    expect(facts.filter((r) => !(r in BAD_FACT_EN) || !(r in BAD_FACT_ZH))).toEqual([]);
    const operands = found(/mismatch\(ctx, op, fact, "([a-z-]+)"/g);
    expect(operands.length).toBe(10);
    expect(operands.filter((r) => !(r in OPERAND_EN) || !(r in OPERAND_ZH))).toEqual([]);
  });

  test("every expects key of the data boundary has a Chinese template", () => {
    const keys = found(/expects: "([a-z-]+)"/g);
    const known = new Set([...Object.keys(SHAPE_ZH), ...Object.keys(VALUE_ZH), ...Object.keys(OUT_OF_RANGE_ZH), "input", "issued"]);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !known.has(k))).toEqual([]);
  });

  test("a sub-key says its case in each locale: Chinese for zh-CN, the former English text for en", () => {
    // 30 > 25: the data value and the bounds are params, the words are the table's.
    const range = { field: "思想建设得分", expected: "between 0 and 25", expects: "range", min: "0", max: "25", received: 30 };
    expect(renderMessage("DATA_OUT_OF_RANGE", range, "en")).toBe('"思想建设得分" must be between 0 and 25, got 30');
    expect(renderMessage("DATA_OUT_OF_RANGE", range, "zh-CN")).toBe("应在 0 到 25 之间，实际为 30");
    const floor = { reason: "floor-above-cap", floor: "5", cap: "3" };
    expect(renderMessage("RANGE_INVALID", floor, "en")).toBe("floor 5 is above cap 3");
    expect(renderMessage("RANGE_INVALID", floor, "zh-CN")).toBe("下限 floor 5 高于上限 cap 3");
    const tier = { reason: "tier-when-last" };
    expect(renderMessage("SCHEMA_CONSTRAINT", tier, "en")).toBe("only the last tier may omit when (it takes every remaining subject)");
    expect(renderMessage("SCHEMA_CONSTRAINT", tier, "zh-CN")).toBe("只有最后一个类别可以省略 when（它接收其余所有单位）");
    // An unknown reason (a caller's own params) falls back to its text, never throws.
    expect(renderMessage("SCHEMA_CONSTRAINT", { reason: "mine", text: "my words" }, "zh-CN")).toBe("不符合方案语言的规定：my words");
  });
});
