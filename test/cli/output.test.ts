/**
 * The table layout (src/cli/output.ts `table`) and the English CSV (src/io/score-csv.ts)
 * at batch sizes: display widths with CJK text, a table of more rows than one call can
 * take as arguments, and a CSV without item columns that never computes a trail.
 */
import { describe, expect, test } from "vitest";
import { table } from "../../src/cli/output.js";
import { scoreCsvText } from "../../src/io/score-csv.js";
import { assess, loadRubric } from "../../src/index.js";
import type { RubricResult } from "../../src/report/result.js";
import { smallRubric } from "./harness.js";
import { loadRubricSet } from "../../src/index.js";
import { findScheme, readData, readRubricTexts } from "../../src/cli/load.js";
import { bundledSchemes, schemeName } from "../equivalence/corpus.js";
import { rubricYaml as gansuYaml, subjects as gansuSubjects } from "../../bench/gansu-shape.js";

describe("table", () => {
  test("columns padded to the widest cell, a CJK character two columns wide, the last column not padded", () => {
    const text = table(["编号", "group", "score"], [["U1", "第一支部", "95.5"], ["U22", "ab", "8"]], new Set([2]));
    // Widths: 编号 4 (U22 is 3); 第一支部 8; the last column as it is.
    expect(text.split("\n")).toEqual(["编号  group     score", "----  --------  -----", "U1    第一支部  95.5", "U22   ab        8"]);
  });

  test("200,000 rows (more than Math.max can take as arguments): laid out, the widest cell anywhere sets the width", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`U${i}`, i === 199_999 ? "党建工作责任制" : "x"]);
    const lines = table(["id", "name"], rows).split("\n");
    expect(lines).toHaveLength(200_002);
    // U199999 is 7 wide: every id cell is padded to 7, then two spaces.
    expect(lines[2]).toBe("U0       x");
    expect(lines[200_001]).toBe("U199999  党建工作责任制");
  });
});

describe("scoreCsvText", () => {
  const rubric = loadRubric(smallRubric());
  const rows = [
    { id: "a", a: 40, b: 45 },
    { id: "b", a: 30, b: 20 },
  ];

  test("without item columns, no unit's trail is read", () => {
    const result = assess(rubric, rows, { trail: "points" }).results[0]!;
    let reads = 0;
    const units = result.units.map((u) => {
      const copy = { ...u };
      Object.defineProperty(copy, "nodes", { enumerable: true, get: () => (reads++, u.nodes) });
      return copy;
    });
    const counted = { ...result, units } as RubricResult;
    const text = scoreCsvText([{ rubric, result: counted }], { items: false });
    expect(reads).toBe(0);
    expect(text.split("\r\n")[1]).toBe("small,1,a,,85,good,好,good,,");
    const withItems = scoreCsvText([{ rubric, result: counted }], { items: true });
    expect(reads).toBe(2);
    // The item columns: a then b, each item's points (40 and 45).
    expect(withItems.split("\r\n")[1]!.endsWith(",40,45")).toBe(true);
  });
});

describe("scoreCsvText --items: item points from the score columns equal the trails'", { timeout: 60_000 }, () => {
  test.each(bundledSchemes().map((f) => [schemeName(f), f]))("%s", (_name, folder) => {
    const scheme = findScheme([folder]);
    const set = loadRubricSet(readRubricTexts(scheme.rubricFiles));
    const { rows } = readData(scheme.exampleData!, () => Buffer.alloc(0));
    const entries = (read: boolean) =>
      assess(set, rows, { trail: "points" }).results.map((result, i) => {
        if (read) void result.units; // read first: the items come from each unit's trail
        return { rubric: set.rubrics[i]!, result };
      });
    expect(scoreCsvText(entries(false), { items: true })).toBe(scoreCsvText(entries(true), { items: true }));
  });

  test("a generated 71-item batch across two blocks (2,500 subjects)", () => {
    const rubric = loadRubric(gansuYaml());
    const data = [...gansuSubjects(2500)];
    const entry = (read: boolean) => {
      const result = assess(rubric, data, { trail: "points" }).results[0]!;
      if (read) void result.units;
      return [{ rubric, result }];
    };
    const text = scoreCsvText(entry(false), { items: true });
    expect(text.split("\r\n")).toHaveLength(2502); // header, 2,500 rows, the final line break
    expect(text).toBe(scoreCsvText(entry(true), { items: true }));
  });
});
