/**
 * The JSON Schema of the rubric language, generated from the zod schema, for
 * editors (yaml-language-server: `# yaml-language-server: $schema=...`).
 *
 * zod names each shared part by its `meta({ id })` (Item.deduct, Group, Condition …);
 * everything else is inlined, so every property carries its own description
 * (Chinese, then English) for hover. zod writes a discriminated union as a plain
 * `oneOf`, where yaml-language-server completes and reports against one "best"
 * branch only (so `kind:` completed to `group` alone, and an item without a kind was
 * told `Missing property "children"`). Here each such union becomes a dispatch on its
 * key: the key is an enum of every member, and `if`/`then` applies the member its value
 * names. Validation (zod) is unchanged; this is the editor's view of the same language.
 *
 * On hover, yaml-language-server shows the first description among the schemas a value
 * matched, innermost first: a shared part's own description (Decimal's "a number…")
 * would hide the property's ("分值：该项满分…"). So a description stays only where a
 * value starts (the root, a property, an array's items, a mapping's values); a part's
 * own description moves to `$comment`, and is copied to where it starts a value with
 * no description of its own.
 */
import { z } from "zod";
import { RubricSchema, TestFileSchema } from "./rubric-schema.js";

type Json = Record<string, unknown>;

/** Top-level "x-" keys hold YAML anchors and are ignored. */
const EXTENSIONS = {
  "^x-": { description: "扩展键：存放 YAML 锚点，计分时忽略 / an extension key holding YAML anchors; ignored" },
};

const REF = "#/$defs/";
const ref = (name: string): Json => ({ $ref: `${REF}${name}` });

/**
 * JSON Schema (draft 2020-12) of a rubric file.
 *
 * @returns a plain JSON-serialisable object
 * @example
 * fs.writeFileSync("rubric.schema.json", JSON.stringify(rubricJsonSchema(), null, 2))
 */
export function rubricJsonSchema(): Record<string, unknown> {
  const schema = editorSchema(z.toJSONSchema(RubricSchema, { io: "input", unrepresentable: "any", reused: "inline" }) as Json);
  return {
    ...schema,
    patternProperties: EXTENSIONS,
    title: "kaohe rubric",
    description: "kaohe 考核细则：等次、指标体系、规则、名额、排名、处理和测试用例 / a kaohe rubric: grades, indicator tree, rules, quotas, ranking, actions and tests",
  };
}

/** JSON Schema of a sibling tests file (`*.tests.yaml`). */
export function testFileJsonSchema(): Record<string, unknown> {
  const schema = editorSchema(z.toJSONSchema(TestFileSchema, { io: "input", unrepresentable: "any", reused: "inline" }) as Json);
  return {
    ...schema,
    patternProperties: EXTENSIONS,
    title: "kaohe rubric tests",
    description: "kaohe 细则的测试用例文件 / the test cases of a kaohe rubric",
  };
}

/** zod's JSON Schema → the editor's: unions as dispatches, tidy refs, defs in name order. */
function editorSchema(raw: Json): Json {
  const defs = { ...((raw.$defs as Record<string, Json> | undefined) ?? {}) };
  if (defs.Node && defs.Group && defs.Item) defs.Node = nodeDispatch(defs);
  if (defs.Input) defs.Input = dispatch(defs, "Input", "type");
  if (defs.Rule) defs.Rule = dispatch(defs, "Rule", "kind");
  if (defs.Entry) defs.Entry = { ...defs.Entry, oneOf: ENTRY_METHODS.map((m) => ({ required: [m] })) };
  // `fact` and exactly one operator (zod checks it in a refinement): two keys, no others.
  if (defs.Comparison) defs.Comparison = { ...defs.Comparison, minProperties: 2, maxProperties: 2 };
  const root = hoverable(tidy({ ...raw, $defs: defs }, defs) as Json, defs, true) as Json;
  const used = reachable(root, defs);
  const kept = Object.keys(defs)
    .filter((name) => used.has(name))
    .sort();
  const { $defs: _, ...rest } = root;
  return { ...rest, $defs: Object.fromEntries(kept.map((name) => [name, (root.$defs as Record<string, Json>)[name]])) };
}

/** An entry is exactly one of these (the zod schema checks the same in a refinement). */
const ENTRY_METHODS = ["when", "per", "shortfall", "records", "chosen"];

/** The members of a union def, by their value of `key`, in declaration order. */
function members(defs: Record<string, Json>, union: string, key: string): { value: string; def: string; description: string }[] {
  const alternatives = (defs[union]?.oneOf ?? defs[union]?.anyOf) as Json[] | undefined;
  if (!alternatives) throw new Error(`json-schema: ${union} is not a union`);
  return alternatives.map((alt) => {
    const name = String(alt.$ref ?? "").slice(REF.length);
    const member = defs[name];
    const value = (member?.properties as Record<string, Json> | undefined)?.[key]?.const;
    if (typeof value !== "string") throw new Error(`json-schema: ${union} member ${name} has no const ${key}`);
    return { value, def: name, description: String(member?.description ?? "") };
  });
}

/** `if key is value then member`, for each member. */
const branch = (key: string, value: string, def: string): Json => ({
  if: { properties: { [key]: { const: value } }, required: [key] },
  then: ref(def),
});

/**
 * A discriminated union as editors read it: `key` is required and offers every member
 * (with the member's description for completion); the member named applies.
 */
function dispatch(defs: Record<string, Json>, union: string, key: string): Json {
  const all = members(defs, union, key);
  return {
    description: defs[union]?.description,
    type: "object",
    properties: {
      [key]: {
        description: `${union === "Input" ? "类型" : "种类"}：${all.map((m) => m.value).join(" | ")} / ${key}: one of ${all.map((m) => m.value).join(", ")}`,
        type: "string",
        enum: all.map((m) => m.value),
        markdownEnumDescriptions: all.map((m) => m.description),
      },
    },
    required: [key],
    allOf: all.map((m) => branch(key, m.value, m.def)),
  };
}

/**
 * A node of the tree: a group when it has children and no kind (as zod reads it: the
 * group's kind is optional), otherwise `kind` is required and picks the group or item.
 */
function nodeDispatch(defs: Record<string, Json>): Json {
  const items = members(defs, "Item", "kind");
  const group = { value: "group", def: "Group", description: String(defs.Group?.description ?? "") };
  const all = [group, ...items];
  return {
    description: defs.Node?.description,
    type: "object",
    properties: {
      kind: {
        description: `种类：指标项的计分方法，或 group（分组） / kind: the item's scoring method, or group: ${all.map((m) => m.value).join(", ")}`,
        type: "string",
        enum: all.map((m) => m.value),
        markdownEnumDescriptions: all.map((m) => m.description),
      },
    },
    if: { required: ["children"], not: { required: ["kind"] } },
    then: ref("Group"),
    else: { required: ["kind"], allOf: all.map((m) => branch("kind", m.value, m.def)) },
  };
}

/** Drops keys that repeat what a sibling `$ref` already says (zod copies a parent's keys). */
function tidy(node: unknown, defs: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((n) => tidy(n, defs));
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  const target = typeof (node as Json).$ref === "string" ? defs[String((node as Json).$ref).slice(REF.length)] : undefined;
  for (const [key, value] of Object.entries(node as Json)) {
    if (target && key !== "$ref" && key !== "description" && JSON.stringify(target[key]) === JSON.stringify(value)) continue;
    out[key] = tidy(value, defs);
  }
  return out;
}

/** Keys whose schema applies to a new value (a property, an item, a mapping value): a description there shows on hover. */
const VALUE_KEYS = new Set(["additionalProperties", "items", "propertyNames", "contains"]);
const VALUE_MAPS = new Set(["properties", "patternProperties"]);

/**
 * Keeps descriptions where a value starts (`starts`), moves the others to `$comment`,
 * and gives a value that starts with a bare `$ref` its part's description.
 */
function hoverable(node: unknown, defs: Record<string, Json>, starts: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => hoverable(n, defs, false));
  if (node === null || typeof node !== "object") return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === "description" && !starts) out.$comment = value;
    else if (VALUE_MAPS.has(key) && value && typeof value === "object")
      out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, hoverable(v, defs, true)]));
    else if (key === "$defs" && value && typeof value === "object")
      out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, hoverable(v, defs, false)]));
    else if (key === "prefixItems" && Array.isArray(value)) out[key] = value.map((v) => hoverable(v, defs, true));
    else out[key] = hoverable(value, defs, VALUE_KEYS.has(key));
  }
  if (starts && out.description === undefined && typeof source.$ref === "string") {
    const description = defs[source.$ref.slice(REF.length)]?.description;
    if (description !== undefined) out.description = description;
  }
  return out;
}

/** Names of the defs reachable from the root (not through $defs itself). */
function reachable(root: Json, defs: Record<string, Json>): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === "$defs") continue;
      if (key === "$ref" && typeof value === "string" && value.startsWith(REF)) {
        const name = value.slice(REF.length);
        if (!seen.has(name)) {
          seen.add(name);
          visit(defs[name]);
        }
      } else visit(value);
    }
  };
  visit(root);
  return seen;
}
