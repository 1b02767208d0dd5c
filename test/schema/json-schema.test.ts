import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { rubricJsonSchema, testFileJsonSchema } from "../../src/index.js";
import { parseYaml } from "../../src/parse/parse-yaml.js";
import { ITEM_KINDS, RubricSchema } from "../../src/schema/rubric-schema.js";
import { rubricText } from "../helpers.js";

type Json = Record<string, unknown>;
const committed = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), "utf8"));
const rubricSchema = rubricJsonSchema() as Json & { $defs: Record<string, Json> };
const testsSchema = testFileJsonSchema() as Json & { $defs: Record<string, Json> };

test("schema/rubric.schema.json is generated from the zod schema (run `npm run schema` after changing it)", () => {
  expect(committed("rubric.schema.json")).toEqual(JSON.parse(JSON.stringify(rubricJsonSchema())));
  expect(committed("tests.schema.json")).toEqual(JSON.parse(JSON.stringify(testFileJsonSchema())));
});

test("the schema describes every item kind and rule kind for completion", () => {
  const text = JSON.stringify(rubricJsonSchema());
  for (const kind of ["input", "yesno", "levels", "deduct", "bonus", "adjust", "ratio", "scale", "bands", "rank", "panel", "votes", "periods", "carry", "linked", "veto", "downgrade", "cap", "exclude"])
    expect(text).toContain(`"const":"${kind}"`);
  expect(rubricJsonSchema()).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", required: expect.arrayContaining(["kaohe", "id", "grades", "scoring"]) });
});

/** Every `$ref` in a schema, as def names. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v.replace("#/$defs/", ""));
      else refs(v, out);
    }
  return out;
}

/** Every entry of every `properties` map an author writes: [path, schema]. `if` and `not` only test a value (which kind it is). */
function properties(node: unknown, path = "#", out: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${path}/${i}`, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "if" || k === "not") continue;
      if (k === "properties" && v && typeof v === "object") for (const [name, p] of Object.entries(v)) out.push([`${path}/properties/${name}`, p as Json]);
      properties(v, `${path}/${k}`, out);
    }
  return out;
}

describe("named definitions", () => {
  test.each([
    ["rubric", rubricSchema],
    ["tests", testsSchema],
  ])("the %s schema's $defs have names, every $ref resolves, and every def is used", (_, schema) => {
    const names = Object.keys(schema.$defs);
    expect(names.filter((n) => /schema\d/i.test(n))).toEqual([]);
    const used = new Set(refs(schema));
    for (const r of used) expect(names, `$ref ${r}`).toContain(r);
    for (const n of names) expect(used.has(n), `unused def ${n}`).toBe(true);
    expect(names).toEqual([...names].sort());
  });

  test("each item kind, group, rule kind and input type is its own named def", () => {
    const names = Object.keys(rubricSchema.$defs);
    expect(names).toEqual(
      expect.arrayContaining([
        "Node",
        "Group",
        "RootGroup",
        ...ITEM_KINDS.map((k) => `Item.${k}`),
        "Rule",
        "Rule.veto",
        "Rule.downgrade",
        "Rule.cap",
        "Rule.exclude",
        "Input",
        "Input.number",
        "Input.records",
        "Condition",
        "Comparison",
        "Entry",
      ]),
    );
    expect(ITEM_KINDS).toHaveLength(15);
  });

  test("the same names on every generation", () => {
    expect(Object.keys((rubricJsonSchema() as { $defs: Json }).$defs)).toEqual(Object.keys(rubricSchema.$defs));
  });
});

describe("unions as dispatches on their key", () => {
  test("a node offers every kind: group and the 15 item kinds, each applying its own def", () => {
    const node = rubricSchema.$defs.Node as Json & { properties: { kind: Json }; else: { required: string[]; allOf: Json[] } };
    expect(node.properties.kind.enum).toEqual(["group", ...ITEM_KINDS]);
    expect(node.properties.kind.markdownEnumDescriptions).toHaveLength(16);
    // Without kind and with children: a group (zod's group has an optional kind).
    expect(node.if).toEqual({ required: ["children"], not: { required: ["kind"] } });
    expect(node.then).toEqual({ $ref: "#/$defs/Group" });
    expect(node.else.required).toEqual(["kind"]);
    expect(node.else.allOf).toContainEqual({ if: { properties: { kind: { const: "deduct" } }, required: ["kind"] }, then: { $ref: "#/$defs/Item.deduct" } });
    expect(node.else.allOf).toContainEqual({ if: { properties: { kind: { const: "group" } }, required: ["kind"] }, then: { $ref: "#/$defs/Group" } });
  });

  test("rules dispatch on kind and inputs on type", () => {
    const rule = rubricSchema.$defs.Rule as Json & { properties: { kind: Json } };
    expect(rule.properties.kind.enum).toEqual(["veto", "downgrade", "cap", "exclude"]);
    expect(rule.required).toEqual(["kind"]);
    const input = rubricSchema.$defs.Input as Json & { properties: { type: Json } };
    expect(input.properties.type.enum).toEqual(["number", "count", "ratio", "boolean", "choice", "grade", "text", "date", "rank", "scores", "votes", "series", "records"]);
  });
});

describe("descriptions, Chinese then English", () => {
  test.each([
    ["rubric", rubricSchema, 400],
    ["tests", testsSchema, 15],
  ])("every property of the %s schema has a description that starts in Chinese and has English", (_, schema, atLeast) => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThanOrEqual(atLeast);
    const bad = all.filter(([, p]) => typeof p.description !== "string" || !/^\p{Script=Han}/u.test(p.description) || !/ \/ .*[A-Za-z]{3}/.test(p.description));
    expect(bad.map(([path, p]) => `${path}: ${JSON.stringify(p.description)}`)).toEqual([]);
  });

  test("the check finds a property without one", () => {
    const withBare = { properties: { a: { type: "string", description: "分值 / points" }, b: { type: "string" }, c: { description: "points only" } } };
    const bad = properties(withBare).filter(([, p]) => typeof p.description !== "string" || !/^\p{Script=Han}/u.test(p.description));
    expect(bad.map(([path]) => path)).toEqual(["#/properties/b", "#/properties/c"]);
  });

  test("a shared part's own description is a $comment, so hover shows the property's", () => {
    // yaml-language-server shows the innermost description: Decimal's would hide max's.
    expect(rubricSchema.$defs.Decimal?.description).toBeUndefined();
    expect(rubricSchema.$defs.Decimal?.$comment).toMatch(/^数值/);
    const deduct = rubricSchema.$defs["Item.deduct"] as { properties: Record<string, Json> };
    expect(deduct.properties.max).toEqual({ description: "分值：该项满分（0 或以上） / the item's full points (0 or more)", $ref: "#/$defs/NonNegativeDecimal" });
  });
});

// ---------------------------------------------------------------- a JSON Schema validator (ajv, installed with yaml-language-server)

// Strict about keywords (a misspelled one fails); not about lints that valid 2020-12 schemas trip.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
ajv.addKeyword("markdownEnumDescriptions");
const validateRubric = ajv.compile(rubricJsonSchema());
const validateTests = ajv.compile(testFileJsonSchema());
const plain = (text: string) => {
  const { parsed, issues } = parseYaml(text);
  expect(issues).toEqual([]);
  return parsed.value;
};

describe("ajv agrees", () => {
  const folders = new URL("../../rubrics/", import.meta.url);
  const files = readdirSync(folders, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));

  test("there are bundled rubrics and tests files to check", () => {
    expect(files.filter((f) => !f.includes("tests")).length).toBeGreaterThanOrEqual(8);
    expect(files.filter((f) => f.includes("tests")).length).toBeGreaterThanOrEqual(5);
  });

  test.each(files)("rubrics/%s validates against the JSON Schema its modeline names", (file) => {
    const text = readFileSync(new URL(file, folders), "utf8");
    const schema = /\$schema=\S*tests\.schema\.json/.test(text.split("\n", 1)[0]!) ? validateTests : validateRubric;
    const ok = schema(plain(text));
    expect(ok ? [] : schema.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  const header = (body: string) => plain(rubricText(`scoring:\n${body}`));
  test.each([
    ["a group without kind", "  children:\n    - { id: a, kind: input, max: 10 }", true],
    ["a group with kind: group", "  kind: group\n  children:\n    - { id: g, kind: group, children: [{ id: a, kind: input, max: 10 }] }", true],
    ["a node with neither kind nor children", "  children:\n    - { id: a, max: 10 }", false],
    ["an unknown kind", "  children:\n    - { id: a, kind: deduce, max: 10 }", false],
    ["a misspelled key on an item", "  children:\n    - { id: a, kind: input, maks: 10 }", false],
    ["children on an item", "  children:\n    - { id: a, kind: input, max: 10, children: [{ id: b, kind: input, max: 1 }] }", false],
    ["a deduct item with one entry", "  children:\n    - { id: a, kind: deduct, max: 10, deductions: [{ id: e, per: n, points: 1 }] }", true],
    ["an entry with two methods", "  children:\n    - { id: a, kind: deduct, max: 10, deductions: [{ id: e, per: n, records: r, points: 1 }] }", false],
    ["an entry with none", "  children:\n    - { id: a, kind: deduct, max: 10, deductions: [{ id: e, points: 1 }] }", false],
    ["a comparison", "  children:\n    - { id: a, kind: input, max: 10, only: { fact: input.x, eq: 1 } }", true],
    ["a comparison with two operators", "  children:\n    - { id: a, kind: input, max: 10, only: { fact: total, gt: 1, lt: 5 } }", false],
    ["a comparison without an operator", "  children:\n    - { id: a, kind: input, max: 10, only: { fact: total } }", false],
    ["a nested condition", "  children:\n    - { id: a, kind: input, max: 10, only: { all: [input.x, { not: { fact: total, gte: 60 } }] } }", true],
  ])("%s: zod and the JSON Schema agree", (_, body, valid) => {
    const value = header(body);
    expect(RubricSchema.safeParse(value).success).toBe(valid);
    expect(validateRubric(value)).toBe(valid);
  });

  test.each([
    ["an unknown rule kind", "rules:\n  - { id: r, kind: vetoo, when: input.x, reason: x }"],
    ["a misspelled key on a rule", "rules:\n  - { id: r, kind: veto, when: input.x, reson: x }"],
    ["an unknown input type", "inputs:\n  x: { type: bool }"],
    ["a key of another input type", "inputs:\n  x: { type: boolean, length: 3 }"],
  ])("%s: rejected by zod and by the JSON Schema", (_, body) => {
    const value = plain(rubricText(`${body}\nscoring:\n  children:\n    - { id: a, kind: input, max: 10 }`));
    expect(RubricSchema.safeParse(value).success).toBe(false);
    expect(validateRubric(value)).toBe(false);
  });
});
