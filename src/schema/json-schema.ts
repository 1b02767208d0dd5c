/**
 * The JSON Schema of the rubric language, generated from the zod schema, for
 * editors (yaml-language-server: `# yaml-language-server: $schema=...`).
 */
import { z } from "zod";
import { RubricSchema, TestFileSchema } from "./rubric-schema.js";

/** Top-level "x-" keys hold YAML anchors and are ignored. */
const EXTENSIONS = { "^x-": {} };

/**
 * JSON Schema (draft 2020-12) of a rubric file.
 *
 * @returns a plain JSON-serialisable object
 * @example
 * fs.writeFileSync("rubric.schema.json", JSON.stringify(rubricJsonSchema(), null, 2))
 */
export function rubricJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RubricSchema, { io: "input", unrepresentable: "any", reused: "ref" }),
    patternProperties: EXTENSIONS,
    title: "kaohe rubric",
    description: "A kaohe (考核) rubric: grades, indicator tree, rules, quotas, ranking, actions and tests.",
  };
}

/** JSON Schema of a sibling tests file (`*.tests.yaml`). */
export function testFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TestFileSchema, { io: "input", unrepresentable: "any", reused: "ref" }),
    patternProperties: EXTENSIONS,
    title: "kaohe rubric tests",
  };
}
