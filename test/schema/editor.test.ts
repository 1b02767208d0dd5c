/**
 * The committed JSON Schema in a real editor: yaml-language-server (the server behind
 * VS Code's YAML extension) started as a child process and spoken to over LSP (stdio).
 * Documents are opened from memory under rubrics/ (nothing is written); the server
 * reads schema/rubric.schema.json from disk, by the modeline the docs recommend and
 * by the `yaml.schemas` setting.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ITEM_KINDS } from "../../src/schema/rubric-schema.js";
import { startYamlServer, type YamlServer } from "./yaml-lsp.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
const SCHEMA = pathToFileURL(`${ROOT}/schema/rubric.schema.json`).href;

/** A rubric with the cursor places the tests use; line numbers are found by text. */
const RUBRIC = `# yaml-language-server: $schema=../../schema/rubric.schema.json
kaohe: 1
id: editor
name: 编辑器测试
year: 2024
version: "1"
inputs:
  late: { type: count }
  flag:
    type: 
grades:
  - { id: good, label: 好, min: 90 }
  - { id: poor, label: 差 }
rules:
  - id: r1
    kind: 
    when: input.bad
    reason: 违规
  - id: r2
    kind: downgrade
    when: { fact: input.late, gte: 3 }
    reason: 缺课
scoring:
  children:
    - id: fresh
      kind: 
    - id: meetings
      kind: deduct
      maks: 10
      deductions:
        - { id: missed, per: late, points: 0.5 }
    - id: kindless
      label: 没有写 kind
    - id: service
      children:
        - id: study
          kind: yesno
          max: 5
`;
const LINES = RUBRIC.split("\n");
/** 0-based line of the first line containing `text` (after line `from`). */
const lineOf = (text: string, from = 0) => {
  const i = LINES.findIndex((l, n) => n >= from && l.includes(text));
  if (i < 0) throw new Error(`no line with ${text}`);
  return i;
};
/** Position just after `text` on its line (a cursor at the end of `kind: `). */
const after = (text: string, from = 0) => ({ line: lineOf(text, from), character: LINES[lineOf(text, from)]!.indexOf(text) + text.length });
/** Position inside the key `key` on its line. */
const onKey = (key: string, from = 0) => ({ line: lineOf(`${key}:`, from), character: LINES[lineOf(`${key}:`, from)]!.indexOf(`${key}:`) + 1 });

describe("yaml-language-server with schema/rubric.schema.json", () => {
  let server: YamlServer;
  let uri: string;
  let diagnostics: { line: number; message: string }[];

  beforeAll(async () => {
    server = await startYamlServer(ROOT, { validate: true, hover: true, completion: true, schemas: { [SCHEMA]: ["**/*.by-setting.yaml"] } });
    // The schema is applied once a diagnostic comes from it: the misspelled key.
    const opened = await server.open("rubrics/editor-test/rubric.yaml", RUBRIC, (d) => d.some((x) => x.message.includes("maks")));
    uri = opened.uri;
    diagnostics = opened.diagnostics.map((d) => ({ line: d.line, message: d.message }));
  }, 30_000);

  afterAll(async () => {
    await server?.close();
  });

  test("completion at `kind: ` of an item offers every kind: group and the 15 item kinds", async () => {
    const at = after("kind: ", lineOf("id: fresh"));
    const labels = (await server.completion(uri, at.line, at.character)).map((c) => c.label);
    expect([...labels].sort()).toEqual(["group", ...ITEM_KINDS].sort());
    expect(labels).toHaveLength(16);
  });

  test("completion at a rule's `kind: ` offers the 4 rule kinds, at an input's `type: ` the 13 types", async () => {
    const rule = after("kind: ", lineOf("id: r1"));
    expect((await server.completion(uri, rule.line, rule.character)).map((c) => c.label).sort()).toEqual(["cap", "downgrade", "exclude", "veto"]);
    const input = after("type: ", lineOf("flag:"));
    expect((await server.completion(uri, input.line, input.character)).map((c) => c.label).sort()).toEqual(
      ["boolean", "choice", "count", "date", "grade", "number", "rank", "ratio", "records", "scores", "series", "text", "votes"].sort(),
    );
  });

  test("a completed kind offers its own keys: a deduct item offers base, floor, zeroIf, not children", async () => {
    // A new line in the deduct item, indented as its keys.
    const text = RUBRIC.replace("      maks: 10\n", "      maks: 10\n      \n");
    const opened = await server.open("rubrics/editor-test/keys.yaml", text, (d) => d.some((x) => x.message.includes("maks")));
    const line = text.split("\n").indexOf("      ", lineOf("id: meetings"));
    const labels = (await server.completion(opened.uri, line, 6)).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["base", "floor", "zeroIf", "label", "weight", "only"]));
    expect(labels).not.toContain("children");
    expect(labels).not.toContain("combine");
  });

  test("a misspelled key on an item gets a diagnostic on its line", () => {
    expect(diagnostics).toContainEqual({ line: lineOf("maks: 10"), message: "Property maks is not allowed." });
    // and the item is told its full mark is missing, as zod would say
    expect(diagnostics).toContainEqual({ line: lineOf("id: meetings"), message: 'Missing property "max".' });
  });

  test('an item without kind is told "Missing property kind", not "children"', () => {
    expect(diagnostics).toContainEqual({ line: lineOf("id: kindless"), message: 'Missing property "kind".' });
    expect(diagnostics.filter((d) => d.message.includes("children"))).toEqual([]);
  });

  test("the valid parts get no diagnostics: a group without kind, a yesno item, the inputs, grades and the deduction entry", () => {
    const quiet = [lineOf("late:"), lineOf("grades:"), lineOf("id: r2"), lineOf("when:", lineOf("id: r2")), lineOf("id: good"), lineOf("id: missed"), lineOf("id: service"), lineOf("id: study"), lineOf("max: 5")];
    expect(diagnostics.filter((d) => quiet.includes(d.line))).toEqual([]);
    // Only the lines the document gets wrong on purpose carry diagnostics.
    const wrong = new Set([lineOf("type: ", lineOf("flag:")), lineOf("kind: ", lineOf("id: r1")), lineOf("kind: ", lineOf("id: fresh")), lineOf("id: meetings"), lineOf("maks"), lineOf("id: kindless")]);
    expect(diagnostics.filter((d) => !wrong.has(d.line))).toEqual([]);
  });

  test("hover on a key shows its description, Chinese first", async () => {
    const max = onKey("max", lineOf("id: study"));
    expect(await server.hover(uri, max.line, max.character)).toContain("分值：该项满分（0 或以上） / the item's full points (0 or more)");
    const deductions = onKey("deductions");
    expect(await server.hover(uri, deductions.line, deductions.character)).toContain("扣分情形：每种情形的扣分规则 / the deduction entries");
    const when = onKey("when", lineOf("id: r2"));
    expect(await server.hover(uri, when.line, when.character)).toContain("触发条件：条件成立时规则生效");
    const children = onKey("children");
    expect(await server.hover(uri, children.line, children.character)).toContain("子节点：下级指标或分组");
  });

  test("hover on an item's kind lists every kind with its description", async () => {
    const kind = onKey("kind", lineOf("id: study"));
    const text = await server.hover(uri, kind.line, kind.character);
    expect(text).toContain("种类：");
    expect(text).toContain("`deduct`: 扣分：从基础分起逐项扣减");
    expect(text).toContain("`group`: 分组：由 children 合成得分");
  });

  test("every bundled rubric opens without a diagnostic", async () => {
    // The tests files are checked by ajv (json-schema.test.ts); the golden ones are large for an editor round trip.
    const files = readdirSync(`${ROOT}/rubrics`, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml") && !f.includes("tests"));
    expect(files.length).toBeGreaterThanOrEqual(8);
    // A top-level key the schema refuses, appended: its diagnostic shows the schema was applied.
    const sentinel = "zz-not-a-key";
    const opened = await Promise.all(
      files.map((f) => server.open(`rubrics/${f}`, `${readFileSync(`${ROOT}/rubrics/${f}`, "utf8")}\n${sentinel}: 1\n`, (d) => d.some((x) => x.message.includes(sentinel)))),
    );
    const problems = opened.flatMap((o, i) => o.diagnostics.filter((d) => !d.message.includes(sentinel)).map((d) => `${files[i]}:${d.line + 1}: ${d.message}`));
    expect(problems).toEqual([]);
  }, 30_000);

  test("the yaml.schemas setting applies the same schema", async () => {
    const text = RUBRIC.replace(/^# yaml-language-server.*\n/, "");
    const opened = await server.open("rubrics/editor-test/rubric.by-setting.yaml", text, (d) => d.some((x) => x.message.includes("maks")));
    expect(opened.diagnostics.map((d) => d.message)).toContain("Property maks is not allowed.");
  });
});
